package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// AttrValue returns an attribute value of the syntax tree as text: the
// parsers (goldmark's and ours) store ids, classes and kramdown attributes
// as []byte or string. ok is false for a value of any other type.
func AttrValue(v any) (s string, ok bool) {
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}

// Attr returns the attribute name of n as text, and whether n has it as
// text (AttrValue).
func Attr(n ast.Node, name string) (string, bool) {
	v, ok := n.AttributeString(name)
	if !ok {
		return "", false
	}
	return AttrValue(v)
}

// attrList is a parsed kramdown attribute list, the part between "{:" and
// "}" of an inline attribute list (IAL) or attribute list definition (ALD);
// kramdown syntax documentation, "Attribute List Definitions".
type attrList struct {
	id      []byte
	classes [][]byte
	pairs   []attrPair
	// refs are bare names: references to ALDs, and kramdown's "toc".
	refs [][]byte
}

// maxAttrItems bounds the items of one attribute list. Real lists have a
// handful; the bound keeps setting them linear on hostile input (goldmark
// looks attributes up by a linear scan).
const maxAttrItems = 64

// attrPair is one key="value" of an attribute list.
type attrPair struct{ key, value []byte }

// parseAttrList parses the content of an attribute list. It accepts #id,
// .class, key="value", key='value' and bare reference names separated by
// spaces. kramdown allows only ASCII word characters in ids and classes; we
// also accept other letters (a Korean class name hurts nobody).
func parseAttrList(s []byte) (attrList, bool) {
	var a attrList
	for n := 0; ; n++ {
		s = bytes.TrimLeft(s, " \t")
		if len(s) == 0 {
			return a, true
		}
		if n == maxAttrItems {
			return attrList{}, false
		}
		var ok bool
		if s, ok = a.parseItem(s); !ok {
			return attrList{}, false
		}
	}
}

// parseItem parses one item from the start of s and returns the rest.
func (a *attrList) parseItem(s []byte) ([]byte, bool) {
	switch s[0] {
	case '#', '.':
		name, rest := splitName(s[1:])
		if len(name) == 0 {
			return nil, false
		}
		if s[0] == '#' {
			a.id = name
		} else {
			a.classes = append(a.classes, name)
		}
		return rest, true
	}
	name, rest := splitName(s)
	if len(name) == 0 {
		return nil, false
	}
	if len(rest) == 0 || rest[0] != '=' {
		a.refs = append(a.refs, name)
		return rest, true
	}
	value, rest, ok := quotedValue(rest[1:])
	if ok {
		a.pairs = append(a.pairs, attrPair{name, value})
	}
	return rest, ok
}

// splitName splits off the leading name: everything up to a space, '=' or
// a quote.
func splitName(s []byte) (name, rest []byte) {
	i := bytes.IndexAny(s, " \t='\"")
	if i < 0 {
		return s, nil
	}
	return s[:i], s[i:]
}

// quotedValue reads a value in single or double quotes. A backslash escapes
// the quote character, as in kramdown.
func quotedValue(s []byte) (value, rest []byte, ok bool) {
	if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
		return nil, nil, false
	}
	q := s[0]
	var v []byte
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == q || s[i+1] == '}'):
			i++
			v = append(v, s[i])
		case s[i] == q:
			return v, s[i+1:], true
		default:
			v = append(v, s[i])
		}
	}
	return nil, nil, false
}

// closingBrace returns the index of the '}' that ends an attribute list
// starting at s[0] == '{', skipping "\}", or -1.
func closingBrace(s []byte) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '}':
			return i
		case '\n':
			return -1
		}
	}
	return -1
}

// merge adds b's items to a, b's id winning.
func (a *attrList) merge(b attrList) {
	if b.id != nil {
		a.id = b.id
	}
	a.classes = append(a.classes, b.classes...)
	a.pairs = append(a.pairs, b.pairs...)
	a.refs = append(a.refs, b.refs...)
}

// hasRef reports whether a names the reference name.
func (a attrList) hasRef(name string) bool {
	for _, r := range a.refs {
		if string(r) == name {
			return true
		}
	}
	return false
}

// apply sets a's attributes on n. Classes, including a key "class", are
// added to the classes n has; other keys replace.
func (a attrList) apply(n ast.Node) {
	if a.id != nil {
		n.SetAttributeString("id", a.id)
	}
	for _, c := range a.classes {
		addClass(n, c)
	}
	for _, p := range a.pairs {
		if string(p.key) == "class" {
			addClass(n, p.value)
			continue
		}
		n.SetAttribute(p.key, p.value)
	}
	if _, ok := n.(*ast.Image); ok {
		sizeAliases(n)
	}
}

// sizeAliases reads the Chirpy theme's short size attributes of an image,
// {: w="700" h="400" }, as the width and height they stand for (Chirpy
// writes them out so), unless the long ones are given too. The short ones
// stay; no writer keeps an attribute it does not know.
func sizeAliases(n ast.Node) {
	for _, p := range [][2]string{{"w", "width"}, {"h", "height"}} {
		v, ok := n.AttributeString(p[0])
		if !ok {
			continue
		}
		if _, has := n.AttributeString(p[1]); !has {
			n.SetAttributeString(p[1], v)
		}
	}
}

// addClass appends class to n's space-separated class attribute.
func addClass(n ast.Node, class []byte) {
	old, ok := n.AttributeString("class")
	ob, isBytes := old.([]byte)
	if !ok || !isBytes || len(ob) == 0 {
		n.SetAttributeString("class", class)
		return
	}
	joined := append(append(append([]byte{}, ob...), ' '), class...)
	n.SetAttributeString("class", joined)
}
