package epub

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// table writes a GFM table: its header row in a thead, the other rows in
// a tbody, cells aligned with text-align.
func (r *renderer) table(n *east.Table) {
	r.t.open("table", r.nodeAttrs("table", n, ""), false, "")
	body := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.at = c
		switch c := c.(type) {
		case *east.TableHeader:
			r.t.open("thead", r.nodeAttrs("thead", c, ""), false, "")
			r.t.text("\n")
			r.row(c, nil)
			r.t.close()
		case *east.TableRow:
			if !body {
				r.t.open("tbody", nil, false, "")
				r.t.text("\n")
				body = true
			}
			r.row(c, c)
		}
	}
	if body {
		r.t.close()
	}
	r.t.close()
	r.t.text("\n")
}

// row writes the cells of n as a tr with attrs of the node row (the
// header row has none of its own).
func (r *renderer) row(n ast.Node, row ast.Node) {
	var attrs []html.Attribute
	if row != nil {
		attrs = r.nodeAttrs("tr", row, "")
	}
	r.t.open("tr", attrs, false, "")
	r.t.text("\n")
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if cell, ok := c.(*east.TableCell); ok {
			r.at = cell
			r.tableCell(cell)
		}
	}
	r.t.close()
	r.t.text("\n")
}

// tableCell writes a th in the header row, a td elsewhere.
func (r *renderer) tableCell(n *east.TableCell) {
	name := "td"
	if _, ok := n.Parent().(*east.TableHeader); ok {
		name = "th"
	}
	var attrs []html.Attribute
	if n.Alignment != east.AlignNone {
		if _, ok := n.AttributeString("align"); !ok {
			attrs = append(attrs, kv("align", n.Alignment.String()))
		}
	}
	r.t.open(name, r.attrs(name, name, append(attrs, astAttrs(n)...), ""), false, "")
	r.children(n)
	r.t.close()
	r.t.text("\n")
}
