package truetype

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// maxComponentDepth bounds how deeply composite glyphs may nest. Real fonts
// nest one to three levels; the bound stops reference loops and keeps the
// recursion shallow on hostile input.
const maxComponentDepth = 16

// maxFamilyLength bounds the new family name in runes; names are for menus
// and CSS, and the name table's offsets are 16 bits.
const maxFamilyLength = 200

// copiedTables are carried into a subset byte for byte: the TrueType
// hinting programs and their data, and the grid-fitting ranges, none of
// which refer to glyph ids.
var copiedTables = []string{"cvt ", "fpgm", "prep", "gasp"}

// Subset returns a standalone TrueType font named family that draws the
// given runes exactly as f does. It holds .notdef, the glyph of each rune
// the font has, and every glyph those reach as composite components,
// renumbered in their original order. Runes the font lacks are left out
// (check with HasRune), and so is U+FFFF, a noncharacter that cmap format 4
// reserves. The package comment lists the tables kept, rebuilt and dropped,
// and says why the name must change. The output depends only on f, the set
// of runes and family.
func (f *Font) Subset(runes []rune, family string) ([]byte, error) {
	if err := checkFamily(family); err != nil {
		return nil, err
	}
	maps := f.mappings(runes)
	glyphs := make([]uint16, len(maps))
	for i, m := range maps {
		glyphs[i] = m.g
	}
	s, err := f.SubsetGlyphs(glyphs)
	if err != nil {
		return nil, err
	}
	return s.build(maps, family)
}

// checkFamily refuses an empty or overlong family name for a subset.
func checkFamily(family string) error {
	if family == "" || len([]rune(family)) > maxFamilyLength {
		return fmt.Errorf("a subset needs a new family name of 1 to %d characters (the OFL reserves the original's)", maxFamilyLength)
	}
	return nil
}

// mappings returns the runes the font has, sorted and without repeats, each
// with its glyph id in f.
func (f *Font) mappings(runes []rune) []mapping {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	var maps []mapping
	for _, r := range rs {
		if g, ok := f.GlyphIndex(r); ok && r != cmapFinalCode { // U+FFFF is a noncharacter; format 4 reserves it
			maps = append(maps, mapping{r, g})
		}
	}
	return maps
}

// closure returns glyph 0, the given glyphs and all their components,
// sorted by glyph id. Every glyph must be below numGlyphs.
func (f *Font) closure(glyphs []uint16) ([]uint16, error) {
	state := make([]byte, f.numGlyphs) // 0 unseen, 1 being visited, 2 done
	if err := f.visit(0, 0, state); err != nil {
		return nil, err
	}
	for _, g := range glyphs {
		if err := f.visit(g, 0, state); err != nil {
			return nil, err
		}
	}
	var keep []uint16
	for g, s := range state {
		if s == 2 {
			keep = append(keep, uint16(g))
		}
	}
	return keep, nil
}

// visit marks g and, depth first, the components it uses.
func (f *Font) visit(g uint16, depth int, state []byte) error {
	switch {
	case int(g) >= f.numGlyphs:
		return fmt.Errorf("a composite glyph refers to glyph %d, past the last glyph (%d)", g, f.numGlyphs-1)
	case state[g] == 2:
		return nil
	case state[g] == 1:
		return fmt.Errorf("composite glyph %d refers to itself through its components", g)
	case depth > maxComponentDepth:
		return fmt.Errorf("composite glyph %d nests components more than %d deep", g, maxComponentDepth)
	}
	state[g] = 1
	comps, err := components(f.glyphData(g))
	if err != nil {
		return fmt.Errorf("glyph %d: %w", g, err)
	}
	for _, c := range comps {
		if err := f.visit(c.glyph, depth+1, state); err != nil {
			return err
		}
	}
	state[g] = 2
	return nil
}

// buildTables makes every table of the subset and assembles the file. maps
// pairs runes with the subset's glyph ids, sorted by rune.
func (f *Font) buildTables(keep []uint16, newID glyphMap, maps []mapping, family string) ([]byte, error) {
	cmap, err := buildCmap(maps)
	if err != nil {
		cmap = buildCmap12Only(maps) // too scattered for format 4; format 12 has no size limit
	}
	name, err := f.renamedNameTable(family)
	if err != nil {
		return nil, err
	}
	glyf, loca, longLoca := f.buildGlyf(keep, newID)
	hmtx, numHMetrics := f.buildHmtx(keep)
	s := f.summarize(keep)
	tables := map[string][]byte{
		"cmap": cmap, "name": name, "glyf": glyf, "loca": loca, "hmtx": hmtx,
		"head": f.subsetHead(s, longLoca),
		"hhea": f.subsetHhea(s, numHMetrics),
		"maxp": f.subsetMaxp(len(keep)),
		"post": f.subsetPost(),
	}
	if os2, ok := f.tables["OS/2"]; ok {
		tables["OS/2"] = subsetOS2(os2, maps)
	}
	for _, tag := range copiedTables {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	return writeFont(tables), nil
}

// subsetMaxp copies maxp with the new glyph count. Its other maxima (points,
// contours, component depth…) were upper bounds for the whole font and stay
// true for a part of it.
func (f *Font) subsetMaxp(numGlyphs int) []byte {
	maxp := slices.Clone(f.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[maxpNumGlyphs:], uint16(numGlyphs))
	return maxp
}

// postHeaderSize is the fixed part of post: version, italicAngle,
// underlinePosition, underlineThickness, isFixedPitch and four memory hints.
const postHeaderSize = 32

// postVersion3 means "no glyph names": renumbered glyphs would make the old
// names wrong, and nothing we target needs them.
const postVersion3 = 0x00030000

// subsetPost keeps the original post header (italic angle, underline) as a
// version 3.0 table.
func (f *Font) subsetPost() []byte {
	post := make([]byte, postHeaderSize)
	copy(post, f.tables["post"])
	binary.BigEndian.PutUint32(post, postVersion3)
	return post
}

// subsetOS2 copies OS/2 with usFirstCharIndex and usLastCharIndex narrowed
// to the subset's characters (both are capped at 0xFFFF by the spec).
func subsetOS2(os2 []byte, maps []mapping) []byte {
	os2 = slices.Clone(os2)
	if len(maps) > 0 {
		binary.BigEndian.PutUint16(os2[os2FirstCharIndex:], uint16(min(maps[0].r, maxBMP)))
		binary.BigEndian.PutUint16(os2[os2LastCharIndex:], uint16(min(maps[len(maps)-1].r, maxBMP)))
	}
	return os2
}
