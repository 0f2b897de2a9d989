package truetype

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseShipped(t *testing.T) {
	for _, sf := range shipped {
		t.Run(sf.name, func(t *testing.T) {
			f, err := Parse(sf.data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(f.PostScriptName(), "Nanum") || !strings.HasPrefix(f.Family(), "Nanum") {
				t.Errorf("names = %q, %q; want Nanum…", f.PostScriptName(), f.Family())
			}
			upem := f.UnitsPerEm()
			m := f.Metrics()
			if upem < 1000 || m.Ascender <= 0 || m.Ascender > upem || m.Descender >= 0 || -m.Descender > upem/2 || m.LineGap < 0 {
				t.Errorf("unitsPerEm %d, metrics %+v: not sane", upem, m)
			}
			if m.XHeight <= 0 || m.CapHeight <= m.XHeight || m.CapHeight > m.Ascender {
				t.Errorf("x height %d, cap height %d: not sane", m.XHeight, m.CapHeight)
			}
			for _, r := range "한글가힣AZaz09.,?" {
				if !f.HasRune(r) {
					t.Errorf("HasRune(%q) = false", r)
				}
				if a := f.Advance(r); a <= 0 || a > 2*upem {
					t.Errorf("Advance(%q) = %d", r, a)
				}
			}
			for _, r := range []rune{0x1F600, -1, 0x10FFFF + 1, 0xFFFF} {
				if f.HasRune(r) {
					t.Errorf("HasRune(%U) = true", r)
				}
			}
			if a, b := f.Advance('가'), f.Advance('힣'); a != b {
				t.Errorf("Hangul syllables differ in advance: %d, %d", a, b)
			}
		})
	}
}

// TestAdvanceRepeatsLast checks the hmtx rule that glyphs past
// numberOfHMetrics take the last advance: Nanum Gothic Coding stores only
// 97 advances for 20,024 glyphs.
func TestAdvanceRepeatsLast(t *testing.T) {
	f, err := Parse(shipped[4].data)
	if err != nil {
		t.Fatal(err)
	}
	if f.numHMetrics >= f.numGlyphs {
		t.Fatalf("numberOfHMetrics %d: the test needs a font with fewer than numGlyphs", f.numHMetrics)
	}
	last := int(binary.BigEndian.Uint16(f.hmtx[(f.numHMetrics-1)*4:]))
	g, _ := f.GlyphIndex('한')
	if int(g) < f.numHMetrics {
		t.Fatalf("glyph of 한 is %d, inside the long metrics", g)
	}
	if got := f.Advance('한'); got != last || got != f.Advance('A')*2 {
		t.Errorf("Advance(한) = %d; want the last advance %d, twice Advance(A) = %d", got, last, f.Advance('A'))
	}
}

func TestParseRejects(t *testing.T) {
	small := smallFont(t, "가a")
	header := func(tag string) []byte { return append([]byte(tag), small[4:]...) }
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"OTTO", header("OTTO"), ErrCFF.Error()},
		{"ttcf", header("ttcf"), ErrCollection.Error()},
		{"wOFF", header("wOFF"), "not a TrueType font"},
		{"no glyf", replaceTables(t, small, map[string][]byte{"glyf": nil}), `no "glyf" table`},
		{"no hmtx", replaceTables(t, small, map[string][]byte{"hmtx": nil}), `"hmtx" is missing`},
		{"short head", replaceTables(t, small, map[string][]byte{"head": make([]byte, 20)}), "head table too short"},
		{"cmap without Unicode", replaceTables(t, small, map[string][]byte{"cmap": onlyMacRoman()}), "no Unicode cmap subtable of format 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse: %v; want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := Parse(header("OTTO")); !errors.Is(err, ErrCFF) {
		t.Errorf("OTTO: %v is not ErrCFF", err)
	}
}

// onlyFormat12 returns a cmap whose one subtable is format 12.
func onlyFormat12(maps []mapping) []byte {
	sub := buildCmap12(maps)
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12}
	return append(cmap, sub...)
}

// onlyMacRoman returns a cmap whose one subtable is a Macintosh format 0
// table, which maps no Unicode.
func onlyMacRoman() []byte {
	cmap := []byte{0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 12, 0, 0, 1, 6, 0, 0}
	return append(cmap, make([]byte, 256)...)
}

