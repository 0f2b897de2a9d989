package testtool

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// The repository's testdata/sites folder holds small sites and books as
// txtar archives, the end-to-end fixtures that the tests of several
// packages share (the cross-check of the PDF's and the EPUB's words, the
// output checks of the PDF). Each archive is one folder: a manifest
// (book.yaml by convention), the site's _config.yml and posts, images.

// base64Suffix marks an archive file stored as base64 (an image), written
// decoded and without the suffix.
const base64Suffix = ".base64"

// Fixtures returns the paths of the shared fixture archives, sorted: the
// files testdata/sites/*.txtar at the root of the module, which it finds
// by walking up from the test's folder to go.mod.
func Fixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(ModuleRoot(t), "testdata", "sites", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/sites (%v)", err)
	}
	return files
}

// ModuleRoot returns the folder that holds the module's go.mod, above the
// test's working folder.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// Site writes the files of the txtar archive at path into a new temporary
// folder and returns that folder. A file named x.png.base64 is decoded and
// written as x.png. Names must be relative and stay inside the folder.
func Site(t testing.TB, path string) string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		name, data := f.Name, f.Data
		if strings.HasSuffix(name, base64Suffix) {
			name = strings.TrimSuffix(name, base64Suffix)
			if data, err = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(data)), "")); err != nil {
				t.Fatalf("%s: %s: %v", path, f.Name, err)
			}
		}
		if !filepath.IsLocal(name) {
			t.Fatalf("%s: %q leaves the site's folder", path, f.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
