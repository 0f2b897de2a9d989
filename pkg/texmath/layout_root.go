package texmath

// root lays out \sqrt and \sqrt[n] (TeXbook rule 11 with the MATH table's
// Radical* constants): the radical sign is a vertical variant or assembly
// of √ tall enough for the radicand plus the gap and rule; the rule runs
// over the radicand from the sign's top, with RadicalExtraAscender of
// space above it; extra height of the sign is split between the gap above
// and below the radicand.
func (l *layouter) root(n *Node, s mathStyle) *box {
	c := &l.c
	body := l.node(n.Kids[0], s.crampedStyle())
	rule := l.fu(c.RadicalRuleThickness, s)
	gap := l.fu(c.RadicalVerticalGap, s)
	if s.level == StyleDisplay {
		gap = l.fu(c.RadicalDisplayStyleVerticalGap, s)
	}
	target := body.h + body.d + gap + rule
	sign := l.stretchGlyph('√', target, l.size(s), true)
	total := sign.h + sign.d
	if extra := total - target; extra > 0 {
		gap += extra / 2
	}
	top := body.h + gap + rule // height of the rule's top edge
	// Move the sign so that its top is at top.
	shift := sign.h - top // downward shift
	out := newBox()
	out.add(sign, 0, shift)
	out.rule(sign.w, -top, body.w, rule)
	out.add(body, sign.w, 0)
	out.w = sign.w + body.w
	out.h = top + l.fu(c.RadicalExtraAscender, s)
	out.d = max(body.d, sign.d+shift)
	if n.Kids[1] == nil {
		return out
	}
	return l.rootDegree(out, n.Kids[1], sign.h+sign.d, sign.d+shift, s)
}

// rootDegree puts the degree of \sqrt[n] before the sign: in
// script-script style, RadicalKernBeforeDegree before it and
// RadicalKernAfterDegree (negative) after it, its baseline raised by
// RadicalDegreeBottomRaisePercent of the sign's height from its bottom.
func (l *layouter) rootDegree(rad *box, degNode *Node, signTotal, signDepth Length, s mathStyle) *box {
	c := &l.c
	deg := l.node(degNode, mathStyle{StyleScriptScript, false})
	before := l.fu(c.RadicalKernBeforeDegree, s)
	after := l.fu(c.RadicalKernAfterDegree, s)
	raise := mulDiv(signTotal, int64(c.RadicalDegreeBottomRaisePercent), 100) - signDepth
	x := before + deg.w + after
	out := newBox()
	shift := Length(0)
	if x < 0 {
		shift = -x // a degree wider than the kern allows pushes the sign right
	}
	out.add(deg, before+shift, -raise)
	out.add(rad, x+shift, 0)
	out.w = x + shift + rad.w
	out.h = max(rad.h, raise+deg.h)
	out.d = max(rad.d, deg.d-raise)
	return out
}

// fenced lays out \left … \middle … \right: the delimiters grow to cover
// the inner list's height and depth around the axis (TeXbook rule 19:
// at least \delimiterfactor 901/1000 of twice the larger extent, and at
// most \delimitershortfall 5 pt — 0.5 em — short of it).
func (l *layouter) fenced(n *Node, s mathStyle) *box {
	inner := n.Kids[0]
	middles := 0
	for _, k := range inner.Kids {
		if k.Flags&FMiddle != 0 {
			middles++
		}
	}
	body := l.list(inner.Kids, s, false).box
	target := l.delimTarget(body.h, body.d, s)
	if middles > 0 {
		body = l.listWithMiddles(inner.Kids, target, s)
	}
	left := l.delimiter(n.Open, target, s)
	right := l.delimiter(n.Close, target, s)
	out := hpack([]*box{left, body, right}, nil)
	out.class = Inner
	return out
}

// delimTarget is the size a delimiter must reach around material of
// height h and depth d.
func (l *layouter) delimTarget(h, d Length, s mathStyle) Length {
	axis := l.fu(l.c.AxisHeight, s)
	delta := max(h-axis, d+axis)
	return max(mulDiv(2*delta, 901, 1000), 2*delta-l.em(1, 2, s))
}

// listWithMiddles lays out a \left…\right list again with its \middle
// delimiters at the target size, spaced as relations (as MathJax does).
func (l *layouter) listWithMiddles(kids []*Node, target Length, s mathStyle) *box {
	var parts []*box
	var gaps []Length
	var run []*Node
	flush := func() {
		if len(run) > 0 {
			parts = append(parts, l.list(run, s, false).box)
			gaps = append(gaps, 0)
			run = nil
		}
	}
	thick := l.mu(spaceMu[3], s)
	for _, k := range kids {
		if k.Flags&FMiddle == 0 {
			run = append(run, k)
			continue
		}
		flush()
		parts = append(parts, l.delimiter(k.Text, target, s))
		gaps = append(gaps, thick)
		parts = append(parts, newBox())
		gaps = append(gaps, thick)
	}
	flush()
	return hpack(parts, gaps)
}
