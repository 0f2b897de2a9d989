package layout

import (
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/hangul-press/publish/pkg/highlight"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
)

// Code is set smaller than body text, since a monospaced face is wide and
// code lines are long, at a tighter pitch, since code is read by lines;
// codePad is the shaded margin around it, in code sizes.
const (
	codeScale     = 0.85
	codeLineRatio = 1.45
	codePad       = 0.6
	tabWidth      = 4
)

// continuation marks a code line wrapped because it is wider than the
// page; ↳ (U+21B3) is in every shipped face, ↪ is in none.
const continuation = "↳"

// codeBlock sets a fenced or indented code block: the code face on a
// shaded ground, coloured by token type, long lines wrapped with a mark.
// Every line is its own box, so a long block runs on across pages.
func (e *engine) codeBlock(n ast.Node) {
	_, linenos := markdown.CodeInfo(n, e.src)
	e.blockSpace(parSkip)
	if file := markdown.CodeFile(n); file != "" {
		// The file the code is from (Chirpy's {: file=… }), small and
		// grey over the block, kept with its first line.
		st := e.codeStyle()
		st.size = Length(captionScale * float64(st.size))
		st.color = grayColor
		for _, b := range e.setText([]span{{text: file, st: st, node: n}},
			textOpts{size: st.size, pitch: Length(float64(st.size) * e.set.LineHeight)}) {
			b.keep = true
			e.emit(b)
		}
	}
	e.codeLines(e.highlight(n), codeShade, linenos)
}

// mathSourceBlock sets the TeX of a display formula that cannot be
// typeset as written, line for line in the code face, on the tint that
// marks math shown as source.
func (e *engine) mathSourceBlock(tex string, n ast.Node) {
	e.blockSpace(parSkip)
	st := e.codeStyle()
	var lines [][]span
	for _, l := range strings.Split(strings.Trim(tex, "\n"), "\n") {
		lines = append(lines, []span{{text: l, st: st, node: n}})
	}
	e.codeLines(lines, mathTint, false)
}

func (e *engine) codeStyle() textStyle {
	return textStyle{role: RoleCode, size: Length(codeScale * float64(e.size)), color: textColor}
}

