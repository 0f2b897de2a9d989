package fonts_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// parse parses a shipped file, which must be a TrueType font that may be
// embedded.
func parse(t *testing.T, name string, data []byte) *truetype.Font {
	t.Helper()
	f, err := truetype.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := f.CheckEmbedding(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// TestFamilies: every face parses, keys are unique, every family has its
// licence text.
func TestFamilies(t *testing.T) {
	keys := map[string]bool{}
	for _, fam := range fonts.Families {
		if keys[fam.Key] {
			t.Errorf("key %s used twice", fam.Key)
		}
		keys[fam.Key] = true
		parse(t, fam.Name, fam.Regular)
		if fam.Bold != nil {
			parse(t, fam.Name+" Bold", fam.Bold)
		}
		if len(fam.License) < 200 {
			t.Errorf("%s: licence text of %d bytes", fam.Name, len(fam.License))
		}
		if !strings.HasPrefix(fam.SubsetName, "Publish ") {
			t.Errorf("%s: subset name %q", fam.Name, fam.SubsetName)
		}
	}
}

// TestChain: the order of the fallback chains (docs/architecture.md).
func TestChain(t *testing.T) {
	for own, want := range map[*fonts.Family]string{
		fonts.Myeongjo: "myeongjo dejavu-serif cjk-serif gothic dejavu-sans cjk-sans coding dejavu-math symbols",
		fonts.Gothic:   "gothic dejavu-sans cjk-sans myeongjo dejavu-serif cjk-serif coding dejavu-math symbols",
		fonts.Coding:   "coding gothic dejavu-sans cjk-sans myeongjo dejavu-serif cjk-serif dejavu-math symbols",
	} {
		var got []string
		for _, f := range fonts.Chain(own) {
			got = append(got, f.Key)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Chain(%s): %s, want %s", own.Key, strings.Join(got, " "), want)
		}
	}
	var got []string
	for _, f := range fonts.FaceChain(fonts.Myeongjo, true) {
		name := f.Family.Key
		if f.Bold {
			name += "-bold"
		}
		got = append(got, name)
	}
	want := "myeongjo-bold dejavu-serif-bold gothic-bold dejavu-sans-bold coding-bold cjk-serif cjk-sans dejavu-math symbols"
	if strings.Join(got, " ") != want {
		t.Errorf("bold body chain: %s, want %s", strings.Join(got, " "), want)
	}
}

// TestRefuses: the backslash of Nanum's text faces (a Won sign) and their
// full-width letters are refused; nothing else is.
func TestRefuses(t *testing.T) {
	my := fonts.Face{Family: fonts.Myeongjo}
	font := parse(t, "myeongjo", my.Data())
	width := func(f *truetype.Font, r rune) int {
		g, _ := f.GlyphIndex(r)
		return f.AdvanceThousandths(g)
	}
	for _, tt := range []struct {
		face fonts.Face
		r    rune
		want bool
	}{
		{my, '\\', true},
		{my, '₩', false},
		{my, 'Д', true}, // 950/1000 em in Nanum Myeongjo
		{my, 'ß', true},
		{my, '가', false},
		{my, 'a', false},
		{my, '→', false}, // a full-width symbol is the Korean convention
		{fonts.Face{Family: fonts.Coding}, '\\', false},
		{fonts.Face{Family: fonts.Coding}, 'Д', false},
		{fonts.Face{Family: fonts.DejaVuSerif}, '\\', false},
	} {
		f := font
		if tt.face.Family != fonts.Myeongjo {
			f = parse(t, tt.face.Family.Key, tt.face.Data())
		}
		if got := tt.face.Refuses(tt.r, width(f, tt.r)); got != tt.want {
			t.Errorf("%s refuses %q: %v, want %v", tt.face.Family.Key, tt.r, got, tt.want)
		}
	}
	// The proportional letters of Nanum Gothic stay.
	if (fonts.Face{Family: fonts.Gothic}).Refuses('Д', 807) {
		t.Error("Nanum Gothic's proportional Д is refused")
	}
}

// TestCJKSerifCoverage: the serif CJK face has every ideograph of KS X 1001
// (the 4,888 Hanja), JIS X 0208 and GB 2312, and the kana; the sans one
// has them too, and the Hanja that Nanum Myeongjo lacks.
func TestCJKSerifCoverage(t *testing.T) {
	serif := parse(t, "cjk-serif", fonts.CJKSerifRegular)
	sans := parse(t, "cjk-sans", fonts.CJKSansRegular)
	for _, std := range []struct {
		name        string
		enc         encoding.Encoding
		first, last int
		want        int
	}{
		{"KS X 1001", korean.EUCKR, 0xCA, 0xFD, 4888},
		{"JIS X 0208", japanese.EUCJP, 0xB0, 0xF4, 6355},
		{"GB 2312", simplifiedchinese.GBK, 0xB0, 0xF7, 6763},
	} {
		n := 0
		dec := std.enc.NewDecoder()
		for lead := std.first; lead <= std.last; lead++ {
			for trail := 0xA1; trail <= 0xFE; trail++ {
				s, _ := dec.Bytes([]byte{byte(lead), byte(trail)})
				r := []rune(string(s))
				if len(r) != 1 || !unicode.Is(unicode.Han, r[0]) {
					continue
				}
				n++
				if !serif.HasRune(r[0]) || !sans.HasRune(r[0]) {
					t.Errorf("%s %02X%02X %c (U+%04X): serif %v, sans %v", std.name, lead, trail, r[0], r[0], serif.HasRune(r[0]), sans.HasRune(r[0]))
				}
			}
		}
		if n != std.want {
			t.Errorf("%s: %d ideographs, want %d", std.name, n, std.want)
		}
	}
	for _, r := range "ぁあゔァアヴーヶ々〆〇" {
		if !serif.HasRune(r) {
			t.Errorf("the serif CJK face lacks %q", r)
		}
	}
}

// TestSymbols: the symbol and emoji fallbacks the fixture posts use.
func TestSymbols(t *testing.T) {
	sym := parse(t, "symbols", fonts.SymbolsRegular)
	sans := parse(t, "dejavu-sans", fonts.DejaVuSansRegular)
	for _, r := range "🙂👍🚀🤔🦄" {
		if !sym.HasRune(r) {
			t.Errorf("symbols lack %q", r)
		}
	}
	for _, r := range "✓✔✗★☐😀∈ℝ→┌╔" {
		if !sans.HasRune(r) {
			t.Errorf("DejaVu Sans lacks %q", r)
		}
	}
}
