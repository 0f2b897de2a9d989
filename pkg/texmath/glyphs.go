package texmath

import (
	"unicode/utf8"
)

// glyphBox makes the box of one glyph at size percent; text is the
// character the glyph stands for, for a painter's text extraction.
func (l *layouter) glyphBox(g uint16, size int, text string) *box {
	adv, bb := l.font.glyphMetrics(g)
	b := newBox()
	b.w = l.font.scale(adv, size)
	b.h = l.font.scale(bb.YMax, size)
	b.d = l.font.scale(-bb.YMin, size)
	if bb.YMax == 0 && bb.YMin == 0 {
		b.h, b.d = 0, 0
	}
	b.items = []Item{{Kind: ItemGlyph, Glyph: g, Size: size, Text: text}}
	b.glyph, b.size = int(g), size
	if ic, ok := l.font.math.ItalicsCorrection(g); ok {
		b.italic = l.font.scale(ic, size)
	}
	if ta, ok := l.font.math.TopAccentAttachment(g); ok {
		b.accentX, b.hasAccent = l.font.scale(ta, size), true
	}
	return b
}

// charBox sets a string of characters side by side from the math font. A
// character the font lacks is set as text by the caller's measurer, so
// that it still shows (and the caller can report it).
func (l *layouter) charBox(text string, v Variant, s mathStyle) *box {
	size := l.size(s)
	var parts []*box
	for _, r := range text {
		c := mathChar(r, v)
		g, ok := l.font.glyph(c)
		if !ok {
			c = r
			g, ok = l.font.glyph(r)
		}
		if !ok {
			parts = append(parts, l.textBox(TextRun{Text: string(r), Size: size}))
			continue
		}
		parts = append(parts, l.glyphBox(g, size, string(c)))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return hpack(parts, nil)
}

// ident lays out an identifier or number. A word of several letters in the
// default variant (from \mathrm) is upright.
func (l *layouter) ident(n *Node, s mathStyle) *box {
	v := n.Variant
	if n.Kind == KNumber && v == VarDefault {
		v = VarNormal
	}
	if v == VarDefault && utf8.RuneCountInString(n.Text) > 1 {
		v = VarNormal
	}
	return l.charBox(n.Text, v, s)
}

// op lays out an operator atom: a named operator upright, a large operator
// in its display size, a sized delimiter, or a plain symbol.
func (l *layouter) op(n *Node, s mathStyle) *box {
	switch {
	case n.Flags&FNamed != 0:
		b := l.charBox(n.Text, VarNormal, s)
		b.limits = n.Flags&FLimits != 0 && s.level == StyleDisplay
		return b
	case n.Flags&FLargeOp != 0:
		return l.largeOp(n, s)
	case n.Size > 0:
		return l.bigDelimBox(n, s)
	}
	return l.charBox(n.Text, VarNormal, s)
}

// largeOp lays out a big operator: in display style the first size
// variant at least DisplayOperatorMinHeight tall (MATH table), centred on
// the math axis (TeXbook Appendix G rule 13).
func (l *layouter) largeOp(n *Node, s mathStyle) *box {
	r, _ := utf8.DecodeRuneInString(n.Text)
	g, ok := l.font.glyph(r)
	if !ok {
		return l.charBox(n.Text, VarNormal, s)
	}
	if s.level == StyleDisplay {
		if c := l.font.math.VerticalConstruction(g); c != nil {
			for _, v := range c.Variants {
				g = v.Glyph
				if v.Advance >= l.c.DisplayOperatorMinHeight {
					break
				}
			}
		}
	}
	b := l.glyphBox(g, l.size(s), string(r))
	l.centreOnAxis(b, s)
	b.limits = n.Flags&FLimits != 0 && s.level == StyleDisplay
	return b
}

// centreOnAxis shifts a box vertically so that its middle lies on the
// math axis.
func (l *layouter) centreOnAxis(b *box, s mathStyle) {
	axis := l.fu(l.c.AxisHeight, s)
	shift := (b.h-b.d)/2 - axis // downward shift that centres the box
	for i := range b.items {
		b.items[i].Y += shift
	}
	b.h -= shift
	b.d += shift
}
