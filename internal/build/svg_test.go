package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
)

// TestSVGImagesInThePDF builds the shared SVG fixture to PDF and EPUB:
// both are written and valid (qpdf, EPUBCheck), each SVG content is one
// form whatever the references, the diagram's shapes show their colours
// where the drawing puts them (rendered by pdftoppm), its Korean labels
// are text, the same book gives the same bytes, and the warnings are the
// expected ones, at their lines.
func TestSVGImagesInThePDF(t *testing.T) {
	dir := testtool.Site(t, filepath.Join(testtool.ModuleRoot(t), "testdata", "sites", "svg.txtar"))
	var d diag.List
	env := Env{WorkDir: dir, Getenv: func(string) string { return "1706832000" }}
	in, err := Load(env, []string{filepath.Join(dir, "book.yaml")}, &d)
	if err != nil {
		t.Fatalf("%v %v", err, d.Items())
	}
	pdfPath, epubPath := filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.epub")
	if _, err := PDF(env, in, pdfPath, "test", &d); err != nil {
		t.Fatalf("pdf: %v %v", err, d.Items())
	}
	if _, err := EPUB(env, in, epubPath, "test", &d); err != nil {
		t.Fatalf("epub: %v %v", err, d.Items())
	}
	checkSVGWarnings(t, d.Items())
	data, err := os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("/Subtype/Form")); n != 3 {
		t.Errorf("%d forms, want 3 (flow.svg twice, badge.svg, effects.svg)", n)
	}
	again := filepath.Join(dir, "again.pdf")
	if _, err := PDF(env, in, again, "test", &diag.List{}); err != nil {
		t.Fatal(err)
	}
	if second, _ := os.ReadFile(again); !bytes.Equal(data, second) {
		t.Error("two builds of the book differ")
	}
	if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", pdfPath).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	if out, clean := testtool.EPUBCheck(t, epubPath); !clean {
		t.Errorf("EPUBCheck:\n%s", out)
	}
	text, err := exec.Command(testtool.Path(t, "pdftotext"), "-enc", "UTF-8", pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"클라이언트", "서버", "요청 (HTTP)", "응답", "데이터베이스", "빌드", "통과"} {
		if !strings.Contains(string(text), label) {
			t.Errorf("pdftotext does not find the label %q", label)
		}
	}
	doc, err := layout.Layout(in.Book, layout.Options{Creator: "test"}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	checkVectorPixels(t, doc, pdfPath, 480, 200, []pixelCheck{
		{"the red client box", 30, 50, 255, 0, 0},
		{"the blue server box", 450, 50, 0, 0, 255},
		{"the green database", 190, 160, 0, 204, 0},
		{"white above the arrow", 240, 20, 255, 255, 255},
		{"white left of the database", 60, 170, 255, 255, 255},
	})
	checkVectorPixels(t, doc, pdfPath, 200, 100, []pixelCheck{
		{"the circle inside its clip", 80, 50, 0x33, 0x33, 0x33},
		{"the background where the clip hides the circle", 125, 50, 0xff, 0xcc, 0},
	})
}

// pixelCheck is a colour expected at a point of a drawing.
type pixelCheck struct {
	what    string
	vx, vy  float64
	r, g, b uint8
}

