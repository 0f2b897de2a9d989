package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Issue 9, bug 1: a book made from posts alone takes its identifier from
// its own title and authors, so two such books are two books to a reader.
func TestPostsBookIdentifierIssue9(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: 첫째 글\nauthor: 가\n---\n본문\n")
	s.write("site/_posts/2020-01-02-b.md", "---\ntitle: 둘째 글\nauthor: 나\n---\n본문\n")
	chdir(t, s.dir)
	ids := map[string]string{}
	for _, post := range []string{"2020-01-01-a.md", "2020-01-02-b.md"} {
		out := filepath.Join(s.dir, post+".epub")
		code, _, errs := run(t, s.dir, nil, "epub", "site/_posts/"+post, "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", post, code, errs)
		}
		ids[post] = epubIdentifier(t, out)
	}
	if ids["2020-01-01-a.md"] == ids["2020-01-02-b.md"] {
		t.Errorf("two books of different posts share the identifier %s", ids["2020-01-01-a.md"])
	}
}

// epubIdentifier reads dc:identifier from an EPUB's package document.
func epubIdentifier(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".opf") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		if m := regexp.MustCompile(`<dc:identifier[^>]*>([^<]+)<`).FindStringSubmatch(b.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("%s has no dc:identifier", path)
	return ""
}

// Issue 9, bugs 2 and 3: what a writer would refuse, check refuses first,
// at the manifest's line and column: a paper the PDF cannot have, a
// stylesheet or font that is missing or not a font.
func TestCheckSeesWriterSettingsIssue9(t *testing.T) {
	tests := []struct {
		name, extra, want string
	}{
		{"paper", "pdf:\n  paper: 10x10mm\n", `book.yaml:8:10: error: paper "10x10mm": each side must be from 50 to 1000 mm`},
		{"missing css", "epub:\n  css: none.css\n", "book.yaml:8:8: error: epub.css none.css: "},
		{"missing font", "pdf:\n  fonts:\n    body: [none.ttf]\n", "book.yaml:9:12: error: font none.ttf: "},
		{"not a font", "pdf:\n  fonts:\n    code: site/_config.yml\n", "book.yaml:9:11: error: font site/_config.yml: "},
	}
	outside := filepath.Join(t.TempDir(), "outside.css")
	if err := os.WriteFile(outside, []byte("p {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t)
			s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n본문\n")
			s.manifest("2020-01-01-a.md")
			data, _ := os.ReadFile(filepath.Join(s.dir, "book.yaml"))
			s.write("book.yaml", string(data)+strings.ReplaceAll(tc.extra, "OUTSIDE", outside))
			want := strings.ReplaceAll(tc.want, "OUTSIDE", outside)
			for _, cmd := range [][]string{{"--strict", "check"}, {"epub"}, {"pdf"}} {
				chdir(t, s.dir)
				code, _, errs := run(t, s.dir, nil, append(cmd, "book.yaml")...)
				if code != ExitInput || !strings.Contains(errs, want) {
					t.Errorf("%v: exit %d, want %d and %q in:\n%s", cmd, code, ExitInput, want, errs)
				}
			}
		})
	}
}

