package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// buildSampleTwice builds the sample book with command (epub or pdf)
// twice into the same file and returns the file and the first run's
// stderr. It fails the test when a run fails or the two outputs differ.
func buildSampleTwice(t *testing.T, command string) (out, errs string) {
	t.Helper()
	root := repoRoot(t)
	chdir(t, root)
	out = filepath.Join(t.TempDir(), "sample."+command)
	env := map[string]string{"SOURCE_DATE_EPOCH": "1612224000"}
	code, _, errs := run(t, root, env, command, "books/sample.yaml", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	first, _ := os.ReadFile(out)
	code, _, _ = run(t, root, env, command, "books/sample.yaml", "-o", out)
	second, _ := os.ReadFile(out)
	if code != 0 || !bytes.Equal(first, second) {
		t.Errorf("rebuild is not byte-identical (%d vs %d bytes)", len(first), len(second))
	}
	return out, errs
}

func TestEPUBSampleBook(t *testing.T) {
	out, errs := buildSampleTwice(t, "epub")
	if !strings.Contains(errs, "publish: wrote ") || !strings.Contains(errs, "4 chapters") {
		t.Errorf("closing line missing:\n%s", errs)
	}
	if report, clean := testtool.EPUBCheck(t, out); !clean {
		t.Fatalf("EPUBCheck on %s:\n%s", out, report)
	}
}

func TestPDFSampleBook(t *testing.T) {
	out, errs := buildSampleTwice(t, "pdf")
	if !strings.Contains(errs, " pages, 4 chapters") {
		t.Errorf("closing line missing:\n%s", errs)
	}
	if msg, err := exec.Command(testtool.Path(t, "qpdf"), "--check", out).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, msg)
	}
	fonts, _ := exec.Command(testtool.Path(t, "pdffonts"), out).Output()
	for _, line := range strings.Split(string(fonts), "\n")[2:] {
		if f := strings.Fields(line); len(f) >= 7 && (f[len(f)-5] != "yes" || f[len(f)-4] != "yes") {
			t.Errorf("font not embedded and subset: %s", line)
		}
	}
	text, _ := exec.Command(testtool.Path(t, "pdftotext"), "-layout", out, "-").Output()
	for _, want := range []string{"블로그에서 책으로", "개발자 취업 준비 1년의 기록", "Go 동시성 패턴 정리", "12,000원"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

// A build that fails leaves neither the output nor a temporary file.
func TestFailedBuildWritesNothing(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: [broken\n---\n본문\n")
	s.manifest("2020-01-01-a.md")
	for _, format := range []string{"epub", "pdf"} {
		chdir(t, s.dir)
		code, _, errs := run(t, s.dir, nil, format, "book.yaml", "-o", "out/book."+format)
		if code != ExitInput || !strings.Contains(errs, "site/_posts/2020-01-01-a.md:2:") {
			t.Errorf("%s: exit %d\n%s", format, code, errs)
		}
		entries, _ := os.ReadDir(filepath.Join(s.dir, "out"))
		if len(entries) != 0 {
			t.Errorf("%s: left %v behind", format, entries)
		}
	}
}

// Issue 11 item 12: a build that --strict fails writes nothing, as any
// failed build.
func TestStrictFailsAndWritesNothing(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n![없는 그림](/assets/none.png)\n")
	s.manifest("2020-01-01-a.md")
	chdir(t, s.dir)
	for _, format := range []string{"epub", "pdf"} {
		code, _, errs := run(t, s.dir, nil, "--strict", format, "book.yaml", "-o", "a."+format)
		if code != ExitInput || !strings.Contains(errs, "warning: image /assets/none.png: not found") || !strings.Contains(errs, "--strict") {
			t.Errorf("%s: exit %d\n%s", format, code, errs)
		}
		if _, err := os.Stat(filepath.Join(s.dir, "a."+format)); err == nil {
			t.Errorf("%s: --strict failed the build but a.%s was written", format, format)
		}
	}
	code, _, errs := run(t, s.dir, nil, "pdf", "--paper", "b9", "book.yaml")
	if code != ExitUsage || !strings.Contains(errs, `unknown paper "b9"`) {
		t.Errorf("bad --paper: exit %d\n%s", code, errs)
	}
}
