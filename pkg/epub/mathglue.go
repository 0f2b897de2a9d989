package epub

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/markdown"
	"golang.org/x/net/html"
)

// glueMath keeps each inline formula on one line with the text that
// touches it: a particle after it (식 $x$를), a bracket or punctuation
// around it ((식 $x$)). Reading systems allow a line break on both sides of
// an atomic inline (an inline SVG, an inline <math>) whatever the text
// beside it, so without this a line could begin with 를 or ")" — which
// Korean never allows, and which the same words as text (keep-all, strict
// line breaking) never do. The formula and the words it touches go into a
// <span class="math-nobr"> that the stylesheet keeps unbroken.
func glueMath(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case inlineMath(c):
			c = glue(c)
		case c.Type == html.ElementNode:
			glueMath(c)
		}
	}
}

// inlineMath reports whether n is the element of an inline formula.
func inlineMath(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "span" {
		return false
	}
	classes := strings.Fields(markdown.TagAttr(n.Attr, "class"))
	return len(classes) == 1 && classes[0] == "math"
}

// glue wraps the formula el with the words that touch it, if any, and
// returns what now stands in its place.
func glue(el *html.Node) *html.Node {
	prev, next := el.PrevSibling, el.NextSibling
	before, after := "", ""
	if prev != nil && prev.Type == html.TextNode {
		before = prev.Data
		if i := strings.LastIndexFunc(prev.Data, unicode.IsSpace); i >= 0 {
			_, size := utf8.DecodeRuneInString(prev.Data[i:])
			before = prev.Data[i+size:]
		}
	}
	if next != nil && next.Type == html.TextNode {
		after = next.Data
		if i := strings.IndexFunc(next.Data, unicode.IsSpace); i >= 0 {
			after = next.Data[:i]
		}
	}
	if before == "" && after == "" {
		return el
	}
	parent := el.Parent
	w := &html.Node{Type: html.ElementNode, Data: "span", Attr: []html.Attribute{kv("class", "math-nobr")}}
	parent.InsertBefore(w, el)
	if before != "" {
		prev.Data = prev.Data[:len(prev.Data)-len(before)]
		if prev.Data == "" {
			parent.RemoveChild(prev)
		}
		w.AppendChild(&html.Node{Type: html.TextNode, Data: before})
	}
	parent.RemoveChild(el)
	w.AppendChild(el)
	if after != "" {
		next.Data = next.Data[len(after):]
		if next.Data == "" {
			parent.RemoveChild(next)
		}
		w.AppendChild(&html.Node{Type: html.TextNode, Data: after})
	}
	return w
}
