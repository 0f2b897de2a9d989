package svg

import (
	"strings"

	"github.com/hangul-press/publish/internal/css"
)

// The style sheets of SVG images are simple: drawing programs write
// rules of types, classes and ids (`.st0 { fill: #fff }`, mermaid's
// `#id .node rect { … }`, matplotlib's `* { stroke-linecap: butt }`).
// Sheets and style attributes are read with internal/css, the reader the
// EPUB's sanitiser uses. Of their rules the cascade takes those with
// compound selectors of a type or *, classes and ids, joined by
// descendant and child combinators, and leaves out, naming them, rules
// with any other selector and at-rules (@media, @font-face, @import:
// nothing is ever fetched).

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

// parseSheet reads a style sheet's rules, through the program's one CSS
// reader (internal/css, which the EPUB's sanitiser also uses).
func (doc *document) parseSheet(sheet string) []rule {
	var rules []rule
	for _, r := range css.Stylesheet(sheet) {
		if r.At != "" {
			doc.skip("style @" + r.At + " rules")
			continue
		}
		decls := declsOf(r.Block.Kids)
		for _, part := range splitCommas(r.Prelude) {
			sel, ok := selectorOf(part)
			if !ok {
				doc.skip("style rules with selectors other than types, classes and ids")
				continue
			}
			rules = append(rules, rule{sel: sel, decls: decls, order: len(rules)})
		}
	}
	return rules
}

// parseDecls reads a style attribute's declarations ("fill: red; stroke:
// blue !important").
func parseDecls(s string) []decl {
	return declsOf(css.NewParser(css.Tokens(s)).Components())
}

// declsOf keeps the declarations in nodes that have a name and a value,
// the name lower-cased and the value written back as text.
func declsOf(nodes []css.Node) []decl {
	all, _ := css.Declarations(nodes)
	var out []decl
	for _, d := range all {
		if d.Name == "" || len(d.Value) == 0 {
			continue
		}
		out = append(out, decl{name: strings.ToLower(d.Name), value: css.Text(d.Value), important: d.Important})
	}
	return out
}

// splitCommas splits a rule's prelude at its top-level commas.
func splitCommas(nodes []css.Node) [][]css.Node {
	var parts [][]css.Node
	start := 0
	for i, n := range nodes {
		if n.Tok.Kind == css.Comma {
			parts = append(parts, nodes[start:i])
			start = i + 1
		}
	}
	return append(parts, nodes[start:])
}

// selectorOf reads one complex selector of compounds (a type or *, then
// .class and #id parts) joined by white space or '>'; false for anything
// else (attributes, pseudo-classes, sibling combinators, namespaces).
func selectorOf(nodes []css.Node) (selector, bool) {
	nodes = css.TrimWhitespace(nodes)
	if len(nodes) == 0 {
		return nil, false
	}
	var sel selector
	comb := byte(0)
	open := false // the last compound may take more parts
	for i := 0; i < len(nodes); i++ {
		t := nodes[i].Tok
		switch {
		case t.Kind == css.Whitespace:
			if comb == 0 {
				comb = ' '
			}
			open = false
			continue
		case t.Kind == css.Delim && t.Val == ">":
			if len(sel) == 0 {
				return nil, false
			}
			comb, open = '>', false
			continue
		}
		if !open {
			sel = append(sel, compound{comb: comb})
			comb, open = 0, true
			switch {
			case t.Kind == css.Ident:
				sel[len(sel)-1].typ = t.Val
				continue
			case t.Kind == css.Delim && t.Val == "*":
				continue
			}
		}
		c := &sel[len(sel)-1]
		switch {
		case t.Kind == css.Hash && t.ID:
			c.ids = append(c.ids, t.Val)
		case t.Kind == css.Delim && t.Val == "." && i+1 < len(nodes) && nodes[i+1].Tok.Kind == css.Ident:
			i++
			c.classes = append(c.classes, nodes[i].Tok.Val)
		default:
			return nil, false
		}
	}
	if comb != 0 {
		return nil, false // a combinator with nothing after it
	}
	return sel, true
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
