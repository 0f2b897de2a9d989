package pdf

import (
	"strings"

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

// text draws a run at its baseline, with word spacing and decorations.
func (p *painter) text(t layout.Text) error {
	if t.Text == "" {
		return nil
	}
	p.useFont(t.Font, t.Size)
	p.f.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
	if t.WordSpacing == 0 {
		p.f.Text(t.X.Pt(), t.Y.Pt(), t.Text)
	} else {
		p.spacedText(t)
	}
	if t.Underline {
		p.decorate(t, underlineDrop)
	}
	if t.Strike {
		p.decorate(t, -strikeRise)
	}
	return nil
}

// spacedText draws a run with extra width after each space. PDF's word
// spacing operator (Tw) applies only to the single-byte code 32, and fpdf
// writes UTF-8 text as two-byte CIDs (Identity-H), so Tw would have no
// effect. Instead each word is drawn with its following space at its own
// position, advanced by the font's widths as fpdf writes them into the
// font's /W array: the same advances a viewer uses, so the pieces sit
// exactly where one Tw-spaced run would put them. The spaces stay in the
// text so that copying and text extraction still see words.
func (p *painter) spacedText(t layout.Text) {
	x, y, ws := t.X.Pt(), t.Y.Pt(), t.WordSpacing.Pt()
	for rest := t.Text; rest != ""; {
		piece := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			piece = rest[:i+1]
		}
		p.f.Text(x, y, piece)
		x += p.f.GetStringWidth(piece)
		if strings.HasSuffix(piece, " ") {
			x += ws
		}
		rest = rest[len(piece):]
	}
}

// decorate draws a line along the run in its colour, drop ems below the
// baseline (negative: above).
func (p *painter) decorate(t layout.Text, drop float64) {
	size := t.Size.Pt()
	width := p.f.GetStringWidth(t.Text) + float64(strings.Count(t.Text, " "))*t.WordSpacing.Pt()
	y := t.Y.Pt() + drop*size
	p.f.SetDrawColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
	p.f.SetLineWidth(decorationWeight * size)
	p.f.Line(t.X.Pt(), y, t.X.Pt()+width, y)
}
