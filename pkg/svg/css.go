package svg

import (
	"strings"
)

// The style sheets of SVG images are simple: drawing programs write
// rules of types, classes and ids (`.st0 { fill: #fff }`, mermaid's
// `#id .node rect { … }`, matplotlib's `* { stroke-linecap: butt }`).
// This reader takes such rules — compound selectors of a type or *,
// classes and ids, joined by descendant and child combinators — and
// leaves out, naming them, rules with any other selector and at-rules
// (@media, @font-face, @import: nothing is ever fetched).

// rule is one selector of a style rule with the rule's declarations.
type rule struct {
	sel   selector
	decls []decl
	order int
}

// decl is one declaration.
type decl struct {
	name, value string
	important   bool
}

// selector is a complex selector: compounds from left to right, each
// with the combinator that joins it to the one before (' ' or '>').
type selector []compound

type compound struct {
	comb    byte // ' ' descendant, '>' child; 0 for the first
	typ     string
	ids     []string
	classes []string
}

// specificity counts ids, classes and types, packed so that a larger
// number wins.
func (s selector) specificity() int {
	ids, classes, types := 0, 0, 0
	for _, c := range s {
		ids += len(c.ids)
		classes += len(c.classes)
		if c.typ != "" {
			types++
		}
	}
	return min(ids, 255)<<16 | min(classes, 255)<<8 | min(types, 255)
}

// stripComments removes /* … */ comments.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		b.WriteByte(' ')
		s = s[i+2+j+2:]
	}
}

// parseSheet reads a style sheet's rules.
func (doc *document) parseSheet(css string) []rule {
	css = stripComments(css)
	var rules []rule
	for i := 0; i < len(css); {
		i = skipWS(css, i)
		if i >= len(css) {
			break
		}
		if css[i] == '@' {
			i = doc.skipAtRule(css, i)
			continue
		}
		open := indexOutside(css, i, '{')
		if open < 0 {
			break
		}
		end := blockEnd(css, open)
		body := css[open+1 : max(end-1, open+1)]
		decls := parseDecls(body)
		for _, s := range strings.Split(css[i:open], ",") {
			sel, ok := parseSelector(s)
			if !ok {
				doc.skip("style rules with selectors other than types, classes and ids")
				continue
			}
			rules = append(rules, rule{sel: sel, decls: decls, order: len(rules)})
		}
		i = end
	}
	return rules
}

// skipAtRule passes over an at-rule (up to its semicolon, or its whole
// block) and notes it.
func (doc *document) skipAtRule(css string, i int) int {
	j := i + 1
	for j < len(css) && (css[j] == '-' || css[j] >= 'a' && css[j] <= 'z' || css[j] >= 'A' && css[j] <= 'Z') {
		j++
	}
	doc.skip("style " + strings.ToLower(css[i:j]) + " rules")
	semi, open := indexOutside(css, i, ';'), indexOutside(css, i, '{')
	switch {
	case open >= 0 && (semi < 0 || open < semi):
		return blockEnd(css, open)
	case semi >= 0:
		return semi + 1
	}
	return len(css)
}

// quoteEnd returns the index of the quote that closes the string opened
// at s[open] (a backslash escapes the character after it), or the end of
// s when none does.
func quoteEnd(s string, open int) int {
	for i := open + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case s[open]:
			return i
		}
	}
	return len(s)
}

// indexOutside finds c at or after i, outside strings and parentheses.
func indexOutside(s string, i int, c byte) int {
	depth := 0
	for ; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '"' || ch == '\'':
			i = quoteEnd(s, i)
		case ch == '(':
			depth++
		case ch == ')':
			depth = max(depth-1, 0)
		case ch == c && depth == 0:
			return i
		}
	}
	return -1
}

