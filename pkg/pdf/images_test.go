package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/color/palette"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/layout"
)

// variant is a test image: its bytes, media type, the colours its top and
// bottom halves must render as on white paper, and how pdfimages lists it.
type variant struct {
	name, mediaType string
	data            []byte
	top, bottom     color.RGBA
	enc, colour     string // pdfimages' "enc" and "color" columns
	mask            bool   // listed with a soft mask
}

// halves returns a from the top half of an image h pixels high, b below.
func halves[T any](y, h int, a, b T) T {
	if y < h/2 {
		return a
	}
	return b
}

// imageVariants are the PNG and JPEG kinds real blogs hold that need care:
// Adam7 interlacing, 16-bit samples with alpha, a palette with a
// transparent entry, grey with alpha, CMYK JPEG with Adobe's inverted
// samples, progressive JPEG, and a JPEG our header reader refuses (a stray
// byte between segments, which decoders tolerate), re-encoded.
func imageVariants(t testing.TB) []variant {
	const w, h = 32, 32
	red, blue, white := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}, color.RGBA{255, 255, 255, 255}
	interlaced := testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGB, Depth: 8, Interlaced: true,
		Sample: func(x, y int) []byte { return halves(y, h, []byte{255, 0, 0}, []byte{0, 0, 255}) }})
	deep := testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGBA, Depth: 16,
		Sample: func(x, y int) []byte {
			return halves(y, h, []byte{0, 0, 0x80, 0x80, 0, 0, 0xFF, 0xFF}, []byte{0, 0, 0, 0, 0xFF, 0xFF, 0x80, 0x00})
		}})
	pal := testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGPalette, Depth: 8,
		Palette: []byte{255, 0, 0, 0, 255, 0, 0, 0, 0}, Transparency: []byte{255, 255, 0},
		Sample: func(x, y int) []byte { return halves(y, h, []byte{0}, []byte{2}) }})
	grayAlpha := testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGGrayAlpha, Depth: 8,
		Sample: func(x, y int) []byte { return halves(y, h, []byte{0, 255}, []byte{0, 128}) }})
	cmyk := testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 4, Adobe: 0,
		Block: func(x, y int) []byte { return halves(y, h, []byte{0, 255, 255, 255}, []byte{255, 255, 255, 255}) }}) // inverted: cyan, then white
	ycc := func(c color.RGBA) []byte {
		y, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
		return []byte{y, cb, cr}
	}
	progressive := testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 3, Progressive: true, Adobe: -1,
		Block: func(x, y int) []byte { return halves(y, h, ycc(red), ycc(blue)) }})
	gray := testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 1, Adobe: -1,
		Block: func(x, y int) []byte { return halves(y, h, []byte{40}, []byte{200}) }})
	stray := strayByte(t, progressive)
	pal2 := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{red, blue, color.Black}) // image/png writes 2 bits a pixel
	for y := h / 2; y < h; y++ {
		for x := range w {
			pal2.SetColorIndex(x, y, 1)
		}
	}
	var pal2PNG bytes.Buffer
	if err := png.Encode(&pal2PNG, pal2); err != nil {
		t.Fatal(err)
	}
	return []variant{
		{"interlaced.png", "image/png", interlaced, red, blue, "image", "rgb", false},
		{"16bit.png", "image/png", deep, color.RGBA{0, 128, 0, 255}, color.RGBA{127, 127, 255, 255}, "image", "rgb", true},
		{"palette.png", "image/png", pal, red, white, "image", "rgb", true},
		{"grayalpha.png", "image/png", grayAlpha, color.RGBA{0, 0, 0, 255}, color.RGBA{127, 127, 127, 255}, "image", "gray", true},
		// Poppler turns pure cyan into 0,172,239 (not the naive 0,255,255);
		// read without the /Decode inversion, both halves would be black.
		{"cmyk.jpg", "image/jpeg", cmyk, color.RGBA{0, 172, 239, 255}, white, "jpeg", "cmyk", false},
		{"progressive.jpg", "image/jpeg", progressive, red, blue, "jpeg", "rgb", false},
		{"gray.jpg", "image/jpeg", gray, color.RGBA{40, 40, 40, 255}, color.RGBA{200, 200, 200, 255}, "jpeg", "gray", false},
		{"stray.jpg", "image/jpeg", stray, red, blue, "image", "rgb", false},
		{"palette2.png", "image/png", pal2PNG.Bytes(), red, blue, "image", "index", false},
	}
}

// strayByte puts a zero byte after a JPEG's first segment: Go's decoder
// (like libjpeg) skips it, readJPEGHeader refuses the file.
func strayByte(t testing.TB, data []byte) []byte {
	n := int(data[4])<<8 | int(data[5]) // the first segment's length
	at := 4 + n
	out := append(append(bytes.Clone(data[:at]), 0), data[at:]...)
	if _, err := readJPEGHeader(out); err == nil {
		t.Fatal("the header reader accepts a stray byte")
	}
	return out
}

// variantDoc puts each variant in a 100 pt box, four to a row.
func variantDoc(t testing.TB) (*layout.Document, []variant) {
	vs := imageVariants(t)
	page := &layout.Page{Number: 1}
	for i, v := range vs {
		page.Elements = append(page.Elements, layout.Image{
			X: layout.Pt(float64(i%4) * 100), Y: layout.Pt(float64(i/4) * 100), W: layout.Pt(100), H: layout.Pt(100),
			Key: v.name, Data: v.data, MediaType: v.mediaType})
	}
	return &layout.Document{Width: layout.Pt(400), Height: layout.Pt(300), Pages: []*layout.Page{page}, Info: layout.Info{Date: testDate.Unix()}}, vs
}

