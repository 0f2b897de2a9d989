package pdf

import (
	"bytes"
	"image"
	"image/color/palette"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/layout"
)

// sameWidth is the pixel width every image of sameWidthDoc shares.
const sameWidth = 40

// sameWidthDoc is a page of images that all are sameWidth pixels wide: PNGs
// with alpha (a soft mask each), a paletted PNG (a palette object), a grey
// PNG and a JPEG, and the first PNG again under a second key.
func sameWidthDoc(t testing.TB) *layout.Document {
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	var data [][]byte
	for shade := range 4 {
		img := image.NewNRGBA(image.Rect(0, 0, sameWidth, 10+shade))
		for i := range img.Pix {
			img.Pix[i] = uint8(40*shade + i%200)
		}
		data = append(data, encode(img))
	}
	pal := image.NewPaletted(image.Rect(0, 0, sameWidth, 8), palette.Plan9)
	gray := image.NewGray(image.Rect(0, 0, sameWidth, 9))
	for i := range pal.Pix {
		pal.Pix[i] = uint8(i)
		gray.Pix[i%len(gray.Pix)] = uint8(3 * i)
	}
	data = append(data, encode(pal), encode(gray))
	var jpg bytes.Buffer
	rgba := image.NewRGBA(image.Rect(0, 0, sameWidth, 12))
	for i := range rgba.Pix {
		rgba.Pix[i] = uint8(7 * i)
	}
	if err := jpeg.Encode(&jpg, rgba, nil); err != nil {
		t.Fatal(err)
	}
	page := &layout.Page{Number: 1}
	add := func(key string, b []byte, typ string) {
		y := layout.Pt(20 + 40*float64(len(page.Elements)))
		page.Elements = append(page.Elements, layout.Image{X: layout.Pt(20), Y: y, W: layout.Pt(80), H: layout.Pt(30), Key: key, Data: b, MediaType: typ})
	}
	for i, b := range data {
		add("img"+string(rune('a'+i))+".png", b, "image/png")
	}
	add("photo.jpg", jpg.Bytes(), "image/jpeg")
	add("again.png", data[0], "image/png")
	return &layout.Document{Width: layout.Mm(148), Height: layout.Mm(210), Pages: []*layout.Page{page}, Info: layout.Info{Date: testDate.Unix()}}
}

// TestEqualWidthImagesSameBytes paints images of one pixel width many
// times: fpdf orders image objects by width alone, from a map, so without
// the painter's ordering the file changes from run to run.
func TestEqualWidthImagesSameBytes(t *testing.T) {
	first := writeDoc(t, sameWidthDoc(t))
	for i := range 20 {
		if again := writeDoc(t, sameWidthDoc(t)); !bytes.Equal(first, again) {
			t.Fatalf("painting %d differs from the first", i+2)
		}
	}
}

// TestEqualWidthImagesKeepTheirWidth checks that ordering leaves the
// widths written into the file whole, and that the same bytes under two
// keys are embedded once.
func TestEqualWidthImagesKeepTheirWidth(t *testing.T) {
	out := writeDoc(t, sameWidthDoc(t))
	widths := regexp.MustCompile(`/Width (\d+)`).FindAllSubmatch(out, -1)
	// Seven images (the repeated one embedded once) and four soft masks.
	if len(widths) != 11 {
		t.Errorf("%d image objects, want 11 (7 images, 4 soft masks)", len(widths))
	}
	for _, w := range widths {
		if string(w[1]) != "40" {
			t.Errorf("an image object has /Width %s, want 40", w[1])
		}
	}
	for _, c := range regexp.MustCompile(`/Columns (\d+)`).FindAllSubmatch(out, -1) {
		if string(c[1]) != "40" {
			t.Errorf("/Columns %s, want 40", c[1])
		}
	}
}

// TestEqualWidthImagesTools checks the file with qpdf and lists its images
// with pdfimages: every one decodes at its own size.
func TestEqualWidthImagesTools(t *testing.T) {
	path := filepath.Join(t.TempDir(), "images.pdf")
	if err := os.WriteFile(path, writeDoc(t, sameWidthDoc(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	out := run(t, "pdfimages", "-list", path)
	rows := regexp.MustCompile(`(?m)^\s*1\s+\d+\s+(image|smask)\s+(\d+)\s+(\d+)\s`).FindAllStringSubmatch(out, -1)
	if len(rows) != 13 {
		t.Fatalf("pdfimages lists %d images on page 1, want 13 (8 drawn, 5 masks):\n%s", len(rows), out)
	}
	for _, r := range rows {
		if r[2] != "40" {
			t.Errorf("%s %sx%s, want width 40:\n%s", r[1], r[2], r[3], out)
		}
	}
}
