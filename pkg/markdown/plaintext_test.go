package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestPlainText pins what the book shows for headings and image
// descriptions, and what heading ids are made from.
func TestPlainText(t *testing.T) {
	tests := map[string]string{
		"## A \\*&amp; $$x^2$$ ![그림](a.png) <b>굵게</b> `co\\*de`\n": "A *& x^2  굵게 co\\*de",
		"제목\n둘째 줄\n===\n":                                          "제목 둘째 줄",
		"# [링크](https://x.y) 끝\n":                                  "링크 끝",
		"![설명 *강조* &lt;](a.png)\n":                                 "설명 강조 <",
	}
	for md, want := range tests {
		src := []byte(md)
		n := New(Options{}).Parse(src).FirstChild()
		if p, ok := n.(*ast.Paragraph); ok {
			n = p.FirstChild() // the image
		}
		if got := string(PlainText(n, src)); got != want {
			t.Errorf("PlainText of %q = %q, want %q", md, got, want)
		}
	}
}
