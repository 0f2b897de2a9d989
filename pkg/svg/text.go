package svg

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Baseline offsets of dominant-baseline and alignment-baseline values,
// in ems below the alphabetic baseline: where each named baseline lies
// in a typical sans face (Arial's metrics: ascent 0.905, descent 0.212,
// x-height 0.519), which is what browsers use for such labels. A label
// placed with dominant-baseline="central" at y has its alphabetic
// baseline 0.35 em below y.
var baselineEm = map[string]float64{
	"middle": 0.26, "central": 0.35, "mathematical": 0.35,
	"hanging": 0.73, "text-before-edge": 0.9, "text-top": 0.9,
	"text-after-edge": -0.21, "text-bottom": -0.21, "ideographic": -0.21,
}

// Raise of baseline-shift: super and sub, in ems (upward positive, as
// CSS has it).
const (
	superEm = 0.33
	subEm   = -0.2
)

// textChar is a character of a text element with what places it.
type textChar struct {
	r              rune
	st             int // index into textBuilder.styles
	shift          float64
	x, y, dx, dy   float64
	hasX, hasY     bool
	rotated, space bool
}

// textBuilder collects the characters of one <text>.
type textBuilder struct {
	r      *renderer
	vp     viewport
	chars  []textChar
	styles []style
	// lists are the elements with position lists, outermost first, with
	// the range of characters each holds.
	lists []positioned
}

// positioned is an element's x, y, dx, dy lists and its characters.
type positioned struct {
	n          *node
	st         style
	start, end int
}

// text draws a <text> element: its characters, white space collapsed as
// browsers do (xml:space="preserve" keeps it), placed by the x, y, dx and
// dy lists of the text and its tspans, cut into chunks at every absolute
// position and into spans at every change of style or relative move.
func (r *renderer) text(n *node, st style, m Matrix, vp viewport) {
	tb := &textBuilder{r: r, vp: vp}
	tb.walk(n, st, 0, 0)
	for len(tb.chars) > 0 && tb.chars[len(tb.chars)-1].space && !tb.preserve(len(tb.chars)-1) {
		tb.chars = tb.chars[:len(tb.chars)-1] // trailing white space
	}
	tb.position()
	chunks := tb.chunks()
	if len(chunks) == 0 {
		return
	}
	if !m.usable() {
		if !finite(m) {
			r.doc.skip("shapes placed out of range")
		}
		return
	}
	r.items = append(r.items, Item{Text: &Text{Matrix: m, Chunks: chunks, Clips: slices.Clone(r.clips)}})
}

// preserve reports whether character i keeps its white space.
func (tb *textBuilder) preserve(i int) bool {
	return tb.styles[tb.chars[i].st].preserve
}

// walk adds the characters of a text content element and its children.
func (tb *textBuilder) walk(n *node, st style, shift float64, depth int) {
	r := tb.r
	if depth > r.b.lim.Depth {
		r.b.fail("levels of nesting", r.b.lim.Depth)
		return
	}
	if v, ok := n.attrs["xml:space"]; ok {
		st.preserve = v == "preserve"
	}
	shift += tb.ownShift(n, st)
	if v := strings.TrimSpace(n.decls["writing-mode"]); v != "" && !strings.HasPrefix(v, "horizontal") && v != "lr" && v != "lr-tb" {
		r.doc.skip("vertical text (set horizontally)")
	}
	for _, p := range [...]string{"letter-spacing", "word-spacing"} {
		if v := strings.TrimSpace(n.decls[p]); v != "" && v != "normal" && v != "0" && v != "inherit" {
			r.doc.skip(p)
		}
	}
	if _, ok := n.attrs["rotate"]; ok {
		r.doc.skip("rotated characters (rotate on text)")
	}
	si := len(tb.styles)
	tb.styles = append(tb.styles, st)
	start := len(tb.chars)
	p := len(tb.lists)
	if hasPositions(n) {
		tb.lists = append(tb.lists, positioned{n: n, st: st})
	}
	for _, k := range n.kids {
		if r.b.exhausted() {
			return
		}
		switch {
		case k.name == "" && k.ns == "":
			tb.addText(k.text, si, shift)
		case k.name == "tspan" || k.name == "a":
			if !r.b.instance() || strings.TrimSpace(strings.ToLower(k.decls["display"])) == "none" {
				continue
			}
			r.unsupported(k) // clip-path does not apply to a tspan
			tb.walk(k, r.computeStyle(k, st, tb.vp), shift, depth+1)
		case k.name == "textPath":
			r.doc.skip("<textPath>")
		}
	}
	if p < len(tb.lists) && tb.lists[p].n == n {
		tb.lists[p].start, tb.lists[p].end = start, len(tb.chars)
	}
}

func hasPositions(n *node) bool {
	for _, a := range [...]string{"x", "y", "dx", "dy"} {
		if _, ok := n.attrs[a]; ok {
			return true
		}
	}
	return false
}

