package truetype

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
)

// Name ids ("name — Naming Table", "Name IDs").
const (
	nameCopyright      = 0
	nameFamily         = 1
	nameSubfamily      = 2
	nameUniqueID       = 3
	nameFull           = 4
	namePostScript     = 6
	nameTypoFamily     = 16
	nameHeaderSize     = 6  // version, count, storageOffset
	nameRecordSize     = 12 // platformID, encodingID, languageID, nameID, length, stringOffset
	langEnglishUS      = 0x0409
	platformMac        = 1
	maxPostScriptName  = 63 // the spec's limit on name ID 6
	fallbackPostScript = "Subset"
	maxNameTable       = 0xFFFF // beyond this, 16-bit string offsets cannot reach every string
)

// keptNames are the name records a renamed subset carries over: copyright,
// subfamily, version, trademark, manufacturer, designer, description, vendor
// and designer URLs, licence description and licence URL. The OFL requires
// the copyright notice and licence to stay with every copy.
var keptNames = map[uint16]bool{0: true, 2: true, 5: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true, 14: true}

// nameRecord is one string of the name table, decoded to Go.
type nameRecord struct {
	platform, encoding, language, id uint16
	raw                              []byte
}

// parseName reads the family and PostScript names. The name table is
// optional for our purposes; a damaged one is an error.
func (f *Font) parseName() error {
	recs, err := readNames(f.tables["name"])
	if err != nil {
		return err
	}
	f.psName = bestName(recs, namePostScript)
	if f.family = bestName(recs, nameTypoFamily); f.family == "" {
		f.family = bestName(recs, nameFamily)
	}
	return nil
}

// readNames returns the records of a name table, checked to lie inside it.
func readNames(name []byte) ([]nameRecord, error) {
	if name == nil {
		return nil, nil
	}
	if len(name) < nameHeaderSize {
		return nil, fmt.Errorf("name table too short")
	}
	n, storage := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	if len(name) < nameHeaderSize+n*nameRecordSize {
		return nil, fmt.Errorf("name table too short for %d records", n)
	}
	recs := make([]nameRecord, n)
	for i := range recs {
		b := name[nameHeaderSize+i*nameRecordSize:]
		u := func(k int) uint16 { return binary.BigEndian.Uint16(b[2*k:]) }
		start := storage + int(u(5))
		if start+int(u(4)) > len(name) {
			return nil, fmt.Errorf("name record %d runs past the end of the name table", u(3))
		}
		recs[i] = nameRecord{u(0), u(1), u(2), u(3), name[start : start+int(u(4))]}
	}
	return recs, nil
}

// bestName returns name id, preferring Windows US English, then any Windows
// Unicode record, then Macintosh Roman English.
func bestName(recs []nameRecord, id uint16) string {
	best, rank := "", 0
	for _, r := range recs {
		if r.id != id {
			continue
		}
		if k := nameRank(r); k > rank {
			best, rank = r.String(), k
		}
	}
	return best
}

// nameRank orders the records bestName prefers; 0 means unreadable here.
func nameRank(r nameRecord) int {
	switch {
	case r.platform == platformWindows && r.encoding == encWindowsBMP && r.language == langEnglishUS:
		return 3
	case r.platform == platformWindows && (r.encoding == encWindowsBMP || r.encoding == encWindowsFull):
		return 2
	case r.platform == platformMac && r.encoding == 0 && r.language == 0:
		return 1
	}
	return 0
}

// String decodes the record: UTF-16BE for Windows, and Mac Roman read as
// Latin-1, which agrees with it on ASCII, the only part names use in practice.
func (r nameRecord) String() string {
	if r.platform == platformMac {
		var sb strings.Builder
		for _, b := range r.raw {
			sb.WriteRune(rune(b))
		}
		return sb.String()
	}
	u := make([]uint16, len(r.raw)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(r.raw[2*i:])
	}
	return string(utf16.Decode(u))
}

// renamedNameTable builds a format 0 name table for a subset called family:
// the kept records of the original plus new Windows English family, unique
// id, full and PostScript names.
func (f *Font) renamedNameTable(family string) ([]byte, error) {
	recs, err := readNames(f.tables["name"])
	if err != nil {
		return nil, err
	}
	sub := bestName(recs, nameSubfamily)
	if sub == "" {
		sub = "Regular"
	}
	var out []nameRecord
	for _, r := range recs {
		if keptNames[r.id] && r.language < 0x8000 { // ≥ 0x8000 are format 1 language tags
			out = append(out, r)
		}
	}
	if bestName(out, nameSubfamily) == "" {
		out = append(out, windowsName(nameSubfamily, sub))
	}
	ps := postScriptName(family, sub)
	out = append(out, windowsName(nameFamily, family), windowsName(nameUniqueID, ps),
		windowsName(nameFull, family+" "+sub), windowsName(namePostScript, ps))
	name := writeNames(out)
	if len(name) > maxNameTable {
		return nil, fmt.Errorf("name table of the subset would be %d bytes, past the %d its 16-bit offsets reach", len(name), maxNameTable)
	}
	return name, nil
}

// windowsName makes a Windows Unicode BMP, US English record.
func windowsName(id uint16, s string) nameRecord {
	u := utf16.Encode([]rune(s))
	raw := make([]byte, 2*len(u))
	for i, c := range u {
		binary.BigEndian.PutUint16(raw[2*i:], c)
	}
	return nameRecord{platformWindows, encWindowsBMP, langEnglishUS, id, raw}
}

// postScriptName derives name ID 6 from family and subfamily, keeping only
// the printable ASCII the spec allows (no spaces or []{}()<>/%).
func postScriptName(family, sub string) string {
	keep := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < 33 || r > 126 || strings.ContainsRune("[](){}<>/%", r) {
				return -1
			}
			return r
		}, s)
	}
	name := keep(family)
	if name == "" {
		name = fallbackPostScript
	}
	if s := keep(sub); s != "" {
		name += "-" + s
	}
	return name[:min(len(name), maxPostScriptName)]
}

// writeNames serialises records as a format 0 name table, sorted as the spec
// requires (platform, encoding, language, name id).
func writeNames(recs []nameRecord) []byte {
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.platform != b.platform {
			return a.platform < b.platform
		}
		if a.encoding != b.encoding {
			return a.encoding < b.encoding
		}
		if a.language != b.language {
			return a.language < b.language
		}
		return a.id < b.id
	})
	storage := nameHeaderSize + len(recs)*nameRecordSize
	out := make([]byte, storage)
	binary.BigEndian.PutUint16(out[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(out[4:], uint16(storage))
	for i, r := range recs {
		b := out[nameHeaderSize+i*nameRecordSize:]
		for k, v := range []uint16{r.platform, r.encoding, r.language, r.id, uint16(len(r.raw)), uint16(len(out) - storage)} {
			binary.BigEndian.PutUint16(b[2*k:], v)
		}
		out = append(out, r.raw...)
	}
	return out
}