// TestParseFormat12Only: a font whose only Unicode subtable is format 12 is
// valid; it answers for the Basic Multilingual Plane and beyond.
func TestParseFormat12Only(t *testing.T) {
	small := smallFont(t, "가a")
	f, err := Parse(small)
	if err != nil {
		t.Fatal(err)
	}
	ga, _ := f.GlyphIndex('가')
	gA, _ := f.GlyphIndex('a')
	g, err := Parse(replaceTables(t, small, map[string][]byte{"cmap": onlyFormat12([]mapping{{'a', gA}, {'가', ga}, {0x1D538, gA}})}))
	if err != nil {
		t.Fatalf("Parse of a font with only format 12: %v", err)
	}
	for r, want := range map[rune]uint16{'a': gA, '가': ga, 0x1D538: gA, 'b': 0} {
		if got, ok := g.GlyphIndex(r); got != want || ok != (want != 0) {
			t.Errorf("GlyphIndex(%U) = %d, %v; want %d", r, got, ok, want)
		}
	}
}

// TestParseTruncated cuts a real font at every table's start and end: each
// cut that loses part of a table must be an error, not a panic.
func TestParseTruncated(t *testing.T) {
	for _, sf := range shipped {
		data := sf.data
		tables, _ := readDirectory(data)
		var cuts []int
		end := 0
		for tag := range tables {
			_, off, n := tableRecord(t, data, tag)
			cuts = append(cuts, off, off+n-1)
			end = max(end, off+n)
		}
		cuts = append(cuts, 0, 1, 11, 12, 13, dirHeaderSize+len(tables)*dirRecordSize-1)
		slices.Sort(cuts)
		for _, c := range slices.Compact(cuts) {
			if c >= end {
				continue
			}
			if _, err := Parse(data[:c]); err == nil {
				t.Errorf("%s cut at %d: no error", sf.name, c)
			}
		}
	}
}

func TestParseHostileOffsets(t *testing.T) {
	small := smallFont(t, sampleText)
	pastEOF := slices.Clone(small)
	rec, _, _ := tableRecord(t, pastEOF, "glyf")
	binary.BigEndian.PutUint32(pastEOF[rec+8:], uint32(len(small)-4))
	hugeLength := slices.Clone(small)
	binary.BigEndian.PutUint32(hugeLength[rec+12:], 0xFFFFFFFF)
	binary.BigEndian.PutUint32(hugeLength[rec+8:], 0xFFFFFFF0)

	f, _ := Parse(small)
	loca := slices.Clone(f.loca)
	binary.BigEndian.PutUint16(loca[2:], 0xFFF0) // glyph 1 ends far past glyf
	unordered := slices.Clone(f.loca)
	binary.BigEndian.PutUint16(unordered[4:], 0) // glyph 2 starts before glyph 1
	manyTables := slices.Clone(small)
	binary.BigEndian.PutUint16(manyTables[4:], 0xFFFF)
	for name, data := range map[string][]byte{
		"table past EOF":     pastEOF,
		"offset overflow":    hugeLength,
		"loca past glyf":     replaceTables(t, small, map[string][]byte{"loca": loca}),
		"loca out of order":  replaceTables(t, small, map[string][]byte{"loca": unordered}),
		"directory past EOF": manyTables,
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSubsetCompositeLoop makes glyph 1 a composite of itself, and of a
// glyph past the end: Parse may accept the font, Subset must refuse it.
func TestSubsetCompositeLoop(t *testing.T) {
	for name, tc := range map[string]struct {
		target uint16
		want   string
	}{"self": {1, "refers to itself"}, "past end": {0x7FFF, "past the last glyph"}} {
		t.Run(name, func(t *testing.T) {
			font := withGlyph1(t, smallFont(t, "가"), compositeOf(tc.target))
			f, err := Parse(font)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Subset([]rune("가"), "X"); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Subset: %v; want an error containing %q", err, tc.want)
			}
		})
	}
}

// compositeOf is a composite glyph with one component, glyph g, unscaled.
func compositeOf(g uint16) []byte {
	b := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0} // numberOfContours -1, empty box
	b = binary.BigEndian.AppendUint16(b, argsAreWords)
	b = binary.BigEndian.AppendUint16(b, g)
	return append(b, 0, 0, 0, 0)
}

// withGlyph1 replaces glyph 1's data, rewriting glyf and a long loca.
func withGlyph1(t testing.TB, font, glyph []byte) []byte {
	t.Helper()
	f, err := Parse(font)
	if err != nil {
		t.Fatal(err)
	}
	var glyf, loca []byte
	for g := range f.numGlyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if g == 1 {
			glyf = append(glyf, glyph...)
		} else {
			glyf = append(glyf, f.glyphData(uint16(g))...)
		}
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint16(head[headIndexToLocFormat:], 1)
	return replaceTables(t, font, map[string][]byte{"glyf": glyf, "loca": loca, "head": head})
}
