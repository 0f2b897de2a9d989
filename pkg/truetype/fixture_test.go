package truetype

import (
	"encoding/binary"
	"testing"

	"github.com/hangul-press/publish/fonts"
)

// shipped are the fonts publish embeds, by file name.
var shipped = []struct {
	name string
	data []byte
}{
	{"NanumMyeongjo.ttf", fonts.MyeongjoRegular},
	{"NanumMyeongjoBold.ttf", fonts.MyeongjoBold},
	{"NanumGothic.ttf", fonts.GothicRegular},
	{"NanumGothicBold.ttf", fonts.GothicBold},
	{"NanumGothicCoding.ttf", fonts.CodingRegular},
	{"NanumGothicCodingBold.ttf", fonts.CodingBold},
}

// sampleText is a Korean sentence with ASCII, the subset most tests use.
const sampleText = "다람쥐 헌 쳇바퀴에 타고파. The quick brown fox, 0123456789!"

// smallFont subsets Nanum Myeongjo to a few characters: a real font small
// enough to seed fuzzers and to edit by hand in hostile-input tests.
func smallFont(t testing.TB, text string) []byte {
	t.Helper()
	f, err := Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Subset([]rune(text), "Test Serif")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tableRecord finds tag in a font's table directory and returns the byte
// offset of its record, the table's offset and its length.
func tableRecord(t testing.TB, font []byte, tag string) (rec, off, length int) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec = dirHeaderSize + i*dirRecordSize
		if string(font[rec:rec+4]) == tag {
			return rec, int(binary.BigEndian.Uint32(font[rec+8:])), int(binary.BigEndian.Uint32(font[rec+12:]))
		}
	}
	t.Fatalf("no %q table", tag)
	return 0, 0, 0
}

// replaceTables rebuilds a font with some tables replaced (or, for nil,
// removed), through the package's own writer.
func replaceTables(t testing.TB, font []byte, repl map[string][]byte) []byte {
	t.Helper()
	tables, err := readDirectory(font)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for tag, b := range tables {
		out[tag] = append([]byte(nil), b...)
	}
	for tag, b := range repl {
		if b == nil {
			delete(out, tag)
		} else {
			out[tag] = b
		}
	}
	return writeFont(out)
}
