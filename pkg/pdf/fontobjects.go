package pdf

// This file writes a used face's PDF objects: the Type0 font, its
// CIDFontType2 descendant, the font descriptor, the font program and the
// ToUnicode CMap (ISO 32000-1:2008, 9.7 "Composite Fonts").

// Font descriptor flags (9.8.2): a fixed-pitch font, a symbolic one (its
// glyphs lie outside the standard Latin set, as Hangul does; with an
// Identity encoding every embedded CID font is addressed this way) and an
// italic one.
const (
	flagFixedPitch = 1 << 0
	flagSymbolic   = 1 << 2
	flagItalic     = 1 << 6
)

// writeFont writes a used face's five objects: the Type0 font, its
// CIDFontType2 descendant, the font descriptor, the font program and the
// ToUnicode CMap. It returns the Type0 font's object number.
func writeFont(w *fileWriter, fu *faceUse, prog *fontProgram) int {
	type0, cid, desc, file, toUni := w.reserve(), w.reserve(), w.reserve(), w.reserve(), w.reserve()
	base := fu.subsetTag() + "+" + fu.name
	b := []byte("<</Type/Font/Subtype/Type0/BaseFont")
	b = appendName(b, base)
	b = append(b, "/Encoding/Identity-H/DescendantFonts["...)
	b = appendRef(b, cid)
	b = append(b, "]/ToUnicode "...)
	b = appendRef(b, toUni)
	w.object(type0, append(b, ">>"...))

	b = append(b[:0], "<</Type/Font/Subtype/CIDFontType2/BaseFont"...)
	b = appendName(b, base)
	b = append(b, "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "...)
	b = appendRef(b, desc)
	b = appendWidths(b, fu.widths)
	w.object(cid, append(b, "/CIDToGIDMap/Identity>>"...))

	w.object(desc, descriptor(fu, base, file))
	b = append(b[:0], "/Filter/FlateDecode/Length1 "...)
	w.stream(file, appendInt(b, prog.rawLen), prog.file)
	w.stream(toUni, []byte("/Filter/FlateDecode"), prog.toUnicode)
	return type0
}

// descriptor writes a font descriptor. Lengths are in thousandths of an em
// as PDF glyph space has them.
func descriptor(fu *faceUse, base string, file int) []byte {
	f := fu.font
	d, m := f.Descriptor(), f.Metrics()
	em := func(v int) int { return scaleTo1000(v, f.UnitsPerEm()) }
	flags := flagSymbolic
	if d.FixedPitch {
		flags |= flagFixedPitch
	}
	if d.ItalicAngle != 0 {
		flags |= flagItalic
	}
	capHeight := m.CapHeight
	if capHeight == 0 {
		capHeight = m.Ascender
	}
	b := []byte("<</Type/FontDescriptor/FontName")
	b = appendName(b, base)
	b = append(b, "/Flags "...)
	b = appendInt(b, flags)
	b = append(b, "/FontBBox["...)
	for i, v := range []int{d.XMin, d.YMin, d.XMax, d.YMax} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendInt(b, em(v))
	}
	b = append(b, "]/ItalicAngle "...)
	b = appendNum(b, d.ItalicAngle, 2)
	for _, kv := range []struct {
		key string
		v   int
	}{{"/Ascent ", em(m.Ascender)}, {"/Descent ", em(m.Descender)}, {"/CapHeight ", em(capHeight)}, {"/StemV ", stemV(d.WeightClass)}} {
		b = append(b, kv.key...)
		b = appendInt(b, kv.v)
	}
	b = append(b, "/FontFile2 "...)
	b = appendRef(b, file)
	return append(b, ">>"...)
}

// scaleTo1000 converts font units to thousandths of an em, rounded half
// away from zero.
func scaleTo1000(v, upm int) int {
	if v < 0 {
		return -scaleTo1000(-v, upm)
	}
	return (v*1000*2 + upm) / (2 * upm)
}

// stemV estimates the dominant vertical stem width, which a font
// descriptor requires but a TrueType font does not record. Viewers use it
// only to imitate a missing font, which never happens to an embedded one,
// so an estimate from the weight class serves: 50 + (weight / 65)², about
// 88 for a regular face and 166 for a bold one, the rule several PDF
// libraries use.
func stemV(weight int) int {
	r := float64(weight) / 65
	return 50 + int(r*r)
}
