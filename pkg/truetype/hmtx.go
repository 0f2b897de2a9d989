package truetype

import (
	"encoding/binary"
	"fmt"
)

// Sizes of hmtx entries ("hmtx — Horizontal Metrics Table"): the first
// numberOfHMetrics glyphs have an advance and a left side bearing; the rest
// share the last advance and have only a left side bearing.
const (
	longHorMetricSize = 4
	lsbOnlySize       = 2
)

// parseHmtx checks that hmtx holds every glyph's metrics.
func (f *Font) parseHmtx() error {
	if f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs {
		return fmt.Errorf("hhea.numberOfHMetrics %d is outside 1..%d (numGlyphs)", f.numHMetrics, f.numGlyphs)
	}
	f.hmtx = f.tables["hmtx"]
	need := f.numHMetrics*longHorMetricSize + (f.numGlyphs-f.numHMetrics)*lsbOnlySize
	if len(f.hmtx) < need {
		return fmt.Errorf("hmtx table too short (%d bytes, need %d)", len(f.hmtx), need)
	}
	return nil
}

// glyphAdvance returns the advance width of glyph g, which must be below
// numGlyphs; glyphs past numberOfHMetrics repeat the last advance.
func (f *Font) glyphAdvance(g uint16) int {
	i := min(int(g), f.numHMetrics-1)
	return int(binary.BigEndian.Uint16(f.hmtx[i*longHorMetricSize:]))
}

// glyphLSB returns the left side bearing of glyph g, which must be below
// numGlyphs.
func (f *Font) glyphLSB(g uint16) int16 {
	if int(g) < f.numHMetrics {
		return int16(binary.BigEndian.Uint16(f.hmtx[int(g)*longHorMetricSize+2:]))
	}
	off := f.numHMetrics*longHorMetricSize + (int(g)-f.numHMetrics)*lsbOnlySize
	return int16(binary.BigEndian.Uint16(f.hmtx[off:]))
}

// Advance returns the advance width of r in font units. A rune the font
// lacks gets the advance of .notdef, which is what a renderer would draw.
func (f *Font) Advance(r rune) int {
	g, _ := f.GlyphIndex(r)
	return f.glyphAdvance(g)
}
