package truetype

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Platform and encoding ids of cmap subtables ("cmap — Character to Glyph
// Index Mapping Table", "Platform IDs").
const (
	platformUnicode     = 0
	platformWindows     = 3
	encWindowsBMP       = 1  // Unicode BMP, format 4
	encWindowsFull      = 10 // Unicode full repertoire, format 12
	encUnicode2BMP      = 3  // Unicode 2.0+ BMP only
	encUnicode2Full     = 4  // Unicode 2.0+ full repertoire
	cmapHeaderSize      = 4  // version, numTables
	cmapRecordSize      = 8  // platformID, encodingID, offset
	cmap4HeaderSize     = 14 // format through rangeShift
	cmap12HeaderSize    = 16 // format, reserved, length, language, numGroups
	cmap12GroupSize     = 12 // startCharCode, endCharCode, startGlyphID
	maxBMP              = 0xFFFF
	formatSegmentMap    = 4
	formatSegmentedFull = 12
)

// cmap4 is a parsed format 4 subtable. Its arrays are decoded once so that
// lookups are a binary search; glyph ids reached through idRangeOffset are
// read from sub, the subtable's bytes up to the end of cmap.
type cmap4 struct {
	ends, starts, deltas, rangeOffsets []uint16
	sub                                []byte
	rangeOffsetsAt                     int // where idRangeOffset[0] lies in sub
}

// cmap12 is a format 12 subtable's groups, searched in place.
type cmap12 struct {
	groups []byte
}

// parseCmap finds the Unicode subtables: a format 4 one for the Basic
// Multilingual Plane, a format 12 one for the rest (and for the BMP too when
// there is no format 4 one); a font needs at least one of the two. Of several
// format 4 subtables it takes the first that is Windows Unicode BMP or any
// Unicode-platform one; of format 12 ones, the first Windows full-repertoire
// or Unicode-platform one.
func (f *Font) parseCmap() error {
	cmap := f.tables["cmap"]
	if len(cmap) < cmapHeaderSize {
		return fmt.Errorf("cmap table too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < cmapHeaderSize+n*cmapRecordSize {
		return fmt.Errorf("cmap table too short for %d subtables", n)
	}
	for i := range n {
		rec := cmap[cmapHeaderSize+i*cmapRecordSize:]
		platform, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := uint64(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > uint64(len(cmap)) {
			return fmt.Errorf("cmap subtable %d/%d lies past the end of cmap", platform, enc)
		}
		sub := cmap[off:]
		switch format := binary.BigEndian.Uint16(sub); {
		case format == formatSegmentMap && isUnicodeBMP(platform, enc) && !f.hasBMP:
			c, err := parseCmap4(sub)
			if err != nil {
				return fmt.Errorf("cmap subtable %d/%d: %w", platform, enc, err)
			}
			f.bmp, f.hasBMP = c, true
		case format == formatSegmentedFull && isUnicodeFull(platform, enc) && f.astral.groups == nil:
			c, err := parseCmap12(sub)
			if err != nil {
				return fmt.Errorf("cmap subtable %d/%d: %w", platform, enc, err)
			}
			f.astral = c
		}
	}
	if !f.hasBMP && f.astral.groups == nil {
		return fmt.Errorf("no Unicode cmap subtable of format 4 (platform 3 encoding 1, or platform 0) or format 12 (platform 3 encoding 10, or platform 0)")
	}
	return nil
}

// isUnicodeBMP reports whether a format 4 subtable maps Unicode.
func isUnicodeBMP(platform, enc uint16) bool {
	return platform == platformWindows && enc == encWindowsBMP || platform == platformUnicode
}

// isUnicodeFull reports whether a subtable may map the whole of Unicode.
func isUnicodeFull(platform, enc uint16) bool {
	return platform == platformWindows && enc == encWindowsFull || platform == platformUnicode
}

// parseCmap4 decodes a format 4 subtable's segment arrays. The declared
// length is not trusted (fonts with large subtables overflow its 16 bits);
// sub runs to the end of cmap.
func parseCmap4(sub []byte) (cmap4, error) {
	if len(sub) < cmap4HeaderSize {
		return cmap4{}, fmt.Errorf("format 4 header truncated")
	}
	segX2 := int(binary.BigEndian.Uint16(sub[6:]))
	if segX2 == 0 || segX2%2 != 0 {
		return cmap4{}, fmt.Errorf("format 4 segCountX2 %d is not a positive even number", segX2)
	}
	if len(sub) < cmap4HeaderSize+4*segX2+2 {
		return cmap4{}, fmt.Errorf("format 4 segment arrays truncated")
	}
	n := segX2 / 2
	arr := func(k int) []uint16 { // the k-th array; the reservedPad word follows endCode
		at := cmap4HeaderSize + k*segX2 + min(k, 1)*2
		out := make([]uint16, n)
		for i := range out {
			out[i] = binary.BigEndian.Uint16(sub[at+2*i:])
		}
		return out
	}
	c := cmap4{ends: arr(0), starts: arr(1), deltas: arr(2), rangeOffsets: arr(3), sub: sub,
		rangeOffsetsAt: cmap4HeaderSize + 3*segX2 + 2}
	for i := 1; i < n; i++ {
		if c.ends[i] <= c.ends[i-1] {
			return cmap4{}, fmt.Errorf("format 4 segments are not in increasing order")
		}
	}
	return c, nil
}

// lookup returns the glyph for c, or 0 ("Format 4: Segment mapping to delta
// values" describes the arithmetic, which is modulo 65536).
func (c *cmap4) lookup(r uint16) uint16 {
	i := sort.Search(len(c.ends), func(i int) bool { return c.ends[i] >= r })
	if i == len(c.ends) || c.starts[i] > r {
		return 0
	}
	if c.rangeOffsets[i] == 0 {
		return r + c.deltas[i]
	}
	at := c.rangeOffsetsAt + 2*i + int(c.rangeOffsets[i]) + 2*int(r-c.starts[i])
	if at+2 > len(c.sub) {
		return 0
	}
	if g := binary.BigEndian.Uint16(c.sub[at:]); g != 0 {
		return g + c.deltas[i]
	}
	return 0
}

// parseCmap12 checks that a format 12 subtable's groups fit in cmap.
func parseCmap12(sub []byte) (cmap12, error) {
	if len(sub) < cmap12HeaderSize {
		return cmap12{}, fmt.Errorf("format 12 header truncated")
	}
	n := uint64(binary.BigEndian.Uint32(sub[12:]))
	if uint64(len(sub)) < cmap12HeaderSize+n*cmap12GroupSize {
		return cmap12{}, fmt.Errorf("format 12 groups truncated")
	}
	return cmap12{groups: sub[cmap12HeaderSize : cmap12HeaderSize+n*cmap12GroupSize]}, nil
}

// lookup returns the glyph for r, or 0. Groups are sorted by the spec's
// rule; a font that breaks it only gets wrong answers, not a crash.
func (c *cmap12) lookup(r rune) uint32 {
	n := len(c.groups) / cmap12GroupSize
	i := sort.Search(n, func(i int) bool {
		return binary.BigEndian.Uint32(c.groups[i*cmap12GroupSize+4:]) >= uint32(r)
	})
	if i == n {
		return 0
	}
	g := c.groups[i*cmap12GroupSize:]
	start := binary.BigEndian.Uint32(g)
	if start > uint32(r) {
		return 0
	}
	return binary.BigEndian.Uint32(g[8:]) + uint32(r) - start
}

// GlyphIndex returns the glyph that draws r and whether the font has one:
// the format 4 subtable answers for the Basic Multilingual Plane, the format
// 12 subtable (if any) for the rest, and for the BMP too in a font without a
// format 4 subtable.
func (f *Font) GlyphIndex(r rune) (uint16, bool) {
	var g uint32
	switch {
	case r < 0:
	case r <= maxBMP && f.hasBMP:
		g = uint32(f.bmp.lookup(uint16(r)))
	default:
		g = f.astral.lookup(r)
	}
	if g == 0 || g >= uint32(f.numGlyphs) {
		return 0, false
	}
	return uint16(g), true
}

// HasRune reports whether the font has a glyph for r.
func (f *Font) HasRune(r rune) bool {
	_, ok := f.GlyphIndex(r)
	return ok
}
