package layout

// baselineDrop places the baseline below the middle of a line: Hangul
// syllables in the Nanum faces reach from about 0.08 em below the baseline
// to 0.8 em above it, so a baseline 0.35 em below the middle centres them
// in the line's pitch.
const baselineDrop = 0.35

// textOpts says how spans are set into lines.
type textOpts struct {
	justify bool
	center  bool
	indent  Length // first-line indent
	size    Length // the size the pitch belongs to
	pitch   Length
	width   Length // the measure; 0 means the context's
	x       Length // extra left indent inside the context
}

// setText breaks spans into lines and returns one box per line. The
// paragraph's shape rules (no orphan, no widow) are the caller's.
func (e *engine) setText(spans []span, o textOpts) []*vbox {
	runs, styles := e.runs(spans)
	if o.width <= 0 {
		o.width = e.width() - o.x
	}
	w := o.width
	lines, problems := SetParagraph(runs, func(int) Length { return w },
		ParagraphOptions{Mode: e.set.LineBreak, Justify: o.justify, Indent: o.indent})
	for _, p := range problems {
		e.diags.Warnf(e.pos(styles[runs[p.Run].Style].node), "%s", p)
	}
	boxes := make([]*vbox, 0, len(lines))
	for _, ln := range lines {
		boxes = append(boxes, e.lineBox(ln, runs, styles, o))
	}
	return boxes
}

// lineBox places one line's pieces, each as its own Text at its X, with a
// Link over each piece that is part of a link.
func (e *engine) lineBox(ln Line, runs []Run, styles []runStyle, o textOpts) *vbox {
	base := o.pitch/2 + Length(float64(o.size)*baselineDrop)
	b := &vbox{h: o.pitch, base: base, lineW: ln.Set}
	x0 := e.ctx.left + o.x
	if o.center {
		x0 += (o.width - ln.Set) / 2
	}
	for _, p := range ln.Pieces {
		st := styles[runs[p.Run].Style]
		x := x0 + p.X
		if st.note > 0 {
			b.refs = append(b.refs, st.note)
		}
		b.els = append(b.els, Text{X: x, Y: base - st.rise, Font: st.font, Size: st.size,
			Color: colorOr(st.color), Text: p.Text, Strike: st.strike, Underline: st.underline})
		if (st.url != "" || st.anchor != "") && p.Width > 0 {
			b.els = append(b.els, Link{X: x, Y: 0, W: p.Width, H: o.pitch, URL: st.url, Anchor: st.anchor})
		}
	}
	return b
}

// colorOr gives unset (black) colours the text colour.
func colorOr(c Color) Color {
	if c == (Color{}) {
		return textColor
	}
	return c
}

// paragraphBoxes marks a paragraph's lines so that no page breaks after its
// first line or before its last: at least two lines stand together at the
// foot and at the head of a page.
func keepShape(boxes []*vbox) {
	n := len(boxes)
	if n < 2 {
		return
	}
	boxes[0].keep = true
	boxes[n-2].keep = true
}
