package texmath

import "github.com/hangul-press/publish/pkg/truetype"

// scripts lays out a base with subscript and superscript: beside it
// (OpenType MATH rules, as MathML Core states them after TeXbook Appendix
// G rules 18a–f), or above and below it for a large operator with limits
// in display style, \limits, \overset, braces.
func (l *layouter) scripts(n *Node, s mathStyle) *box {
	base := l.node(n.Kids[0], s)
	limits := n.Flags&FForceLim != 0 || (base.limits && n.Flags&FNoLimits == 0)
	if limits {
		return l.limits(base, n, s)
	}
	supNode := n.Kids[2]
	if supNode != nil && supNode.Flags&FPrime != 0 {
		base, supNode = l.primes(base, supNode, s)
	}
	var sub, sup *box
	if n.Kids[1] != nil {
		sub = l.node(n.Kids[1], s.sub())
	}
	if supNode != nil {
		sup = l.node(supNode, s.sup())
	}
	if sub == nil && sup == nil {
		return base
	}
	return l.attach(base, sub, sup, s)
}

// primes sets the primes of f' right after the base, at the base's size:
// a math font's prime (U+2032) is drawn raised already, in the place of a
// superscript (as MathML Core and unicode-math treat it), so it is not
// raised or shrunk again. A superscript after the primes (f'^2) remains.
func (l *layouter) primes(base *box, sup *Node, s mathStyle) (*box, *Node) {
	p := l.node(sup.Kids[0], s)
	out := hpack([]*box{base, p}, []Length{0, base.italic})
	if len(sup.Kids) == 1 {
		return out, nil
	}
	return out, row(sup.Kids[1:], sup.Pos, sup.End)
}

// attach places sub and sup (either may be nil) beside base.
func (l *layouter) attach(base, sub, sup *box, s mathStyle) *box {
	c := &l.c
	isChar := base.glyph >= 0 && !l.font.math.IsExtendedShape(uint16(base.glyph))
	dropBase := func(v Length) Length { // baseline drops apply to boxes, not characters (rule 18a)
		if isChar {
			return 0
		}
		return v
	}
	var subShift, supShift Length // subShift down, supShift up
	if sub != nil {
		subShift = max(l.fu(c.SubscriptShiftDown, s), dropBase(base.d+l.fu(c.SubscriptBaselineDropMin, s.sub())),
			sub.h-l.fu(c.SubscriptTopMax, s))
	}
	if sup != nil {
		up := c.SuperscriptShiftUp
		if s.cramped {
			up = c.SuperscriptShiftUpCramped
		}
		supShift = max(l.fu(up, s), dropBase(base.h-l.fu(c.SuperscriptBaselineDropMax, s.sup())),
			sup.d+l.fu(c.SuperscriptBottomMin, s))
	}
	if sub != nil && sup != nil {
		subShift, supShift = l.separate(sub, sup, subShift, supShift, s)
	}
	out := newBox()
	out.add(base, 0, 0)
	out.w, out.h, out.d = base.w, base.h, base.d
	after := l.fu(c.SpaceAfterScript, s)
	right := base.w
	if sup != nil {
		x := base.w + base.italic + l.kern(base, sup, truetype.TopRight, supShift-sup.d, s, true)
		out.add(sup, x, -supShift)
		out.h = max(out.h, supShift+sup.h)
		right = max(right, x+sup.w)
	}
	if sub != nil {
		x := base.w + l.kern(base, sub, truetype.BottomRight, sub.h-subShift, s, false)
		if base.glyph >= 0 && base.limits == false && base.italic > 0 && isLargeOpGlyph(l, base) {
			x -= base.italic // integrals: the subscript tucks under (MATH italics correction)
		}
		out.add(sub, x, subShift)
		out.d = max(out.d, subShift+sub.d)
		right = max(right, x+sub.w)
	}
	out.w = right + after
	return out
}

// separate applies the rules for a subscript and superscript together:
// at least SubSuperscriptGapMin between them, and the superscript's bottom
// no lower than SuperscriptBottomMaxWithSubscript when the subscript is
// moved down instead.
func (l *layouter) separate(sub, sup *box, subShift, supShift Length, s mathStyle) (Length, Length) {
	c := &l.c
	gap := (supShift - sup.d) - (sub.h - subShift)
	if minGap := l.fu(c.SubSuperscriptGapMin, s); gap < minGap {
		subShift += minGap - gap
		if delta := l.fu(c.SuperscriptBottomMaxWithSubscript, s) - (supShift - sup.d); delta > 0 {
			supShift += delta
			subShift -= delta
		}
	}
	return subShift, supShift
}

// isLargeOpGlyph reports whether a base is a large operator glyph (its
// box was centred, so its italic correction belongs to integrals).
func isLargeOpGlyph(l *layouter, b *box) bool {
	return l.font.math.VerticalConstruction(uint16(b.glyph)) != nil
}

// kern is the cut-in kern between a base glyph's corner and a script at
// the given height (OpenType MATH "MathKernInfo"): the base's kern at the
// script's near edge plus the script's at the base's far edge. Zero when
// either is not a single glyph or the font has no kern there.
func (l *layouter) kern(base, script *box, corner truetype.MathKernCorner, height Length, s mathStyle, sup bool) Length {
	if base.glyph < 0 {
		return 0
	}
	k := l.font.math.Kern(uint16(base.glyph), corner)
	total := Length(0)
	if k != nil {
		total += l.font.scale(k.At(l.unscale(height, base.size)), base.size)
	}
	if script.glyph >= 0 {
		other := truetype.BottomLeft
		edge := base.h - height
		if !sup {
			other, edge = truetype.TopLeft, height-base.d
		}
		if sk := l.font.math.Kern(uint16(script.glyph), other); sk != nil {
			total += l.font.scale(sk.At(l.unscale(edge, script.size)), script.size)
		}
	}
	return total
}

// unscale converts a Length at size percent back to font units.
func (l *layouter) unscale(v Length, size int) int {
	if size == 0 {
		return 0
	}
	return int(int64(v) * int64(100*l.font.upem) / int64(emUnits*size))
}

// limits places scripts above and below the base, centred (TeXbook rule
// 13a with MATH's UpperLimit* and LowerLimit* constants); an italic
// correction moves the upper limit right and the lower left by half.
func (l *layouter) limits(base *box, n *Node, s mathStyle) *box {
	c := &l.c
	var over, under *box
	if n.Kids[2] != nil {
		over = l.node(n.Kids[2], s.sup())
	}
	if n.Kids[1] != nil {
		under = l.node(n.Kids[1], s.sub())
	}
	w := base.w
	for _, b := range []*box{over, under} {
		if b != nil {
			w = max(w, b.w)
		}
	}
	out := newBox()
	out.w = w
	out.add(base, (w-base.w)/2, 0)
	out.h, out.d = base.h, base.d
	if over != nil {
		shift := max(l.fu(c.UpperLimitBaselineRiseMin, s), over.d+l.fu(c.UpperLimitGapMin, s))
		y := -(base.h + shift)
		out.add(over, (w-over.w)/2+base.italic/2, y)
		out.h = base.h + shift + over.h
	}
	if under != nil {
		shift := max(l.fu(c.LowerLimitBaselineDropMin, s), under.h+l.fu(c.LowerLimitGapMin, s))
		y := base.d + shift
		out.add(under, (w-under.w)/2-base.italic/2, y)
		out.d = base.d + shift + under.d
	}
	out.class = Op
	return out
}
