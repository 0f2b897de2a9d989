package truetype

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/hangul-press/publish/fonts"
)

// unmappedGlyphs returns the glyphs of f that no character reaches through
// its cmap, glyph 0 aside.
func unmappedGlyphs(f *Font) []uint16 {
	mapped := make([]bool, f.numGlyphs)
	for r := rune(0); r <= 0x10FFFF; r++ {
		if g, ok := f.GlyphIndex(r); ok {
			mapped[g] = true
		}
	}
	var out []uint16
	for g := 1; g < f.numGlyphs; g++ {
		if !mapped[g] {
			out = append(out, uint16(g))
		}
	}
	return out
}

// compositeGlyph returns the first composite glyph of f reached from a
// Hangul syllable, with its components.
func compositeGlyph(t *testing.T, f *Font) (uint16, []uint16) {
	t.Helper()
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		g, _ := f.GlyphIndex(r)
		comps, err := components(f.glyphData(g))
		if err != nil || len(comps) == 0 {
			continue
		}
		var ids []uint16
		for _, c := range comps {
			ids = append(ids, c.glyph)
		}
		return g, ids
	}
	t.Fatal("no composite Hangul glyph")
	return 0, nil
}

// TestSubsetGlyphsKeeps: glyph 0, the glyphs asked for (an unmapped one
// among them) and the components of a composite glyph are kept, in their
// original order, numbered from 0 without gaps.
func TestSubsetGlyphsKeeps(t *testing.T) {
	f, err := Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	unmapped := unmappedGlyphs(f)
	if len(unmapped) == 0 {
		t.Fatal("Nanum Myeongjo has no unmapped glyph to test with")
	}
	comp, parts := compositeGlyph(t, f)
	ga, _ := f.GlyphIndex('a')
	ask := []uint16{comp, unmapped[0], ga, ga}
	s, err := f.SubsetGlyphs(ask)
	if err != nil {
		t.Fatal(err)
	}
	keep := s.Glyphs()
	if keep[0] != 0 || !slices.IsSorted(keep) || len(slices.Compact(slices.Clone(keep))) != len(keep) {
		t.Fatalf("kept glyphs %v: want glyph 0 first, sorted, no repeats", keep)
	}
	for _, g := range append(ask, parts...) {
		n, ok := s.NewID(g)
		if !ok || keep[n] != g {
			t.Errorf("glyph %d: new id %d, %v", g, n, ok)
		}
	}
	expect := append([]uint16{0, unmapped[0], ga, comp}, parts...)
	slices.Sort(expect)
	if want := len(slices.Compact(expect)); s.NumGlyphs() != want {
		t.Errorf("subset has %d glyphs, want %d", s.NumGlyphs(), want)
	}
	if _, ok := s.NewID(ga + 1); ok && !slices.Contains(parts, ga+1) {
		t.Error("a glyph not asked for is in the subset")
	}
}

// TestSubsetGlyphsRoundTrip writes a glyph subset, parses it back, and
// compares every kept glyph's advance and data (components renumbered)
// with the original, and the cmap it was given.
func TestSubsetGlyphsRoundTrip(t *testing.T) {
	for _, sf := range shipped {
		f, err := Parse(sf.data)
		if err != nil {
			t.Fatal(err)
		}
		runes := map[rune]uint16{}
		var ask []uint16
		for _, r := range sampleText + "갂똠힣" {
			g, _ := f.GlyphIndex(r)
			runes[r] = g
			ask = append(ask, g)
		}
		if un := unmappedGlyphs(f); len(un) > 0 {
			ask = append(ask, un[len(un)/2])
		}
		s, err := f.SubsetGlyphs(ask)
		if err != nil {
			t.Fatal(err)
		}
		data, err := s.Font("Test", runes)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: Parse of the subset: %v", sf.name, err)
		}
		if g.NumGlyphs() != s.NumGlyphs() || g.UnitsPerEm() != f.UnitsPerEm() {
			t.Fatalf("%s: %d glyphs, %d units per em", sf.name, g.NumGlyphs(), g.UnitsPerEm())
		}
		for n, old := range s.Glyphs() {
			a, _ := f.GlyphAdvance(old)
			b, _ := g.GlyphAdvance(uint16(n))
			if a != b || f.glyphLSB(old) != g.glyphLSB(uint16(n)) {
				t.Errorf("%s: glyph %d → %d: advance %d → %d", sf.name, old, n, a, b)
			}
			if want := renumberComponents(f.glyphData(old), s.newID); !bytes.Equal(bytes.TrimRight(g.glyphData(uint16(n)), "\x00"), bytes.TrimRight(want, "\x00")) {
				t.Errorf("%s: glyph %d → %d: outline data differs", sf.name, old, n)
			}
		}
		for r, old := range runes {
			want, _ := s.NewID(old)
			if got, _ := g.GlyphIndex(r); got != want {
				t.Errorf("%s: %q maps to %d in the subset, want %d", sf.name, r, got, want)
			}
		}
	}
}

// TestSubsetGlyphsErrors: glyph ids past the end and composite loops are
// errors.
func TestSubsetGlyphsErrors(t *testing.T) {
	f, err := Parse(smallFont(t, "가a"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.SubsetGlyphs([]uint16{1, uint16(f.numGlyphs)}); err == nil || !strings.Contains(err.Error(), "past the font's last glyph") {
		t.Errorf("glyph past the end: %v", err)
	}
	loop, err := Parse(withGlyph1(t, smallFont(t, "가"), compositeOf(1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loop.SubsetGlyphs([]uint16{1}); err == nil || !strings.Contains(err.Error(), "refers to itself") {
		t.Errorf("composite loop: %v", err)
	}
}

// TestSubsetGlyphsDeterministic: order and repeats of the glyphs and the
// map order of runes do not change the bytes.
func TestSubsetGlyphsDeterministic(t *testing.T) {
	f, err := Parse(fonts.GothicRegular)
	if err != nil {
		t.Fatal(err)
	}
	runes := map[rune]uint16{}
	var ask []uint16
	for _, r := range sampleText {
		g, _ := f.GlyphIndex(r)
		runes[r] = g
		ask = append(ask, g)
	}
	var first []byte
	for i := range 5 {
		order := slices.Clone(ask)
		slices.Reverse(order[:i*len(order)/5])
		s, err := f.SubsetGlyphs(append(order, order[0]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Font("X", runes)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatalf("attempt %d gives other bytes", i)
		}
	}
}

// TestSubsetGlyphsScatteredCmap: characters too scattered for a format 4
// subtable (one segment each, more than 64 KB) get a format 12 one alone,
// which Parse reads.
func TestSubsetGlyphsScatteredCmap(t *testing.T) {
	f, err := Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	ga, _ := f.GlyphIndex('a')
	runes := map[rune]uint16{}
	for i := rune(1); i <= 9000; i++ {
		runes[2*i] = ga
	}
	s, err := f.SubsetGlyphs([]uint16{ga})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Font("X", runes)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.NewID(ga)
	for _, r := range []rune{2, 1000, 18000} {
		if got, ok := g.GlyphIndex(r); !ok || got != want {
			t.Errorf("%U → %d, %v; want %d", r, got, ok, want)
		}
	}
	if g.hasBMP || g.astral.groups == nil {
		t.Errorf("format 4 %v, format 12 %v; want format 12 only", g.hasBMP, g.astral.groups != nil)
	}
}
