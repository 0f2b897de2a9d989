package truetype

import (
	"encoding/binary"
	"fmt"
)

// Sizes used when writing cmap format 4 ("Format 4: Segment mapping to delta
// values").
const (
	cmap4SegmentSize = 8      // endCode, startCode, idDelta, idRangeOffset
	cmap4MaxLength   = 0xFFFF // the length field is 16 bits
	cmapFinalCode    = 0xFFFF // the spec requires a last segment ending here
)

// mapping pairs a rune with its glyph id in the subset.
type mapping struct {
	r rune
	g uint16
}

// segment4 is one format 4 segment; glyphs is nil for a delta segment and
// holds the glyph of every code for an array segment.
type segment4 struct {
	start, end uint16
	delta      uint16
	glyphs     []uint16
}

// buildCmap writes a cmap with a format 4 subtable for Unicode BMP (platform
// 0 encoding 3 and platform 3 encoding 1 share it) and, when a rune lies
// beyond the BMP, a format 12 subtable for the full repertoire (platform 0
// encoding 4 and platform 3 encoding 10). maps is sorted by rune, no rune
// twice.
func buildCmap(maps []mapping) ([]byte, error) {
	f4, err := buildCmap4(maps)
	if err != nil {
		return nil, err
	}
	type rec struct {
		platform, enc uint16
		full          bool
	}
	recs := []rec{{platformUnicode, encUnicode2BMP, false}, {platformWindows, encWindowsBMP, false}}
	var f12 []byte
	if n := len(maps); n > 0 && maps[n-1].r > maxBMP {
		f12 = buildCmap12(maps)
		recs = []rec{recs[0], {platformUnicode, encUnicode2Full, true}, recs[1], {platformWindows, encWindowsFull, true}}
	}
	out := make([]byte, cmapHeaderSize+len(recs)*cmapRecordSize)
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	f4At, f12At := len(out), len(out)+len(f4)
	for i, r := range recs {
		b := out[cmapHeaderSize+i*cmapRecordSize:]
		binary.BigEndian.PutUint16(b, r.platform)
		binary.BigEndian.PutUint16(b[2:], r.enc)
		binary.BigEndian.PutUint32(b[4:], uint32(f4At))
		if r.full {
			binary.BigEndian.PutUint32(b[4:], uint32(f12At))
		}
	}
	return append(append(out, f4...), f12...), nil
}

// buildCmap4 writes the format 4 subtable for the BMP runes of maps.
func buildCmap4(maps []mapping) ([]byte, error) {
	segs := segments4(maps)
	n := len(segs)
	size := cmap4HeaderSize + 2 + n*cmap4SegmentSize
	for _, s := range segs {
		size += 2 * len(s.glyphs)
	}
	if size > cmap4MaxLength {
		return nil, fmt.Errorf("too many scattered characters for a cmap format 4 subtable (%d bytes)", size)
	}
	out := make([]byte, size)
	put := func(at int, v uint16) { binary.BigEndian.PutUint16(out[at:], v) }
	put(0, formatSegmentMap)
	put(2, uint16(size))
	put(6, uint16(2*n))
	putSearchFields(out[8:], n, 2)
	arrays := cmap4HeaderSize + 2 + n*cmap4SegmentSize
	for i, s := range segs {
		put(cmap4HeaderSize+2*i, s.end)
		put(cmap4HeaderSize+2*n+2+2*i, s.start)
		put(cmap4HeaderSize+4*n+2+2*i, s.delta)
		if s.glyphs != nil {
			rangeAt := cmap4HeaderSize + 6*n + 2 + 2*i
			put(rangeAt, uint16(arrays-rangeAt))
			for _, g := range s.glyphs {
				put(arrays, g)
				arrays += 2
			}
		}
	}
	return out, nil
}

// segments4 splits the BMP mappings into segments. Each run of consecutive
// codes becomes either delta segments (one per stretch where glyph ids also
// climb by one) or a single array segment, whichever is smaller; the final
// 0xFFFF segment maps that code to glyph 0.
func segments4(maps []mapping) []segment4 {
	var segs []segment4
	for i := 0; i < len(maps) && maps[i].r < cmapFinalCode; {
		j := i + 1
		for j < len(maps) && maps[j].r == maps[j-1].r+1 && maps[j].r < cmapFinalCode {
			j++
		}
		segs = append(segs, runSegments(maps[i:j])...)
		i = j
	}
	return append(segs, segment4{start: cmapFinalCode, end: cmapFinalCode, delta: 1})
}

// runSegments encodes a run of consecutive codes.
func runSegments(run []mapping) []segment4 {
	var deltas []segment4
	for i := 0; i < len(run); {
		j := i + 1
		for j < len(run) && run[j].g == run[j-1].g+1 {
			j++
		}
		deltas = append(deltas, segment4{start: uint16(run[i].r), end: uint16(run[j-1].r), delta: run[i].g - uint16(run[i].r)})
		i = j
	}
	if len(deltas)*cmap4SegmentSize <= cmap4SegmentSize+2*len(run) {
		return deltas
	}
	arr := segment4{start: uint16(run[0].r), end: uint16(run[len(run)-1].r), glyphs: make([]uint16, len(run))}
	for i, m := range run {
		arr.glyphs[i] = m.g
	}
	return []segment4{arr}
}

// buildCmap12 writes a format 12 subtable covering every mapping ("Format
// 12: Segmented coverage"); it repeats the BMP so it can stand alone.
func buildCmap12(maps []mapping) []byte {
	out := make([]byte, cmap12HeaderSize)
	binary.BigEndian.PutUint16(out, formatSegmentedFull)
	groups := 0
	for i := 0; i < len(maps); {
		j := i + 1
		for j < len(maps) && maps[j].r == maps[j-1].r+1 && maps[j].g == maps[j-1].g+1 {
			j++
		}
		out = binary.BigEndian.AppendUint32(out, uint32(maps[i].r))
		out = binary.BigEndian.AppendUint32(out, uint32(maps[j-1].r))
		out = binary.BigEndian.AppendUint32(out, uint32(maps[i].g))
		groups++
		i = j
	}
	binary.BigEndian.PutUint32(out[4:], uint32(len(out)))
	binary.BigEndian.PutUint32(out[12:], uint32(groups))
	return out
}

// buildCmap12Only writes a cmap whose one subtable is format 12, shared by
// platform 0 encoding 4 and platform 3 encoding 10: for a subset whose
// characters are too scattered for format 4's 64 KB.
func buildCmap12Only(maps []mapping) []byte {
	recs := [][2]uint16{{platformUnicode, encUnicode2Full}, {platformWindows, encWindowsFull}}
	out := make([]byte, cmapHeaderSize+len(recs)*cmapRecordSize)
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	for i, r := range recs {
		b := out[cmapHeaderSize+i*cmapRecordSize:]
		binary.BigEndian.PutUint16(b, r[0])
		binary.BigEndian.PutUint16(b[2:], r[1])
		binary.BigEndian.PutUint32(b[4:], uint32(len(out)))
	}
	return append(out, buildCmap12(maps)...)
}
