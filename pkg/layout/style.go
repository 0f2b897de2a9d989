package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
	"unicode"
	"unicode/utf8"

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
// chain that has it. A character no face has is reported once per chapter
// and dropped, so the PDF never shows an empty box in its place.
func (e *engine) runs(spans []span) ([]Run, []runStyle) {
	var runs []Run
	var styles []runStyle
	var text [][]byte // the runs' text, turned into strings once at the end
	for _, sp := range spans {
		if sp.math != nil {
			if r, st, ok := e.mathRun(sp); ok {
				styles = append(styles, st)
				r.Style = len(styles) - 1
				runs, text = append(runs, r), append(text, nil)
				continue
			}
			sp = mathSource(sp)
		}
		cur := -1
		for _, r := range sp.text {
			if r == '\t' {
				r = ' '
			}
			fc := e.faceOf(sp, r)
			if fc == nil && r != '\n' {
				continue
			}
			if cur < 0 || (fc != nil && styles[cur].font != fc.id) {
				id := FontID(0)
				if fc != nil {
					id = fc.id
				}
				styles = append(styles, runStyle{textStyle: sp.st, font: id, node: sp.node})
				runs = append(runs, Run{Style: len(styles) - 1, M: faceMeasurer{e.fs.faces[id], sp.st.size}, Link: sp.st.url + sp.st.anchor})
				text = append(text, nil)
				cur = len(runs) - 1
			}
			text[cur] = utf8.AppendRune(text[cur], r)
		}
	}
	for i := range runs {
		runs[i].Text = string(text[i])
	}
	return runs, styles
}

// faceOf chooses the face for r in sp, or reports r and returns nil.
func (e *engine) faceOf(sp span, r rune) *face {
	if r == '\n' {
		return nil
	}
	if fc := e.fs.faceFor(fontKey{sp.st.role, sp.st.bold}, r); fc != nil {
		return fc
	}
	if !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) {
		e.missing(sp, r)
	}
	return nil
}

// missing reports a character that no face has, once per chapter.
func (e *engine) missing(sp span, r rune) {
	if e.warned == nil {
		e.warned = map[rune]bool{}
	}
	if e.warned[r] {
		return
	}
	e.warned[r] = true
	if e.allWarned == nil {
		e.allWarned = map[rune]bool{}
	}
	e.allWarned[r] = true
	e.diags.Warnf(e.pos(sp.node), "character %q (U+%04X) is in no font; it is left out of the PDF", r, r)
}
