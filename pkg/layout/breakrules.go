package layout

import (
	"unicode"

	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
)

// Mode chooses the unit that Korean lines break on (W3C KLREQ §3.1, "Line
// breaking rules"; CSS Text 3 word-break). It is the manifest's
// pdf.linebreak setting, one type for both.
type Mode = manifest.LineBreak

const (
	// KeepAll breaks lines between eojeols, the space-separated words of
	// Korean, as CSS "word-break: keep-all". It is the default. Syllables of
	// one eojeol are split only as an emergency: when the eojeol is longer
	// than the line, or a justified line would otherwise be far too loose.
	KeepAll = manifest.KeepAll
	// Normal breaks lines between any two Hangul syllables as well, as CSS
	// "word-break: normal" does for Korean, the custom of many Korean books.
	Normal = manifest.Normal
)

// BreakClass says whether, and how, a line may break at the boundary before
// a rune.
type BreakClass uint8

const (
	// BreakNone forbids a break at the boundary.
	BreakNone BreakClass = iota
	// BreakSpace marks the first of a run of breaking spaces: the line may
	// end there, and the spaces vanish at the break (they are glue).
	BreakSpace
	// BreakForced marks a hard line break, a '\n' rune: the line ends there
	// whatever it costs, and is not justified.
	BreakForced
	// BreakCJK allows a break between two wide characters neither of which
	// is Hangul (Hanja or kana runs), as CSS Text "line-break: strict" does.
	// It is a normal break opportunity, used from the first pass on.
	BreakCJK
	// BreakSyllable allows a break between two Hangul syllables (or a
	// syllable and a Hanja) inside one eojeol: freely in Normal mode, as an
	// emergency in KeepAll mode.
	BreakSyllable
	// BreakURL allows a break after / . - _ ? (or an en or em dash) inside a
	// long Latin word, URL or identifier. No hyphen is drawn. It is always an
	// emergency break.
	BreakURL
)

// String names the class for golden files and test failures.
func (c BreakClass) String() string {
	switch c {
	case BreakNone:
		return "none"
	case BreakSpace:
		return "space"
	case BreakForced:
		return "forced"
	case BreakCJK:
		return "cjk"
	case BreakSyllable:
		return "syllable"
	case BreakURL:
		return "url"
	}
	return "class?"
}

// BreakClasses classifies every boundary of a paragraph's text. Element i
// describes the boundary between text[i-1] and text[i]; element 0, before
// the first rune, is always BreakNone, and there is no break after the last
// rune (the paragraph ends there anyway).
//
// Around spaces it follows what careful typesetters do, so that a space in
// the source does not undo the rules for the characters beside it:
//
//   - a space before a character that may not begin a line ("A ~ B",
//     "이것 )", "2020 — 2021") does not break; the space stays on the line
//     and still stretches like any other word space;
//   - a space after an opening bracket or quote ("( 괄호") does not break;
//   - spaces at the very start or end of the text do not break;
//   - a run of spaces is one opportunity, at its first space.
//
// No boundary is ever a hyphenation point: Hangul is never hyphenated, and
// Latin words break only at spaces, or after URL punctuation as an emergency.
func BreakClasses(text []rune) []BreakClass {
	classes := make([]BreakClass, len(text))
	for i := 1; i < len(text); i++ {
		classes[i] = classifyBoundary(text, i)
	}
	koreanWords(text, classes)
	return classes
}

// koreanWords turns the CJK breaks inside an eojeol that holds Hangul into
// syllable breaks: Hanja written into a Korean word ("重要한") belong to the
// word, and KeepAll keeps them together like its syllables. Runs of Hanja or
// kana on their own keep their CJK breaks.
func koreanWords(text []rune, classes []BreakClass) {
	for start := 0; start < len(text); {
		end, hangul := start, false
		for end < len(text) && !isBreakingSpace(text[end]) && text[end] != '\n' {
			hangul = hangul || isHangul(text[end])
			end++
		}
		for i := start + 1; hangul && i < end; i++ {
			if classes[i] == BreakCJK {
				classes[i] = BreakSyllable
			}
		}
		start = end + 1
	}
}

// classifyBoundary decides the boundary before text[i], i ≥ 1.
func classifyBoundary(text []rune, i int) BreakClass {
	a, b := text[i-1], text[i]
	switch {
	case b == '\n':
		return BreakForced
	case a == '\n':
		return BreakNone
	case isBreakingSpace(b):
		if isBreakingSpace(a) {
			return BreakNone
		}
		return spaceBreak(text, i)
	case isBreakingSpace(a):
		return BreakNone
	}
	return wordBreak(text, i)
}

// spaceBreak decides a run of spaces that starts at text[i]: it breaks unless
// that would leave an opening bracket at a line's end or put a closing one at
// the next line's start.
func spaceBreak(text []rune, i int) BreakClass {
	j := i
	for j < len(text) && isBreakingSpace(text[j]) {
		j++
	}
	switch {
	case j == len(text), text[j] == '\n':
		return BreakNone
	case opensAt(text, i-1):
		return BreakNone
	case neverStartsAt(text, j):
		return BreakNone
	}
	return BreakSpace
}

// wordBreak decides a boundary between two non-space runes, KLREQ's
// prohibition rules first, then the classes of intra-word opportunity.
func wordBreak(text []rune, i int) BreakClass {
	a, b := text[i-1], text[i]
	switch {
	case neverStartsAt(text, i), opensAt(text, i-1):
		return BreakNone
	case bindsNumber(text, i):
		return BreakNone
	case isURLBreakAfter(a) && !isURLBreakAfter(b):
		return BreakURL // after the last of "//", not between them
	}
	return wideBreak(a, b)
}

