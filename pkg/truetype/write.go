package truetype

import (
	"encoding/binary"
	"math/bits"
	"sort"
)

// tableAlign is the alignment the spec requires of every table's offset.
const tableAlign = 4

// writeFont assembles tables into an sfnt file with TrueType outlines: a
// directory sorted by tag, each table padded to 4 bytes and checksummed,
// and head.checkSumAdjustment set last. Tables are laid out in tag order so
// that equal input gives equal bytes.
func writeFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	out := directoryHeader(len(tags))
	recs := len(out)
	out = append(out, make([]byte, len(tags)*dirRecordSize)...)
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			binary.BigEndian.PutUint32(t[headChecksumAdjust:], 0)
			headAt = len(out)
		}
		rec := out[recs+i*dirRecordSize:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		out = append(out, make([]byte, pad(len(t)))...)
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+headChecksumAdjust:], checksumMagic-checksum(out))
	}
	return out
}

// directoryHeader writes sfntVersion, numTables and the binary search
// fields.
func directoryHeader(n int) []byte {
	out := make([]byte, dirHeaderSize)
	binary.BigEndian.PutUint32(out, tagTrueType)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	putSearchFields(out[6:], n, dirRecordSize)
	return out
}

// putSearchFields writes the searchRange, entrySelector and rangeShift that
// the table directory and cmap format 4 carry for binary searches over n
// entries of size bytes: searchRange is size times the largest power of two
// not above n, entrySelector that power's log2, rangeShift the remainder.
func putSearchFields(b []byte, n, size int) {
	sel := max(bits.Len(uint(n))-1, 0)
	binary.BigEndian.PutUint16(b, uint16(size<<sel))
	binary.BigEndian.PutUint16(b[2:], uint16(sel))
	binary.BigEndian.PutUint16(b[4:], uint16(n*size-size<<sel))
}

// pad is the number of zero bytes that bring n to a multiple of tableAlign.
func pad(n int) int { return (tableAlign - n%tableAlign) % tableAlign }
