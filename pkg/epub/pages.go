package epub

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"html"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	xhtml "golang.org/x/net/html"
)

// plan names every content document in reading order before any is
// rendered, so that links between chapters resolve to real files.
func (p *publication) plan() {
	if name := p.images[p.book.Cover]; p.book.Cover != nil && name != "" {
		p.addDoc(&document{id: "cover", href: "cover.xhtml", title: p.words.Cover})
	}
	p.addDoc(&document{id: "titlepage", href: "title.xhtml", title: orDefault(p.book.Meta.Title, p.words.TitlePage)})
	p.addDoc(&document{id: "nav", href: "nav.xhtml", title: p.words.Contents, props: "nav"})
	n, parts := 0, 0
	for _, part := range p.book.Parts {
		if part.Title != "" {
			parts++
			id := fmt.Sprintf("p%03d", parts)
			p.addDoc(&document{id: id, href: id + ".xhtml", title: orDefault(part.Title, id), part: part})
		}
		for _, c := range part.Chapters {
			n++
			id := chapterID(c, n)
			p.addDoc(&document{id: id, href: id + ".xhtml", title: orDefault(c.Title, id), chapter: c})
		}
	}
	p.stats.Chapters = n
}

var safeID = regexp.MustCompile(`^c[0-9]{1,6}$`)

// chapterID is the book's chapter id when it is one of the c001 kind, else
// one made from the chapter's position: ids become file names.
func chapterID(c *book.Chapter, n int) string {
	if safeID.MatchString(c.ID) {
		return c.ID
	}
	return fmt.Sprintf("c%03d", n)
}

// renderAll renders docs on as many goroutines as there are processors.
// Rendering reads the book and the publication's maps but writes only to
// its own document; diagnostics are merged afterwards in reading order.
func (p *publication) renderAll(docs []*document) {
	var done atomic.Int64
	parallel.With(len(docs), p.newWorker, func(w *worker, i int) {
		p.renderContained(w, docs[i])
		if p.opt.Progress != nil {
			p.opt.Progress(progress.RenderingChapters, int(done.Add(1)), len(docs))
		}
	})
	for _, d := range docs {
		p.diags.Append(&d.diags)
		p.hasImages = p.hasImages || d.hasImages
	}
}

// renderContained renders d, turning a panic into an error on its
// chapter instead of a crash: documents render on several goroutines,
// where nothing above could recover it.
func (p *publication) renderContained(w *worker, d *document) {
	defer func() {
		if r := recover(); r != nil {
			pos := diag.Pos{File: d.href}
			if d.chapter != nil {
				pos = diag.Pos{File: d.chapter.Source}
			}
			d.diags.Errorf(pos, "internal error while rendering this chapter (please report it with the post): %v", r)
			d.body = &xhtml.Node{Type: xhtml.ElementNode, Data: "body"}
		}
	}()
	p.render(w, d)
}

// render fills the body of d.
func (p *publication) render(w *worker, d *document) {
	cl := p.cleanerFor(d)
	d.body = cl.sanitize(p.documentHTML(w, d), !d.raw)
	d.ids = cl.ids
}

// documentHTML renders d to HTML, not yet cleaned.
func (p *publication) documentHTML(w *worker, d *document) string {
	var src string
	switch {
	case d.chapter != nil:
		src = p.chapterHTML(w, d)
	case d.part != nil:
		src = `<section epub:type="part"><h1 class="part-title">` + html.EscapeString(d.part.Title) + `</h1></section>`
	case d.id == "cover":
		src = p.coverHTML()
	case d.id == "titlepage":
		src = p.titleHTML()
	case d.id == "nav":
		src = p.navHTML()
	}
	return src
}

func (p *publication) coverHTML() string {
	return `<section epub:type="cover" class="cover"><img data-epub-asset="" src="` +
		html.EscapeString(p.images[p.book.Cover]) + `" alt="` + html.EscapeString(p.book.Meta.Title) + `"/></section>`
}

func (p *publication) titleHTML() string {
	m := p.book.Meta
	var b strings.Builder
	b.WriteString(`<section epub:type="titlepage" class="titlepage"><h1 class="title">` + html.EscapeString(m.Title) + `</h1>`)
	para := func(class, text string) {
		if text != "" {
			b.WriteString(`<p class="` + class + `">` + html.EscapeString(text) + `</p>`)
		}
	}
	para("subtitle", m.Subtitle)
	para("authors", strings.Join(m.Authors, ", "))
	para("publisher", m.Publisher)
	b.WriteString(`</section>`)
	return b.String()
}
