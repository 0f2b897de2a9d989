package layout

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Tables are set booktabs-style: a rule above, one under the header row
// and one below, no vertical rules, the header row shaded. Columns are
// sized from their content; a row never splits, and the header row is
// repeated at the top of every page the table continues on.
const (
	// cellPadX and cellPadY are the space inside cells, in body sizes.
	cellPadX = 0.4
	cellPadY = 0.25
	// tableScale sets table text a step smaller than body text, so that
	// more fits across the measure.
	tableScale = 0.9
	// minTableScale bounds how far a table too wide for the measure
	// shrinks its text before its columns are squeezed regardless: below
	// about 6.5 pt at a 10 pt body, Hangul stops being legible in print.
	minTableScale = 0.65
	// tableLineRatio is the pitch of table text: tighter than body text,
	// since cells are short.
	tableLineRatio = 1.4
)

// tableCell is one cell's content and alignment.
type tableCell struct {
	node  ast.Node
	spans []span
	align extast.Alignment
	// cols is how many columns the cell spans (an HTML colspan); 0 and 1
	// are one.
	cols int
}

// width is how many columns the cell spans.
func (c tableCell) width() int { return max(c.cols, 1) }

// rowWidth is how many columns a row's cells span.
func rowWidth(r []tableCell) int {
	n := 0
	for _, c := range r {
		n += c.width()
	}
	return n
}

// table sets a GFM table, or a kramdown table without a header row.
func (e *engine) table(n *extast.Table) {
	var rows [][]tableCell
	header := 0
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		_, isHeader := r.(*extast.TableHeader)
		if isHeader {
			header++
		}
		rows = append(rows, e.tableRow(r, isHeader))
	}
	e.setTable(rows, header)
}

// setTable sets rows of cells, the first header of them header rows, as a
// table: a Markdown table, or one written in HTML.
func (e *engine) setTable(rows [][]tableCell, header int) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, rowWidth(r))
	}
	if cols == 0 {
		return
	}
	e.blockSpace(parSkip)
	scale := tableScale
	widths := e.columnWidths(rows, cols, &scale)
	var head, body []*vbox
	defer e.unit()()
	// like a paragraph's lines, no body row stands alone at a page's foot
	// or head, unless a page holds no more than it
	defer func() { keepShape(body) }()
	for i, r := range rows {
		b := e.tableRowBox(r, widths, scale, i < header)
		switch {
		case i < header:
			b.keep, b.repeated = true, true
			head = append(head, b)
		default:
			if len(head) > 0 {
				b.grow().header = head
			}
			body = append(body, b)
		}
		if i == 0 && header == 0 { // a table without a header row still opens with a rule
			b.els = append(b.els, e.tableRule(0, widths))
		}
		if i == len(rows)-1 {
			b.els = append(b.els, e.tableRule(b.h, widths))
		}
		e.emit(b)
	}
}

// tableRow collects a row's cells, set in the table's style.
func (e *engine) tableRow(r ast.Node, header bool) []tableCell {
	st := e.bodyStyle()
	if header {
		st.role, st.bold = RoleHeading, true
	}
	var cells []tableCell
	for c := r.FirstChild(); c != nil; c = c.NextSibling() {
		align := extast.AlignNone
		if tc, ok := c.(*extast.TableCell); ok {
			align = tc.Alignment
		}
		cells = append(cells, tableCell{node: c, spans: e.inlines(c, st), align: align})
	}
	return cells
}

// columnWidths sizes the columns. Each column wants its widest cell on one
// line (natural) and needs at least its longest word (minimum). If the
// natural widths fit, the columns share the measure in their proportion;
// if only the minimums fit, each column gets its minimum plus a share of
// the rest in proportion to how much more it wants; if even the minimums
// do not fit, the text shrinks (down to minTableScale) and the minimums
// are squeezed.
func (e *engine) columnWidths(rows [][]tableCell, cols int, scale *float64) []Length {
	pad := 2 * Length(cellPadX*float64(e.size))
	W := e.width()
	natural, minimum := e.columnNeeds(rows, cols, *scale, pad)
	sumN, sumM := sum(natural), sum(minimum)
	if sumM > W {
		*scale = max(minTableScale, *scale*float64(W)/float64(sumM))
		natural, minimum = e.columnNeeds(rows, cols, *scale, pad)
	}
	// A word longer than its column breaks anywhere as the last resort
	// (text.go), so no column needs more than an even share of the
	// measure: one long identifier must not squeeze the other columns to
	// a syllable a line.
	share := W / Length(cols)
	for i := range minimum {
		minimum[i] = min(minimum[i], max(share, pad+1))
	}
	sumN, sumM = sum(natural), sum(minimum)
	out := make([]Length, cols)
	for i := range out {
		switch {
		case sumN <= W:
			out[i] = Length(float64(natural[i]) * float64(W) / float64(sumN))
		case sumM <= W:
			extra := float64(W-sumM) / float64(sumN-sumM)
			out[i] = minimum[i] + Length(extra*float64(natural[i]-minimum[i]))
		default:
			out[i] = Length(float64(minimum[i]) * float64(W) / float64(sumM))
		}
	}
	return out
}

