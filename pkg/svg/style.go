package svg

import (
	"strings"
)

// style is the computed style of an element where it is drawn.
type style struct {
	fill, stroke               paintSpec
	fillOpacity, strokeOpacity float64
	evenOdd                    bool
	strokeWidth                length
	cap                        Cap
	join                       Join
	miterLimit                 float64
	dash                       []length // nil: solid; "none"
	dashOffset                 length
	color                      Color
	visible                    bool
	family                     Family
	bold                       bool
	fontSize                   float64 // px in user units
	anchor                     Anchor
	baseline                   string // dominant-baseline, lower case
	preserve                   bool   // xml:space="preserve"
	clipRule                   string // clip-rule, as declared
	// opacity is the product of the opacity of the element and of every
	// group around it: not inherited in CSS, but a group's opacity
	// reaches everything in it (drawn here as each item's own).
	opacity float64
	// markers are set when marker-start, -mid or -end names a marker.
	markers [3]bool
}

// paintSpec is a fill or stroke as declared: none, a colour,
// currentColor, or a reference with a fallback colour.
type paintSpec struct {
	kind     paintKind
	color    Color
	alpha    float64
	ref      string // the id of a url(#id)
	fallback *paintSpec
}

type paintKind uint8

const (
	paintNone paintKind = iota
	paintColor
	paintCurrent
	paintRef
)

// initialStyle is the root's style before its own declarations: black
// fill, no stroke, 16 px sans.
func initialStyle() style {
	return style{
		fill:        paintSpec{kind: paintColor, alpha: 1},
		fillOpacity: 1, strokeOpacity: 1,
		strokeWidth: length{1, ""}, miterLimit: 4,
		visible: true, fontSize: defaultFontSize, opacity: 1,
	}
}

// computeStyle makes n's style from its parent's and its own
// declarations. Properties that do not inherit start from their initial
// values (they are read straight from n.decls where used); values that do
// not read are ignored, as browsers ignore invalid declarations.
func (r *renderer) computeStyle(n *node, parent style, vp viewport) style {
	s := parent
	d := n.decls
	if v, ok := d["color"]; ok && v != "inherit" {
		if c, a, ok := parseColor(v); ok && a > 0 {
			s.color = c
		}
	}
	if v, ok := d["font-size"]; ok && v != "inherit" {
		if fs, ok := fontSize(v); ok {
			s.fontSize = fs.resolve(parent.fontSize, vp)
		}
	}
	for _, name := range [...]string{"fill", "stroke"} {
		v, ok := d[name]
		if !ok || v == "inherit" {
			continue
		}
		if p, ok := parsePaint(v); ok {
			if name == "fill" {
				s.fill = p
			} else {
				s.stroke = p
			}
		}
	}
	r.computeNumbers(&s, d)
	r.computeStroke(&s, d, vp)
	r.computeText(&s, d)
	if v, ok := d["opacity"]; ok {
		if o, ok := opacityValue(v); ok {
			s.opacity = float64(parent.opacity * o)
		}
	}
	for i, m := range [...]string{"marker-start", "marker-mid", "marker-end"} {
		if v, ok := d[m]; ok && v != "inherit" {
			s.markers[i] = strings.TrimSpace(strings.ToLower(v)) != "none"
		}
	}
	return s
}

// computeNumbers sets the opacities, the fill rule and visibility.
func (r *renderer) computeNumbers(s *style, d map[string]string) {
	if o, ok := opacityValue(d["fill-opacity"]); ok {
		s.fillOpacity = o
	}
	if o, ok := opacityValue(d["stroke-opacity"]); ok {
		s.strokeOpacity = o
	}
	switch strings.ToLower(d["fill-rule"]) {
	case "evenodd":
		s.evenOdd = true
	case "nonzero":
		s.evenOdd = false
	}
	if v, ok := d["clip-rule"]; ok && v != "inherit" {
		s.clipRule = v
	}
	switch strings.ToLower(d["visibility"]) {
	case "hidden", "collapse":
		s.visible = false
	case "visible":
		s.visible = true
	}
}

// computeStroke sets the stroke's width, caps, joins and dashes.
func (r *renderer) computeStroke(s *style, d map[string]string, vp viewport) {
	if l, ok := parseLength(d["stroke-width"]); ok && l.v >= 0 {
		s.strokeWidth = l.emToPx(s.fontSize)
	}
	switch strings.ToLower(d["stroke-linecap"]) {
	case "butt":
		s.cap = ButtCap
	case "round":
		s.cap = RoundCap
	case "square":
		s.cap = SquareCap
	}
	switch strings.ToLower(d["stroke-linejoin"]) {
	case "miter", "miter-clip", "arcs":
		s.join = MiterJoin
	case "round":
		s.join = RoundJoin
	case "bevel":
		s.join = BevelJoin
	}
	if v, ok := parseNumber(d["stroke-miterlimit"]); ok && v >= 1 {
		s.miterLimit = v
	}
	if v, ok := d["stroke-dasharray"]; ok && v != "inherit" {
		if strings.TrimSpace(strings.ToLower(v)) == "none" {
			s.dash = nil
		} else if ls, ok := parseLengths(v); ok {
			for i := range ls {
				ls[i] = ls[i].emToPx(s.fontSize)
			}
			s.dash = ls
		}
	}
	if l, ok := parseLength(d["stroke-dashoffset"]); ok {
		s.dashOffset = l.emToPx(s.fontSize)
	}
}

