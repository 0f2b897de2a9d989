package layout

import (
	"golang.org/x/net/html"
)

// htmlTable collects a table written in raw HTML, to be set like a
// Markdown table (setTable). Its header rows are those in <thead>, else
// the leading rows whose cells are all <th>. A table inside a cell is
// flattened into the cell's text, its cells apart by spaces; text between
// cells goes before the table, as browsers show it.
type htmlTable struct {
	rows   [][]tableCell
	head   []bool // per row: in a thead, or all its cells th so far
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
		t.cell = &htmlCell{tableCell: tableCell{node: s.n, align: alignOf(tok)}, base: st, th: name == "th"}
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
	for _, r := range t.rows {
		if len(r) > 0 {
			rows = append(rows, r)
		}
	}
	s.e.setTable(rows, header)
	s.e.figures(s.after)
	s.after = nil
}
