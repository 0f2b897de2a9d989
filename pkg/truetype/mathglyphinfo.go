package truetype

import "errors"

var errNoConstants = errors.New("no MathConstants table")

// MathKernCorner names one of the four corners of a glyph where a script
// may cut in ("MathKernInfoRecord").
type MathKernCorner int

// The corners, in the order of the MathKernInfoRecord's fields.
const (
	TopRight MathKernCorner = iota
	TopLeft
	BottomRight
	BottomLeft
)

// MathKernInfo holds the cut-in kerns of a glyph's four corners; a corner
// without data is nil.
type MathKernInfo [4]*MathKern

// MathKern is a staircase of kern values by height ("MathKern table"):
// Kerns[i] applies below Heights[i], the last entry above the last height.
// len(Kerns) == len(Heights)+1.
type MathKern struct {
	Heights []int // the heights where the kern changes, in font units, in the table's ascending order
	Kerns   []int // the kerns, in font units, one more than Heights
}

// At returns the kern at height h in font units.
func (k *MathKern) At(h int) int {
	if k == nil || len(k.Kerns) == 0 {
		return 0
	}
	for i, top := range k.Heights {
		if h < top {
			return k.Kerns[i]
		}
	}
	return k.Kerns[len(k.Kerns)-1]
}

// ItalicsCorrection returns glyph g's italics correction and whether the
// table has one.
func (m *Math) ItalicsCorrection(g uint16) (int, bool) {
	v, ok := m.italics[g]
	return v, ok
}

// TopAccentAttachment returns the horizontal position, from g's origin, at
// which an accent over g is centred, and whether the table has one.
func (m *Math) TopAccentAttachment(g uint16) (int, bool) {
	v, ok := m.topAccent[g]
	return v, ok
}

// IsExtendedShape reports whether g is an extended shape (a tall glyph, such
// as a large delimiter, whose scripts are placed as on a box).
func (m *Math) IsExtendedShape(g uint16) bool { return m.extended[g] }

// Kern returns g's cut-in kern at corner c, or nil.
func (m *Math) Kern(g uint16, c MathKernCorner) *MathKern {
	info := m.kerns[g]
	if info == nil || c < 0 || int(c) >= len(info) {
		return nil
	}
	return info[c]
}

// glyphInfo reads the MathGlyphInfo table at off.
func (r *mathReader) glyphInfo(off int, m *Math) {
	m.italics, m.topAccent, m.extended, m.kerns = map[uint16]int{}, map[uint16]int{}, map[uint16]bool{}, map[uint16]*MathKernInfo{}
	if off < 0 {
		return
	}
	r.valueTable(r.sub(off, 0), m.italics)
	r.valueTable(r.sub(off, 2), m.topAccent)
	if cov := r.sub(off, 4); cov >= 0 {
		for _, g := range r.coverage(cov) {
			m.extended[g] = true
		}
	}
	r.kernInfo(r.sub(off, 6), m.kerns)
}

// valueTable reads a coverage-indexed list of MathValueRecords (the layout
// of MathItalicsCorrectionInfo and MathTopAccentAttachment).
func (r *mathReader) valueTable(off int, into map[uint16]int) {
	if off < 0 {
		return
	}
	glyphs := r.coverage(r.sub(off, 0))
	n := int(r.u16(off + 2))
	if n != len(glyphs) && r.err == nil {
		r.fail(errors.New("value count differs from its coverage"))
	}
	for i := 0; i < n && i < len(glyphs) && r.err == nil; i++ {
		into[glyphs[i]] = r.value(off + 4 + 4*i)
	}
}

// kernInfo reads the MathKernInfo table at off.
func (r *mathReader) kernInfo(off int, into map[uint16]*MathKernInfo) {
	if off < 0 {
		return
	}
	glyphs := r.coverage(r.sub(off, 0))
	n := int(r.u16(off + 2))
	for i := 0; i < n && i < len(glyphs) && r.err == nil; i++ {
		var info MathKernInfo
		for c := range info {
			info[c] = r.kern(r.sub(off, 4+8*i+2*c))
		}
		into[glyphs[i]] = &info
	}
}

// kern reads one MathKern table; offsets in MathKernInfoRecord count from
// the MathKernInfo table, which sub has applied.
func (r *mathReader) kern(off int) *MathKern {
	if off < 0 {
		return nil
	}
	n := int(r.u16(off))
	r.u16(off + 2 + 4*(2*n+1) - 2) // bounds of both arrays
	if r.err != nil {
		return nil
	}
	k := &MathKern{Heights: make([]int, n), Kerns: make([]int, n+1)}
	for i := range n {
		k.Heights[i] = r.value(off + 2 + 4*i)
	}
	for i := range n + 1 {
		k.Kerns[i] = r.value(off + 2 + 4*n + 4*i)
	}
	return k
}

// coverage reads a Coverage table (OpenType common table formats 1 and 2)
// and returns its glyphs in coverage-index order. The number of glyphs is
// bounded by 65 536 per range record, and ranges by the table's length.
func (r *mathReader) coverage(off int) []uint16 {
	if off < 0 {
		r.fail(errors.New("missing coverage table"))
		return nil
	}
	switch r.u16(off) {
	case 1:
		n := int(r.u16(off + 2))
		r.u16(off + 4 + 2*n - 2)
		out := make([]uint16, 0, min(n, len(r.data)/2))
		for i := 0; i < n && r.err == nil; i++ {
			out = append(out, r.glyph(off+4+2*i))
		}
		return out
	case 2:
		return r.rangeCoverage(off)
	}
	r.fail(errors.New("unknown coverage format"))
	return nil
}

// rangeCoverage reads a format 2 Coverage table. Ranges must be ordered,
// not overlap, and start at the coverage index that continues the previous
// range, as the spec requires; anything else is refused.
func (r *mathReader) rangeCoverage(off int) []uint16 {
	n := int(r.u16(off + 2))
	r.u16(off + 4 + 6*n - 2)
	var out []uint16
	for i := 0; i < n && r.err == nil; i++ {
		rec := off + 4 + 6*i
		start, end := r.glyph(rec), r.glyph(rec+2)
		if start > end || int(r.u16(rec+4)) != len(out) || (len(out) > 0 && start <= out[len(out)-1]) {
			r.fail(errors.New("coverage range out of order"))
			return nil
		}
		for g := int(start); g <= int(end); g++ {
			out = append(out, uint16(g))
		}
	}
	return out
}
