package epub

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"github.com/hangul-press/publish/pkg/manifest"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden renders each testdata/*.txtar book and compares the body of
// its chapter documents and the diagnostics with the archive's sections.
//
// An archive holds the book's files (book.yaml is written when absent,
// with every *.md as a chapter); a file whose content is "png W H" becomes
// a generated W×H PNG, one whose content is "copy PATH" a copy of PATH. The answers are "-- cNNN.xhtml --"
// (the body element's content) and "-- diags --". An archive whose comment
// has a line "modes: mathml both" holds the chapters in those epub.math
// modes too, as "-- mathml/cNNN.xhtml --". The outlines of math glyphs
// are abbreviated to d="…" (texmath's tests check them).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			goldenFile(t, file)
		})
	}
}

func goldenFile(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data, diags := buildArchive(t, ar, nil)
	got := answers(t, data, diags.String())
	modes := goldenModes(ar)
	for _, m := range modes {
		data, _ := buildArchive(t, ar, func(c *manifest.Manifest) { c.EPUB.Math = m.mode })
		for name, body := range answers(t, data, "") {
			if name != "diags" {
				got[m.name+"/"+name] = body
			}
		}
	}
	if *update {
		rewrite(t, file, ar, got)
		return
	}
	for _, f := range ar.Files {
		if !isAnswer(f.Name) {
			continue
		}
		if want := string(f.Data); got[f.Name] != want {
			t.Errorf("%s differs:\n--- got ---\n%s\n--- want ---\n%s", f.Name, got[f.Name], want)
		}
	}
}

// goldenMode is an epub.math mode a golden archive is rendered in too.
type goldenMode struct {
	name string
	mode manifest.EPUBMath
}

// goldenModes reads the "modes:" line of an archive's comment.
func goldenModes(ar *txtar.Archive) []goldenMode {
	known := map[string]manifest.EPUBMath{"svg": manifest.MathSVG, "mathml": manifest.MathML, "both": manifest.MathBoth}
	var out []goldenMode
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if rest, ok := strings.CutPrefix(line, "modes:"); ok {
			for _, name := range strings.Fields(rest) {
				out = append(out, goldenMode{name, known[name]})
			}
		}
	}
	return out
}

func isAnswer(name string) bool {
	return name == "diags" || strings.HasSuffix(name, ".xhtml")
}

// buildArchive writes the archive's files to a folder, loads the book and
// renders it.
// buildArchive loads the archive's book, lets set change its settings
// (set may be nil), and writes it.
func buildArchive(t testing.TB, ar *txtar.Archive, set func(*manifest.Manifest)) ([]byte, diagLines) {
	t.Helper()
	return buildArchiveWith(t, ar, func(b *book.Book) {
		if set != nil {
			set(b.Config)
		}
	})
}

// buildArchiveWith loads the archive's book, lets change alter it, and
// writes it.
func buildArchiveWith(t testing.TB, ar *txtar.Archive, change func(*book.Book)) ([]byte, diagLines) {
	t.Helper()
	b, loadDiags, dir := loadArchive(t, ar)
	change(b)
	data, _, diags := build(t, b, Options{})
	loadDiags.Append(diags)
	return data, diagLines{listText(loadDiags), dir}
}

// loadArchive writes the archive's files to a folder and loads the book.
func loadArchive(t testing.TB, ar *txtar.Archive) (*book.Book, *diag.List, string) {
	t.Helper()
	dir := t.TempDir()
	var chapters []string
	hasManifest := false
	for _, f := range ar.Files {
		if isAnswer(f.Name) {
			continue
		}
		writeFixture(t, filepath.Join(dir, f.Name), f.Data)
		hasManifest = hasManifest || f.Name == "book.yaml"
		if strings.HasSuffix(f.Name, ".md") {
			chapters = append(chapters, "  - "+f.Name)
		}
	}
	if !hasManifest {
		manifest := "title: 시험용 책\nauthors: [시험]\nlanguage: ko\ndate: 2024-01-02\nchapters:\n" + strings.Join(chapters, "\n") + "\n"
		writeFixture(t, filepath.Join(dir, "book.yaml"), []byte(manifest))
	}
	b, loadDiags := loadBook(t, filepath.Join(dir, "book.yaml"))
	return b, loadDiags, dir
}

func listText(l *diag.List) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// diagLines are the messages of a build with the temporary folder removed.
type diagLines struct{ text, dir string }

func (d diagLines) String() string {
	return strings.ReplaceAll(d.text, d.dir+string(filepath.Separator), "")
}

var pngSpec = regexp.MustCompile(`^png (\d+) (\d+)\s*$`)

func writeFixture(t testing.TB, path string, data []byte) {
	t.Helper()
	if name, ok := strings.CutPrefix(string(bytes.TrimSpace(data)), "copy "); ok {
		var err error
		if data, err = os.ReadFile(name); err != nil {
			t.Fatal(err)
		}
	}
	if m := pngSpec.FindSubmatch(data); m != nil {
		var w, h int
		fmt.Sscan(string(m[1])+" "+string(m[2]), &w, &h)
		data = makePNG(w, h)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// makePNG draws a small gradient, different for every size.
func makePNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// glyphPaths are the outlines of the math glyphs the chapters define.
var glyphPaths = regexp.MustCompile(`(<path id="m\.[^"]*" d=")[^"]*"`)

// answers extracts the body of each chapter document of an EPUB.
func answers(t testing.TB, data []byte, diags string) map[string]string {
	out := map[string]string{"diags": diags}
	for name, body := range zipFiles(t, data) {
		base := strings.TrimPrefix(name, "EPUB/")
		if regexp.MustCompile(`^[cp]\d+\.xhtml$`).MatchString(base) {
			s := string(body)
			s = s[strings.Index(s, "<body>")+len("<body>\n"):]
			s = s[:strings.LastIndex(s, "</body>")]
			out[base] = glyphPaths.ReplaceAllString(s, `${1}…"`) + "\n"
		}
	}
	return out
}

func zipFiles(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		out[f.Name] = b
	}
	return out
}

// rewrite replaces the answers of an archive with got: every chapter
// document and the diagnostics, in name order after the inputs.
func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	var files []txtar.File
	for _, f := range ar.Files {
		if !isAnswer(f.Name) {
			files = append(files, f)
		}
	}
	files = append(files, txtar.File{Name: "diags", Data: []byte(got["diags"])})
	for _, mode := range append([]goldenMode{{}}, goldenModes(ar)...) {
		prefix := ""
		if mode.name != "" {
			prefix = mode.name + "/"
		}
		for i := 1; got[fmt.Sprintf("%sc%03d.xhtml", prefix, i)] != ""; i++ {
			name := fmt.Sprintf("%sc%03d.xhtml", prefix, i)
			files = append(files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
	ar.Files = files
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
