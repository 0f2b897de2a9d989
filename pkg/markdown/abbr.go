package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// kramdown's abbreviation definitions, one a line anywhere in a post:
//
//	*[HTML]: Hyper Text Markup Language
//
// kramdown removes the line and marks each "HTML" of the post as an
// abbreviation, whose expansion a browser shows on hover. A book has no
// hover, so only the removal is done: the line would otherwise be printed
// as text. The line becomes a kramdown line that leaves nothing behind
// (ialExtension), which kramdownTransformer removes.
type abbrBlockParser struct{}

// abbrPriority runs before the list and thematic break parsers, which
// also trigger on '*' (a definition is neither: no space after the '*').
const abbrPriority = 90

func (abbrBlockParser) Trigger() []byte { return []byte{'*'} }

func (abbrBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || !isAbbrDefinition(line[pos:]) {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &ialNode{kind: ialExtension, at: seg.Start}, parser.NoChildren
}

func (abbrBlockParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (abbrBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: as in kramdown, a
// definition right under a paragraph's line is text of the paragraph.
func (abbrBlockParser) CanInterruptParagraph() bool { return false }

func (abbrBlockParser) CanAcceptIndentedLine() bool { return false }

// isAbbrDefinition reports whether line is *[name]: expansion, the name
// one or more characters other than ']' and a line end.
func isAbbrDefinition(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("*[")) {
		return false
	}
	end := bytes.IndexByte(line, ']')
	return end > 2 && end+1 < len(line) && line[end+1] == ':' && !bytes.ContainsAny(line[2:end], "\n[")
}
