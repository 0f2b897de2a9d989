package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// mathHTMLRenderer writes math the way kramdown's MathJax engine does, so
// that a MathJax or KaTeX script (or an EPUB reader's MathML converter) finds
// it: \(…\) in a span for inline math, \[…\] in a div for display math.
type mathHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (mathHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMathInline, renderMathInline)
	reg.Register(KindMathBlock, renderMathBlock)
}

// renderMathInline writes a MathInline, escaped for HTML.
func renderMathInline(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	m := n.(*MathInline)
	open, close := `<span class="math inline">\(`, `\)</span>`
	if m.Display {
		open, close = `<span class="math display">\[`, `\]</span>`
	}
	_, _ = w.WriteString(open)
	_, _ = w.Write(util.EscapeHTML(m.TeX(src)))
	_, _ = w.WriteString(close)
	return ast.WalkSkipChildren, nil
}

// renderMathBlock writes a MathBlock, escaped for HTML.
func renderMathBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="math display">\[`)
	_, _ = w.Write(util.EscapeHTML(n.(*MathBlock).TeX(src)))
	_, _ = w.WriteString("\\]</div>\n")
	return ast.WalkSkipChildren, nil
}
