package svg

import (
	"errors"
	"sort"
	"strings"
)

// Options are the settings of Parse.
type Options struct {
	// Limits bound the work; the zero value means DefaultLimits.
	Limits Limits
	// Lang is the book's language (BCP 47, such as "ko"): a <switch>
	// draws the first child whose systemLanguage names it.
	Lang string
}

// Parse reads an SVG image into a Drawing.
//
// The viewport, the image's intrinsic size, comes from the root's width
// and height in CSS pixels (px at 96 to the inch, pt, pc, mm, cm, in, em
// of 16 px); a missing or percentage side follows from the other through
// the viewBox's proportions, and with neither side the viewBox is the
// size at one pixel per unit; without a viewBox either, 300 × 150, as
// browsers size such an image. The viewBox is mapped onto the viewport as
// preserveAspectRatio says.
//
// Drawn: g, a, nested svg, path (every command, arcs as cubic curves),
// rect (rounded), circle, ellipse, line, polyline, polygon, use of local
// elements and symbols, switch (the first child it can draw), text and
// tspan; transforms; fill, stroke and their properties, opacity (a
// group's multiplied into its items), colours by name, hex, rgb(), hsl()
// and currentColor, from presentation attributes, style attributes and
// <style> rules of type, class and id selectors. Gradients are drawn in
// their average colour. Everything else the image asks for is left out
// and named in Drawing.Skipped; a reference to another file or the
// network is never followed.
//
// An error is either the file's (not XML, no <svg> root, no size), or a
// *LimitError when the image passes one of opt.Limits.
func Parse(data []byte, opt Options) (*Drawing, error) {
	lim := opt.Limits
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	doc, err := readTree(data, lim)
	if err != nil {
		return nil, err
	}
	b := &budget{lim: lim}
	doc.cascade(b)
	if b.over != nil {
		return nil, b.over
	}
	r := &renderer{doc: doc, b: b, lang: opt.Lang, active: map[*node]bool{}}
	d, err := r.root()
	switch {
	case b.over != nil:
		return nil, b.over
	case err != nil:
		return nil, err
	}
	for s := range doc.skipped {
		d.Skipped = append(d.Skipped, s)
	}
	sort.Strings(d.Skipped)
	return d, nil
}

// renderer walks the document and collects what it draws.
type renderer struct {
	doc   *document
	b     *budget
	lang  string
	items []Item
	// active holds the elements a <use> is drawing, so that one that
	// refers to itself, directly or not, stops.
	active map[*node]bool
	// clips are the clipping regions around the element being drawn
	// (clip.go).
	clips []Clip
}

// sideKind is how the root gives one side of its size.
type sideKind uint8

const (
	sideAuto sideKind = iota
	sideAbsolute
	sidePercent
)

// rootSide reads the root's width or height.
func rootSide(v string, fontSize float64) (float64, sideKind) {
	l, ok := parseLength(v)
	switch {
	case !ok || l.v < 0:
		return 0, sideAuto
	case l.unit == "%":
		return l.v / 100, sidePercent
	}
	return l.toPx(fontSize, viewport{}, axisX), sideAbsolute
}

// root sizes the viewport and draws the root's content.
func (r *renderer) root() (*Drawing, error) {
	n := r.doc.root
	st := r.computeStyle(n, initialStyle(), viewport{300, 150})
	w, wk := rootSide(n.attrs["width"], st.fontSize)
	h, hk := rootSide(n.attrs["height"], st.fontSize)
	vb, hasVB := parseViewBox(n.attrs["viewBox"])
	d := &Drawing{}
	if wk == sidePercent {
		d.RelWidth = w
	}
	switch {
	case wk == sideAbsolute && hk == sideAbsolute:
	case wk == sideAbsolute && hasVB:
		h = float64(w*vb.h) / vb.w
	case wk == sideAbsolute:
		h = 150
	case hk == sideAbsolute && hasVB:
		w = float64(h*vb.w) / vb.h
	case hk == sideAbsolute:
		w = 300
	case hasVB:
		w, h = vb.w, vb.h
	default:
		w, h = 300, 150
	}
	if !(w > 0 && h > 0) || w > maxNumber || h > maxNumber {
		return nil, errors.New("the image has no size (its width or height is zero)")
	}
	d.Width, d.Height = w, h
	m, vp := Identity, viewport{w, h}
	if t, ok := n.decls["transform"]; ok {
		if tm, ok := parseTransform(t); ok {
			m = tm
		}
	}
	if hasVB {
		m, vp = m.Mul(viewBoxTransform(vb, w, h, n.attrs["preserveAspectRatio"])), viewport{vb.w, vb.h}
	}
	if strings.TrimSpace(n.decls["display"]) != "none" {
		r.unsupported(n)
		if pop, draw := r.clipPath(n, st, m, vp); draw {
			r.children(n, st, m, vp, 1)
			pop()
		}
	}
	d.Items = r.items
	return d, nil
}

// box is a viewBox.
type box struct{ x, y, w, h float64 }

