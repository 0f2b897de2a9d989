package epub

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/uri"

	"golang.org/x/net/html"
)

// serializer writes the documents' trees as XHTML. It is the only writer of
// content markup, so it also checks every internal link against the ids the
// documents really hold, and records the characters each font face draws.
type serializer struct {
	b bytes.Buffer
	// link rewrites an href at writing time; nil keeps it.
	link func(string) (string, bool)
	// runes records the characters of text by font face.
	runes *faceRunes
}

// children writes the children of n.
func (s *serializer) children(n *html.Node, f face) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.node(c, f)
	}
}

func (s *serializer) node(n *html.Node, f face) {
	if n.Type == html.TextNode {
		s.runes.add(f, n.Data)
		_, _ = textEscaper.WriteString(&s.b, n.Data)
		return
	}
	if n.Type == html.RawNode {
		// Markup the writer made whole (math); its attributes are the
		// text the text face draws in it (tree.raw).
		for _, a := range n.Attr {
			if a.Key == "bold" {
				s.runes.add(f-f%2+1, a.Val) // the bold face of f's family
			} else {
				s.runes.add(f, a.Val)
			}
		}
		s.b.WriteString(n.Data)
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	s.b.WriteByte('<')
	s.b.WriteString(n.Data)
	for _, a := range n.Attr {
		s.attr(n, a)
	}
	if voidElements[n.Data] {
		s.b.WriteString("/>")
		return
	}
	s.b.WriteByte('>')
	if s.runes != nil {
		f = f.inside(n) // only subsetting needs to know the face
	}
	s.children(n, f)
	s.b.WriteString("</")
	s.b.WriteString(n.Data)
	s.b.WriteByte('>')
}

func (s *serializer) attr(n *html.Node, a html.Attribute) {
	v := a.Val
	if a.Key == "href" && n.Data == "a" && s.link != nil {
		var ok bool
		if v, ok = s.link(v); !ok {
			return
		}
	}
	if a.Key == "href" || a.Key == "src" {
		v = uri.Escape(v) // whatever made it, every address written is a valid URI
	}
	s.b.WriteByte(' ')
	s.b.WriteString(a.Key)
	s.b.WriteString(`="`)
	_, _ = attrEscaper.WriteString(&s.b, xmlText(v))
	s.b.WriteByte('"')
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\n", "&#10;", "\r", "&#13;", "\t", "&#9;")
)

func escapeText(s string) string { return textEscaper.Replace(s) }
func escapeAttr(s string) string { return attrEscaper.Replace(s) }

// xmlText returns s with what XML 1.0 cannot hold removed: invalid UTF-8
// (replaced by U+FFFD), control characters other than tab and line ends,
// and the noncharacters U+FFFE and U+FFFF.
func xmlText(s string) string {
	if validXML(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func validXML(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !xmlChar(r) {
			return false
		}
	}
	return true
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		return false
	}
	return true
}
