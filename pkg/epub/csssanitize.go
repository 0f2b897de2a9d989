package epub

import (
	"fmt"
	"strings"

	"github.com/hangul-press/publish/internal/css"
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
	nodes := css.NewParser(css.Tokens(attr)).Components()
	decls, nested := css.Declarations(nodes)
	for _, r := range nested {
		s.remove(r.Off, "@"+r.At, "a style attribute holds declarations only")
	}
	return s.declarations(decls, cssProperties), s.removed
}

// sanitizeStylesheet cleans a whole stylesheet.
func sanitizeStylesheet(sheet string, resource func(string) bool) (string, []cssRemoval) {
	s := &cssSanitizer{resource: resource}
	p := css.NewParser(css.Tokens(sheet))
	var b strings.Builder
	s.rules(&b, p.Rules(true))
	return b.String(), s.removed
}

// declarations returns the declarations that use only allowed names
// and values.
func (s *cssSanitizer) declarations(decls []css.Decl, allowed map[string]bool) []string {
	var out []string
	for _, d := range decls {
		text := strings.ToLower(d.Name) + ": " + css.Text(d.Value)
		if d.Important {
			text += " !important"
		}
		if why := s.declarationProblem(d, allowed); why != "" {
			if d.Name == "" {
				text = "a malformed declaration"
			}
			s.remove(d.Off, text, why)
			continue
		}
		out = append(out, text)
	}
	return out
}

