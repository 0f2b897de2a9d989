package texmath

// frac lays out a fraction or binomial (TeXbook rule 15, with the MATH
// table's Fraction* and Stack* constants). The rule sits on the math axis;
// the numerator is raised at least FractionNumeratorShiftUp (display:
// …DisplayStyleShiftUp) and far enough to leave the gap above the rule; the
// denominator likewise below. A fraction is flanked by TeX's
// \nulldelimiterspace (0.12 em) on each side.
func (l *layouter) frac(n *Node, s mathStyle) *box {
	st := s
	if n.fracStyle {
		st = mathStyle{n.Style, s.cramped}
	}
	num := l.node(n.Kids[0], st.num())
	den := l.node(n.Kids[1], st.den())
	var numUp, denDown, rule Length
	if n.Flags&FBinom != 0 {
		numUp, denDown = l.stack(num, den, st)
	} else {
		numUp, denDown, rule = l.fracShifts(num, den, st)
	}
	pad := l.em(12, 100, st)
	if n.Flags&FBinom != 0 {
		pad = 0 // the parentheses take the place of the null delimiters
	}
	w := max(num.w, den.w)
	out := newBox()
	out.w = w + 2*pad
	out.add(num, pad+(w-num.w)/2, -numUp)
	out.add(den, pad+(w-den.w)/2, denDown)
	if rule > 0 {
		axis := l.fu(l.c.AxisHeight, st)
		out.rule(pad, -(axis + rule/2), w, rule)
	}
	out.h = numUp + num.h
	out.d = denDown + den.d
	if n.Flags&FBinom != 0 {
		return l.wrapDelims(out, "(", ")", st)
	}
	return out
}

// fracShifts returns the numerator's upward and the denominator's downward
// shift, and the rule thickness.
func (l *layouter) fracShifts(num, den *box, s mathStyle) (numUp, denDown, rule Length) {
	c := &l.c
	axis := l.fu(c.AxisHeight, s)
	rule = l.fu(c.FractionRuleThickness, s)
	up, down, gapN, gapD := c.FractionNumeratorShiftUp, c.FractionDenominatorShiftDown, c.FractionNumeratorGapMin, c.FractionDenominatorGapMin
	if s.level == StyleDisplay {
		up, down, gapN, gapD = c.FractionNumeratorDisplayStyleShiftUp, c.FractionDenominatorDisplayStyleShiftDown, c.FractionNumDisplayStyleGapMin, c.FractionDenomDisplayStyleGapMin
	}
	numUp = max(l.fu(up, s), axis+rule/2+l.fu(gapN, s)+num.d)
	denDown = max(l.fu(down, s), den.h+l.fu(gapD, s)-axis+rule/2)
	return numUp, denDown, rule
}

// stack returns the shifts of a fraction without a rule (\binom): the
// Stack* constants, and at least StackGapMin between the parts, the
// difference split evenly.
func (l *layouter) stack(num, den *box, s mathStyle) (numUp, denDown Length) {
	c := &l.c
	up, down, gap := c.StackTopShiftUp, c.StackBottomShiftDown, c.StackGapMin
	if s.level == StyleDisplay {
		up, down, gap = c.StackTopDisplayStyleShiftUp, c.StackBottomDisplayStyleShiftDown, c.StackDisplayStyleGapMin
	}
	numUp, denDown = l.fu(up, s), l.fu(down, s)
	have := (numUp - num.d) - (den.h - denDown)
	if need := l.fu(gap, s); have < need {
		numUp += (need - have + 1) / 2
		denDown += (need - have) / 2
	}
	return numUp, denDown
}

// wrapDelims puts stretched delimiters around a box, sized as \left and
// \right would size them.
func (l *layouter) wrapDelims(inner *box, open, close string, s mathStyle) *box {
	target := l.delimTarget(inner.h, inner.d, s)
	left := l.delimiter(open, target, s)
	right := l.delimiter(close, target, s)
	return hpack([]*box{left, inner, right}, nil)
}
