package markdown

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/hangul-press/publish/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// TestGolden parses the input.md of every testdata/*.txtar with the
// options of a post MathJax runs on (Refs; otherwise the defaults) and
// compares the tree (Dump) and the XHTML with the "ast" and "html"
// sections.
func TestGolden(t *testing.T) {
	p := New(Options{Refs: true})
	for _, ar := range testtool.Archives(t, "testdata/*.txtar") {
		t.Run(ar.Name, func(t *testing.T) {
			checkGolden(t, p, ar.Path, ar.Archive)
		})
	}
}

// checkGolden runs one golden archive, read from file.
func checkGolden(t *testing.T, p *Parser, file string, ar *txtar.Archive) {
	src := inputOf(ar)
	if src == nil {
		t.Fatalf("%s: no input.md section", file)
	}
	doc := p.Parse(src)
	var html bytes.Buffer
	if err := p.HTMLRenderer().Render(&html, src, doc); err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{"ast": []byte(Dump(doc, src)), "html": html.Bytes()}
	if *update {
		writeGolden(t, file, ar, got)
		return
	}
	for _, name := range []string{"ast", "html"} {
		if want := sectionData(ar, name); !bytes.Equal(got[name], want) {
			t.Errorf("%s: %s differs\n--- got ---\n%s--- want ---\n%s", file, name, got[name], want)
		}
	}
}

// writeGolden replaces the output sections of file with got.
func writeGolden(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	out := &txtar.Archive{Comment: ar.Comment}
	out.Files = append(out.Files, txtar.File{Name: "input.md", Data: inputOf(ar)})
	for _, name := range []string{"ast", "html"} {
		out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sectionData is the named section of ar, nil when it has none.
func sectionData(ar *txtar.Archive, name string) []byte {
	data, _ := testtool.Section(ar, name)
	return data
}

// inputOf is the Markdown input of a golden archive.
func inputOf(ar *txtar.Archive) []byte { return sectionData(ar, "input.md") }
