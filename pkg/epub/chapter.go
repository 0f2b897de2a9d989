package epub

import (
	"bytes"
	"html"
	"time"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
)

// chapterHTML renders the chapter of d to (not yet clean) HTML with
// worker w: its title, its date, its body.
func (p *publication) chapterHTML(w *worker, d *document) string {
	c := d.chapter
	var b bytes.Buffer
	b.WriteString(`<section epub:type="chapter">`)
	skip := p.titleHeading(&b, c)
	p.writeDate(&b, c.Date)
	w.nodes.start(d, skip)
	if err := w.renderer.Render(&b, c.Src(), c.Doc); err != nil {
		d.diags.Errorf(c.NodePos(c.Doc), "rendering the chapter failed: %v", err)
	}
	b.WriteString(`</section>`)
	return b.String()
}

// titleHeading writes the chapter title as its h1 and returns the heading
// node it replaces, if the title came from one: that heading is not
// printed a second time, but its id stays the title's.
func (p *publication) titleHeading(b *bytes.Buffer, c *book.Chapter) ast.Node {
	var skip ast.Node
	id := ""
	if h := c.TitleHeading; h != nil {
		skip, id = h.Node, h.ID
	}
	b.WriteString(`<h1 class="chapter-title"`)
	if id != "" {
		b.WriteString(` id="` + html.EscapeString(id) + `"`)
	}
	b.WriteString(`>` + html.EscapeString(p.byChapter[c].title) + `</h1>`)
	return skip
}

func (p *publication) writeDate(b *bytes.Buffer, t time.Time) {
	if t.IsZero() {
		return
	}
	b.WriteString(`<p class="chapter-date"><time datetime="` + t.Format("2006-01-02") + `">` +
		html.EscapeString(p.words.date(t)) + `</time></p>`)
}

// worker renders documents one after another; each goroutine that
// renders has its own, because a goldmark renderer and our node renderer
// keep the state of the chapter they are in.
type worker struct {
	nodes    *nodeRenderer
	renderer renderer.Renderer
}

func (p *publication) newWorker() *worker {
	nodes := &nodeRenderer{p: p}
	return &worker{nodes: nodes, renderer: markdown.New(markdown.Options{}).HTMLRenderer(nodes)}
}
