package texmath

// Length is a distance in 1/65536 em of the formula's base font size: the
// size the surrounding text is set in. Layout works in integers so that the
// same formula gives the same boxes, and the same output bytes, on every
// machine. To convert: at a base size of S points, a Length l is
// l × S / 65536 pt; pkg/layout's scaled points (65536 to the point) are
// l × S exactly when S is a whole number of points, and in general
// l × (S in scaled points) / 65536. In SVG, l / 65536 em.
type Length int64

// emUnits is the Length of one em.
const emUnits = 1 << 16

// Em returns the Length of a fraction num/den of an em, rounded down.
func Em(num, den int64) Length { return Length(num * emUnits / den) }

// mulDiv returns l × num / den rounded to nearest, for scaling lengths by
// ratios without floating point.
func mulDiv(l Length, num, den int64) Length {
	v := int64(l) * num
	if v >= 0 {
		return Length((v + den/2) / den)
	}
	return -Length((-v + den/2) / den)
}
