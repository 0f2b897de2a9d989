package layout

import "unicode/utf8"

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
	e.fitInline(runs, styles, w-max(o.indent, 0))
	widths := func(int) Length { return w }
	opt := ParagraphOptions{Mode: e.set.LineBreak, Justify: o.justify, Indent: o.indent}
	lines, problems := SetParagraph(runs, widths, opt)
	if visible(problems) {
		// The last resort: what no rule lets break (a long URL of
		// percent escapes, an identifier) breaks at any character rather
		// than run past the text block.
		// The paragraph is then set ragged right: a line made of pieces
		// of one long word has no space to stretch, and justifying the
		// lines around it would split Korean words instead.
		if broken, ok := breakAnywhere(runs, w-max(o.indent, 0)); ok {
			runs, opt.Justify = broken, false
			lines, problems = SetParagraph(runs, widths, opt)
		}
	}
	for _, p := range problems {
		if p.Excess >= minVisibleExcess {
			e.diags.Warnf(e.pos(styles[runs[p.Run].Style].node), "%s", p)
		}
	}
	boxes := make([]*vbox, 0, len(lines))
	for _, ln := range lines {
		if e.opt.lines != nil {
			e.opt.lines(ln, o.justify)
		}
		boxes = append(boxes, e.lineBox(ln, runs, styles, o))
	}
	return boxes
}

// minVisibleExcess is the least overflow worth a warning: a line less
// than a point too wide (a rounding of glyph widths, a thin space) shows
// to no reader, and one book had 318 such warnings among 326.
var minVisibleExcess = Pt(1)

// visible reports whether some line sticks out far enough to be seen.
func visible(problems []Problem) bool {
	for _, p := range problems {
		if p.Excess >= minVisibleExcess {
			return true
		}
	}
	return false
}

// breakMinBefore and breakMinAfter keep at least two characters of a
// word broken anywhere on its first line and three on its last, as TeX's
// \lefthyphenmin and \righthyphenmin do for hyphenation: a lone letter
// at a line's start reads as a typo.
const (
	breakMinBefore = 2
	breakMinAfter  = 3
)

// breakAnywhere returns runs with a zero-width space between the
// characters of every stretch that no break rule lets break and that is
// wider than w, and whether it found one. The spaces take no room and are
// never drawn; they only let the line breaker end a line there.
func breakAnywhere(runs []Run, w Length) ([]Run, bool) {
	var text []rune
	var adv []Length
	for _, r := range runs {
		for _, c := range r.Text {
			text = append(text, c)
			adv = append(adv, advance(r.M, c))
		}
	}
	classes := BreakClasses(text)
	split := make([]bool, len(text)) // a break goes before text[i]
	found := false
	for i := 0; i < len(text); {
		if isBreakingSpace(text[i]) || text[i] == '\n' {
			i++
			continue
		}
		// text[i:j] is a stretch with no break opportunity inside
		j, width := i+1, adv[i]
		for j < len(text) && classes[j] == BreakNone && !isBreakingSpace(text[j]) && text[j] != '\n' {
			width += adv[j]
			j++
		}
		if width > w {
			for k := i + breakMinBefore; k <= j-breakMinAfter; k++ {
				split[k] = true
			}
			found = true
		}
		i = j
	}
	if !found {
		return runs, false
	}
	out := make([]Run, len(runs))
	k := 0
	for ri, r := range runs {
		var b []rune
		for _, c := range r.Text {
			if split[k] {
				b = append(b, zeroWidthSpace)
			}
			b = append(b, c)
			k++
		}
		out[ri] = r
		out[ri].Text = string(b)
	}
	return out, true
}

