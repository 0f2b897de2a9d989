package truetype

import (
	"encoding/binary"
	"fmt"
)

// Offsets and sizes in the head table (OpenType spec, "head — Font Header
// Table").
const (
	headSize             = 54
	headChecksumAdjust   = 8
	headMagicOffset      = 12
	headMagic            = 0x5F0F3CF5
	headUnitsPerEm       = 18
	headIndexToLocFormat = 50
	minUnitsPerEm        = 16    // the spec's lower bound
	maxUnitsPerEm        = 16384 // the spec's upper bound
)

// Offsets in the maxp and hhea tables ("maxp — Maximum Profile", "hhea —
// Horizontal Header Table").
const (
	maxpMinSize          = 6 // version 0.5: version and numGlyphs
	maxpNumGlyphs        = 4
	hheaSize             = 36
	hheaAscender         = 4
	hheaDescender        = 6
	hheaLineGap          = 8
	hheaAdvanceMax       = 10
	hheaMinLSB           = 12
	hheaMinRSB           = 14
	hheaXMaxExtent       = 16
	hheaNumberOfHMetrics = 34
)

// Offsets in the OS/2 table ("OS/2 — OS/2 and Windows Metrics Table").
const (
	os2V0Size             = 78 // through usWinDescent
	os2V2Size             = 96 // through usMaxContext; adds sxHeight, sCapHeight
	os2FsSelection        = 62
	os2FirstCharIndex     = 64
	os2LastCharIndex      = 66
	os2TypoAscender       = 68
	os2TypoDescender      = 70
	os2TypoLineGap        = 72
	os2XHeight            = 86
	os2CapHeight          = 88
	fsSelectionUseTypo    = 1 << 7 // USE_TYPO_METRICS: prefer the sTypo* values
	os2VersionWithHeights = 2      // first OS/2 version with sxHeight and sCapHeight
)

// Metrics are a font's vertical metrics in font units. Descender is negative
// when it lies below the baseline, as in the font. CapHeight and XHeight are
// zero when the font does not record them (no OS/2 table of version 2 or
// later).
type Metrics struct {
	Ascender  int // height above the baseline that lines make room for
	Descender int // depth below the baseline that lines make room for, negative below
	LineGap   int // extra space the font asks for between lines; often 0
	CapHeight int // height of flat capital letters; 0 when not recorded
	XHeight   int // height of flat lowercase letters (x); 0 when not recorded
}

// Metrics returns the font's vertical metrics: from hhea, or from the OS/2
// typographic values when OS/2 sets USE_TYPO_METRICS.
func (f *Font) Metrics() Metrics { return f.metrics }

// parseHead reads units per em and the loca format.
func (f *Font) parseHead() error {
	head := f.tables["head"]
	if len(head) < headSize {
		return fmt.Errorf("head table too short (%d bytes, need %d)", len(head), headSize)
	}
	if binary.BigEndian.Uint32(head[headMagicOffset:]) != headMagic {
		return fmt.Errorf("head table has a bad magic number")
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[headUnitsPerEm:]))
	if f.unitsPerEm < minUnitsPerEm || f.unitsPerEm > maxUnitsPerEm {
		return fmt.Errorf("head.unitsPerEm %d is outside %d..%d", f.unitsPerEm, minUnitsPerEm, maxUnitsPerEm)
	}
	switch int16(binary.BigEndian.Uint16(head[headIndexToLocFormat:])) {
	case 0:
	case 1:
		f.longLoca = true
	default:
		return fmt.Errorf("head.indexToLocFormat must be 0 or 1")
	}
	return nil
}

// parseMaxp reads the number of glyphs.
func (f *Font) parseMaxp() error {
	maxp := f.tables["maxp"]
	if len(maxp) < maxpMinSize {
		return fmt.Errorf("maxp table too short (%d bytes)", len(maxp))
	}
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[maxpNumGlyphs:]))
	if f.numGlyphs == 0 {
		return fmt.Errorf("maxp.numGlyphs is 0: the font has no .notdef glyph")
	}
	return nil
}

// parseHhea reads the horizontal header's metrics, which OS/2 may override.
func (f *Font) parseHhea() error {
	hhea := f.tables["hhea"]
	if len(hhea) < hheaSize {
		return fmt.Errorf("hhea table too short (%d bytes, need %d)", len(hhea), hheaSize)
	}
	f.metrics = Metrics{
		Ascender:  int(int16(binary.BigEndian.Uint16(hhea[hheaAscender:]))),
		Descender: int(int16(binary.BigEndian.Uint16(hhea[hheaDescender:]))),
		LineGap:   int(int16(binary.BigEndian.Uint16(hhea[hheaLineGap:]))),
	}
	f.numHMetrics = int(binary.BigEndian.Uint16(hhea[hheaNumberOfHMetrics:]))
	return nil
}

// parseOS2 reads cap and x heights and, if the font asks for it, the
// typographic line metrics. OS/2 is optional in Apple fonts, so a missing
// table is not an error; a truncated one is.
func (f *Font) parseOS2() error {
	os2, ok := f.tables["OS/2"]
	if !ok {
		return nil
	}
	if len(os2) < os2V0Size {
		return fmt.Errorf("OS/2 table too short (%d bytes, need %d)", len(os2), os2V0Size)
	}
	s16 := func(off int) int { return int(int16(binary.BigEndian.Uint16(os2[off:]))) }
	if binary.BigEndian.Uint16(os2[os2FsSelection:])&fsSelectionUseTypo != 0 {
		f.metrics.Ascender, f.metrics.Descender, f.metrics.LineGap = s16(os2TypoAscender), s16(os2TypoDescender), s16(os2TypoLineGap)
	}
	if binary.BigEndian.Uint16(os2) >= os2VersionWithHeights && len(os2) >= os2V2Size {
		f.metrics.XHeight, f.metrics.CapHeight = s16(os2XHeight), s16(os2CapHeight)
	}
	return nil
}
