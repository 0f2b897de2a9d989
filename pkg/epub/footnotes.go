package epub

import (
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// Footnotes are written as EPUB popup notes: reading systems show a note
// as a popup when its reference is an <a epub:type="noteref"> and the
// note an <aside epub:type="footnote"> (EPUB 3 Structural Semantics
// Vocabulary). The ids are goldmark's (fnref:1, fn:1), so that links a
// post writes to them by hand keep working.

// noteref writes <sup><a epub:type="noteref" id=… href=…>n</a></sup>.
func (r *renderer) noteref(n *east.FootnoteLink) {
	num := strconv.Itoa(n.Index)
	r.t.open("sup", nil, false, "")
	r.t.open("a", []html.Attribute{kv("epub:type", "noteref"), kv("class", "noteref"),
		kv("id", refID(n.Index, n.RefIndex)), kv("href", "#fn:"+num)}, false, "")
	r.t.text(num)
	r.t.close()
	r.t.close()
}

// backlink writes the link from a note back to its reference.
func (r *renderer) backlink(n *east.FootnoteBacklink) {
	r.t.text("\u00a0")
	r.t.open("a", []html.Attribute{kv("href", "#"+refID(n.Index, n.RefIndex)), kv("class", "footnote-backref")}, false, "")
	r.t.text("↩\ufe0e")
	r.t.close()
}

// refID is the id of a note's reference; a note referred to more than
// once has one per reference.
func refID(index, ref int) string {
	if ref > 0 {
		return "fnref" + strconv.Itoa(ref) + ":" + strconv.Itoa(index)
	}
	return "fnref:" + strconv.Itoa(index)
}

// footnotes writes the notes section.
func (r *renderer) footnotes(n *east.FootnoteList) {
	r.t.open("section", []html.Attribute{kv("class", "footnotes"), kv("epub:type", "footnotes")}, false, "")
	r.children(n)
	r.t.close()
	r.t.text("\n")
}

// footnote writes one note as an aside that starts with its number.
func (r *renderer) footnote(n *east.Footnote) {
	num := strconv.Itoa(n.Index)
	aside := r.t.open("aside", []html.Attribute{kv("epub:type", "footnote"), kv("class", "footnote"),
		kv("id", "fn:"+num)}, false, "")
	r.t.text("\n")
	r.children(n)
	r.t.close()
	if aside != nil {
		numberNote(aside, num)
	}
}

// numberNote puts the note's number in front of its first paragraph, or
// of the note when it does not start with one.
func numberNote(aside *html.Node, num string) {
	span := &html.Node{Type: html.ElementNode, Data: "span", Attr: []html.Attribute{kv("class", "footnote-number")}}
	span.AppendChild(&html.Node{Type: html.TextNode, Data: num + ". "})
	at := aside
	if p := firstElement(aside); p != nil && p.Data == "p" {
		at = p
	}
	at.InsertBefore(span, at.FirstChild)
}

// firstElement returns the first child element of n, or nil when text
// other than white space comes first.
func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode:
			return c
		case strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	return nil
}
