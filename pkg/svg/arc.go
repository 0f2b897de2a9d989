package svg

import "math"

// arcToCubics converts an elliptical arc from p0 to p1 (radii rx, ry, the
// ellipse's x axis turned by phi degrees, the flags of the arc command)
// into cubic Bézier curves of at most a quarter turn each, through the
// centre parameterisation of SVG 1.1's implementation notes (F.6.5,
// F.6.6): radii too small to reach are scaled up, negative ones taken as
// positive. It returns nil when the end points are equal (nothing is
// drawn) or a radius is zero (the caller draws a line).
func arcToCubics(p0, p1 Point, rx, ry, phi float64, large, sweep bool) [][3]Point {
	if p0 == p1 || rx == 0 || ry == 0 {
		return nil
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	sin, cos := sinCos(phi)
	// F.6.5.1: the midpoint in the ellipse's frame
	dx, dy := (p0.X-p1.X)/2, (p0.Y-p1.Y)/2
	x1 := float64(cos*dx) + float64(sin*dy)
	y1 := float64(cos*dy) - float64(sin*dx)
	// F.6.6.2: scale radii that cannot reach
	if l := float64(x1*x1)/float64(rx*rx) + float64(y1*y1)/float64(ry*ry); l > 1 {
		s := math.Sqrt(l)
		rx, ry = float64(rx*s), float64(ry*s)
	}
	// F.6.5.2: the centre in the ellipse's frame
	num := float64(rx*rx)*float64(ry*ry) - float64(rx*rx)*float64(y1*y1) - float64(ry*ry)*float64(x1*x1)
	den := float64(rx*rx)*float64(y1*y1) + float64(ry*ry)*float64(x1*x1)
	coef := 0.0
	if num > 0 && den > 0 {
		coef = math.Sqrt(num / den)
	}
	if large == sweep {
		coef = -coef
	}
	cx1 := float64(coef*rx) * y1 / ry
	cy1 := -float64(coef*ry) * x1 / rx
	// F.6.5.3: the centre
	cx := float64(cos*cx1) - float64(sin*cy1) + (p0.X+p1.X)/2
	cy := float64(sin*cx1) + float64(cos*cy1) + (p0.Y+p1.Y)/2
	// F.6.5.5–6: start angle and sweep
	theta1 := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	delta := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	} else if sweep && delta < 0 {
		delta += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	n = max(n, 1)
	step := delta / float64(n)
	// the control points' distance along the tangent, for the unit circle
	k := 4.0 / 3 * math.Tan(step/4)
	out := make([][3]Point, 0, n)
	point := func(t float64) (Point, Point) {
		st, ct := math.Sincos(t)
		// position and derivative on the ellipse, then turned by phi
		ex, ey := float64(rx*ct), float64(ry*st)
		tx, ty := -float64(rx*st), float64(ry*ct)
		pos := Point{float64(cos*ex) - float64(sin*ey) + cx, float64(sin*ex) + float64(cos*ey) + cy}
		tan := Point{float64(cos*tx) - float64(sin*ty), float64(sin*tx) + float64(cos*ty)}
		return pos, tan
	}
	t := theta1
	from, d0 := point(t)
	from = p0
	for i := range n {
		t2 := theta1 + float64(step*float64(i+1))
		to, d1 := point(t2)
		if i == n-1 {
			to = p1 // land exactly on the end point
		}
		c1 := Point{from.X + float64(k*d0.X), from.Y + float64(k*d0.Y)}
		c2 := Point{to.X - float64(k*d1.X), to.Y - float64(k*d1.Y)}
		out = append(out, [3]Point{c1, c2, to})
		from, d0 = to, d1
	}
	return out
}

// angle is the signed angle from vector (ux, uy) to (vx, vy), in radians.
func angle(ux, uy, vx, vy float64) float64 {
	return math.Atan2(float64(ux*vy)-float64(uy*vx), float64(ux*vx)+float64(uy*vy))
}
