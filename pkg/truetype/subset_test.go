package truetype

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSubsetFileStructure checks the sfnt container rules of the output:
// sorted directory, binary search fields, 4-byte alignment with zero
// padding, table checksums, and the whole-file checksum that
// head.checkSumAdjustment makes equal 0xB1B0AFBA.
func TestSubsetFileStructure(t *testing.T) {
	font := smallFont(t, sampleText)
	n := int(binary.BigEndian.Uint16(font[4:]))
	if got := binary.BigEndian.Uint16(font[6:]); got != 16*8 || binary.BigEndian.Uint16(font[8:]) != 3 ||
		int(binary.BigEndian.Uint16(font[10:])) != n*16-128 {
		t.Errorf("numTables %d: searchRange %d, entrySelector %d, rangeShift %d", n, got,
			binary.BigEndian.Uint16(font[8:]), binary.BigEndian.Uint16(font[10:]))
	}
	var tags []string
	end := dirHeaderSize + n*dirRecordSize
	for i := range n {
		rec := font[dirHeaderSize+i*dirRecordSize:]
		tag, sum := string(rec[:4]), binary.BigEndian.Uint32(rec[4:])
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		tags = append(tags, tag)
		if off%4 != 0 || off != end+pad(end) {
			t.Errorf("%s at %d: not aligned right after the previous table (%d)", tag, off, end)
		}
		if !bytes.Equal(font[end:off], make([]byte, off-end)) {
			t.Errorf("%s: padding before it is not zero", tag)
		}
		table := slices.Clone(font[off : off+length])
		if tag == "head" {
			binary.BigEndian.PutUint32(table[headChecksumAdjust:], 0)
		}
		if checksum(table) != sum {
			t.Errorf("%s: checksum %#x, directory says %#x", tag, checksum(table), sum)
		}
		end = off + length
	}
	if end+pad(end) != len(font) {
		t.Errorf("file is %d bytes; tables end at %d", len(font), end)
	}
	if !slices.IsSorted(tags) {
		t.Errorf("directory not sorted: %v", tags)
	}
	want := []string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}
	if !slices.Equal(tags, want) {
		t.Errorf("tables %v; want %v", tags, want)
	}
	if sum := checksum(font); sum != checksumMagic {
		t.Errorf("whole-file checksum %#x; want %#x", sum, uint32(checksumMagic))
	}
}

func TestChecksum(t *testing.T) {
	for _, tc := range []struct {
		in   []byte
		want uint32
	}{
		{nil, 0},
		{[]byte{1}, 0x01000000},
		{[]byte{0, 0, 0, 1, 0, 0, 0, 2}, 3},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2}, 1}, // wraps modulo 2³²
		{[]byte{0, 0, 0, 1, 0xAB, 0xCD}, 0xABCD0001},
	} {
		if got := checksum(tc.in); got != tc.want {
			t.Errorf("checksum(% x) = %#x; want %#x", tc.in, got, tc.want)
		}
	}
}

// TestSubsetDeterministic: order and repeats of the runes do not matter.
func TestSubsetDeterministic(t *testing.T) {
	f, err := Parse(shipped[0].data)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(sampleText)
	a, err := f.Subset(runes, "X")
	if err != nil {
		t.Fatal(err)
	}
	shuffled := append(slices.Clone(runes), runes...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := f.Subset(shuffled, "X")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("same runes in another order give other bytes")
	}
}

// TestSubsetLocaFormat: a small subset gets a short loca, a large one
// (every Hangul syllable, several megabytes of glyf) a long one, and both
// parse back with every rune mapped.
func TestSubsetLocaFormat(t *testing.T) {
	f, err := Parse(shipped[0].data)
	if err != nil {
		t.Fatal(err)
	}
	var hangul []rune
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		hangul = append(hangul, r)
	}
	for _, tc := range []struct {
		runes []rune
		long  bool
	}{{[]rune(sampleText), false}, {hangul, true}} {
		sub, err := f.Subset(tc.runes, "X")
		if err != nil {
			t.Fatal(err)
		}
		g, err := Parse(sub)
		if err != nil {
			t.Fatal(err)
		}
		if g.longLoca != tc.long {
			t.Errorf("%d runes: long loca %v; want %v", len(tc.runes), g.longLoca, tc.long)
		}
		for _, r := range tc.runes {
			if g.Advance(r) != f.Advance(r) || !g.HasRune(r) {
				t.Fatalf("%q lost in a subset of %d runes", r, len(tc.runes))
			}
		}
	}
}

