package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestGFMID checks the id rules on single headings; the expected values
// follow kramdown-parser-gfm's generate_gfm_header_id.
func TestGFMID(t *testing.T) {
	tests := map[string]string{
		"안녕하세요 World!":      "안녕하세요-world",
		"Hello, World":      "hello-world",
		"A & B":             "a--b",
		"snake_case":        "snake_case",
		"already-dashed":    "already-dashed",
		"1.2 버전":            "12-버전",
		"Ünïcödé ÀB":        "ünïcödé-àb",
		"漢字 かな カナ":          "漢字-かな-カナ",
		"tab\tsep":          "tab-sep",
		"¿Qué? «dijo» —él—": "qué-dijo-él",
		"":                  "",
	}
	for in, want := range tests {
		if got := gfmID(in); got != want {
			t.Errorf("gfmID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadingIDsDuplicates checks the numbering of repeated ids and that
// reserved ids are never generated again.
func TestHeadingIDsDuplicates(t *testing.T) {
	ids := newHeadingIDs()
	ids.Put([]byte("a-1"))
	var got []string
	for _, v := range []string{"A", "a", "a", "", "!", "a"} {
		got = append(got, string(ids.Generate([]byte(v), ast.KindHeading)))
	}
	want := []string{"a", "a-2", "a-3", "section", "section-1", "a-4"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %q, want %q", got, want)
		}
	}
}

// TestHeadingIDsPerDocument checks that ids start afresh for every Parse.
func TestHeadingIDsPerDocument(t *testing.T) {
	p := New(Options{})
	for range 2 {
		src := []byte("# 제목\n")
		doc := p.Parse(src)
		id, _ := doc.FirstChild().AttributeString("id")
		if string(id.([]byte)) != "제목" {
			t.Fatalf("id = %q, want 제목", id)
		}
	}
}
