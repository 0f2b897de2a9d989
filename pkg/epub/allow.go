package epub

// The allow-lists of sanitize.go. Everything not named here is dropped
// (with its content, when the content is not for reading) or unwrapped
// (its content kept).

// flowElements are kept as they are in flow content, the content of body,
// div, section, li and the like.
var flowElements = set("address", "article", "aside", "blockquote", "details", "div", "dl", "figure",
	"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "nav", "ol", "p", "pre", "section",
	"table", "ul", "summary", "figcaption", "li", "dt", "dd", "caption", "colgroup", "col", "thead",
	"tbody", "tfoot", "tr", "td", "th")

// phrasingElements are kept anywhere, in running text too.
var phrasingElements = set("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i",
	"img", "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
	"sup", "time", "u", "var", "wbr")

// phrasingOnly are elements whose content must be phrasing content: a div
// inside them is invalid XHTML, so block elements found there become spans.
var phrasingOnly = set("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "span", "em", "strong", "b", "i",
	"u", "s", "small", "code", "sub", "sup", "mark", "q", "cite", "abbr", "dfn", "kbd", "samp", "var",
	"time", "bdi", "bdo", "ruby", "rt", "rp", "summary", "caption", "dt")

// Elements that go with everything inside them are markdown.HiddenElement:
// the PDF leaves out the same ones.

// warnDropped are the dropped elements worth a warning: the author put
// them there on purpose and the reader will miss them. A <style> is worth
// a note only: it changed how the blog's page looked, not what it says
// (Jupyter writes one before every pandas DataFrame).
var warnDropped = set("script", "iframe", "object", "embed", "applet", "form", "video", "audio",
	"canvas", "svg", "math", "frame", "frameset")

// renamed maps presentational or obsolete elements to a kept element and a
// class that the stylesheet styles like the original.
var renamed = map[string][2]string{
	"center":  {"div", "center"},
	"font":    {"span", ""},
	"big":     {"span", "big"},
	"tt":      {"code", ""},
	"strike":  {"s", ""},
	"main":    {"div", ""},
	"xmp":     {"pre", ""},
	"listing": {"pre", ""},
	"marquee": {"span", ""},
	"blink":   {"span", ""},
	"nobr":    {"span", "nowrap"},
}

// voidElements have no end tag; XHTML writes them self-closed.
var voidElements = set("br", "hr", "img", "wbr", "col", "input")

// globalAttrs are the attributes every element kept may have.
var globalAttrs = set("id", "class", "title", "lang", "dir", "style", "epub:type")

// elementAttrs lists, per element, the attributes kept besides the global
// ones (id, class, title, lang, dir, style, epub:type).
var elementAttrs = map[string]map[string]bool{
	"a":        set("href"),
	"img":      set("src", "alt"),
	"td":       set("colspan", "rowspan"),
	"th":       set("colspan", "rowspan", "scope"),
	"ol":       set("start", "reversed"),
	"li":       set("value"),
	"col":      set("span"),
	"colgroup": set("span"),
	"time":     set("datetime"),
	"details":  set("open"),
	"nav":      set("hidden"),
}

// epubTypes are the epub:type values this package writes; others, from raw
// HTML, are dropped rather than checked against the vocabulary.
var epubTypes = set("chapter", "part", "titlepage", "cover", "footnote", "footnotes", "noteref",
	"toc", "landmarks", "bodymatter", "frontmatter")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// closesP are the elements whose start tag ends an open paragraph in HTML.
var closesP = set("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
	"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main",
	"menu", "nav", "ol", "p", "pre", "section", "table", "ul", "center", "listing", "xmp", "summary")

// tableParts are the elements of a table's structure, which hold nothing
// but other parts: what a post writes there goes before the table.
var tableParts = set("table", "thead", "tbody", "tfoot", "tr", "colgroup")

// tablePart reports whether an element exists only inside a table.
func tablePart(name string) bool {
	switch name {
	case "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th":
		return true
	}
	return false
}

// tableChild reports whether child may stand directly in parent, a part
// of a table's structure.
func tableChild(parent, child string) bool {
	switch parent {
	case "table":
		return child == "caption" || child == "colgroup" || child == "thead" || child == "tbody" || child == "tfoot"
	case "thead", "tbody", "tfoot":
		return child == "tr"
	case "tr":
		return child == "td" || child == "th"
	case "colgroup":
		return child == "col"
	}
	return false
}

// required reports whether parent is useless without child, so that
// child opens even a little past maxDepth.
func required(parent, child string) bool {
	switch parent {
	case "ul", "ol":
		return child == "li"
	case "dl":
		return child == "dt" || child == "dd"
	case "details":
		return child == "summary"
	}
	return tableChild(parent, child)
}
