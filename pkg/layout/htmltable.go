package layout

import (
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/markdown"
	"golang.org/x/net/html"
)

// htmlTable collects a table written in raw HTML, to be set like a
// Markdown table (setTable). Its header rows are those in <thead>, else
// the leading rows whose cells are all <th>. A cell's colspan widens it
// over that many columns; a rowspan keeps its columns empty in the rows
// below it (the cell's text stands in its first row), so that the cells
// after it stay in their columns. A table inside a cell is
// flattened into the cell's text, its cells apart by spaces; text between
// cells goes before the table, as browsers show it.
type htmlTable struct {
	rows   [][]tableCell
	down   []rowSpan // the cells with a rowspan, in order
	head   []bool    // per row: in a thead, or all its cells th so far
	inHead bool
	cell   *htmlCell
	nested int // tables open inside the current cell
}

// htmlCell is the cell being filled.
type htmlCell struct {
	tableCell
	// base is the style of the cell's text: bold gothic in a th.
	base textStyle
	th   bool
	rows int // its rowspan, 1 or more
}

// maxSpan bounds colspan and rowspan: far above any table a page can
// show, and what keeps a hostile span from making a huge grid.
const maxSpan = 64

// spanOf reads a colspan or rowspan attribute: 1 when absent, not a
// number or below 1 (HTML's rowspan="0", to the end of the section, is
// taken as 1), at most maxSpan.
func spanOf(tok html.Token, name string) int {
	n, err := strconv.Atoi(strings.TrimSpace(markdown.TagAttr(tok.Attr, name)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxSpan)
}

// start handles a start tag inside the table, and reports whether it was
// the table's.
func (t *htmlTable) start(s *htmlSetter, tok html.Token) bool {
	switch name := tok.Data; {
	case t.nested > 0 || t.cell != nil && name == "table":
		if name == "table" {
			t.nested++
		}
		if name == "td" || name == "th" || name == "tr" {
			s.add(" ")
		}
	case name == "thead":
		t.inHead = true
	case name == "tbody", name == "tfoot":
		t.endCell()
		t.inHead = false
	case name == "tr":
		t.endCell()
		t.rows = append(t.rows, nil)
		t.head = append(t.head, true)
	case name == "td", name == "th":
		t.endCell()
		if len(t.rows) == 0 {
			t.rows, t.head = append(t.rows, nil), append(t.head, true)
		}
		st := s.e.bodyStyle()
		if name == "th" {
			st.role, st.bold = RoleHeading, true
		}
		t.cell = &htmlCell{tableCell: tableCell{node: s.n, align: alignOf(tok), cols: spanOf(tok, "colspan")}, base: st, th: name == "th", rows: spanOf(tok, "rowspan")}
	case t.cell != nil && (paragraphTags[name] || name == "li" || name == "ul" || name == "ol"):
		if n := len(t.cell.spans); n > 0 && t.cell.spans[n-1].text != "\n" {
			s.add("\n")
		}
	default:
		return false
	}
	return true
}

// end handles an end tag inside the table, and reports whether it was
// the table's.
func (t *htmlTable) end(s *htmlSetter, name string) bool {
	switch {
	case t.nested > 0:
		if name == "table" {
			t.nested--
		}
	case name == "td", name == "th", name == "tr":
		t.endCell()
	case name == "thead":
		t.endCell()
		t.inHead = false
	case name == "table":
		t.finish(s)
	case name == "tbody", name == "tfoot", name == "caption":
	default:
		return false
	}
	return true
}

// endCell puts the cell being filled in its row.
func (t *htmlTable) endCell() {
	if t.cell == nil {
		return
	}
	c := t.cell.tableCell
	c.spans = trimSpans(trimSpans(c.spans, true), false)
	r := len(t.rows) - 1
	t.rows[r] = append(t.rows[r], c)
	if t.cell.rows > 1 {
		t.down = append(t.down, rowSpan{row: r, cell: len(t.rows[r]) - 1, rows: t.cell.rows})
	}
	t.head[r] = t.head[r] && (t.cell.th || t.inHead)
	t.cell = nil
}

// finish sets the table: the text that stood outside its cells first, the
// table, then the images of its cells as figures.
func (t *htmlTable) finish(s *htmlSetter) {
	t.endCell()
	s.table = nil
	s.flush()
	header := 0
	for header < len(t.rows) && t.head[header] && len(t.rows[header]) > 0 {
		header++
	}
	if header == len(t.rows) {
		header = 0 // a table of th cells only has no body to head
	}
	var rows [][]tableCell
	for _, r := range t.spread() {
		if len(r) > 0 {
			rows = append(rows, r)
		}
	}
	s.e.setTable(rows, header)
	s.e.figures(s.after)
	s.after = nil
}

// rowSpan is a cell with a rowspan: row and cell index it, rows is its
// rowspan.
type rowSpan struct{ row, cell, rows int }

// spread returns the rows with an empty cell, as wide as the spanning
// cell, in each column that a cell of a row above spans into, as a
// browser lays the grid out: the cell takes the first columns no span
// from above holds. The work is bounded by the rows times maxSpan times
// the cells with a rowspan.
func (t *htmlTable) spread() [][]tableCell {
	if len(t.down) == 0 {
		return t.rows
	}
	// held[r] lists, for row r, the columns (start, width) held from above.
	type hold struct{ col, cols int }
	held := make([][]hold, len(t.rows))
	out := make([][]tableCell, len(t.rows))
	next := 0 // the next entry of t.down
	for r, row := range t.rows {
		col := 0
		take := func() {
			// skip the columns held from above at col, with a blank cell each
			for again := true; again; {
				again = false
				for _, h := range held[r] {
					if h.col == col {
						out[r] = append(out[r], tableCell{cols: h.cols})
						col += h.cols
						again = true
					}
				}
			}
		}
		for i, c := range row {
			take()
			out[r] = append(out[r], c)
			for next < len(t.down) && t.down[next].row == r && t.down[next].cell == i {
				for k := r + 1; k < min(r+t.down[next].rows, len(t.rows)); k++ {
					held[k] = append(held[k], hold{col, c.width()})
				}
				next++
			}
			col += c.width()
		}
		// Columns held past the row's last cell.
		for _, h := range held[r] {
			if h.col >= col {
				take()
			}
		}
	}
	return out
}
