package truetype

import (
	"encoding/binary"
	"fmt"
)

// Composite glyph flags ("glyf — Glyph Data", composite glyph description).
const (
	argsAreWords   = 0x0001 // ARG_1_AND_2_ARE_WORDS
	haveScale      = 0x0008 // WE_HAVE_A_SCALE: one F2Dot14
	moreComponents = 0x0020 // MORE_COMPONENTS
	haveXYScale    = 0x0040 // WE_HAVE_AN_X_AND_Y_SCALE: two F2Dot14
	haveTwoByTwo   = 0x0080 // WE_HAVE_A_TWO_BY_TWO: four F2Dot14
)

// glyphHeaderSize is numberOfContours plus the bounding box.
const glyphHeaderSize = 10

// componentHeaderSize is a component's flags and glyphIndex.
const componentHeaderSize = 4

// parseLoca checks that every loca entry is in order and inside glyf, so
// that glyph lookups later need no checks of their own.
func (f *Font) parseLoca() error {
	f.loca, f.glyf = f.tables["loca"], f.tables["glyf"]
	entry := 2
	if f.longLoca {
		entry = 4
	}
	if len(f.loca) < (f.numGlyphs+1)*entry {
		return fmt.Errorf("loca table too short for %d glyphs (%d bytes)", f.numGlyphs, len(f.loca))
	}
	prev := 0
	for g := 0; g <= f.numGlyphs; g++ {
		off := f.locaOffset(g)
		if off < prev || off > len(f.glyf) {
			return fmt.Errorf("loca entry %d (offset %d) is out of order or past the end of glyf (%d bytes)", g, off, len(f.glyf))
		}
		prev = off
	}
	return nil
}

// locaOffset returns the glyf offset stored in loca entry i.
func (f *Font) locaOffset(i int) int {
	if f.longLoca {
		return int(binary.BigEndian.Uint32(f.loca[i*4:]))
	}
	return int(binary.BigEndian.Uint16(f.loca[i*2:])) * 2
}

// glyphData returns the glyf bytes of glyph g, empty for a glyph with no
// outline. parseLoca has checked the offsets.
func (f *Font) glyphData(g uint16) []byte {
	return f.glyf[f.locaOffset(int(g)):f.locaOffset(int(g)+1)]
}

// component is one reference inside a composite glyph: the glyph it names
// and where in the glyph data its glyphIndex field lies.
type component struct {
	glyph  uint16
	offset int
}

// components lists the glyphs a composite glyph refers to; a simple or empty
// glyph has none.
func components(data []byte) ([]component, error) {
	if len(data) < glyphHeaderSize || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil
	}
	var out []component
	for off := glyphHeaderSize; ; {
		if off+componentHeaderSize > len(data) {
			return nil, fmt.Errorf("composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(data[off:])
		out = append(out, component{binary.BigEndian.Uint16(data[off+2:]), off + 2})
		off += componentHeaderSize + componentArgSize(flags)
		if flags&moreComponents == 0 {
			if off > len(data) {
				return nil, fmt.Errorf("composite glyph truncated")
			}
			return out, nil
		}
	}
}

// componentArgSize is the size of a component's offsets and transform.
func componentArgSize(flags uint16) int {
	n := 2 // two bytes for the arguments
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}
