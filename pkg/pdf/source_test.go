package pdf

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/layout"
)

// testSource is an ImageSource that gives fixed data or an error, and
// records what it was told.
type testSource struct {
	data     layout.ImageData
	err      error
	opened   int
	unusable []error
}

func (s *testSource) Cost() int64                     { return 1 << 20 }
func (s *testSource) Open() (layout.ImageData, error) { s.opened++; return s.data, s.err }
func (s *testSource) Unusable(err error)              { s.unusable = append(s.unusable, err) }

// TestImageSources: an image from a source is opened once however often
// it is drawn, pixels and checked JPEGs are written, and an image whose
// source fails or whose data does not decode is drawn as its fallback
// (the frame and its text, on every page that shows it), the source told
// why, the rest of the document intact.
func TestImageSources(t *testing.T) {
	doc := testDoc(t)
	pix := image.NewRGBA(image.Rect(0, 0, 30, 20))
	for i := range pix.Pix {
		pix.Pix[i] = 200
	}
	good := &testSource{data: layout.ImageData{Pixels: pix}}
	jpg := &testSource{data: layout.ImageData{Data: testJPEG(t), MediaType: "image/jpeg", Checked: true}}
	failed := &testSource{err: errors.New("the PNG data cannot be decoded: unexpected EOF")}
	corrupt := &testSource{data: layout.ImageData{Data: testPNG(t)[:60], MediaType: "image/png"}}
	frame := func(text string) []layout.Element {
		return []layout.Element{
			layout.Rect{W: layout.Pt(100), H: layout.Pt(60), Fill: layout.Color{R: 150, G: 150, B: 150}, Stroke: true, LineWidth: layout.Pt(0.5)},
			layout.Text{X: layout.Pt(10), Y: layout.Pt(30), Font: fontBody, Size: layout.Pt(9), Text: text},
		}
	}
	place := func(key string, src layout.ImageSource, y float64, alt string) layout.Image {
		return layout.Image{X: layout.Pt(50), Y: layout.Pt(y), W: layout.Pt(100), H: layout.Pt(60), Key: key, Source: src, Fallback: frame(alt)}
	}
	p := doc.Pages[2]
	p.Elements = append(p.Elements, place("good", good, 200, "좋은그림"), place("jpg", jpg, 270, "사진그림"),
		place("failed", failed, 340, "실패한그림"), place("corrupt", corrupt, 410, "깨진그림"))
	doc.Pages[1].Elements = append(doc.Pages[1].Elements, place("failed", failed, 400, "실패한그림"), place("good", good, 470, "좋은그림"))
	out := writeDoc(t, doc)
	if good.opened != 1 || jpg.opened != 1 || failed.opened != 1 {
		t.Errorf("opened %d, %d, %d times, want once each", good.opened, jpg.opened, failed.opened)
	}
	if len(failed.unusable) != 1 || len(corrupt.unusable) != 1 || len(good.unusable) != 0 || len(jpg.unusable) != 0 {
		t.Errorf("told unusable: good %v, jpg %v, failed %v, corrupt %v", good.unusable, jpg.unusable, failed.unusable, corrupt.unusable)
	}
	path := filepath.Join(t.TempDir(), "sources.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", path)
	text := strings.Join(strings.Fields(run(t, "pdftotext", path, "-")), "")
	for want, n := range map[string]int{"실패한그림": 2, "깨진그림": 1, "좋은그림": 0, "사진그림": 0} {
		if got := strings.Count(text, want); got != n {
			t.Errorf("fallback %s drawn %d times, want %d", want, got, n)
		}
	}
	list := strings.Split(strings.TrimSpace(run(t, "pdfimages", "-list", path)), "\n")[2:]
	objects := map[string]bool{}
	for _, l := range list {
		if f := strings.Fields(l); len(f) > 10 && f[2] == "image" {
			objects[f[10]] = true
		}
	}
	if len(objects) != 4 { // grad.png, photo.jpg, good, jpg
		t.Errorf("%d image objects, want 4:\n%s", len(objects), strings.Join(list, "\n"))
	}
}