// lineBox places one line's pieces (an inline formula's part as its
// glyphs, rules and text), with a Link over each piece that is part of a
// link. Words of one run separated by single word spaces that the line
// stretched or shrank alike are one Text, its WordSpacing the change
// (wordRun); other pieces are Texts of their own. The line keeps its pitch unless a
// formula on it reaches above the pitch's room over the baseline or below
// its room under it: the line then grows by the excess, at the top or the
// bottom, and the text block's other lines keep their spacing.
func (e *engine) lineBox(ln Line, runs []Run, styles []runStyle, o textOpts) *vbox {
	base := o.pitch/2 + Length(float64(o.size)*baselineDrop)
	above, below := max(0, ln.Height-base), max(0, ln.Depth-(o.pitch-base))
	base += above
	b := &vbox{h: o.pitch + above + below, base: base, lineW: ln.Set}
	x0 := e.ctx.left + o.x
	if o.center {
		x0 += (o.width - ln.Set) / 2
	}
	var tints tintRects
	var words wordRun
	for _, p := range joinTouching(ln.Pieces, runs) {
		st := styles[runs[p.Run].Style]
		x := x0 + p.X
		if st.note > 0 {
			b.grow().refs = append(b.more().refs, st.note)
		}
		tints.add(st.mark, x, p.Width, base, st.size)
		if st.math != nil {
			b.els = append(b.els, e.paintPart(st.math, p.Part, x, base)...)
		} else if lp := newLinePiece(p, x, runs); e.opt.apart || !words.extend(b, lp, runs) {
			words.start(b, lp)
			b.els = append(b.els, Text{X: x, Y: base - st.rise, Font: st.font, Size: st.size,
				Color: colorOr(st.color), Text: p.Text, Strike: st.strike, Underline: st.underline})
		}
		if (st.url != "" || st.anchor != "") && p.Width > 0 {
			b.els = append(b.els, Link{X: x, Y: 0, W: p.Width, H: b.h, URL: st.url, Anchor: st.anchor})
		}
	}
	if len(tints.rects) > 0 {
		b.els = append(tints.elements(e.ctx.left+o.x, e.ctx.left+o.x+o.width), b.els...)
	}
	return b
}

// linePiece is a piece of a line text with what joining it to the Text
// before it needs, found once.
type linePiece struct {
	Piece
	x     Length // where it starts on the page
	runes int    // its characters
	// natural is set when the piece is as wide as its characters'
	// advances, which is how the painter sets the characters of one
	// Text: a bracket whose blank half the line trimmed, or a piece
	// otherwise squeezed, is placed on its own.
	natural bool
}

// newLinePiece describes text piece p of runs placed at x.
func newLinePiece(p Piece, x Length, runs []Run) linePiece {
	var w Length
	for _, r := range p.Text {
		w += advance(runs[p.Run].M, r)
	}
	return linePiece{Piece: p, x: x, runes: utf8.RuneCountInString(p.Text),
		natural: w-p.Width <= wordSpacingSlack && p.Width-w <= wordSpacingSlack}
}

// end is where the piece ends on the page.
func (p linePiece) end() Length { return p.x + p.Width }

// wordRun is the Text of a line that the next piece may join: the piece
// it ends with and its element. The zero value joins nothing.
type wordRun struct {
	el   int // index of the Text in the line's elements
	last linePiece
	// words and letters are set once the Text's WordSpacing and
	// LetterSpacing are settled; single while every piece joined is one
	// character, as letter spacing between pieces requires.
	words, letters, single bool
}

// wordSpacingSlack is how far, in Length units (1/65536 pt), the gaps of
// one line may differ and still share one WordSpacing or LetterSpacing:
// the rounding of positions along a justified line, far below what a
// page can show.
const wordSpacingSlack = 4

// start makes the Text about to be appended for p the one later pieces
// may join.
func (w *wordRun) start(b *vbox, p linePiece) {
	*w = wordRun{el: len(b.els), last: p, single: p.runes == 1}
}

