package layout_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/pdf"
)

// loadSample loads the repository's sample book.
func loadSample(t testing.TB) (*book.Book, *manifest.Manifest) {
	t.Helper()
	var diags diag.List
	m, err := manifest.Load("../../books/sample.yaml", &diags)
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	b, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		t.Fatalf("book: %v", err)
	}
	return b, m
}

// sampleOptions are the options of a test run; the settings are the
// sample manifest's.
var sampleOptions = layout.Options{Creator: "publish test"}

// TestSamplePDF lays out the sample book, paints it, and reads it back
// with poppler's tools when they are installed.
func TestSamplePDF(t *testing.T) {
	b, _ := loadSample(t)
	var diags diag.List
	doc, err := layout.Layout(b, sampleOptions, &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Items() {
		t.Log(d)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		t.Fatalf("pdf.Write: %v", err)
	}
	out := filepath.Join(t.TempDir(), "sample.pdf")
	if dir := os.Getenv("PUBLISH_KEEP_PDF"); dir != "" {
		out = filepath.Join(dir, "sample.pdf")
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := runTool(t, "pdftotext", "-layout", out, "-")
	for _, want := range []string{"블로그에서 책으로", "차례", "개발자 취업 준비 1년의 기록", "한국어 문장은", "고루틴", "fmt.Println"} {
		if text != "" && !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
	if fonts := runTool(t, "pdffonts", out); fonts != "" && !strings.Contains(fonts, "emb") {
		t.Errorf("pdffonts shows no embedded fonts:\n%s", fonts)
	}
}

// runTool runs a command and returns its output; "" when the tool is not
// installed, unless PUBLISH_REQUIRE_TOOLS=1 demands it.
func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path, ok := testtool.Find(t, name)
	if !ok {
		return ""
	}
	out, err := exec.Command(path, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// TestSameDocument lays out and paints the sample twice: same input, same
// Document, same PDF bytes (the sample has two images of one pixel width,
// which pkg/pdf must order itself; see pkg/pdf/imageorder.go).
func TestSameDocument(t *testing.T) {
	var docs [2]*layout.Document
	var files [2][]byte
	for i := range docs {
		b, _ := loadSample(t)
		doc, err := layout.Layout(b, sampleOptions, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := pdf.Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		docs[i], files[i] = doc, buf.Bytes()
	}
	if !reflect.DeepEqual(withoutSources(docs[0]), withoutSources(docs[1])) {
		t.Error("two layouts of the same book differ")
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two PDFs of the same book differ")
	}
}

// withoutSources returns doc with its images' sources left out: a source
// holds the loaded book's asset, which differs from load to load in the
// functions that read its file. The Keys name the content and size.
func withoutSources(doc *layout.Document) *layout.Document {
	out := *doc
	out.Pages = nil
	for _, p := range doc.Pages {
		q := *p
		q.Elements = append([]layout.Element(nil), p.Elements...)
		for i, el := range q.Elements {
			if im, ok := el.(layout.Image); ok {
				im.Source = nil
				q.Elements[i] = im
			}
		}
		out.Pages = append(out.Pages, &q)
	}
	return &out
}
