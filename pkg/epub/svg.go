package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hangul-press/publish/internal/css"
	"github.com/hangul-press/publish/pkg/svg"
)

// SVG images are XML that can hold scripts, event handlers, animations
// that rewrite links, stylesheets that import others, and references that
// make a reader fetch from the network. sanitizeSVG reads an image with
// pkg/svg's Decoder (the one set of XML rules for SVG: entities other
// than XML's five are an error, so an entity declared in a DTD cannot be
// used, and no DTD is ever fetched), and writes back only what pkg/svg's
// static vocabulary names, in a canonical form: elements of SVG's static
// drawing vocabulary, their presentation and geometry attributes,
// references only to fragments of the image itself (svg.LocalRef; and,
// for <image>, data: URLs of core image types), and stylesheets through
// the CSS sanitiser. Removing the metadata that drawing programs leave
// (Inkscape's, Illustrator's, RDF) changes nothing a reader sees and is
// not reported; every other removal is.

// maxSVGDepth bounds how deep an image's elements nest; deeper ones are
// removed.
const maxSVGDepth = 256

// svgCleaner is one sanitising run.
type svgCleaner struct {
	out     bytes.Buffer
	removed map[string]bool
	// stack holds, per open element, what becomes of it; skip counts
	// the open elements being left out with their content.
	stack []svgFate
	skip  int
	// style is true inside a <style> element, whose text is collected.
	style     bool
	styleText strings.Builder
	// d reads the file; a root without a namespace is read as SVG and
	// written with the namespace it lacked.
	d *svg.Decoder
}

// svgFate is what becomes of an element.
type svgFate uint8

const (
	svgWritten svgFate = iota
	svgUnwrapped
	svgDropped
)

// sanitizeSVG returns the cleaned image and what was removed (sorted,
// once each), or an error when the data is not an SVG image at all.
func sanitizeSVG(data []byte) ([]byte, []string, error) {
	c := &svgCleaner{removed: map[string]bool{}, d: svg.NewDecoder(data)}
	c.out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	for {
		tok, err := c.d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		c.token(tok)
	}
	var removed []string
	for r := range c.removed {
		removed = append(removed, r)
	}
	sort.Strings(removed)
	return c.out.Bytes(), removed, nil
}

func (c *svgCleaner) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		c.start(t)
	case xml.EndElement:
		c.end(t)
	case xml.CharData:
		c.text(string(t))
	case xml.Directive:
		if c.skip == 0 && !svg.StandardDoctype(string(t)) {
			c.removed["a DTD"] = true
		}
	case xml.ProcInst:
		if t.Target != "xml" {
			c.removed["the processing instruction <?"+t.Target+"?>"] = true
		}
	}
}

func (c *svgCleaner) start(t xml.StartElement) {
	keep := c.skip == 0 && c.keepElement(t.Name)
	if keep && len(c.stack) >= maxSVGDepth {
		keep = false
		c.removed[fmt.Sprintf("elements nested deeper than %d", maxSVGDepth)] = true
	}
	switch {
	case keep && t.Name.Local == "a":
		// A link in an image cannot be followed (EPUBCheck also rejects
		// one to a fragment of the image): its content stays.
		c.stack = append(c.stack, svgUnwrapped)
		return
	case !keep:
		c.stack = append(c.stack, svgDropped)
		c.skip++
		return
	}
	c.stack = append(c.stack, svgWritten)
	c.out.WriteString("<" + t.Name.Local)
	if len(c.stack) == 1 {
		c.out.WriteString(` xmlns="` + svg.NS + `" xmlns:xlink="` + svg.XLinkNS + `"`)
	}
	for _, a := range t.Attr {
		c.attr(t.Name.Local, a)
	}
	c.out.WriteString(">")
	c.style = t.Name.Local == "style"
}

// keepElement decides about an element and notes what it removes.
func (c *svgCleaner) keepElement(n xml.Name) bool {
	switch {
	case c.style:
		c.removed["<"+n.Local+"> inside <style>"] = true
	case c.d.InSVG(n):
		switch {
		case svg.StaticElement(n.Local) || n.Local == "a":
			return true
		case n.Local == "metadata":
			return false
		}
		c.removed["<"+n.Local+">"] = true
	case !svg.EditorNamespace(n.Space):
		c.removed["<"+n.Local+"> of "+n.Space] = true
	}
	return false
}

func (c *svgCleaner) end(t xml.EndElement) {
	fate := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	switch fate {
	case svgDropped:
		c.skip--
		return
	case svgUnwrapped:
		return
	}
	if c.style {
		css, removed := sanitizeStylesheet(c.styleText.String(), svg.LocalRef)
		for _, r := range removed {
			c.removed["style "+r.what+" ("+r.why+")"] = true
		}
		xml.EscapeText(&c.out, []byte(css))
		c.style = false
		c.styleText.Reset()
	}
	c.out.WriteString("</" + t.Name.Local + ">")
}

