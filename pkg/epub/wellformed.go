package epub

import (
	"errors"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseOwn builds the tree of HTML that this package wrote itself: the
// Markdown renderer's output for a chapter without raw HTML, and the
// cover, title, part and navigation pages. Such HTML is well formed
// (every element closed in order, void elements only, no foreign or raw
// text elements), and for it a plain stack of open elements builds the
// same tree as the HTML5 parsing algorithm, at a fraction of its cost:
// that algorithm is most of the time the EPUB writer spends on a chapter.
// Anything outside that subset is an error, and the caller parses with
// html.ParseFragment instead; TestParseOwnMatchesParser holds the two to
// the same result.
func parseOwn(src string) ([]*html.Node, error) {
	if strings.ContainsAny(src, "\x00\r") {
		return nil, errNotOwn // the parser's handling of NUL and CR differs by context
	}
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	cur := root
	afterPre := false
	for i := 0; i < len(src); {
		if src[i] != '<' {
			j := strings.IndexByte(src[i:], '<')
			if j < 0 {
				j = len(src) - i
			}
			text := src[i : i+j]
			i += j
			if strings.IndexByte(text, '&') >= 0 {
				text = html.UnescapeString(text)
			}
			if afterPre {
				// a newline right after <pre> is not content
				text = strings.TrimPrefix(text, "\n")
			}
			afterPre = false
			if text == "" {
				continue
			}
			if inTableStructure(cur) && strings.Trim(text, " \t\n\f") != "" {
				return nil, errNotOwn // text in a table outside a cell is moved out of it
			}
			cur.AppendChild(&html.Node{Type: html.TextNode, Data: text})
			continue
		}
		afterPre = false
		if strings.HasPrefix(src[i:], "</") {
			name, n := tagName(src[i+2:])
			if n == 0 || i+2+n >= len(src) || src[i+2+n] != '>' || cur == root || cur.Data != name {
				return nil, errNotOwn
			}
			cur = cur.Parent
			i += 2 + n + 1
			continue
		}
		el, n, selfClosing := startTag(src[i:])
		if el == nil || !ownElements[el.DataAtom] || !plainlyNested(cur, el.DataAtom) {
			return nil, errNotOwn
		}
		i += n
		cur.AppendChild(el)
		switch {
		case voidElements[el.Data]:
		case selfClosing:
			return nil, errNotOwn // <div/> is an open tag in HTML
		default:
			cur = el
			afterPre = el.DataAtom == atom.Pre
		}
	}
	if cur != root {
		return nil, errNotOwn
	}
	var out []*html.Node
	for n := root.FirstChild; n != nil; {
		next := n.NextSibling
		root.RemoveChild(n)
		out = append(out, n)
		n = next
	}
	return out, nil
}

// tagName reads a lower-case tag or attribute name at the start of s and
// returns it with its length; 0 when s starts with none.
func tagName(s string) (string, int) {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || n > 0 && (s[n] >= '0' && s[n] <= '9' || s[n] == '-' || s[n] == ':' || s[n] == '_')) {
		n++
	}
	return s[:n], n
}

// startTag reads a start tag at the start of s in the form the writer
// uses, <name attr="value" ...> or <name .../>, and returns its element,
// its length and whether it ended with />. el is nil for anything else:
// unquoted or valueless attributes, a repeated attribute, a character
// reference the writer does not use.
func startTag(s string) (el *html.Node, n int, selfClosing bool) {
	name, k := tagName(s[1:])
	if k == 0 {
		return nil, 0, false
	}
	el = &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name))}
	i := 1 + k
	for {
		sp := i
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
			i++
		}
		switch {
		case strings.HasPrefix(s[i:], ">"):
			return el, i + 1, false
		case strings.HasPrefix(s[i:], "/>"):
			return el, i + 2, true
		case i == sp:
			return nil, 0, false
		}
		key, k := tagName(s[i:])
		if k == 0 || !strings.HasPrefix(s[i+k:], `="`) {
			return nil, 0, false
		}
		i += k + 2
		end := strings.IndexByte(s[i:], '"')
		if end < 0 {
			return nil, 0, false
		}
		val, ok := attrValue(s[i : i+end])
		if !ok {
			return nil, 0, false
		}
		for _, a := range el.Attr {
			if a.Key == key {
				return nil, 0, false
			}
		}
		el.Attr = append(el.Attr, html.Attribute{Key: key, Val: val})
		i += end + 1
	}
}

