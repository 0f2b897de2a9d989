package layout

import (
	"fmt"
	"strings"

	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/yuin/goldmark/ast"
)

// An inline formula is an Object of the paragraph builder: one part
// between each two of its break opportunities (texmath's Breaks, after a
// top-level relation or binary operator), so that a line ends inside a
// formula only there, at TeX's penalties, and the space after the
// operator vanishes at the break. The line keeps its pitch unless a part
// on it reaches above the line's ascent or below its descent (lineBox).

// mathRun is an inline formula set in a paragraph.
type mathRun struct {
	lay  *texmath.Layout
	size Length    // the base size: the text's, or less when scaled to fit
	st   textStyle // the surrounding text's style
	node ast.Node
	obj  *Object
	// parts are the formula cut at its breaks (texmath's Pieces): each
	// part's bounds in the formula and its items.
	parts []texmath.Piece
}

// tagQuad is the least space between a formula and its tag, in ems: TeX
// sets at least a quad between them.
const tagQuad = 1

// mathRun makes the run of a formula span; false when the formula cannot
// be typeset.
func (e *engine) mathRun(sp span) (Run, runStyle, bool) {
	lay := e.formulaLayout(sp.math, sp.st, sp.node)
	if lay == nil {
		return Run{}, runStyle{}, false
	}
	if len(lay.Tags) > 0 {
		lay = withTags(lay)
	}
	mr := &mathRun{lay: lay, st: sp.st, node: sp.node, obj: &Object{}, parts: lay.Pieces()}
	mr.setSize(sp.st.size, e.math)
	run := Run{Object: mr.obj, Link: sp.st.url + sp.st.anchor}
	return run, runStyle{textStyle: sp.st, font: e.math.face.id, node: sp.node, math: mr}, true
}

// withTags returns a display formula set among words (in a table cell or
// a footnote) with its tags after it, a quad apart, as text items.
func withTags(lay *texmath.Layout) *texmath.Layout {
	out := *lay
	out.Items = append([]texmath.Item(nil), lay.Items...)
	x := lay.Width + texmath.Em(tagQuad, 1)
	for _, t := range lay.Tags {
		out.Items = append(out.Items, texmath.Item{Kind: texmath.ItemText, X: x, Y: t.Y, W: t.Width, H: t.Height, Text: t.Text, Size: 100})
		x += t.Width + texmath.Em(tagQuad, 1)
		out.Height, out.Depth = max(out.Height, t.Height-t.Y), max(out.Depth, t.Depth+t.Y)
	}
	out.Width, out.Tags = x-texmath.Em(tagQuad, 1), nil
	return &out
}

// setSize sets the formula at base size size: the widths, gaps and
// extents of its parts. A formula of one part stands as tall and deep as
// its box; a part of a broken one as its ink.
func (mr *mathRun) setSize(size Length, ms *mathState) {
	mr.size = size
	parts := make([]ObjectPart, len(mr.parts))
	for k, mp := range mr.parts {
		p := &parts[k]
		p.Width = toLength(mp.End, size) - toLength(mp.Start, size)
		if k > 0 {
			p.Gap = toLength(mp.Start, size) - toLength(mr.parts[k-1].End, size)
			p.Penalty = mp.Penalty
		}
		if len(parts) == 1 {
			p.Height, p.Depth = toLength(mr.lay.Height, size), toLength(mr.lay.Depth, size)
			continue
		}
		h, d := inkExtent(mp.Items, ms)
		p.Height, p.Depth = toLength(min(h, mr.lay.Height), size), toLength(min(d, mr.lay.Depth), size)
	}
	mr.obj.Parts = parts
}

// inkExtent is how far items reach above and below the baseline: glyphs
// by their outlines' bounds, rules by their rectangles, text by its
// measured height and a depth of textDepth.
func inkExtent(items []texmath.Item, ms *mathState) (h, d texmath.Length) {
	tt := ms.font.TrueType()
	upem := int64(tt.UnitsPerEm())
	fu := func(v, size int) texmath.Length {
		return texmath.Length(int64(v) * (1 << 16) * int64(size) / (100 * upem))
	}
	for _, it := range items {
		top, bottom := -it.Y, it.Y
		switch it.Kind {
		case texmath.ItemGlyph:
			b, ok := tt.GlyphBounds(it.Glyph)
			if !ok || b.YMax <= b.YMin {
				continue
			}
			top, bottom = top+fu(b.YMax, it.Size), bottom-fu(b.YMin, it.Size)
		case texmath.ItemRule:
			bottom += it.H
		case texmath.ItemText:
			top += it.H
			bottom += texmath.Em(int64(textDepth*1000), 1000) * texmath.Length(it.Size) / 100
		}
		h, d = max(h, top), max(d, bottom)
	}
	return h, d
}

// paintPart draws part k of the formula with its left end at x on the
// baseline base.
func (e *engine) paintPart(mr *mathRun, k int, x, base Length) []Element {
	if k < 0 || k >= len(mr.parts) {
		return nil
	}
	p := mathPainter{e: e, ms: e.math, size: mr.size, st: mathTextStyle(mr.st), color: colorOr(mr.st.color)}
	p.paint(mr.parts[k].Items, x-toLength(mr.parts[k].Start, mr.size), base)
	return p.elements()
}

// minMathScale is the smallest a formula is set to make it fit the
// measure without a complaint beyond the warning: below 70% of the text
// size a formula's scripts fall under 5 pt at a 10 pt body.
const minMathScale = 0.7

// fitInline scales down the inline formulas of runs whose widest part is
// wider than the measure w, so that no line runs past the text block,
// and warns at each.
func (e *engine) fitInline(runs []Run, styles []runStyle, w Length) {
	for _, r := range runs {
		mr := styles[r.Style].math
		if r.Object == nil || mr == nil {
			continue
		}
		var widest Length
		for _, p := range r.Object.Parts {
			widest = max(widest, p.Width)
		}
		if widest <= w || widest <= 0 {
			continue
		}
		f := float64(w) / float64(widest)
		e.warnScaled(mr.node, widest-w, f)
		mr.setSize(Length(float64(mr.size)*f), e.math) // the run's Object is mr.obj
	}
}

// warnScaled reports a formula excess wider than its measure, set at
// factor f of its size.
func (e *engine) warnScaled(n ast.Node, excess Length, f float64) {
	msg := fmt.Sprintf("math: the formula is %.1fpt wider than the measure; it is set at %d%% of the text size", excess.Pt(), int(f*100))
	if f < minMathScale {
		msg += fmt.Sprintf(", below the %d%% that stays readable: break it into lines (aligned, split) or shorten it", int(minMathScale*100))
	}
	e.diags.Warnf(e.pos(n), "%s", msg)
}

// mathSource is the span of a formula that cannot be typeset: its TeX in
// the code face, on a tint that marks it.
func mathSource(sp span) span {
	sp.text = strings.Join(strings.Fields(sp.math.TeX), " ")
	sp.st.role, sp.st.bold, sp.st.mark = RoleCode, false, true
	sp.math = nil
	return sp
}

// objectWidths adds an object to a measure of text on one line: its width
// to total, its first part to the word before it; each later part starts
// a word, since a line may break before it. It returns the new total,
// the width of the word the object ends, and the longest word.
func objectWidths(o *Object, total, word, longest Length) (Length, Length, Length) {
	for k, p := range o.Parts {
		if k > 0 {
			total, word = total+p.Gap, 0
		}
		total, word = total+p.Width, word+p.Width
		longest = max(longest, word)
	}
	return total, word, longest
}