func (c *svgCleaner) text(s string) {
	switch {
	case c.skip > 0 || len(c.stack) == 0:
	case c.style:
		c.styleText.WriteString(s)
	default:
		_ = xml.EscapeText(&c.out, []byte(s))
	}
}

// attr writes an attribute that the allow-list keeps, cleaned.
func (c *svgCleaner) attr(elem string, a xml.Attr) {
	name, ok := c.attrName(a.Name)
	if !ok {
		return
	}
	v := a.Value
	switch {
	case strings.HasPrefix(strings.ToLower(a.Name.Local), "on"):
		c.removed["the event handler "+a.Name.Local] = true
		return
	case name == "href" || name == "xlink:href":
		if !svg.LocalRef(v) && !(elem == "image" && dataImage(v)) {
			c.removed[name+"="+shorten(v)] = true
			return
		}
	case name == "style":
		kept, removed := sanitizeStyle(v, svg.LocalRef)
		for _, r := range removed {
			c.removed["style "+r.what+" ("+r.why+")"] = true
		}
		if len(kept) == 0 {
			return
		}
		v = strings.Join(kept, "; ")
	case strings.Contains(strings.ToLower(v), "url"):
		if why := urlsProblem(v); why != "" {
			c.removed[name+"="+shorten(v)] = true
			return
		}
	}
	c.out.WriteString(" " + name + `="`)
	escapeXMLAttr(&c.out, v)
	c.out.WriteString(`"`)
}

// attrName returns the name an attribute is written with, or false when
// it is left out: namespace declarations (the root declares what is
// needed), attributes outside the allow-list, and those of editors.
func (c *svgCleaner) attrName(n xml.Name) (string, bool) {
	switch n.Space {
	case "":
		if n.Local == "xmlns" {
			return "", false
		}
		if svg.StaticAttribute(n.Local) {
			return n.Local, true
		}
		if strings.HasPrefix(strings.ToLower(n.Local), "on") {
			return n.Local, true // reported by attr
		}
		c.removed["the attribute "+n.Local] = true
	case "xmlns":
	case svg.XLinkNS, "xlink":
		if n.Local == "href" {
			return "xlink:href", true
		}
		c.removed["the attribute xlink:"+n.Local] = true
	case svg.XMLNS, "xml":
		if n.Local == "space" || n.Local == "lang" {
			return "xml:" + n.Local, true
		}
	default:
		if n.Local == "xmlns" || svg.EditorNamespace(n.Space) {
			return "", false
		}
		c.removed["the attribute "+n.Local+" of "+n.Space] = true
	}
	return "", false
}

// dataImage reports whether an address is a data: URL of a PNG, JPEG or
// GIF, which loads nothing.
func dataImage(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	for _, t := range []string{"data:image/png;", "data:image/jpeg;", "data:image/gif;"} {
		if strings.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

// urlsProblem checks the url()s of a presentation attribute (fill,
// filter, clip-path, marker-start…): only fragments of the image.
func urlsProblem(v string) string {
	s := &cssSanitizer{resource: svg.LocalRef}
	nodes := css.NewParser(css.Tokens(v)).Components()
	return s.urlsOnlyProblem(nodes)
}

// urlsOnlyProblem is valueProblem restricted to url()s and malformed
// tokens: presentation attributes hold no other functions that load.
func (s *cssSanitizer) urlsOnlyProblem(nodes []css.Node) string {
	for _, n := range nodes {
		t := n.Tok
		switch {
		case n.TooDeep, t.Kind == css.BadURL:
			return "malformed"
		case t.Kind == css.URL:
			if why := s.urlProblem(t.Val); why != "" {
				return why
			}
		case t.Kind == css.Function && (strings.EqualFold(t.Val, "url") || !cssFunctions[unprefixed(strings.ToLower(t.Val))]):
			return s.nodeProblem(n)
		}
		if why := s.urlsOnlyProblem(n.Kids); why != "" {
			return why
		}
	}
	return ""
}

func shorten(v string) string {
	if len(v) > 60 {
		v = v[:57] + "…"
	}
	return strings.ToValidUTF8(v, "")
}

// escapeXMLAttr writes an attribute value as the serializer writes one
// (attrEscaper: white space characters other than the space as
// references, so that they read back the same).
func escapeXMLAttr(b *bytes.Buffer, v string) {
	_, _ = attrEscaper.WriteString(b, xmlText(v))
}
