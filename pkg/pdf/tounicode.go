package pdf

import "unicode/utf16"

// maxCMapBlock is the most entries one beginbfchar or beginbfrange block
// may hold (Adobe Technical Note #5014, "Adobe CMap and CIDFont Files
// Specification", limits of the CMap operators).
const maxCMapBlock = 100

// cmapHeader and cmapFooter frame a ToUnicode CMap (ISO 32000-1:2008,
// 9.10.3): two-byte codes, the whole range.
const (
	cmapHeader = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
	cmapFooter = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
)

// cmapEntry maps a CID to the UTF-16 code units of its text.
type cmapEntry struct {
	cid   uint16
	units []uint16
}

// toUnicodeCMap writes the ToUnicode CMap of a used face: each subset glyph
// that stands for some text maps to it, in UTF-16BE, characters beyond the
// Basic Multilingual Plane as surrogate pairs. Glyphs with no text (a
// composite's component, a delimiter piece) are left out.
func toUnicodeCMap(fu *faceUse) []byte {
	var entries []cmapEntry
	for cid, g := range fu.subset.Glyphs() {
		if text := fu.text[g]; text != "" {
			entries = append(entries, cmapEntry{uint16(cid), utf16.Encode([]rune(text))})
		}
	}
	var chars, ranges [][]byte
	for i := 0; i < len(entries); {
		j := rangeEnd(entries, i)
		if j-i > 1 {
			ranges = append(ranges, bfrange(entries[i], entries[j-1]))
		} else {
			chars = append(chars, bfchar(entries[i]))
		}
		i = j
	}
	b := []byte(cmapHeader)
	b = appendCMapBlocks(b, "bfchar", chars)
	b = appendCMapBlocks(b, "bfrange", ranges)
	return append(b, cmapFooter...)
}

// rangeEnd returns the end of the longest run from entries[i] that one
// bfrange can express: consecutive CIDs mapping to consecutive single code
// units, with the CIDs' first byte and the code units' first byte the same
// throughout (a range may only vary in its last byte).
func rangeEnd(entries []cmapEntry, i int) int {
	first := entries[i]
	j := i + 1
	for ; j < len(entries); j++ {
		e, prev := entries[j], entries[j-1]
		if len(first.units) != 1 || len(e.units) != 1 || e.cid != prev.cid+1 || e.units[0] != prev.units[0]+1 ||
			e.cid>>8 != first.cid>>8 || e.units[0]>>8 != first.units[0]>>8 {
			break
		}
	}
	return j
}

// bfchar writes "<cid> <text>".
func bfchar(e cmapEntry) []byte {
	b := appendCode(nil, []uint16{e.cid})
	b = append(b, ' ')
	return appendCode(b, e.units)
}

// bfrange writes "<first> <last> <text of first>".
func bfrange(first, last cmapEntry) []byte {
	b := appendCode(nil, []uint16{first.cid})
	b = append(b, ' ')
	b = appendCode(b, []uint16{last.cid})
	b = append(b, ' ')
	return appendCode(b, first.units)
}

// appendCode writes 16-bit units as a hexadecimal string.
func appendCode(b []byte, units []uint16) []byte {
	b = append(b, '<')
	for _, u := range units {
		b = append(b, hexDigits[u>>12], hexDigits[u>>8&15], hexDigits[u>>4&15], hexDigits[u&15])
	}
	return append(b, '>')
}

// appendCMapBlocks writes lines in blocks of at most maxCMapBlock, each
// "n beginkind … endkind".
func appendCMapBlocks(b []byte, kind string, lines [][]byte) []byte {
	for len(lines) > 0 {
		n := min(len(lines), maxCMapBlock)
		b = appendInt(b, n)
		b = append(b, " begin"+kind+"\n"...)
		for _, l := range lines[:n] {
			b = append(append(b, l...), '\n')
		}
		b = append(b, "end"+kind+"\n"...)
		lines = lines[n:]
	}
	return b
}
