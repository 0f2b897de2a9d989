package texmath

// table lays out a matrix, cases, or alignment: columns as wide as their
// widest cell, aligned l, c or r (align-like tables alternate r and l, and
// the l cells start as if after an ordinary atom, so that "&= x" is spaced
// like "a = x"); rows at least as tall and deep as LaTeX's array strut
// (0.7 and 0.3 of a 1.2 em baseline skip), plus the environment's extra
// row gap; the whole centred on the math axis, as \vcenter does.
func (l *layouter) table(n *Node, s mathStyle) *box {
	cs := mathStyle{StyleText, false}
	if n.fracStyle {
		cs = mathStyle{n.Style, false}
	}
	if s.level >= StyleScript && cs.level < s.level {
		cs.level = s.level
	}
	cells, widths := l.tableCells(n, cs)
	strutH, strutD := l.em(84, 100, cs), l.em(36, 100, cs)
	gap := l.em(int64(n.rowGap), 100, cs)
	out := newBox()
	y := Length(0) // baseline of the current row, from the table's top
	for i, r := range cells {
		h, d := strutH, strutD
		for _, c := range r {
			h, d = max(h, c.h), max(d, c.d)
		}
		if i > 0 {
			y += gap
		}
		y += h
		l.placeRow(out, r, widths, n, y, cs)
		if eq := n.Kids[i].Eq; eq >= 0 {
			out.marks = append(out.marks, mark{eq, y})
		}
		y += d
	}
	out.w = sumWidths(widths, n, l.mu(n.colGap, cs))
	// Centre on the axis: the table's middle (y/2 from the top) at axis height.
	axis := l.fu(l.c.AxisHeight, s)
	shift := y/2 + axis
	for i := range out.items {
		out.items[i].Y -= shift
	}
	for i := range out.marks {
		out.marks[i].y -= shift
	}
	out.h, out.d = shift, y-shift
	return out
}

// tableCells lays out every cell and returns the column widths.
func (l *layouter) tableCells(n *Node, cs mathStyle) ([][]*box, []Length) {
	var cells [][]*box
	var widths []Length
	for _, r := range n.Kids {
		var rowBoxes []*box
		for j, c := range r.Kids {
			kids := c.Kids
			if n.pairs && j%2 == 1 {
				kids = append([]*Node{{Kind: KRow}}, kids...)
			}
			b := l.list(kids, cs, false).box
			rowBoxes = append(rowBoxes, b)
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], b.w)
		}
		cells = append(cells, rowBoxes)
	}
	return cells, widths
}

// columnAlign is the alignment letter of column j.
func columnAlign(n *Node, j int) byte {
	if n.pairs {
		return "rl"[j%2]
	}
	if n.Columns == "" {
		return 'c'
	}
	if j < len(n.Columns) {
		return n.Columns[j]
	}
	return n.Columns[len(n.Columns)-1]
}

// columnGap is the space before column j (none before the first; in an
// align-like table, only before each pair).
func columnGap(n *Node, j int, gap Length) Length {
	if j == 0 || (n.pairs && j%2 == 1) {
		return 0
	}
	return gap
}

// placeRow sets one row's cells at baseline y from the table's top.
func (l *layouter) placeRow(out *box, cells []*box, widths []Length, n *Node, y Length, cs mathStyle) {
	x := Length(0)
	gap := l.mu(n.colGap, cs)
	for j, w := range widths {
		x += columnGap(n, j, gap)
		if j < len(cells) {
			c := cells[j]
			dx := Length(0)
			switch columnAlign(n, j) {
			case 'c':
				dx = (w - c.w) / 2
			case 'r':
				dx = w - c.w
			}
			out.add(c, x+dx, y)
		}
		x += w
	}
}

// sumWidths is the table's width.
func sumWidths(widths []Length, n *Node, gap Length) Length {
	total := Length(0)
	for j, w := range widths {
		total += w + columnGap(n, j, gap)
	}
	return total
}
