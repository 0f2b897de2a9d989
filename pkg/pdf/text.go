package pdf

import (
	"math"

	"github.com/hangul-press/publish/pkg/layout"
)

// Underline and strike-through positions and thickness, in ems of the
// run's font size. The Nanum fonts record an underline 0.19–0.26 em below
// the baseline and a strike-out 0.25–0.36 em above it (post and OS/2
// tables); one set of values for every face keeps decorations on a line at
// one height when the line mixes faces. 0.2 em below clears Hangul and
// Latin descenders, which end about 0.15 em down in these fonts; 0.3 em up
// crosses Latin lower case and the middle of Hangul syllables alike; 0.05 em
// is about the weight of a regular stem.
const (
	underlineDrop    = 0.2
	strikeRise       = 0.3
	decorationWeight = 0.05
)

// text draws a run at its baseline as one text object with one TJ: each
// rune's glyph, by its subset id, advancing by the glyph's width in /W,
// after every U+0020 the run's word spacing and between two other
// characters its letter spacing, as TJ adjustments. (PDF's own word
// spacing, Tw, applies only to the one-byte code 32, never to the
// two-byte codes of an Identity-H font; its character spacing, Tc, would
// also widen the spaces.)
func (p *painter) text(c *content, t layout.Text) {
	if t.Text == "" {
		return
	}
	fu := p.faces[t.Font]
	c.setFont(t.Font, t.Size)
	c.setFill(t.Color)
	c.b = append(c.b, "BT "...)
	c.point(t.X, t.Y)
	c.b = append(c.b, "Td ["...)
	size := t.Size.Pt()
	adjust := -t.WordSpacing.Pt() * 1000 / size
	letter := -t.LetterSpacing.Pt() * 1000 / size
	str := c.scratch[:0]
	var width1000, spaces, gaps int
	prev := rune(-1)
	for _, r := range t.Text {
		if t.LetterSpacing != 0 && prev >= 0 && prev != ' ' && r != ' ' {
			c.b = appendLiteral(c.b, str)
			c.b = appendNum(c.b, letter, adjustPrec)
			str = str[:0]
			gaps++
		}
		prev = r
		id := fu.newID(fu.glyphOf(r))
		str = append(str, byte(id>>8), byte(id))
		width1000 += fu.widths[id]
		if r == ' ' {
			spaces++
			if t.WordSpacing != 0 {
				c.b = appendLiteral(c.b, str)
				c.b = appendNum(c.b, adjust, adjustPrec)
				str = str[:0]
			}
		}
	}
	if len(str) > 0 {
		c.b = appendLiteral(c.b, str)
	}
	c.scratch = str
	c.op("]TJ ET")
	width := float64(width1000)*size/1000 + float64(spaces)*t.WordSpacing.Pt() + float64(gaps)*t.LetterSpacing.Pt()
	if t.Underline {
		p.decorate(c, t, width, underlineDrop)
	}
	if t.Strike {
		p.decorate(c, t, width, -strikeRise)
	}
}

// decorate draws a line along the run in its colour, drop ems below the
// baseline (negative: above).
func (p *painter) decorate(c *content, t layout.Text, width, drop float64) {
	size := t.Size.Pt()
	c.setStroke(t.Color, decorationWeight*size)
	y := t.Y + layout.Pt(drop*size)
	c.line(t.X, y, t.X+layout.Pt(width), y)
}

// glyphs draws a run of glyphs by id as one text object. Consecutive
// glyphs on one line (the same Y offset) share a TJ, with adjustments that
// move each glyph from where the previous one's advance left the pen to
// its own X; a change of Y starts a new line with Tm. The pen is followed
// with the adjustments as written, rounded, so that rounding does not add
// up along the run.
func (p *painter) glyphs(c *content, g layout.Glyphs) {
	if len(g.Glyphs) == 0 {
		return
	}
	fu := p.faces[g.Font]
	c.setFont(g.Font, g.Size)
	c.setFill(g.Color)
	size := g.Size.Pt()
	scale := math.Pow(10, adjustPrec)
	c.b = append(c.b, "BT"...)
	str := c.scratch[:0]
	var pen float64 // in points, on the current line
	for i, gp := range g.Glyphs {
		x := (g.X + gp.X).Pt()
		if i == 0 || gp.Y != g.Glyphs[i-1].Y {
			if len(str) > 0 {
				c.b = appendLiteral(c.b, str)
				str = str[:0]
			}
			if i > 0 {
				c.b = append(c.b, "]TJ"...)
			}
			c.b = append(c.b, " 1 0 0 1 "...)
			c.point(g.X+gp.X, g.Y+gp.Y)
			c.b = append(c.b, "Tm ["...)
			pen = x
		} else if adj := math.Round((pen-x)*1000/size*scale) / scale; adj != 0 {
			c.b = appendLiteral(c.b, str)
			c.b = appendNum(c.b, adj, adjustPrec)
			str = str[:0]
			pen -= adj * size / 1000
		}
		id := fu.newID(gp.ID)
		str = append(str, byte(id>>8), byte(id))
		pen += float64(fu.widths[id]) * size / 1000
	}
	if len(str) > 0 {
		c.b = appendLiteral(c.b, str)
	}
	c.scratch = str
	c.op("]TJ ET")
}
