package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/yuin/goldmark/ast"
)

// engine carries the state of one Layout: the book, the fonts, and the
// chapter being set.
type engine struct {
	b     *book.Book
	opt   Options
	set   manifest.PDFOptions // the book's PDF settings
	size  Length              // the body text size
	fs    *fontSet
	diags *diag.List
	// sink is the list Layout was given, where image sources report the
	// images the painter cannot use, after the layout (diags is a
	// chapter's own list in a chapter's engine: chapters.go).
	sink  *diag.List
	geo   geometry
	pitch Length // the body line pitch

	// The chapter being set.
	ch     *book.Chapter
	src    []byte
	skipH1 ast.Node
	depth  map[ast.Node]int // each heading's book.Heading.Depth
	images map[ast.Node][]*book.ImageRef
	// figCaptions are the captions raw HTML <figure>s give their images:
	// the <figcaption>'s text, else the <img>'s title ("" for none), in
	// place of the title or alt text an image has elsewhere (rawhtml.go).
	figCaptions map[*book.ImageRef]string
	// missing counts the characters in no font, per post.
	missing missingChars
	notes   map[int]ast.Node // footnote bodies by index
	// figuresAfter is set while a paragraph's inlines are collected: its
	// images are set as figures after it.
	figuresAfter bool
	head         string

	boxes []*vbox
	ctx   blockCtx

	outline []*OutlineEntry
	chEntry *OutlineEntry // the chapter being set
	toc     []*tocEntry

	math *mathState // made on the first formula (math.go)
	para paraSpan   // the boxes of the last paragraph (mathdisplay.go)
	// sources are the images' sources by Key (imagesource.go)
	sources map[string]*imageSource
	// vectors are the SVG images by content (vector.go)
	vectors map[[32]byte]*vectorImage

	// chapterOnly marks the engine of one chapter (forChapter), which
	// leaves the warning that the math font cannot be read to the book's
	// engine (mathErr): the book warns once, as one engine setting every
	// chapter did.
	chapterOnly bool
	mathErr     error
	mathWarned  bool
}

// blockCtx is the indentation of the blocks being set: list items and
// block quotes narrow the measure and draw in the margin they make.
type blockCtx struct {
	left, right Length
	bars        []quoteBar // the rules of enclosing block quotes
	marker      []Element
	firstBlock  bool // no space before the next block (first in a list item)
	// raw are the block elements of raw HTML open around the blocks being
	// set, innermost last: a <center> (or a block aligned center) centres
	// the text of every block inside it, Markdown paragraphs included, as
	// in the EPUB, until its end tag or the end of the Markdown element
	// around it (rawhtml.go).
	raw []rawBlock
}

// centered reports whether the blocks being set are centred.
func (c blockCtx) centered() bool {
	for _, r := range c.raw {
		if r.center {
			return true
		}
	}
	return false
}

func newEngine(b *book.Book, opt Options, fs *fontSet, diags *diag.List) *engine {
	set := b.Config.PDF
	e := &engine{b: b, opt: opt, set: set, size: Pt(set.FontSize), fs: fs, diags: diags, sink: diags,
		geo: newGeometry(set)}
	e.pitch = Length(float64(e.size) * set.LineHeight)
	return e
}

// width is the measure of the current context.
func (e *engine) width() Length { return e.geo.textW - e.ctx.left - e.ctx.right }

// pos returns the position of a node of the current chapter; text that
// comes from no node (a chapter title from front matter) is placed at the
// chapter's file.
func (e *engine) pos(n ast.Node) diag.Pos {
	switch {
	case e.ch == nil:
		return diag.Pos{}
	case n == nil:
		return diag.Pos{File: e.ch.Source}
	}
	return e.ch.NodePos(n)
}

// emit appends a box, drawing the enclosing block quotes' rules beside it
// and the pending list marker on its first line.
func (e *engine) emit(b *vbox) {
	for _, bar := range e.ctx.bars {
		b.els = append(b.els, Rule{X1: bar.x, Y1: 0, X2: bar.x, Y2: b.h, Width: quoteRuleWidth(e), Color: bar.color})
	}
	if !b.space && e.ctx.marker != nil && b.base > 0 {
		// drawn before the line, so that text extraction reads it first
		marker := make([]Element, 0, len(e.ctx.marker)+len(b.els))
		for _, el := range e.ctx.marker {
			marker = append(marker, shifted(el, 0, b.base))
		}
		b.els = append(marker, b.els...)
		e.ctx.marker = nil
	}
	e.attachNotes(b)
	if b.head == "" {
		b.head = e.head
	}
	e.boxes = append(e.boxes, b)
}

// space emits vertical space of height h.
func (e *engine) space(h Length) {
	if h > 0 {
		e.emit(&vbox{h: h, space: true})
	}
}

// unit starts a block that a floating figure must not cut (a code block,
// a table); calling the function it returns ends it, marking every box
// emitted since but the first as inner.
func (e *engine) unit() func() {
	start := len(e.boxes)
	return func() {
		for i := start + 1; i < len(e.boxes); i++ {
			e.boxes[i].inner = true
		}
	}
}

// keepLast makes the last box keep with the next one.
func (e *engine) keepLast() {
	if n := len(e.boxes); n > 0 {
		e.boxes[n-1].keep = true
	}
}
