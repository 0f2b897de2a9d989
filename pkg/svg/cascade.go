package svg

import (
	"sort"
	"strings"
)

// properties are the CSS properties the drawing reads, with whether each
// is inherited; a presentation attribute of one of these names is the
// property declared at the lowest precedence (SVG 2, 6.6).
var properties = map[string]bool{
	"fill": true, "fill-opacity": true, "fill-rule": true,
	"stroke": true, "stroke-width": true, "stroke-linecap": true, "stroke-linejoin": true,
	"stroke-miterlimit": true, "stroke-dasharray": true, "stroke-dashoffset": true, "stroke-opacity": true,
	"color": true, "visibility": true,
	"font-family": true, "font-size": true, "font-weight": true, "font-style": true,
	"text-anchor": true, "dominant-baseline": true, "writing-mode": true,
	"letter-spacing": true, "word-spacing": true,
	"marker-start": true, "marker-mid": true, "marker-end": true,
	"display": false, "opacity": false, "transform": false,
	"clip-path": false, "mask": false, "filter": false, "clip-rule": true, "overflow": false,
	"stop-color": false, "stop-opacity": false,
	"baseline-shift": false, "alignment-baseline": false,
}

// Precedence levels of declarations, lowest first: presentation
// attributes, the style sheet's rules, the style attribute; !important
// declarations above all normal ones.
const (
	levelAttr = iota
	levelSheet
	levelStyle
)

// rank orders competing declarations of one property on one element.
type rank struct {
	important   bool
	level, spec int
	order       int
}

func (a rank) less(b rank) bool {
	switch {
	case a.important != b.important:
		return !a.important
	case a.level != b.level:
		return a.level < b.level
	case a.spec != b.spec:
		return a.spec < b.spec
	}
	return a.order < b.order
}

// cascade decides, for every element of the document, the declared value
// of each property. Matching selectors is charged to the budget, so that
// a style sheet of many rules over many deep elements cannot run long.
func (doc *document) cascade(b *budget) {
	var walk func(n *node)
	walk = func(n *node) {
		if b.exhausted() || n.name == "" {
			return
		}
		doc.declare(n, b)
		for _, k := range n.kids {
			walk(k)
		}
	}
	if doc.root != nil {
		walk(doc.root)
	}
}

// declare sets n.decls from its attributes, the matching rules and its
// style attribute.
func (doc *document) declare(n *node, b *budget) {
	won := map[string]rank{}
	n.decls = map[string]string{}
	put := func(d decl, r rank) {
		for _, d := range expand(d) {
			if !properties[d.name] && !isProperty(d.name) {
				continue
			}
			if old, ok := won[d.name]; ok && r.less(old) {
				continue
			}
			won[d.name] = r
			n.decls[d.name] = d.value
		}
	}
	// the font shorthand first, so that a longhand attribute beside it
	// wins; the rest in a fixed order (no two set one property)
	if v, ok := n.attrs["font"]; ok {
		put(decl{name: "font", value: strings.TrimSpace(v)}, rank{level: levelAttr})
	}
	for _, name := range sortedKeys(n.attrs) {
		if isProperty(name) {
			put(decl{name: name, value: strings.TrimSpace(n.attrs[name])}, rank{level: levelAttr, order: 1})
		}
	}
	order := 1
	for _, r := range doc.sheet {
		if !b.styleStep(len(r.sel)) {
			return
		}
		if !r.sel.matches(n, b) {
			continue
		}
		for _, d := range r.decls {
			order++
			put(d, rank{important: d.important, level: levelSheet, spec: r.sel.specificity(), order: r.order<<16 | order&0xffff})
		}
	}
	for _, d := range parseDecls(n.attrs["style"]) {
		order++
		put(d, rank{important: d.important, level: levelStyle, order: order})
	}
}

// isProperty reports whether a name is a property the drawing reads.
func isProperty(name string) bool {
	_, ok := properties[name]
	return ok
}

// expand turns the shorthands font and marker into their longhands.
func expand(d decl) []decl {
	switch d.name {
	case "marker":
		return []decl{{"marker-start", d.value, d.important}, {"marker-mid", d.value, d.important}, {"marker-end", d.value, d.important}}
	case "font":
		return expandFont(d)
	}
	return []decl{d}
}

// expandFont reads the font shorthand ("bold 12px/1.2 'Noto Sans', sans")
// into font-style, font-weight, font-size and font-family; a value it
// cannot read declares nothing.
func expandFont(d decl) []decl {
	fields := strings.Fields(d.value)
	var out []decl
	for i, f := range fields {
		size, _, _ := strings.Cut(f, "/")
		if _, ok := fontSize(size); !ok {
			switch strings.ToLower(f) {
			case "bold", "bolder", "lighter", "normal", "100", "200", "300", "400", "500", "600", "700", "800", "900":
				if strings.ToLower(f) != "normal" {
					out = append(out, decl{"font-weight", f, d.important})
				}
			case "italic", "oblique":
				out = append(out, decl{"font-style", f, d.important})
			}
			continue
		}
		out = append(out, decl{"font-size", size, d.important})
		if family := strings.Join(fields[i+1:], " "); family != "" {
			out = append(out, decl{"font-family", family, d.important})
		}
		return out
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
