package truetype

import (
	"encoding/binary"
	"slices"
)

// Offsets of the font bounding box in head.
const (
	headXMin = 36
	headYMin = 38
	headXMax = 40
	headYMax = 42
)

// summary holds the whole-font figures that head and hhea record about the
// glyphs, recomputed for a subset so that they describe the glyphs it has.
type summary struct {
	xMin, yMin, xMax, yMax int // union of glyph bounding boxes (head)
	advanceMax             int // hhea.advanceWidthMax
	minLSB, minRSB         int // hhea.minLeftSideBearing, minRightSideBearing
	xMaxExtent             int // hhea.xMaxExtent: max of lsb + (xMax - xMin)
	outlines               bool
}

// summarize reads the bounding box each kept glyph's header carries. Glyphs
// without contours count only for advanceWidthMax, as "hhea" says.
func (f *Font) summarize(keep []uint16) summary {
	var s summary
	for _, g := range keep {
		adv := f.glyphAdvance(g)
		s.advanceMax = max(s.advanceMax, adv)
		data := f.glyphData(g)
		if len(data) < glyphHeaderSize {
			continue
		}
		box := func(i int) int { return int(int16(binary.BigEndian.Uint16(data[2+2*i:]))) }
		x0, y0, x1, y1, lsb := box(0), box(1), box(2), box(3), int(f.glyphLSB(g))
		rsb, ext := adv-lsb-(x1-x0), lsb+(x1-x0)
		if !s.outlines {
			s = summary{x0, y0, x1, y1, s.advanceMax, lsb, rsb, ext, true}
		}
		s.xMin, s.yMin, s.xMax, s.yMax = min(s.xMin, x0), min(s.yMin, y0), max(s.xMax, x1), max(s.yMax, y1)
		s.minLSB, s.minRSB, s.xMaxExtent = min(s.minLSB, lsb), min(s.minRSB, rsb), max(s.xMaxExtent, ext)
	}
	return s
}

// subsetHead copies head with the subset's bounding box and loca format;
// writeFont fills in checkSumAdjustment.
func (f *Font) subsetHead(s summary, longLoca bool) []byte {
	head := slices.Clone(f.tables["head"][:headSize])
	putInt16s(head, map[int]int{headXMin: s.xMin, headYMin: s.yMin, headXMax: s.xMax, headYMax: s.yMax})
	binary.BigEndian.PutUint16(head[headIndexToLocFormat:], 0)
	if longLoca {
		binary.BigEndian.PutUint16(head[headIndexToLocFormat:], 1)
	}
	return head
}

// subsetHhea copies hhea with the subset's numberOfHMetrics and summary
// fields.
func (f *Font) subsetHhea(s summary, numHMetrics int) []byte {
	hhea := slices.Clone(f.tables["hhea"][:hheaSize])
	putInt16s(hhea, map[int]int{hheaAdvanceMax: s.advanceMax, hheaMinLSB: s.minLSB,
		hheaMinRSB: s.minRSB, hheaXMaxExtent: s.xMaxExtent, hheaNumberOfHMetrics: numHMetrics})
	return hhea
}

// putInt16s stores 16-bit values at the given offsets; unsigned fields
// (advanceWidthMax, numberOfHMetrics) keep their bit pattern.
func putInt16s(b []byte, values map[int]int) {
	for off, v := range values {
		binary.BigEndian.PutUint16(b[off:], uint16(v))
	}
}