// extend adds p to the line's last Text when p comes next in the same
// run: after a single U+0020, the gap before it the space's advance plus
// the change every word space of the Text has (WordSpacing; the Text then
// draws the space, which copying and search keep), or right after the
// last piece, one character each, the gap the one between every two
// letters of the Text (LetterSpacing). Every piece of the Text is as wide
// as its characters (natural).
func (w *wordRun) extend(b *vbox, p linePiece, runs []Run) bool {
	if !w.last.natural || !p.natural || w.el != len(b.els)-1 || p.Run != w.last.Run {
		return false
	}
	t, ok := b.els[w.el].(Text)
	if !ok {
		return false
	}
	n, single := w.last.runes, p.runes == 1
	near := func(a, b Length) bool { return a-b <= wordSpacingSlack && b-a <= wordSpacingSlack }
	switch {
	case w.last.Next == ' ' && p.Start == w.last.Start+n+1:
		extra := p.x - w.last.end() - advance(runs[p.Run].M, ' ')
		if w.words && !near(extra, t.WordSpacing) || t.LetterSpacing != 0 && !single {
			return false
		}
		if !w.words {
			t.WordSpacing, w.words = extra, true
		}
		t.Text = w.join(t.Text, " ", p.Piece, runs)
	case p.Start == w.last.Start+n:
		gap := p.x - w.last.end()
		if w.letters && (!near(gap, t.LetterSpacing) || t.LetterSpacing != 0 && !single) || !w.letters && gap != 0 && !(w.single && single) {
			return false
		}
		if !w.letters {
			t.LetterSpacing, w.letters = gap, true
		}
		t.Text = w.join(t.Text, "", p.Piece, runs)
	default:
		return false
	}
	b.els[w.el] = t
	w.last, w.single = p, w.single && single
	return true
}

// join returns text, sep and p's text together: the run's own text from
// the Text's first piece to p's end when that is what it holds (no copy),
// else the three joined.
func (w *wordRun) join(text, sep string, p Piece, runs []Run) string {
	first := p.Byte - len(sep) - len(text)
	if rt := runs[p.Run].Text; first >= 0 && p.Byte+len(p.Text) <= len(rt) {
		if s := rt[first : p.Byte+len(p.Text)]; s[:len(text)] == text && s[len(text):len(text)+len(sep)] == sep && s[len(s)-len(p.Text):] == p.Text {
			return s
		}
	}
	return text + sep + p.Text
}

// tintRects are the tints behind the marked pieces of a line: one across
// each row of marked pieces, the spaces between them included.
type tintRects struct {
	rects []Rect
	open  bool // the last piece was marked: a marked piece extends the last tint
}

// markPad is how far a tint reaches past its text on either side, in
// text sizes.
const markPad = 0.15

// add extends the last tint over a marked piece that follows it, or
// starts a tint; an unmarked piece ends the row.
func (t *tintRects) add(marked bool, x, w, base, size Length) {
	pad := Length(markPad * float64(size))
	switch {
	case !marked:
	case t.open:
		r := &t.rects[len(t.rects)-1]
		r.W = x + w + pad - r.X
	default:
		top := base - Length(textHeight*float64(size))
		t.rects = append(t.rects, Rect{X: x - pad, Y: top, W: w + 2*pad, H: Length((textHeight + textDepth) * float64(size)), Fill: mathTint})
	}
	t.open = marked
}

// elements returns the tints, kept within the measure from left to right.
func (t *tintRects) elements(left, right Length) []Element {
	out := make([]Element, len(t.rects))
	for i, r := range t.rects {
		x0, x1 := max(r.X, left), min(r.X+r.W, right)
		r.X, r.W = x0, max(x1-x0, 0)
		out[i] = r
	}
	return out
}

// joinTouching joins pieces of one text run that meet with no gap between
// them and with one character between them in the text (a zero-width
// break that breakAnywhere put there), so that they are drawn, and linked,
// as one. Pieces that meet with no character between them stay apart: the
// paragraph builder parts them where it trimmed a bracket's blank, and the
// text after the bracket is drawn at its own place. The parts of an
// inline object stay apart too.
func joinTouching(pieces []Piece, runs []Run) []Piece {
	out := make([]Piece, 0, len(pieces))
	for _, p := range pieces {
		if n := len(out) - 1; n >= 0 && out[n].Run == p.Run && runs[p.Run].Object == nil && out[n].X+out[n].Width == p.X &&
			p.Start == out[n].Start+utf8.RuneCountInString(out[n].Text)+1 {
			out[n].Text += p.Text
			out[n].Width += p.Width
			continue
		}
		out = append(out, p)
	}
	return out
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