// attrValue decodes the character references the writer puts in
// attribute values; false for any other use of &.
func attrValue(v string) (string, bool) {
	if strings.IndexByte(v, '&') < 0 {
		return v, true
	}
	var b strings.Builder
	for v != "" {
		i := strings.IndexByte(v, '&')
		if i < 0 {
			b.WriteString(v)
			break
		}
		b.WriteString(v[:i])
		v = v[i:]
		ok := false
		for ref, r := range attrRefs {
			if strings.HasPrefix(v, ref) {
				b.WriteString(r)
				v, ok = v[len(ref):], true
				break
			}
		}
		if !ok {
			return "", false
		}
	}
	return b.String(), true
}

// attrRefs are the references html.EscapeString and goldmark write.
var attrRefs = map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": `"`, "&#34;": `"`, "&#39;": "'"}

var errNotOwn = errors.New("not HTML of the kind the EPUB writer generates")

// ownElements are the elements the writer generates. The parsing
// algorithm treats each of them, when properly nested and closed, as a
// plain element; tables are included because the writer always writes
// their row groups.
var ownElements = map[atom.Atom]bool{
	atom.A: true, atom.Aside: true, atom.Blockquote: true, atom.Br: true, atom.Code: true,
	atom.Dd: true, atom.Del: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Em: true,
	atom.Figcaption: true, atom.Figure: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Hr: true, atom.Img: true, atom.Input: true,
	atom.Li: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Span: true, atom.Strong: true, atom.Sup: true, atom.Sub: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Time: true, atom.Tr: true,
	atom.Ul: true,
}

// closesP are the elements whose start tag ends an open paragraph.
var closesP = map[atom.Atom]bool{
	atom.Aside: true, atom.Blockquote: true, atom.Div: true, atom.Dl: true, atom.Figure: true,
	atom.Figcaption: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Hr: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Ul: true,
}

// parents are the only parents some elements may have for the parsing
// algorithm to leave them where they stand.
var parents = map[atom.Atom][]atom.Atom{
	atom.Tr: {atom.Thead, atom.Tbody}, atom.Td: {atom.Tr}, atom.Th: {atom.Tr},
	atom.Thead: {atom.Table}, atom.Tbody: {atom.Table},
	atom.Li: {atom.Ul, atom.Ol}, atom.Dt: {atom.Dl}, atom.Dd: {atom.Dl},
}

// plainlyNested reports whether an element a opened inside cur stays
// there in the parsing algorithm: no paragraph, link or heading it would
// close, no table part or list item out of place, nothing but row groups
// directly in a table.
func plainlyNested(cur *html.Node, a atom.Atom) bool {
	if want, ok := parents[a]; ok && !slices.Contains(want, cur.DataAtom) {
		return false
	}
	if inTableStructure(cur) && parents[a] == nil {
		return false
	}
	for n := cur; n != nil && n.Type == html.ElementNode; n = n.Parent {
		switch {
		case n.DataAtom == atom.P && closesP[a]:
			return false
		case n.DataAtom == atom.A && a == atom.A:
			return false
		case isHeading(n.DataAtom) && isHeading(a):
			return false
		}
	}
	return true
}

// inTableStructure reports whether n is a table or a row group or row,
// where only the table's own parts may stand.
func inTableStructure(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Table, atom.Thead, atom.Tbody, atom.Tr:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
