package svg

import (
	"strings"
)

// Clipping. A clip-path property names a <clipPath>; its shapes, placed in
// the user space of the element that refers to it (userSpaceOnUse, the
// default) or in that element's bounding box (objectBoundingBox, for
// shapes), make the region the element and its content are drawn in.
// Regions nest: an element inside a clipped group is drawn within both.
// A clip path of several shapes is their paths together under the
// nonzero rule, which is their union unless they overlap winding in
// opposite directions; one shape keeps its own clip-rule. Text inside a
// clip path, and a clip path on a clip path, are left out and named.
// Nested svg and symbol viewports clip too, as in browsers.

// noClip is what clipPath returns when nothing was pushed.
func noClip() {}

// push adds a region around what is drawn next; the returned function
// takes it away again.
func (r *renderer) push(c Clip) func() {
	r.clips = append(r.clips, c)
	n := len(r.clips)
	return func() { r.clips = r.clips[:n-1] }
}

// clipPath applies an element's clip-path, if any. draw is false when the
// element must not be drawn at all (its clip path holds no shape).
// A reference the drawing cannot follow or honour leaves the element
// unclipped, as browsers do with a missing one.
func (r *renderer) clipPath(n *node, st style, m Matrix, vp viewport) (pop func(), draw bool) {
	v := strings.TrimSpace(n.decls["clip-path"])
	if v == "" || strings.EqualFold(v, "none") {
		return noClip, true
	}
	p, ok := parsePaint(v)
	if !ok || p.kind != paintRef || p.fallback != nil {
		r.doc.skip("clip-path")
		return noClip, true
	}
	id, ok := refID(p.ref)
	if !ok {
		r.doc.skip("references to other files (never fetched)")
		return noClip, true
	}
	cp := r.doc.ids[id]
	if cp == nil || cp.name != "clipPath" {
		return noClip, true
	}
	c, ok := r.clipRegion(cp, n, st, m, vp)
	switch {
	case !ok:
		r.doc.skip("clip-path")
		return noClip, true
	case len(c.Path) == 0:
		return noClip, false
	}
	return r.push(c), true
}

// clipRegion makes the region of a <clipPath> for element el drawn with
// matrix m.
func (r *renderer) clipRegion(cp, el *node, st style, m Matrix, vp viewport) (Clip, bool) {
	base := m
	if strings.TrimSpace(cp.attrs["clipPathUnits"]) == "objectBoundingBox" {
		bb, ok := r.bbox(el, st, vp)
		if !ok {
			return Clip{}, false
		}
		base = m.Mul(translate(bb.x, bb.y)).Mul(scale(bb.w, bb.h))
	}
	if t, ok := cp.decls["transform"]; ok {
		if tm, ok := parseTransform(t); ok {
			base = base.Mul(tm)
		}
	}
	if v := strings.TrimSpace(cp.decls["clip-path"]); v != "" && v != "none" {
		r.doc.skip("clip paths on clip paths")
	}
	cst := r.computeStyle(cp, st, vp)
	var c Clip
	shapes := 0
	for _, k := range cp.kids {
		path, evenOdd, ok := r.clipShape(k, cst, base, vp)
		if !ok {
			return Clip{}, false
		}
		if len(path) > 0 {
			c.Path = append(c.Path, path...)
			c.EvenOdd = evenOdd
			shapes++
		}
	}
	if shapes > 1 {
		c.EvenOdd = false
	}
	return c, true
}

// clipShape gives the path of one child of a clip path in the viewport's
// coordinates (none for what draws nothing), and its clip-rule; false
// when the path is out of range.
func (r *renderer) clipShape(k *node, st style, m Matrix, vp viewport) (Path, bool, bool) {
	if k.name == "" || notDrawn[k.name] || strings.TrimSpace(strings.ToLower(k.decls["display"])) == "none" || !r.b.instance() {
		return nil, false, true
	}
	kst := r.computeStyle(k, st, vp)
	if t, ok := k.decls["transform"]; ok {
		if tm, ok := parseTransform(t); ok {
			m = m.Mul(tm)
		}
	}
	target := k
	if k.name == "use" {
		id, ok := refID(k.attrs["href"])
		if target = r.doc.ids[id]; !ok || target == nil || target == k {
			return nil, false, true
		}
		m = m.Mul(translate(r.lengthAttr(k, "x", kst, vp, axisX, 0), r.lengthAttr(k, "y", kst, vp, axisY, 0)))
		kst = r.computeStyle(target, kst, vp)
		if t, ok := target.decls["transform"]; ok {
			if tm, ok := parseTransform(t); ok {
				m = m.Mul(tm)
			}
		}
	}
	switch target.name {
	case "path", "rect", "circle", "ellipse", "polyline", "polygon":
	case "text":
		r.doc.skip("text in clip paths")
		return nil, false, true
	default:
		return nil, false, true
	}
	if !kst.visible {
		return nil, false, true
	}
	if !m.usable() {
		return nil, false, finite(m)
	}
	path := r.geometry(target, kst, vp)
	out := make(Path, len(path))
	for i, seg := range path {
		out[i].Op = seg.Op
		for j, p := range seg.Pts {
			q := m.Apply(p)
			if !finite(Matrix{E: q.X, F: q.Y}) {
				return nil, false, false
			}
			out[i].Pts[j] = q
		}
	}
	return out, strings.EqualFold(strings.TrimSpace(kst.clipRule), "evenodd"), true
}

// bbox is the bounding box of a shape's control points in its user
// space: exact for lines, rectangles, circles and ellipses, a little
// larger than the curve for other curves. Only shapes have one here.
func (r *renderer) bbox(n *node, st style, vp viewport) (box, bool) {
	switch n.name {
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
	default:
		return box{}, false
	}
	path := r.geometry(n, r.computeStyle(n, st, vp), vp)
	if len(path) == 0 {
		return box{}, false
	}
	minX, minY := path[0].Pts[0].X, path[0].Pts[0].Y
	maxX, maxY := minX, minY
	for _, seg := range path {
		k := map[Op]int{MoveTo: 1, LineTo: 1, CubicTo: 3}[seg.Op]
		for _, p := range seg.Pts[:k] {
			minX, maxX = min(minX, p.X), max(maxX, p.X)
			minY, maxY = min(minY, p.Y), max(maxY, p.Y)
		}
	}
	if !(maxX > minX && maxY > minY) {
		return box{}, false
	}
	return box{minX, minY, maxX - minX, maxY - minY}, true
}

// viewportClip clips to a viewport of w × h at the origin of m, unless
// the element's overflow is visible (or auto, which SVG reads alike).
func (r *renderer) viewportClip(n *node, m Matrix, w, h float64) (pop func(), draw bool) {
	switch strings.ToLower(strings.TrimSpace(n.decls["overflow"])) {
	case "visible", "auto":
		return noClip, true
	}
	if !m.usable() {
		return noClip, finite(m)
	}
	var path Path
	for i, p := range [...]Point{{0, 0}, {w, 0}, {w, h}, {0, h}} {
		op := LineTo
		if i == 0 {
			op = MoveTo
		}
		path = append(path, Segment{Op: op, Pts: [3]Point{m.Apply(p)}})
	}
	return r.push(Clip{Path: append(path, Segment{Op: Close})}), true
}
