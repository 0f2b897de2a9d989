package texmath

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// TestEPUBCheck embeds every demo formula, as inline SVG and as MathML,
// in the XHTML of a minimal EPUB 3 and runs EPUBCheck on it: the markup
// the writers produce must be valid where the EPUB writer will put it.
func TestEPUBCheck(t *testing.T) {
	var body strings.Builder
	m := NewMacros()
	for i, d := range demoFormulas {
		f, probs := Parse(d.tex, d.display, m)
		if f == nil {
			t.Fatalf("%s: %v", d.tex, probs)
		}
		numberEquations(f)
		lay, err := f.Layout(Options{Text: fixedMeasurer{}})
		if err != nil {
			t.Fatal(err)
		}
		svg, err := lay.SVG(nil, d.tex, SVGOptions{IDPrefix: "m" + itoa(i) + "-", Tags: true})
		if err != nil {
			t.Fatal(err)
		}
		body.WriteString("<p>" + svg.Markup + "</p>\n<p>" + f.MathML(MathMLOptions{}) + "</p>\n")
	}
	file := filepath.Join(t.TempDir(), "math.epub")
	writeMinimalEPUB(t, file, body.String())
	if out, clean := testtool.EPUBCheck(t, file); !clean {
		t.Fatalf("EPUBCheck:\n%s", out)
	}
}

// writeMinimalEPUB writes an EPUB 3 with one XHTML document holding body.
func writeMinimalEPUB(t *testing.T, file, body string) {
	t.Helper()
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	z := zip.NewWriter(out)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/epub+zip"))
	files := map[string]string{
		"META-INF/container.xml": `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
		"OEBPS/package.opf": `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="ko">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:2f0a4f1e-9a59-4d39-9a47-6b4b2b7d3c11</dc:identifier><dc:title>수식</dc:title><dc:language>ko</dc:language><meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c" href="c.xhtml" media-type="application/xhtml+xml" properties="svg mathml"/></manifest>
<spine><itemref idref="c"/></spine></package>`,
		"OEBPS/nav.xhtml": `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ko" lang="ko"><head><title>차례</title></head><body><nav epub:type="toc"><ol><li><a href="c.xhtml">수식</a></li></ol></nav></body></html>`,
		"OEBPS/c.xhtml": `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ko" lang="ko"><head><title>수식</title></head><body>
` + body + `</body></html>`,
	}
	for _, name := range []string{"META-INF/container.xml", "OEBPS/package.opf", "OEBPS/nav.xhtml", "OEBPS/c.xhtml"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}
