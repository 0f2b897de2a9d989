package epub

import "golang.org/x/net/html"

// Where an element may open: the decisions tree.open takes before it
// makes an element, so that the tree stays valid XHTML whatever order the
// tags come in.

// impliedEnds closes the raw elements that a raw start tag ends in HTML
// without an end tag of their own: <li> an open <li>, <td> an open cell,
// <tr> an open row and cell, a row group or caption the open row group,
// <a> an open link, a heading an open heading. (A block ending an open
// <p> is fit's business: makeRoom.)
func (t *tree) impliedEnds(name, tag string) {
	switch tag {
	case "li":
		t.closeRaw(set("li"), set("ul", "ol"))
	case "dt", "dd":
		t.closeRaw(set("dt", "dd"), set("dl"))
	case "td", "th":
		t.closeRaw(set("td", "th"), set("tr", "table"))
	case "tr", "thead", "tbody", "tfoot", "caption", "colgroup":
		t.closeRaw(set("td", "th", "caption"), set("table"))
	case "a":
		t.closeRaw(set("a"), nil)
	case "h1", "h2", "h3", "h4", "h5", "h6", "rt", "rp":
		if top := t.top(); top != nil && top.raw && top.el != nil && endsEachOther(top.el.Data, name) {
			t.pop()
		}
	}
	if tablePart(tag) {
		// Close the parts of the table's structure that cannot hold it.
		for top := t.top(); top != nil && top.raw && top.el != nil && tableParts[top.el.Data] &&
			top.el.Data != "table" && !holds(top.el.Data, tag); top = t.top() {
			t.pop()
		}
	}
}

// holds reports whether a part of a table's structure can hold child,
// directly or inside the row it implies.
func holds(parent, child string) bool {
	return tableChild(parent, child) || (child == "td" || child == "th") && parent != "colgroup"
}

// endsEachOther reports whether an open element a is ended by the start
// of b: two headings, or two ruby annotations.
func endsEachOther(a, b string) bool {
	heading := func(s string) bool { return len(s) == 2 && s[0] == 'h' && s[1] >= '1' && s[1] <= '6' }
	ruby := func(s string) bool { return s == "rt" || s == "rp" }
	return heading(a) && heading(b) || ruby(a) && ruby(b)
}

// closeRaw closes the innermost open raw element whose tag is in names,
// unless a raw element whose tag is in stops, or an element of the
// Markdown, comes first.
func (t *tree) closeRaw(names, stops map[string]bool) {
	for i := len(t.stack) - 1; i >= 0 && t.stack[i].raw; i-- {
		switch tag := t.stack[i].tag; {
		case names[tag]:
			t.popTo(i)
			return
		case stops[tag]:
			return
		}
	}
}

func (t *tree) top() *frame {
	if len(t.stack) == 0 {
		return nil
	}
	return &t.stack[len(t.stack)-1]
}

// fit returns the name under which an element may open at the insertion
// point, or "" when a raw tag is to be unwrapped (its content kept). It
// may close or change open raw elements to make room, and opens the
// implied row group and row of a cell written straight into a table.
func (t *tree) fit(name string, raw bool) string {
	if !phrasingElements[name] && t.phrasing {
		t.makeRoom(name)
	}
	if tablePart(name) {
		return t.fitTablePart(name, raw)
	}
	return fitContext(name, t.cur, t.phrasing)
}

// makeRoom lets a block open where running text was expected, when the
// running text comes from raw elements inside the innermost element of
// the Markdown: a block ends a raw <p> (as in HTML, where </p> may be
// left out), and raw <span>s (<font> among them) that receive blocks
// become <div>s, which show the same. Otherwise fitContext renames the
// block to a span.
func (t *tree) makeRoom(name string) {
	start := -1 // the frame where running text began
	for i := len(t.stack) - 1; i >= 0 && t.stack[i].phrasing; i-- {
		if !t.stack[i].raw {
			return // the Markdown made the running text (a paragraph)
		}
		start = i
	}
	if start < 0 {
		return
	}
	if el := t.stack[start].el; el != nil && el.Data == "p" && closesP[name] {
		t.popTo(start)
		return
	}
	for _, f := range t.stack[start:] {
		if f.el != nil && f.el.Data != "span" {
			return
		}
	}
	for i := start; i < len(t.stack); i++ {
		f := &t.stack[i]
		if f.el != nil {
			f.el.Data = "div"
		}
		f.phrasing = false
	}
	t.restore()
}

// fitTablePart places a table part: inside its table, after opening the
// row group and row a cell needs; a raw part outside any table is
// unwrapped, as HTML parsers ignore such tags.
func (t *tree) fitTablePart(name string, raw bool) string {
	parent := t.cur.Data
	switch {
	case tableChild(parent, name):
		return name
	case !tableParts[parent]:
		if raw {
			return ""
		}
		return name
	case (name == "td" || name == "th") && parent != "tr":
		t.implied("tr")
	case name == "tr" && parent == "table":
		t.implied("tbody")
	case name == "col" && parent == "table":
		t.implied("colgroup")
	}
	if tableChild(t.cur.Data, name) {
		return name
	}
	return "" // a row group inside a row, and the like
}

// implied opens an element that the HTML leaves implicit (a table's
// tbody, a cell's row), closed by the end tag of its name or with its
// parent.
func (t *tree) implied(name string) {
	if name == "tr" && t.cur.Data == "table" {
		t.implied("tbody")
	}
	t.open(name, nil, true, name)
}

// fitContext renames an element that would be invalid where it stands:
// a block in running text becomes a span, a list item outside a list or a
// caption outside its figure becomes a div, and so on.
func fitContext(name string, dst *html.Node, phrasing bool) string {
	parent := dst.Data
	switch {
	case phrasing && !phrasingElements[name]:
		return "span"
	case (name == "dfn" || name == "a") && hasAncestor(dst, name):
		return "span" // they must not nest
	case name == "details" && hasAncestor(dst, "a"):
		return "div" // interactive content inside a link
	}
	switch name {
	case "rt", "rp":
		if parent != "ruby" {
			return "span"
		}
	case "li":
		if parent != "ul" && parent != "ol" {
			return "div"
		}
	case "dt", "dd":
		if parent != "dl" {
			return "div"
		}
	case "figcaption":
		if parent != "figure" {
			return "div"
		}
	case "summary":
		// A summary that is not the first child of its details becomes
		// a div; summaryFirst moves the first one up front.
		if parent != "details" {
			return "div"
		}
	}
	return name
}

func hasAncestor(n *html.Node, name string) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == name {
			return true
		}
	}
	return false
}
