package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ialKind says what a kramdown "{:" line is.
type ialKind int

const (
	// ialAttrs is a block inline attribute list, {: .class #id k="v"}.
	ialAttrs ialKind = iota
	// ialDefinition is an attribute list definition, {:name: .class}.
	ialDefinition
	// ialExtension is an extension line that leaves nothing behind:
	// {::options … /}, or the {::nomarkdown} and {:/} markers around
	// content we parse as usual.
	ialExtension
	// ialComment is {::comment} … {:/comment}, dropped with its content.
	ialComment
)

// kindIAL is the kind of ialNode. The tree transformer removes every such
// node: no other package ever sees one.
var kindIAL = ast.NewNodeKind("KramdownLine")

// ialNode holds one kramdown "{:" line until the transformer applies it.
type ialNode struct {
	ast.BaseBlock
	kind  ialKind
	name  []byte // the name an ialDefinition defines
	attrs attrList
	// closed is set once a comment's closing line has been read.
	closed bool
	// at is the source offset of the line's start.
	at int
}

// Kind implements ast.Node.
func (n *ialNode) Kind() ast.NodeKind { return kindIAL }

// IsRaw implements ast.Node: there is no Markdown inside.
func (n *ialNode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *ialNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// ialBlockParser reads kramdown's block-level "{:" lines. They interrupt a
// paragraph, so that a list of attributes right under a paragraph applies to
// it instead of becoming its last line.
type ialBlockParser struct{}

// Trigger implements parser.BlockParser.
func (ialBlockParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (ialBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	n := parseIALLine(line[pos:])
	if n == nil {
		return nil, parser.NoChildren
	}
	n.at = seg.Start
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue implements parser.BlockParser: every kind but a comment is one
// line long; a comment runs to its closing line.
func (ialBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*ialNode)
	if n.kind != ialComment || n.closed {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	if isCommentEnd(line) {
		n.closed = true
	}
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (ialBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (ialBlockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (ialBlockParser) CanAcceptIndentedLine() bool { return false }

// parseIALLine recognises a whole line as one of kramdown's "{:" forms, or
// returns nil.
func parseIALLine(line []byte) *ialNode {
	s := util.TrimRightSpace(line)
	if len(s) < 3 || s[0] != '{' || s[1] != ':' || closingBrace(s) != len(s)-1 {
		return nil
	}
	inner := s[2 : len(s)-1]
	switch {
	case len(inner) > 0 && inner[0] == ':':
		return parseExtensionLine(inner[1:])
	case len(inner) > 0 && inner[0] == '/':
		return &ialNode{kind: ialExtension}
	}
	if name, rest, ok := definitionName(inner); ok {
		a, ok := parseAttrList(rest)
		if !ok {
			return nil
		}
		return &ialNode{kind: ialDefinition, name: name, attrs: a}
	}
	a, ok := parseAttrList(inner)
	if !ok || len(bytes.TrimSpace(inner)) == 0 {
		return nil
	}
	return &ialNode{kind: ialAttrs, attrs: a}
}

// parseExtensionLine classifies "{::name …}" given what follows "{::".
func parseExtensionLine(s []byte) *ialNode {
	end := bytes.IndexAny(s, " \t/")
	if end < 0 {
		end = len(s)
	}
	if end == 0 {
		return nil
	}
	selfClosing := bytes.HasSuffix(s, []byte("/"))
	if string(s[:end]) == "comment" && !selfClosing {
		return &ialNode{kind: ialComment}
	}
	return &ialNode{kind: ialExtension}
}

// definitionName splits "name: attrs" when s starts with an ALD name, a
// word character followed by word characters or '-'.
func definitionName(s []byte) (name, rest []byte, ok bool) {
	i := 0
	for i < len(s) && (isWordByte(s[i]) || (i > 0 && s[i] == '-')) {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != ':' {
		return nil, nil, false
	}
	return s[:i], s[i+1:], true
}

// isWordByte reports whether b is an ASCII word character, like Ruby's \w.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// isCommentEnd reports whether line closes a {::comment}: {:/comment} or
// the short {:/}.
func isCommentEnd(line []byte) bool {
	s := string(util.TrimRightSpace(util.TrimLeftSpace(line)))
	return s == "{:/comment}" || s == "{:/}"
}
