package epub

import (
	"fmt"
	"strings"
)

// The CSS sanitiser: style attributes from posts, the manifest's epub.css
// and the stylesheets inside SVG images all go through it. It works by
// allow-list: properties (cssProperties), value functions
// (cssFunctions), at-rules; url() only for files the book packages. A
// declaration or rule that uses anything else is removed whole, and each
// removal is reported, so that nothing is lost without a word. What is
// kept is written back in a canonical form (cssparse.go), so sanitising
// twice changes nothing.

// cssRemoval is something the sanitiser removed: what (as written back),
// why, and where (a byte offset into the CSS).
type cssRemoval struct {
	off       int
	what, why string
}

func (c cssRemoval) String() string { return c.what + " removed: " + c.why }

// cssSanitizer holds what a sanitising run needs and finds.
type cssSanitizer struct {
	// resource reports whether a url() names a file the output holds.
	resource func(string) bool
	removed  []cssRemoval
}

func (s *cssSanitizer) remove(off int, what, why string) {
	if len(what) > 80 {
		what = what[:strings.LastIndexAny(what[:77], " ,;(")+1] + "…"
	}
	s.removed = append(s.removed, cssRemoval{off: off, what: what, why: why})
}

// sanitizeStyle cleans the declarations of a style attribute and returns
// those kept, each as "name: value".
func sanitizeStyle(attr string, resource func(string) bool) ([]string, []cssRemoval) {
	s := &cssSanitizer{resource: resource}
	p := &cssParser{toks: cssTokens(attr)}
	var nodes []cssNode
	for p.peek().kind != cssEOF {
		nodes = append(nodes, p.component())
	}
	decls, nested := declarations(nodes)
	for _, r := range nested {
		s.remove(r.off, "@"+r.at, "a style attribute holds declarations only")
	}
	return s.declarations(decls, cssProperties), s.removed
}

// sanitizeStylesheet cleans a whole stylesheet.
func sanitizeStylesheet(css string, resource func(string) bool) (string, []cssRemoval) {
	s := &cssSanitizer{resource: resource}
	p := &cssParser{toks: cssTokens(css)}
	var b strings.Builder
	s.rules(&b, p.rules(true))
	return b.String(), s.removed
}

// declarations returns the declarations that use only allowed names
// and values.
func (s *cssSanitizer) declarations(decls []cssDecl, allowed map[string]bool) []string {
	var out []string
	for _, d := range decls {
		text := strings.ToLower(d.name) + ": " + cssText(d.value)
		if d.important {
			text += " !important"
		}
		if why := s.declarationProblem(d, allowed); why != "" {
			if d.name == "" {
				text = "a malformed declaration"
			}
			s.remove(d.off, text, why)
			continue
		}
		out = append(out, text)
	}
	return out
}

func (s *cssSanitizer) declarationProblem(d cssDecl, allowed map[string]bool) string {
	name := strings.ToLower(d.name)
	switch {
	case name == "":
		return "it is not a declaration"
	case strings.HasPrefix(name, "--"):
		return "custom properties are not supported"
	case !allowed[unprefixed(name)]:
		return "the property " + name + " is not allowed in a book"
	case len(d.value) == 0:
		return "it has no value"
	}
	return s.valueProblem(d.value)
}

// unprefixed drops a vendor prefix: -webkit-hyphens is hyphens.
func unprefixed(name string) string {
	for _, p := range []string{"-webkit-", "-moz-", "-ms-", "-o-", "-epub-"} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			return rest
		}
	}
	return name
}

// valueProblem says why a value may not be kept, or "".
func (s *cssSanitizer) valueProblem(nodes []cssNode) string {
	for _, n := range nodes {
		if why := s.nodeProblem(n); why != "" {
			return why
		}
	}
	return ""
}

