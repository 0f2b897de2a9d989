package diag

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestPrintable is issue 11 item 10 and issue 14 item 12: text from posts
// must not forge lines, drive the terminal or reorder what is shown.
func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"글 제목 (2020)", "글 제목 (2020)"},
		{"a\nb\r\nc\td", `a\nb\r\nc\td`},
		{"\x1b[31m빨강\x1b[0m", `\x1b[31m빨강\x1b[0m`},
		{"\x00\x07\x7f", `\x00\x07\x7f`},
		{"C1 \u0085 \u009b", `C1 \u0085 \u009b`},
		{"줄\u2028단락\u2029끝", `줄\u2028단락\u2029끝`},
		{"abc\u202edcba\u2066x\u2069\u200f\u061c", `abc\u202edcba\u2066x\u2069\u200f\u061c`},
		{"bad \xff\xfe byte", `bad \xff\xfe byte`},
		{"real \ufffd kept", "real \ufffd kept"},
		{"title\n::error file=x::forged", `title\n::error file=x::forged`},
		{"::error file=x::forged", `\x3a:error file=x::forged`},
		{"  \u3000::warning::x", "  \u3000\\x3a:warning::x"},
		{"a:: b", "a:: b"},
		{"x ##[error]forged", `x #\x23[error]forged`},
		{"##vso[task.logissue]x", `#\x23vso[task.logissue]x`},
		{"C# ## heading", "C# ## heading"},
		{`C:\blog\x.md`, `C:\blog\x.md`},
	} {
		got := Printable(tc.in)
		if got != tc.want {
			t.Errorf("Printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if again := Printable(got); again != got {
			t.Errorf("Printable(%q) changes again: %q", got, again)
		}
	}
}

// TestDiagnosticStringOneLine is issue 14 item 12: a file name with a
// newline must not break the one-line format.
func TestDiagnosticStringOneLine(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "_posts/a\n::error file=b.md::x.md", Line: 3, Col: 1}, Severity: Warning,
		Message: "raw HTML <b>\x1b]0;title\x07</b>"}
	got := d.String()
	want := `_posts/a\n::error file=b.md::x.md:3:1: warning: raw HTML <b>\x1b]0;title\x07</b>`
	if got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// checkPrintable fails unless out is safe to print: one valid UTF-8
// line, no character Printable escapes, no workflow command.
func checkPrintable(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Printable(%q) = %q: not UTF-8", in, out)
	}
	for _, r := range out {
		if Unprintable(r) {
			t.Fatalf("Printable(%q) = %q keeps %U", in, out, r)
		}
	}
	if strings.HasPrefix(strings.TrimLeftFunc(out, unicode.IsSpace), "::") || strings.Contains(out, "##[") || strings.Contains(out, "##vso[") {
		t.Fatalf("Printable(%q) = %q carries a workflow command", in, out)
	}
	if Printable(out) != out {
		t.Fatalf("Printable is not idempotent on %q", in)
	}
}

func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"제목", "a\nb", "::error::x", " ##[warning]", "\x1b[2J", "\u202e", "\xff", "#\x00#["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Printable(s)
		checkPrintable(t, s, out)
		if plain(s) && out != s {
			t.Fatalf("plain %q changed to %q", s, out)
		}
	})
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"짧다", 10, "짧다"},
		{"abcdef", 3, "abc…"},
		{"가나다", 4, "가…"}, // not inside 나
		{"가", 1, "…"},
	} {
		if got := Clip(c.in, c.n); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
