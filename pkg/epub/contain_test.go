package epub

import (
	"archive/zip"
	"io"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

// TestRenderContainsPanics: a panic while rendering a chapter, which runs
// on a worker goroutine, becomes an error on that chapter's file.
func TestRenderContainsPanics(t *testing.T) {
	b, _ := loadBook(t, "../../books/sample.yaml")
	p := newPublication(b, Options{}, &diag.List{})
	if err := p.writeImages(zip.NewWriter(io.Discard)); err != nil {
		t.Fatal(err)
	}
	p.plan()
	var d *document
	for _, x := range p.docs {
		if x.chapter != nil {
			d = x
			break
		}
	}
	broken := *d.chapter
	broken.Doc = nil // a bug: rendering dereferences it
	d.chapter = &broken
	p.renderContained(p.newRenderer(), d)
	if d.body == nil || !d.diags.HasErrors() {
		t.Fatal("the panic was not turned into an error")
	}
	got := d.diags.Items()[0].String()
	if !strings.Contains(got, d.chapter.Source) || !strings.Contains(got, "nil pointer") {
		t.Errorf("message %q should name the post and the panic", got)
	}
}
