package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"unicode"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/yuin/goldmark/ast"
)

// textStyle is how a span of inline text looks, before fonts are chosen.
type textStyle struct {
	role      manifest.FontRole
	bold      bool
	size      Length
	color     Color
	strike    bool
	underline bool
	// rise lifts the text above the baseline (footnote references).
	rise Length
	// note is the number of the footnote a reference points to.
	note int
	// url or anchor make the span a link.
	url, anchor string
	// mark sets the text on a tint: the TeX of a formula that cannot be
	// typeset.
	mark bool
}

// span is inline text in one style, with the node it came from, for
// messages.
type span struct {
	text string
	st   textStyle
	node ast.Node
	// math, when set, is a formula, set as an object (mathinline.go)
	// instead of text.
	math *book.Formula
}

// runStyle is a run's concrete style, indexed by Run.Style.
type runStyle struct {
	textStyle
	font FontID
	node ast.Node
	math *mathRun // the formula of an Object run
}

// Colours of the page. Text is not pure black: a very dark grey prints
// as black but softens screen reading a little; links are a dark blue
// that still reads as text in grey-scale print.
var (
	textColor  = Color{0x1a, 0x1a, 0x1a}
	linkColor  = Color{0x1f, 0x3f, 0x8f}
	grayColor  = Color{0x6b, 0x6b, 0x6b}
	quoteColor = Color{0xb0, 0xb0, 0xb0}
	codeShade  = Color{0xf2, 0xf2, 0xef}
	ruleColor  = Color{0x80, 0x80, 0x80}
)

// runs turns spans into SetParagraph runs, one per stretch of text drawn
// from one face: every character comes from the first face of its role's
// chain that draws it, a cluster of letters or ideographs from one face
// when one face draws it all (fontSet.clusterFace). A character no face
// draws is counted for its post's report (missing.go) and left out, so the
// PDF never shows an empty box in its place.
func (e *engine) runs(spans []span) ([]Run, []runStyle) {
	rb := runBuilder{e: e}
	for _, sp := range spans {
		if sp.math != nil {
			if r, st, ok := e.mathRun(sp); ok {
				rb.styles = append(rb.styles, st)
				r.Style = len(rb.styles) - 1
				rb.runs, rb.text = append(rb.runs, r), append(rb.text, nil)
				rb.space, rb.squeeze = false, false
				continue
			}
			sp = mathSource(sp)
		}
		rb.span(sp)
	}
	for i := range rb.runs {
		rb.runs[i].Text = string(rb.text[i])
	}
	return rb.runs, rb.styles
}

// runBuilder collects the runs of one call of runs.
type runBuilder struct {
	e      *engine
	runs   []Run
	styles []runStyle
	text   [][]byte // the runs' text, turned into strings once at the end
	cur    int      // the run being filled; -1 at the start of a span
	// space is set after a space; squeeze after a character left out
	// that followed a space, so that the space after it goes too and
	// "글자 🥺 하나" does not leave two spaces.
	space, squeeze bool
}

// span adds the text of one span, cluster by cluster.
func (rb *runBuilder) span(sp span) {
	rb.cur = -1
	k := fontKey{sp.st.role, sp.st.bold}
	for i := 0; i < len(sp.text); {
		n := clusterLen(sp.text[i:])
		word := sp.text[i : i+n]
		var shared *face
		if n > 1 {
			shared = rb.e.fs.clusterFace(k, word)
		}
		for j, r := range word {
			rb.add(sp, k, i+j, r, shared)
		}
		i += n
	}
}

// add appends r (at byte at of the span's text) in face fc, or in the
// face its chain gives it when fc is nil.
func (rb *runBuilder) add(sp span, k fontKey, at int, r rune, fc *face) {
	if r == '\t' {
		r = ' '
	}
	if r != '\n' && fc == nil {
		if fc = rb.e.fs.faceFor(k, r); fc == nil {
			if !invisible(r) {
				rb.e.missingChar(sp, at, r)
				rb.squeeze = rb.space
			}
			return
		}
	}
	if r == ' ' && rb.squeeze {
		rb.squeeze = false
		return
	}
	rb.space, rb.squeeze = r == ' ', false
	if rb.cur < 0 || (fc != nil && rb.styles[rb.cur].font != fc.id) {
		id := FontID(0)
		if fc != nil {
			id = fc.id
		}
		rb.styles = append(rb.styles, runStyle{textStyle: sp.st, font: id, node: sp.node})
		rb.runs = append(rb.runs, Run{Style: len(rb.styles) - 1, M: faceMeasurer{rb.e.fs.faces[id], sp.st.size}, Link: sp.st.url + sp.st.anchor})
		rb.text = append(rb.text, nil)
		rb.cur = len(rb.runs) - 1
	}
	rb.text[rb.cur] = utf8.AppendRune(rb.text[rb.cur], r)
}

// invisible reports characters that draw nothing of their own, so that no
// face having them is no loss: controls, format characters (zero-width
// joiners and spaces, bidi marks), variation selectors (emoji or text
// presentation, which outlines of one colour cannot honour) and the emoji
// skin-tone modifiers (colour swatches in a font of one colour).
func invisible(r rune) bool {
	switch {
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, r >= 0x1F3FB && r <= 0x1F3FF:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// Cluster classes (clusterLen).
const (
	clusterNone = iota // a character set on its own
	clusterWord        // letters and marks other than Hangul and CJK
	clusterCJK         // ideographs and kana
)

// clusterLen returns the length in bytes of the cluster that starts s: a
// run of characters of one class (clusterClass), or the first character
// alone. Hangul syllables are not clustered: every shipped face with
// Hangul has all 11,172, so each syllable takes the role's face anyway.
func clusterLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	c := clusterClass(r)
	if c == clusterNone {
		return n
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if clusterClass(r) != c {
			break
		}
		n += size
	}
	return n
}

// clusterClass sorts r into a cluster class. ASCII and Hangul, most of a
// Korean post, are decided by range before any table lookup.
func clusterClass(r rune) int {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return clusterWord
		}
		return clusterNone
	case r >= 0xAC00 && r <= 0xD7A3, unicode.Is(unicode.Hangul, r):
		return clusterNone
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana), r == 0x30FC, r >= 0x3099 && r <= 0x309C:
		return clusterCJK
	case unicode.IsLetter(r), unicode.IsMark(r):
		return clusterWord
	}
	return clusterNone
}
