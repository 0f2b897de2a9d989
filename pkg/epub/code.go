package epub

import (
	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/hangul-press/publish/pkg/highlight"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// codeBlock writes a fenced or indented code block as book.Load
// highlighted it (pkg/highlight), with CSS classes (the stylesheet holds
// the colours) and, when the info string holds the word linenos, line
// numbers.
func (r *nodeRenderer) codeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, linenos := markdown.CodeInfo(n, src)
	hl := r.c.Code[n]
	if hl == nil { // a block the book did not see: plain text
		hl = &highlight.Code{Tokens: []chroma.Token{{Type: chroma.Text, Value: markdown.CodeText(n, src)}}}
	}
	if err := formatCode(w, hl, linenos); err != nil {
		r.d.diags.Warnf(r.c.NodePos(n), "code block not highlighted: %v", err)
		_, _ = w.WriteString("<pre><code>" + escapeText(markdown.CodeText(n, src)) + "</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}

// formatters are chroma's HTML formatters without and with line numbers.
// They are made once: each keeps a cache of the style's CSS that costs
// more to build than most code blocks take to format, and it is safe for
// concurrent use.
var formatters = [2]*chromahtml.Formatter{
	chromahtml.New(chromahtml.WithClasses(true)),
	chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true)),
}

// formatCode writes highlighted code as <pre class="chroma"><code>….
func formatCode(w util.BufWriter, hl *highlight.Code, linenos bool) error {
	f := formatters[0]
	if linenos {
		f = formatters[1]
	}
	if err := f.Format(w, highlight.Style(), chroma.Literator(hl.Tokens...)); err != nil {
		return err
	}
	_ = w.WriteByte('\n')
	return nil
}
