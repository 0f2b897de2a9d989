package epub

import (
	"strconv"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/net/html"
)

// publication is one EPUB being built: the content documents, the files
// that go into the zip beside them, and what the package document lists.
type publication struct {
	book  *book.Book
	opt   Options
	diags *diag.List
	lang  string
	words labels

	// images maps each asset to its file name in the EPUB ("" when it
	// could not be packaged).
	images map[*book.Asset]string
	// packaged holds the names of the packaged images.
	packaged map[string]bool
	// docs are the content documents in reading order, nav.xhtml included.
	docs   []*document
	byHref map[string]*document
	// byChapter finds the document of a chapter.
	byChapter map[*book.Chapter]*document
	// files are the other publication resources (images, fonts, CSS), in
	// the order they were added.
	files []*file
	// fonts are the embedded font files, in the order they were added.
	fonts []fonts.Face
	runes *faceRunes
	stats Stats
	// hasImages is true when a document shows at least one image, for the
	// accessibility metadata.
	hasImages bool
	mathOnce
}

// document is one XHTML content document.
type document struct {
	id    string // manifest id, also the file's stem: c001
	href  string // file name relative to the package document
	title string
	// body is the body element, built by the renderer.
	body *html.Node
	ids  map[string]bool
	// props are the manifest properties of the item ("nav", "svg").
	props   string
	chapter *book.Chapter
	part    *book.Part
	data    []byte
	// diags and hasImages are what rendering found, kept apart per
	// document while documents render in parallel.
	diags     diag.List
	hasImages bool
	// svg and mathml say that the document holds inline SVG or MathML,
	// which its manifest item must declare.
	svg, mathml bool
}

// file is any other resource of the publication.
type file struct {
	id, href, mediaType, props string
	data                       []byte
	// written is set for images, which are in the zip already.
	written bool
}

func newPublication(b *book.Book, opt Options, diags *diag.List) *publication {
	lang := b.Meta.Language
	p := &publication{book: b, opt: opt, diags: diags, lang: lang, words: labelsFor(lang),
		byHref: map[string]*document{}, byChapter: map[*book.Chapter]*document{}}
	if b.Config.EPUB.EmbedFonts {
		// The characters each face draws are gathered only when fonts are
		// embedded, to cut them to what the book uses.
		p.runes = &faceRunes{}
	}
	return p
}

// build renders every document and resource, in an order where each step
// has what it needs (the images are in the zip already: writeImages),
// every
// document's name before links are resolved, every document before links
// are checked against their ids, the text before
// the fonts are cut to it, the fonts before the stylesheet names them.
func (p *publication) build() error {
	p.plan()
	// The table of contents lists only headings whose ids survived
	// cleaning, so it is rendered after the chapters.
	var docs, nav []*document
	for _, d := range p.docs {
		if d.props == "nav" {
			nav = append(nav, d)
		} else {
			docs = append(docs, d)
		}
	}
	p.renderAll(docs)
	p.renderAll(nav)
	p.serializeDocs()
	if p.book.Config.EPUB.EmbedFonts {
		if err := p.subsetFonts(); err != nil {
			return err
		}
	}
	css, err := p.stylesheet()
	if err != nil {
		return err
	}
	p.addFile(cssFile, "text/css", css, "")
	return nil
}

// cssFile is the stylesheet every document links to.
const cssFile = "style.css"

func (p *publication) addDoc(d *document) {
	p.docs = append(p.docs, d)
	p.byHref[d.href] = d
	if d.chapter != nil {
		p.byChapter[d.chapter] = d
	}
}

func (p *publication) addFile(href, mediaType string, data []byte, props string) {
	id := "r" + strconv.Itoa(len(p.files)+1)
	p.files = append(p.files, &file{id: id, href: href, mediaType: mediaType, props: props, data: data})
}