// ownShift is how far an element lowers its text's baseline: its
// alignment-baseline, and its baseline-shift (super, sub, a length or a
// percentage of the font size, upward).
func (tb *textBuilder) ownShift(n *node, st style) float64 {
	s := 0.0
	if k, ok := baselineEm[strings.ToLower(strings.TrimSpace(n.decls["alignment-baseline"]))]; ok {
		s += float64(k * st.fontSize)
	}
	switch v := strings.ToLower(strings.TrimSpace(n.decls["baseline-shift"])); v {
	case "", "baseline", "inherit":
	case "super":
		s -= float64(superEm * st.fontSize)
	case "sub":
		s -= float64(subEm * st.fontSize)
	default:
		if l, ok := parseLength(v); ok {
			if l.unit == "%" {
				s -= float64(l.v*st.fontSize) / 100
			} else {
				s -= l.toPx(st.fontSize, tb.vp, axisY)
			}
		}
	}
	return s
}

// addText adds the characters of a text node: new lines and tabs as
// spaces, and, unless white space is preserved, no space at the start of
// the text or after another.
func (tb *textBuilder) addText(s string, si int, shift float64) {
	st := &tb.styles[si]
	if !tb.r.b.runes(utf8.RuneCountInString(s)) {
		return
	}
	for _, c := range s {
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if space {
			c = ' '
			if !st.preserve && (len(tb.chars) == 0 || tb.chars[len(tb.chars)-1].space) {
				continue
			}
		}
		tb.chars = append(tb.chars, textChar{r: c, st: si, shift: shift, space: space})
	}
}

// position applies the x, y, dx and dy lists, outer elements first so
// that a tspan's own values win over its text's for its characters.
func (tb *textBuilder) position() {
	for _, p := range tb.lists {
		end := min(p.end, len(tb.chars))
		for _, a := range [...]string{"x", "y", "dx", "dy"} {
			ax := axisX
			if a[len(a)-1] == 'y' {
				ax = axisY
			}
			v, ok := p.n.attrs[a]
			if !ok {
				continue
			}
			ls, ok := parseLengths(v)
			if !ok {
				continue
			}
			for k := 0; k < len(ls) && p.start+k < end; k++ {
				c := &tb.chars[p.start+k]
				px := ls[k].toPx(p.st.fontSize, tb.vp, ax)
				switch a {
				case "x":
					c.x, c.hasX = px, true
				case "y":
					c.y, c.hasY = px, true
				case "dx":
					c.dx = px
				case "dy":
					c.dy = px
				}
			}
		}
	}
}

// chunks cuts the characters into chunks and spans.
func (tb *textBuilder) chunks() []TextChunk {
	var out []TextChunk
	var text [][]byte // the text of each span of the current chunk
	flush := func() {
		if len(out) > 0 {
			ch := &out[len(out)-1]
			for k := range ch.Spans {
				ch.Spans[k].Text = string(text[k])
			}
		}
		text = text[:0]
	}
	curY, lastStyle := 0.0, -1
	for i, c := range tb.chars {
		st := &tb.styles[c.st]
		if i == 0 || c.hasX || c.hasY {
			flush()
			ch := TextChunk{X: c.x, Y: curY, Anchor: st.anchor, ContinueX: i > 0 && !c.hasX}
			if c.hasY {
				ch.Y = c.y
			}
			curY = ch.Y
			out = append(out, ch)
		}
		ch := &out[len(out)-1]
		shift := c.shift + float64(baselineEm[st.baseline]*st.fontSize)
		if n := len(ch.Spans); n > 0 && c.dx == 0 && c.dy == 0 && c.st == lastStyle && ch.Spans[n-1].Shift == shift {
			text[n-1] = utf8.AppendRune(text[n-1], c.r)
			continue
		}
		font := Font{Family: st.family, Bold: st.bold, Size: st.fontSize}
		ch.Spans = append(ch.Spans, TextSpan{DX: c.dx, DY: c.dy, Shift: shift, Font: font, Fill: tb.fill(st)})
		text = append(text, utf8.AppendRune(nil, c.r))
		lastStyle = c.st
		curY += c.dy
	}
	flush()
	return out
}

// fill is the paint a span's glyphs are filled with: its fill, or, for
// outlined text (which is drawn filled), its stroke when it has no fill.
// Hidden text draws nothing but still takes its room.
func (tb *textBuilder) fill(st *style) Paint {
	if !st.visible {
		return Paint{}
	}
	f := tb.r.paint(st.fill, *st, st.fillOpacity)
	if s := tb.r.paint(st.stroke, *st, st.strokeOpacity); s.On {
		tb.r.doc.skip("outlined text (drawn filled)")
		if !f.On {
			f = s
		}
	}
	return f
}
