package testtool

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Section returns the data of the file called name in a golden archive,
// and whether the archive has one.
func Section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// SetSection replaces the data of the file called name in ar, or adds
// the file at the end: what a golden test's -update writes.
func SetSection(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

// Archive is a golden archive read from its file.
type Archive struct {
	// Name is the file's name without its folder and ".txtar": the
	// name of the archive's subtest.
	Name string
	// Path is the file, which a golden test's -update rewrites.
	Path string
	*txtar.Archive
}

// Archives reads the golden archives that pattern (a filepath.Glob
// pattern) names, in name order. It fails tb when none matches or one
// cannot be read.
func Archives(tb testing.TB, pattern string) []Archive {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no golden archives %s: %v", pattern, err)
	}
	out := make([]Archive, 0, len(files))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, Archive{Name: strings.TrimSuffix(filepath.Base(file), ".txtar"), Path: file, Archive: ar})
	}
	return out
}
