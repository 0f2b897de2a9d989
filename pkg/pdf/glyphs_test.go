package pdf

import (
	"image"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/truetype"
)

// dejaVuMath is a math font with a MATH table (Debian fonts-dejavu-extra),
// used when installed to draw real delimiter size variants.
const dejaVuMath = "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf"

// maxUnmappedTried bounds the glyphs tallestUnmapped loads, from the last
// glyph down: Nanum fonts have thousands of unmapped glyphs (empty ones
// among the first), and a few thousand are plenty to find a drawable one;
// DejaVu Math's size variants lie in its last few thousand.
const maxUnmappedTried = 3000

// tallestUnmapped returns the glyph of data that no character reaches
// through its cmap and whose outline is tallest, with its bounds in ems:
// in a math font, a large size variant of a delimiter.
func tallestUnmapped(t *testing.T, data []byte) (uint16, fixed.Rectangle26_6) {
	t.Helper()
	f, err := truetype.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	mapped := make([]bool, f.NumGlyphs())
	for r := rune(0); r <= 0x10FFFF; r++ {
		if g, ok := f.GlyphIndex(r); ok {
			mapped[g] = true
		}
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	best, bestH := uint16(0), fixed.Int26_6(0)
	var bounds fixed.Rectangle26_6
	upm := fixed.I(int(sf.UnitsPerEm()))
	tried := 0
	for g := f.NumGlyphs() - 1; g > 0 && tried < maxUnmappedTried; g-- {
		if mapped[g] {
			continue
		}
		tried++
		segs, err := sf.LoadGlyph(&buf, sfnt.GlyphIndex(g), upm, nil)
		if err != nil || len(segs) == 0 {
			continue
		}
		b := segs.Bounds()
		if h := b.Max.Y - b.Min.Y; h > bestH {
			best, bestH, bounds = uint16(g), h, b
		}
	}
	if best == 0 {
		t.Fatal("no unmapped glyph with an outline")
	}
	em := float64(upm)
	scale := func(v fixed.Int26_6) fixed.Int26_6 { return fixed.Int26_6(float64(v) / em * 64) }
	return best, fixed.Rectangle26_6{Min: fixed.Point26_6{X: scale(bounds.Min.X), Y: scale(bounds.Min.Y)}, Max: fixed.Point26_6{X: scale(bounds.Max.X), Y: scale(bounds.Max.Y)}}
}

// glyphDoc draws, in one Glyphs run of face data at size pt: an unmapped
// glyph with no text at the origin, then the glyphs of A and B, with their
// texts, 150 pt and 250 pt to the right, B raised by 40 pt.
func glyphDoc(t *testing.T, data []byte, size float64) (*layout.Document, uint16, fixed.Rectangle26_6) {
	t.Helper()
	g, bounds := tallestUnmapped(t, data)
	f, err := truetype.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	ga, _ := f.GlyphIndex('A')
	gb, _ := f.GlyphIndex('B')
	run := layout.Glyphs{X: layout.Pt(50), Y: layout.Pt(200), Font: 0, Size: layout.Pt(size), Glyphs: []layout.GlyphPos{
		{ID: g},
		{ID: ga, X: layout.Pt(150), Text: "A"},
		{ID: gb, X: layout.Pt(250), Y: layout.Pt(-40), Text: "B"},
	}}
	doc := &layout.Document{Width: layout.Pt(400), Height: layout.Pt(300),
		Pages: []*layout.Page{{Number: 1, Elements: []layout.Element{run}}},
		Fonts: []layout.Face{{Name: "math", Data: data}}, Info: layout.Info{Date: testDate.Unix()}}
	return doc, g, bounds
}

// TestGlyphsElement draws a glyph no character maps to, checks that it
// renders where its outline lies, and that text extraction gives the
// other glyphs' texts, at their offsets, and nothing for it.
func TestGlyphsElement(t *testing.T) {
	fontsToTry := map[string][]byte{"NanumMyeongjo": fonts.MyeongjoRegular}
	if data, err := os.ReadFile(dejaVuMath); err == nil {
		fontsToTry["DejaVuMathTeXGyre"] = data
	} else {
		t.Logf("%s not installed; drawing an unmapped Nanum glyph only", dejaVuMath)
	}
	for name, data := range fontsToTry {
		t.Run(name, func(t *testing.T) {
			const size = 60.0
			doc, g, bounds := glyphDoc(t, data, size)
			dir := t.TempDir()
			if *keepDir != "" {
				dir = *keepDir
			}
			path := filepath.Join(dir, "glyphs-"+name+".pdf")
			if err := os.WriteFile(path, writeDoc(t, doc), 0o644); err != nil {
				t.Fatal(err)
			}
			if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			// The unmapped glyph's box on the page, y down, in points.
			em := func(v fixed.Int26_6) float64 { return float64(v) / 64 * size }
			box := image.Rect(int(50+em(bounds.Min.X)), int(200+em(bounds.Min.Y)), int(math.Ceil(50+em(bounds.Max.X))), int(math.Ceil(200+em(bounds.Max.Y))))
			img := testtool.RenderPDFPage(t, path, 1, 72)
			if ink := darkPixels(img, box); ink*10 < box.Dx()*box.Dy() {
				t.Errorf("glyph %d: %d dark pixels in its box %v; it was not drawn", g, ink, box)
			}
			if ink := darkPixels(img, image.Rect(0, 0, 40, 300)); ink != 0 {
				t.Errorf("%d dark pixels left of the run", ink)
			}
			if text := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " "); text != "A B" {
				t.Errorf("pdftotext gives %q, want \"A B\"", text)
			}
			words := regexp.MustCompile(`xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">(A|B)<`).FindAllStringSubmatch(run(t, "pdftotext", "-bbox", path, "-"), -1)
			if len(words) != 2 {
				t.Fatalf("pdftotext -bbox finds %d words A and B", len(words))
			}
			for i, wantX := range []float64{200, 300} {
				if x, _ := strconv.ParseFloat(words[i][1], 64); math.Abs(x-wantX) > 0.5 {
					t.Errorf("%s starts at x %.2f, want %.0f", words[i][4], x, wantX)
				}
			}
			yA, _ := strconv.ParseFloat(words[0][3], 64)
			yB, _ := strconv.ParseFloat(words[1][3], 64)
			if math.Abs(yA-yB-40) > 0.5 {
				t.Errorf("B's box ends %.2f pt above A's, want 40", yA-yB)
			}
		})
	}
}

