package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mathBlockParser reads display math that stands alone as a paragraph, as
// kramdown's math block does: the opener begins the paragraph, the closer
// ends a line, and a blank line (or the end of the container) follows.
// Anything else falls back to a paragraph, where the inline parser finds the
// same delimiters and makes inline math, again as kramdown does.
type mathBlockParser struct{}

// Trigger implements parser.BlockParser.
func (mathBlockParser) Trigger() []byte { return []byte{'$', '\\'} }

// Open implements parser.BlockParser.
func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	var open, closer string
	keep := false // an environment's \begin and \end are part of its TeX
	if c, ok := envOpener(line[pos:]); ok {
		closer, keep = string(c), true
	} else {
		i := matchMathOpener(line[pos:])
		if i < 0 || !mathDelims[i].display && mathDelims[i].open != "$$" {
			return nil, parser.NoChildren
		}
		open, closer = mathDelims[i].open, mathDelims[i].close
	}
	start := pos + len(open)
	body := line[start:]
	node := &MathBlock{closer: closer, keep: keep}
	if j := bytes.Index(body, []byte(closer)); j >= 0 {
		// One line: "$$ x $$" and nothing after.
		if j == 0 || !util.IsBlank(body[j+len(closer):]) || !nextLineBlank(reader) {
			return nil, parser.NoChildren
		}
		if keep {
			j += len(closer)
		}
		node.Lines().Append(sourceSegment(seg, start, start+j))
		node.closed = true
		return node, parser.NoChildren
	}
	if !closerAhead(reader, containerPrefix(reader.Source(), seg.Start), []byte(closer)) {
		return nil, parser.NoChildren
	}
	if !util.IsBlank(body) {
		node.Lines().Append(sourceSegment(seg, start, len(line)))
	}
	return node, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	line, seg := reader.PeekLine()
	if n.closed || line == nil || util.IsBlank(line) {
		return parser.Close
	}
	if j := bytes.Index(line, []byte(n.closer)); j >= 0 {
		if n.keep {
			j += len(n.closer)
		}
		if j > 0 {
			n.Lines().Append(sourceSegment(seg, 0, j))
		}
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: math inside a
// paragraph is inline math.
func (mathBlockParser) CanInterruptParagraph() bool { return false }

// CanAcceptIndentedLine implements parser.BlockParser: an indented $$ is
// code.
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// closerAhead looks at the lines after the reader's line, without moving
// the reader, for the first one that contains closer. It reports whether
// that line ends with closer and is followed by a blank line or the end of
// input, with no blank line before it and every line in the same container
// as the opening line, whose container prefix is prefix.
func closerAhead(reader text.Reader, prefix, closer []byte) bool {
	_, seg := reader.PeekLine()
	src := reader.Source()
	off := seg.Stop
	for {
		line, next := lineAt(src, off)
		if isBoundary(line) || !continuesContainer(prefix, line) {
			return false
		}
		if j := bytes.Index(line, closer); j >= 0 {
			after, _ := lineAt(src, next)
			return util.IsBlank(line[j+len(closer):]) && isBoundary(after)
		}
		off = next
	}
}

// lineAt returns the raw source line that starts at off, its newline
// included, and the offset of the line after it; nil past the end. The
// lookahead reads the source rather than moving the reader: goldmark's
// Reader.SetPosition does not restore everything AdvanceLine changes (the
// start of the current line), and a reader moved and set back broke the
// segments of the blocks parsed after it (found by FuzzParse).
func lineAt(src []byte, off int) ([]byte, int) {
	if off < 0 || off >= len(src) {
		return nil, len(src)
	}
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return src[off:], len(src)
	}
	return src[off : off+end+1], off + end + 1
}

// containerPrefix returns the source between the start of the line holding
// offset and offset: the block quote markers, list markers and indentation
// goldmark consumed before the block.
func containerPrefix(src []byte, offset int) []byte {
	offset = min(offset, len(src))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return src[start:offset]
}

// continuesContainer reports whether a raw line stays in the containers
// that prefix opened: as many '>' markers in its leading run of markers and
// spaces, and, under a list item, at least as much indentation. It is an
// approximation (lazy continuation lines fail it), which errs towards
// reading the math as inline.
func continuesContainer(prefix, line []byte) bool {
	lead := len(line) - len(bytes.TrimLeft(line, " \t>"))
	if bytes.Count(prefix, []byte(">")) != bytes.Count(line[:lead], []byte(">")) {
		return false
	}
	return len(bytes.Trim(prefix, " \t>")) == 0 || lead >= len(prefix)
}

// nextLineBlank reports whether the line after the reader's line is blank
// or missing, without moving the reader.
func nextLineBlank(reader text.Reader) bool {
	_, seg := reader.PeekLine()
	line, _ := lineAt(reader.Source(), seg.Stop)
	return isBoundary(line)
}

// isBoundary reports whether line ends a paragraph for the purpose of a
// math block: it is missing, blank, or blank inside a block quote ("> ").
// The lookahead sees raw lines, container prefixes included.
func isBoundary(line []byte) bool {
	return len(bytes.Trim(line, " \t\r\n>")) == 0
}
