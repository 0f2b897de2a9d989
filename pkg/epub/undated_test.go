package epub

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// A book that nothing dates has no dc:date (not 0001-01-01), its
// dcterms:modified is the Unix epoch, and it passes EPUBCheck.
func TestUndatedBookHasNoDate(t *testing.T) {
	site := fstest.MapFS{"b/posts/note.md": {Data: []byte("---\ntitle: 날짜 없는 글\n---\n본문\n")}}
	cfg := manifest.Default()
	cfg.Title, cfg.Authors, cfg.Dir = "책", []string{"가"}, "b"
	cfg.Chapters = []manifest.Entry{{Pattern: "b/posts/note.md"}}
	var diags diag.List
	b, err := book.Load(cfg, book.Options{FS: site}, &diags)
	if err != nil {
		t.Fatal(err, diags.Items())
	}
	data, _, _ := build(t, b, Options{})
	opf := string(zipFiles(t, data)["EPUB/package.opf"])
	if strings.Contains(opf, "<dc:date>") || !strings.Contains(opf, `<meta property="dcterms:modified">1970-01-01T00:00:00Z</meta>`) {
		t.Errorf("package.opf:\n%s", opf)
	}
	epubcheck(t, data)
}