// darkPixels counts the pixels of r darker than mid-grey.
func darkPixels(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c, _, _, _ := img.At(x, y).RGBA(); c < 0x8000 {
				n++
			}
		}
	}
	return n
}

// astralFont makes a small TrueType font from Nanum Myeongjo whose cmap
// maps 'x' and 'y' as usual and U+1D538 (MATHEMATICAL DOUBLE-STRUCK
// CAPITAL A) to the glyph of 'A', through a format 12 subtable.
func astralFont(t *testing.T) []byte {
	t.Helper()
	f, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	runes := map[rune]uint16{}
	var glyphs []uint16
	for _, r := range "xyA " {
		g, _ := f.GlyphIndex(r)
		runes[r] = g
		glyphs = append(glyphs, g)
	}
	runes[0x1D538] = runes['A']
	s, err := f.SubsetGlyphs(glyphs)
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.Font("Astral Test", runes)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAstralText draws characters beyond the Basic Multilingual Plane with
// Text runs and reads them back with pdftotext: from a test font whose
// cmap reaches one through format 12, and from DejaVu Sans when installed.
func TestAstralText(t *testing.T) {
	cases := map[string]struct {
		data []byte
		text string
	}{"test font": {astralFont(t), "x𝔸y"}}
	if data, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err == nil {
		cases["DejaVu Sans"] = struct {
			data []byte
			text string
		}{data, "𝔸𝔹 𝕩 ∈ ℝ"}
	} else {
		t.Log("DejaVu Sans not installed; testing the generated font only")
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			doc := &layout.Document{Width: layout.Pt(300), Height: layout.Pt(200),
				Pages: []*layout.Page{{Number: 1, Elements: []layout.Element{
					layout.Text{X: layout.Pt(20), Y: layout.Pt(100), Size: layout.Pt(24), Text: tc.text},
				}}},
				Fonts: []layout.Face{{Name: "astral", Data: tc.data}}, Info: layout.Info{Date: testDate.Unix()}}
			path := filepath.Join(t.TempDir(), "astral.pdf")
			if err := os.WriteFile(path, writeDoc(t, doc), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(run(t, "pdftotext", "-enc", "UTF-8", path, "-")); got != tc.text {
				t.Errorf("pdftotext gives %q, want %q", got, tc.text)
			}
			if rows := fontRow.FindAllStringSubmatch(run(t, "pdffonts", path), -1); len(rows) != 1 || rows[0][2]+rows[0][3]+rows[0][4] != "yesyesyes" {
				t.Errorf("pdffonts: %v", rows)
			}
		})
	}
}
