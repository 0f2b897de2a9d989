package svg

import (
	"math"
	"slices"
	"strings"
)

// kappa places the control points of a cubic curve that draws a quarter
// of a circle of radius 1: 4/3·(√2 − 1), off by at most 0.027% of the
// radius.
const kappa = 0.5522847498307936

// shape draws a basic shape or a path.
func (r *renderer) shape(n *node, st style, m Matrix, vp viewport) {
	path := r.geometry(n, st, vp)
	if len(path) == 0 || !st.visible {
		return
	}
	s := &Shape{Matrix: m, Path: path, EvenOdd: st.evenOdd}
	if n.name != "line" {
		s.Fill = r.paint(st.fill, st, st.fillOpacity)
	}
	s.Stroke = r.paint(st.stroke, st, st.strokeOpacity)
	if s.Stroke.On {
		s.Line = r.line(st, vp)
		if s.Line.Width <= 0 {
			s.Stroke = Paint{}
		}
	}
	if st.markers != [3]bool{} && n.name != "rect" && n.name != "circle" && n.name != "ellipse" {
		r.doc.skip("markers")
	}
	if !s.Fill.On && !s.Stroke.On {
		return
	}
	if !m.usable() {
		if !finite(m) {
			r.doc.skip("shapes placed out of range")
		} // else it collapses onto a line or a point, which shows nothing
		return
	}
	s.Clips = slices.Clone(r.clips)
	r.items = append(r.items, Item{Shape: s})
}

func finite(m Matrix) bool {
	for _, v := range [...]float64{m.A, m.B, m.C, m.D, m.E, m.F} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxNumber {
			return false
		}
	}
	return true
}

// line makes a stroke's line style: width, caps, joins, and the dash
// pattern (an odd list is repeated, as SVG says; a negative length or a
// zero total draws a solid line).
func (r *renderer) line(st style, vp viewport) Line {
	l := Line{Width: st.strokeWidth.toPx(st.fontSize, vp, axisDiag), Cap: st.cap, Join: st.join, MiterLimit: st.miterLimit}
	if len(st.dash) == 0 {
		return l
	}
	total := 0.0
	var dash []float64
	for _, d := range st.dash {
		v := d.toPx(st.fontSize, vp, axisDiag)
		if v < 0 {
			return l
		}
		dash = append(dash, v)
		total += v
	}
	if !(total > 0) {
		return l
	}
	if len(dash)%2 == 1 {
		dash = append(dash, dash...)
	}
	l.Dash = dash
	l.DashOffset = st.dashOffset.toPx(st.fontSize, vp, axisDiag)
	return l
}

// geometry makes an element's path in its user space.
func (r *renderer) geometry(n *node, st style, vp viewport) Path {
	num := func(name string, ax axis) float64 { return r.lengthAttr(n, name, st, vp, ax, 0) }
	switch n.name {
	case "path":
		return parsePath(n.attrs["d"], r.b)
	case "rect":
		return r.rect(n, st, vp)
	case "circle":
		rad := num("r", axisDiag)
		return r.ellipse(num("cx", axisX), num("cy", axisY), rad, rad)
	case "ellipse":
		rx, ry := num("rx", axisX), num("ry", axisY)
		if strings.TrimSpace(n.attrs["rx"]) == "" || n.attrs["rx"] == "auto" {
			rx = ry
		}
		if strings.TrimSpace(n.attrs["ry"]) == "" || n.attrs["ry"] == "auto" {
			ry = rx
		}
		return r.ellipse(num("cx", axisX), num("cy", axisY), rx, ry)
	case "line":
		return r.build([]Segment{
			{Op: MoveTo, Pts: [3]Point{{num("x1", axisX), num("y1", axisY)}}},
			{Op: LineTo, Pts: [3]Point{{num("x2", axisX), num("y2", axisY)}}},
		})
	case "polyline", "polygon":
		return r.poly(n.attrs["points"], n.name == "polygon")
	}
	return nil
}

// build charges a shape's segments to the budget.
func (r *renderer) build(segs []Segment) Path {
	for range segs {
		if !r.b.segment() {
			return nil
		}
	}
	return segs
}

