package pdf

import (
	"bytes"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/svg"
)

// rectPath is a closed rectangle.
func rectPath(x, y, w, h float64) svg.Path {
	return svg.Path{
		{Op: svg.MoveTo, Pts: [3]svg.Point{{X: x, Y: y}}},
		{Op: svg.LineTo, Pts: [3]svg.Point{{X: x + w, Y: y}}},
		{Op: svg.LineTo, Pts: [3]svg.Point{{X: x + w, Y: y + h}}},
		{Op: svg.LineTo, Pts: [3]svg.Point{{X: x, Y: y + h}}},
		{Op: svg.Close},
	}
}

func solid(r, g, b uint8, alpha float64) svg.Paint {
	return svg.Paint{On: true, Color: svg.Color{R: r, G: g, B: b}, Opacity: alpha}
}

// testVector is a drawing of 200 × 100 units: a red rectangle in the top
// left quarter, a half-transparent blue one in the bottom right, a green
// ring filled even-odd (its hole shows the page), a black square drawn
// through a matrix, a dashed stroke, and a Korean label.
func testVector() *layout.Vector {
	ring := append(rectPath(110, 5, 80, 40), rectPath(130, 15, 40, 20)...)
	return &layout.Vector{Width: 200, Height: 100, Items: []layout.VectorItem{
		{Shape: &svg.Shape{Matrix: svg.Identity, Path: rectPath(0, 0, 100, 50), Fill: solid(255, 0, 0, 1)}},
		{Shape: &svg.Shape{Matrix: svg.Identity, Path: rectPath(100, 50, 100, 50), Fill: solid(0, 0, 255, 0.5)}},
		{Shape: &svg.Shape{Matrix: svg.Identity, Path: ring, Fill: solid(0, 128, 0, 1), EvenOdd: true}},
		{Shape: &svg.Shape{Matrix: svg.Matrix{A: 2, D: 2, E: 20, F: 70}, Path: rectPath(0, 0, 10, 10), Fill: solid(0, 0, 0, 1)}},
		{Shape: &svg.Shape{Matrix: svg.Identity, Path: svg.Path{{Op: svg.MoveTo, Pts: [3]svg.Point{{X: 0, Y: 98}}}, {Op: svg.LineTo, Pts: [3]svg.Point{{X: 100, Y: 98}}}},
			Stroke: solid(0, 0, 0, 0.8), Line: svg.Line{Width: 2, Cap: svg.RoundCap, Join: svg.BevelJoin, MiterLimit: 4, Dash: []float64{6, 3}}}},
		{Text: &layout.VectorText{Matrix: svg.Identity, X: 5, Y: 40, Font: fontBody, Size: 12, Color: layout.Color{R: 255, G: 255, B: 255}, Opacity: 1, Text: "벡터 그림"}},
	}}
}

// vectorDoc places the vector twice on one page: at its own size (one
// unit a point) at 50, 100, and at half its size at 50, 300.
func vectorDoc(v *layout.Vector) *layout.Document {
	return &layout.Document{
		Width: layout.Mm(148), Height: layout.Mm(210),
		Pages: []*layout.Page{{Number: 1, Elements: []layout.Element{
			layout.Image{X: layout.Pt(50), Y: layout.Pt(100), W: layout.Pt(200), H: layout.Pt(100), Key: "svg:v", Vector: v},
			layout.Image{X: layout.Pt(50), Y: layout.Pt(300), W: layout.Pt(100), H: layout.Pt(50), Key: "svg:v", Vector: v},
		}}},
		Info:  layout.Info{Title: "vector", Lang: "ko", Date: testDate.Unix()},
		Fonts: []layout.Face{{Name: "body", Data: fonts.MyeongjoRegular}},
	}
}

// TestVectorForm writes a vector shown twice and checks the file with
// qpdf, counts one form, renders it with pdftoppm and compares colours at
// known places, and reads its text back.
func TestVectorForm(t *testing.T) {
	data := writeDoc(t, vectorDoc(testVector()))
	if n := bytes.Count(data, []byte("/Subtype/Form")); n != 1 {
		t.Errorf("%d form XObjects, want one shared by both images", n)
	}
	if !bytes.Equal(data, writeDoc(t, vectorDoc(testVector()))) {
		t.Error("the same document gave different bytes")
	}
	dir := t.TempDir()
	if *keepDir != "" {
		dir = *keepDir
	}
	path := filepath.Join(dir, "vector.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	img := testtool.RenderPDFPage(t, path, 1, 72)
	white := color.RGBA{255, 255, 255, 255}
	for _, c := range []struct {
		what string
		x, y float64
		want color.RGBA
	}{
		{"red rectangle", 80, 110, color.RGBA{255, 0, 0, 255}},
		{"blue at half opacity over white", 240, 170, color.RGBA{127, 127, 255, 255}},
		{"green ring", 165, 108, color.RGBA{0, 128, 0, 255}},
		{"the ring's hole, even-odd", 200, 125, white},
		{"square through a matrix", 80, 180, color.RGBA{0, 0, 0, 255}},
		{"outside the vector", 260, 150, white},
		{"red at half size", 70, 310, color.RGBA{255, 0, 0, 255}},
		{"blue at half size", 140, 342, color.RGBA{127, 127, 255, 255}},
		{"ring's hole at half size", 125, 312, white},
	} {
		if got := pixelAt(img, c.x, c.y); !near(got, c.want, 8) {
			t.Errorf("%s at %v,%v: got %v, want %v", c.what, c.x, c.y, got, c.want)
		}
	}
	if text := run(t, "pdftotext", "-enc", "UTF-8", path, "-"); strings.Count(text, "벡터 그림") != 2 {
		t.Errorf("pdftotext does not read the label twice:\n%s", text)
	}
}

// TestVectorRefused: numbers out of range, a text in an unknown face or
// with a character its face lacks, an item that is neither a shape nor a
// text, and a key shared by two vectors are errors naming the element.
func TestVectorRefused(t *testing.T) {
	nan := math.NaN()
	for _, tt := range []struct {
		name string
		v    func(v *layout.Vector)
		want string
	}{
		{"NaN size", func(v *layout.Vector) { v.Width = nan }, "vector size"},
		{"NaN point", func(v *layout.Vector) { v.Items[0].Shape.Path[1].Pts[0].X = nan }, "path point out of range"},
		{"huge matrix", func(v *layout.Vector) { v.Items[0].Shape.Matrix.A = 1e300 }, "shape matrix out of range"},
		{"opacity", func(v *layout.Vector) { v.Items[0].Shape.Fill.Opacity = 2 }, "opacity"},
		{"unknown face", func(v *layout.Vector) { v.Items[5].Text.Font = 7 }, "unknown font id"},
		{"missing glyph", func(v *layout.Vector) { v.Items[5].Text.Text = "\U0001F97A" }, "has no glyph"},
		{"empty item", func(v *layout.Vector) { v.Items[0] = layout.VectorItem{} }, "a shape or a text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := testVector()
			tt.v(v)
			err := Write(&bytes.Buffer{}, vectorDoc(v))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "page 1, element 1") {
				t.Errorf("got %v, want an error about %q at page 1, element 1", err, tt.want)
			}
		})
	}
	doc := vectorDoc(testVector())
	im := doc.Pages[0].Elements[1].(layout.Image)
	im.Vector = testVector()
	doc.Pages[0].Elements[1] = im
	if err := Write(&bytes.Buffer{}, doc); err == nil || !strings.Contains(err.Error(), "two different images") {
		t.Errorf("one key for two vectors: got %v", err)
	}
}
