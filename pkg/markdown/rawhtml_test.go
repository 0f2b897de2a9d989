package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// rawHTMLs parses md and returns RawHTML of every node it accepts, in
// document order, each prefixed with the node's kind.
func rawHTMLs(md string) []string {
	src := []byte(md)
	var out []string
	_ = ast.Walk(New(Options{}).Parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if raw, ok := RawHTML(n, src); ok && entering {
			out = append(out, n.Kind().String()+" "+raw)
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestRawHTML(t *testing.T) {
	tests := []struct {
		md   string
		want []string
	}{
		{"a <span class=\"x\">b</span> c\n", []string{`RawHTML <span class="x">`, "RawHTML </span>"}},
		// An inline tag broken over two lines is one node of two segments.
		{"a <img\nsrc=\"p.png\"> b\n", []string{"RawHTML <img\nsrc=\"p.png\">"}},
		// Type 6: ends at a blank line, no closing line.
		{"<div>\n하나\n</div>\n\n둘\n", []string{"HTMLBlock <div>\n하나\n</div>\n"}},
		// Types 1 to 5 over several lines: the last line is the block's
		// ClosureLine, not one of its Lines, and must not be lost.
		{"<pre>\nx\n<img src=\"a.png\"></pre>\n", []string{"HTMLBlock <pre>\nx\n<img src=\"a.png\"></pre>\n"}},
		{"<!--\n주석\n--> <b>\n", []string{"HTMLBlock <!--\n주석\n--> <b>\n"}},
		// Opened and closed on one line: no closing line either.
		{"<pre><img src=\"x.png\"></pre>\n", []string{"HTMLBlock <pre><img src=\"x.png\"></pre>\n"}},
		// Container prefixes are not part of the HTML.
		{"> <pre>\n> a\n> </pre> b\n", []string{"HTMLBlock <pre>\na\n</pre> b\n"}},
		{"# 제목\n\n본문 *강조*\n", nil},
	}
	for _, tt := range tests {
		if got := rawHTMLs(tt.md); !slices.Equal(got, tt.want) {
			t.Errorf("RawHTML in %q:\n got %q\nwant %q", tt.md, got, tt.want)
		}
	}
}

func TestRawHTMLOtherNodes(t *testing.T) {
	src := []byte("글 `code`\n")
	doc := New(Options{}).Parse(src)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if raw, ok := RawHTML(n, src); ok || raw != "" {
			t.Errorf("RawHTML(%s) = %q, %v; want \"\", false", n.Kind(), raw, ok)
		}
		return ast.WalkContinue, nil
	})
}

// tagString shows a token as its name and attributes.
func tagString(t html.Token) string {
	var b strings.Builder
	b.WriteString(t.Data)
	for _, a := range t.Attr {
		b.WriteString(" " + a.Key + "=" + a.Val)
	}
	return b.String()
}

func TestStartTags(t *testing.T) {
	tests := map[string][]string{
		"":      nil,
		"글만 있다": nil,
		`<P OnClick="x()">가<BR/><img SRC="b.png" alt='c &amp; d'></p><!-- <img src=no> -->`: {
			"p onclick=x()", "br", "img src=b.png alt=c & d"},
		"</div><center>x</center>": {"center"},
		// A tag cut off by the end of the piece is not yielded.
		`<b>x<img src="a`: {"b"},
	}
	for raw, want := range tests {
		var got []string
		for tok := range StartTags(raw) {
			got = append(got, tagString(tok))
		}
		if !slices.Equal(got, want) {
			t.Errorf("StartTags(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestStartTagsStop(t *testing.T) {
	n := 0
	for range StartTags("<a><b><c>") {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("loop ran %d times after break at 2", n)
	}
}

// TestRawSegments: the segments' bytes are RawHTML's text.
func TestRawSegments(t *testing.T) {
	src := []byte("a <img\nsrc=\"p.png\"> b\n\n<pre>\nx\n<img src=\"a.png\"></pre>\n")
	n := 0
	_ = ast.Walk(New(Options{}).Parse(src), func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		raw, ok := RawHTML(node, src)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		segs, _ := RawSegments(node)
		var b strings.Builder
		for _, s := range segs {
			b.Write(s.Value(src))
		}
		if b.String() != raw {
			t.Errorf("segments give %q, RawHTML %q", b.String(), raw)
		}
		n++
		return ast.WalkContinue, nil
	})
	if n != 2 {
		t.Errorf("%d raw nodes, want 2", n)
	}
}
