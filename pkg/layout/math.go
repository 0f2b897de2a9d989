package layout

import (
	"fmt"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/yuin/goldmark/ast"
)

// This file maps typeset formulas onto the page. pkg/book parsed every
// formula once; pkg/texmath lays a formula out from the math font's MATH
// table in lengths of 1/65536 em of the base size, which become scaled
// points here (l × size / 65536). The items become page elements: glyphs
// by id as Glyphs runs (consecutive glyphs of one size share a run),
// rules as filled rectangles, and text runs (\text{…}, \eqref numbers,
// equation tags) as Text in the faces of the surrounding text, so that
// Korean in \text works. mathinline.go sets formulas in lines,
// mathdisplay.go sets them as displays.

// mathState is the math of one layout: the math font, which joins the
// document's faces on the first formula, and the layouts of the chapter
// being set (a formula in a table cell is measured more than once).
type mathState struct {
	font    *texmath.Font
	face    *face
	ch      *book.Chapter
	layouts map[*book.Formula]*texmath.Layout
	// anchors are the equation anchors made so far, so that a label used
	// twice (book.Load warned) gets one destination.
	anchors map[string]bool
}

// mathTint marks math shown as TeX source: a light amber, apart from the
// grey of code blocks, that prints as a pale grey.
var mathTint = Color{0xfb, 0xf0, 0xdc}

// mathFonts returns the math state, making it on first use; nil when the
// math font cannot be read (then every formula shows its TeX).
func (e *engine) mathFonts() *mathState {
	if e.math != nil {
		return e.math
	}
	font, err := texmath.DefaultFont()
	if err != nil {
		if e.chapterOnly {
			e.mathErr = err
		} else {
			e.diags.Warnf(e.pos(nil), "%s", mathFontMessage(err))
		}
		e.math = &mathState{}
		return e.math
	}
	// The math font is also a text fallback (fonts.MathText): one face,
	// one subset, for both.
	e.math = &mathState{font: font, face: e.fs.shipped[fonts.Face{Family: fonts.MathText}]}
	return e.math
}

// mathFontMessage says that the math font cannot be read.
func mathFontMessage(err error) string {
	return fmt.Sprintf("math: the shipped math font cannot be read (%v); formulas are shown as TeX", err)
}

// formulaLayout lays out f with the text of \text runs in style st, once
// per formula; nil when f cannot be typeset (book.Load has warned).
func (e *engine) formulaLayout(f *book.Formula, st textStyle, n ast.Node) *texmath.Layout {
	if f == nil || f.Tree == nil {
		return nil
	}
	ms := e.mathFonts()
	if ms.font == nil {
		return nil
	}
	if ms.ch != e.ch {
		ms.ch, ms.layouts = e.ch, map[*book.Formula]*texmath.Layout{}
	}
	if lay, ok := ms.layouts[f]; ok {
		return lay
	}
	opt := texmath.Options{Font: ms.font, Text: mathMeasurer{e: e, st: mathTextStyle(st), node: n}}
	if e.ch != nil {
		opt.Ref = e.ch.Ref
	}
	lay, err := f.Tree.Layout(opt)
	if err != nil {
		e.diags.Warnf(e.pos(n), "math: %v; the formula's TeX is shown instead", err)
		lay = nil
	}
	ms.layouts[f] = lay
	return lay
}

// mathTextStyle is the style of the text runs inside a formula: the
// surrounding text's face and weight, never code, never raised.
func mathTextStyle(st textStyle) textStyle {
	if st.role == RoleCode {
		st.role = RoleBody
	}
	st.rise, st.note, st.strike, st.underline, st.mark = 0, 0, false, false, false
	return st
}

// formula returns the parsed formula of a math node; a node the book did
// not see gets one without a tree, which shows its TeX.
func (e *engine) formula(n ast.Node, tex string, display bool) *book.Formula {
	if e.ch != nil {
		if f := e.ch.Math[n]; f != nil {
			return f
		}
	}
	return &book.Formula{TeX: tex, Display: display}
}

// toLength converts a formula length at base size size to scaled points,
// rounded to nearest.
func toLength(l texmath.Length, size Length) Length {
	v := int64(l) * int64(size)
	if v >= 0 {
		return Length((v + 1<<15) >> 16)
	}
	return -Length((-v + 1<<15) >> 16)
}

// percent returns size × p / 100: the size of a script or of text in a
// script.
func percent(size Length, p int) Length { return size * Length(p) / 100 }

// emLength converts a width in thousandths of an em to a formula length.
func emLength(per1000 int) texmath.Length { return texmath.Length(int64(per1000) * (1 << 16) / 1000) }

// mathMeasurer measures the text runs of formulas in the faces the
// surrounding text would draw them with, in the rounded thousandths of an
// em the PDF's widths carry.
type mathMeasurer struct {
	e    *engine
	st   textStyle
	node ast.Node
}

