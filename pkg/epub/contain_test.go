package epub

import (
	"io"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
)

// panicking is a renderer with a bug.
type panicking struct{}

func (panicking) Render(io.Writer, []byte, ast.Node) error { panic("boom") }
func (panicking) AddOptions(...renderer.Option)            {}

// TestRenderContainsPanics: a panic while rendering a chapter, which runs
// on a worker goroutine, becomes an error on that chapter's file.
func TestRenderContainsPanics(t *testing.T) {
	b, _ := loadBook(t, "../../books/sample.yaml")
	p := newPublication(b, Options{}, &diag.List{})
	p.prepareImages()
	p.plan()
	var d *document
	for _, x := range p.docs {
		if x.chapter != nil {
			d = x
			break
		}
	}
	w := p.newWorker()
	w.renderer = panicking{}
	p.renderContained(w, d)
	if d.body == nil || !d.diags.HasErrors() {
		t.Fatal("the panic was not turned into an error")
	}
	got := d.diags.Items()[0].String()
	if !strings.Contains(got, d.chapter.Source) || !strings.Contains(got, "boom") {
		t.Errorf("message %q should name the post and the panic", got)
	}
}