// parseViewBox reads "min-x min-y width height"; a box without area
// turns the viewBox off (SVG draws nothing then; we draw as without).
func parseViewBox(v string) (box, bool) {
	n, ok := parseNumbers(v)
	if !ok || len(n) != 4 || n[2] <= 0 || n[3] <= 0 {
		return box{}, false
	}
	return box{n[0], n[1], n[2], n[3]}, true
}

// viewBoxTransform maps a viewBox onto a viewport of w × h as
// preserveAspectRatio says (SVG 1.1, 7.8): "none" stretches, the others
// scale uniformly to fit (meet, the default) or to cover (slice) and
// align.
func viewBoxTransform(vb box, w, h float64, par string) Matrix {
	sx, sy := w/vb.w, h/vb.h
	fields := strings.Fields(par)
	if len(fields) > 0 && fields[0] == "defer" {
		fields = fields[1:]
	}
	align, slice := "xMidYMid", false
	if len(fields) > 0 {
		align = fields[0]
	}
	if len(fields) > 1 && fields[1] == "slice" {
		slice = true
	}
	if align == "none" {
		return scale(sx, sy).Mul(translate(-vb.x, -vb.y))
	}
	s := min(sx, sy)
	if slice {
		s = max(sx, sy)
	}
	tx, ty := -float64(vb.x*s), -float64(vb.y*s)
	free := func(avail, used float64, pos string) float64 {
		switch pos {
		case "Mid":
			return (avail - used) / 2
		case "Max":
			return avail - used
		}
		return 0
	}
	if len(align) == 8 && align[0] == 'x' && align[4] == 'Y' {
		tx += free(w, float64(vb.w*s), align[1:4])
		ty += free(h, float64(vb.h*s), align[5:8])
	} else {
		tx += free(w, float64(vb.w*s), "Mid")
		ty += free(h, float64(vb.h*s), "Mid")
	}
	return Matrix{A: s, D: s, E: tx, F: ty}
}

// children draws an element's children.
func (r *renderer) children(n *node, st style, m Matrix, vp viewport, depth int) {
	for _, k := range n.kids {
		if r.b.exhausted() {
			return
		}
		r.element(k, st, m, vp, depth)
	}
}

// notDrawn are the elements that draw nothing where they stand: they are
// drawn through a reference, describe, or are read by others.
var notDrawn = set("defs", "title", "desc", "metadata", "symbol", "clipPath", "mask", "marker",
	"linearGradient", "radialGradient", "stop", "style", "filter", "pattern")

// element draws one element and what it holds.
func (r *renderer) element(n *node, parent style, m Matrix, vp viewport, depth int) {
	switch {
	case n.name == "" && n.ns != "":
		if !EditorNamespace(n.ns) {
			r.doc.skip("elements of other namespaces")
		}
		return
	case n.name == "" || notDrawn[n.name]:
		return
	case depth > r.b.lim.Depth:
		r.b.fail("levels of nesting", r.b.lim.Depth)
		return
	case !r.b.instance():
		return
	case strings.TrimSpace(strings.ToLower(n.decls["display"])) == "none":
		return
	}
	st := r.computeStyle(n, parent, vp)
	if t, ok := n.decls["transform"]; ok {
		if tm, ok := parseTransform(t); ok {
			m = m.Mul(tm)
		}
	}
	r.unsupported(n)
	pop, draw := r.clipPath(n, st, m, vp)
	if !draw {
		return
	}
	defer pop()
	switch n.name {
	case "g", "a":
		r.children(n, st, m, vp, depth+1)
	case "svg":
		r.nested(n, nil, st, m, vp, depth)
	case "use":
		r.use(n, st, m, vp, depth)
	case "switch":
		r.switchChild(n, st, m, vp, depth)
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
		r.shape(n, st, m, vp)
	case "text":
		r.text(n, st, m, vp)
	default:
		r.doc.skip("<" + n.name + ">")
	}
}

// unsupported names the properties of n that the drawing ignores.
func (r *renderer) unsupported(n *node) {
	for _, p := range [...]string{"mask", "filter"} {
		if v := strings.TrimSpace(strings.ToLower(n.decls[p])); v != "" && v != "none" {
			r.doc.skip(p)
		}
	}
}

// nested draws an <svg> inside the image (or one a <use> refers to, whose
// width and height then win): a new viewport at x, y, with its own
// viewBox, which clips its content unless its overflow is visible.
func (r *renderer) nested(n, use *node, st style, m Matrix, vp viewport, depth int) {
	x := r.lengthAttr(n, "x", st, vp, axisX, 0)
	y := r.lengthAttr(n, "y", st, vp, axisY, 0)
	size := func(name string, ax axis) float64 {
		if use != nil {
			if _, ok := use.attrs[name]; ok {
				return r.lengthAttr(use, name, st, vp, ax, 0)
			}
		}
		return r.lengthAttr(n, name, st, vp, ax, vp.along(ax))
	}
	w, h := size("width", axisX), size("height", axisY)
	if !(w > 0 && h > 0) {
		return
	}
	m = m.Mul(translate(x, y))
	pop, draw := r.viewportClip(n, m, w, h)
	if !draw {
		return
	}
	defer pop()
	inner := viewport{w, h}
	if vb, ok := parseViewBox(n.attrs["viewBox"]); ok {
		m, inner = m.Mul(viewBoxTransform(vb, w, h, n.attrs["preserveAspectRatio"])), viewport{vb.w, vb.h}
	}
	r.children(n, st, m, inner, depth+1)
}

