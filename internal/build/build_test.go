package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
)

// writeSite writes files below dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The manifest's settings reach the writers unchanged, through the book:
// what layout sets is what the manifest asked for.
func TestManifestToWriterSettings(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"site/_config.yml":            "title: 시험\n",
		"site/_posts/2020-01-01-a.md": "---\ntitle: 가\n---\n본문입니다.\n",
		"book.yaml": "title: 책\nauthors: 나\nsite: {root: site}\nchapters: [site/_posts/*.md]\n" +
			"epub: {toc_depth: 3, max_image_px: 800}\npdf: {paper: mungo, linebreak: normal, font_size: 9, line_height: 1.6, indent: 1}\n",
	})
	var d diag.List
	in, err := Load(Env{WorkDir: dir}, []string{filepath.Join(dir, "book.yaml")}, &d)
	if err != nil {
		t.Fatal(err, d.Items())
	}
	cfg := in.Book.Config
	if cfg != in.Manifest {
		t.Error("the book's configuration is not the manifest it was loaded from")
	}
	want := manifest.PDFOptions{Paper: manifest.Paper{Name: "mungo", Width: 105, Height: 148}, LineBreak: manifest.Normal,
		Indent: 1, FontSize: 9, LineHeight: 1.6}
	if got := cfg.PDF; got.Paper != want.Paper || got.LineBreak != want.LineBreak || got.Indent != 1 || got.FontSize != 9 || got.LineHeight != 1.6 {
		t.Errorf("pdf settings %+v, want %+v", got, want)
	}
	if cfg.EPUB.TOCDepth != 3 || cfg.EPUB.MaxImagePx != 800 {
		t.Errorf("epub settings %+v", cfg.EPUB)
	}
	doc, err := layout.Layout(in.Book, layout.Options{}, &d)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Width != layout.Mm(105) || doc.Height != layout.Mm(148) {
		t.Errorf("layout page %v×%v pt, want 문고판", doc.Width.Pt(), doc.Height.Pt())
	}
	// --paper changes the same value, through the same parser.
	if err := in.Book.Config.PDF.SetPaper("a4"); err != nil {
		t.Fatal(err)
	}
	if doc, _ = layout.Layout(in.Book, layout.Options{}, &d); doc.Width != layout.Mm(210) {
		t.Errorf("after --paper a4 the page is %v pt wide", doc.Width.Pt())
	}
}

// Posts named on the command line make a book with the defaults, its site
// root found above them, its title and author from the first post and
// _config.yml, and the outputs named after the first post.
func TestPostsBook(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"blog/_config.yml":                 "author: 김하늘\n",
		"blog/_posts/2020/2020-01-05-x.md": "---\ntitle: 엑스\n---\n본문\n",
	})
	var d diag.List
	env := Env{WorkDir: dir}
	in, err := Load(env, []string{filepath.Join(dir, "blog/_posts/2020/2020-01-05-x.md")}, &d)
	if err != nil {
		t.Fatal(err, d.Items())
	}
	m := in.Book.Meta
	if m.Title != "엑스" || strings.Join(m.Authors, ",") != "김하늘" || in.Manifest.Site == nil ||
		in.Manifest.Site.Root != filepath.Join(dir, "blog") {
		t.Errorf("meta %+v, site %+v", m, in.Manifest.Site)
	}
	if got := DefaultOutput(env, in, ".pdf"); got != filepath.Join(dir, "x.pdf") {
		t.Errorf("default output %s", got)
	}
	if in.Book.Config.PDF.Paper.Name != manifest.DefaultPaper {
		t.Errorf("a book of posts has paper %q", in.Book.Config.PDF.Paper.Name)
	}
}

func TestSourceDateEpoch(t *testing.T) {
	for value, want := range map[string]string{
		"":             "",
		"0":            "1970-01-01T00:00:00Z",
		"1612224000":   "2021-02-02T00:00:00Z",
		"253402300799": "9999-12-31T23:59:59Z",
		"253402300800": "error",
		"-1":           "error",
		"soon":         "error",
	} {
		got, err := sourceDate(Env{Getenv: func(string) string { return value }})
		switch {
		case want == "error" && err == nil:
			t.Errorf("SOURCE_DATE_EPOCH=%q accepted as %v", value, got)
		case want == "" && !got.IsZero(), want != "" && want != "error" && got.Format(time.RFC3339) != want:
			t.Errorf("SOURCE_DATE_EPOCH=%q gives %v, want %s", value, got, want)
		}
	}
	// A bad value is an error diagnostic, and nothing is loaded.
	var d diag.List
	_, err := Load(Env{Getenv: func(string) string { return "x" }}, []string{"../../books/sample.yaml"}, &d)
	if err == nil || !d.HasErrors() || !strings.Contains(fmt.Sprint(d.Items()), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: %v\n%v", err, d.Items())
	}
}

func TestLoadArguments(t *testing.T) {
	var d diag.List
	if _, err := Load(Env{}, nil, &d); err == nil {
		t.Error("no arguments accepted")
	}
	if _, err := Load(Env{}, []string{"a.yaml", "b.md"}, &d); err == nil {
		t.Error("a manifest with posts accepted")
	}
}

func TestRelAndSize(t *testing.T) {
	env := Env{WorkDir: "/w"}
	for abs, want := range map[string]string{"/w/a/b.md": filepath.FromSlash("a/b.md"), "/elsewhere/x": "/elsewhere/x"} {
		if got := env.Rel(abs); got != want {
			t.Errorf("Rel(%s) = %s", abs, got)
		}
	}
	for n, want := range map[int64]string{812: "812 B", 14200: "14.2 KB", 3_400_000: "3.4 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %s", n, got)
		}
	}
}
