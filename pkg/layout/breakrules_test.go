package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// classCode writes a class as one letter, so a case reads as a string as
// long as its text: '.' none, 'w' word space, 'f' forced, 'c' CJK,
// 's' syllable, 'u' URL.
func classCode(c BreakClass) byte {
	return ".wfcsu"[c]
}

func codes(classes []BreakClass) string {
	var b strings.Builder
	for _, c := range classes {
		b.WriteByte(classCode(c))
	}
	return b.String()
}

func TestBreakClasses(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"eojeol and syllables", "가나 다라", ".sw.s"},
		{"brackets hold on", "(가나)", "..s."},
		{"curly quotes, particle", "“인용”은", "..s.s"},
		{"number with separator and unit", "12,000원", "......."},
		{"decimal with percent", "97.5%", "....."},
		{"number and Latin unit", "200ms", "....."},
		{"degrees Celsius", "36.5℃", "....."},
		{"currency sign", "$5", ".."},
		{"ellipsis run", "그래서……", ".ss.."},
		{"dash run", "A——B", "...u"},
		{"URL", "http://a.b/c", ".......u.u.u"},
		{"space before closing bracket", "가 )", "..."},
		{"space after opening bracket", "( 가", "..."},
		{"hard break", "가\n나", ".f."},
		{"Hanja and kana", "漢字かな", ".ccc"},
		{"Hanja in a Korean word", "重要한", ".ss"},
		{"Hanja word beside a Korean one", "重要 한", ".cw."},
		{"Latin then particle", "API를", "...."},
		{"URL before digits", "x86/64", "....u."},
		{"date", "2020-04-15", ".........."},
		{"hyphenated Latin", "Bias-Variance", ".....u......."},
		{"straight quotes", `"따옴표"는`, "..ss.."},
		{"space before opening straight quote", `said "hi"`, "....w...."},
		{"space before tilde", "A ~ B", "...w."},
		{"full-width brackets", "가（나）", ".s.."},
		{"number after prefix", "제3장", "..."},
		{"zero-width space", "가\u200b나", ".w."},
		{"double space", "가  나", ".w.."},
		{"leading and trailing spaces", " 가 ", "..."},
		{"space before ellipsis", "그래서 ……", ".ss..."},
		{"middle dot", "가·나", "..."},
		{"full stop then Hangul", "다.그", "..u"},
		{"guillemets", "《책》을", "...s"},
		{"space then guillemet", "책 《책》", ".w..."},
		{"full-width comma", "가，나", "..s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := codes(BreakClasses([]rune(tt.text)))
			if got != tt.want {
				t.Errorf("BreakClasses(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNeverStartsNeverEnds checks every character KOREAN.md lists, in its
// ASCII and full-width forms, against a Hangul neighbour and after a space.
func TestNeverStartsNeverEnds(t *testing.T) {
	closers := ") ] } 」 』 》 〉 ” ’ . , ? ! : ; · … ‥ % ~ - ‐ – — ） ］ ｝ ． ， ？ ！ ： ； ％ ～ － 。 、"
	for _, c := range strings.Fields(closers) {
		for _, text := range []string{"가" + c, "가 " + c, "가나" + c + c} {
			classes := BreakClasses([]rune(text))
			r, _ := utf8.DecodeRuneInString(c)
			for i, ch := range []rune(text) {
				if ch == r && classes[i] != BreakNone {
					t.Errorf("%q: break allowed before %q (class %v)", text, c, classes[i])
				}
			}
		}
	}
	openers := "( [ { 「 『 《 〈 “ ‘ （ ［ ｛"
	for _, c := range strings.Fields(openers) {
		for _, text := range []string{c + "가", c + " 가", "가" + c + "나"} {
			runes := []rune(text)
			classes := BreakClasses(runes)
			r, _ := utf8.DecodeRuneInString(c)
			for i := 1; i < len(runes); i++ {
				if runes[i-1] == r && classes[i] != BreakNone {
					t.Errorf("%q: break allowed after %q (class %v)", text, c, classes[i])
				}
			}
		}
	}
}

func FuzzBreakClasses(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		classes := BreakClasses(runes)
		if len(classes) != len(runes) {
			t.Fatalf("got %d classes for %d runes", len(classes), len(runes))
		}
		for i, c := range classes {
			if c == BreakNone {
				continue
			}
			if i == 0 {
				t.Fatalf("break before the first rune of %q", s)
			}
			if c != BreakForced && neverStartsAt(runes, firstAfterSpaces(runes, i)) {
				t.Fatalf("%q: break (%v) at %d puts %q at a line start", s, c, i, runes[firstAfterSpaces(runes, i)])
			}
			if c != BreakForced && opensAt(runes, i-1) {
				t.Fatalf("%q: break (%v) at %d leaves %q at a line end", s, c, i, runes[i-1])
			}
		}
	})
}

// firstAfterSpaces is the index of the first non-space rune at or after i.
func firstAfterSpaces(runes []rune, i int) int {
	for i < len(runes)-1 && isBreakingSpace(runes[i]) {
		i++
	}
	return i
}
