package truetype

import "encoding/binary"

// GlyphBounds is a glyph's bounding box in font units, y up, as the glyf
// table records it.
type GlyphBounds struct {
	XMin, YMin, XMax, YMax int // the lower-left (XMin, YMin) and upper-right (XMax, YMax) corners
}

// validGlyph reports whether g names a glyph of the font.
func (f *Font) validGlyph(g uint16) bool { return int(g) < f.numGlyphs }

// GlyphAdvance returns the advance width of glyph g in font units, and
// false when the font has no glyph g.
func (f *Font) GlyphAdvance(g uint16) (int, bool) {
	if !f.validGlyph(g) {
		return 0, false
	}
	return f.glyphAdvance(g), true
}

// GlyphLeftSideBearing returns glyph g's left side bearing from hmtx, and
// false when the font has no glyph g.
func (f *Font) GlyphLeftSideBearing(g uint16) (int, bool) {
	if !f.validGlyph(g) {
		return 0, false
	}
	return int(f.glyphLSB(g)), true
}

// GlyphBounds returns glyph g's bounding box from its glyf header. A glyph
// without an outline (a space) and a glyph id the font lacks give false.
func (f *Font) GlyphBounds(g uint16) (GlyphBounds, bool) {
	if !f.validGlyph(g) {
		return GlyphBounds{}, false
	}
	data := f.glyphData(g)
	if len(data) < glyphHeaderSize {
		return GlyphBounds{}, false
	}
	s := func(off int) int { return int(int16(binary.BigEndian.Uint16(data[off:]))) }
	return GlyphBounds{XMin: s(2), YMin: s(4), XMax: s(6), YMax: s(8)}, true
}
