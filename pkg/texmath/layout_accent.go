package texmath

import (
	"unicode"
	"unicode/utf8"
)

// accent lays out accents, over- and underlines and braces.
func (l *layouter) accent(n *Node, s mathStyle) *box {
	r, _ := utf8.DecodeRuneInString(n.Text)
	switch {
	case n.Flags&FStretchy != 0:
		return l.bar(n, s)
	case unicode.Is(unicode.Mn, r) && !n.under:
		return l.topAccent(n, r, s)
	}
	return l.overUnder(n, r, s)
}

// topAccent places a combining accent over its base (OpenType MATH): the
// accent's attachment point over the base's (both from
// MathTopAccentAttachment, else the middles), raised by however much the
// base is taller than AccentBaseHeight, the height accents are drawn for.
// A wide accent (\widehat) takes the horizontal variant or assembly that
// covers the base.
func (l *layouter) topAccent(n *Node, r rune, s mathStyle) *box {
	base := l.node(n.Kids[0], s.crampedStyle())
	var acc *box
	if n.Flags&FWide != 0 {
		acc = l.stretchGlyph(r, base.w, l.size(s), false)
	} else {
		acc = l.charBox(string(r), VarNormal, s)
	}
	bx := base.accentX
	if !base.hasAccent || base.glyph < 0 {
		bx = base.w / 2
	}
	ax := acc.accentX
	if !acc.hasAccent {
		ax = l.inkCentre(acc)
	}
	raise := max(0, base.h-l.fu(l.c.AccentBaseHeight, s))
	out := newBox()
	out.add(base, 0, 0)
	out.add(acc, bx-ax, -raise)
	out.w, out.h, out.d = base.w, max(base.h, acc.h+raise), base.d
	out.italic, out.glyph, out.size = base.italic, -1, base.size
	return out
}

// bar lays out \overline and \underline: a rule OverbarVerticalGap above
// the base (OverbarRuleThickness thick, OverbarExtraAscender above), or
// the Underbar equivalents below.
func (l *layouter) bar(n *Node, s mathStyle) *box {
	c := &l.c
	out := newBox()
	if !n.under {
		base := l.node(n.Kids[0], s.crampedStyle())
		gap, t := l.fu(c.OverbarVerticalGap, s), l.fu(c.OverbarRuleThickness, s)
		out.add(base, 0, 0)
		out.rule(0, -(base.h + gap + t), base.w, t)
		out.w, out.h, out.d = base.w, base.h+gap+t+l.fu(c.OverbarExtraAscender, s), base.d
		return out
	}
	base := l.node(n.Kids[0], s)
	gap, t := l.fu(c.UnderbarVerticalGap, s), l.fu(c.UnderbarRuleThickness, s)
	out.add(base, 0, 0)
	out.rule(0, base.d+gap, base.w, t)
	out.w, out.h, out.d = base.w, base.h, base.d+gap+t+l.fu(c.UnderbarExtraDescender, s)
	return out
}

// overUnder stacks a stretched glyph (a brace, an arrow) over or under the
// base, StretchStackGapBelowMin above it or StretchStackGapAboveMin below
// it. A brace makes the result a large operator whose scripts go above or
// below (\overbrace{…}^{n}).
func (l *layouter) overUnder(n *Node, r rune, s mathStyle) *box {
	c := &l.c
	base := l.node(n.Kids[0], s)
	g := l.stretchGlyph(r, base.w, l.size(s), false)
	out := newBox()
	w := max(base.w, g.w)
	out.add(base, (w-base.w)/2, 0)
	out.w, out.h, out.d = w, base.h, base.d
	if n.under {
		y := base.d + l.fu(c.StretchStackGapAboveMin, s) + g.h
		out.add(g, (w-g.w)/2, y)
		out.d = y + g.d
	} else {
		y := base.h + l.fu(c.StretchStackGapBelowMin, s) + g.d
		out.add(g, (w-g.w)/2, -y)
		out.h = y + g.h
	}
	out.limits = n.Flags&FForceLim != 0
	return out
}

// inkCentre is the middle of a box's ink: for a glyph, of its bounding
// box (combining accents have no advance and draw left of their origin);
// otherwise of its width.
func (l *layouter) inkCentre(b *box) Length {
	if b.glyph < 0 {
		return b.w / 2
	}
	_, bb := l.font.glyphMetrics(uint16(b.glyph))
	return l.font.scale((bb.XMin+bb.XMax)/2, b.size)
}
