package build

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Issue 11 item 6: a temporary file that an interrupted program leaves
// is removed: WriteAtomic registers it while it writes, and
// RemoveTemporaryFiles, which the program calls on SIGINT or SIGTERM,
// deletes it.
func TestRemoveTemporaryFilesIssue11(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "book.epub")
	interrupted := errors.New("interrupted")
	_, err := WriteAtomic(out, func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 1<<20)); err != nil {
			return err
		}
		if n := len(tempNames(t, dir)); n != 1 {
			t.Fatalf("%d temporary files while writing, want 1", n)
		}
		RemoveTemporaryFiles() // what the signal handler does
		if n := len(tempNames(t, dir)); n != 0 {
			t.Errorf("%d temporary files left after RemoveTemporaryFiles", n)
		}
		return interrupted
	})
	if !errors.Is(err, interrupted) {
		t.Fatalf("WriteAtomic: %v", err)
	}
	if names := tempNames(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an interrupted write produced the output")
	}
}

func tempNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"../../../x/pwn": "x-pwn",
		"sample":         "sample",
		"한국어-조판":         "한국어-조판",
		"..":             "book",
		"":               "book",
		"a/../b":         "a---b",
		"v1.2 notes":     "v1.2-notes",
		`C:\x`:           "C--x",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}
