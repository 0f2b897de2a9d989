package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// This file checks a TrueType file against what fpdf's UTF-8 font parser
// (utf8fontfile.go in fpdf v0.12.0) assumes. That parser reads without
// bounds checks and, where it meets something it does not handle, prints a
// message to standard output and carries on. Each check below matches one
// such place, so that the painter returns an error instead. The caller has
// normally checked the face with package truetype already; this is the
// painter's own guard, cheap next to parsing the font.

// sfnt versions fpdf accepts: TrueType outlines (1.0, and Apple's 'true').
const (
	sfntVersion1    = 0x00010000
	sfntVersionTrue = 0x74727565 // "true"
	sfntVersionOTTO = 0x4F54544F // "OTTO": CFF outlines
	sfntVersionTTC  = 0x74746366 // "ttcf": a collection
)

// Sizes and offsets in the tables fpdf reads (OpenType specification).
const (
	sfntHeaderSize     = 12
	tableRecordSize    = 16
	headMinSize        = 54
	headGlyphFormatAt  = 52 // glyphDataFormat
	hheaMinSize        = 36
	hheaMetricFormatAt = 32 // metricDataFormat
	hheaNumMetricsAt   = 34 // numberOfHMetrics
	maxpMinSize        = 6
	postMinSize        = 16
	os2MinSize         = 78
	os2FsTypeAt        = 8
	nameHeaderSize     = 6
	nameRecordSize     = 12
	cmapHeaderSize     = 4
	cmapRecordSize     = 8
)

// fsType bits fpdf refuses with a printed "copyright restrictions" message:
// restricted-licence embedding, and the bitmap-only and no-subsetting bits.
const (
	fsTypeRestricted = 0x0002
	fsTypeNoSubset   = 0x0100
	fsTypeBitmapOnly = 0x0200
)

// namesFPDFReads are the name IDs fpdf decodes from Windows Unicode records
// (family, subfamily, unique ID, full name, PostScript name).
var namesFPDFReads = map[uint16]bool{1: true, 2: true, 3: true, 4: true, 6: true}

// requiredTables are the tables fpdf seeks without checking that they
// exist, when reading metrics or cutting the subset.
var requiredTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "post", "loca", "glyf"}

// checkFace reports why fpdf could not read data as a TrueType font, or nil.
func checkFace(data []byte) error {
	tables, err := tableDirectory(data)
	if err != nil {
		return err
	}
	for _, tag := range requiredTables {
		if _, ok := tables[tag]; !ok {
			return fmt.Errorf("no %q table", tag)
		}
	}
	for _, check := range []func(map[string][]byte) error{checkHead, checkHhea, checkSmallTables, checkOS2, checkName, checkCmap} {
		if err := check(tables); err != nil {
			return err
		}
	}
	return nil
}

// tableDirectory reads the sfnt header and returns each table's bytes by
// tag, refusing CFF fonts, collections, and tables that lie outside data.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < sfntHeaderSize {
		return nil, errors.New("not a TrueType font: too short")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case sfntVersion1, sfntVersionTrue:
	case sfntVersionOTTO:
		return nil, errors.New("OpenType font with CFF outlines; fpdf reads only TrueType (glyf) outlines")
	case sfntVersionTTC:
		return nil, errors.New("TrueType collection; fpdf reads only single fonts")
	default:
		return nil, fmt.Errorf("not a TrueType font (sfnt version %#08x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < sfntHeaderSize+n*tableRecordSize {
		return nil, errors.New("table directory runs past the end of the file")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[sfntHeaderSize+i*tableRecordSize:]
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+size]
	}
	return tables, nil
}

// checkHead checks the glyph data format, which fpdf requires to be 0.
func checkHead(tables map[string][]byte) error {
	head := tables["head"]
	if len(head) < headMinSize {
		return errors.New("head table too short")
	}
	if binary.BigEndian.Uint16(head[18:]) == 0 {
		return errors.New("head table gives zero units per em")
	}
	if f := binary.BigEndian.Uint16(head[headGlyphFormatAt:]); f != 0 {
		return fmt.Errorf("unknown glyph data format %d", f)
	}
	return nil
}

