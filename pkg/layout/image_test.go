package layout

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

// encodeTest makes a w×h test image in the given format ("png", "gif").
func encodeTest(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	for x := range w {
		img.SetColorIndex(x, x*h/max(w, 1), 1)
	}
	var buf bytes.Buffer
	var err error
	if format == "gif" {
		err = gif.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// imagesOf lists the Image elements of a document, and the stroked
// rectangles (missing images).
func imagesOf(doc *Document) (imgs []Image, frames []Rect) {
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			switch e := el.(type) {
			case Image:
				imgs = append(imgs, e)
			case Rect:
				if e.Stroke {
					frames = append(frames, e)
				}
			}
		}
	}
	return imgs, frames
}

// openImage opens an Image's source, as the painter does.
func openImage(t *testing.T, im Image) ImageData {
	t.Helper()
	if im.Source == nil {
		t.Fatalf("image %s has no source", im.Key)
	}
	d, err := im.Source.Open()
	if err != nil {
		t.Fatalf("image %s: %v", im.Key, err)
	}
	return d
}

// near reports whether two lengths are within a hundredth of a point.
func near(a, b Length) bool { return a-b < Pt(0.01) && b-a < Pt(0.01) }

// TestImageFiles: a huge PNG is downsampled to about 300 dpi at its
// printed size, a GIF becomes pixels, a tall image is never taller than
// the text block, a missing one is framed, one among the words of a
// paragraph is set after it, and every reference to one content at one
// size shares one source.
func TestImageFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"big.png":  encodeTest(t, "png", 3000, 600),
		"anim.gif": encodeTest(t, "gif", 800, 400),
		"tall.png": encodeTest(t, "png", 400, 4000),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := "---\ntitle: 그림\n---\n\n![큰 그림](big.png)\n\n![움직이는 그림](anim.gif){: width=\"50%\"}\n\n![높은 그림](tall.png)\n\n![없는 그림](nowhere.png)\n\n앞 글 ![글 속 그림](anim.gif){: width=\"50%\"} 뒤 글\n"
	b := testBookIn(t, dir, map[string]string{"a.md": md})
	var diags diag.List
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	imgs, frames := imagesOf(doc)
	if len(imgs) != 4 || len(frames) != 1 {
		t.Fatalf("got %d images and %d frames, want 4 and 1\n%s", len(imgs), len(frames), diagText(&diags))
	}
	g := newGeometry(b.Config.PDF)
	big := openImage(t, imgs[0])
	if limit := int(imgs[0].W.Pt() / 72 * printDPI); big.Pixels == nil || big.Pixels.Bounds().Dx() > limit+1 || imgs[0].W != g.textW {
		t.Errorf("big image: %+v at %.1f pt, want pixels at most %d wide at the full measure", big, imgs[0].W.Pt(), limit)
	}
	if gif := openImage(t, imgs[1]); gif.Pixels == nil || gif.Data != nil {
		t.Errorf("GIF painted as %q, want pixels", gif.MediaType)
	}
	if !near(imgs[1].W, g.textW/2) {
		t.Errorf("width=50%%: image is %.1f pt wide, want %.1f", imgs[1].W.Pt(), (g.textW / 2).Pt())
	}
	if imgs[2].H > g.textH {
		t.Errorf("tall image is %.1f pt tall, taller than the text block (%.1f)", imgs[2].H.Pt(), g.textH.Pt())
	}
	if r := float64(imgs[2].H) / float64(imgs[2].W); r < 9.9 || r > 10.1 {
		t.Errorf("tall image aspect %.2f, want 10", r)
	}
	if imgs[3].Source != imgs[1].Source || imgs[3].Key != imgs[1].Key {
		t.Error("two references to one content at one size have two sources")
	}
}

