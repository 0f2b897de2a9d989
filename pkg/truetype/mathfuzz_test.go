package truetype

import (
	"testing"
)

// FuzzParseMath: ParseMath never panics, and a table it accepts names only
// glyphs below numGlyphs and gives assemblies with parts.
func FuzzParseMath(f *testing.F) {
	font := dejaVuMath(f)
	table := font.tables["MATH"]
	f.Add(table, font.NumGlyphs())
	f.Add(table[:mathConstantsSize+20], font.NumGlyphs())
	f.Add(table, 10)
	f.Add([]byte{0, 1, 0, 0, 0, 10, 0, 0, 0, 0}, 5)
	f.Fuzz(func(t *testing.T, data []byte, numGlyphs int) {
		m, err := ParseMath(data, numGlyphs)
		if err != nil {
			return
		}
		for _, cons := range []map[uint16]*GlyphConstruction{m.vertical, m.horizontal} {
			for g, c := range cons {
				if int(g) >= numGlyphs {
					t.Fatalf("construction for glyph %d ≥ %d", g, numGlyphs)
				}
				for _, v := range c.Variants {
					if int(v.Glyph) >= numGlyphs {
						t.Fatalf("variant glyph %d ≥ %d", v.Glyph, numGlyphs)
					}
				}
			}
		}
	})
}

// FuzzGlyphOutline: for any font Parse accepts, every glyph's outline and
// metrics are answered without a panic, and outlines start with a move.
func FuzzGlyphOutline(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		for g := range min(font.NumGlyphs()+1, 64) {
			_, _ = font.GlyphAdvance(uint16(g))
			_, _ = font.GlyphBounds(uint16(g))
			path, err := font.GlyphOutline(uint16(g))
			if err == nil && len(path) > 0 && path[0].Op != MoveTo {
				t.Fatalf("glyph %d outline starts with %v", g, path[0].Op)
			}
		}
	})
}
