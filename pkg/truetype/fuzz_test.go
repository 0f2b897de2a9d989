package truetype

import (
	"encoding/binary"
	"slices"
	"testing"
)

// fuzzSeeds are small real fonts and damaged copies of them, generated
// rather than stored: a subset of Nanum Myeongjo (a simple and a composite
// glyph, short loca) without hinting tables and with one name, so that the
// fuzzer's minimiser works on about a kilobyte; one with long loca; one with
// a composite loop; one truncated.
func fuzzSeeds(t testing.TB) [][]byte {
	name := writeNames([]nameRecord{windowsName(nameFamily, "F")})
	small := replaceTables(t, smallFont(t, "갂a"), map[string][]byte{
		"name": name, "cvt ": nil, "fpgm": nil, "prep": nil, "gasp": nil,
	})
	f, err := Parse(small)
	if err != nil {
		t.Fatal(err)
	}
	var long []byte
	for g := 0; g <= f.numGlyphs; g++ {
		long = binary.BigEndian.AppendUint32(long, uint32(f.locaOffset(g)))
	}
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint16(head[headIndexToLocFormat:], 1)
	ga, _ := f.GlyphIndex('갂')
	return [][]byte{
		small,
		replaceTables(t, small, map[string][]byte{"loca": long, "head": head}),
		withGlyph1(t, small, compositeOf(1)),
		small[:len(small)/2],
		replaceTables(t, small, map[string][]byte{"cmap": onlyFormat12([]mapping{{'a', 1}, {'갂', ga}, {0x1D400, ga}})}),
	}
}

// FuzzParse: Parse never panics, and a font it accepts answers every query
// without panicking.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		_ = font.Metrics()
		for _, r := range []rune{0, 'a', '가', 0xFFFF, 0x1F600, -5, 0x7FFFFFFF} {
			g, ok := font.GlyphIndex(r)
			if ok && int(g) >= font.NumGlyphs() {
				t.Fatalf("GlyphIndex(%U) = %d past numGlyphs %d", r, g, font.NumGlyphs())
			}
			_ = font.Advance(r)
		}
	})
}

// FuzzSubset: for any font Parse accepts, Subset either fails cleanly or
// writes a font that Parse accepts and that maps each requested rune the
// original has, with the same advance.
func FuzzSubset(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "갂a1")
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		runes := []rune(text)
		sub, err := font.Subset(runes, "Fuzz")
		if err != nil {
			return
		}
		g, err := Parse(sub)
		if err != nil {
			t.Fatalf("Parse of the subset: %v", err)
		}
		for _, r := range runes {
			if font.HasRune(r) && r != cmapFinalCode && (!g.HasRune(r) || g.Advance(r) != font.Advance(r)) {
				t.Fatalf("%U: in subset %v, advance %d; original %d", r, g.HasRune(r), g.Advance(r), font.Advance(r))
			}
		}
	})
}

// FuzzSubsetGlyphs: for any font Parse accepts and any glyph ids (two bytes
// each from ids), SubsetGlyphs either fails cleanly or plans a subset whose
// font Parse accepts, with every kept glyph's advance unchanged under its
// new id.
func FuzzSubsetGlyphs(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, []byte{0, 1, 0, 2, 0, 3})
	}
	f.Fuzz(func(t *testing.T, data, ids []byte) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		glyphs := []uint16{0}
		for i := 0; i+1 < len(ids) && len(glyphs) < 64; i += 2 {
			glyphs = append(glyphs, binary.BigEndian.Uint16(ids[i:]))
		}
		s, err := font.SubsetGlyphs(glyphs)
		if err != nil {
			return
		}
		sub, err := s.Font("Fuzz", map[rune]uint16{'a': glyphs[0]})
		if err != nil {
			return
		}
		g, err := Parse(sub)
		if err != nil {
			t.Fatalf("Parse of the subset: %v", err)
		}
		for n, old := range s.Glyphs() {
			a, _ := font.GlyphAdvance(old)
			if b, ok := g.GlyphAdvance(uint16(n)); !ok || a != b {
				t.Fatalf("glyph %d → %d: advance %d → %d (%v)", old, n, a, b, ok)
			}
		}
	})
}
