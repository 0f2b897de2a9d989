package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownTransformer applies and removes what the kramdown parsers left in
// the tree:
//
//   - block attribute lists go to their block, by kramdown's rule: the block
//     right before the list (no blank line between them) or else the block
//     right after it; a list with blank lines on both sides is dropped;
//   - a list whose attributes name "toc" (* TOC / {:toc}) is removed: the
//     book makes its own table of contents;
//   - definitions, extension lines and comments are removed;
//   - a closing {:/} that an HTML block swallowed (an HTML block runs to
//     the next blank line, so {::nomarkdown}<div>…</div>{:/} ends in one)
//     is cut off it;
//   - the <!--more--> excerpt marker is removed, as a block or inline;
//   - span attribute lists after emphasis and other elements are applied,
//     and the empty texts they leave are removed.
type kramdownTransformer struct{}

// Transform implements parser.ASTTransformer.
func (kramdownTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var lines []*ialNode
	var drop []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ialNode:
			lines = append(lines, n)
		case *ast.HTMLBlock:
			trimExtensionEnd(n, src)
			if isMoreComment(n, src) {
				drop = append(drop, n)
			}
		case *ast.RawHTML:
			if isMoreComment(n, src) {
				drop = append(drop, n)
			}
		case *ast.Text:
			attachSpanIAL(n, src)
			if n.Segment.IsEmpty() && !n.SoftLineBreak() && !n.HardLineBreak() {
				drop = append(drop, n)
			}
		}
		return ast.WalkContinue, nil
	})
	defs := definitions(lines)
	for _, l := range lines {
		applyLine(l, defs, src)
	}
	for _, n := range drop {
		remove(n)
	}
}

// definitions collects the attribute list definitions by name. kramdown
// lets a definition appear anywhere in the document.
func definitions(lines []*ialNode) map[string]attrList {
	defs := map[string]attrList{}
	for _, l := range lines {
		if l.kind == ialDefinition {
			defs[string(l.name)] = l.attrs
		}
	}
	return defs
}

// applyLine applies one kramdown line to its block and removes it.
func applyLine(l *ialNode, defs map[string]attrList, src []byte) {
	target := ialTarget(l, src)
	remove(l)
	if l.kind != ialAttrs || target == nil {
		return
	}
	a := resolveRefs(l.attrs, defs)
	if _, isList := target.(*ast.List); isList && a.hasRef("toc") {
		remove(target)
		return
	}
	a.apply(target)
}

// ialTarget returns the block an attribute list applies to, or nil.
func ialTarget(l *ialNode, src []byte) ast.Node {
	prev := l.PreviousSibling()
	blank := l.HasBlankPreviousLines()
	if _, fenced := prev.(*ast.FencedCodeBlock); fenced {
		blank = blankLineBefore(l, src)
	}
	if prev != nil && !blank {
		if _, isLine := prev.(*ialNode); !isLine {
			return prev
		}
	}
	if next := l.NextSibling(); next != nil && !next.HasBlankPreviousLines() {
		if _, isLine := next.(*ialNode); !isLine {
			return next
		}
	}
	return nil
}

// blankLineBefore reports whether the line before l's is blank (white
// space and quotation marks only). goldmark marks the block after a
// fenced code block as having blank lines before it whether or not one
// came between, so after a fence the source is asked: kramdown applies
// {: file="a.py" } on the line right under a fence to the code block.
func blankLineBefore(l *ialNode, src []byte) bool {
	start := min(l.at, len(src))
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	if start == 0 {
		return false
	}
	end := start - 1
	begin := end
	for begin > 0 && src[begin-1] != '\n' {
		begin--
	}
	return len(bytes.Trim(src[begin:end], " \t\r>")) == 0
}

// resolveRefs returns a with the definitions it names merged in before its
// own items, so that the list's own id and classes come last and win.
func resolveRefs(a attrList, defs map[string]attrList) attrList {
	var r attrList
	for _, name := range a.refs {
		if d, ok := defs[string(name)]; ok {
			d.refs = nil // definitions referring to definitions: one level only
			r.merge(d)
		}
	}
	r.merge(a)
	return r
}

// trimExtensionEnd drops a last line {:/} or {:/name} from an HTML block.
func trimExtensionEnd(n *ast.HTMLBlock, src []byte) {
	lines := n.Lines()
	last := lines.Len() - 1
	if last < 0 {
		return
	}
	seg := lines.At(last)
	if l := parseIALLine(util.TrimLeftSpace(seg.Value(src))); l != nil && l.kind == ialExtension {
		lines.SetSliced(0, last)
	}
}

// moreComment matches Jekyll's excerpt separator, however it is spaced.
var moreComment = regexp.MustCompile(`^\s*<!--\s*more\s*-->\s*$`)

// isMoreComment reports whether n is an HTML block or inline HTML that
// consists of <!--more--> alone.
func isMoreComment(n ast.Node, src []byte) bool {
	var segs *text.Segments
	switch n := n.(type) {
	case *ast.HTMLBlock:
		segs = n.Lines()
	case *ast.RawHTML:
		segs = n.Segments
	}
	return moreComment.Match(segmentsValue(segs, src))
}

// remove takes n out of the tree, and its parent too when that was a
// paragraph with nothing else in it.
func remove(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	parent.RemoveChild(parent, n)
	if _, ok := parent.(*ast.Paragraph); ok && !hasContent(parent) {
		remove(parent)
	}
}

// hasContent reports whether a paragraph holds anything but empty texts.
func hasContent(p ast.Node) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); !ok || !t.Segment.IsEmpty() {
			return true
		}
	}
	return false
}