// rect draws a rectangle, its corners rounded by rx and ry: a missing one
// takes the other's value, and neither exceeds half the side.
func (r *renderer) rect(n *node, st style, vp viewport) Path {
	num := func(name string, ax axis) float64 { return r.lengthAttr(n, name, st, vp, ax, 0) }
	x, y, w, h := num("x", axisX), num("y", axisY), num("width", axisX), num("height", axisY)
	if !(w > 0 && h > 0) {
		return nil
	}
	_, hasRX := parseLength(n.attrs["rx"])
	_, hasRY := parseLength(n.attrs["ry"])
	rx, ry := num("rx", axisX), num("ry", axisY)
	switch {
	case hasRX && !hasRY:
		ry = rx
	case hasRY && !hasRX:
		rx = ry
	}
	rx, ry = min(max(rx, 0), w/2), min(max(ry, 0), h/2)
	if rx == 0 || ry == 0 {
		return r.build([]Segment{
			{Op: MoveTo, Pts: [3]Point{{x, y}}},
			{Op: LineTo, Pts: [3]Point{{x + w, y}}},
			{Op: LineTo, Pts: [3]Point{{x + w, y + h}}},
			{Op: LineTo, Pts: [3]Point{{x, y + h}}},
			{Op: Close},
		})
	}
	kx, ky := float64(kappa*rx), float64(kappa*ry)
	r2, b := x+w, y+h
	return r.build([]Segment{
		{Op: MoveTo, Pts: [3]Point{{x + rx, y}}},
		{Op: LineTo, Pts: [3]Point{{r2 - rx, y}}},
		{Op: CubicTo, Pts: [3]Point{{r2 - rx + kx, y}, {r2, y + ry - ky}, {r2, y + ry}}},
		{Op: LineTo, Pts: [3]Point{{r2, b - ry}}},
		{Op: CubicTo, Pts: [3]Point{{r2, b - ry + ky}, {r2 - rx + kx, b}, {r2 - rx, b}}},
		{Op: LineTo, Pts: [3]Point{{x + rx, b}}},
		{Op: CubicTo, Pts: [3]Point{{x + rx - kx, b}, {x, b - ry + ky}, {x, b - ry}}},
		{Op: LineTo, Pts: [3]Point{{x, y + ry}}},
		{Op: CubicTo, Pts: [3]Point{{x, y + ry - ky}, {x + rx - kx, y}, {x + rx, y}}},
		{Op: Close},
	})
}

// ellipse draws an ellipse as four quarter curves, clockwise from the
// right (as SVG starts them), or nothing when a radius is not positive.
func (r *renderer) ellipse(cx, cy, rx, ry float64) Path {
	if !(rx > 0 && ry > 0) {
		return nil
	}
	kx, ky := float64(kappa*rx), float64(kappa*ry)
	return r.build([]Segment{
		{Op: MoveTo, Pts: [3]Point{{cx + rx, cy}}},
		{Op: CubicTo, Pts: [3]Point{{cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry}}},
		{Op: CubicTo, Pts: [3]Point{{cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy}}},
		{Op: CubicTo, Pts: [3]Point{{cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry}}},
		{Op: CubicTo, Pts: [3]Point{{cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy}}},
		{Op: Close},
	})
}

// poly draws the points of a polyline or polygon (closed); an odd
// number drops the last, and a list that stops reading ends there.
func (r *renderer) poly(points string, closed bool) Path {
	var out Path
	i := skipSep(points, 0)
	for i < len(points) {
		x, n, ok := scanNumber(points, i)
		if !ok {
			break
		}
		n = skipSep(points, n)
		y, n2, ok := scanNumber(points, n)
		if !ok {
			break
		}
		i = skipSep(points, n2)
		op := LineTo
		if len(out) == 0 {
			op = MoveTo
		}
		if !r.b.segment() {
			return nil
		}
		out = append(out, Segment{Op: op, Pts: [3]Point{{x, y}}})
	}
	if closed && len(out) > 0 && r.b.segment() {
		out = append(out, Segment{Op: Close})
	}
	return out
}
