package epub

import (
	"regexp"
	"strings"

	"github.com/hangul-press/publish/pkg/markdown"
	"golang.org/x/net/html"
)

// attrs returns the attributes of a Markdown node (kramdown attribute
// lists) that element name may keep, cleaned, with presentational
// attributes turned into CSS and class added. An id is left for the tree
// to check.
func (r *renderer) attrs(name, orig string, in []html.Attribute, class string) []html.Attribute {
	return r.cleanAttrs(name, orig, in, class, "")
}

// rawAttrs does what attrs does for a raw tag of the post, and says what
// it removes in messages that start with "raw HTML: ".
func (r *renderer) rawAttrs(name, orig string, in []html.Attribute, class string) []html.Attribute {
	return r.cleanAttrs(name, orig, in, class, "raw HTML: ")
}

func (r *renderer) cleanAttrs(name, orig string, in []html.Attribute, class, prefix string) []html.Attribute {
	var out []html.Attribute
	var style []string
	classes := strings.Fields(class)
	for _, a := range in {
		if a.Namespace != "" {
			continue
		}
		switch k := a.Key; {
		case k == "id":
			out = append(out, a)
		case k == "class":
			classes = append(classes, cleanClasses(a.Val)...)
		case k == "style":
			style = append(style, r.cleanStyle(a.Val, orig, prefix)...)
		case k == "title":
			out = append(out, html.Attribute{Key: "title", Val: xmlText(a.Val)})
		case k == "lang", k == "dir", k == "epub:type":
			out = appendChecked(out, a)
		case strings.HasPrefix(k, "on"):
			r.warnf("%sevent handler %s on <%s> removed", prefix, k, orig)
		case (k == "href" || k == "src") && scriptURL(a.Val):
			r.warnf("%s%s=%s on <%s> removed: scripts do not run in the book", prefix, k, a.Val, orig)
		case k == "href":
			if href, ok := r.hrefAttr(name, a.Val, prefix); ok {
				out = append(out, html.Attribute{Key: "href", Val: href})
			}
		default:
			if decl := presentational(name, orig, a); decl != "" {
				style = append(style, decl)
			} else if elementAttrs[name][k] && k != "src" && k != "alt" {
				out = appendChecked(out, a)
			}
		}
	}
	if name == "details" && !markdown.HasTagAttr(out, "open") {
		// An ebook cannot count on a reader tapping it open.
		out = append(out, html.Attribute{Key: "open", Val: "open"})
	}
	if len(classes) > 0 {
		out = append(out, html.Attribute{Key: "class", Val: strings.Join(classes, " ")})
	}
	if len(style) > 0 {
		out = append(out, html.Attribute{Key: "style", Val: strings.Join(style, "; ")})
	}
	return out
}

// hrefAttr resolves a link's href; a link that leads nowhere the EPUB
// holds keeps only its text.
func (r *renderer) hrefAttr(name, href, prefix string) (string, bool) {
	if name != "a" {
		return "", false
	}
	out, ok := r.p.resolveHref(r.c, href)
	if !ok {
		r.warnf("%s%s; only its text is kept", prefix, nowhere(href))
	}
	return out, ok
}

var (
	langTag   = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)
	digits    = regexp.MustCompile(`^[0-9]{1,6}$`)
	cssLength = regexp.MustCompile(`^[0-9]{1,5}(\.[0-9]+)?(px|%|em|rem)?$`)
	isoDate   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	cssColor  = regexp.MustCompile(`^(#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,20})$`)
)

// classToken reports whether c is a class name of the form
// [A-Za-z_][A-Za-z0-9_-]*: every chroma token is a span with a class, so
// this runs often enough for a regular expression to show in profiles.
func classToken(c string) bool {
	for i := 0; i < len(c); i++ {
		b := c[i]
		letter := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
		if !letter && (i == 0 || !(b >= '0' && b <= '9' || b == '-')) {
			return false
		}
	}
	return c != ""
}

func cleanClasses(v string) []string {
	var out []string
	for _, c := range strings.Fields(v) {
		if classToken(c) {
			out = append(out, c)
		}
	}
	return out
}

// appendChecked keeps an attribute whose value fits what EPUBCheck's
// schema wants of it.
func appendChecked(out []html.Attribute, a html.Attribute) []html.Attribute {
	v := strings.TrimSpace(a.Val)
	ok := false
	switch a.Key {
	case "lang":
		ok = langTag.MatchString(v)
	case "dir":
		ok = v == "ltr" || v == "rtl" || v == "auto"
	case "epub:type":
		ok = epubTypes[v]
	case "colspan", "rowspan", "start", "value", "span":
		ok = digits.MatchString(v) && v != "0"
	case "scope":
		ok = v == "row" || v == "col" || v == "rowgroup" || v == "colgroup"
	case "reversed", "open", "hidden":
		v, ok = a.Key, true
	case "datetime":
		// EPUBCheck checks the format; a plain date is what blogs write.
		ok = isoDate.MatchString(v)
	}
	if !ok {
		return out
	}
	return append(out, html.Attribute{Key: a.Key, Val: v})
}

// presentational turns an HTML 4 presentational attribute into a CSS
// declaration, or returns "" when a is not one.
func presentational(name, orig string, a html.Attribute) string {
	v := strings.ToLower(strings.TrimSpace(a.Val))
	switch a.Key {
	case "width", "height":
		if !cssLength.MatchString(v) {
			return ""
		}
		if digits.MatchString(v) || strings.Contains(v, ".") && !strings.ContainsAny(v, "%emx") {
			v += "px"
		}
		return a.Key + ": " + v
	case "align":
		return alignDecl(name, v)
	case "valign":
		if v == "top" || v == "middle" || v == "bottom" || v == "baseline" {
			return "vertical-align: " + v
		}
	case "bgcolor":
		if cssColor.MatchString(v) {
			return "background-color: " + v
		}
	case "color":
		if orig == "font" && cssColor.MatchString(v) {
			return "color: " + v
		}
	}
	return ""
}

func alignDecl(name, v string) string {
	switch {
	case name == "img" && (v == "left" || v == "right"):
		return "float: " + v
	case name == "table" && v == "center":
		return "margin-left: auto; margin-right: auto"
	case v == "left" || v == "right" || v == "center" || v == "justify":
		return "text-align: " + v
	}
	return ""
}

// cleanStyle keeps the declarations of a style attribute that the CSS
// sanitiser allows, and says what it removes.
func (r *renderer) cleanStyle(style, orig, prefix string) []string {
	kept, removed := sanitizeStyle(style, r.p.packagedFile)
	for _, c := range removed {
		r.warnf("%sstyle %s on <%s> removed: %s", prefix, c.what, orig, c.why)
	}
	return kept
}
