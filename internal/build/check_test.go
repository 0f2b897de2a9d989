package build

import (
	"path/filepath"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
)

// Issue 14 item 11: check's diagnostics are a superset of those of epub
// and pdf, on the sample book, on a book whose writers have much to say
// (raw HTML they remove, a character in no font, an empty link, a link
// that leaves the book) and on every shared fixture (testdata/sites).
func TestCheckSeesWhatWritersSeeIssue14(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"site/_config.yml": "title: 시험\n",
		"site/_posts/2020-01-01-a.md": "---\ntitle: 가\n---\n<script>alert(1)</script>\n\n" +
			"문자 \U0001F9EA 하나와 <a href=\"javascript:x()\">링크</a>.\n\n" +
			"[빈 링크]() 하나.\n",
		"book.yaml": "title: 책\nauthors: 나\nsite: {root: site}\nchapters: [site/_posts/*.md]\n",
	})
	hostile := filepath.Join(dir, "book.yaml")
	manifests := []string{"../../books/sample.yaml", hostile}
	for _, f := range testtool.Fixtures(t) {
		manifests = append(manifests, filepath.Join(testtool.Site(t, f), "book.yaml"))
	}
	for _, manifest := range manifests {
		check := diagnostics(t, manifest, func(env Env, in *Input, d *diag.List) error { return Check(env, in, d) })
		for name, write := range map[string]func(Env, *Input, *diag.List) error{
			"epub": func(env Env, in *Input, d *diag.List) error {
				_, err := EPUB(env, in, filepath.Join(t.TempDir(), "x.epub"), "test", d)
				return err
			},
			"pdf": func(env Env, in *Input, d *diag.List) error {
				_, err := PDF(env, in, filepath.Join(t.TempDir(), "x.pdf"), "test", d)
				return err
			},
		} {
			for d := range diagnostics(t, manifest, write) {
				if !check[d] {
					t.Errorf("%s: %s reports %q, check does not", manifest, name, d)
				}
			}
		}
		if manifest == hostile && len(check) < 4 {
			t.Errorf("check found only %d problems in the hostile book: %v", len(check), check)
		}
	}
}

// diagnostics loads a manifest, runs step, and returns the diagnostics.
func diagnostics(t *testing.T, manifest string, step func(Env, *Input, *diag.List) error) map[string]bool {
	t.Helper()
	var d diag.List
	env := Env{Getenv: func(string) string { return "1612224000" }}
	in, err := Load(env, []string{manifest}, &d)
	if err != nil {
		t.Fatal(err, d.Items())
	}
	if err := step(env, in, &d); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, x := range d.Items() {
		out[x.String()] = true
	}
	return out
}