// highlight splits a code block into lines of coloured spans, from the
// tokens book.Load made (pkg/highlight); tabs become tabWidth spaces.
func (e *engine) highlight(n ast.Node) [][]span {
	st := e.codeStyle()
	hl := e.ch.Code[n]
	if hl == nil { // a block the book did not see: plain text
		hl = &highlight.Code{Tokens: []chroma.Token{{Type: chroma.Text, Value: markdown.CodeText(n, e.src)}}}
	}
	style := highlight.Style()
	tab := strings.Repeat(" ", tabWidth)
	lines := [][]span{nil}
	for _, tok := range hl.Tokens {
		s := st
		if c := style.Get(tok.Type).Colour; c.IsSet() {
			s.color = Color{c.Red(), c.Green(), c.Blue()}
		}
		for i, part := range strings.Split(strings.ReplaceAll(tok.Value, "\t", tab), "\n") {
			if i > 0 {
				lines = append(lines, nil)
			}
			if part != "" {
				lines[len(lines)-1] = append(lines[len(lines)-1], span{text: part, st: s, node: n})
			}
		}
	}
	for len(lines) > 1 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// codeLines sets lines of code, each wrapped at the measure, optionally
// on a shaded ground with padding above and below, optionally numbered in
// a gutter on the left.
func (e *engine) codeLines(lines [][]span, ground Color, numbered bool) {
	st := e.codeStyle()
	pitch := Length(codeLineRatio * float64(st.size))
	pad := Length(codePad * float64(st.size))
	shade := ground != Color{}
	cs := &codeSetter{e: e, st: st, pitch: pitch, ground: ground, x0: e.ctx.left, w: e.width()}
	defer e.unit()()
	if shade {
		cs.x0, cs.w = cs.x0+pad, cs.w-2*pad
		e.emit(cs.shaded(&vbox{h: pad, keep: true}))
	}
	if numbered {
		cs.gutter = cs.numberWidth(len(lines)) + pad
		cs.x0, cs.w = cs.x0+cs.gutter, cs.w-cs.gutter
	}
	first := len(e.boxes)
	cs.first = first
	for _, l := range lines {
		cs.line(l)
	}
	// as in a paragraph, no line of code stands alone at a page's foot
	// or head
	keepShape(e.boxes[first:])
	if shade {
		e.keepLast()
		e.emit(cs.shaded(&vbox{h: pad}))
	}
}

// codeSetter wraps and places code lines.
type codeSetter struct {
	e      *engine
	st     textStyle
	pitch  Length
	ground Color // the shade behind the code; zero for none
	x0, w  Length
	// gutter is the width of the line numbers and their gap; 0 when the
	// lines are not numbered. num is the number of the next source line.
	gutter Length
	num    int
	// first is the index of the block's first line in the engine's boxes.
	first  int
	cur    *vbox
	x      Length
	pieces []Text
}

// shaded puts the code ground behind a box.
func (cs *codeSetter) shaded(b *vbox) *vbox {
	if cs.ground != (Color{}) {
		r := Rect{X: cs.e.ctx.left, Y: 0, W: cs.e.width(), H: b.h, Fill: cs.ground}
		b.els = append([]Element{r}, b.els...)
	}
	return b
}

// codeRune is one character of a code line with its style and advance.
type codeRune struct {
	r     rune
	style runStyle
	adv   Length
}

// line sets one source line, wrapping it where it reaches the measure:
// after the last space in the line's second half when there is one, so
// that words stay whole, else right at the measure, since code has no
// other break rules a reader relies on. Spaces that begin a continued
// line are dropped; the continuation mark shows where it goes on.
//
// The visual lines of one source line keep together, so that a wrapped
// line's continuation is never on the next page; a blank line keeps with
// the line before it, so that a block continued on the next page never
// starts with one: pages break after blank lines, between the parts of
// the code they separate (issue 12 item 12).
func (cs *codeSetter) line(spans []span) {
	rs := cs.codeRunes(spans)
	first := len(cs.e.boxes)
	if len(rs) == 0 && first > cs.first {
		cs.e.boxes[first-1].keep = true
	}
	defer func() {
		for _, b := range cs.e.boxes[first : len(cs.e.boxes)-1] {
			b.keep = true
		}
	}()
	cont := false
	for len(rs) > 0 || !cont {
		cs.start(cont)
		if !cont && cs.gutter > 0 {
			cs.number()
		}
		n := cs.fit(rs)
		for _, c := range rs[:n] {
			cs.put(c.style, string(c.r), c.adv)
		}
		cs.flush()
		rs = rs[n:]
		for len(rs) > 0 && rs[0].r == ' ' {
			rs = rs[1:]
		}
		cont = true
	}
}

// codeRunes measures a line's characters in the faces chosen for them.
func (cs *codeSetter) codeRunes(spans []span) []codeRune {
	runs, styles := cs.e.runs(spans)
	var rs []codeRune
	for i, r := range runs {
		m := r.M.(faceMeasurer)
		for _, c := range r.Text {
			rs = append(rs, codeRune{c, styles[i], m.Advance(c)})
		}
	}
	return rs
}

// fit returns how many of rs go on the visual line begun at cs.x: at
// least one, so that a line always moves on.
func (cs *codeSetter) fit(rs []codeRune) int {
	x, n := cs.x, 0
	for n < len(rs) && (n == 0 || x+rs[n].adv <= cs.x0+cs.w) {
		x += rs[n].adv
		n++
	}
	if n == len(rs) {
		return n
	}
	for k := n; k > n/2; k-- {
		if rs[k-1].r == ' ' {
			return k
		}
	}
	return n
}

// start begins a visual line; a continued one starts with the mark.
func (cs *codeSetter) start(continued bool) {
	base := cs.pitch/2 + Length(float64(cs.st.size)*baselineDrop)
	cs.cur = &vbox{h: cs.pitch, base: base}
	cs.x = cs.x0
	if continued {
		st := cs.st
		st.color = grayColor
		runs, styles := cs.e.runs([]span{{text: continuation + " ", st: st}})
		for i, r := range runs {
			m := r.M.(faceMeasurer)
			cs.put(styles[i], r.Text, m.width(r.Text))
		}
	}
}

// put adds text at the current x, joining it to the last piece when the
// style is the same.
func (cs *codeSetter) put(st runStyle, s string, w Length) {
	base := cs.cur.base
	if n := len(cs.pieces) - 1; n >= 0 && cs.pieces[n].Font == st.font && cs.pieces[n].Color == colorOr(st.color) {
		cs.pieces[n].Text += s
	} else {
		cs.pieces = append(cs.pieces, Text{X: cs.x, Y: base, Font: st.font, Size: st.size, Color: colorOr(st.color), Text: s})
	}
	cs.x += w
}

// flush emits the visual line being built.
func (cs *codeSetter) flush() {
	for _, p := range cs.pieces {
		if strings.TrimSpace(p.Text) != "" {
			cs.cur.els = append(cs.cur.els, p)
		}
	}
	cs.pieces = nil
	cs.e.emit(cs.shaded(cs.cur))
}

// numberStyle is the style of line numbers: grey, so that they do not
// read as part of the code.
func (cs *codeSetter) numberStyle() textStyle {
	st := cs.st
	st.color = grayColor
	return st
}

// numberWidth is the width of the widest line number of n lines.
func (cs *codeSetter) numberWidth(n int) Length {
	runs, _ := cs.e.runs([]span{{text: strconv.Itoa(n), st: cs.numberStyle()}})
	return runsWidth(runs)
}

// number draws the next source line's number, right-aligned in the
// gutter, on the visual line just begun.
func (cs *codeSetter) number() {
	cs.num++
	runs, styles := cs.e.runs([]span{{text: strconv.Itoa(cs.num), st: cs.numberStyle()}})
	pad := Length(codePad * float64(cs.st.size))
	x := cs.x0 - pad - runsWidth(runs)
	for i, r := range runs {
		cs.cur.els = append(cs.cur.els, Text{X: x, Y: cs.cur.base, Font: styles[i].font, Size: cs.st.size, Color: grayColor, Text: r.Text})
		x += r.M.(faceMeasurer).width(r.Text)
	}
}
