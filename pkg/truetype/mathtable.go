package truetype

import (
	"errors"
	"fmt"
)

// ErrNoMath is returned by Font.Math for a font without an OpenType MATH
// table.
var ErrNoMath = errors.New("the font has no OpenType MATH table")

// Math is a parsed OpenType MATH table ("MATH — The Mathematical Typesetting
// Table", OpenType 1.9): the constants that place scripts, fractions and
// radicals, per-glyph italics corrections, accent attachments and cut-in
// kerns, and the larger variants and assemblies of stretchable glyphs. All
// lengths are in font units; device tables (hinting adjustments for given
// pixel sizes) are ignored. A Math is read-only after ParseMath and safe for
// concurrent use.
type Math struct {
	// Constants are the global layout constants.
	Constants MathConstants
	// MinConnectorOverlap is the least overlap of two parts of a glyph
	// assembly, in the direction of stretching.
	MinConnectorOverlap int

	italics    map[uint16]int
	topAccent  map[uint16]int
	extended   map[uint16]bool
	kerns      map[uint16]*MathKernInfo
	vertical   map[uint16]*GlyphConstruction
	horizontal map[uint16]*GlyphConstruction
}

// Math returns the font's MATH table, parsed on each call (the caller keeps
// the result), or ErrNoMath.
func (f *Font) Math() (*Math, error) {
	data, ok := f.tables["MATH"]
	if !ok {
		return nil, ErrNoMath
	}
	return ParseMath(data, f.numGlyphs)
}

// ParseMath reads a MATH table. Glyph ids at or above numGlyphs are refused,
// so that every glyph the table names can be drawn. ParseMath checks every
// offset and count against the table's length and never panics.
func ParseMath(data []byte, numGlyphs int) (*Math, error) {
	r := &mathReader{data: data, numGlyphs: numGlyphs}
	if r.u16(0) != 1 {
		return nil, r.fail(fmt.Errorf("MATH table version %d.%d is not 1.x", r.u16(0), r.u16(2)))
	}
	m := &Math{}
	r.constants(r.sub(0, 4), &m.Constants)
	r.glyphInfo(r.sub(0, 6), m)
	r.variants(r.sub(0, 8), m)
	if r.err != nil {
		return nil, fmt.Errorf("MATH table: %w", r.err)
	}
	return m, nil
}

// mathReader reads big-endian values at offsets into the MATH table; the
// first out-of-range read records an error and every later read returns
// zero, so the parsing code reads straight through and checks once.
type mathReader struct {
	data      []byte
	numGlyphs int
	err       error
	reads     int // 16-bit reads so far, against readBudget
}

// readBudget bounds the work of parsing a table of n bytes: subtables may
// be shared (several offsets naming one table), so a hostile table could
// otherwise make the reader go over the same bytes billions of times. A
// real font reads each byte about once; eight times the size leaves room.
func readBudget(n int) int { return 8*n + 1024 }

// fail records err unless an earlier error is recorded, and returns the
// recorded one.
func (r *mathReader) fail(err error) error {
	if r.err == nil {
		r.err = err
	}
	return r.err
}

// u16 reads an unsigned 16-bit value at off.
func (r *mathReader) u16(off int) uint16 {
	if r.err != nil {
		return 0
	}
	r.reads++
	if r.reads > readBudget(len(r.data)) {
		r.fail(fmt.Errorf("subtables are shared too often (read budget of %d exceeded)", readBudget(len(r.data))))
		return 0
	}
	if off < 0 || off+2 > len(r.data) {
		r.fail(fmt.Errorf("read at offset %d past the end (%d bytes)", off, len(r.data)))
		return 0
	}
	return uint16(r.data[off])<<8 | uint16(r.data[off+1])
}

// s16 reads a signed 16-bit value (FWORD) at off.
func (r *mathReader) s16(off int) int { return int(int16(r.u16(off))) }

// sub returns the absolute position of the table at the Offset16 stored at
// base+field, counted from base; 0 means "no table" and returns -1.
func (r *mathReader) sub(base, field int) int {
	off := r.u16(base + field)
	if off == 0 || r.err != nil {
		return -1
	}
	return base + int(off)
}

// glyph reads a glyph id at off and checks it against numGlyphs.
func (r *mathReader) glyph(off int) uint16 {
	g := r.u16(off)
	if r.err == nil && int(g) >= r.numGlyphs {
		r.fail(fmt.Errorf("glyph id %d at offset %d is not below numGlyphs %d", g, off, r.numGlyphs))
	}
	return g
}

// value reads a MathValueRecord's value (the device-table offset after it
// is ignored).
func (r *mathReader) value(off int) int { return r.s16(off) }
