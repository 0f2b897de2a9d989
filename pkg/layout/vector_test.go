package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

// TestVectorSizes: an SVG image's printed width is its intrinsic width
// in CSS pixels at 96 to the inch (from width, from its viewBox alone, in
// mm), a share of the measure for a percentage root width, or the width
// its author gave (a share, CSS pixels, a height through its proportions),
// never wider than the measure, and its height follows its viewport's
// proportions. One content drawn at two sizes shares one Vector and Key.
func TestVectorSizes(t *testing.T) {
	dir := t.TempDir()
	svgs := map[string]string{
		"px.svg":   `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="10" height="10"/></svg>`,
		"vb.svg":   `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 30"><rect width="10" height="10"/></svg>`,
		"mm.svg":   `<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="25mm"><rect width="10" height="10"/></svg>`,
		"wide.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="500"><rect width="10" height="10"/></svg>`,
		"pct.svg":  `<svg xmlns="http://www.w3.org/2000/svg" width="50%" viewBox="0 0 400 200"><rect width="10" height="10"/></svg>`,
	}
	for name, s := range svgs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := "---\ntitle: 벡터\n---\n\n" +
		"![](px.svg)\n\n" + // 0: 200 px = 150 pt
		"![](vb.svg)\n\n" + // 1: 120 px = 90 pt
		"![](mm.svg)\n\n" + // 2: 50 mm
		"![](wide.svg)\n\n" + // 3: the measure
		"![](pct.svg)\n\n" + // 4: half the measure
		"<img src=\"px.svg\" width=\"80%\">\n\n" + // 5: enlarged to 80%
		"<img src=\"px.svg\" width=\"100\">\n\n" + // 6: 100 CSS px = 75 pt
		"<img src=\"px.svg\" height=\"30\">\n\n" + // 7: 30 px tall, so 60 px = 45 pt wide
		"![](wide.svg){: width=\"300%\"}\n" // 8: never wider than the measure
	b := testBookIn(t, dir, map[string]string{"a.md": md})
	var diags diag.List
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if diags.Len() > 0 {
		t.Errorf("diagnostics:\n%s", diagText(&diags))
	}
	imgs, _ := imagesOf(doc)
	if len(imgs) != 9 {
		t.Fatalf("got %d images, want 9\n%s", len(imgs), diagText(&diags))
	}
	measure := newGeometry(b.Config.PDF).textW
	want := []Length{Pt(150), Pt(90), Mm(50), measure, measure / 2, Length(0.8 * float64(measure)), Pt(75), Pt(45), measure}
	ratio := []float64{0.5, 0.25, 0.5, 0.25, 0.5, 0.5, 0.5, 0.5, 0.25}
	for i, w := range want {
		im := imgs[i]
		if im.Vector == nil || im.Source != nil {
			t.Errorf("image %d is not a vector: %+v", i, im)
			continue
		}
		if !near(im.W, w) {
			t.Errorf("image %d is %.1f pt wide, want %.1f", i, im.W.Pt(), w.Pt())
		}
		if r := float64(im.H) / float64(im.W); r < ratio[i]-0.001 || r > ratio[i]+0.001 {
			t.Errorf("image %d has proportions %.3f, want %.3f", i, r, ratio[i])
		}
	}
	if imgs[5].Vector != imgs[0].Vector || imgs[5].Key != imgs[0].Key || imgs[1].Key == imgs[0].Key {
		t.Error("one content at two sizes should share one vector and key, two contents not")
	}
}

// TestVectorText: the labels of a drawing are set in the book's faces
// (sans text in the heading face, serif in the body face, monospace in
// the code face, bold in bold), measured so that an anchored chunk ends or
// centres where it should, and a character no face draws is reported at
// the image's reference and left out.
func TestVectorText(t *testing.T) {
	dir := t.TempDir()
	s := `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" font-size="10">` +
		`<text x="150" y="20" text-anchor="middle">가운데 label</text>` +
		`<text x="290" y="40" text-anchor="end" font-family="serif" font-weight="bold">끝<tspan font-family="monospace">mono</tspan></text>` +
		`<text x="10" y="60">이모지 🥺</text></svg>`
	if err := os.WriteFile(filepath.Join(dir, "t.svg"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	b := testBookIn(t, dir, map[string]string{"a.md": "---\ntitle: 글자\n---\n\n![그림](t.svg)\n"})
	var diags diag.List
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if msg := diagText(&diags); !strings.Contains(msg, "a.md:5:1: warning: character 🥺 (U+1F97A) is in no font") {
		t.Errorf("the missing emoji is not reported at the reference:\n%s", msg)
	}
	imgs, _ := imagesOf(doc)
	if len(imgs) != 1 || imgs[0].Vector == nil {
		t.Fatalf("want one vector, got %+v", imgs)
	}
	fs, err := newFontSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	names := map[FontID]string{}
	for i, f := range fs.decl {
		names[FontID(i)] = f.Name
	}
	var texts []*VectorText
	for _, it := range imgs[0].Vector.Items {
		if it.Text != nil {
			texts = append(texts, it.Text)
		}
	}
	var got []string
	for _, tx := range texts {
		got = append(got, names[tx.Font]+":"+tx.Text)
	}
	wantRuns := "heading:가운데 label|body-bold:끝|code-bold:mono|heading:이모지 "
	if strings.Join(got, "|") != wantRuns {
		t.Errorf("runs %q, want %q", strings.Join(got, "|"), wantRuns)
	}
	e := &engine{fs: fs}
	width := func(tx *VectorText) float64 { return e.advance(tx.Font, tx.Text, tx.Size) }
	if mid := texts[0].X + width(texts[0])/2; mid < 149.99 || mid > 150.01 {
		t.Errorf("the middle-anchored label is centred at %.3f, want 150", mid)
	}
	if end := texts[2].X + width(texts[2]); end < 289.99 || end > 290.01 || texts[2].X != texts[1].X+width(texts[1]) {
		t.Errorf("the end-anchored chunk ends at %.3f, want 290, its runs one after another", end)
	}
}
