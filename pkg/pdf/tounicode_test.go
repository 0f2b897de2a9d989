package pdf

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hangul-press/publish/fonts"
)

// readCMap is a slow reference reader of the CMaps toUnicodeCMap writes:
// bfchar and bfrange blocks, expanded into text per CID. It checks the
// block sizes and that a range varies only in its last byte.
func readCMap(t *testing.T, cmap string) map[uint16]string {
	t.Helper()
	out := map[uint16]string{}
	hex := func(s string) []uint16 {
		var u []uint16
		for i := 0; i+4 <= len(s); i += 4 {
			v, err := strconv.ParseUint(s[i:i+4], 16, 16)
			if err != nil {
				t.Fatalf("bad hex %q", s)
			}
			u = append(u, uint16(v))
		}
		return u
	}
	blocks := regexp.MustCompile(`(?s)(\d+) begin(bfchar|bfrange)\n(.*?)end(bfchar|bfrange)\n`).FindAllStringSubmatch(cmap, -1)
	for _, b := range blocks {
		lines := strings.Split(strings.TrimSuffix(b[3], "\n"), "\n")
		if n, _ := strconv.Atoi(b[1]); n != len(lines) || n > maxCMapBlock {
			t.Errorf("block says %s entries, holds %d (at most %d)", b[1], len(lines), maxCMapBlock)
		}
		for _, l := range lines {
			f := regexp.MustCompile(`<([0-9A-F]+)>`).FindAllStringSubmatch(l, -1)
			if b[2] == "bfchar" {
				out[hex(f[0][1])[0]] = string(utf16.Decode(hex(f[1][1])))
				continue
			}
			lo, hi, dst := hex(f[0][1])[0], hex(f[1][1])[0], hex(f[2][1])
			if lo>>8 != hi>>8 || len(dst) != 1 || int(dst[0]&0xFF)+int(hi-lo) > 0xFF {
				t.Errorf("range %q varies in more than its last byte", l)
			}
			for c := lo; c <= hi; c++ {
				out[c] = string(utf16.Decode([]uint16{dst[0] + c - lo}))
			}
		}
	}
	return out
}

// TestToUnicodeAgainstReference gives glyphs of a real face random texts
// (runs of consecutive characters, astral characters, ligature-like
// strings, none at all) and reads the CMap back.
func TestToUnicodeAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 9))
	for trial := range 40 {
		fu := faceFor(t, "body", fonts.MyeongjoRegular)
		next := rune(0x20 + rng.IntN(0x1000))
		for g := 1; g < 600; g += 1 + rng.IntN(3) {
			var text string
			switch k := rng.IntN(10); {
			case k < 6:
				text = string(next) // consecutive characters for consecutive glyphs
				next++
			case k < 7:
				text = string(rune(0x1D400 + rng.IntN(0x300)))
			case k < 8:
				text = "ffi"
			case k < 9:
				next = rune(0x20 + rng.IntN(0xD000))
			}
			fu.use(uint16(g), text)
		}
		s, err := fu.font.SubsetGlyphs(fu.glyphs)
		if err != nil {
			t.Fatal(err)
		}
		fu.subset = s
		got := readCMap(t, string(toUnicodeCMap(fu)))
		want := map[uint16]string{}
		for _, g := range fu.glyphs {
			if text := fu.text[g]; text != "" {
				want[fu.newID(g)] = text
			}
		}
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d entries, want %d", trial, len(got), len(want))
		}
		for cid, text := range want {
			if got[cid] != text {
				t.Fatalf("trial %d: CID %d maps to %q, want %q", trial, cid, got[cid], text)
			}
		}
	}
}

// TestToUnicodeAstral: a character beyond the Basic Multilingual Plane
// maps through a surrogate pair, and a glyph drawn for two characters maps
// to the first.
func TestToUnicodeAstral(t *testing.T) {
	fu := faceFor(t, "body", fonts.MyeongjoRegular)
	fu.use(5, "𝔸")
	fu.use(7, "가")
	fu.use(7, "나")
	s, err := fu.font.SubsetGlyphs(fu.glyphs)
	if err != nil {
		t.Fatal(err)
	}
	fu.subset = s
	cmap := string(toUnicodeCMap(fu))
	for _, want := range []string{"<" + cid4(fu.newID(5)) + "> <D835DD38>", "<" + cid4(fu.newID(7)) + "> <AC00>"} {
		if !strings.Contains(cmap, want) {
			t.Errorf("CMap lacks %q:\n%s", want, cmap)
		}
	}
}

func cid4(c uint16) string { return strings.ToUpper(strconv.FormatUint(uint64(c)|0x10000, 16)[1:]) }