// TestImageVariantsDecode: Go's decoders read every generated variant, so
// that the test images themselves are sound.
func TestImageVariantsDecode(t *testing.T) {
	for _, v := range imageVariants(t) {
		if _, _, err := image.Decode(bytes.NewReader(v.data)); err != nil {
			t.Errorf("%s: %v", v.name, err)
		}
	}
}

// TestImageVariantsRender embeds every variant, checks the file with qpdf,
// lists the images with pdfimages, and renders the page with pdftoppm to
// check the colour of each image's halves.
func TestImageVariantsRender(t *testing.T) {
	doc, vs := variantDoc(t)
	path := filepath.Join(t.TempDir(), "images.pdf")
	if *keepDir != "" {
		path = filepath.Join(*keepDir, "images.pdf")
	}
	if err := os.WriteFile(path, writeDoc(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	list := run(t, "pdfimages", "-list", path)
	rows := regexp.MustCompile(`(?m)^\s*1\s+\d+\s+(image|smask)\s+(\d+)\s+(\d+)\s+(\w+)\s+\d+\s+\d+\s+(\w+)`).FindAllStringSubmatch(list, -1)
	k := 0
	for _, v := range vs {
		if k >= len(rows) {
			t.Fatalf("pdfimages lists too few images:\n%s", list)
		}
		if r := rows[k]; r[1] != "image" || r[2] != "32" || r[3] != "32" || r[4] != v.colour || r[5] != v.enc {
			t.Errorf("%s: pdfimages lists %v, want a 32x32 %s %s image", v.name, r[1:], v.colour, v.enc)
		}
		k++
		if v.mask {
			if rows[k][1] != "smask" {
				t.Errorf("%s: no soft mask listed", v.name)
			}
			k++
		}
	}
	img := testtool.RenderPDFPage(t, path, 1, 72)
	for i, v := range vs {
		x, y := float64(i%4)*100+50, float64(i/4)*100
		for _, half := range []struct {
			y    float64
			want color.RGBA
		}{{y + 25, v.top}, {y + 75, v.bottom}} {
			if got := pixelAt(img, x, half.y); !near(got, half.want, 40) {
				t.Errorf("%s: pixel at %.0f,%.0f pt is %v, want about %v", v.name, x, half.y, got, half.want)
			}
		}
	}
}

// pixelAt returns the colour of the pixel at a point of a page rendered
// at 72 dpi.
func pixelAt(img image.Image, x, y float64) color.RGBA {
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

// near reports whether two colours differ by at most tol in every channel.
func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

// TestImageVariantsSameBytes: every variant, painted again, gives the same
// file.
func TestImageVariantsSameBytes(t *testing.T) {
	doc, _ := variantDoc(t)
	first := writeDoc(t, doc)
	doc2, _ := variantDoc(t)
	if !bytes.Equal(first, writeDoc(t, doc2)) {
		t.Error("two paintings of the image variants differ")
	}
}

// sameWidth is the pixel width every image of sameWidthDoc shares.
const sameWidth = 40

// sameWidthDoc is a page of images that all are sameWidth pixels wide: PNGs
// with alpha (a soft mask each), a paletted PNG, a grey PNG and a JPEG, and
// the first PNG again under a second key. fpdf ordered image objects by
// pixel width from a map, so such a page came out differently from run to
// run; the test stays as a guard.
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

// TestEqualWidthImages: images of one pixel width keep their widths, the
// same bytes under two keys are embedded once, and the file is the same
// every time.
func TestEqualWidthImages(t *testing.T) {
	first := writeDoc(t, sameWidthDoc(t))
	for i := range 5 {
		if again := writeDoc(t, sameWidthDoc(t)); !bytes.Equal(first, again) {
			t.Fatalf("painting %d differs from the first", i+2)
		}
	}
	widths := regexp.MustCompile(`/Width (\d+)`).FindAllSubmatch(first, -1)
	// Seven images (the repeated one embedded once) and four soft masks.
	if len(widths) != 11 {
		t.Errorf("%d image objects, want 11 (7 images, 4 soft masks)", len(widths))
	}
	for _, w := range widths {
		if string(w[1]) != "40" {
			t.Errorf("an image object has /Width %s, want 40", w[1])
		}
	}
	path := filepath.Join(t.TempDir(), "images.pdf")
	if err := os.WriteFile(path, first, 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdfimages", "-list", path)
	rows := regexp.MustCompile(`(?m)^\s*1\s+\d+\s+(image|smask)\s+(\d+)\s+(\d+)\s`).FindAllStringSubmatch(out, -1)
	if len(rows) != 13 {
		t.Fatalf("pdfimages lists %d images on page 1, want 13 (8 drawn, 5 masks):\n%s", len(rows), out)
	}
}

// TestImageObjectsInFirstUseOrder: XObjects are numbered in the order
// their images are first drawn, whatever their keys.
func TestImageObjectsInFirstUseOrder(t *testing.T) {
	doc, vs := variantDoc(t)
	els := doc.Pages[0].Elements
	for i, j := 0, len(els)-1; i < j; i, j = i+1, j-1 {
		els[i], els[j] = els[j], els[i]
	}
	p, err := newPlan(doc)
	if err != nil {
		t.Fatal(err)
	}
	for i, im := range p.images.list {
		if want := vs[len(vs)-1-i].name; im.key != want {
			t.Errorf("image %d is %s, want %s", i, im.key, want)
		}
	}
}
