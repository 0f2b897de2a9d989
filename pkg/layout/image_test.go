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

// TestImageFiles: a huge PNG is downsampled to about 300 dpi at its
// printed size, a GIF becomes a PNG, a kramdown width narrows an image, a
// tall image is never taller than the text block, a missing one is framed,
// one among the words of a paragraph is set after it.
func TestImageFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"big.png":  encodeTest(t, "png", 3000, 600),
		"anim.gif": encodeTest(t, "gif", 200, 100),
		"tall.png": encodeTest(t, "png", 100, 1000),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := "---\ntitle: 그림\n---\n\n![큰 그림](big.png)\n\n![움직이는 그림](anim.gif){: width=\"50%\"}\n\n![높은 그림](tall.png)\n\n![없는 그림](nowhere.png)\n\n앞 글 ![글 속 그림](anim.gif) 뒤 글\n"
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
	big := decodeConfig(t, imgs[0].Data)
	if limit := int(imgs[0].W.Pt() / 72 * printDPI); big.Width > limit+1 || imgs[0].W != g.textW {
		t.Errorf("big image: %d px wide at %.1f pt, want at most %d px at the full measure", big.Width, imgs[0].W.Pt(), limit)
	}
	if imgs[1].MediaType != "image/png" || !strings.HasSuffix(imgs[1].Key, ".png") {
		t.Errorf("GIF painted as %s (key %s), want image/png", imgs[1].MediaType, imgs[1].Key)
	}
	if d := imgs[1].W - g.textW/2; d < -Pt(0.01) || d > Pt(0.01) {
		t.Errorf("width=50%%: image is %.1f pt wide, want %.1f", imgs[1].W.Pt(), (g.textW / 2).Pt())
	}
	if imgs[2].H > g.textH {
		t.Errorf("tall image is %.1f pt tall, taller than the text block (%.1f)", imgs[2].H.Pt(), g.textH.Pt())
	}
	if r := float64(imgs[2].H) / float64(imgs[2].W); r < 9.9 || r > 10.1 {
		t.Errorf("tall image aspect %.2f, want 10", r)
	}
}

func decodeConfig(t *testing.T, data []byte) image.Config {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}
