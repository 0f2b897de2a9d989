package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// kramdown reads the content of an HTML element whose start tag has
// markdown="1" (or "block") as Markdown, whether or not blank lines set it
// apart. CommonMark's HTML block runs from the start tag to the next blank
// line, so without blank lines the Markdown inside stays raw text:
//
//	<section data-lang="ko" markdown="1">
//	**굵게** 쓴 글
//	</section>
//	<section data-lang="ja" markdown="1">
//	…
//
// markdownAttrParser makes such a start tag, alone on its line, an HTML
// block of that one line, and the matching end tag alone on its line
// another, so that the lines between are parsed as Markdown (and each
// language section of a multilingual post is found, book/langs.go).

// maxMarkdownElements bounds how many markdown="1" elements may be open at
// once; deeper ones are left to CommonMark's rules.
const maxMarkdownElements = 64

// markdownAttrPriority places the parser before goldmark's HTML block
// parser (900).
const markdownAttrPriority = 890

// markdownElementsKey holds the names of the markdown="1" elements open in
// the document being parsed, innermost last.
var markdownElementsKey = parser.NewContextKey()

type markdownAttrParser struct{}

// Trigger implements parser.BlockParser.
func (markdownAttrParser) Trigger() []byte { return []byte{'<'} }

// Open implements parser.BlockParser.
func (markdownAttrParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	tagLine := bytes.TrimRight(line[pos:], " \t\r\n")
	open, _ := pc.Get(markdownElementsKey).([]string)
	if name, ok := markdownStartTag(tagLine); ok && len(open) < maxMarkdownElements {
		pc.Set(markdownElementsKey, append(open, name))
	} else if n := len(open); n == 0 || !strings.EqualFold(string(tagLine), "</"+open[n-1]+">") {
		return nil, parser.NoChildren
	} else {
		pc.Set(markdownElementsKey, open[:n-1])
	}
	node := ast.NewHTMLBlock(ast.HTMLBlockType6)
	node.Lines().Append(text.NewSegment(seg.Start+pos, seg.Stop))
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

// Continue implements parser.BlockParser: the block is its one line.
func (markdownAttrParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (markdownAttrParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: like the HTML block
// it stands in for, it ends the paragraph before it.
func (markdownAttrParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser: an indented tag is
// code.
func (markdownAttrParser) CanAcceptIndentedLine() bool { return false }

// markdownStartTag reports whether line is one start tag and nothing else,
// of an element other than inline ones, with markdown="1" or "block", and
// returns the element's name.
func markdownStartTag(line []byte) (string, bool) {
	if len(line) < 3 || line[0] != '<' || line[len(line)-1] != '>' || !bytes.Contains(line, []byte("markdown")) {
		return "", false
	}
	z := html.NewTokenizer(bytes.NewReader(line))
	if z.Next() != html.StartTagToken {
		return "", false
	}
	tok := z.Token()
	if z.Next() != html.ErrorToken || inlineElements[tok.Data] {
		return "", false // more than the tag on the line
	}
	for _, a := range tok.Attr {
		if a.Key == "markdown" && (a.Val == "1" || a.Val == "block") {
			return tok.Data, true
		}
	}
	return "", false
}

// inlineElements are the elements whose markdown="1" content kramdown reads
// as a span, not as blocks; they are left to CommonMark.
var inlineElements = map[string]bool{"span": true, "a": true, "em": true, "strong": true, "b": true,
	"i": true, "code": true, "small": true, "sub": true, "sup": true, "abbr": true, "kbd": true,
	"mark": true, "q": true, "s": true, "u": true, "label": true, "font": true}
