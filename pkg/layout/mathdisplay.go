package layout

import (
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/yuin/goldmark/ast"
)

// A display formula ($$…$$ alone, or \[…\] inside a paragraph) is one box,
// never split across pages, centred in the measure between TeX's display
// skips, with its equation tags flush right on their rows' baselines. It
// counts as a line of the paragraph it follows for orphans and widows,
// and the line before it keeps with it (TeX's \predisplaypenalty 10000):
// a display never heads a page just after the last line that introduces
// it, when the two fit together.

// The space around a display, in text sizes: plain TeX's
// \abovedisplayskip and \belowdisplayskip (12 pt at 10 pt), and after a
// line that ends short of the formula's left edge by more than two ems its
// \abovedisplayshortskip and \belowdisplayshortskip (0 pt and 7 pt); the
// stretch and shrink are dropped, since our pages are not justified
// vertically. TeX measures them from the depth of the line above and to
// the height of the line below; so do we, from the text's bounds
// (textDepth below the baseline above, textHeight above the one below),
// not from the edges of the lines' boxes, which hold the leading.
const (
	displaySkip       = 1.2
	displayShortSkip  = 0.0
	displayShortBelow = 0.7
	// displayShortRoom is how much shorter than the formula's left edge
	// the line above must end for the short skips (TeX: two ems).
	displayShortRoom = 2
)

// paraSpan is the range of e.boxes that holds a paragraph's lines (and
// the displays that go with it).
type paraSpan struct{ start, end int }

// mathBlock sets display math that stands as a block: a display that
// follows a paragraph directly counts as that paragraph's last line.
func (e *engine) mathBlock(n *markdown.MathBlock) {
	f := e.formula(n, string(n.TeX(e.src)), true)
	var prev *vbox
	afterPara := e.para.end == len(e.boxes) && e.para.end > e.para.start
	if afterPara {
		prev = e.boxes[len(e.boxes)-1]
	}
	if !e.displayFormula(f, n, prev) {
		return
	}
	if afterPara {
		e.shapeParagraph(e.para.start)
		e.para.end = len(e.boxes)
	}
}

// displayFormula sets a display formula with the skips around it, or its
// TeX, marked, when it cannot be typeset; it reports whether it was
// typeset. prev is the line of text right before it, if any.
func (e *engine) displayFormula(f *book.Formula, n ast.Node, prev *vbox) bool {
	lay := e.formulaLayout(f, e.bodyStyle(), n)
	if lay == nil {
		e.mathSourceBlock(f.TeX, n)
		return false
	}
	b, x := e.displayBox(f, lay, n)
	above, below := displaySkip, displaySkip
	if prev != nil && !prev.space && !prev.display && prev.lineW+Length(displayShortRoom*float64(e.size)) < x {
		above, below = displayShortSkip, displayShortBelow
	}
	if !e.ctx.firstBlock {
		room := e.pitch - e.lineBase() // the leading under the line above
		if prev != nil && !prev.space {
			room = prev.h - prev.base
		}
		e.space(max(0, Length((above+textDepth)*float64(e.size))-room))
	}
	e.emit(b)
	e.space(max(0, Length((below+textHeight)*float64(e.size))-e.lineBase()))
	e.ctx.firstBlock = false
	return true
}

// lineBase is where the baseline of a line of body text lies below the
// top of its box.
func (e *engine) lineBase() Length {
	return e.pitch/2 + Length(float64(e.size)*baselineDrop)
}

// afterDisplay reports whether the last box set is a display, or the
// space below one: the next paragraph then goes on without space or
// indent, as text after a display does in TeX.
func (e *engine) afterDisplay() bool {
	n := len(e.boxes)
	return n >= 1 && e.boxes[n-1].display || n >= 2 && e.boxes[n-1].space && e.boxes[n-2].display
}

// displayBox sets a laid-out display formula in the measure and returns
// it with the formula's left edge in the measure. A formula
// wider than the measure is scaled down to fit, with a warning; tags that
// do not fit beside the formula, a quad apart, go on rows of their own
// below it, flush right, as TeX sets them.
func (e *engine) displayBox(f *book.Formula, lay *texmath.Layout, n ast.Node) (*vbox, Length) {
	z, size := e.width(), e.size
	if w := toLength(lay.Width, size); w > z && w > 0 {
		scale := float64(z) / float64(w)
		e.warnScaled(n, w-z, scale)
		size = Length(float64(size) * scale)
	}
	w := toLength(lay.Width, size)
	quad := Length(tagQuad * float64(e.size))
	var tagW Length
	for _, t := range lay.Tags {
		tagW = max(tagW, toLength(t.Width, e.size))
	}
	beside := len(lay.Tags) == 0 || w+quad+tagW <= z
	x := max((z-w)/2, 0)
	if len(lay.Tags) > 0 && beside && x+w+quad > z-tagW {
		x = z - tagW - quad - w
	}
	top, bottom := toLength(lay.Height, size), toLength(lay.Depth, size)
	tags := e.tagRows(lay, size, beside, &top, &bottom)
	b := &vbox{h: top + bottom, base: top, display: true}
	p := mathPainter{e: e, ms: e.math, size: size, st: mathTextStyle(e.bodyStyle()), color: textColor}
	p.paint(lay.Items, e.ctx.left+x, top)
	b.els = p.elements()
	for i, t := range lay.Tags {
		b.els = append(b.els, e.tagText(t.Text, e.ctx.left+z-toLength(t.Width, e.size), top+tags[i])...)
	}
	if a := e.equationAnchors(f, lay, tags, top); len(a) > 0 {
		b.grow().anchors = a
	}
	return b, x
}

