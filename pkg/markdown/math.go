package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// KindMathInline is the node kind of [MathInline].
var KindMathInline = ast.NewNodeKind("MathInline")

// KindMathBlock is the node kind of [MathBlock].
var KindMathBlock = ast.NewNodeKind("MathBlock")

// MathInline is TeX math inside running text: kramdown's $$…$$ within a
// paragraph, or \(…\). Display is set for \[…\] written inside a paragraph,
// which TeX typesets as a display even there. The TeX source is kept
// byte-exact, with no emphasis or escape processing: read it with TeX.
type MathInline struct {
	ast.BaseInline
	// Display marks \[…\] (and \\[…\\]) inside a paragraph.
	Display bool
	// Segments locate the TeX source, one segment per source line, line
	// endings included; the delimiters and container prefixes such as
	// "> " are not part of it.
	Segments *text.Segments
}

// Kind implements ast.Node.
func (n *MathInline) Kind() ast.NodeKind { return KindMathInline }

// TeX returns the TeX source between the delimiters.
func (n *MathInline) TeX(source []byte) []byte { return segmentsValue(n.Segments, source) }

// Text implements ast.Node; it returns the TeX source.
func (n *MathInline) Text(source []byte) []byte { return n.TeX(source) }

// Dump implements ast.Node.
func (n *MathInline) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Display": fmt.Sprint(n.Display),
		"TeX":     string(n.TeX(source)),
	}, nil)
}

// MathBlock is display math that stands alone as a paragraph: $$…$$,
// \[…\], \\[…\\] or a \begin{…}…\end{…} environment (kept in the TeX)
// beginning a paragraph and ending it. Its Lines hold the
// TeX source between the delimiters, byte for byte with line endings, except
// that an opening line holding nothing but the opener adds no line (and
// container prefixes such as "> " are not part of any line): read it with
// TeX.
type MathBlock struct {
	ast.BaseBlock
	// closer is the delimiter that ends the block; closed is set once it
	// has been seen. Both matter only while parsing.
	closer string
	closed bool
	keep   bool // the closer is part of the TeX (an environment's \end)
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: the content is not Markdown.
func (n *MathBlock) IsRaw() bool { return true }

// TeX returns the TeX source between the delimiters.
func (n *MathBlock) TeX(source []byte) []byte { return segmentsValue(n.Lines(), source) }

// Dump implements ast.Node.
func (n *MathBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"TeX": string(n.TeX(source))}, nil)
}

// segmentsValue concatenates the source bytes of segs.
func segmentsValue(segs *text.Segments, source []byte) []byte {
	if segs == nil {
		return nil
	}
	var b strings.Builder
	for i := range segs.Len() {
		seg := segs.At(i)
		if seg.Start < 0 || seg.Stop > len(source) || seg.Start > seg.Stop {
			continue // not from this source; never expected
		}
		b.Write(seg.Value(source))
	}
	return []byte(b.String())
}
