package layout_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/pdf"
)

// partsBook writes a book whose chapters stand before, in and after
// parts, whose titles (and one chapter's) hold a character no face
// has; whose chapters show one image under two names, another in two
// chapters and a broken one in two; with formulas, equation labels,
// footnotes and a table.
func partsBook(t *testing.T) *book.Book {
	t.Helper()
	dir := t.TempDir()
	img := func(name string, c color.RGBA) {
		m := image.NewRGBA(image.Rect(0, 0, 400, 300))
		for i := 0; i < len(m.Pix); i += 4 {
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = c.R, c.G, c.B, 255
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img("a.png", color.RGBA{200, 30, 30, 255})
	img("a-copy.png", color.RGBA{200, 30, 30, 255})
	img("b.png", color.RGBA{30, 30, 200, 255})
	whole, err := os.ReadFile(filepath.Join(dir, "b.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cut.png"), whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	// An SVG with a gradient (drawn in its average colour, so reported
	// as left out) and a label, shown in two chapters.
	svgText := `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><rect width="120" height="60" fill="url(#g)"/><text x="10" y="35" font-size="14">도표</text></svg>`
	if err := os.WriteFile(filepath.Join(dir, "chart.svg"), []byte(svgText), 0o644); err != nil {
		t.Fatal(err)
	}
	posts := map[string]string{}
	for i := range 7 {
		body := fmt.Sprintf("---\ntitle: 장 %d\n---\n\n문단 %d에 각주가 있다.[^1] 수식 $x_%d^2$도 있다.\n\n$$\n\\begin{equation} a = b \\label{eq:a} \\end{equation}\n$$\n\n식 $\\eqref{eq:a}$를 본다.\n\n| 가 | 나 |\n|---|---|\n| 1 | 2 |\n\n[^1]: 각주 %d.\n", i, i, i, i)
		switch i {
		case 1:
			body += "\n![빨강](a.png)\n\n![파랑](b.png)\n"
		case 2, 4:
			body += "\n![잘린 그림](cut.png)\n"
		case 3:
			body += "\n![빨강 사본](a-copy.png)\n\n![도표](chart.svg)\n"
		case 6:
			body += "\n![도표 다시](chart.svg)\n"
		case 5:
			body += "\n![파랑 다시](b.png)\n\n제목에 없는 글자 🥺도 있다.\n"
		}
		posts[fmt.Sprintf("2020-01-%02d-p%d.md", i+1, i)] = body
	}
	for name, text := range posts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := `title: 부가 있는 책
authors: [홍길동]
date: 2024-01-02
math: {inline: dollar, numbering: ams}
pdf:
  paper: mungo
chapters:
  - 2020-01-01-p0.md
  - part: 제1부 🥺 시작
    chapters:
      - 2020-01-02-p1.md
      - 2020-01-03-p2.md
  - part: 제3부 🥺
    chapters:
      - 2020-01-04-p3.md
      - 2020-01-05-p4.md
      - 2020-01-06-p5.md
  - 2020-01-07-p6.md
`
	var diags diag.List
	m, err := manifest.Parse("book.yaml", dir, []byte(yaml), &diags)
	if err != nil {
		t.Fatalf("manifest: %v\n%v", err, diags.Items())
	}
	b, err := book.Load(m, book.Options{Rel: filepath.Base}, &diags)
	if err != nil {
		t.Fatalf("book: %v\n%s", err, diags.Summary())
	}
	return b
}

// TestChaptersInParallelIssue13: setting chapters on several goroutines
// (issue 13) makes the same PDF, byte for byte, and the same messages as
// setting them one by one in reading order; every Image of one Key shares
// one source.
func TestChaptersInParallelIssue13(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	sample, _ := loadSample(t)
	for name, b := range map[string]*book.Book{"sample": sample, "parts": partsBook(t)} {
		t.Run(name, func(t *testing.T) {
			var d1, d2 diag.List
			par, err := layout.Layout(b, sampleOptions, &d1)
			if err != nil {
				t.Fatal(err)
			}
			seq, err := layout.LayoutOneByOne(b, sampleOptions, &d2)
			if err != nil {
				t.Fatal(err)
			}
			var p1, p2 bytes.Buffer
			if err := pdf.Write(&p1, par); err != nil {
				t.Fatal(err)
			}
			if err := pdf.Write(&p2, seq); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(p1.Bytes(), p2.Bytes()) {
				t.Errorf("the PDF of chapters set in parallel differs from one set one by one (%d and %d bytes)", p1.Len(), p2.Len())
			}
			if a, b := fmt.Sprint(d1.Items()), fmt.Sprint(d2.Items()); a != b {
				t.Errorf("messages differ:\nparallel:   %s\none by one: %s", a, b)
			}
			sources := map[string]layout.ImageSource{}
			vectors := map[string]*layout.Vector{}
			for _, p := range par.Pages {
				for _, el := range p.Elements {
					if im, ok := el.(layout.Image); ok {
						if s, ok := sources[im.Key]; ok && s != im.Source {
							t.Errorf("image %s has two sources", im.Key)
						}
						if v, ok := vectors[im.Key]; ok && v != im.Vector {
							t.Errorf("SVG image %s has two vectors", im.Key)
						}
						sources[im.Key], vectors[im.Key] = im.Source, im.Vector
					}
				}
			}
			if n := strings.Count(fmt.Sprint(d1.Items()), "chart.svg: left out of the PDF"); name == "parts" && n != 1 {
				t.Errorf("what the SVG shown in two chapters leaves out is reported %d times, want once: %v", n, d1.Items())
			}
			if name == "parts" && len(sources) != 4 {
				t.Errorf("%d image sources, want 4 (one content under two names, two pictures and an SVG shown twice)", len(sources))
			}
			if name == "parts" && !strings.Contains(fmt.Sprint(d1.Items()), "2020-01-05-p4.md:19:1: warning: image cut.png cannot be used") {
				t.Errorf("the broken image is not reported at its second chapter: %v", d1.Items())
			}
		})
	}
}
