package truetype_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
)

// roundTripText is a Korean sentence with ASCII and punctuation.
const roundTripText = "키스의 고유조건은 입술끼리 만나야 하고 특별한 기술은 필요치 않다. Hello, World! 0123456789 (괄호) “따옴표” …"

// TestSubsetRoundTrip subsets every shipped font and checks, with
// golang.org/x/image/font/sfnt as an independent reader, that each rune
// draws the same outline with the same advance as in the original.
func TestSubsetRoundTrip(t *testing.T) {
	runes := []rune(roundTripText)
	for r := rune(0xAC00); r <= 0xD7A3; r += 37 { // a spread of syllables, many of them composite glyphs in Nanum
		runes = append(runes, r)
	}
	for name, data := range map[string][]byte{
		"NanumMyeongjo": fonts.MyeongjoRegular, "NanumMyeongjoBold": fonts.MyeongjoBold,
		"NanumGothic": fonts.GothicRegular, "NanumGothicCoding": fonts.CodingRegular,
	} {
		t.Run(name, func(t *testing.T) {
			f, err := truetype.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			sub, err := f.Subset(runes, "Publish Test")
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes → %d bytes for %d runes", name, len(data), len(sub), len(runes))
			g, err := truetype.Parse(sub)
			if err != nil {
				t.Fatalf("our Parse of the subset: %v", err)
			}
			if g.Family() != "Publish Test" || g.PostScriptName() != "PublishTest-"+strings.ReplaceAll(subfamily(t, data), " ", "") {
				t.Errorf("subset names: %q, %q", g.Family(), g.PostScriptName())
			}
			if g.Metrics() != f.Metrics() || g.UnitsPerEm() != f.UnitsPerEm() {
				t.Errorf("metrics changed: %+v → %+v", f.Metrics(), g.Metrics())
			}
			for _, r := range runes {
				if !g.HasRune(r) || g.Advance(r) != f.Advance(r) {
					t.Errorf("%q: HasRune %v, advance %d, want %d", r, g.HasRune(r), g.Advance(r), f.Advance(r))
				}
			}
			if g.HasRune('힣') {
				t.Error("subset has 힣, which was not asked for")
			}
			compareWithSfnt(t, data, sub, runes)
		})
	}
}

// subfamily reads name ID 2 through x/image/font/sfnt.
func subfamily(t *testing.T, data []byte) string {
	fnt, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := fnt.Name(nil, sfnt.NameIDSubfamily)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// compareWithSfnt checks outlines and advances rune by rune.
func compareWithSfnt(t *testing.T, orig, sub []byte, runes []rune) {
	t.Helper()
	a, err := sfnt.Parse(orig)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("x/image/font/sfnt cannot parse the subset: %v", err)
	}
	if a.NumGlyphs() <= b.NumGlyphs() {
		t.Errorf("subset has %d glyphs, original %d", b.NumGlyphs(), a.NumGlyphs())
	}
	ppem := fixed.I(int(a.UnitsPerEm()))
	var bufA, bufB sfnt.Buffer
	for _, r := range runes {
		ga, err1 := a.GlyphIndex(&bufA, r)
		gb, err2 := b.GlyphIndex(&bufB, r)
		if err1 != nil || err2 != nil || ga == 0 || gb == 0 {
			t.Errorf("%q: glyph %d (%v) → %d (%v)", r, ga, err1, gb, err2)
			continue
		}
		sa, err1 := a.LoadGlyph(&bufA, ga, ppem, nil)
		sa = append(sfnt.Segments(nil), sa...)
		sb, err2 := b.LoadGlyph(&bufB, gb, ppem, nil)
		if err1 != nil || err2 != nil || !equalSegments(sa, sb) {
			t.Errorf("%q: outlines differ (%d vs %d segments; %v, %v)", r, len(sa), len(sb), err1, err2)
		}
		aa, _ := a.GlyphAdvance(&bufA, ga, ppem, font.HintingNone)
		ab, _ := b.GlyphAdvance(&bufB, gb, ppem, font.HintingNone)
		if aa != ab {
			t.Errorf("%q: advance %v → %v", r, aa, ab)
		}
	}
}

