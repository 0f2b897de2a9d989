package initcmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

func TestWriteRefusesToOverwrite(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	opt := Options{Site: buildSite(t, ar, dir), Output: filepath.Join(dir, "new", "books", "x.yaml")}
	out, n, err := Write(opt, &diag.List{})
	if err != nil || out != opt.Output || n != 8 {
		t.Fatalf("first Write: %q, %d posts, %v", out, n, err)
	}
	first := readFile(t, out)
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}

	// Mark the file as edited; a second Write must not replace it.
	edited := append(first, "# my notes\n"...)
	if err := os.WriteFile(out, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	opt.Category = "dev"
	var d diag.List
	if _, _, err := Write(opt, &d); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second Write: err = %v, want fs.ErrExist", err)
	}
	if !hasError(&d, "already exists; use --force") {
		t.Errorf("diagnostics %v", d.Items())
	}
	if string(readFile(t, out)) != string(edited) {
		t.Error("the existing manifest was changed")
	}
	onlyFile(t, filepath.Dir(out), "x.yaml")

	opt.Force = true
	if _, n, err := Write(opt, &diag.List{}); err != nil || n != 2 {
		t.Fatalf("forced Write: %d posts, %v", n, err)
	}
	if got := string(readFile(t, out)); !strings.Contains(got, `category "dev"`) {
		t.Errorf("forced Write did not replace the file:\n%s", got)
	}
	onlyFile(t, filepath.Dir(out), "x.yaml")
}

// TestWriteLeavesNothingOnFailure checks both kinds of failure: one found
// before writing (nothing selected) and one while writing (a file name
// too long for the file system), after the folders were made.
func TestWriteLeavesNothingOnFailure(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	site := buildSite(t, ar, dir)
	long := strings.Repeat("책", 100) + ".yaml" // 305 bytes: above every common NAME_MAX
	tests := []struct {
		name string
		opt  Options
	}{
		{"nothing selected", Options{Site: site, Tag: "없는 태그", Output: filepath.Join(dir, "a", "b", "x.yaml")}},
		{"cannot write", Options{Site: site, Output: filepath.Join(dir, "a", "b", long)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d diag.List
			if out, n, err := Write(tc.opt, &d); err == nil || out != "" || n != 0 {
				t.Fatalf("Write = %q, %d, %v; want a failure", out, n, err)
			}
			if !d.HasErrors() {
				t.Error("no error in diagnostics")
			}
			if _, err := os.Stat(filepath.Join(dir, "a")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the output folder was left behind: %v", err)
			}
		})
	}
}

func TestWriteRefusesFolder(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	opt := Options{Site: buildSite(t, ar, dir), Output: filepath.Join(dir, "site"), Force: true}
	var d diag.List
	if _, _, err := Write(opt, &d); err == nil || !hasError(&d, "is a folder") {
		t.Fatalf("err = %v, diagnostics %v", err, d.Items())
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// onlyFile fails unless dir holds exactly the named file: no temporary
// file may stay behind.
func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != name {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %q, want only %s", dir, names, name)
	}
}

// TestPlaceDoesNotReplace covers the window between the existence check
// and the move: a file that appeared there must survive.
func TestPlaceDoesNotReplace(t *testing.T) {
	dir := t.TempDir()
	tmp, path := filepath.Join(dir, ".x.tmp"), filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(tmp, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := place(tmp, path); !errors.Is(err, fs.ErrExist) {
		t.Errorf("place: %v, want fs.ErrExist", err)
	}
	if got := string(readFile(t, path)); got != "theirs" {
		t.Errorf("file now holds %q", got)
	}
}
