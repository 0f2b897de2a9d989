package svg

import (
	"math"
	"strconv"
	"strings"
)

// maxNumber bounds every number read from the file: larger magnitudes are
// an error in the value that holds them. A billion CSS pixels is 264 km;
// no drawing needs more, and products of such numbers stay finite.
const maxNumber = 1e9

// scanNumber reads a number of SVG's grammar at s[i:] (sign, digits,
// fraction, exponent; no "NaN", "Inf" or hexadecimal, which ParseFloat
// alone would take), and returns it with the index after it. ok is false
// when there is no number there or it is out of range.
func scanNumber(s string, i int) (v float64, next int, ok bool) {
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		frac := 0
		for j < len(s) && isDigit(s[j]) {
			j++
			frac++
		}
		if frac > 0 || digits > 0 {
			i, digits = j, digits+frac
		}
	}
	if digits == 0 {
		return 0, start, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k > j {
			i = k
		}
	}
	v, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil || math.Abs(v) > maxNumber {
		return 0, start, false
	}
	return v, i, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// skipSep skips white space and at most one comma.
func skipSep(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ',' {
		i++
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	return i
}

// parseNumber reads a value that is one number and nothing else.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	v, n, ok := scanNumber(s, 0)
	return v, ok && n == len(s)
}

// parseNumbers reads a list of numbers separated by white space and/or
// commas; ok is false when anything else is in it.
func parseNumbers(s string) ([]float64, bool) {
	var out []float64
	i := skipSep(s, 0)
	for i < len(s) {
		v, n, ok := scanNumber(s, i)
		if !ok {
			return out, false
		}
		out = append(out, v)
		i = skipSep(s, n)
	}
	return out, true
}

// length is a number with its unit, as written.
type length struct {
	v    float64
	unit string // "", "px", "%", "em", …, lower case
}

// parseLength reads a length: a number and an optional unit.
func parseLength(s string) (length, bool) {
	s = strings.TrimSpace(s)
	v, n, ok := scanNumber(s, 0)
	if !ok {
		return length{}, false
	}
	unit := strings.ToLower(s[n:])
	if _, known := absoluteUnits[unit]; !known && unit != "%" && unit != "em" && unit != "ex" && unit != "rem" {
		return length{}, false
	}
	return length{v, unit}, true
}

// parseLengths reads a list of lengths (stroke-dasharray, the x of text).
func parseLengths(s string) ([]length, bool) {
	var out []length
	i := skipSep(s, 0)
	for i < len(s) {
		j := i
		for j < len(s) && !isSpace(s[j]) && s[j] != ',' {
			j++
		}
		l, ok := parseLength(s[i:j])
		if !ok {
			return nil, false
		}
		out = append(out, l)
		i = skipSep(s, j)
	}
	return out, true
}

// absoluteUnits are CSS's absolute units in CSS pixels.
var absoluteUnits = map[string]float64{"": 1, "px": 1, "pt": 96.0 / 72, "pc": 16, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6}

// defaultFontSize is the font size of the root, CSS's "medium": what a
// browser gives an SVG image, which does not inherit from the page.
const defaultFontSize = 16

// axis says what a percentage is a share of.
type axis uint8

const (
	axisX    axis = iota // the viewport's width
	axisY                // its height
	axisDiag             // its diagonal over √2 (radii, stroke widths)
)

// toPx resolves a length in user units: absolute units at 96 px to the
// inch, em and rem in font sizes (ex as half an em), percentages of the
// viewport along ax.
func (l length) toPx(fontSize float64, vp viewport, ax axis) float64 {
	switch l.unit {
	case "%":
		return float64(l.v*vp.along(ax)) / 100
	case "em":
		return float64(l.v * fontSize)
	case "ex":
		return float64(l.v*fontSize) / 2
	case "rem":
		return float64(l.v * defaultFontSize)
	}
	return float64(l.v * absoluteUnits[l.unit])
}

// viewport is the size percentages refer to: the nearest viewBox, else
// the nearest viewport.
type viewport struct{ w, h float64 }

func (vp viewport) along(ax axis) float64 {
	switch ax {
	case axisX:
		return vp.w
	case axisY:
		return vp.h
	}
	return math.Sqrt(float64(vp.w*vp.w)+float64(vp.h*vp.h)) / math.Sqrt2
}