// emToPx resolves em, ex and rem where a length is declared (CSS
// computes them there; percentages stay relative).
func (l length) emToPx(fontSize float64) length {
	switch l.unit {
	case "em", "ex", "rem":
		return length{l.toPx(fontSize, viewport{}, axisX), "px"}
	}
	return l
}

// computeText sets the font and text properties.
func (r *renderer) computeText(s *style, d map[string]string) {
	if v, ok := d["font-family"]; ok && v != "inherit" {
		s.family = familyOf(v)
	}
	if v, ok := d["font-weight"]; ok && v != "inherit" {
		s.bold = boldWeight(v, s.bold)
	}
	switch strings.ToLower(d["text-anchor"]) {
	case "start":
		s.anchor = AnchorStart
	case "middle":
		s.anchor = AnchorMiddle
	case "end":
		s.anchor = AnchorEnd
	}
	if v, ok := d["dominant-baseline"]; ok && v != "inherit" {
		s.baseline = strings.ToLower(strings.TrimSpace(v))
	}
}

// opacityValue reads an opacity: a number or a percentage, clamped to
// 0..1.
func opacityValue(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	o, ok := channel(v, 1)
	return o, ok
}

// parsePaint reads a fill or stroke value.
func parsePaint(v string) (paintSpec, bool) {
	v = strings.TrimSpace(v)
	lv := strings.ToLower(v)
	switch {
	case lv == "none":
		return paintSpec{kind: paintNone}, true
	case lv == "currentcolor":
		return paintSpec{kind: paintCurrent, alpha: 1}, true
	case strings.HasPrefix(lv, "url("):
		end := strings.IndexByte(v, ')')
		if end < 0 {
			return paintSpec{}, false
		}
		ref := strings.Trim(strings.TrimSpace(v[4:end]), `"'`)
		p := paintSpec{kind: paintRef, ref: ref}
		if rest := strings.TrimSpace(v[end+1:]); rest != "" {
			fb, ok := parsePaint(rest)
			if !ok || fb.kind == paintRef {
				return paintSpec{}, false
			}
			p.fallback = &fb
		}
		return p, true
	}
	c, a, ok := parseColor(v)
	return paintSpec{kind: paintColor, color: c, alpha: a}, ok
}

// fontSizeSpec is a font-size as declared: a length, a percentage or em
// of the parent's size, or a keyword.
type fontSizeSpec struct {
	l        length
	relative float64 // a factor of the parent's size, when not 0
}

// fontSizeKeywords are CSS's absolute size keywords in px.
var fontSizeKeywords = map[string]float64{"xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24, "xx-large": 32, "xxx-large": 48}

// fontSize reads a font-size value.
func fontSize(v string) (fontSizeSpec, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if px, ok := fontSizeKeywords[v]; ok {
		return fontSizeSpec{l: length{px, "px"}}, true
	}
	switch v {
	case "smaller":
		return fontSizeSpec{relative: 1 / 1.2}, true
	case "larger":
		return fontSizeSpec{relative: 1.2}, true
	}
	l, ok := parseLength(v)
	if !ok || l.v < 0 {
		return fontSizeSpec{}, false
	}
	switch l.unit {
	case "%":
		return fontSizeSpec{relative: l.v / 100}, true
	case "em":
		return fontSizeSpec{relative: l.v}, true
	case "ex":
		return fontSizeSpec{relative: l.v / 2}, true
	}
	return fontSizeSpec{l: l}, true
}

// resolve gives the size in px.
func (f fontSizeSpec) resolve(parent float64, vp viewport) float64 {
	if f.relative != 0 {
		return float64(f.relative * parent)
	}
	return f.l.toPx(parent, vp, axisX)
}

// boldWeight reads font-weight: bold from 600 up.
func boldWeight(v string, parentBold bool) bool {
	switch v = strings.ToLower(strings.TrimSpace(v)); v {
	case "bold", "bolder":
		return true
	case "normal", "lighter":
		return false
	}
	if w, ok := parseNumber(v); ok {
		return w >= 600
	}
	return parentBold
}

// familyOf maps a font-family list onto a generic family: the first name
// that says what it is decides (a generic keyword, or a known family's
// name); a list of unknown names is sans-serif, what diagram programs
// almost always ask for.
func familyOf(list string) Family {
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `"'`))
		if f, ok := knownFamily(name); ok {
			return f
		}
	}
	return SansSerif
}

// knownFamily sorts a family name by what it contains.
func knownFamily(name string) (Family, bool) {
	has := func(parts ...string) bool {
		for _, p := range parts {
			if strings.Contains(name, p) {
				return true
			}
		}
		return false
	}
	switch {
	case name == "monospace" || has("mono", "courier", "consolas", "menlo", "code", "coding", "monaco"):
		return Monospace, true
	case name == "sans-serif" || has("sans", "gothic", "arial", "helvetica", "verdana", "tahoma", "trebuchet",
		"segoe", "roboto", "dotum", "gulim", "malgun", "apple sd", "pretendard", "spoqa", "system-ui", "-apple-system"):
		return SansSerif, true
	case name == "serif" || has("serif", "times", "georgia", "batang", "myeongjo", "mincho", "song", "garamond", "palatino", "cambria"):
		return Serif, true
	}
	return SansSerif, false
}
