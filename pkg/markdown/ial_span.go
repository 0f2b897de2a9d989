package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// spanIALParser reads a span inline attribute list written right after an
// image or a link, ![](a.png){: width="60%" .center}, and sets its
// attributes on that node. The list itself leaves no text behind. Lists
// after other elements, whose ends are not known yet when '{' is read, are
// left to attachSpanIAL.
type spanIALParser struct{}

// Trigger implements parser.InlineParser.
func (spanIALParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser. It returns an empty Text node placed
// just after the list, because the inline parser interface needs a node to
// say that input was consumed; the text that follows merges into it, and the
// tree transformer removes it if it stays empty.
func (spanIALParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	target := parent.LastChild()
	switch target.(type) {
	case *ast.Image, *ast.Link:
	default:
		return nil
	}
	if c := block.PrecendingCharacter(); c != ')' && c != ']' {
		return nil
	}
	line, seg := block.PeekLine()
	if len(line) < 3 || line[1] != ':' {
		return nil
	}
	end := closingBrace(line)
	if end < 0 {
		return nil
	}
	a, ok := parseAttrList(line[2:end])
	if !ok {
		return nil
	}
	a.apply(target)
	block.Advance(end + 1)
	at := sourceOffset(seg, end+1)
	return ast.NewTextSegment(text.NewSegment(at, at))
}

// attachSpanIAL handles a span attribute list that follows an element the
// inline parser could not see finished, such as emphasis (its delimiters are
// matched only at the end of the block): t is a text that starts with "{:"
// right after that element. The list is applied to the element and cut from
// the text; the list may run over several adjacent texts of one line.
func attachSpanIAL(t *ast.Text, src []byte) {
	target := t.PreviousSibling()
	if _, isText := target.(*ast.Text); target == nil || isText || !bytes.HasPrefix(t.Segment.Value(src), []byte("{:")) {
		return
	}
	start, stop := t.Segment.Start, t.Segment.Stop
	for n := t; !n.SoftLineBreak() && !n.HardLineBreak(); {
		next, ok := n.NextSibling().(*ast.Text)
		if !ok || next.Segment.Start != stop {
			break
		}
		n, stop = next, next.Segment.Stop
	}
	end := closingBrace(src[start:stop])
	if end < 0 {
		return
	}
	a, ok := parseAttrList(src[start+2 : start+end])
	if !ok {
		return
	}
	a.apply(target)
	cutTexts(t, start+end+1)
}

// cutTexts removes the source bytes before offset cut from t and the texts
// after it; a text left empty keeps its line-break flags and stays.
func cutTexts(t *ast.Text, cut int) {
	for n := t; n != nil && n.Segment.Start < cut; {
		next, _ := n.NextSibling().(*ast.Text)
		n.Segment = n.Segment.WithStart(min(cut, n.Segment.Stop))
		n = next
	}
}
