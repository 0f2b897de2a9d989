package epub

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"golang.org/x/tools/txtar"
)

// TestEPUBCheck validates two books with EPUBCheck, in parallel because
// each run starts a JVM: the sample book, and a book made of every golden
// archive, the hostile post and the fallback fonts' fixture, one part
// each, with a cover and embedded fonts.
func TestEPUBCheck(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		t.Parallel()
		b, _ := loadBook(t, "../../books/sample.yaml")
		data, _, _ := build(t, b, Options{Generator: "publish test"})
		epubcheck(t, data)
	})
	t.Run("rich", func(t *testing.T) {
		t.Parallel()
		data, st := richBook(t)
		if st.FontBytesAfter == 0 || st.FontBytesAfter >= st.FontBytesBefore {
			t.Errorf("fonts not subset: %+v", st)
		}
		epubcheck(t, data)
	})
}

// richBook builds the book of every test archive.
func richBook(t *testing.T) ([]byte, Stats) {
	dir := t.TempDir()
	archives, _ := filepath.Glob("testdata/*.txtar")
	var manifest strings.Builder
	manifest.WriteString("title: 모든 요소\nsubtitle: 시험용\nauthors: [가, 나]\nlanguage: ko\ndate: 2024-01-02\n")
	manifest.WriteString("publisher: 시험 출판\ndescription: 설명\nrights: 없음\ncover: cover.png\n")
	// The math fixture's settings ($…$ is math, its macros) hold for the
	// whole book: no other archive writes a single dollar.
	if ar, err := txtar.ParseFile("testdata/math.txtar"); err == nil {
		if yaml, ok := testtool.Section(ar, "book.yaml"); ok {
			manifest.WriteString(yamlKey(string(yaml), "math"))
		}
	}
	manifest.WriteString("chapters:\n")
	add := func(name string, ar *txtar.Archive) {
		fmt.Fprintf(&manifest, "  - part: %s\n    chapters:\n", name)
		for _, f := range ar.Files {
			if isAnswer(f.Name) {
				continue
			}
			writeFixture(t, filepath.Join(dir, name, f.Name), f.Data)
			if strings.HasSuffix(f.Name, ".md") {
				fmt.Fprintf(&manifest, "      - %s/%s\n", name, f.Name)
			}
		}
	}
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		add(strings.TrimSuffix(filepath.Base(file), ".txtar"), ar)
	}
	add("hostile", txtar.Parse([]byte(hostileArchive)))
	fallback, err := os.ReadFile(fallbackPost)
	if err != nil {
		t.Fatal(err)
	}
	add("fonts", &txtar.Archive{Files: []txtar.File{{Name: filepath.Base(fallbackPost), Data: fallback}}})
	writeFixture(t, filepath.Join(dir, "cover.png"), []byte("png 60 90"))
	writeFixture(t, filepath.Join(dir, "book.yaml"), []byte(manifest.String()))
	b, _ := loadBook(t, filepath.Join(dir, "book.yaml"))
	b.Config.EPUB.EmbedFonts = true
	b.Stylesheet = []byte("p { color: black; }\n")
	data, st, _ := build(t, b, Options{Generator: "publish test"})
	if dir := os.Getenv("EPUB_KEEP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "rich.epub"), data, 0o644)
	}
	return data, st
}

// TestReproducible builds the same books twice and compares the bytes.
func TestReproducible(t *testing.T) {
	b, _ := loadBook(t, "../../books/sample.yaml")
	b.Config.EPUB.EmbedFonts = true
	one, _, _ := build(t, b, Options{})
	two, _, _ := build(t, b, Options{})
	if !bytes.Equal(one, two) {
		t.Error("two builds of the sample book differ")
	}
	r1, _ := richBook(t)
	r2, _ := richBook(t)
	if !bytes.Equal(r1, r2) {
		t.Error("two builds of the rich book differ")
	}
}

// yamlKey returns the lines of a top-level key of a YAML document, with
// its value.
func yamlKey(doc, key string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.SplitAfter(doc, "\n") {
		if line != "" && line[0] != ' ' && line[0] != '\n' {
			in = strings.HasPrefix(line, key+":")
		}
		if in {
			b.WriteString(line)
		}
	}
	return b.String()
}
