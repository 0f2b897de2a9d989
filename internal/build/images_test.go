package build

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
)

// imageVariants are the images of issue 14, item 1: every variant a blog
// holds, by file name, and the broken ones that no decoder can use.
func imageVariants(t *testing.T) (good, broken map[string][]byte) {
	t.Helper()
	const w, h = 240, 160
	rgb := func(x, y int) []byte { return []byte{byte(2 * x), byte(3 * y), 90} }
	good = map[string][]byte{
		"interlaced.png": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGB, Depth: 8, Interlaced: true, Sample: rgb}),
		"deep.png": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGB, Depth: 16,
			Sample: func(x, y int) []byte { return []byte{byte(x), 7, byte(y), 7, 200, 7} }}),
		"palette-trns.png": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGPalette, Depth: 8,
			Palette: []byte{200, 30, 30, 30, 30, 200}, Transparency: []byte{0, 255}, Sample: func(x, y int) []byte { return []byte{byte(x / 8 % 2)} }}),
		"grey-alpha.png": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGGrayAlpha, Depth: 8,
			Sample: func(x, y int) []byte { return []byte{byte(2 * x), byte(4 * y)} }}),
		"cmyk.jpg": testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 4, Adobe: 2,
			Block: func(x, y int) []byte { return []byte{byte(x), byte(y), 60, 220} }}),
		"progressive.jpg": testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 3, Progressive: true, Adobe: -1,
			Block: func(x, y int) []byte { return []byte{byte(2 * x), 100, 160} }}),
	}
	anim := &gif.GIF{}
	for i := range 2 {
		f := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.RGBA{0, 90, 200, 255}})
		for x := range w {
			f.SetColorIndex(x, (x+i*9)%h, 1)
		}
		anim.Image, anim.Delay = append(anim.Image, f), append(anim.Delay, 20)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		t.Fatal(err)
	}
	good["animated.gif"] = buf.Bytes()
	for _, name := range []string{"sunset.lossy.webp", "bars.lossless.webp"} {
		data, err := os.ReadFile("../../testdata/images/" + name)
		if err != nil {
			t.Fatal(err)
		}
		good[name] = data
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, image.NewRGBA(image.Rect(0, 0, 300, 200))); err != nil {
		t.Fatal(err)
	}
	whole := good["progressive.jpg"]
	broken = map[string][]byte{
		"truncated.png":      pngBuf.Bytes()[:pngBuf.Len()*2/3],
		"truncated.jpg":      whole[:len(whole)*3/4],
		"interlaced-cut.png": good["interlaced.png"][:len(good["interlaced.png"])-40],
	}
	return good, broken
}

// TestIssue14Item1ImagesNeverFailABook builds a post that shows every
// image variant a blog holds, a copy of one of them under another name,
// and three broken images, to EPUB and PDF: both outputs are written and
// valid, every good image is in both, once per content, and
// each broken one is a warning at its reference and a framed alt text in
// both outputs (before, the PDF writer failed the whole book on the first
// image it could not use).
func TestIssue14Item1ImagesNeverFailABook(t *testing.T) {
	dir := t.TempDir()
	good, broken := imageVariants(t)
	var post strings.Builder
	post.WriteString("---\ntitle: 모든 그림\n---\n\n")
	line := 5
	wantWarn := map[string]int{}
	for _, set := range []map[string][]byte{good, broken} {
		for _, name := range sortedNames(set) {
			if err := os.WriteFile(filepath.Join(dir, name), set[name], 0o644); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&post, "![그림 %s](%s)\n\n", name, name)
			if _, bad := broken[name]; bad {
				wantWarn[name] = line
			}
			line += 2
		}
	}
	// A second file with the bytes of one of them: one image in each output.
	if err := os.WriteFile(filepath.Join(dir, "copy.png"), good["deep.png"], 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&post, "![그림 copy.png](copy.png)\n\n")
	writeSite(t, dir, map[string]string{
		"2020-01-01-all.md": post.String(),
		"book.yaml":         "title: 그림 책\nauthors: [시험]\nchapters:\n  - 2020-01-01-all.md\n",
	})
	var d diag.List
	in, err := Load(Env{WorkDir: dir}, []string{filepath.Join(dir, "book.yaml")}, &d)
	if err != nil {
		t.Fatalf("%v %v", err, d.Items())
	}
	epubPath, pdfPath := filepath.Join(dir, "out.epub"), filepath.Join(dir, "out.pdf")
	if _, err := EPUB(Env{WorkDir: dir}, in, epubPath, "test", &d); err != nil {
		t.Fatalf("epub: %v %v", err, d.Items())
	}
	if _, err := PDF(Env{WorkDir: dir}, in, pdfPath, "test", &d); err != nil {
		t.Fatalf("pdf: %v %v", err, d.Items())
	}
	checkImageWarnings(t, d.Items(), wantWarn)
	checkEPUBImages(t, epubPath, len(good), broken)
	checkPDFImages(t, pdfPath, len(good), broken)
}

func sortedNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// checkImageWarnings: one warning at each broken image's line (the two
// writers word it alike, so it is said once), and nothing else.
func checkImageWarnings(t *testing.T, items []diag.Diagnostic, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	for _, it := range items {
		if it.Severity < diag.Warning {
			continue
		}
		m := regexp.MustCompile(`^image (\S+) cannot be used: `).FindStringSubmatch(it.Message)
		if m == nil {
			t.Errorf("unexpected: %s", it)
			continue
		}
		if got[m[1]] != 0 {
			t.Errorf("%s reported twice: %s", m[1], it)
		}
		got[m[1]] = it.Pos.Line
	}
	for name, line := range want {
		if got[name] != line {
			t.Errorf("%s: warned at line %d, want %d", name, got[name], line)
		}
	}
}

// checkEPUBImages: EPUBCheck passes, every good image is packaged, and
// each broken one shows its alt text in a frame.
func checkEPUBImages(t *testing.T, path string, good int, broken map[string][]byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	images, chapter := 0, ""
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "EPUB/images/") {
			images++
		}
		if strings.HasSuffix(f.Name, "c001.xhtml") {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			chapter = string(b)
		}
	}
	if images != good {
		t.Errorf("EPUB holds %d images, want %d", images, good)
	}
	for name := range broken {
		if !strings.Contains(chapter, `<span class="image-missing">그림 `+name+`</span>`) {
			t.Errorf("EPUB: no framed alt text for %s", name)
		}
	}
	if out, clean := testtool.EPUBCheck(t, path); !clean {
		t.Errorf("EPUBCheck:\n%s", out)
	}
}

// checkPDFImages: qpdf finds the file sound, pdfimages lists one image
// per good variant, and the broken ones' alt text is on the page.
func checkPDFImages(t *testing.T, path string, good int, broken map[string][]byte) {
	t.Helper()
	if qpdf, ok := testtool.Find(t, "qpdf"); ok {
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	if pdfimages, ok := testtool.Find(t, "pdfimages"); ok {
		out, err := exec.Command(pdfimages, "-list", path).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages: %v\n%s", err, out)
		}
		// Two header lines, then one line per image drawn and soft mask;
		// column 11 is the object number.
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		objects := map[string]bool{}
		for _, l := range lines {
			if f := strings.Fields(l); len(f) > 10 && f[2] == "image" {
				objects[f[10]] = true
			}
		}
		if images := len(objects); images != good {
			t.Errorf("pdfimages lists %d images, want %d:\n%s", images, good, out)
		}
	}
	if pdftotext, ok := testtool.Find(t, "pdftotext"); ok {
		out, err := exec.Command(pdftotext, path, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), "")
		for name := range broken {
			if !strings.Contains(text, "그림"+name) {
				t.Errorf("PDF: no alt text for %s", name)
			}
		}
	}
}
