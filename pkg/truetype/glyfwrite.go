package truetype

import (
	"encoding/binary"
	"slices"
)

// glyphAlign is the alignment of each glyph in the rebuilt glyf table; the
// spec recommends 4-byte aligned offsets, and short loca needs even ones.
const glyphAlign = 4

// maxShortLoca is the largest glyf size a short loca can address: it stores
// offsets divided by two in 16 bits.
const maxShortLoca = 0xFFFF * 2

// buildGlyf copies the kept glyphs in order, renumbering composite
// components, and returns glyf, loca and whether loca is the long format.
func (f *Font) buildGlyf(keep []uint16, newID glyphMap) (glyf, loca []byte, long bool) {
	offsets := make([]int, 0, len(keep)+1)
	for _, g := range keep {
		offsets = append(offsets, len(glyf))
		glyf = append(glyf, renumberComponents(f.glyphData(g), newID)...)
		glyf = append(glyf, make([]byte, pad(len(glyf)))...)
	}
	offsets = append(offsets, len(glyf))
	long = len(glyf) > maxShortLoca
	for _, off := range offsets {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		}
	}
	return glyf, loca, long
}

// renumberComponents returns a glyph's data with its component glyph ids
// replaced by their subset ids. closure has already parsed every kept glyph,
// so components cannot fail here.
func renumberComponents(data []byte, newID glyphMap) []byte {
	comps, _ := components(data)
	if len(comps) == 0 {
		return data
	}
	data = slices.Clone(data)
	for _, c := range comps {
		n, _ := newID.get(c.glyph)
		binary.BigEndian.PutUint16(data[c.offset:], n)
	}
	return data
}
