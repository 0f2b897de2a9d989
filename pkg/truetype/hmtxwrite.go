package truetype

import "encoding/binary"

// buildHmtx writes the kept glyphs' metrics, with trailing glyphs that share
// the last advance stored as left side bearings only, and returns the table
// and its numberOfHMetrics.
func (f *Font) buildHmtx(keep []uint16) ([]byte, int) {
	n := len(keep)
	for n > 1 && f.glyphAdvance(keep[n-1]) == f.glyphAdvance(keep[n-2]) {
		n--
	}
	var out []byte
	for i, g := range keep {
		if i < n {
			out = binary.BigEndian.AppendUint16(out, uint16(f.glyphAdvance(g)))
		}
		out = binary.BigEndian.AppendUint16(out, uint16(f.glyphLSB(g)))
	}
	return out, n
}