// MeasureText implements texmath.TextMeasurer.
func (m mathMeasurer) MeasureText(run texmath.TextRun) (width, height, depth texmath.Length) {
	st := m.st
	st.bold = st.bold || run.Bold
	runs, styles := m.e.runs([]span{{text: run.Text, st: st, node: m.node}})
	var adv int
	top, bottom := 0, 0 // thousandths of an em
	for i, r := range runs {
		fc := m.e.fs.faces[styles[i].font]
		upem := fc.font.UnitsPerEm()
		for _, c := range r.Text {
			adv += fc.advance1000(c)
			g, _ := fc.font.GlyphIndex(c)
			if b, ok := fc.font.GlyphBounds(g); ok && b.YMax > b.YMin {
				top, bottom = max(top, b.YMax*1000/upem), min(bottom, b.YMin*1000/upem)
			}
		}
	}
	scale := func(v int) texmath.Length { return emLength(v) * texmath.Length(run.Size) / 100 }
	return scale(adv), scale(top), scale(-bottom)
}

// mathPainter turns the items of a laid-out formula into page elements.
type mathPainter struct {
	e     *engine
	ms    *mathState
	size  Length    // the base size
	st    textStyle // the style of text runs
	color Color
	els   []Element // glyph runs as *Glyphs while they are filled
	glyph *Glyphs   // the run being filled
	// links are the \eqref texts that lead to an equation of the chapter.
	links []Element
}

// paint adds items at origin (x, y) on the formula's baseline: glyphs by
// id, rules as rectangles, text runs in the text faces.
func (p *mathPainter) paint(items []texmath.Item, x, y Length) {
	for _, it := range items {
		ix, iy := x+toLength(it.X, p.size), y+toLength(it.Y, p.size)
		switch it.Kind {
		case texmath.ItemGlyph:
			p.addGlyph(it, ix, iy)
		case texmath.ItemRule:
			p.glyph = nil
			p.els = append(p.els, Rect{X: ix, Y: iy, W: max(toLength(it.W, p.size), 1), H: max(toLength(it.H, p.size), 1), Fill: p.color})
		case texmath.ItemText:
			p.glyph = nil
			p.text(it, ix, iy)
		}
	}
	p.glyph = nil
}

// addGlyph adds a glyph to the current run when it has the glyph's size,
// else starts a run at the glyph.
func (p *mathPainter) addGlyph(it texmath.Item, x, y Length) {
	size := percent(p.size, it.Size)
	if p.glyph == nil || p.glyph.Size != size {
		p.glyph = &Glyphs{X: x, Y: y, Font: p.ms.face.id, Size: size, Color: p.color}
		p.els = append(p.els, p.glyph)
	}
	p.glyph.Glyphs = append(p.glyph.Glyphs, GlyphPos{ID: it.Glyph, X: x - p.glyph.X, Y: y - p.glyph.Y, Text: it.Text})
}

// text sets a text run of a formula in the faces of its style; an \eqref
// to an equation of the chapter becomes a link to it.
func (p *mathPainter) text(it texmath.Item, x, y Length) {
	st := p.st
	st.bold = st.bold || it.Bold
	st.size = percent(p.size, it.Size)
	color := p.color
	anchor := ""
	if it.Label != "" && p.e.ch != nil {
		if _, ok := p.e.ch.Ref(it.Label); ok {
			anchor, color = equationAnchor(p.e.ch, it.Label), linkColor
		}
	}
	runs, styles := p.e.runs([]span{{text: it.Text, st: st}})
	x0 := x
	for i, r := range runs {
		p.els = append(p.els, Text{X: x, Y: y, Font: styles[i].font, Size: st.size, Color: color, Text: r.Text})
		x += r.M.(faceMeasurer).width(r.Text)
	}
	if anchor != "" {
		h := Length(textHeight * float64(st.size))
		p.links = append(p.links, Link{X: x0, Y: y - h, W: x - x0, H: h + Length(textDepth*float64(st.size)), Anchor: anchor})
	}
}

// elements returns what was painted, with the glyph runs as values.
func (p *mathPainter) elements() []Element {
	out := make([]Element, 0, len(p.els)+len(p.links))
	for _, el := range p.els {
		if g, ok := el.(*Glyphs); ok {
			el = *g
		}
		out = append(out, el)
	}
	return append(out, p.links...)
}

// equationAnchor names the destination of \eqref{label} in chapter c.
func equationAnchor(c *book.Chapter, label string) string {
	return chapterAnchor(c.ID, "eq:"+label)
}

// glyphsSpan is the vertical span a glyph run may cover: from textHeight
// above its highest glyph's origin to textDepth below its lowest, in its
// size (the page breaker never cuts through it).
func glyphsSpan(g Glyphs) (lo, hi Length) {
	if len(g.Glyphs) == 0 {
		return g.Y, g.Y
	}
	top, bottom := g.Glyphs[0].Y, g.Glyphs[0].Y
	for _, gp := range g.Glyphs[1:] {
		top, bottom = min(top, gp.Y), max(bottom, gp.Y)
	}
	return g.Y + top - Length(textHeight*float64(g.Size)), g.Y + bottom + Length(textDepth*float64(g.Size))
}
