package markdown

import (
	"iter"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// RawHTML returns the HTML that the author wrote for a raw HTML node, the
// bytes that goldmark's own HTML renderer would pass through: the segments
// of an inline *ast.RawHTML, or the lines of an *ast.HTMLBlock followed by
// its closing line. goldmark keeps that closing line (the one holding
// "</pre>", "</script>", "-->", "?>" and the like that ends a multi-line
// block of HTML block types 1 to 5) apart from the block's Lines, so a caller
// that read only Lines would miss a tag written on it. ok is false, and the
// text empty, for a node of any other kind.
func RawHTML(n ast.Node, src []byte) (raw string, ok bool) {
	var b strings.Builder
	switch n := n.(type) {
	case *ast.RawHTML:
		writeSegments(&b, n.Segments, src)
	case *ast.HTMLBlock:
		writeSegments(&b, n.Lines(), src)
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(src))
		}
	default:
		return "", false
	}
	return b.String(), true
}

func writeSegments(b *strings.Builder, segs *text.Segments, src []byte) {
	for i := range segs.Len() {
		seg := segs.At(i)
		b.Write(seg.Value(src))
	}
}

// StartTags yields the start tags of a piece of raw HTML in document order,
// self-closing ones (<br/>) included; end tags, text, comments and
// doctypes are passed over. As x/net/html's tokenizer gives them, tag and
// attribute names are lower case and entities in attribute values are
// decoded. A piece that stops in the middle of a tag yields what comes before.
func StartTags(raw string) iter.Seq[html.Token] {
	return func(yield func(html.Token) bool) {
		z := html.NewTokenizer(strings.NewReader(raw))
		for {
			switch z.Next() {
			case html.ErrorToken:
				return
			case html.StartTagToken, html.SelfClosingTagToken:
				if !yield(z.Token()) {
					return
				}
			}
		}
	}
}
