package epub

import (
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// cleaner rebuilds parsed HTML from the allow-lists in allow.go, so that
// what comes out is valid EPUB XHTML: no scripts, styles, frames or event
// handlers, no presentational markup, no block inside running text, no
// duplicate ids, links and images that point inside the book.
type cleaner struct {
	// href maps a link to what the EPUB holds; false drops it.
	href func(string) (string, bool)
	// img maps an image address to the packaged file name; false shows
	// the alt text in a frame instead.
	img func(string) (string, bool)
	// ids collects the ids kept, each once.
	ids map[string]bool
	// summary labels a <details> that lacks its required <summary>.
	summary string
}

// sanitize parses an HTML fragment as the content of a body element and
// returns it cleaned, as the children of a detached body node. own tells
// that the writer generated all of the fragment (no raw HTML from a post),
// so that the quick parseOwn may build its tree.
func (cl *cleaner) sanitize(fragment string, own bool) *html.Node {
	if cl.ids == nil {
		cl.ids = map[string]bool{}
	}
	out := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	var nodes []*html.Node
	err := errNotOwn
	if own {
		nodes, err = parseOwn(fragment)
	}
	if err != nil {
		ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err = html.ParseFragment(strings.NewReader(fragment), ctx)
	}
	if err != nil {
		// x/net/html reads from a strings.Reader and does not fail on
		// malformed markup; an error here means no content.
		return out
	}
	src := &html.Node{Type: html.ElementNode, Data: "body"}
	for _, n := range nodes {
		src.AppendChild(n)
	}
	cl.children(out, src, false)
	return out
}

// children cleans the children of src into dst. phrasing is true inside
// elements that allow only running text.
func (cl *cleaner) children(dst, src *html.Node, phrasing bool) {
	for n := src.FirstChild; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.TextNode:
			appendText(dst, xmlText(n.Data))
		case n.Type == html.ElementNode && n.Namespace == "":
			cl.element(dst, n, phrasing)
		}
		// Comments, doctypes and foreign (SVG, MathML) elements go.
	}
}

func appendText(dst *html.Node, s string) {
	if s == "" {
		return
	}
	// Adjacent text nodes are not merged: the serializer writes them one
	// after the other all the same, and merging copies quadratically.
	dst.AppendChild(&html.Node{Type: html.TextNode, Data: s})
}

// element cleans one element into dst.
func (cl *cleaner) element(dst, n *html.Node, phrasing bool) {
	name := n.Data
	switch {
	case droppedElements[name]:
		return
	case name == "img":
		cl.image(dst, n)
		return
	case name == "input":
		taskBox(dst, n)
		return
	case name == "sup" && footnoteRef(n) != nil:
		cl.noteref(dst, n, footnoteRef(n))
		return
	case name == "div" && hasClass(n, "footnotes"):
		cl.footnotes(dst, n)
		return
	}
	class := ""
	if r, ok := renamed[name]; ok {
		name, class = r[0], r[1]
	}
	if !flowElements[name] && !phrasingElements[name] {
		cl.children(dst, n, phrasing)
		return
	}
	name = fitContext(name, dst, phrasing)
	out := &html.Node{Type: html.ElementNode, Data: name}
	out.Attr = cl.attrs(name, n, class)
	if name == "bdo" && attr(out, "dir") == "" {
		out.Data = "span" // bdo means nothing without a direction
	}
	// Appended before its children are cleaned, so that they can see
	// their ancestors.
	dst.AppendChild(out)
	cl.children(out, n, phrasing || phrasingOnly[name])
	if name == "pre" {
		trimLeadingNewlines(out)
	}
	cl.fixStructure(out)
}

// trimLeadingNewlines drops the newlines that open a pre element's text.
// An XML reader shows them, an HTML parser drops the first: without them
// both read the same, and cleaning the output again changes nothing
// (found by FuzzSanitize: <pre><x>\n0 lost its newline on a second pass).
func trimLeadingNewlines(pre *html.Node) {
	for t := pre.FirstChild; t != nil && t.Type == html.TextNode; t = pre.FirstChild {
		t.Data = strings.TrimLeft(t.Data, "\n")
		if t.Data != "" {
			return
		}
		pre.RemoveChild(t)
	}
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

// image writes a packaged image, or the alt text in a frame when the
// address names nothing the book holds.
func (cl *cleaner) image(dst, n *html.Node) {
	src, alt := attr(n, "src"), attr(n, "alt")
	name, ok := cl.img(src)
	if !ok {
		dst.AppendChild(missingImage(alt, src))
		return
	}
	out := &html.Node{Type: html.ElementNode, Data: "img"}
	out.Attr = append(out.Attr, html.Attribute{Key: "src", Val: name}, html.Attribute{Key: "alt", Val: xmlText(alt)})
	out.Attr = append(out.Attr, cl.attrs("img", n, "")...)
	dst.AppendChild(out)
}

// missingImage is the visible stand-in for an image the EPUB lacks.
func missingImage(alt, src string) *html.Node {
	span := &html.Node{Type: html.ElementNode, Data: "span",
		Attr: []html.Attribute{{Key: "class", Val: "image-missing"}}}
	appendText(span, xmlText(missingText(alt, src)))
	return span
}

// missingText is what stands for a missing image: its alt text, else the
// file name it asked for.
func missingText(alt, src string) string {
	if alt != "" {
		return alt
	}
	return path.Base(src)
}

// taskBox turns a task list check box into a character: form controls
// are interactive content that reading systems show inconsistently.
func taskBox(dst, n *html.Node) {
	if attr(n, "type") != "checkbox" {
		return
	}
	mark := "☐"
	if hasAttr(n, "checked") {
		mark = "☑"
	}
	span := &html.Node{Type: html.ElementNode, Data: "span",
		Attr: []html.Attribute{{Key: "class", Val: "task"}}}
	appendText(span, mark)
	dst.AppendChild(span)
}

func hasAncestor(n *html.Node, name string) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == name {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