// blockEnd returns the index after the brace that closes the block
// opened at open, or the end of s.
func blockEnd(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '"' || ch == '\'':
			i = quoteEnd(s, i)
		case ch == '{':
			depth++
		case ch == '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// parseDecls reads declarations ("fill: red; stroke: blue !important").
func parseDecls(s string) []decl {
	s = stripComments(s)
	var out []decl
	for len(s) > 0 {
		end := indexOutside(s, 0, ';')
		part := s
		if end >= 0 {
			part, s = s[:end], s[end+1:]
		} else {
			s = ""
		}
		name, value, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		name = strings.ToLower(strings.TrimSpace(name))
		value = strings.TrimSpace(value)
		d := decl{name: name}
		if v, imp := cutImportant(value); imp {
			d.important, value = true, v
		}
		d.value = value
		if name != "" && value != "" {
			out = append(out, d)
		}
	}
	return out
}

// cutImportant removes a trailing !important.
func cutImportant(v string) (string, bool) {
	i := strings.LastIndexByte(v, '!')
	if i < 0 || !strings.EqualFold(strings.TrimSpace(v[i+1:]), "important") {
		return v, false
	}
	return strings.TrimSpace(v[:i]), true
}

// parseSelector reads one complex selector of compounds joined by white
// space or '>'; false for anything else (attributes, pseudo-classes,
// sibling combinators, namespaces).
func parseSelector(s string) (selector, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	var sel selector
	comb := byte(0)
	for i := 0; i < len(s); {
		switch {
		case isSpace(s[i]):
			i++
			if comb == 0 && len(sel) > 0 {
				comb = ' '
			}
			continue
		case s[i] == '>':
			if len(sel) == 0 {
				return nil, false
			}
			comb = '>'
			i++
			continue
		}
		c, n, ok := parseCompound(s[i:])
		if !ok {
			return nil, false
		}
		c.comb = comb
		sel = append(sel, c)
		comb = 0
		i += n
	}
	if comb != 0 {
		return nil, false // a combinator with nothing after it
	}
	return sel, true
}

// parseCompound reads a type or *, then .class and #id parts.
func parseCompound(s string) (compound, int, bool) {
	var c compound
	i := 0
	if i < len(s) && s[i] == '*' {
		i++
	} else if n := identLen(s[i:]); n > 0 {
		c.typ = s[i : i+n]
		i += n
	}
	for i < len(s) && (s[i] == '.' || s[i] == '#') {
		n := identLen(s[i+1:])
		if n == 0 {
			return c, 0, false
		}
		if s[i] == '.' {
			c.classes = append(c.classes, s[i+1:i+1+n])
		} else {
			c.ids = append(c.ids, s[i+1:i+1+n])
		}
		i += 1 + n
	}
	if i == 0 || i < len(s) && !isSpace(s[i]) && s[i] != '>' {
		return c, 0, false
	}
	return c, i, true
}

// identLen is the length of the CSS identifier at the start of s (ASCII
// letters, digits, - and _, and any non-ASCII byte).
func identLen(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '-' || c == '_' || c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && i > 0 {
			i++
			continue
		}
		break
	}
	return i
}

// matches reports whether the selector matches n, right to left, each
// compound tried charged to the budget (descendant combinators backtrack).
func (s selector) matches(n *node, b *budget) bool {
	return matchFrom(s, len(s)-1, n, b)
}

func matchFrom(s selector, k int, n *node, b *budget) bool {
	if !b.styleStep(1) || !s[k].matches(n) {
		return false
	}
	if k == 0 {
		return true
	}
	if s[k].comb == '>' {
		return n.parent != nil && matchFrom(s, k-1, n.parent, b)
	}
	for p := n.parent; p != nil; p = p.parent {
		if matchFrom(s, k-1, p, b) {
			return true
		}
	}
	return false
}

func (c compound) matches(n *node) bool {
	if n.name == "" || c.typ != "" && c.typ != n.name {
		return false
	}
	for _, id := range c.ids {
		if strings.TrimSpace(n.attrs["id"]) != id {
			return false
		}
	}
	for _, cl := range c.classes {
		found := false
		for _, have := range n.classes {
			if have == cl {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
