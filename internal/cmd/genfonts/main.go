// Command genfonts makes the fallback fonts of package fonts from the Debian
// packages they come from: it copies DejaVu Sans, DejaVu Serif and Droid
// Sans Fallback unmodified, and cuts two subsets, the Hanja, kanji, hanzi
// and kana of Hanazono Mincho A ("Publish CJK Serif") and the symbols and
// emoji of Symbola that no other shipped face has ("Publish Symbols").
//
// Run it from the repository root on Debian bookworm with the packages
// installed:
//
//	apt-get install fonts-dejavu-core fonts-droid-fallback fonts-hanazono fonts-symbola
//	go run ./internal/cmd/genfonts
//
// Every input is checked against the SHA-256 of the package version the
// shipped files were made from, so a different version is noticed rather
// than shipped silently; the output depends only on the inputs.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"unicode"

	"github.com/hangul-press/publish/pkg/truetype"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const out = "fonts"

// source is a Debian font file and the digest of the version we use.
type source struct {
	path, sha256 string
}

var (
	dejavuSans       = source{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322"}
	dejavuSansBold   = source{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96"}
	dejavuSerif      = source{"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "13e61509f5c81d7c3132810f4f903e3523df89c802bf6e0674621e8f659cdfe1"}
	dejavuSerifBold  = source{"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "e2fd85eba2de65ac270d1cdb1685e252eb827f600850cf62af2d20c41b22e945"}
	droidFallback    = source{"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "acb6440a713d880a13a21b468ba7cd43f5a2b2934972e51be791c880730777b8"}
	hanazonoMinchoA  = source{"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", "7ca87559414474848fc513a8d8eb42d5b0f8194c30c2abdfbfedff5398ec88d7"}
	symbola          = source{"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "af8bd8cc9c808272034651cb5ebf6c38370ae536fe631eb89462f127f11e793f"}
	unmodifiedCopies = map[string]source{
		"DejaVuSans.ttf":            dejavuSans,
		"DejaVuSans-Bold.ttf":       dejavuSansBold,
		"DejaVuSerif.ttf":           dejavuSerif,
		"DejaVuSerif-Bold.ttf":      dejavuSerifBold,
		"DroidSansFallbackFull.ttf": droidFallback,
	}
)

// Names of the two subsets, as their name tables will give them.
const (
	cjkSerifFamily = "Publish CJK Serif"
	symbolsFamily  = "Publish Symbols"
)

// othersBeforeSymbols are the shipped files that come before the symbols
// face in every fallback chain: Symbola keeps only what none of them has.
var othersBeforeSymbols = []string{
	"NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf", "NanumGothic.ttf", "NanumGothicBold.ttf",
	"NanumGothicCoding.ttf", "NanumGothicCodingBold.ttf", "DejaVuMathTeXGyre.ttf",
	"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
	"DroidSansFallbackFull.ttf", "CJKSerif.ttf",
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genfonts:", err)
		os.Exit(1)
	}
}

func run() error {
	for name, src := range unmodifiedCopies {
		data, err := read(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	ideographs, err := serifIdeographs()
	if err != nil {
		return err
	}
	if err := subset(hanazonoMinchoA, ideographs, cjkSerifFamily, "CJKSerif.ttf"); err != nil {
		return err
	}
	syms, err := symbolRunes()
	if err != nil {
		return err
	}
	return subset(symbola, syms, symbolsFamily, "Symbols.ttf")
}

// read returns a source's bytes after checking its digest.
func read(src source) ([]byte, error) {
	data, err := os.ReadFile(src.path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != src.sha256 {
		return nil, fmt.Errorf("%s: SHA-256 %s, want %s (another package version: check it and update the digest)", src.path, got, src.sha256)
	}
	return data, nil
}

// subset writes the subset of src holding runes, under a new family name.
func subset(src source, runes []rune, family, name string) error {
	data, err := read(src)
	if err != nil {
		return err
	}
	f, err := truetype.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", src.path, err)
	}
	sub, err := f.Subset(runes, family)
	if err != nil {
		return fmt.Errorf("%s: %w", src.path, err)
	}
	fmt.Printf("%s: %d characters, %d bytes (from %d)\n", name, len(runes), len(sub), len(data))
	return os.WriteFile(filepath.Join(out, name), sub, 0o644)
}

// serifIdeographs lists the ideographs of three national standards, then
// the kana and the ideographic marks:
//
//   - the 4,888 Hanja of KS X 1001 (EUC-KR lead bytes 0xCA–0xFD; 268 of them
//     are compatibility ideographs U+F900–FA0B, the same character under
//     another reading): Hanja in Korean text;
//   - the 6,355 kanji of JIS X 0208 (EUC-JP lead bytes 0xB0–0xF4):
//     Japanese;
//   - the 6,763 hanzi of GB 2312 (EUC-CN lead bytes 0xB0–0xF7): simplified
//     Chinese.
//
// So a Japanese or Chinese passage in Myeongjo text is set in this serif
// face as a whole, not word by word in a serif or a gothic face depending
// on whether each word's characters happen to be Korean Hanja.
func serifIdeographs() ([]rune, error) {
	var out []rune
	seen := map[rune]bool{}
	for _, std := range []struct {
		name        string
		dec         *encoding.Decoder
		first, last int
		want        int
	}{
		{"KS X 1001", korean.EUCKR.NewDecoder(), 0xCA, 0xFD, 4888},
		{"JIS X 0208", japanese.EUCJP.NewDecoder(), 0xB0, 0xF4, 6355},
		{"GB 2312", simplifiedchinese.GBK.NewDecoder(), 0xB0, 0xF7, 6763},
	} {
		got, err := ideographRows(std.dec, std.first, std.last)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", std.name, err)
		}
		if len(got) != std.want {
			return nil, fmt.Errorf("%s: %d ideographs, want %d", std.name, len(got), std.want)
		}
		for _, r := range got {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	for r := rune(0x3041); r <= 0x30FF; r++ { // hiragana and katakana
		out = append(out, r)
	}
	for r := rune(0x31F0); r <= 0x31FF; r++ { // katakana phonetic extensions (small ㇰ…)
		out = append(out, r)
	}
	return append(out, '々', '〆', '〇'), nil
}

// ideographRows decodes every two-byte code with a lead byte from first to
// last and a trail byte from 0xA1 to 0xFE (the 94×94 table of EUC), keeping
// the ideographs; codes the standard leaves empty decode to U+FFFD.
func ideographRows(dec *encoding.Decoder, first, last int) ([]rune, error) {
	var out []rune
	for lead := first; lead <= last; lead++ {
		for trail := 0xA1; trail <= 0xFE; trail++ {
			s, err := dec.Bytes([]byte{byte(lead), byte(trail)})
			if err != nil {
				return nil, err
			}
			r := []rune(string(s))
			if len(r) == 1 && unicode.Is(unicode.Han, r[0]) {
				out = append(out, r[0])
			}
		}
	}
	return out, nil
}

// symbolRunes lists what Symbola draws that no shipped face before it in
// the chains has, leaving out the private use areas (their meaning is the
// font's own) and variation selectors (the layout drops them).
func symbolRunes() ([]rune, error) {
	sym, err := parse(symbola)
	if err != nil {
		return nil, err
	}
	var others []*truetype.Font
	for _, name := range othersBeforeSymbols {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			return nil, err
		}
		f, err := truetype.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		others = append(others, f)
	}
	var out []rune
	for r := rune(0x20); r <= unicode.MaxRune; r++ {
		if !sym.HasRune(r) || privateUse(r) || variationSelector(r) || anyHas(others, r) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

func parse(src source) (*truetype.Font, error) {
	data, err := read(src)
	if err != nil {
		return nil, err
	}
	return truetype.Parse(data)
}

func anyHas(fonts []*truetype.Font, r rune) bool {
	for _, f := range fonts {
		if f.HasRune(r) {
			return true
		}
	}
	return false
}

func privateUse(r rune) bool {
	return (r >= 0xE000 && r <= 0xF8FF) || r >= 0xF0000
}

func variationSelector(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}
