package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
)

// forgingSite has a post whose title and file name carry a newline,
// workflow commands, an escape sequence and a bidi override, and which
// draws a warning (a missing image) so that its file name is printed.
func forgingSite(t *testing.T) *site {
	s := newSite(t)
	title := `"제목\n::error file=x.md,line=1::forged\n##[error]also forged \u001b[2J\u202eevil"`
	s.write("site/_posts/2020-01-01-a\nb.md", "---\ntitle: "+title+"\n---\n![그림](/assets/none.png)\n")
	s.write("book.yaml", "title: \"책\\n::error::forged book\"\nauthors: 나\ndate: 2020-01-01\nsite:\n  root: site\nchapters:\n  - \"site/_posts/2020-01-01-a\\nb.md\"\n")
	return s
}

// checkNoForgery fails when out has a line that a CI runner would obey
// (other than our own annotations, named in ours) or a control character
// other than the newlines that end lines.
func checkNoForgery(t *testing.T, name, out string, ours int) {
	t.Helper()
	annotations := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		if strings.HasPrefix(trimmed, "::warning file=site/_posts/2020-01-01-a\\n") {
			annotations++
		} else if strings.HasPrefix(trimmed, "::") || strings.Contains(line, "##[") {
			t.Errorf("%s: forged workflow command: %q", name, line)
		}
		for _, r := range line {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x202e {
				t.Errorf("%s: control character %U in %q", name, r, line)
				break
			}
		}
	}
	if annotations != ours {
		t.Errorf("%s: %d annotations, want %d:\n%s", name, annotations, ours, out)
	}
}

// TestIssue11Item10ForgedLines is issue 11 item 10 and issue 14 item 12:
// titles and file names from posts reach the outline, the diagnostics and
// the GitHub annotations escaped, each message on its own one line.
func TestIssue11Item10ForgedLines(t *testing.T) {
	s := forgingSite(t)
	chdir(t, s.dir)
	env := map[string]string{"GITHUB_ACTIONS": "true"}
	code, out, errs := run(t, s.dir, env, "check", "book.yaml")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	checkNoForgery(t, "stdout", out, 1)
	checkNoForgery(t, "stderr", errs, 0)
	if !strings.Contains(out, `제목\n::error file=x.md,line=1::forged\n#\x23[error]also forged \x1b[2J\u202eevil`) {
		t.Errorf("outline does not show the title escaped:\n%s", out)
	}
	if !strings.Contains(out, `책\n::error::forged book`) {
		t.Errorf("outline does not show the book title escaped:\n%s", out)
	}
	var warning string
	for _, line := range strings.Split(errs, "\n") {
		if strings.Contains(line, "warning:") {
			warning = line
		}
	}
	if !strings.HasPrefix(warning, `site/_posts/2020-01-01-a\nb.md:4:`) {
		t.Errorf("the warning does not name the file on one line: %q\n%s", warning, errs)
	}

	// --json: the document stays valid JSON that decodes to the real
	// title, and prints no raw control or bidi character either.
	code, out, errs = run(t, s.dir, env, "check", "--json", "book.yaml")
	if code != 0 {
		t.Fatalf("--json: exit %d\n%s", code, errs)
	}
	checkNoForgery(t, "--json stdout", out, 0)
	checkNoForgery(t, "--json stderr", errs, 1)
	var doc struct {
		Chapters []struct{ Title, Source string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if len(doc.Chapters) != 1 || !strings.Contains(doc.Chapters[0].Title, "\n##[error]also forged \x1b[2J\u202eevil") {
		t.Errorf("--json chapters %q", doc.Chapters)
	}
}
