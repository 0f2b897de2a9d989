package layout

import "math"

// Length is a distance on the page in scaled points: 65536 units to the
// point, as TeX's "sp". Lengths are fixed point rather than float64 so that
// summing thousands of widths is exact and independent of the order of
// addition: the same input then gives the same line breaks, and the same PDF
// bytes, on every machine. One unit is about 5.4 nm, far below anything a
// printer resolves, and an int64 holds distances of about 1.4e14 pt.
type Length int64

// pointUnits is the number of Length units in one PostScript point (1/72 in):
// 2^16, TeX's choice, which keeps 1/2, 1/4 … 1/65536 pt exact.
const pointUnits = 65536

// mmPerInch and ptPerInch convert millimetres to points: 1 in = 25.4 mm
// exactly (international inch, 1959) = 72 PostScript points.
const (
	mmPerInch = 25.4
	ptPerInch = 72
)

// Pt returns the Length of pt PostScript points, rounded to the nearest unit.
func Pt(pt float64) Length { return Length(math.Round(pt * pointUnits)) }

// Mm returns the Length of mm millimetres, rounded to the nearest unit.
func Mm(mm float64) Length { return Pt(mm * ptPerInch / mmPerInch) }

// Pt returns l in PostScript points, for the painter that hands floats to
// the PDF library.
func (l Length) Pt() float64 { return float64(l) / pointUnits }

// Mm returns l in millimetres, for messages about the page.
func (l Length) Mm() float64 { return l.Pt() * mmPerInch / ptPerInch }