// wideBreak gives the class of a boundary between two runes that no
// prohibition covers: only wide (East Asian) text breaks inside a word. A
// closing mark followed by a wide character, or a wide character followed by
// an opening mark, breaks like the wide character does ("《책》을",
// "말했다(웃음)").
func wideBreak(a, b rune) BreakClass {
	aw := markdown.IsWide(a) || isClosing(a)
	bw := markdown.IsWide(b) || isOpening(b)
	switch {
	case !aw || !bw:
		return BreakNone
	case !markdown.IsWide(a) && !markdown.IsWide(b):
		return BreakNone
	case isHangul(a) || isHangul(b):
		return BreakSyllable
	case isClosing(a) && !isHanOrKana(b), isOpening(b) && !isHanOrKana(a):
		return BreakNone
	}
	return BreakCJK
}

// bindsNumber reports whether the boundary before text[i] lies inside a
// number with its separators, unit or sign: "12,000", "97.5%", "200ms",
// "36.5℃", "12,000원", "$5", "제3장". A digit holds on to both neighbours,
// except that a URL may still break after a '/', '_' or '?', or after a '.'
// or '-' that does not follow a digit ("example.com/2020" breaks before
// "2020"; "2020-04-15" and "v1.2" do not break).
func bindsNumber(text []rune, i int) bool {
	a, b := text[i-1], text[i]
	if isDigit(a) {
		return true
	}
	if !isDigit(b) {
		return false
	}
	if !isURLBreakAfter(a) {
		return true
	}
	return (a == '.' || a == '-') && i >= 2 && isDigit(text[i-2])
}

// isDigit reports ASCII, full-width and other decimal digits.
func isDigit(r rune) bool { return unicode.IsDigit(r) }

// isURLBreakAfter lists the characters after which a long Latin word, URL or
// identifier may break in an emergency: KOREAN.md's / . - _ ?, and the en and
// em dash, after which KLREQ allows a break.
func isURLBreakAfter(r rune) bool {
	switch r {
	case '/', '.', '-', '_', '?', '–', '—':
		return true
	}
	return false
}

// fullWidthOffset maps the full-width forms U+FF01–U+FF5E onto ASCII, so
// that "）" obeys the rule for ")".
const fullWidthOffset = 0xFF01 - '!'

// narrow returns the ASCII counterpart of a full-width form, or r itself.
func narrow(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - fullWidthOffset
	}
	return r
}

// neverStarts lists the characters that may not begin a line (KLREQ §3.1.4,
// KOREAN.md): closing brackets and quotes, stops and commas, the middle dot,
// ellipses, postfix units, the tilde, hyphens and dashes.
func neverStarts(r rune) bool {
	r = narrow(r)
	switch r {
	case '.', ',', '?', '!', ':', ';', '%', '~', '-',
		'·', '…', '‥', '‐', '‑', '‒', '–', '—', '―', '〜', '・',
		'。', '、', '‰', '℃', '℉', '°', '′', '″', '｡', '､':
		return true
	}
	return isClosing(r)
}

// isClosing reports closing brackets and final quotes (Unicode Pe and Pf:
// ) ] } 」 』 》 〉 ” ’ and the rest).
func isClosing(r rune) bool {
	r = narrow(r)
	return unicode.In(r, unicode.Pe, unicode.Pf)
}

// isOpening reports opening brackets and initial quotes (Unicode Ps and Pi:
// ( [ { 「 『 《 〈 “ ‘ and the rest).
func isOpening(r rune) bool {
	r = narrow(r)
	return unicode.In(r, unicode.Ps, unicode.Pi)
}

// neverStartsAt reports whether text[i] may not begin a line: a closing
// straight quote, or any character neverStarts lists.
func neverStartsAt(text []rune, i int) bool {
	if isStraightQuote(text[i]) {
		return !opensAt(text, i)
	}
	return neverStarts(text[i])
}

// opensAt reports whether text[i] opens something and so may not end a line.
// A straight quote (" or ') opens when nothing but a space, a line start or
// other opening marks precede it; otherwise it closes. The look-back stops
// after quoteLookBack runes so that a hostile run of quotes stays linear.
func opensAt(text []rune, i int) bool {
	if !isStraightQuote(text[i]) {
		return isOpening(text[i])
	}
	for j := i - 1; j >= 0 && j >= i-quoteLookBack; j-- {
		r := text[j]
		switch {
		case isBreakingSpace(r), r == '\n':
			return true
		case !isOpening(r) && !isStraightQuote(r):
			return false
		}
	}
	return i <= quoteLookBack // reached the start of the text
}

// quoteLookBack bounds how far opensAt looks behind a straight quote; real
// text never stacks more than three or four opening marks.
const quoteLookBack = 8

// isStraightQuote reports the ASCII quotes (and their full-width forms),
// which open or close depending on what surrounds them.
func isStraightQuote(r rune) bool {
	r = narrow(r)
	return r == '"' || r == '\''
}

// isBreakingSpace reports the spaces a line may break at: the ASCII space and
// tab, the typographic spaces of U+2000–U+200A except the figure space, the
// ideographic space and the zero-width space. No-break spaces (U+00A0,
// U+2007, U+202F) are not among them: they are measured like letters.
func isBreakingSpace(r rune) bool {
	switch r {
	case ' ', '\t', 0x1680, 0x205F, 0x3000, zeroWidthSpace:
		return true
	}
	return r >= 0x2000 && r <= 0x200A && r != 0x2007
}

// zeroWidthSpace (U+200B) is a break opportunity that takes no room.
const zeroWidthSpace = 0x200B

// isHangul reports Hangul syllables and jamo.
func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// isHanOrKana reports Han ideographs (Hanja) and Japanese kana.
func isHanOrKana(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
