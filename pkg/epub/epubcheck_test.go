package epub

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// epubcheck runs EPUBCheck on an EPUB and fails the test on any error or
// warning. Without java or /usr/bin/epubcheck it skips, unless
// PUBLISH_REQUIRE_TOOLS=1 (CI), where a missing validator is a failure.
func epubcheck(t *testing.T, data []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, clean := testtool.EPUBCheck(t, file); !clean {
		t.Errorf("EPUBCheck:\n%s", out)
		keep(t, data)
	}
}

// keep saves a failing EPUB where EPUB_KEEP names a folder, to look at.
func keep(t *testing.T, data []byte) {
	if dir := os.Getenv("EPUB_KEEP"); dir != "" {
		name := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".epub")
		_ = os.WriteFile(name, data, 0o644)
		t.Logf("kept %s", name)
	}
}
