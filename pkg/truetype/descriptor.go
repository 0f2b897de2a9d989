package truetype

import (
	"encoding/binary"
	"fmt"
)

// Offsets in post and OS/2 that a descriptor reads ("post — PostScript
// Table", "OS/2 — OS/2 and Windows Metrics Table").
const (
	postItalicAngle  = 4  // Fixed 16.16, degrees counter-clockwise from vertical
	postIsFixedPitch = 12 // uint32, non-zero for a monospaced font
	postMinSize      = 16
	os2WeightClass   = 4 // usWeightClass
	os2FsType        = 8 // fsType: embedding permissions
	defaultWeight    = 400
)

// fsType bits that refuse embedding a subset ("fsType" in the OS/2 chapter):
// the restricted-licence value, and the no-subsetting and bitmap-only bits.
const (
	fsTypeRestricted = 0x0002
	fsTypeNoSubset   = 0x0100
	fsTypeBitmapOnly = 0x0200
)

// Descriptor is what a PDF font descriptor says about a font, in font units
// where it is a length.
type Descriptor struct {
	// XMin, YMin, XMax and YMax are head's bounding box of every glyph.
	XMin, YMin, XMax, YMax int
	// ItalicAngle is post's italic angle in degrees, counter-clockwise
	// from the vertical (negative for a font that leans right); 0 without
	// a post table.
	ItalicAngle float64
	// FixedPitch is post's isFixedPitch: every glyph has one advance.
	FixedPitch bool
	// WeightClass is OS/2's usWeightClass (400 regular, 700 bold); 400
	// without an OS/2 table.
	WeightClass int
}

// Descriptor returns the font's bounding box, italic angle, pitch and
// weight. Parse has checked head and OS/2; post is optional and ignored
// when too short.
func (f *Font) Descriptor() Descriptor {
	head := f.tables["head"]
	s16 := func(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }
	d := Descriptor{XMin: s16(head, headXMin), YMin: s16(head, headYMin), XMax: s16(head, headXMax), YMax: s16(head, headYMax),
		WeightClass: defaultWeight}
	if post := f.tables["post"]; len(post) >= postMinSize {
		d.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[postItalicAngle:]))) / 65536
		d.FixedPitch = binary.BigEndian.Uint32(post[postIsFixedPitch:]) != 0
	}
	if os2 := f.tables["OS/2"]; os2 != nil { // parseOS2 checked its length
		if w := int(binary.BigEndian.Uint16(os2[os2WeightClass:])); w > 0 {
			d.WeightClass = w
		}
	}
	return d
}

// CheckEmbedding reports whether the font's licence bits (OS/2 fsType)
// forbid embedding a subset of it in a document: the restricted-licence
// value, or the no-subsetting or bitmap-only bits. A font without an OS/2
// table sets no bits.
func (f *Font) CheckEmbedding() error {
	os2 := f.tables["OS/2"]
	if os2 == nil {
		return nil
	}
	fs := binary.BigEndian.Uint16(os2[os2FsType:])
	if fs == fsTypeRestricted || fs&(fsTypeNoSubset|fsTypeBitmapOnly) != 0 {
		return fmt.Errorf("the font's licence bits (OS/2 fsType %#04x) forbid embedding a subset", fs)
	}
	return nil
}

// AdvanceThousandths returns glyph g's advance in thousandths of an em,
// rounded half up: round(advance × 1000 / unitsPerEm). PDF glyph widths
// are in this unit, and the layout engine measures with the same numbers,
// so that the positions it computes are where a viewer draws the glyphs. A
// g past the last glyph gets the advance of glyph 0.
func (f *Font) AdvanceThousandths(g uint16) int {
	if !f.validGlyph(g) {
		g = 0
	}
	upm := f.unitsPerEm
	return (f.glyphAdvance(g)*1000*2 + upm) / (2 * upm)
}
