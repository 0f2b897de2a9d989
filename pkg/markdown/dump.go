package markdown

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Dump returns a readable, stable text picture of the tree under node: one
// line per node, indented two spaces per level, with the node kind, the
// fields that matter for its kind, its attributes sorted by name (as
// @name="value"), and its text. Golden tests compare it.
func Dump(node ast.Node, src []byte) string {
	var b strings.Builder
	dumpNode(&b, node, src, 0)
	return b.String()
}

// dumpNode writes n and its descendants.
func dumpNode(b *strings.Builder, n ast.Node, src []byte, depth int) {
	b.WriteString(strings.Repeat("  ", depth))
	b.WriteString(n.Kind().String())
	for _, f := range nodeFields(n, src) {
		b.WriteString(" ")
		b.WriteString(f)
	}
	for _, a := range sortedAttributes(n) {
		fmt.Fprintf(b, " @%s=%s", a.Name, quoteValue(a.Value))
	}
	b.WriteString("\n")
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		dumpNode(b, c, src, depth+1)
	}
}

// nodeFields returns the kind-specific fields of n, formatted.
func nodeFields(n ast.Node, src []byte) []string {
	switch n := n.(type) {
	case *ast.Text:
		return textFields(n, src)
	case *ast.String:
		return []string{strconv.Quote(string(n.Value))}
	case *ast.Heading:
		return []string{fmt.Sprintf("level=%d", n.Level)}
	case *ast.Emphasis:
		return []string{fmt.Sprintf("level=%d", n.Level)}
	case *ast.List:
		return []string{fmt.Sprintf("marker=%q ordered=%v start=%d tight=%v", n.Marker, n.IsOrdered(), n.Start, n.IsTight)}
	case *ast.Link:
		return []string{"dest=" + strconv.Quote(string(n.Destination)), "title=" + strconv.Quote(string(n.Title))}
	case *ast.Image:
		return []string{"dest=" + strconv.Quote(string(n.Destination)), "title=" + strconv.Quote(string(n.Title))}
	case *ast.AutoLink:
		return []string{"url=" + strconv.Quote(string(n.URL(src)))}
	case *ast.RawHTML:
		return []string{strconv.Quote(string(segmentsValue(n.Segments, src)))}
	case *ast.FencedCodeBlock:
		return []string{"info=" + strconv.Quote(string(infoText(n, src))), linesField(n.Lines(), src)}
	case *ast.CodeBlock, *ast.HTMLBlock:
		return []string{linesField(n.Lines(), src)}
	case *MathInline:
		return []string{fmt.Sprintf("display=%v", n.Display), "tex=" + strconv.Quote(string(n.TeX(src)))}
	case *MathBlock:
		return []string{"tex=" + strconv.Quote(string(n.TeX(src)))}
	}
	return extensionFields(n)
}

// extensionFields formats the fields of goldmark's extension nodes.
func extensionFields(n ast.Node) []string {
	switch n := n.(type) {
	case *east.Table:
		return []string{fmt.Sprintf("align=%v", n.Alignments)}
	case *east.TableCell:
		return []string{"align=" + n.Alignment.String()}
	case *east.TaskCheckBox:
		return []string{fmt.Sprintf("checked=%v", n.IsChecked)}
	case *east.FootnoteLink:
		return []string{fmt.Sprintf("index=%d", n.Index)}
	case *east.FootnoteBacklink:
		return []string{fmt.Sprintf("index=%d", n.Index)}
	case *east.Footnote:
		return []string{fmt.Sprintf("ref=%q index=%d", n.Ref, n.Index)}
	}
	return nil
}

// textFields formats a Text node: its value and its flags.
func textFields(n *ast.Text, src []byte) []string {
	f := []string{strconv.Quote(string(n.Segment.Value(src)))}
	if n.SoftLineBreak() {
		f = append(f, "softbreak")
	}
	if n.HardLineBreak() {
		f = append(f, "hardbreak")
	}
	if n.IsRaw() {
		f = append(f, "raw")
	}
	return f
}

// infoText returns a fenced code block's info string.
func infoText(n *ast.FencedCodeBlock, src []byte) []byte {
	if n.Info == nil {
		return nil
	}
	return n.Info.Segment.Value(src)
}

// linesField formats a block's lines as one quoted string.
func linesField(lines *text.Segments, src []byte) string {
	return "lines=" + strconv.Quote(string(segmentsValue(lines, src)))
}

// sortedAttributes returns n's attributes sorted by name.
func sortedAttributes(n ast.Node) []ast.Attribute {
	attrs := slices.Clone(n.Attributes())
	slices.SortStableFunc(attrs, func(a, b ast.Attribute) int {
		return strings.Compare(string(a.Name), string(b.Name))
	})
	return attrs
}

// quoteValue formats an attribute value.
func quoteValue(v any) string {
	switch v := v.(type) {
	case []byte:
		return strconv.Quote(string(v))
	case string:
		return strconv.Quote(v)
	}
	return fmt.Sprintf("%v", v)
}