func (s *cssSanitizer) declarationProblem(d css.Decl, allowed map[string]bool) string {
	name := strings.ToLower(d.Name)
	switch {
	case name == "":
		return "it is not a declaration"
	case strings.HasPrefix(name, "--"):
		return "custom properties are not supported"
	case !allowed[unprefixed(name)]:
		return "the property " + name + " is not allowed in a book"
	case len(d.Value) == 0:
		return "it has no value"
	}
	return s.valueProblem(d.Value)
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
func (s *cssSanitizer) valueProblem(nodes []css.Node) string {
	for _, n := range nodes {
		if why := s.nodeProblem(n); why != "" {
			return why
		}
	}
	return ""
}

func (s *cssSanitizer) nodeProblem(n css.Node) string {
	t := n.Tok
	switch {
	case n.TooDeep:
		return "it nests too deep"
	case t.Kind == css.URL:
		return s.urlProblem(t.Val)
	case t.Kind == css.Function:
		name := strings.ToLower(t.Val)
		if name == "url" {
			args := css.TrimWhitespace(n.Kids)
			if len(args) != 1 || args[0].Tok.Kind != css.String {
				return "url() is malformed"
			}
			return s.urlProblem(args[0].Tok.Val)
		}
		if !cssFunctions[unprefixed(name)] {
			return name + "() is not allowed in a book"
		}
	case t.Kind == css.BadString, t.Kind == css.BadURL, t.Kind == css.CDO, t.Kind == css.CDC,
		t.Kind == css.Delim && t.Val == `\`:
		return "it is malformed"
	case t.Kind == css.AtKeyword, t.Kind == css.LBrace, t.Kind == css.Semicolon:
		return "it is malformed"
	}
	return s.valueProblem(n.Kids)
}

func (s *cssSanitizer) urlProblem(u string) string {
	if s.resource != nil && s.resource(u) {
		return ""
	}
	return fmt.Sprintf("url(%s) names no file in the book, and a book loads nothing from elsewhere", u)
}

// rules writes the rules that survive.
func (s *cssSanitizer) rules(b *strings.Builder, rules []css.Rule) {
	for _, r := range rules {
		switch {
		case r.At == "":
			s.styleRule(b, r)
		case r.At == "media" || r.At == "supports":
			s.conditionRule(b, r)
		case r.At == "font-face" || r.At == "page":
			s.descriptorRule(b, r)
		case r.At == "namespace":
			s.namespaceRule(b, r)
		default:
			s.remove(r.Off, "@"+r.At, atRuleWhy(r.At))
		}
	}
}

func atRuleWhy(at string) string {
	if at == "import" {
		return "a book loads nothing from outside it"
	}
	return "this at-rule is not supported in a book's CSS"
}

func (s *cssSanitizer) styleRule(b *strings.Builder, r css.Rule) {
	sel := css.Text(css.TrimWhitespace(r.Prelude))
	switch {
	case r.Block == nil:
		return
	case sel == "":
		s.remove(r.Off, "a rule without a selector", "it applies to nothing")
		return
	case s.preludeProblem(r.Prelude, selectorFunctions) != "":
		s.remove(r.Off, sel, s.preludeProblem(r.Prelude, selectorFunctions))
		return
	}
	decls, nested := css.Declarations(r.Block.Kids)
	for _, n := range nested {
		s.remove(n.Off, "@"+n.At, "nested rules are not supported")
	}
	writeBlock(b, sel, s.declarations(decls, cssProperties))
}

// conditionRule keeps @media and @supports with their rules cleaned.
func (s *cssSanitizer) conditionRule(b *strings.Builder, r css.Rule) {
	cond := css.Text(css.TrimWhitespace(r.Prelude))
	if why := s.preludeProblem(r.Prelude, set("selector")); why != "" || r.Block == nil {
		s.remove(r.Off, "@"+r.At+" "+cond, orDefault(why, "it has no rules"))
		return
	}
	p := css.NewParser(append(blockTokens(r.Block.Kids), css.Token{Kind: css.EOF}))
	var inner strings.Builder
	s.rules(&inner, p.Rules(false))
	if inner.Len() > 0 {
		b.WriteString("@" + r.At + " " + cond + " {\n" + inner.String() + "}\n")
	}
}

// blockTokens flattens component values back into tokens, to parse the
// content of a block as rules.
func blockTokens(nodes []css.Node) []css.Token {
	var out []css.Token
	for _, n := range nodes {
		if n.TooDeep {
			// what was skipped must not vanish: make the rule malformed
			out = append(out, css.Token{Kind: css.BadString, Off: n.Tok.Off})
			continue
		}
		out = append(out, n.Tok)
		if n.IsBlock() {
			out = append(out, blockTokens(n.Kids)...)
			out = append(out, css.Token{Kind: css.Closer(n.Tok.Kind), Off: n.Tok.Off})
		}
	}
	return out
}

// descriptorRule keeps @font-face and @page with their descriptors
// cleaned.
func (s *cssSanitizer) descriptorRule(b *strings.Builder, r css.Rule) {
	prelude := css.Text(css.TrimWhitespace(r.Prelude))
	head := "@" + r.At
	if prelude != "" {
		head += " " + prelude
	}
	if why := s.preludeProblem(r.Prelude, set()); why != "" || r.Block == nil || r.At == "font-face" && prelude != "" {
		s.remove(r.Off, head, orDefault(why, "it is malformed"))
		return
	}
	decls, nested := css.Declarations(r.Block.Kids)
	for _, n := range nested {
		s.remove(n.Off, "@"+n.At, "page-margin boxes are not supported")
	}
	allowed := cssProperties
	if r.At == "font-face" {
		allowed = fontDescriptors
	}
	writeBlock(b, head, s.declarations(decls, allowed))
}

// namespaceRule keeps @namespace [prefix] "uri": it names, it loads
// nothing.
func (s *cssSanitizer) namespaceRule(b *strings.Builder, r css.Rule) {
	p := css.TrimWhitespace(r.Prelude)
	if len(p) > 0 && p[0].Tok.Kind == css.Ident {
		p = css.TrimWhitespace(p[1:])
	}
	if r.Block != nil || len(p) != 1 || !namespaceName(p[0]) {
		s.remove(r.Off, "@namespace", "it is malformed")
		return
	}
	b.WriteString("@namespace " + css.Text(css.TrimWhitespace(r.Prelude)) + ";\n")
}

// namespaceName reports whether n is a string or a url(): a namespace
// name.
func namespaceName(n css.Node) bool {
	switch t := n.Tok; {
	case t.Kind == css.String, t.Kind == css.URL:
		return true
	case t.Kind == css.Function && strings.EqualFold(t.Val, "url"):
		args := css.TrimWhitespace(n.Kids)
		return len(args) == 1 && args[0].Tok.Kind == css.String
	}
	return false
}

// preludeProblem checks a selector or a condition: names, punctuation,
// strings and numbers only, and the functions named in funcs.
func (s *cssSanitizer) preludeProblem(nodes []css.Node, funcs map[string]bool) string {
	for _, n := range nodes {
		t := n.Tok
		switch {
		case n.TooDeep:
			return "it nests too deep"
		case t.Kind == css.URL, t.Kind == css.Function && strings.EqualFold(t.Val, "url"):
			return "it names a url()"
		case t.Kind == css.Function && !funcs[strings.ToLower(t.Val)]:
			return t.Val + "() is not allowed here"
		case t.Kind == css.BadString, t.Kind == css.BadURL, t.Kind == css.CDO, t.Kind == css.CDC,
			t.Kind == css.AtKeyword, t.Kind == css.LBrace, t.Kind == css.Semicolon, t.Kind == css.Delim && t.Val == `\`:
			return "it is malformed"
		}
		if why := s.preludeProblem(n.Kids, funcs); why != "" {
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