// TestBuildCmapAgainstMap writes random rune→glyph maps (dense runs, sparse
// runes, runs with and without climbing glyph ids, astral runes) and reads
// them back with the package's own cmap readers, which the shipped fonts
// test against the spec.
func TestBuildCmapAgainstMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 200 {
		want := map[rune]uint16{}
		for range rng.IntN(40) {
			start, n := rune(rng.IntN(0x10000)), rng.IntN(50)+1
			if rng.IntN(8) == 0 {
				start = 0x10000 + rune(rng.IntN(0x100000-n))
			}
			g, climb := uint16(rng.IntN(60000)+1), rng.IntN(2) == 0
			for i := range rune(n) {
				if start+i != cmapFinalCode {
					want[start+i] = g
				}
				if climb || rng.IntN(3) == 0 {
					g++
				}
				g = max(g, 1)
			}
		}
		var maps []mapping
		for r, g := range want {
			maps = append(maps, mapping{r, g})
		}
		slices.SortFunc(maps, func(a, b mapping) int { return int(a.r - b.r) })
		cmap, err := buildCmap(maps)
		if err != nil {
			t.Fatal(err)
		}
		f := &Font{tables: map[string][]byte{"cmap": cmap}, numGlyphs: 0xFFFF}
		if err := f.parseCmap(); err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for r := rune(0); r < 0x110000; r += rune(rng.IntN(997) + 1) {
			checkRune(t, f, r, want)
		}
		for r := range want {
			checkRune(t, f, r, want)
		}
	}
}

func checkRune(t *testing.T, f *Font, r rune, want map[rune]uint16) {
	t.Helper()
	g, ok := f.GlyphIndex(r)
	if w, has := want[r]; g != w || ok != has {
		t.Fatalf("U+%04X → %d, %v; want %d, %v", r, g, ok, w, has)
	}
}

// TestSubsetAstral gives a small font a glyph for U+1F600 through a format
// 12 subtable, then subsets it: the subset must carry format 12 too.
func TestSubsetAstral(t *testing.T) {
	small := smallFont(t, "가a")
	f, err := Parse(small)
	if err != nil {
		t.Fatal(err)
	}
	ga, _ := f.GlyphIndex('가')
	cmap, err := buildCmap([]mapping{{'a', 1}, {'가', ga}, {0x1F600, ga}})
	if err != nil {
		t.Fatal(err)
	}
	f, err = Parse(replaceTables(t, small, map[string][]byte{"cmap": cmap}))
	if err != nil {
		t.Fatal(err)
	}
	if !f.HasRune(0x1F600) || f.Advance(0x1F600) != f.Advance('가') {
		t.Fatal("format 12 lookup failed in the source font")
	}
	sub, err := f.Subset([]rune{0x1F600, 'a'}, "X")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(sub)
	if err != nil {
		t.Fatal(err)
	}
	if !g.HasRune(0x1F600) || !g.HasRune('a') || g.HasRune('가') || g.astral.groups == nil {
		t.Errorf("subset: U+1F600 %v, a %v, 가 %v, format 12 %v", g.HasRune(0x1F600), g.HasRune('a'), g.HasRune('가'), g.astral.groups != nil)
	}
}

// TestSubsetNames: the new family replaces every name that could carry a
// Reserved Font Name, and the copyright and licence records survive.
func TestSubsetNames(t *testing.T) {
	f, err := Parse(shipped[0].data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Subset([]rune("가"), ""); err == nil {
		t.Error("empty family accepted")
	}
	sub, err := f.Subset([]rune("가"), "Book Serif (본문)")
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := readNames(f.tables["name"])
	g, _ := Parse(sub)
	recs, err := readNames(g.tables["name"])
	if err != nil {
		t.Fatal(err)
	}
	if g.Family() != "Book Serif (본문)" || g.PostScriptName() != "BookSerif-Regular" {
		t.Errorf("family %q, PostScript name %q", g.Family(), g.PostScriptName())
	}
	for _, r := range recs {
		if bytes.Contains(bytes.ToLower([]byte(r.String())), []byte("nanum")) && !keptNames[r.id] {
			t.Errorf("name %d still says %q", r.id, r.String())
		}
	}
	for _, id := range []uint16{nameCopyright, 13, 14} {
		if w := bestName(orig, id); w != "" && bestName(recs, id) != w {
			t.Errorf("name %d: %q; want the original %q", id, bestName(recs, id), w)
		}
	}
}

// TestConcurrentUse runs lookups and subsets on one Font from several
// goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	f, err := Parse(shipped[2].data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := f.Subset([]rune(sampleText), "X")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 4 {
		go func() {
			for _, r := range sampleText {
				f.Advance(r)
			}
			b, _ := f.Subset([]rune(sampleText), "X")
			done <- b
		}()
	}
	for range 4 {
		if !bytes.Equal(<-done, want) {
			t.Error("concurrent Subset gave other bytes")
		}
	}
}