// checkHhea checks the metric data format and that there are horizontal
// metrics at all.
func checkHhea(tables map[string][]byte) error {
	hhea := tables["hhea"]
	if len(hhea) < hheaMinSize {
		return errors.New("hhea table too short")
	}
	if f := binary.BigEndian.Uint16(hhea[hheaMetricFormatAt:]); f != 0 {
		return fmt.Errorf("unknown horizontal metric data format %d", f)
	}
	if binary.BigEndian.Uint16(hhea[hheaNumMetricsAt:]) == 0 {
		return errors.New("no horizontal metrics")
	}
	return nil
}

// checkSmallTables checks the length of tables fpdf reads a fixed prefix of.
func checkSmallTables(tables map[string][]byte) error {
	if len(tables["maxp"]) < maxpMinSize {
		return errors.New("maxp table too short")
	}
	if len(tables["post"]) < postMinSize {
		return errors.New("post table too short")
	}
	return nil
}

// checkOS2 checks the embedding permissions, when there is an OS/2 table
// (fpdf does without one).
func checkOS2(tables map[string][]byte) error {
	os2, ok := tables["OS/2"]
	if !ok {
		return nil
	}
	if len(os2) < os2MinSize {
		return errors.New("OS/2 table too short")
	}
	fs := binary.BigEndian.Uint16(os2[os2FsTypeAt:])
	if fs == fsTypeRestricted || fs&(fsTypeNoSubset|fsTypeBitmapOnly) != 0 {
		return fmt.Errorf("the font's licence bits (OS/2 fsType %#04x) forbid embedding a subset", fs)
	}
	return nil
}

// checkName checks that the name table has format 0 and that the Windows
// English records fpdf decodes lie inside the table and hold whole UTF-16
// code units.
func checkName(tables map[string][]byte) error {
	name := tables["name"]
	if len(name) < nameHeaderSize {
		return errors.New("name table too short")
	}
	if f := binary.BigEndian.Uint16(name); f != 0 {
		return fmt.Errorf("name table format %d; fpdf reads only format 0", f)
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	storage := int(binary.BigEndian.Uint16(name[4:]))
	if len(name) < nameHeaderSize+count*nameRecordSize {
		return errors.New("name records run past the end of the table")
	}
	for i := range count {
		rec := name[nameHeaderSize+i*nameRecordSize:]
		platform, enc, lang, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:]), binary.BigEndian.Uint16(rec[4:]), binary.BigEndian.Uint16(rec[6:])
		size, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if !namesFPDFReads[id] {
			continue
		}
		if storage+off+size > len(name) {
			return fmt.Errorf("name %d runs past the end of the table", id)
		}
		if platform == 3 && enc == 1 && lang == 0x409 && size%2 != 0 {
			return fmt.Errorf("name %d has an odd length for UTF-16", id)
		}
	}
	return nil
}

// checkCmap checks for the subtable fpdf maps characters with: format 4,
// from a Windows Unicode BMP (3,1) or any Unicode-platform record, taking
// the first such record as fpdf does.
func checkCmap(tables map[string][]byte) error {
	cmap := tables["cmap"]
	if len(cmap) < cmapHeaderSize {
		return errors.New("cmap table too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < cmapHeaderSize+n*cmapRecordSize {
		return errors.New("cmap records run past the end of the table")
	}
	for i := range n {
		rec := cmap[cmapHeaderSize+i*cmapRecordSize:]
		platform, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		if platform != 0 && !(platform == 3 && enc == 1) {
			continue
		}
		off := uint64(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > uint64(len(cmap)) {
			return errors.New("cmap subtable lies outside the table")
		}
		if binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return nil
		}
	}
	return errors.New("no Unicode cmap subtable of format 4 (Basic Multilingual Plane)")
}