// Issue 11 item 13: a stylesheet, font or cover the manifest names outside
// its folder and the site root is the user's choice: read, with a note that
// check shows, the stylesheet still through the sanitiser, and the output
// path check knows it as an input.
func TestManifestFilesOutsideIssue11(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n본문\n")
	s.manifest("2020-01-01-a.md")
	shared := t.TempDir()
	css := filepath.Join(shared, "book.css")
	if err := os.WriteFile(css, []byte("p { color: #333; background: url(https://example.com/x.png) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(s.dir, "book.yaml"))
	s.write("book.yaml", string(data)+"epub:\n  css: "+css+"\n")
	chdir(t, s.dir)
	code, _, errs := run(t, s.dir, nil, "check", "book.yaml")
	if code != ExitOK || !strings.Contains(errs, "book.yaml:8:8: note: epub.css "+css+" lies outside the manifest's folder and the site root") ||
		!strings.Contains(errs, "url(") {
		t.Errorf("check: exit %d, want the note and the sanitiser's warning:\n%s", code, errs)
	}
	if code, _, errs := run(t, s.dir, nil, "epub", "-o", css, "book.yaml"); code == ExitOK {
		t.Errorf("epub -o onto the stylesheet it read: exit 0\n%s", errs)
	}
}

// The layout refuses a text block too small to set a book in (a PDF
// setting: the EPUB is still built). check runs the layout, so it reports
// the refusal as pdf does, at the manifest's line and column and with
// the book's other diagnostics, not as a bare message that hides them.
func TestCheckReportsLayoutRefusal(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n본문 ![그림](none.png)\n")
	s.manifest("2020-01-01-a.md")
	data, _ := os.ReadFile(filepath.Join(s.dir, "book.yaml"))
	s.write("book.yaml", string(data)+"pdf:\n  paper: 50x70mm\n  font_size: 14\n")
	wants := []string{"book.yaml:8:10: error: pdf.paper 50x70mm with font_size 14", "2020-01-01-a.md:4:4: warning: image none.png"}
	for _, cmd := range [][]string{{"check"}, {"--quiet", "check"}, {"pdf"}} {
		chdir(t, s.dir)
		code, _, errs := run(t, s.dir, nil, append(cmd, "book.yaml")...)
		if code != ExitInput {
			t.Errorf("%v: exit %d, want %d\n%s", cmd, code, ExitInput, errs)
		}
		for _, want := range wants {
			if !strings.Contains(errs, want) {
				t.Errorf("%v: %q missing from:\n%s", cmd, want, errs)
			}
		}
	}
}

// check --paper sets the trim size as pdf --paper does, so that a book
// meant for another paper is checked at that paper: the same refusal, at
// the same place, as the PDF at that size gives; a paper no parser takes
// is a usage error for both.
func TestCheckPaperFlag(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n본문\n")
	s.manifest("2020-01-01-a.md")
	data, _ := os.ReadFile(filepath.Join(s.dir, "book.yaml"))
	s.write("book.yaml", string(data)+"pdf:\n  font_size: 20\n")
	chdir(t, s.dir)
	if code, _, errs := run(t, s.dir, nil, "check", "book.yaml"); code != ExitOK {
		t.Fatalf("check at the manifest's paper: exit %d\n%s", code, errs)
	}
	want := "book.yaml:8:14: error: pdf.paper mungo (105×148 mm) with font_size 20"
	for _, cmd := range [][]string{{"check", "--paper", "mungo"}, {"pdf", "--paper", "mungo"}} {
		code, _, errs := run(t, s.dir, nil, append(cmd, "book.yaml")...)
		if code != ExitInput || !strings.Contains(errs, want) {
			t.Errorf("%v: exit %d, want %d and %q in:\n%s", cmd, code, ExitInput, want, errs)
		}
	}
	for _, cmd := range []string{"check", "pdf"} {
		if code, _, errs := run(t, s.dir, nil, cmd, "--paper", "10x10mm", "book.yaml"); code != ExitUsage {
			t.Errorf("%s --paper 10x10mm: exit %d, want %d\n%s", cmd, code, ExitUsage, errs)
		}
	}
}

// A bad --paper or -o is refused before the book is read: its message is
// not buried under the book's warnings, and nothing of the book is said.
func TestCommandLineCheckedFirst(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n![없는 그림](/assets/none.png)\n")
	s.manifest("2020-01-01-a.md")
	chdir(t, s.dir)
	if err := os.Mkdir(filepath.Join(s.dir, "folder.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"pdf", "--paper", "10x10mm", "book.yaml"},
		{"check", "--paper", "10x10mm", "book.yaml"},
		{"pdf", "-o", "folder.pdf", "book.yaml"},
	} {
		code, _, errs := run(t, s.dir, nil, args...)
		if code == ExitOK || strings.Contains(errs, "none.png") {
			t.Errorf("%v: exit %d; the book was read first:\n%s", args, code, errs)
		}
	}
}
