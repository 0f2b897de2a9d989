package epub

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/net/html"
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
	parallel.With(len(docs), p.newRenderer, func(r *renderer, i int) {
		p.renderContained(r, docs[i])
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
func (p *publication) renderContained(r *renderer, d *document) {
	defer func() {
		if e := recover(); e != nil {
			pos := diag.Pos{File: d.href}
			if d.chapter != nil {
				pos = diag.Pos{File: d.chapter.Source}
			}
			d.diags.Errorf(pos, "internal error while rendering this chapter (please report it with the post): %v", e)
			d.body = &html.Node{Type: html.ElementNode, Data: "body"}
		}
	}()
	p.render(r, d)
}

func (r *renderer) partPage(part *book.Part) {
	r.t.open("section", []html.Attribute{kv("epub:type", "part")}, false, "")
	r.element("h1", "part-title", part.Title)
	r.t.close()
}

func (r *renderer) coverPage() {
	r.t.open("section", []html.Attribute{kv("epub:type", "cover"), kv("class", "cover")}, false, "")
	r.image([]html.Attribute{kv("src", r.p.images[r.p.book.Cover]), kv("alt", r.p.book.Meta.Title)}, false)
	r.t.close()
}

func (r *renderer) titlePage() {
	m := r.p.book.Meta
	r.t.open("section", []html.Attribute{kv("epub:type", "titlepage"), kv("class", "titlepage")}, false, "")
	r.element("h1", "title", m.Title)
	for _, line := range [][2]string{{"subtitle", m.Subtitle}, {"authors", strings.Join(m.Authors, ", ")}, {"publisher", m.Publisher}} {
		if line[1] != "" {
			r.element("p", line[0], line[1])
		}
	}
	r.t.close()
}

// element writes an element of the given class holding text.
func (r *renderer) element(name, class, text string) {
	r.t.open(name, []html.Attribute{kv("class", class)}, false, "")
	r.t.text(text)
	r.t.close()
}