// checkSVGWarnings: the markers the PDF leaves out of the diagram, the
// EPUB's removed foreignObject, the filter of effects.svg, and the broken
// file, said once for both writers.
func checkSVGWarnings(t *testing.T, items []diag.Diagnostic) {
	t.Helper()
	want := []string{
		"6:1: warning: SVG image flow.svg: left out of the PDF: markers",
		"6:1: warning: SVG image flow.svg: removed <foreignObject>",
		"14:1: warning: SVG image effects.svg: left out of the PDF: filter",
		"16:1: warning: image /assets/broken.svg cannot be used: SVG is not well-formed XML: XML syntax error on line 1: element <rect> closed by </svg>; the alt text is shown instead",
	}
	var got []string
	for _, it := range items {
		if it.Severity >= diag.Warning {
			got = append(got, fmt.Sprintf("%d:%d: %s: %s", it.Pos.Line, it.Pos.Col, it.Severity, it.Message))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkVectorPixels finds the first place a drawing of w × h px is drawn,
// renders its page at 72 dpi and checks the colours at points of the
// drawing mapped onto the page.
func checkVectorPixels(t *testing.T, doc *layout.Document, pdfPath string, w, h float64, checks []pixelCheck) {
	t.Helper()
	page, box := -1, layout.Image{}
	for i, p := range doc.Pages {
		for _, el := range p.Elements {
			if im, ok := el.(layout.Image); ok && page < 0 && im.Vector != nil && im.Vector.Width == w && im.Vector.Height == h {
				page, box = i, im
			}
		}
	}
	if page < 0 {
		t.Fatalf("no drawing of %v × %v px is drawn", w, h)
	}
	img := testtool.RenderPDFPage(t, pdfPath, page+1, 72)
	at := func(vx, vy float64) (int, int) {
		return int(box.X.Pt() + vx*box.W.Pt()/w), int(box.Y.Pt() + vy*box.H.Pt()/h)
	}
	for _, c := range checks {
		x, y := at(c.vx, c.vy)
		r, g, b, _ := img.At(x, y).RGBA()
		got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
		for i, want := range [3]uint8{c.r, c.g, c.b} {
			if d := got[i] - int(want); d > 12 || d < -12 {
				t.Errorf("%s at %d,%d: got %v, want %v", c.what, x, y, got, [3]uint8{c.r, c.g, c.b})
				break
			}
		}
	}
}

// TestHostileSVG builds a post of hostile SVG images (deep nesting, a use
// bomb, a million path commands, a style sheet that backtracks) and one
// of huge numbers and NaN: each hostile one stops at its limit with one
// warning at its reference and a frame with its alt text in the PDF; the
// other is drawn with what is in range; the PDF is sound.
func TestHostileSVG(t *testing.T) {
	dir := t.TempDir()
	head := `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">`
	var bomb strings.Builder
	bomb.WriteString(head + `<defs><rect id="l0" width="1" height="1"/>`)
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&bomb, `<g id="l%d">`, i)
		for range 10 {
			fmt.Fprintf(&bomb, `<use href="#l%d"/>`, i-1)
		}
		bomb.WriteString(`</g>`)
	}
	bomb.WriteString(`</defs><use href="#l10"/></svg>`)
	files := map[string]string{
		"deep.svg":          head + strings.Repeat("<g>", 300) + "<rect width='1' height='1'/>" + strings.Repeat("</g>", 300) + "</svg>",
		"bomb.svg":          bomb.String(),
		"path.svg":          head + `<path d="M0 0` + strings.Repeat(" L1 1", 1_000_000) + `"/></svg>`,
		"style.svg":         head + "<style>q g g g g g g g g rect { fill: red }</style>" + strings.Repeat("<g>", 200) + strings.Repeat("<rect width='1' height='1'/>", 100) + strings.Repeat("</g>", 200) + "</svg>",
		"huge.svg":          head + `<rect width="1e308" height="NaN"/><path d="M0 0 L1e300 1e300 L NaN 5"/><g transform="scale(1e9) scale(1e9)"><rect width="1" height="1"/></g><rect x="10" y="10" width="80" height="80" fill="#00f"/></svg>`,
		"book.yaml":         "title: 나쁜 그림\nauthors: [시험]\nchapters: [2020-01-01-bad.md]\n",
		"2020-01-01-bad.md": "---\ntitle: 나쁜 그림\n---\n\n![깊은 그림](deep.svg)\n\n![폭탄](bomb.svg)\n\n![긴 경로](path.svg)\n\n![느린 스타일](style.svg)\n\n![큰 수](huge.svg)\n",
	}
	writeSite(t, dir, files)
	var d diag.List
	in, err := Load(Env{WorkDir: dir}, []string{filepath.Join(dir, "book.yaml")}, &d)
	if err != nil {
		t.Fatalf("%v %v", err, d.Items())
	}
	pdfPath := filepath.Join(dir, "out.pdf")
	if _, err := PDF(Env{WorkDir: dir}, in, pdfPath, "test", &d); err != nil {
		t.Fatalf("pdf: %v %v", err, d.Items())
	}
	want := map[int]string{
		5:  "deep.svg cannot be drawn in the PDF: it has more than 256 levels of nesting",
		7:  "bomb.svg cannot be drawn in the PDF: it has more than 100000 elements drawn",
		9:  "path.svg cannot be drawn in the PDF: it has more than 250000 path segments",
		11: "style.svg cannot be drawn in the PDF: it has more than 20000000 steps of style matching",
		13: "SVG image huge.svg: left out of the PDF: shapes placed out of range",
	}
	got := map[int]string{}
	for _, it := range d.Items() {
		if it.Severity >= diag.Warning {
			got[it.Pos.Line] += it.Message
		}
	}
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("line %d: got %q, want %q", line, got[line], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("warnings at %d lines, want %d: %v", len(got), len(want), got)
	}
	if out, err := exec.Command(testtool.Path(t, "qpdf"), "--check", pdfPath).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(testtool.Path(t, "pdftotext"), pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, alt := range []string{"깊은그림", "폭탄", "긴경로", "느린스타일"} {
		if !strings.Contains(text, alt) {
			t.Errorf("the PDF does not frame the alt text %q", alt)
		}
	}
	if data, _ := os.ReadFile(pdfPath); bytes.Count(data, []byte("/Subtype/Form")) != 1 {
		t.Error("huge.svg is not drawn as the one form of the file")
	}
}
