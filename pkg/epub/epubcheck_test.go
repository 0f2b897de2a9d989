package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// epubcheck runs EPUBCheck on an EPUB and fails the test on any error or
// warning. Without java or /usr/bin/epubcheck it skips, unless
// PUBLISH_REQUIRE_TOOLS=1 (CI), where a missing validator is a failure.
func epubcheck(t *testing.T, data []byte) {
	t.Helper()
	const jar = "/usr/bin/epubcheck"
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		if os.Getenv("PUBLISH_REQUIRE_TOOLS") == "1" {
			t.Fatalf("EPUBCheck is required (PUBLISH_REQUIRE_TOOLS=1) but java or %s is missing", jar)
		}
		t.Skipf("EPUBCheck not run: java or %s is missing", jar)
	}
	file := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", jar, file).CombinedOutput()
	if err != nil || hasProblems(out) {
		t.Errorf("EPUBCheck: %v\n%s", err, out)
		keep(t, data)
	}
}

// hasProblems reports whether EPUBCheck printed an error, warning or fatal
// message; it exits 0 on warnings.
func hasProblems(out []byte) bool {
	for _, line := range strings.Split(string(out), "\n") {
		for _, sev := range []string{"ERROR(", "WARNING(", "FATAL("} {
			if strings.HasPrefix(line, sev) {
				return true
			}
		}
	}
	return !bytes.Contains(out, []byte("No errors or warnings detected"))
}

// keep saves a failing EPUB where EPUB_KEEP names a folder, to look at.
func keep(t *testing.T, data []byte) {
	if dir := os.Getenv("EPUB_KEEP"); dir != "" {
		name := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".epub")
		_ = os.WriteFile(name, data, 0o644)
		t.Logf("kept %s", name)
	}
}
