package markdown

import (
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// Issue 11 item 3: shapes that make goldmark quadratic are cut at the
// limits; the line past a limit is reported and left out, the rest parses
// as before, and every segment still points into the original text.
func TestLimitsIssue11(t *testing.T) {
	deep := "글 앞\n\n" + strings.Repeat("> ", 200_000) + "깊은 인용\n\n글 뒤\n"
	long := strings.Repeat("[a]\n", 40_000)
	for name, tc := range map[string]struct {
		src     string
		dropped int
		keep    string
	}{
		"nesting":   {deep, 1, "글 뒤"},
		"paragraph": {long, 19, "[a]"},
		"code":      {"```\n" + strings.Repeat("x\n", 25_000) + "```\n", 0, ""},
		"normal":    {"> > 인용\n\n- 목록\n", 0, "인용"},
	} {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		doc, rep := New(Options{}).ParseChecked([]byte(tc.src))
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if len(rep.Dropped) != tc.dropped {
			t.Errorf("%s: %d lines dropped, want %d: %+v", name, len(rep.Dropped), tc.dropped, rep.Dropped)
		}
		if !strings.Contains(string(PlainText(doc, []byte(tc.src))), tc.keep) {
			t.Errorf("%s: %q lost", name, tc.keep)
		}
		if name == "code" && doc.FirstChild().Lines().Len() != 25_000 {
			t.Errorf("a long code block was cut: %d lines", doc.FirstChild().Lines().Len())
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if tx, ok := n.(*ast.Text); ok && entering && tx.Segment.Stop > len(tc.src) {
				t.Fatalf("%s: segment past the source", name)
			}
			return ast.WalkContinue, nil
		})
		// Memory proportional to the input, not to its square.
		if got := after.TotalAlloc - before.TotalAlloc; got > 200*uint64(len(tc.src))+(16<<20) {
			t.Errorf("%s: %d MB allocated for %d KB", name, got>>20, len(tc.src)>>10)
		}
	}
}

func TestContainerDepth(t *testing.T) {
	for line, want := range map[string]int{"> > x": 2, "- > 1. x": 3, "  * - + x": 3, "12345. x": 1, "1234567890. x": 0, "x": 0, ">>>": 3} {
		if got := containerDepth([]byte(line)); got != want {
			t.Errorf("containerDepth(%q) = %d, want %d", line, got, want)
		}
	}
}

// BenchmarkLimits: a deep line and a long paragraph at the limits, for the
// growth the limits allow.
func BenchmarkLimits(b *testing.B) {
	for name, src := range map[string]string{
		"nesting-100": strings.Repeat("> ", 100) + "x\n",
		"lines-2000":  strings.Repeat("[a]\n", 2000),
	} {
		b.Run(name, func(b *testing.B) {
			p := New(Options{})
			for b.Loop() {
				p.ParseChecked([]byte(src))
			}
		})
	}
}