func (s *cssSanitizer) nodeProblem(n cssNode) string {
	t := n.tok
	switch {
	case n.tooDeep:
		return "it nests too deep"
	case t.kind == cssURL:
		return s.urlProblem(t.val)
	case t.kind == cssFunction:
		name := strings.ToLower(t.val)
		if name == "url" {
			args := trimWhitespace(n.kids)
			if len(args) != 1 || args[0].tok.kind != cssString {
				return "url() is malformed"
			}
			return s.urlProblem(args[0].tok.val)
		}
		if !cssFunctions[unprefixed(name)] {
			return name + "() is not allowed in a book"
		}
	case t.kind == cssBadString, t.kind == cssBadURL, t.kind == cssCDO, t.kind == cssCDC,
		t.kind == cssDelim && t.val == `\`:
		return "it is malformed"
	case t.kind == cssAtKeyword, t.kind == cssLBrace, t.kind == cssSemicolon:
		return "it is malformed"
	}
	return s.valueProblem(n.kids)
}

func (s *cssSanitizer) urlProblem(u string) string {
	if s.resource != nil && s.resource(u) {
		return ""
	}
	return fmt.Sprintf("url(%s) names no file in the book, and a book loads nothing from elsewhere", u)
}

// rules writes the rules that survive.
func (s *cssSanitizer) rules(b *strings.Builder, rules []cssRule) {
	for _, r := range rules {
		switch {
		case r.at == "":
			s.styleRule(b, r)
		case r.at == "media" || r.at == "supports":
			s.conditionRule(b, r)
		case r.at == "font-face" || r.at == "page":
			s.descriptorRule(b, r)
		case r.at == "namespace":
			s.namespaceRule(b, r)
		default:
			s.remove(r.off, "@"+r.at, atRuleWhy(r.at))
		}
	}
}

func atRuleWhy(at string) string {
	if at == "import" {
		return "a book loads nothing from outside it"
	}
	return "this at-rule is not supported in a book's CSS"
}

func (s *cssSanitizer) styleRule(b *strings.Builder, r cssRule) {
	sel := cssText(trimWhitespace(r.prelude))
	switch {
	case r.block == nil:
		return
	case sel == "":
		s.remove(r.off, "a rule without a selector", "it applies to nothing")
		return
	case s.preludeProblem(r.prelude, selectorFunctions) != "":
		s.remove(r.off, sel, s.preludeProblem(r.prelude, selectorFunctions))
		return
	}
	decls, nested := declarations(r.block.kids)
	for _, n := range nested {
		s.remove(n.off, "@"+n.at, "nested rules are not supported")
	}
	writeBlock(b, sel, s.declarations(decls, cssProperties))
}

// conditionRule keeps @media and @supports with their rules cleaned.
func (s *cssSanitizer) conditionRule(b *strings.Builder, r cssRule) {
	cond := cssText(trimWhitespace(r.prelude))
	if why := s.preludeProblem(r.prelude, set("selector")); why != "" || r.block == nil {
		s.remove(r.off, "@"+r.at+" "+cond, orDefault(why, "it has no rules"))
		return
	}
	p := &cssParser{toks: append(blockTokens(r.block.kids), cssToken{kind: cssEOF})}
	var inner strings.Builder
	s.rules(&inner, p.rules(false))
	if inner.Len() > 0 {
		b.WriteString("@" + r.at + " " + cond + " {\n" + inner.String() + "}\n")
	}
}

// blockTokens flattens component values back into tokens, to parse the
// content of a block as rules.
func blockTokens(nodes []cssNode) []cssToken {
	var out []cssToken
	for _, n := range nodes {
		if n.tooDeep {
			// what was skipped must not vanish: make the rule malformed
			out = append(out, cssToken{kind: cssBadString, off: n.tok.off})
			continue
		}
		out = append(out, n.tok)
		if n.isBlock() {
			out = append(out, blockTokens(n.kids)...)
			out = append(out, cssToken{kind: closer(n.tok.kind), off: n.tok.off})
		}
	}
	return out
}

// descriptorRule keeps @font-face and @page with their descriptors
// cleaned.
func (s *cssSanitizer) descriptorRule(b *strings.Builder, r cssRule) {
	prelude := cssText(trimWhitespace(r.prelude))
	head := "@" + r.at
	if prelude != "" {
		head += " " + prelude
	}
	if why := s.preludeProblem(r.prelude, set()); why != "" || r.block == nil || r.at == "font-face" && prelude != "" {
		s.remove(r.off, head, orDefault(why, "it is malformed"))
		return
	}
	decls, nested := declarations(r.block.kids)
	for _, n := range nested {
		s.remove(n.off, "@"+n.at, "page-margin boxes are not supported")
	}
	allowed := cssProperties
	if r.at == "font-face" {
		allowed = fontDescriptors
	}
	writeBlock(b, head, s.declarations(decls, allowed))
}

// namespaceRule keeps @namespace [prefix] "uri": it names, it loads
// nothing.
func (s *cssSanitizer) namespaceRule(b *strings.Builder, r cssRule) {
	p := trimWhitespace(r.prelude)
	if len(p) > 0 && p[0].tok.kind == cssIdent {
		p = trimWhitespace(p[1:])
	}
	if r.block != nil || len(p) != 1 || !namespaceName(p[0]) {
		s.remove(r.off, "@namespace", "it is malformed")
		return
	}
	b.WriteString("@namespace " + cssText(trimWhitespace(r.prelude)) + ";\n")
}

// namespaceName reports whether n is a string or a url(): a namespace
// name.
func namespaceName(n cssNode) bool {
	switch t := n.tok; {
	case t.kind == cssString, t.kind == cssURL:
		return true
	case t.kind == cssFunction && strings.EqualFold(t.val, "url"):
		args := trimWhitespace(n.kids)
		return len(args) == 1 && args[0].tok.kind == cssString
	}
	return false
}

// preludeProblem checks a selector or a condition: names, punctuation,
// strings and numbers only, and the functions named in funcs.
func (s *cssSanitizer) preludeProblem(nodes []cssNode, funcs map[string]bool) string {
	for _, n := range nodes {
		t := n.tok
		switch {
		case n.tooDeep:
			return "it nests too deep"
		case t.kind == cssURL, t.kind == cssFunction && strings.EqualFold(t.val, "url"):
			return "it names a url()"
		case t.kind == cssFunction && !funcs[strings.ToLower(t.val)]:
			return t.val + "() is not allowed here"
		case t.kind == cssBadString, t.kind == cssBadURL, t.kind == cssCDO, t.kind == cssCDC,
			t.kind == cssAtKeyword, t.kind == cssLBrace, t.kind == cssSemicolon, t.kind == cssDelim && t.val == `\`:
			return "it is malformed"
		}
		if why := s.preludeProblem(n.kids, funcs); why != "" {
			return why
		}
	}
	return ""
}

func writeBlock(b *strings.Builder, head string, decls []string) {
	if len(decls) == 0 {
		return
	}
	b.WriteString(head + " {\n")
	for _, d := range decls {
		b.WriteString("  " + d + ";\n")
	}
	b.WriteString("}\n")
}

// cssProperties are the properties a book's CSS may set: text, fonts,
// boxes, colours, lists, tables, columns, pages and breaks. Left out:
// positioning (content laid over the page), animation and transition,
// cursor and the other interactive ones, and anything that can load a
// resource without url() being checked (behavior, -moz-binding).
var cssProperties = set(
	"align-content", "align-items", "align-self", "aspect-ratio",
	"background", "background-clip", "background-color", "background-image", "background-origin",
	"background-position", "background-repeat", "background-size",
	"border", "border-bottom", "border-bottom-color", "border-bottom-left-radius", "border-bottom-right-radius",
	"border-bottom-style", "border-bottom-width", "border-collapse", "border-color", "border-left",
	"border-left-color", "border-left-style", "border-left-width", "border-radius", "border-right",
	"border-right-color", "border-right-style", "border-right-width", "border-spacing", "border-style",
	"border-top", "border-top-color", "border-top-left-radius", "border-top-right-radius", "border-top-style",
	"border-top-width", "border-width", "box-decoration-break", "box-shadow", "box-sizing",
	"break-after", "break-before", "break-inside", "caption-side", "clear", "color",
	"column-count", "column-fill", "column-gap", "column-rule", "column-rule-color", "column-rule-style",
	"column-rule-width", "column-span", "column-width", "columns", "content",
	"counter-increment", "counter-reset", "counter-set", "direction", "display", "empty-cells",
	"flex", "flex-basis", "flex-direction", "flex-flow", "flex-grow", "flex-shrink", "flex-wrap", "float",
	"font", "font-family", "font-feature-settings", "font-kerning", "font-language-override", "font-size",
	"font-size-adjust", "font-stretch", "font-style", "font-synthesis", "font-variant", "font-variant-caps",
	"font-variant-east-asian", "font-variant-ligatures", "font-variant-numeric", "font-variant-position",
	"font-weight", "gap", "grid-area", "grid-column", "grid-row", "grid-template-areas",
	"grid-template-columns", "grid-template-rows", "hanging-punctuation", "height", "hyphenate-character",
	"hyphens", "justify-content", "justify-items", "justify-self", "letter-spacing", "line-break",
	"line-height", "list-style", "list-style-image", "list-style-position", "list-style-type",
	"margin", "margin-block", "margin-bottom", "margin-inline", "margin-left", "margin-right", "margin-top",
	"max-height", "max-width", "min-height", "min-width", "object-fit", "object-position", "opacity",
	"orphans", "outline", "outline-color", "outline-offset", "outline-style", "outline-width", "overflow",
	"overflow-wrap", "overflow-x", "overflow-y", "padding", "padding-block", "padding-bottom",
	"padding-inline", "padding-left", "padding-right", "padding-top", "page", "page-break-after",
	"page-break-before", "page-break-inside", "quotes", "row-gap", "ruby-align", "ruby-position", "size",
	"tab-size", "table-layout", "text-align", "text-align-last", "text-combine-upright", "text-decoration",
	"text-decoration-color", "text-decoration-line", "text-decoration-skip-ink", "text-decoration-style",
	"text-decoration-thickness", "text-emphasis", "text-emphasis-color", "text-emphasis-position",
	"text-emphasis-style", "text-indent", "text-justify", "text-orientation", "text-overflow",
	"text-shadow", "text-size-adjust", "text-spacing", "text-transform", "text-underline-offset",
	"text-underline-position", "text-wrap", "unicode-bidi", "user-select", "vertical-align", "visibility",
	"white-space", "widows", "width", "word-break", "word-spacing", "word-wrap", "writing-mode",
	"margin-block-start", "margin-block-end", "margin-inline-start", "margin-inline-end",
	"padding-block-start", "padding-block-end", "padding-inline-start", "padding-inline-end",
	"inline-size", "block-size", "min-inline-size", "max-inline-size", "min-block-size", "max-block-size",
	"background-attachment", "background-blend-mode", "border-image", "border-image-outset",
	"border-image-repeat", "border-image-slice", "border-image-source", "border-image-width",
	"mix-blend-mode", "isolation", "zoom", "line-clamp",
	// Harmless in a book, and common in blog posts' inline styles: kept so
	// that they cost no warning. Offsets do nothing without position.
	"cursor", "pointer-events", "z-index", "top", "right", "bottom", "left", "inset", "resize",
	// SVG presentation properties, for the stylesheets inside SVG images.
	"clip-path", "clip-rule", "fill", "fill-opacity", "fill-rule", "filter", "flood-color",
	"flood-opacity", "lighting-color", "marker", "marker-end", "marker-mid", "marker-start", "mask",
	"paint-order", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
	"stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
	"stroke-width", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
	"text-rendering", "image-rendering", "color-interpolation", "color-interpolation-filters",
	"vector-effect", "transform", "transform-origin", "transform-box",
)

// selectorFunctions are the functional pseudo-classes a selector may use.
var selectorFunctions = set("not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type",
	"nth-last-of-type", "lang", "dir")

// fontDescriptors are the descriptors of @font-face.
var fontDescriptors = set("font-family", "src", "font-weight", "font-style", "font-stretch",
	"font-display", "unicode-range", "font-feature-settings", "font-variant", "font-variation-settings")

// cssFunctions are the value functions a book's CSS may use: colours,
// arithmetic, gradients, counters, grid tracks, filters and transforms,
// and what @font-face's src names. Left out, among others: image-set(),
// -webkit-image-set(), image(), cross-fade() and element(), which load or
// show other resources; expression(); var() with custom properties; env().
var cssFunctions = set(
	"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix",
	"calc", "min", "max", "clamp", "abs", "sign", "round", "mod", "rem",
	"linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
	"repeating-radial-gradient", "repeating-conic-gradient",
	"attr", "counter", "counters", "leader", "target-counter", "target-counters", "target-text",
	"minmax", "repeat", "fit-content", "cubic-bezier", "steps",
	"blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert", "saturate", "sepia",
	"opacity", "matrix", "matrix3d", "translate", "translatex", "translatey", "translatez", "translate3d",
	"scale", "scalex", "scaley", "scalez", "scale3d", "rotate", "rotatex", "rotatey", "rotatez", "rotate3d",
	"skew", "skewx", "skewy", "perspective",
	"format", "local",
)
