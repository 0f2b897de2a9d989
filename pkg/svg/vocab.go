package svg

import (
	"bytes"
	"strings"
)

// The namespaces an SVG file uses.
const (
	// NS is SVG's namespace.
	NS = "http://www.w3.org/2000/svg"
	// XLinkNS is the XLink namespace of SVG 1.1's xlink:href.
	XLinkNS = "http://www.w3.org/1999/xlink"
	// XMLNS is the namespace of xml:space and xml:lang.
	XMLNS = "http://www.w3.org/XML/1998/namespace"
)

// Sniff reports whether data looks like an SVG image: <svg, or an XML
// declaration followed by <svg, in its first 512 bytes. File names lie;
// the bytes decide.
func Sniff(data []byte) bool {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	head = bytes.TrimSpace(head)
	return bytes.HasPrefix(head, []byte("<svg")) || (bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<svg")))
}

// StaticElement reports whether an element of SVG's namespace belongs to
// the static drawing vocabulary: shapes, text, structure, paint servers,
// clipping, masking and filters. Left out are script, foreignObject,
// handler and listener, the animation elements (set, animate and the
// rest, which can rewrite an href), feImage, SVG fonts, cursor, and
// anything unknown. <a> is not in it: the EPUB unwraps links, the PDF
// draws their content.
func StaticElement(local string) bool { return staticElements[local] }

// StaticAttribute reports whether an attribute without a namespace
// belongs to the static vocabulary: core, geometry, presentation, paint
// servers, filters, text. href is in it; what it points to is checked
// apart (LocalRef).
func StaticAttribute(local string) bool { return staticAttrs[local] }

// EditorNamespace reports whether a namespace is one of the metadata that
// drawing programs and RDF write, which no viewer shows: leaving it out
// changes nothing a reader sees.
func EditorNamespace(ns string) bool {
	for _, s := range []string{"inkscape", "sodipodi", "adobe.com", "purl.org/dc", "creativecommons",
		"www.w3.org/1999/02/22-rdf-syntax-ns", "bohemiancoding", "sketch", "figma"} {
		if strings.Contains(ns, s) {
			return true
		}
	}
	return false
}

// LocalRef reports whether an address points into the image itself (a
// fragment, "#id"), the only references either writer follows.
func LocalRef(u string) bool {
	_, ok := refID(u)
	return ok
}

// refID returns the id a local reference names.
func refID(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if len(u) > 1 && u[0] == '#' && !strings.ContainsAny(u, "()\"'\\ ") {
		return u[1:], true
	}
	return "", false
}

// StandardDoctype reports whether a DOCTYPE (the text of an
// xml.Directive) only names SVG 1.0 or 1.1, which drawing programs write
// and which holds no declarations.
func StandardDoctype(d string) bool {
	return strings.HasPrefix(d, "DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.") && !strings.Contains(d, "[")
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var staticElements = set("svg", "g", "defs", "desc", "title", "symbol", "use", "switch",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
	"linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "style",
	"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
	"feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
	"feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
	"feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence")

var staticAttrs = set("id", "class", "style", "lang", "tabindex", "version", "baseProfile", "viewBox",
	"preserveAspectRatio", "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "fx", "fy", "fr",
	"x1", "y1", "x2", "y2", "points", "d", "pathLength", "transform", "href",
	"alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
	"color-interpolation", "color-interpolation-filters", "color-rendering", "direction", "display",
	"dominant-baseline", "fill", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity",
	"font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant",
	"font-weight", "image-rendering", "letter-spacing", "lighting-color", "marker-end", "marker-mid",
	"marker-start", "mask", "opacity", "overflow", "paint-order", "shape-rendering", "stop-color",
	"stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
	"text-decoration", "text-rendering", "transform-origin", "unicode-bidi", "vector-effect",
	"visibility", "word-spacing", "writing-mode",
	"gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits",
	"patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
	"markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
	"filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "dx", "dy", "mode",
	"operator", "k1", "k2", "k3", "k4", "type", "values", "tableValues", "slope", "intercept",
	"amplitude", "exponent", "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale",
	"xChannelSelector", "yChannelSelector", "radius", "order", "kernelMatrix", "divisor", "bias",
	"targetX", "targetY", "edgeMode", "preserveAlpha", "surfaceScale", "diffuseConstant",
	"specularConstant", "specularExponent", "kernelUnitLength", "azimuth", "elevation", "z",
	"pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
	"textLength", "lengthAdjust", "startOffset", "method", "spacing", "rotate", "side",
	"requiredExtensions", "systemLanguage", "media")
