//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Issue 11 item 6: -o never replaces one of the book's inputs, a folder,
// or anything that is not a regular file, and says why with exit 1; the
// thing at the path is left as it was.
func TestOutputPathRefusedIssue11(t *testing.T) {
	s := newSite(t)
	post := s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n![그림](/assets/a.png)\n")
	s.write("site/assets/a.png", string(pngHeader(4, 4)))
	s.manifest("2020-01-01-a.md")
	s.write("real.epub", "someone's file\n")
	if err := os.Symlink(filepath.Join(s.dir, "real.epub"), filepath.Join(s.dir, "link.epub")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(post, filepath.Join(s.dir, "post-link.md")); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(filepath.Join(s.dir, "fifo"), 0o644); err != nil {
		t.Skip(err)
	}
	os.MkdirAll(filepath.Join(s.dir, "folder"), 0o755)
	before := snapshot(t, s.dir)
	for _, tc := range []struct{ out, want string }{
		{"book.yaml", "is one of the book's inputs"},
		{"site/_posts/2020-01-01-a.md", "is one of the book's inputs"},
		{"site/assets/a.png", "is one of the book's inputs"},
		{"site/_config.yml", "is one of the book's inputs"},
		{"folder", "is a folder"},
		{"link.epub", "is a symbolic link"},
		{"post-link.md", "is a symbolic link"},
		{"fifo", "is not a regular file"},
	} {
		for _, format := range []string{"epub", "pdf"} {
			chdir(t, s.dir)
			code, _, errs := run(t, s.dir, nil, format, "book.yaml", "-o", tc.out)
			if code != ExitInput || !strings.Contains(errs, tc.want) {
				t.Errorf("%s -o %s: exit %d, want %d and %q:\n%s", format, tc.out, code, ExitInput, tc.want, errs)
			}
		}
	}
	if after := snapshot(t, s.dir); after != before {
		t.Errorf("the site changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// snapshot lists every path below dir with its type and content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + " " + info.Mode().String())
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(p)
			b.WriteString(" " + string(data))
		}
		b.WriteString("\n")
		return nil
	})
	return b.String()
}

// Issue 11 item 5: with posts on the command line and no -o, the output
// is named after the first post's slug, made safe, in the working folder:
// a slug cannot steer it elsewhere.
func TestDefaultOutputStaysHereIssue11(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\nslug: ../../../x/pwn\n---\n본문\n")
	work := filepath.Join(s.dir, "work")
	os.MkdirAll(work, 0o755)
	chdir(t, work)
	code, _, errs := run(t, work, nil, "epub", filepath.Join(s.dir, "site/_posts/2020-01-01-a.md"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	entries, _ := os.ReadDir(work)
	if len(entries) != 1 || entries[0].Name() != "x-pwn.epub" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("working folder holds %v, want [x-pwn.epub]", names)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "x")); err == nil {
		t.Errorf("a folder was made outside the working folder")
	}
}
