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
	segs, ok := RawSegments(n)
	var b strings.Builder
	for _, seg := range segs {
		b.Write(seg.Value(src))
	}
	return b.String(), ok
}

// RawSegments returns the source segments whose bytes, one after the
// other, are RawHTML's text for n, so that a position in that text can be
// traced back to the post: an offset k bytes into segment i is source
// offset segs[i].Start+k. ok is false for a node of any other kind.
func RawSegments(n ast.Node) (segs []text.Segment, ok bool) {
	switch n := n.(type) {
	case *ast.RawHTML:
		segs = appendSegments(segs, n.Segments)
	case *ast.HTMLBlock:
		segs = appendSegments(segs, n.Lines())
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
	default:
		return nil, false
	}
	return segs, true
}

func appendSegments(out []text.Segment, segs *text.Segments) []text.Segment {
	for i := range segs.Len() {
		out = append(out, segs.At(i))
	}
	return out
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
