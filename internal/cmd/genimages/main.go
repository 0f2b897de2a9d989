// Command genimages draws the images of the sample book (books/sample):
// a cover with the title set in Nanum Gothic, a diagram, a chart and a
// photo-like gradient saved as JPEG under a .png name, the way real blogs
// mislabel files. Run it from the repository root: go run ./internal/cmd/genimages
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"github.com/hangul-press/publish/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

const out = "books/sample"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genimages:", err)
		os.Exit(1)
	}
}

func run() error {
	cover, err := coverImage()
	if err != nil {
		return err
	}
	steps := []struct {
		path string
		img  image.Image
		jpeg bool
	}{
		{"cover.jpg", cover, true},
		{"site/assets/img/desk.png", desk(), false},
		{"site/assets/img/chart.jpg", chart(), true},
		{"site/assets/img/sunset.png", sunset(), true}, // a JPEG behind a .png name, on purpose
		{"site/_posts/images/pipeline.png", pipeline(), false},
	}
	for _, s := range steps {
		if err := save(filepath.Join(out, s.path), s.img, s.jpeg); err != nil {
			return err
		}
	}
	return nil
}

func save(path string, img image.Image, asJPEG bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if asJPEG {
		return jpeg.Encode(f, img, &jpeg.Options{Quality: 85})
	}
	return png.Encode(f, img)
}

func fill(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

func rect(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
}

// coverImage is a 1600×2400 cover (2:3, the common ebook ratio).
func coverImage() (image.Image, error) {
	img := fill(1600, 2400, color.RGBA{0x1f, 0x3a, 0x5f, 0xff})
	rect(img, image.Rect(0, 1500, 1600, 1540), color.RGBA{0xf2, 0xc1, 0x4e, 0xff})
	face, err := newFace(fonts.GothicBold, 150)
	if err != nil {
		return nil, err
	}
	text(img, face, "블로그에서", 160, 700, color.White)
	text(img, face, "책으로", 160, 900, color.White)
	small, err := newFace(fonts.GothicRegular, 70)
	if err != nil {
		return nil, err
	}
	text(img, small, "publish 견본 책", 160, 1700, color.RGBA{0xf2, 0xc1, 0x4e, 0xff})
	return img, nil
}

func newFace(data []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

func text(img *image.RGBA, f font.Face, s string, x, y int, c color.Color) {
	d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// desk is a flat drawing of a desk with a laptop, 1200×800.
func desk() image.Image {
	img := fill(1200, 800, color.RGBA{0xee, 0xf2, 0xf5, 0xff})
	rect(img, image.Rect(100, 560, 1100, 600), color.RGBA{0x8b, 0x5a, 0x2b, 0xff})
	rect(img, image.Rect(150, 600, 190, 780), color.RGBA{0x6b, 0x44, 0x20, 0xff})
	rect(img, image.Rect(1010, 600, 1050, 780), color.RGBA{0x6b, 0x44, 0x20, 0xff})
	rect(img, image.Rect(420, 300, 780, 540), color.RGBA{0x33, 0x33, 0x38, 0xff})
	rect(img, image.Rect(440, 320, 760, 520), color.RGBA{0x4f, 0x9d, 0xde, 0xff})
	rect(img, image.Rect(380, 540, 820, 560), color.RGBA{0x55, 0x55, 0x5c, 0xff})
	return img
}

// chart is a bar chart of five values, 1000×600.
func chart() image.Image {
	img := fill(1000, 600, color.White)
	rect(img, image.Rect(80, 540, 940, 544), color.Black)
	values := []int{120, 260, 340, 300, 450}
	for i, v := range values {
		x := 130 + i*160
		rect(img, image.Rect(x, 540-v, x+100, 540), color.RGBA{0x2e, 0x86, 0x59, 0xff})
	}
	return img
}

// sunset is a smooth gradient, which JPEG suits, 900×600.
func sunset() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	for y := 0; y < 600; y++ {
		t := float64(y) / 600
		for x := 0; x < 900; x++ {
			glow := math.Max(0, 1-math.Hypot(float64(x-450), float64(y-420))/400)
			r := uint8(math.Min(255, 40+200*t+60*glow))
			g := uint8(math.Min(255, 30+90*t+80*glow))
			b := uint8(math.Min(255, 90-40*t+20*glow))
			img.Set(x, y, color.RGBA{r, g, b, 0xff})
		}
	}
	return img
}

// pipeline is three boxes joined by arrows, 1200×300.
func pipeline() image.Image {
	img := fill(1200, 300, color.White)
	for i := 0; i < 3; i++ {
		x := 60 + i*400
		rect(img, image.Rect(x, 90, x+280, 210), color.RGBA{0xf2, 0xc1, 0x4e, 0xff})
		if i < 2 {
			rect(img, image.Rect(x+290, 146, x+390, 154), color.Black)
		}
	}
	return img
}
