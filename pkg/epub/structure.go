package epub

import (
	"strings"

	"golang.org/x/net/html"
)

// XHTML content models that the HTML parser does not enforce but
// EPUBCheck does: what a list, a definition list, a figure, a table and a
// details element may hold, and in what order.

// fixStructure repairs the children of a raw element when it closes.
func (t *tree) fixStructure(n *html.Node) {
	switch n.Data {
	case "pre":
		trimLeadingNewlines(n)
	case "ul", "ol":
		wrapStrays(n, "li")
	case "dl":
		fixDL(n)
	case "figure":
		fixFigure(n)
	case "table":
		orderTable(n)
	case "details":
		t.summaryFirst(n)
	}
}

// blank reports whether n is white space only, which any content model
// allows between elements.
func blank(n *html.Node) bool {
	return n.Type == html.TextNode && strings.TrimSpace(n.Data) == ""
}

// elements returns the element children of n, and whether n also holds
// text that is not white space.
func elements(n *html.Node) (out []*html.Node, text bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		} else if !blank(c) {
			text = true
		}
	}
	return out, text
}

// wrapStrays puts each run of children other than want (a list's li) into
// a want element of its own.
func wrapStrays(n *html.Node, want string) {
	var wrap *html.Node
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && c.Data == want:
			wrap = nil
		case blank(c) && wrap == nil:
		default:
			if wrap == nil {
				wrap = &html.Node{Type: html.ElementNode, Data: want}
				n.InsertBefore(wrap, c)
			}
			n.RemoveChild(c)
			wrap.AppendChild(c)
		}
		c = next
	}
}

// fixDL keeps a definition list whose children are groups of dt then dd;
// any other dl becomes divs, which show the same text.
func fixDL(n *html.Node) {
	els, text := elements(n)
	ok := !text && len(els) > 0 && els[0].Data == "dt" && els[len(els)-1].Data == "dd"
	for _, e := range els {
		ok = ok && (e.Data == "dt" || e.Data == "dd")
	}
	if ok {
		return
	}
	n.Data = "div"
	n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: "dl"})
	for _, e := range els {
		if e.Data == "dt" || e.Data == "dd" {
			e.Attr = append(e.Attr, html.Attribute{Key: "class", Val: e.Data})
			e.Data = "div"
		}
	}
}

// fixFigure keeps one figcaption, the first element or the last; others
// become divs.
func fixFigure(n *html.Node) {
	els, _ := elements(n)
	var keep *html.Node
	if len(els) > 0 && els[0].Data == "figcaption" {
		keep = els[0]
	} else if len(els) > 0 && els[len(els)-1].Data == "figcaption" {
		keep = els[len(els)-1]
	}
	for _, e := range els {
		if e.Data == "figcaption" && e != keep {
			e.Data = "div"
		}
	}
}

// tableOrder is the order of a table's parts.
var tableOrder = map[string]int{"caption": 0, "colgroup": 1, "thead": 2, "tbody": 3, "tr": 3, "tfoot": 4}

// orderTable puts a table's parts in the order XHTML requires, keeping one
// caption, thead and tfoot: extra row groups become body rows, an extra
// caption a div before the table.
func orderTable(n *html.Node) {
	els, _ := elements(n)
	seen := map[string]bool{}
	var buckets [5][]*html.Node
	for _, e := range els {
		n.RemoveChild(e)
		switch {
		case e.Data == "caption" && seen["caption"]:
			e.Data = "div"
			n.Parent.InsertBefore(e, n)
			continue
		case (e.Data == "thead" || e.Data == "tfoot") && seen[e.Data]:
			e.Data = "tbody"
		}
		seen[e.Data] = true
		buckets[tableOrder[e.Data]] = append(buckets[tableOrder[e.Data]], e)
	}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c) // white space only, by the parser's table rules
	}
	for _, b := range buckets {
		for _, e := range b {
			n.AppendChild(e)
		}
	}
}

// summaryFirst makes a summary the first child of details, as XHTML
// requires: the first summary found moves up front (later ones become
// divs), or one is made.
func (t *tree) summaryFirst(details *html.Node) {
	var sum *html.Node
	for c := details.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "summary" {
			continue
		}
		if sum == nil {
			sum = c
		} else {
			c.Data = "div"
		}
	}
	if sum == nil {
		sum = &html.Node{Type: html.ElementNode, Data: "summary"}
		sum.AppendChild(&html.Node{Type: html.TextNode, Data: t.summary})
	} else {
		details.RemoveChild(sum)
	}
	details.InsertBefore(sum, details.FirstChild)
}

// trimLeadingNewlines drops the newlines that open a pre element's text.
// An XML reader shows them, an HTML parser drops the first: without them
// both read the same (found by FuzzSanitize: <pre><x>\n0 lost its newline
// when cleaned twice).
func trimLeadingNewlines(pre *html.Node) {
	for t := pre.FirstChild; t != nil && t.Type == html.TextNode; t = pre.FirstChild {
		t.Data = strings.TrimLeft(t.Data, "\n")
		if t.Data != "" {
			return
		}
		pre.RemoveChild(t)
	}
}