// tagRows returns the baseline of each tag, down from the formula's
// baseline, and widens the box's extents top and bottom to hold them:
// beside the formula on their rows, or else one a line below it.
func (e *engine) tagRows(lay *texmath.Layout, size Length, beside bool, top, bottom *Length) []Length {
	ys := make([]Length, len(lay.Tags))
	for i, t := range lay.Tags {
		h, d := toLength(t.Height, e.size), toLength(t.Depth, e.size)
		if beside {
			ys[i] = toLength(t.Y, size)
		} else {
			ys[i] = *bottom + h
		}
		*top, *bottom = max(*top, h-ys[i]), max(*bottom, ys[i]+d)
	}
	return ys
}

// tagText sets an equation tag at (x, y) in the body face.
func (e *engine) tagText(text string, x, y Length) []Element {
	st := e.bodyStyle()
	runs, styles := e.runs([]span{{text: text, st: st}})
	var out []Element
	for i, r := range runs {
		out = append(out, Text{X: x, Y: y, Font: styles[i].font, Size: st.size, Color: textColor, Text: r.Text})
		x += r.M.(faceMeasurer).width(r.Text)
	}
	return out
}

// equationAnchors are the destinations of the formula's labelled
// equations, where \eqref links land: a pitch above the baseline of the
// equation's tag, else the top of the display; each label once a chapter.
func (e *engine) equationAnchors(f *book.Formula, lay *texmath.Layout, tagY []Length, top Length) []Anchor {
	if e.ch == nil {
		return nil
	}
	var out []Anchor
	for i, eq := range f.Tree.Equations {
		if eq.Label == "" {
			continue
		}
		name := equationAnchor(e.ch, eq.Label)
		if e.math.anchors[name] {
			continue
		}
		if e.math.anchors == nil {
			e.math.anchors = map[string]bool{}
		}
		e.math.anchors[name] = true
		y := Length(0)
		for k, t := range lay.Tags {
			if t.Eq == i {
				y = max(0, top+tagY[k]-e.pitch)
			}
		}
		out = append(out, Anchor{Name: name, Y: y})
	}
	return out
}

// shapeParagraph applies the rules of a paragraph's shape to the boxes
// from e.boxes[start] on, its lines and displays: no orphan, no widow
// (keepShape over the lines and displays), the line before a display
// keeps with it, and vertical space keeps as the box before it does.
func (e *engine) shapeParagraph(start int) {
	boxes := e.boxes[start:]
	var lines []*vbox
	for _, b := range boxes {
		if !b.space {
			b.keep = false
			lines = append(lines, b)
		}
	}
	keepShape(lines)
	for j := 1; j < len(lines); j++ {
		if lines[j].display {
			lines[j-1].keep = true
		}
	}
	for i := 1; i < len(boxes); i++ {
		if boxes[i].space {
			boxes[i].keep = boxes[i-1].keep
		}
	}
}

// splitDisplays cuts a paragraph's spans at its display formulas (\[…\]
// inside the paragraph, which TeX sets as displays there): text parts
// alternate with displays, the spaces and line breaks next to a display
// dropped. Displays that cannot be typeset stay in the text as their
// marked TeX.
func (e *engine) splitDisplays(spans []span) []paraPart {
	var parts []paraPart
	var cur []span
	for _, sp := range spans {
		if sp.math != nil && sp.math.Display && e.formulaLayout(sp.math, sp.st, sp.node) != nil {
			if cur = trimSpans(cur, false); len(cur) > 0 {
				parts = append(parts, paraPart{spans: cur})
			}
			cur = nil
			parts = append(parts, paraPart{math: sp.math, node: sp.node})
			continue
		}
		cur = append(cur, sp)
	}
	if len(cur) > 0 {
		parts = append(parts, paraPart{spans: cur})
	}
	for i := 1; i < len(parts); i++ {
		if parts[i].math == nil && parts[i-1].math != nil {
			parts[i].spans = trimSpans(parts[i].spans, true)
		}
	}
	return parts
}

// trimSpans drops the spaces and line breaks at the start (head) or the
// end of a run of text spans, and the spans they empty.
func trimSpans(spans []span, head bool) []span {
	const blank = " \t\n"
	for len(spans) > 0 {
		i := len(spans) - 1
		if head {
			i = 0
		}
		sp := spans[i]
		if sp.math != nil {
			return spans
		}
		if head {
			sp.text = strings.TrimLeft(sp.text, blank)
		} else {
			sp.text = strings.TrimRight(sp.text, blank)
		}
		if sp.text != "" {
			spans[i] = sp
			return spans
		}
		if head {
			spans = spans[1:]
		} else {
			spans = spans[:i]
		}
	}
	return spans
}

// paraPart is a stretch of a paragraph's text, or a display in it.
type paraPart struct {
	spans []span
	math  *book.Formula
	node  ast.Node
}