// lengthAttr reads a length attribute in user units, or def when it is
// missing or does not read.
func (r *renderer) lengthAttr(n *node, name string, st style, vp viewport, ax axis, def float64) float64 {
	l, ok := parseLength(n.attrs[name])
	if !ok {
		return def
	}
	return l.toPx(st.fontSize, vp, ax)
}

// use draws the element a <use> refers to, as a copy in the <use>'s
// place: moved by its x and y, inheriting the <use>'s style. Only
// elements of the image itself are used; one already being drawn through
// a <use> (a loop) is not drawn again.
func (r *renderer) use(n *node, st style, m Matrix, vp viewport, depth int) {
	href := n.attrs["href"]
	if strings.TrimSpace(href) == "" {
		return
	}
	id, ok := refID(href)
	if !ok {
		r.doc.skip("references to other files (never fetched)")
		return
	}
	t := r.doc.ids[id]
	if t == nil {
		return
	}
	if r.active[t] || t == n || isAncestor(t, n) {
		r.doc.skip("a <use> that refers to itself")
		return
	}
	x := r.lengthAttr(n, "x", st, vp, axisX, 0)
	y := r.lengthAttr(n, "y", st, vp, axisY, 0)
	m = m.Mul(translate(x, y))
	r.active[t] = true
	defer delete(r.active, t)
	switch t.name {
	case "symbol":
		r.symbol(t, n, st, m, vp, depth+1)
	case "svg":
		if r.b.instance() {
			r.nested(t, n, r.computeStyle(t, st, vp), m, vp, depth+1)
		}
	default:
		r.element(t, st, m, vp, depth+1)
	}
}

func isAncestor(a, n *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		if p == a {
			return true
		}
	}
	return false
}

// symbol draws a <symbol> through a <use>: a viewport of the use's width
// and height (all of the current one without them) with the symbol's
// viewBox, which clips unless its overflow is visible.
func (r *renderer) symbol(t, use *node, parent style, m Matrix, vp viewport, depth int) {
	if depth > r.b.lim.Depth {
		r.b.fail("levels of nesting", r.b.lim.Depth)
		return
	}
	if !r.b.instance() || strings.TrimSpace(strings.ToLower(t.decls["display"])) == "none" {
		return
	}
	st := r.computeStyle(t, parent, vp)
	r.unsupported(t)
	w := r.lengthAttr(use, "width", st, vp, axisX, vp.w)
	h := r.lengthAttr(use, "height", st, vp, axisY, vp.h)
	if !(w > 0 && h > 0) {
		return
	}
	pop, draw := r.clipPath(t, st, m, vp)
	if !draw {
		return
	}
	defer pop()
	pop2, draw := r.viewportClip(t, m, w, h)
	if !draw {
		return
	}
	defer pop2()
	inner := vp
	if vb, ok := parseViewBox(t.attrs["viewBox"]); ok {
		m, inner = m.Mul(viewBoxTransform(vb, w, h, t.attrs["preserveAspectRatio"])), viewport{vb.w, vb.h}
	}
	r.children(t, st, m, inner, depth+1)
}

// switchChild draws the first child of a <switch> that it can draw and
// whose conditions hold: no requiredExtensions (none is supported), a
// systemLanguage that names the book's language. requiredFeatures is
// true, as in SVG 2 and browsers. A foreignObject cannot be drawn, so
// the text that drawing programs put after it (draw.io's labels) is.
func (r *renderer) switchChild(n *node, st style, m Matrix, vp viewport, depth int) {
	foreign := false
	for _, k := range n.kids {
		switch {
		case k.name == "" || notDrawn[k.name]:
			continue
		case k.name == "foreignObject":
			foreign = true
			continue
		case !StaticElement(k.name) && k.name != "a":
			continue
		case strings.TrimSpace(k.attrs["requiredExtensions"]) != "":
			continue
		}
		if langs, ok := k.attrs["systemLanguage"]; ok && !r.langMatch(langs) {
			continue
		}
		r.element(k, st, m, vp, depth+1)
		return
	}
	if foreign {
		r.doc.skip("<foreignObject>")
	}
}

// langMatch reports whether a systemLanguage list names the book's
// language (its primary subtag: "ko" matches "ko-KR").
func (r *renderer) langMatch(list string) bool {
	want, _, _ := strings.Cut(strings.ToLower(r.lang), "-")
	for _, l := range strings.Split(list, ",") {
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(l)), "-")
		if primary != "" && primary == want {
			return true
		}
	}
	return false
}
