package markdown

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// leftoverStrong matches a "**…**" pair that did not become <strong>.
var leftoverStrong = regexp.MustCompile(`\*\*[^\n]+\*\*`)

// TestCJKFriendlyCases runs the amendment's own test cases (testdata/
// cjkfriendly, from tats-u/markdown-cjk-friendly) with the properties its
// reference implementations are tested for.
func TestCJKFriendlyCases(t *testing.T) {
	cases := []struct {
		file string
		bad  func(line string) bool
	}{
		{"strong.md", leftoverStrong.MatchString},
		{"korean.md", leftoverStrong.MatchString},
		{"pseudo-emoji.md", leftoverStrong.MatchString},
		{"non-bmp.md", func(l string) bool { return strings.Contains(l, "<strong>") }},
		{"underscore-cjk-punct.md", func(l string) bool { return strings.Contains(l, "_") }},
	}
	p := New(Options{CommonMark: true})
	for _, c := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", "cjkfriendly", c.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(render(t, p, string(src)), "\n") {
			if c.bad(line) {
				t.Errorf("%s: %s", c.file, line)
			}
		}
	}
}

// TestCJKFriendlyExamples checks exact output for the Korean cases of
// KOREAN.md and for the amendment's Korean snapshot, and that plain
// CommonMark cases next to Korean text still behave.
func TestCJKFriendlyExamples(t *testing.T) {
	tests := []struct{ in, want string }{
		{`**"인용"**은`, `<p><strong>&quot;인용&quot;</strong>은</p>`},
		{`**중요(重要)**한`, `<p><strong>중요(重要)</strong>한</p>`},
		{`이건 **'따옴표'**다`, `<p>이건 <strong>'따옴표'</strong>다</p>`},
		{`**강조**는`, `<p><strong>강조</strong>는</p>`},
		{`**Bias-Variance**가`, `<p><strong>Bias-Variance</strong>가</p>`},
		{`*이것*이`, `<p><em>이것</em>이</p>`},
		{`**스크립트(script)**라고`, `<p><strong>스크립트(script)</strong>라고</p>`},
		{"패키지를 발행하려면 **`npm publish`**를 실행하십시오.", `<p>패키지를 발행하려면 <strong><code>npm publish</code></strong>를 실행하십시오.</p>`},
		{`**이 [링크](https://example.kr/)**만을`, `<p><strong>이 <a href="https://example.kr/">링크</a></strong>만을</p>`},
		// Latin neighbours keep CommonMark's answer.
		{`a**"b"**c`, `<p>a**&quot;b&quot;**c</p>`},
		{`**"b"**c`, `<p>**&quot;b&quot;**c</p>`},
		// An underscore between Hangul letters is intraword, as in
		// CommonMark: only punctuation after it lets it close.
		{`__밑줄(강조)__는`, `<p>__밑줄(강조)__는</p>`},
		{`__注意__：注意事項`, `<p><strong>注意</strong>：注意事項</p>`},
		// Variation selectors: the character before the selector decides.
		{"正體字。\ufe01_Traditional._", "<p>正體字。\ufe01<em>Traditional.</em></p>"},
		// An ideographic variation selector counts as CJK (rule 2bδ).
		{"禰\U000E0100**(正式)**豆子", "<p>禰\U000E0100<strong>(正式)</strong>豆子</p>"},
		// Emoji are not CJK: CommonMark's answer stands.
		{"a**a❌**a", "<p>a**a❌**a</p>"},
	}
	p := New(Options{CommonMark: true})
	for _, tt := range tests {
		if got := render(t, p, tt.in); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestIsCJK spot-checks the character table against the amendment's tips
// for implementers.
func TestIsCJK(t *testing.T) {
	for _, r := range []rune{'가', '힣', 'ᄀ', 'ㄱ', '漢', 'あ', 'ア', '。', '（', '〰', '〽', '🈂', '🈷', '㊗', '㊙', 0x20000, '₩'} {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false", r)
		}
	}
	for _, r := range []rune{'a', '1', '"', '(', '«', '∇', '❌', '⭕', '🈯', 0x1F600, 0xFE0F, 0xE0100} {
		if isCJK(r) {
			t.Errorf("isCJK(%q) = true", r)
		}
	}
}
