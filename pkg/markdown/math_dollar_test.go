package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// dollarMath returns the TeX of every inline math node of src parsed with
// single-dollar math, and the text the ambiguities cover.
func dollarMath(t testing.TB, src string) (math []string, amb []string) {
	t.Helper()
	doc, rep := New(Options{InlineDollar: true}).ParseChecked([]byte(src))
	ambs := rep.Ambiguities
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*MathInline); ok && entering {
			math = append(math, string(m.TeX([]byte(src))))
		}
		return ast.WalkContinue, nil
	})
	for _, a := range ambs {
		if a.Start < 0 || a.End >= len(src) || src[a.Start] != '$' || src[a.End] != '$' || a.End <= a.Start {
			t.Fatalf("%q: ambiguity %+v does not span two dollar signs", src, a)
		}
		amb = append(amb, src[a.Start:a.End+1])
	}
	return math, amb
}

// The rules of math_dollar.go, on prose with math, prices and shell.
func TestDollarMath(t *testing.T) {
	tests := []struct {
		src       string
		math, amb string // joined by |
	}{
		{"손실 $L(\\theta)$을 줄인다.", "L(\\theta)", ""},
		{"$a$와 $b_i$, 그리고 $$c$$.", "a|b_i|c", ""},
		{"가격은 $5이고 $10이다.", "", "$5이고 $"},
		{"$5 and $10", "", "$5 and $"},
		{"echo $HOME 에서 $PATH 까지", "", "$HOME 에서 $"},
		{"echo $HOME만", "", ""},
		{"\\$x$는 달러 기호.", "", ""},
		{"$ x $는 공백 때문에 아니다.", "", "$ x $"},
		{"`$a$` 코드는 수식이 아님, $b$는 수식.", "b", ""},
		{"$a `code` b$ 사이에 코드.", "", ""},
		{"두 줄 $a +\nb$ 수식.", "a +\nb", ""},
		{"$$a$$ 다음 $b$", "a|b", ""},
		{"$x$$y$", "x$$y", ""}, // $$ is never a single delimiter
		{"$1.5 $2.5$ $3", "2.5", "$1.5 $"},
		{"문단 하나 $a\n\n다른 문단 b$", "", ""},
		{"> 인용 $\\alpha$ 속", "\\alpha", ""},
		{"- 목록 $\\beta$\n", "\\beta", ""},
	}
	for _, tc := range tests {
		math, amb := dollarMath(t, tc.src)
		if got := strings.Join(math, "|"); got != tc.math {
			t.Errorf("%q: math %q, want %q", tc.src, got, tc.math)
		}
		if got := strings.Join(amb, "|"); got != tc.amb {
			t.Errorf("%q: ambiguities %q, want %q", tc.src, got, tc.amb)
		}
	}
	// Without InlineDollar, single dollars are text, and nothing is noted.
	doc, rep := New(Options{}).ParseChecked([]byte("$a$ 그리고 $5 $6"))
	if len(rep.Ambiguities) != 0 || strings.Contains(Dump(doc, []byte("$a$ 그리고 $5 $6")), "MathInline") {
		t.Errorf("single dollars read as math without InlineDollar")
	}
}

// A paragraph of many prices stays linear: each dollar is looked up in
// an index of the paragraph's dollars, not found by scanning the rest.
func BenchmarkDollarPrices(b *testing.B) {
	src := []byte(strings.Repeat("가격 $5 그리고 ", 5000))
	p := New(Options{InlineDollar: true})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		p.ParseChecked(src)
	}
}

func FuzzDollar(f *testing.F) {
	for _, s := range []string{"$a$", "$5 and $10", "\\$x$", "`$a$`", "$a\n$b$", "> $x\n> y$", "$$ $ $$", "$\u00a0x$"} {
		f.Add(s)
	}
	p := New(Options{InlineDollar: true})
	f.Fuzz(func(t *testing.T, src string) {
		doc, rep := p.ParseChecked([]byte(src))
		amb := rep.Ambiguities
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if m, ok := n.(*MathInline); ok && entering {
				for i := 0; i < m.Segments.Len(); i++ {
					s := m.Segments.At(i)
					if s.Start < 0 || s.Stop > len(src) || s.Start > s.Stop {
						t.Fatalf("math segment %v outside %d bytes", s, len(src))
					}
				}
			}
			return ast.WalkContinue, nil
		})
		for _, a := range amb {
			if a.Start < 0 || a.End >= len(src) || src[a.Start] != '$' || src[a.End] != '$' {
				t.Fatalf("ambiguity %+v", a)
			}
		}
	})
}