// TestIssue14Item7Sizes: the author's width is honoured as a share of the
// text block (HTML, kramdown and CSS) or in CSS pixels at 96 to the inch;
// no image is enlarged past its pixels at 150 dpi; images that fit on one
// line stand side by side, as in the browser.
func TestIssue14Item7Sizes(t *testing.T) {
	dir := t.TempDir()
	for name, w := range map[string]int{"photo.png": 1600, "formula.gif": 236, "shot.png": 1200} {
		format := "png"
		if strings.HasSuffix(name, ".gif") {
			format = "gif"
		}
		if err := os.WriteFile(filepath.Join(dir, name), encodeTest(t, format, w, w/2), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := "---\ntitle: 크기\n---\n\n" +
		"<img src=\"photo.png\" width=\"50%\">\n\n" + // 0: half the measure
		"![수식](formula.gif)\n\n" + // 1: 236 px at 150 dpi, not the measure
		"<img src=\"formula.gif\" width=\"100%\">\n\n" + // 2: not enlarged either
		"<img src=\"photo.png\" width=\"200\">\n\n" + // 3: 200 CSS px = 150 pt
		"<img src=\"photo.png\" style=\"max-width: 100%; width: 30%\">\n\n" + // 4: 30%
		"![사진](photo.png){: width=\"60%\"}\n\n" + // 5: 60%
		"<p><img src=\"shot.png\" width=\"48%\"> <img src=\"photo.png\" width=\"48%\"></p>\n\n" + // 6, 7: one line
		"![가](shot.png){: width=\"40%\"} ![나](photo.png){: width=\"40%\"}\n\n" + // 8, 9: one line
		"<img src=\"shot.png\" width=\"70%\"> <img src=\"photo.png\" width=\"70%\">\n" // 10, 11: two lines
	b := testBookIn(t, dir, map[string]string{"a.md": md})
	var diags diag.List
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	imgs, _ := imagesOf(doc)
	if len(imgs) != 12 {
		t.Fatalf("got %d images, want 12\n%s", len(imgs), diagText(&diags))
	}
	measure := newGeometry(b.Config.PDF).textW
	natural := Pt(236.0 / naturalDPI * 72)
	want := []Length{measure / 2, natural, natural, Pt(150), Length(0.3 * float64(measure)), Length(0.6 * float64(measure)),
		Length(0.48 * float64(measure)), Length(0.48 * float64(measure)), Length(0.4 * float64(measure)), Length(0.4 * float64(measure)),
		Length(0.7 * float64(measure)), Length(0.7 * float64(measure))}
	for i, w := range want {
		if !near(imgs[i].W, w) {
			t.Errorf("image %d is %.1f pt wide, want %.1f", i, imgs[i].W.Pt(), w.Pt())
		}
	}
	sameLine := func(a, b Image) bool { return a.Y+a.H == b.Y+b.H && a.X+a.W < b.X }
	for _, pair := range [][2]int{{6, 7}, {8, 9}} {
		if a, b := imgs[pair[0]], imgs[pair[1]]; !sameLine(a, b) {
			t.Errorf("images %d and %d are not side by side: %+v %+v", pair[0], pair[1], a, b)
		}
	}
	if sameLine(imgs[10], imgs[11]) {
		t.Error("two 70% images share a line")
	}
	if imgs[1].W >= measure/2 {
		t.Errorf("the 236 px formula prints %.1f mm wide", imgs[1].W.Pt()*25.4/72)
	}
}

// TestFallbackFitsBox: an image's fallback (its frame and alt text) stays
// inside the image's box.
func TestFallbackFitsBox(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.png"), encodeTest(t, "png", 600, 300), 0o644); err != nil {
		t.Fatal(err)
	}
	b := testBookIn(t, dir, map[string]string{"a.md": "---\ntitle: 대체\n---\n\n![아주 긴 대체 글이 여러 줄에 걸쳐 이어진다 아주 긴 대체 글이 여러 줄에 걸쳐 이어진다](a.png)\n"})
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	imgs, _ := imagesOf(doc)
	if len(imgs) != 1 || len(imgs[0].Fallback) < 2 {
		t.Fatalf("want one image with a framed fallback, got %+v", imgs)
	}
	im := imgs[0]
	for _, el := range im.Fallback {
		switch el := el.(type) {
		case Rect:
			if el.X != 0 || el.Y != 0 || el.W != im.W || el.H != im.H || !el.Stroke {
				t.Errorf("frame %+v, want the box %v×%v", el, im.W, im.H)
			}
		case Text:
			if el.X < 0 || el.X > im.W || el.Y < 0 || el.Y > im.H {
				t.Errorf("alt text at %v,%v outside the %v×%v box", el.X, el.Y, im.W, im.H)
			}
		}
	}
}

func decodeConfig(t *testing.T, data []byte) image.Config {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// FuzzAuthorWidth: reading an author's width (a style attribute, an HTML
// or CSS length) ends on any input with a positive length or none.
func FuzzAuthorWidth(f *testing.F) {
	for _, s := range []string{"50%", "500", "500px", "12em", "3.5cm", "width: 60%; max-width: 100%", "width:auto", "WIDTH : 10mm !important", "calc(100% - 2px)", ""} {
		f.Add(s)
	}
	e := &engine{size: Pt(10)}
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := styleWidth(s); ok && v == "" {
			t.Fatalf("styleWidth(%q) found an empty width", s)
		}
		if l, ok := e.cssLength(s, Pt(300)); ok && l < 0 {
			t.Fatalf("cssLength(%q) = %v", s, l)
		}
	})
}

// TestCSSLength: the units an author writes.
func TestCSSLength(t *testing.T) {
	e := &engine{size: Pt(10)}
	for in, want := range map[string]Length{"50%": Pt(150), "500": Pt(375), "500px": Pt(375), "2em": Pt(20), "1in": Pt(72), "25.4mm": Pt(72), "auto": 0, "10vw": 0} {
		got, ok := e.cssLength(in, Pt(300))
		if (want != 0) != ok || ok && !near(got, want) {
			t.Errorf("cssLength(%q) = %v, %v; want %v", in, got.Pt(), ok, want.Pt())
		}
	}
	if v, ok := styleWidth("max-width: 100%; width: 30% !important"); !ok || v != "30%" {
		t.Errorf("styleWidth = %q, %v", v, ok)
	}
}
