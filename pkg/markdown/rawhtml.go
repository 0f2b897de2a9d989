package markdown

import (
	"iter"
	"strings"

	"github.com/hangul-press/publish/pkg/uri"
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

// hiddenElements are the elements of raw HTML whose content a book never
// shows: scripts and styles would run or restyle the book, embedded
// frames and media would fetch remote resources, forms do nothing in a
// book, and head elements (a pasted page's <title>) are not content.
var hiddenElements = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`script style iframe object embed applet noscript
		template frame frameset noframes link meta base title head form
		button select textarea option optgroup video audio source track
		canvas map area param picture svg math dialog portal slot`) {
		hiddenElements[name] = true
	}
}

// TagAttr returns the value of a raw HTML tag's attribute (x/net/html
// gives names in lower case), "" when the tag has none: the one reader of
// raw HTML attributes for the book and both writers.
func TagAttr(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasTagAttr reports whether a raw HTML tag has an attribute, with or
// without a value (<input checked>).
func HasTagAttr(attrs []html.Attribute, key string) bool {
	for _, a := range attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// FramePage is the page an <iframe> start tag shows, which the book and
// both writers print as a link in its place (uri.EmbedPage); "" for any
// other tag and for a frame with no address a reader could follow.
func FramePage(t html.Token) string {
	if t.Data != "iframe" {
		return ""
	}
	return uri.EmbedPage(TagAttr(t.Attr, "src"))
}

// voidElements are the elements HTML parses without content or end tag.
var voidElements = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`area base basefont bgsound br col embed frame hr img
		input keygen link meta param source track wbr`) {
		voidElements[name] = true
	}
}

// VoidElement reports whether raw HTML's element name (lower case) has no
// content and no end tag (<br>, <img>, <meta>…): the one list of them, for
// the book and both writers.
func VoidElement(name string) bool { return voidElements[name] }

// HiddenElement reports whether raw HTML's element name (lower case) is
// left out of the book with all its content, by both writers.
func HiddenElement(name string) bool { return hiddenElements[name] }

// InteractiveNote is the note both writers show where a post had an
// interactive figure that a script drew (ScriptFigures).
const InteractiveNote = "스크립트로 그리는 인터랙티브 그림이 있던 자리입니다. 책에는 실을 수 없어 뺐습니다."

// ScriptFigure is an element of raw HTML that only a script would have
// filled: a chart library's mount point.
type ScriptFigure struct {
	// At is the offset of its start tag in RawHTML's text for the node,
	// and Source its offset in the post.
	At, Source int
	// Tag is its start tag as written (cut to 80 bytes), for messages.
	Tag string
}

// maxFigureTag bounds the start tag quoted in a message.
const maxFigureTag = 80

// ScriptFigures finds the figures a script would have drawn in the raw
// HTML node n: every <div> that has an id or a class and nothing inside
// (Bokeh's <div class="bk-root" id="…"></div>, Plotly's and other chart
// libraries' mount points), when n also holds a <script> or the raw HTML
// block right after it starts with one. A book runs no script, so such a
// div would show nothing and the reader would not know that a figure is
// missing; both writers warn and show InteractiveNote in its place.
func ScriptFigures(n ast.Node, src []byte) []ScriptFigure {
	raw, ok := RawHTML(n, src)
	if !ok || !strings.Contains(raw, "<") {
		return nil
	}
	segs, _ := RawSegments(n)
	var found []ScriptFigure
	script := false
	var open *ScriptFigure // a candidate div whose content is not seen yet
	z := html.NewTokenizer(strings.NewReader(raw))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		at, tok := off, z.Raw()
		off += len(tok)
		name, hasAttr := z.TagName()
		switch {
		case tt == html.StartTagToken && string(name) == "div" && hasAttr && idOrClass(z):
			tag := string(tok)
			if len(tag) > maxFigureTag {
				tag = tag[:maxFigureTag] + "…"
			}
			open = &ScriptFigure{At: at, Source: SegmentsOffset(segs, at), Tag: strings.ToValidUTF8(tag, "")}
			continue
		case tt == html.EndTagToken && string(name) == "div" && open != nil:
			found = append(found, *open)
		case tt == html.TextToken && strings.TrimSpace(string(tok)) == "" && open != nil,
			tt == html.CommentToken && open != nil:
			continue // still empty
		case tt == html.StartTagToken && string(name) == "script":
			script = true
		}
		open = nil
	}
	if len(found) == 0 || !script && !scriptFollows(n, src) {
		return nil
	}
	return found
}

// idOrClass reports whether the tag the tokenizer stands on has an id or
// a class attribute.
func idOrClass(z *html.Tokenizer) bool {
	for {
		key, _, more := z.TagAttr()
		if k := string(key); k == "id" || k == "class" {
			return true
		}
		if !more {
			return false
		}
	}
}

// scriptFollows reports whether the node after n is raw HTML that starts
// with a <script> tag: a mount point and its script written as two blocks.
func scriptFollows(n ast.Node, src []byte) bool {
	next, ok := n.NextSibling().(*ast.HTMLBlock)
	if !ok {
		return false
	}
	raw, _ := RawHTML(next, src)
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(raw)), "<script")
}

// SegmentsOffset maps an offset into the concatenated text of segs (a
// node's lines, a formula's pieces) to an offset in the source; an offset
// past the end maps to the end of the last segment.
func SegmentsOffset(segs []text.Segment, off int) int {
	for _, s := range segs {
		if off < s.Len() {
			return s.Start + off
		}
		off -= s.Len()
	}
	if len(segs) > 0 {
		return segs[len(segs)-1].Stop
	}
	return 0
}

// Message is the warning both writers give for the figure.
func (f ScriptFigure) Message() string {
	return "raw HTML: " + f.Tag + " is filled by a script, which a book cannot run: an interactive figure is left out, and a note says so in its place"
}
