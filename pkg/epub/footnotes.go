package epub

import (
	"strings"

	"golang.org/x/net/html"
)

// Footnotes: goldmark's footnote extension writes
//
//	<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup>
//	<div class="footnotes"><hr/><ol><li id="fn:1">…<a class="footnote-backref">…</a></li></ol></div>
//
// and EPUB reading systems show a note as a popup when the reference is an
// <a epub:type="noteref"> and the note an <aside epub:type="footnote">
// (EPUB 3 Structural Semantics Vocabulary). The cleaner rewrites the one
// into the other, so the markdown package needs no EPUB-specific renderer.

// footnoteRef returns the footnote link inside a goldmark <sup>, or nil.
func footnoteRef(sup *html.Node) *html.Node {
	a := sup.FirstChild
	if a == nil || a.NextSibling != nil || a.Type != html.ElementNode || a.Data != "a" || !hasClass(a, "footnote-ref") {
		return nil
	}
	return a
}

// noteref writes <sup><a epub:type="noteref" id=… href=…>n</a></sup>.
func (cl *cleaner) noteref(dst, sup, a *html.Node) {
	outSup := &html.Node{Type: html.ElementNode, Data: "sup"}
	outA := &html.Node{Type: html.ElementNode, Data: "a"}
	outA.Attr = cl.keepID(attr(sup, "id"), []html.Attribute{
		{Key: "epub:type", Val: "noteref"}, {Key: "class", Val: "noteref"}})
	if href, ok := cl.href(attr(a, "href")); ok {
		outA.Attr = append(outA.Attr, html.Attribute{Key: "href", Val: href})
	}
	cl.children(outA, a, true)
	outSup.AppendChild(outA)
	dst.AppendChild(outSup)
}

// footnotes writes the notes section, one aside per note.
func (cl *cleaner) footnotes(dst, div *html.Node) {
	sec := &html.Node{Type: html.ElementNode, Data: "section",
		Attr: []html.Attribute{{Key: "class", Val: "footnotes"}, {Key: "epub:type", Val: "footnotes"}}}
	for ol := div.FirstChild; ol != nil; ol = ol.NextSibling {
		if ol.Type != html.ElementNode || ol.Data != "ol" {
			continue
		}
		for li := ol.FirstChild; li != nil; li = li.NextSibling {
			if li.Type == html.ElementNode && li.Data == "li" {
				cl.footnote(sec, li)
			}
		}
	}
	dst.AppendChild(sec)
}

// footnote writes one note as an aside that starts with its number.
func (cl *cleaner) footnote(dst, li *html.Node) {
	id := attr(li, "id")
	aside := &html.Node{Type: html.ElementNode, Data: "aside"}
	aside.Attr = cl.keepID(id, []html.Attribute{{Key: "epub:type", Val: "footnote"}, {Key: "class", Val: "footnote"}})
	cl.children(aside, li, false)
	num := &html.Node{Type: html.ElementNode, Data: "span", Attr: []html.Attribute{{Key: "class", Val: "footnote-number"}}}
	appendText(num, noteNumber(id)+". ")
	at := aside
	if p := firstElement(aside); p != nil && p.Data == "p" {
		at = p
	}
	at.InsertBefore(num, at.FirstChild)
	dst.AppendChild(aside)
}

// noteNumber takes the number from a goldmark note id such as fn:3.
func noteNumber(id string) string {
	return id[strings.LastIndexByte(id, ':')+1:]
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
