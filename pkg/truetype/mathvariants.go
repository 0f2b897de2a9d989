package truetype

import "errors"

// GlyphConstruction lists how one glyph grows in one direction
// ("MathGlyphConstruction"): ready-made larger variants, smallest first,
// and an assembly of parts for sizes past the largest variant.
type GlyphConstruction struct {
	Variants []GlyphVariant // in the table's order (smallest first, usually the glyph itself); may be empty
	Assembly *GlyphAssembly // nil when the glyph has no assembly
}

// GlyphVariant is one size variant: its glyph and its size (height plus
// depth for vertical variants, advance width for horizontal ones).
type GlyphVariant struct {
	Glyph   uint16 // the variant's glyph id
	Advance int    // its size in the direction of growth, in font units
}

// GlyphAssembly is a recipe for a glyph of any size ("GlyphAssembly
// table"): parts from bottom to top (vertical) or left to right
// (horizontal); extenders may be repeated or left out.
type GlyphAssembly struct {
	ItalicsCorrection int         // the assembled glyph's italics correction, in font units
	Parts             []GlyphPart // bottom to top or left to right
}

// GlyphPart is one piece of an assembly. StartConnector and EndConnector are
// the lengths at each end that may overlap the neighbour; FullAdvance is
// the part's size in the stretch direction.
type GlyphPart struct {
	Glyph          uint16 // the part's glyph id
	StartConnector int    // at the bottom or left end, in font units
	EndConnector   int    // at the top or right end, in font units
	FullAdvance    int    // in font units
	Extender       bool   // the part may be repeated, or left out, to reach a size
}

// partExtender is the fExtender bit of GlyphPart.partFlags.
const partExtender = 0x0001

// VerticalConstruction returns how g grows vertically, or nil.
func (m *Math) VerticalConstruction(g uint16) *GlyphConstruction { return m.vertical[g] }

// HorizontalConstruction returns how g grows horizontally, or nil.
func (m *Math) HorizontalConstruction(g uint16) *GlyphConstruction { return m.horizontal[g] }

// variants reads the MathVariants table at off.
func (r *mathReader) variants(off int, m *Math) {
	m.vertical, m.horizontal = map[uint16]*GlyphConstruction{}, map[uint16]*GlyphConstruction{}
	if off < 0 {
		return
	}
	m.MinConnectorOverlap = int(r.u16(off))
	nv, nh := int(r.u16(off+6)), int(r.u16(off+8))
	r.constructions(off, r.sub(off, 2), nv, 10, m.vertical)
	r.constructions(off, r.sub(off, 4), nh, 10+2*nv, m.horizontal)
}

// constructions reads count construction offsets starting at base+first,
// for the glyphs of the coverage table at cov.
func (r *mathReader) constructions(base, cov, count, first int, into map[uint16]*GlyphConstruction) {
	if count == 0 {
		return
	}
	glyphs := r.coverage(cov)
	if len(glyphs) != count && r.err == nil {
		r.fail(errors.New("construction count differs from its coverage"))
	}
	for i := 0; i < count && r.err == nil; i++ {
		into[glyphs[i]] = r.construction(r.sub(base, first+2*i))
	}
}

// construction reads one MathGlyphConstruction table.
func (r *mathReader) construction(off int) *GlyphConstruction {
	if off < 0 {
		r.fail(errors.New("null construction offset"))
		return nil
	}
	c := &GlyphConstruction{Assembly: r.assembly(r.sub(off, 0))}
	n := int(r.u16(off + 2))
	r.u16(off + 4 + 4*n - 2)
	for i := 0; i < n && r.err == nil; i++ {
		c.Variants = append(c.Variants, GlyphVariant{r.glyph(off + 4 + 4*i), int(r.u16(off + 6 + 4*i))})
	}
	return c
}

// glyphPartSize is the size of a GlyphPart record.
const glyphPartSize = 10

// assembly reads one GlyphAssembly table.
func (r *mathReader) assembly(off int) *GlyphAssembly {
	if off < 0 {
		return nil
	}
	a := &GlyphAssembly{ItalicsCorrection: r.value(off)}
	n := int(r.u16(off + 4))
	r.u16(off + 6 + glyphPartSize*n - 2)
	for i := 0; i < n && r.err == nil; i++ {
		p := off + 6 + glyphPartSize*i
		a.Parts = append(a.Parts, GlyphPart{
			Glyph: r.glyph(p), StartConnector: int(r.u16(p + 2)), EndConnector: int(r.u16(p + 4)),
			FullAdvance: int(r.u16(p + 6)), Extender: r.u16(p+8)&partExtender != 0,
		})
	}
	return a
}
