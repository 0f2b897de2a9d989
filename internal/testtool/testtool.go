// Package testtool holds what the tests of several packages share. It
// finds the validators the tests run on real output (EPUBCheck, poppler's
// pdftotext, pdffonts and pdftoppm, qpdf) under one policy: on a developer machine a
// missing tool skips its check with a message; with
// PUBLISH_REQUIRE_TOOLS=1, which .ci/run sets, it fails the test, so that
// CI never passes by skipping. It also reads and writes the sections of
// golden txtar archives. Only tests import this package.
package testtool

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// required reports whether a missing tool is a failure.
func required() bool { return os.Getenv("PUBLISH_REQUIRE_TOOLS") == "1" }

// Find returns the path of a command. When it is missing, the test fails
// under PUBLISH_REQUIRE_TOOLS=1; otherwise the absence is logged and ok
// is false, for a caller that goes on without that one check.
func Find(t testing.TB, name string) (path string, ok bool) {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path, true
	}
	if required() {
		t.Fatalf("%s is required (PUBLISH_REQUIRE_TOOLS=1) but not installed", name)
	}
	t.Logf("%s not installed; its check is skipped (apt-get install it to run it)", name)
	return "", false
}

// Path returns the path of a command, skipping the test when it is
// missing (failing it under PUBLISH_REQUIRE_TOOLS=1).
func Path(t testing.TB, name string) string {
	t.Helper()
	path, ok := Find(t, name)
	if !ok {
		t.SkipNow()
	}
	return path
}

// epubcheckJar is Debian's epubcheck, a jar run with java -jar (the way
// the project runs it everywhere, CI included).
const epubcheckJar = "/usr/bin/epubcheck"

// EPUBCheck runs EPUBCheck on file and returns its output and whether it
// found no fatal error, error or warning (it exits 0 on warnings). A
// missing java or EPUBCheck skips the test, or fails it under
// PUBLISH_REQUIRE_TOOLS=1.
func EPUBCheck(t testing.TB, file string) (out []byte, clean bool) {
	t.Helper()
	java := Path(t, "java")
	if _, err := os.Stat(epubcheckJar); err != nil {
		if required() {
			t.Fatalf("EPUBCheck is required (PUBLISH_REQUIRE_TOOLS=1) but %s is missing", epubcheckJar)
		}
		t.Skipf("EPUBCheck not run: %s is missing", epubcheckJar)
	}
	// A run of EPUBCheck is short: the JIT's first tier and the serial
	// collector halve its CPU time (7.5 s → 3.5 s of user time on the
	// sample book), with the same report.
	out, err := exec.Command(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", epubcheckJar, file).CombinedOutput()
	return out, err == nil && !hasProblems(out)
}

// hasProblems reports whether EPUBCheck printed an error, warning or
// fatal message, or not its all-clear line.
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

// RenderPDFPage renders page (from 1) of the PDF at path with poppler's
// pdftoppm at dpi and decodes it. A missing pdftoppm skips the test, or
// fails it under PUBLISH_REQUIRE_TOOLS=1.
func RenderPDFPage(t testing.TB, path string, page, dpi int) image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	n := fmt.Sprint(page)
	cmd := exec.Command(Path(t, "pdftoppm"), "-r", fmt.Sprint(dpi), "-png", "-singlefile", "-f", n, "-l", n, path, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