func equalSegments(a, b sfnt.Segments) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSubsetFontconfig asks fc-query (fontconfig) which characters the
// subset covers: the check that fpdf's UTF8CutFont output fails.
func TestSubsetFontconfig(t *testing.T) {
	fcQuery, err := exec.LookPath("fc-query")
	if err != nil {
		t.Skip("fc-query not installed (Debian package fontconfig); skipping the fontconfig check")
	}
	f, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	runes := append([]rune(roundTripText), 0x1F600) // one rune the font lacks
	sub, err := f.Subset(runes, "Publish Test")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "subset.ttf")
	if err := os.WriteFile(path, sub, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(fcQuery, "--format=%{family}|%{charset}", path).Output()
	if err != nil {
		t.Fatalf("fc-query: %v", err)
	}
	family, charset, _ := strings.Cut(string(out), "|")
	if family != "Publish Test" {
		t.Errorf("fontconfig family %q", family)
	}
	covered := parseCharset(t, charset)
	for _, r := range roundTripText {
		if !covered[r] {
			t.Errorf("fontconfig charset lacks %q (U+%04X): %s", r, r, charset)
		}
	}
	if covered[0x1F600] || covered['힣'] {
		t.Error("fontconfig charset has runes the subset should not")
	}
}

// parseCharset reads fontconfig's charset format: hex ranges "20-7e 3131".
func parseCharset(t *testing.T, s string) map[rune]bool {
	out := map[rune]bool{}
	for _, field := range strings.Fields(s) {
		lo, hi, isRange := strings.Cut(field, "-")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("fontconfig charset field %q", field)
		}
		for r := a; r <= b; r++ {
			out[rune(r)] = true
		}
	}
	return out
}

// TestSubsetGlyphsOutlines subsets Nanum Gothic by glyph id, composite
// Hangul glyphs included, and checks with golang.org/x/image/font/sfnt, an
// independent reader, that every kept glyph draws the same outline with
// the same advance under its new id.
func TestSubsetGlyphsOutlines(t *testing.T) {
	f, err := truetype.Parse(fonts.GothicRegular)
	if err != nil {
		t.Fatal(err)
	}
	var ask []uint16
	for _, r := range roundTripText {
		g, _ := f.GlyphIndex(r)
		ask = append(ask, g)
	}
	for r := rune(0xAC00); r <= 0xD7A3; r += 53 {
		g, _ := f.GlyphIndex(r)
		ask = append(ask, g)
	}
	s, err := f.SubsetGlyphs(ask)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.Font("Publish Test", nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := sfnt.Parse(fonts.GothicRegular)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("x/image/font/sfnt cannot parse the subset: %v", err)
	}
	if b.NumGlyphs() != s.NumGlyphs() {
		t.Fatalf("sfnt reads %d glyphs, the subset has %d", b.NumGlyphs(), s.NumGlyphs())
	}
	ppem := fixed.I(int(a.UnitsPerEm()))
	var bufA, bufB sfnt.Buffer
	for n, old := range s.Glyphs() {
		sa, err1 := a.LoadGlyph(&bufA, sfnt.GlyphIndex(old), ppem, nil)
		sa = append(sfnt.Segments(nil), sa...)
		sb, err2 := b.LoadGlyph(&bufB, sfnt.GlyphIndex(n), ppem, nil)
		if err1 != nil || err2 != nil || !equalSegments(sa, sb) {
			t.Errorf("glyph %d → %d: outlines differ (%d vs %d segments; %v, %v)", old, n, len(sa), len(sb), err1, err2)
		}
		aa, _ := a.GlyphAdvance(&bufA, sfnt.GlyphIndex(old), ppem, font.HintingNone)
		ab, _ := b.GlyphAdvance(&bufB, sfnt.GlyphIndex(n), ppem, font.HintingNone)
		if aa != ab {
			t.Errorf("glyph %d → %d: advance %v → %v", old, n, aa, ab)
		}
	}
}
