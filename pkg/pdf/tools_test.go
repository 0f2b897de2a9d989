package pdf

import (
	"bytes"
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/layout"
)

// keepDir, when set, keeps the test PDF and its page renders for a person to
// look at: go test ./pkg/pdf/ -run Tools -pdf.keep=/tmp/x
var keepDir = flag.String("pdf.keep", "", "write the test PDF and page renders into this folder")

// run runs a tool and returns its standard output, failing on a non-zero
// exit. TZ is fixed so that tools print dates the same everywhere.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(testtool.Path(t, name), args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// testFile writes the synthetic document to a file and returns its path.
func testFile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if *keepDir != "" {
		dir = *keepDir
	}
	path := filepath.Join(dir, "test.pdf")
	if err := os.WriteFile(path, writeDoc(t, testDoc(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQPDFCheck(t *testing.T) {
	out := run(t, "qpdf", "--check", testFile(t)) // exit 3 on warnings fails too
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// fontRow matches a font line of pdffonts: name, type, encoding, emb, sub,
// uni.
var fontRow = regexp.MustCompile(`(?m)^(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)\s`)

func TestFontsEmbeddedAsTaggedSubsets(t *testing.T) {
	out := run(t, "pdffonts", testFile(t))
	rows := fontRow.FindAllStringSubmatch(out, -1)
	if len(rows) != 3 {
		t.Fatalf("pdffonts lists %d CID TrueType fonts, want 3:\n%s", len(rows), out)
	}
	names := map[string]bool{}
	for _, r := range rows {
		if r[2] != "yes" || r[3] != "yes" || r[4] != "yes" {
			t.Errorf("font %s: emb %s sub %s uni %s, want yes yes yes", r[1], r[2], r[3], r[4])
		}
		tagged := regexp.MustCompile(`^[A-Z]{6}\+(.+)$`).FindStringSubmatch(r[1])
		if tagged == nil {
			t.Errorf("font name %q has no subset tag", r[1])
			continue
		}
		names[tagged[1]] = true
	}
	for _, want := range []string{"body", "heading-bold", "code"} {
		if !names[want] {
			t.Errorf("no font named …+%s in:\n%s", want, out)
		}
	}
}

func TestTextExtractsInOrder(t *testing.T) {
	out := run(t, "pdftotext", "-enc", "UTF-8", testFile(t), "-")
	at := 0
	for _, want := range []string{chapter1, body1, latin1, spaced, decorated, code2, chapter2, body3, glyphs3} {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("pdftotext output lacks %q after byte %d:\n%s", want, at, out)
		}
		at += i + len(want)
	}
}

func TestInfo(t *testing.T) {
	out := run(t, "pdfinfo", "-isodates", testFile(t))
	for _, want := range []string{
		"Title:           한글 책 시험\n",
		"Author:          홍길동\n",
		"Subject:         pdf 시험\n",
		"Creator:         publish test\n",
		"CreationDate:    2024-01-02T03:04:05Z\n",
		"ModDate:         2024-01-02T03:04:05Z\n",
		"Pages:           3\n",
		"Page size:       419.528 x 595.276 pts", // A5, 148 x 210 mm
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func TestOutline(t *testing.T) {
	out := run(t, "qpdf", "--json", "--json-key=outlines", testFile(t))
	// The titles and target pages in depth-first order, each with its
	// depth given by the nesting of "kids" (checked through the order and
	// the structure below).
	re := regexp.MustCompile(`"destpageposfrom1": (\d+),\s*"kids": \[(\s*\{)?|"title": "([^"]+)"`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		switch {
		case m[1] != "" && m[2] != "":
			got = append(got, "p"+m[1]+"{")
		case m[1] != "":
			got = append(got, "p"+m[1])
		default:
			got = append(got, m[3])
		}
	}
	// qpdf prints a bookmark's page, then its kids, then its title.
	want := "p1{ p2 1.1 코드 제1장 시작하며 p3{ p3 2.1 본문 제2장 끝맺으며"
	if strings.Join(got, " ") != want {
		t.Errorf("outline = %q, want %q\n%s", strings.Join(got, " "), want, out)
	}
}

func TestInternalLinkToLaterPage(t *testing.T) {
	path := testFile(t)
	pages := run(t, "qpdf", "--show-pages", path)
	m := regexp.MustCompile(`page 3: (\d+) 0 R`).FindStringSubmatch(pages)
	if m == nil {
		t.Fatalf("no page 3 in:\n%s", pages)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Annotations and the destination name tree are plain objects, not
	// in compressed streams.
	if !bytes.Contains(data, []byte("/A<</S/GoTo/D(chapter-2)>>")) {
		t.Fatal("no link annotation going to the named destination chapter-2")
	}
	dest := regexp.MustCompile(`/Names\[\(chapter-2\)\[(\d+) 0 R/XYZ 0 ([0-9.]+) null\]\]`).FindStringSubmatch(string(data))
	if dest == nil {
		t.Fatal("no named destination chapter-2 in the file")
	}
	if dest[1] != m[1] {
		t.Errorf("destination is object %s, page 3 is object %s", dest[1], m[1])
	}
	doc := testDoc(t)
	wantY := doc.Height.Pt() - 60 // anchor 60 pt below the top; PDF y grows upward
	if y, _ := strconv.ParseFloat(dest[2], 64); math.Abs(y-wantY) > 0.01 {
		t.Errorf("link goes to y %s, want %.2f", dest[2], wantY)
	}
	if !bytes.Contains(data, []byte(`/URI(https://example.com/a\(b\))`)) {
		t.Error("external link with escaped parentheses not found")
	}
}

// TestWordSpacing measures with pdftotext where the words of a run with 10 pt
// word spacing start, against the same run without it.
func TestWordSpacing(t *testing.T) {
	out := run(t, "pdftotext", "-bbox", testFile(t), "-")
	re := regexp.MustCompile(`xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>나<`)
	ms := re.FindAllStringSubmatch(out, -1)
	if len(ms) != 2 {
		t.Fatalf("found %d words 나, want 2:\n%s", len(ms), out)
	}
	spacedX, _ := strconv.ParseFloat(ms[0][1], 64)
	plainX, _ := strconv.ParseFloat(ms[1][1], 64)
	if d := spacedX - plainX; math.Abs(d-10) > 0.02 {
		t.Errorf("word after a space moved by %.3f pt with 10 pt word spacing", d)
	}
}

// TestLetterSpacing measures with pdftotext how much wider a run with
// 10 pt letter spacing and 5 pt word spacing draws than the same run
// without: three gaps between letters and one word space, 35 pt; the
// text reads the same.
func TestLetterSpacing(t *testing.T) {
	doc := testDoc(t)
	const s = "가나다 라마"
	plain := layout.Text{X: layout.Pt(50), Y: layout.Pt(100), Font: fontBody, Size: layout.Pt(10), Text: s}
	spread := plain
	spread.Y, spread.LetterSpacing, spread.WordSpacing = layout.Pt(140), layout.Pt(10), layout.Pt(5)
	doc.Pages = []*layout.Page{{Number: 1, Elements: []layout.Element{plain, spread}}}
	doc.Outline = nil
	path := filepath.Join(t.TempDir(), "spaced.pdf")
	if err := os.WriteFile(path, writeDoc(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdftotext", "-bbox", path, "-")
	re := regexp.MustCompile(`xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)"[^>]*>([^<]*)<`)
	span := map[float64][2]float64{}
	words := map[float64]string{}
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y = math.Round(y)
		sp, ok := span[y]
		if !ok {
			sp = [2]float64{x0, x1}
		}
		span[y] = [2]float64{min(sp[0], x0), max(sp[1], x1)}
		words[y] += m[4]
	}
	if len(span) != 2 {
		t.Fatalf("want two lines, got %v:\n%s", span, out)
	}
	var w []float64
	for y, sp := range span {
		w = append(w, sp[1]-sp[0])
		if words[y] != "가나다라마" {
			t.Errorf("line at %v reads %q", y, words[y])
		}
	}
	if d := math.Abs(w[0] - w[1]); math.Abs(d-35) > 0.05 {
		t.Errorf("the spread run is %.3f pt wider, want 35 (spans %v)", d, span)
	}
}

// TestRenderedPage renders page 1 at 60 dpi and checks the size and a few
// pixels: the shaded box, the heading ink and the blank margin.
func TestRenderedPage(t *testing.T) {
	img := testtool.RenderPDFPage(t, testFile(t), 1, 60)
	px := func(xPt, yPt float64) (r, g, b uint32) {
		r, g, b, _ = img.At(int(xPt*60/72), int(yPt*60/72)).RGBA()
		return r >> 8, g >> 8, b >> 8
	}
	// pdftoppm rounds the page size in pixels up: 419.53 x 595.28 pt is
	// 349.6 x 496.1 px at 60 dpi.
	if b := img.Bounds(); b.Dx() != 350 || b.Dy() != 497 {
		t.Errorf("page renders at %dx%d px, want 350x497 (A5 at 60 dpi)", b.Dx(), b.Dy())
	}
	if r, g, b := px(300, 120); r != 230 || g != 230 || b != 250 {
		t.Errorf("shaded box pixel = %d,%d,%d, want 230,230,250", r, g, b)
	}
	if r, g, b := px(10, 500); r != 255 || g != 255 || b != 255 {
		t.Errorf("margin pixel = %d,%d,%d, want white", r, g, b)
	}
	dark := 0
	for x := 50.0; x < 150; x++ {
		for y := 64.0; y < 82; y++ {
			if r, _, _ := px(x, y); r < 100 {
				dark++
			}
		}
	}
	if dark < 20 {
		t.Errorf("heading area has %d dark pixels; the heading was not drawn", dark)
	}
}

// TestOutlineWithoutText covers a document that selects no font: outline
// titles are text strings of their own, whatever the pages draw.
func TestOutlineWithoutText(t *testing.T) {
	doc := &layout.Document{
		Width: layout.Mm(148), Height: layout.Mm(210),
		Pages:   []*layout.Page{{Number: 1, Elements: []layout.Element{layout.Rect{W: layout.Pt(10), H: layout.Pt(10)}}}},
		Outline: []*layout.OutlineEntry{{Title: "표지", Page: 0}},
	}
	path := filepath.Join(t.TempDir(), "cover.pdf")
	if err := os.WriteFile(path, writeDoc(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, "qpdf", "--json", "--json-key=outlines", path)
	if !strings.Contains(out, `"title": "표지"`) {
		t.Errorf("bookmark title not decoded as 표지:\n%s", out)
	}
}
