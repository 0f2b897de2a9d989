package svg

import (
	"math"
	"strings"
)

// Matrix is an affine transformation as SVG's matrix(a b c d e f) writes
// it: a point (x, y) goes to (a·x + c·y + e, b·x + d·y + f).
type Matrix struct {
	// A, B, C, D, E and F are the matrix's entries in SVG's order.
	A, B, C, D, E, F float64
}

// Identity is the matrix that changes nothing.
var Identity = Matrix{A: 1, D: 1}

// Mul returns m·n: n applied first, then m. Each product is rounded on its
// own (float64(…)), so that no platform fuses it into a multiply-add and
// every platform computes the same matrix.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		A: float64(m.A*n.A) + float64(m.C*n.B),
		B: float64(m.B*n.A) + float64(m.D*n.B),
		C: float64(m.A*n.C) + float64(m.C*n.D),
		D: float64(m.B*n.C) + float64(m.D*n.D),
		E: float64(m.A*n.E) + float64(m.C*n.F) + m.E,
		F: float64(m.B*n.E) + float64(m.D*n.F) + m.F,
	}
}

// Apply maps a point.
func (m Matrix) Apply(p Point) Point {
	return Point{float64(m.A*p.X) + float64(m.C*p.Y) + m.E, float64(m.B*p.X) + float64(m.D*p.Y) + m.F}
}

// Det is the determinant: the factor by which the matrix scales areas.
func (m Matrix) Det() float64 { return float64(m.A*m.D) - float64(m.B*m.C) }

// usable reports whether a matrix can draw: finite, within maxNumber, and
// not collapsing the plane onto a line or a point (where nothing shows).
func (m Matrix) usable() bool {
	for _, v := range [...]float64{m.A, m.B, m.C, m.D, m.E, m.F} {
		if math.IsNaN(v) || math.Abs(v) > maxNumber {
			return false
		}
	}
	return math.Abs(m.Det()) > 1e-12
}

func translate(x, y float64) Matrix { return Matrix{A: 1, D: 1, E: x, F: y} }

func scale(x, y float64) Matrix { return Matrix{A: x, D: y} }

// rotate turns by deg degrees, clockwise on screen (y down).
func rotate(deg float64) Matrix {
	s, c := sinCos(deg)
	return Matrix{A: c, B: s, C: -s, D: c}
}

// sinCos returns the sine and cosine of an angle in degrees, exact at
// multiples of 90 degrees (rotate(90) is a quarter turn, not one off by
// 6e-17).
func sinCos(deg float64) (float64, float64) {
	d := math.Mod(deg, 360)
	if d < 0 {
		d += 360
	}
	switch d {
	case 0:
		return 0, 1
	case 90:
		return 1, 0
	case 180:
		return 0, -1
	case 270:
		return -1, 0
	}
	return math.Sincos(d * math.Pi / 180)
}

// tanDeg is the tangent of an angle in degrees, or false where it is
// infinite (skewX(90)).
func tanDeg(deg float64) (float64, bool) {
	s, c := sinCos(deg)
	if math.Abs(c) < 1e-9 {
		return 0, false
	}
	return s / c, true
}

// parseTransform reads a transform list: matrix, translate, scale,
// rotate (with an optional centre), skewX, skewY, separated by white space
// or commas. CSS's transform property writes the same functions with
// units ("10px", "45deg"), which are accepted. ok is false when the list
// does not read: the element is then drawn untransformed, as browsers do.
func parseTransform(s string) (Matrix, bool) {
	m := Identity
	i := skipSep(s, 0)
	for i < len(s) {
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		name := s[i:j]
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '(' {
			return Identity, false
		}
		end := strings.IndexByte(s[j:], ')')
		if end < 0 {
			return Identity, false
		}
		args, ok := transformArgs(s[j+1 : j+end])
		if !ok {
			return Identity, false
		}
		t, ok := transformFunction(name, args)
		if !ok {
			return Identity, false
		}
		m = m.Mul(t)
		i = skipSep(s, j+end+1)
	}
	return m, true
}

// transformArgs reads a function's arguments; "px" and "deg" units are
// dropped.
func transformArgs(s string) ([]float64, bool) {
	s = strings.NewReplacer("px", "", "deg", "").Replace(s)
	return parseNumbers(s)
}

// transformFunction makes the matrix of one transform function.
func transformFunction(name string, a []float64) (Matrix, bool) {
	n := len(a)
	switch {
	case name == "matrix" && n == 6:
		return Matrix{a[0], a[1], a[2], a[3], a[4], a[5]}, true
	case name == "translate" && (n == 1 || n == 2):
		if n == 1 {
			return translate(a[0], 0), true
		}
		return translate(a[0], a[1]), true
	case name == "scale" && (n == 1 || n == 2):
		if n == 1 {
			return scale(a[0], a[0]), true
		}
		return scale(a[0], a[1]), true
	case name == "rotate" && n == 1:
		return rotate(a[0]), true
	case name == "rotate" && n == 3:
		return translate(a[1], a[2]).Mul(rotate(a[0])).Mul(translate(-a[1], -a[2])), true
	case name == "skewX" && n == 1:
		t, ok := tanDeg(a[0])
		return Matrix{A: 1, C: t, D: 1}, ok
	case name == "skewY" && n == 1:
		t, ok := tanDeg(a[0])
		return Matrix{A: 1, B: t, D: 1}, ok
	}
	return Identity, false
}
