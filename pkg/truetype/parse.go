package truetype

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Version tags at the start of an sfnt file (OpenType spec, "Table
// Directory"; Apple TrueType Reference Manual, chapter 6).
const (
	tagTrueType   = 0x00010000 // Microsoft/OpenType TrueType outlines
	tagAppleTrue  = 0x74727565 // 'true': Apple TrueType outlines
	tagOTTO       = 0x4F54544F // 'OTTO': CFF outlines
	tagCollection = 0x74746366 // 'ttcf': TrueType collection header
)

// Sizes of the fixed parts of the table directory.
const (
	dirHeaderSize = 12 // sfntVersion, numTables, searchRange, entrySelector, rangeShift
	dirRecordSize = 16 // tag, checksum, offset, length
)

// ErrCFF is returned by Parse for an OpenType font with CFF outlines, which
// the PDF writer cannot embed.
var ErrCFF = errors.New("OpenType/CFF outlines are not supported; use a TrueType (glyf) font")

// ErrCollection is returned by Parse for a TrueType collection.
var ErrCollection = errors.New("a TrueType collection (.ttc); extract one face")

// requiredTables are the tables without which a TrueType font cannot be
// drawn or measured (OpenType spec, "Required Tables" and "Tables Related to
// TrueType Outlines").
var requiredTables = []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"}

// Font is a parsed TrueType font. It keeps a reference to the bytes given to
// Parse, which the caller must not change afterwards. All methods are safe
// for concurrent use.
type Font struct {
	tables      map[string][]byte
	unitsPerEm  int
	longLoca    bool
	numGlyphs   int
	numHMetrics int
	hmtx        []byte
	loca        []byte
	glyf        []byte
	bmp         cmap4
	hasBMP      bool // a format 4 subtable was found
	astral      cmap12
	metrics     Metrics
	psName      string
	family      string
}

// Parse reads and checks a TrueType font. The error describes what is wrong
// without naming the file, so the caller can prefix it. Parse never panics,
// whatever the bytes.
func Parse(data []byte) (*Font, error) {
	tables, err := readDirectory(data)
	if err != nil {
		return nil, err
	}
	f := &Font{tables: tables}
	for _, step := range []func() error{
		f.parseHead, f.parseMaxp, f.parseHhea, f.parseHmtx, f.parseLoca,
		f.parseCmap, f.parseOS2, f.parseName,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// readDirectory checks the sfnt header and returns each table's bytes by tag.
func readDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < dirHeaderSize {
		return nil, fmt.Errorf("file too short for a font (%d bytes)", len(data))
	}
	if err := checkVersion(binary.BigEndian.Uint32(data)); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < dirHeaderSize+n*dirRecordSize {
		return nil, fmt.Errorf("table directory of %d tables runs past the end of the file", n)
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[dirHeaderSize+i*dirRecordSize:]
		tag := string(rec[:4])
		off, length := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil, fmt.Errorf("table %q (offset %d, length %d) runs past the end of the file (%d bytes)", tag, off, length, len(data))
		}
		if _, dup := tables[tag]; dup {
			return nil, fmt.Errorf("table %q appears twice in the table directory", tag)
		}
		tables[tag] = data[off : off+length : off+length]
	}
	return tables, checkRequired(tables)
}

// checkVersion accepts TrueType outlines and names the formats it rejects.
func checkVersion(v uint32) error {
	switch v {
	case tagTrueType, tagAppleTrue:
		return nil
	case tagOTTO:
		return ErrCFF
	case tagCollection:
		return ErrCollection
	}
	return fmt.Errorf("not a TrueType font (sfnt version %#08x)", v)
}

// checkRequired reports the first required table the font lacks.
func checkRequired(tables map[string][]byte) error {
	for _, tag := range requiredTables {
		if _, ok := tables[tag]; !ok {
			if tag == "glyf" || tag == "loca" {
				return fmt.Errorf("no %q table: not a TrueType-outline font", tag)
			}
			return fmt.Errorf("required table %q is missing", tag)
		}
	}
	return nil
}

// PostScriptName returns the font's PostScript name (name ID 6), or "" when
// the font has none.
func (f *Font) PostScriptName() string { return f.psName }

// Family returns the font's family name: the typographic family (name ID 16)
// if present, else the family (name ID 1), or "".
func (f *Font) Family() string { return f.family }

// UnitsPerEm returns the size of the em square in font units; every length
// the Font returns is in these units.
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// NumGlyphs returns the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }
