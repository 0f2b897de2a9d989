package highlight

import (
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

func TestTokensCoverTheCode(t *testing.T) {
	for _, tc := range []struct{ lang, code string }{
		{"go", "package main\n\nfunc main() {}\n"},
		{"go", "x := 1"}, // no final newline: the lexer's added one is cut
		{"python", "def f():\n\treturn '한글'\n"},
		{"", "평범한 글\n"},
		{"no-such-language", "a b c\n"},
		{"console", "$ ls -l\ntotal 0\n"},
	} {
		c := Highlight(tc.lang, tc.code, NewBudget())
		if got := chroma.Stringify(c.Tokens...); got != tc.code {
			t.Errorf("%s %q: tokens spell %q", tc.lang, tc.code, got)
		}
	}
}

func TestLanguages(t *testing.T) {
	for lang, want := range map[string]string{
		"go": "Go", "Go": "Go", "py": "Python", "yml": "YAML", "sh": "Bash", "console": "Bash Session",
		"shell-session": "Bash Session", "Dockerfile": "Docker",
		"text": "", "plaintext": "", "none": "", "": "", "mermaid": "", "output": "",
	} {
		if got := Highlight(lang, "x\n", NewBudget()).Lang; got != want {
			t.Errorf("language %q: lexer %q, want %q", lang, got, want)
		}
	}
}

// Issue 11 item 3: code past the budget is plain, with a reason; the
// budget is a size, so the result does not depend on the machine.
func TestBudgetIssue11(t *testing.T) {
	worst := `"` + strings.Repeat("a", 20000) + "\n"
	c := Highlight("python", worst, NewBudget())
	if c.Lang != "" || !strings.Contains(c.Plain, "20001 characters") || chroma.Stringify(c.Tokens...) != worst {
		t.Errorf("an over-long line: lang %q, reason %q", c.Lang, c.Plain)
	}
	big := strings.Repeat("x = 1\n", MaxBytes/6+1)
	if c := Highlight("python", big, NewBudget()); c.Lang != "" || !strings.Contains(c.Plain, "KB") {
		t.Errorf("a large block: lang %q, reason %q", c.Lang, c.Plain)
	}
	if c := Highlight("python", strings.Repeat("a", MaxLine), NewBudget()); c.Lang != "Python" {
		t.Errorf("a line at the budget was not highlighted: %q", c.Plain)
	}
}

func TestPostBudget(t *testing.T) {
	budget := &Budget{left: 100, work: PostWork}
	block := strings.Repeat("x = 1\n", 5)
	n := 0
	for Highlight("python", block, budget).Lang != "" {
		n++
	}
	if n != 100/len(block) {
		t.Errorf("%d blocks of %d bytes highlighted, want %d", n, len(block), 100/len(block))
	}
	if c := Highlight("python", "x\n", budget); c.Lang != "" || c.Plain == "" {
		t.Errorf("a spent budget still highlights: %+v", c)
	}
}

// TestPostWork: lines at MaxLine after an unclosed quote, the worst
// case of R's and Makefile's lexers, are highlighted until the post's
// squared line lengths pass PostWork, then set plain with a reason.
func TestPostWork(t *testing.T) {
	block := `"` + strings.Repeat(strings.Repeat("a", MaxLine-1)+"\n", 4)
	budget := NewBudget()
	n := 0
	for {
		c := Highlight("r", block, budget)
		if c.Lang == "" {
			if !strings.Contains(c.Plain, "long code lines") {
				t.Errorf("reason %q", c.Plain)
			}
			break
		}
		n++
	}
	_, work := lineSizes(block)
	if want := PostWork / work; n != want {
		t.Errorf("%d blocks highlighted, want %d", n, want)
	}
	if c := Highlight("r", "x <- 1\n", budget); c.Lang != "" {
		t.Errorf("a spent budget still highlights: %+v", c)
	}
}

// BenchmarkLex lexes ordinary code, for the budget's comment.
func BenchmarkLex(b *testing.B) {
	for lang, line := range map[string]string{"python": "def f(x): return x + 1  # 주석\n", "go": "func f(x int) int { return x + 1 } // 주석\n"} {
		code := strings.Repeat(line, (16<<10)/len(line))
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(code)))
			for b.Loop() {
				Highlight(lang, code, NewBudget())
			}
		})
	}
}

// BenchmarkWorstLine lexes the worst shape found (an unclosed quote
// before letters) at the longest line the budget allows, in the lexers
// that blogs use most.
func BenchmarkWorstLine(b *testing.B) {
	for _, lang := range []string{"python", "go", "javascript", "bash", "c", "r", "makefile"} {
		code := `"` + strings.Repeat("a", MaxLine-1)
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				Highlight(lang, code, NewBudget())
			}
		})
	}
}

// TestNoMatchTimeout: a regexp2 match that runs past its timeout (as a
// chroma rule's may on a loaded machine, where regexp2's clock falls
// behind) still completes: highlighting never depends on time. The match
// takes about a third of a second, over three of regexp2's default clock
// periods, which made it fail before the period was lengthened.
func TestNoMatchTimeout(t *testing.T) {
	re := regexp2.MustCompile(`^(a|aa)+$`)
	re.MatchTimeout = time.Millisecond
	ok, err := re.MatchString(strings.Repeat("a", 30) + "b")
	if err != nil || ok {
		t.Fatalf("got %v, %v; want no match and no timeout", ok, err)
	}
}
