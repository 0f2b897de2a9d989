package truetype

import (
	"fmt"
	"slices"
)

// GlyphSubset is a subset of a font chosen by glyph id, for a PDF writer
// that draws glyphs by their ids (a CIDFontType2 font with an identity
// CIDToGIDMap). It keeps glyph 0 (.notdef), the glyphs asked for and every
// glyph they reach as composite components, and numbers them compactly in
// their original order: the subset's glyph n is the font's glyph Glyphs()[n].
// A GlyphSubset does not change after SubsetGlyphs and is safe for
// concurrent use.
type GlyphSubset struct {
	f     *Font
	keep  []uint16 // the font's glyph ids, by new id
	newID glyphMap
}

// glyphMap maps the font's glyph ids to a subset's: entry g holds the new id
// plus one, 0 for a glyph the subset leaves out. A slice rather than a map:
// a PDF writer looks up every glyph it draws.
type glyphMap []uint16

// get returns g's new id and whether the subset has g.
func (m glyphMap) get(g uint16) (uint16, bool) {
	if int(g) >= len(m) || m[g] == 0 {
		return 0, false
	}
	return m[g] - 1, true
}

// SubsetGlyphs plans a subset holding the given glyphs (any order, repeats
// allowed). A glyph id past the font's last glyph is an error, and so is a
// composite glyph that refers to itself, nests too deeply or names a glyph
// past the end. The result depends only on f and the set of glyphs.
func (f *Font) SubsetGlyphs(glyphs []uint16) (*GlyphSubset, error) {
	for _, g := range glyphs {
		if int(g) >= f.numGlyphs {
			return nil, fmt.Errorf("glyph %d is past the font's last glyph (%d)", g, f.numGlyphs-1)
		}
	}
	keep, err := f.closure(glyphs)
	if err != nil {
		return nil, err
	}
	newID := make(glyphMap, f.numGlyphs)
	for i, g := range keep {
		newID[g] = uint16(i + 1)
	}
	return &GlyphSubset{f: f, keep: keep, newID: newID}, nil
}

// NumGlyphs returns the number of glyphs in the subset.
func (s *GlyphSubset) NumGlyphs() int { return len(s.keep) }

// Glyphs returns the font's glyph ids the subset keeps, indexed by the
// subset's ids. The caller must not change the slice.
func (s *GlyphSubset) Glyphs() []uint16 { return s.keep }

// NewID returns the subset's id for the font's glyph g, and false when the
// subset does not hold g.
func (s *GlyphSubset) NewID(g uint16) (uint16, bool) { return s.newID.get(g) }

// Font writes the subset as a TrueType font named family (see the package
// comment for the tables and the name). runes pairs characters with the
// font's glyph ids for the subset's cmap; pairs whose glyph the subset does
// not hold are left out, as is U+FFFF. A PDF font program needs no cmap, but
// with one the subset is a font any tool reads back.
func (s *GlyphSubset) Font(family string, runes map[rune]uint16) ([]byte, error) {
	if err := checkFamily(family); err != nil {
		return nil, err
	}
	maps := make([]mapping, 0, len(runes))
	for r, g := range runes {
		if _, ok := s.newID.get(g); ok && r >= 0 && r != cmapFinalCode {
			maps = append(maps, mapping{r, g})
		}
	}
	slices.SortFunc(maps, func(a, b mapping) int { return int(a.r - b.r) })
	return s.build(maps, family)
}

// build renumbers maps (sorted by rune, with the font's glyph ids) to the
// subset's ids and writes the font.
func (s *GlyphSubset) build(maps []mapping, family string) ([]byte, error) {
	out := slices.Clone(maps)
	for i := range out {
		out[i].g, _ = s.newID.get(out[i].g)
	}
	return s.f.buildTables(s.keep, s.newID, out, family)
}
