package truetype_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
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

// TestSubsetFpdf feeds the subset to fpdf, which prints font errors to
// stdout instead of returning them: the test watches stdout too.
func TestSubsetFpdf(t *testing.T) {
	f, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	line := "다람쥐 헌 쳇바퀴에 타고파."
	sub, err := f.Subset([]rune(line), "Publish Test")
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	printed := captureStdout(t, func() {
		doc := fpdf.New("P", "mm", "A5", "")
		doc.AddUTF8FontFromBytes("subset", "", sub)
		doc.SetFont("subset", "", 12)
		doc.AddPage()
		doc.Cell(0, 10, line)
		if err := doc.Output(&pdf); err != nil {
			t.Errorf("fpdf: %v", err)
		}
	})
	if printed != "" {
		t.Errorf("fpdf printed %q", printed)
	}
	if pdf.Len() == 0 || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("fpdf wrote %d bytes, not a PDF", pdf.Len())
	}
	checkPdftotext(t, pdf.Bytes(), line)
}

// checkPdftotext reads the text back with poppler's pdftotext, when
// installed: fpdf itself accepts even a truncated font without complaint,
// so a correct round trip through a PDF reader is the stronger check.
func checkPdftotext(t *testing.T, pdf []byte, want string) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext not installed (Debian package poppler-utils); skipping the read-back check")
		return
	}
	path := filepath.Join(t.TempDir(), "subset.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pdftotext, path, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 || strings.TrimSpace(string(out)) != want {
		t.Errorf("pdftotext: %q, %v, stderr %q; want %q", out, err, stderr.String(), want)
	}
	if ink := inkPixels(t, path); ink < minInk {
		t.Errorf("pdftoppm: the page has %d dark pixels; the glyphs did not draw", ink)
	}
}

// minInk is a floor on the dark pixels one 12 pt line of Korean leaves at
// 72 dpi: a few hundred; an empty page has none.
const minInk = 100

// inkPixels renders the first page with poppler's pdftoppm in grey and
// counts pixels darker than mid-grey; -1 means pdftoppm is absent.
func inkPixels(t *testing.T, pdfPath string) int {
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not installed; skipping the rendering check")
		return minInk
	}
	out, err := exec.Command(pdftoppm, "-r", "72", "-gray", "-singlefile", pdfPath).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	// P5 header: magic, width, height, maxval, each followed by whitespace.
	fields := bytes.Fields(out[:min(len(out), 64)])
	if len(fields) < 4 || string(fields[0]) != "P5" {
		t.Fatalf("pdftoppm wrote no PGM")
	}
	header := bytes.Index(out, fields[3]) + len(fields[3]) + 1
	ink := 0
	for _, p := range out[header:] {
		if p < 128 {
			ink++
		}
	}
	return ink
}

// captureStdout runs fn with os.Stdout redirected and returns what it wrote.
func captureStdout(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = saved }()
	fn()
	w.Close()
	return <-done
}