// columnNeeds measures every column's natural and minimum width at scale.
func (e *engine) columnNeeds(rows [][]tableCell, cols int, scale float64, pad Length) ([]Length, []Length) {
	natural, minimum := make([]Length, cols), make([]Length, cols)
	// A column some cell of its own stands in is at least a padding
	// wide; one only spanned (a colspan past the other rows' columns)
	// takes no room but what its spanning cells need, as in a browser.
	for _, r := range rows {
		i := 0
		for _, c := range r {
			if c.width() == 1 {
				natural[i], minimum[i] = pad+1, pad+1
			}
			i += c.width()
		}
	}
	// Cells of one column first; then a cell spanning several widens
	// the columns it spans evenly by what they lack for it.
	for _, single := range []bool{true, false} {
		for _, r := range rows {
			i := 0
			for _, c := range r {
				n := c.width()
				if (n == 1) == single {
					nat, word := e.measureSpans(scaled(c.spans, scale))
					widen(natural[i:i+n], nat+pad)
					widen(minimum[i:i+n], word+pad)
				}
				i += n
			}
		}
	}
	return natural, minimum
}

// widen makes the columns ws at least need wide together, sharing what
// they lack evenly.
func widen(ws []Length, need Length) {
	if lack := need - sum(ws); lack > 0 {
		for i := range ws {
			ws[i] += lack / Length(len(ws))
		}
		ws[len(ws)-1] += lack % Length(len(ws))
	}
}

// scaled returns spans with their sizes multiplied by f.
func scaled(spans []span, f float64) []span {
	out := make([]span, len(spans))
	for i, s := range spans {
		s.st.size = Length(float64(s.st.size) * f)
		s.st.rise = Length(float64(s.st.rise) * f)
		out[i] = s
	}
	return out
}

// measureSpans returns the width of spans on one line and the width of
// their longest word.
func (e *engine) measureSpans(spans []span) (total, longest Length) {
	runs, _ := e.runs(spans)
	var word Length
	for _, r := range runs {
		if r.Object != nil {
			total, word, longest = objectWidths(r.Object, total, word, longest)
			continue
		}
		m := r.M.(faceMeasurer)
		for _, c := range r.Text {
			adv := m.Advance(c)
			total += adv
			if c == ' ' || c == '\n' {
				word = 0
				continue
			}
			word += adv
			longest = max(longest, word)
		}
	}
	return total, longest
}

func sum(ls []Length) Length {
	var s Length
	for _, l := range ls {
		s += l
	}
	return s
}

// tableRowBox sets one row: each cell's lines in its column, the row as
// tall as its tallest cell.
func (e *engine) tableRowBox(r []tableCell, widths []Length, scale float64, header bool) *vbox {
	padX, padY := Length(cellPadX*float64(e.size)), Length(cellPadY*float64(e.size))
	size := Length(scale * float64(e.size))
	pitch := Length(tableLineRatio * float64(size))
	b := &vbox{}
	var cellsEls []Element
	x := e.ctx.left
	col := 0
	for i := 0; col < len(widths); i++ {
		// Cell i spans columns col… (one past the row's last cell: an
		// empty column).
		n := 1
		if i < len(r) {
			n = min(r[i].width(), len(widths)-col)
		}
		w := sum(widths[col : col+n])
		col += n
		var lines []*vbox
		if i < len(r) && len(r[i].spans) > 0 {
			lines = e.setText(scaled(r[i].spans, scale), textOpts{size: size, pitch: pitch, width: w - 2*padX, x: x - e.ctx.left + padX})
		}
		y := padY
		for _, l := range lines {
			dx := cellShift(r, i, w-2*padX-l.lineW)
			if len(l.more().refs) > 0 {
				b.grow().refs = append(b.more().refs, l.more().refs...)
			}
			for _, el := range l.els {
				cellsEls = append(cellsEls, shifted(el, dx, y))
			}
			y += l.h
		}
		b.h = max(b.h, y+padY)
		x += w
	}
	if header {
		b.els = append(b.els, Rect{X: e.ctx.left, Y: 0, W: sum(widths), H: b.h, Fill: codeShade}, e.tableRule(0, widths), e.tableRule(b.h, widths))
	}
	b.els = append(b.els, cellsEls...)
	if len(cellsEls) > 0 {
		if t, ok := cellsEls[0].(Text); ok {
			b.base = t.Y
		}
	}
	return b
}

// cellShift is how far a line of cell i moves right for its alignment,
// given the room left beside it.
func cellShift(r []tableCell, i int, room Length) Length {
	if i >= len(r) || room <= 0 {
		return 0
	}
	switch r[i].align {
	case extast.AlignRight:
		return room
	case extast.AlignCenter:
		return room / 2
	}
	return 0
}

// tableRule is a horizontal rule across the table at y.
func (e *engine) tableRule(y Length, widths []Length) Rule {
	x := e.ctx.left
	return Rule{X1: x, Y1: y, X2: x + sum(widths), Y2: y, Width: Pt(0.6), Color: ruleColor}
}
