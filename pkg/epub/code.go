package epub

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// codeBlock writes a fenced or indented code block highlighted by chroma,
// with CSS classes (the stylesheet holds the colours) and, when the info
// string holds the word linenos, line numbers.
func (r *nodeRenderer) codeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang, linenos := codeInfo(n, src)
	if err := highlight(w, code.String(), lang, linenos); err != nil {
		r.d.diags.Warnf(r.c.NodePos(n), "code block not highlighted: %v", err)
		_, _ = w.WriteString("<pre><code>" + escapeText(code.String()) + "</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}

// codeInfo reads the language and the linenos flag from a fence's info
// string ("go linenos"), or from a kramdown class language-go.
func codeInfo(n ast.Node, src []byte) (lang string, linenos bool) {
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		words := strings.Fields(string(f.Info.Segment.Value(src)))
		for i, w := range words {
			if i == 0 && w != "linenos" {
				lang = strings.Trim(w, "{}.")
			}
			linenos = linenos || w == "linenos"
		}
	}
	if v, ok := n.AttributeString("class"); ok && lang == "" {
		if b, ok := v.([]byte); ok {
			for _, c := range strings.Fields(string(b)) {
				if l, ok := strings.CutPrefix(c, "language-"); ok {
					lang = l
				}
			}
		}
	}
	return lang, linenos
}

// formatters are chroma's HTML formatters without and with line numbers.
// They are made once: each keeps a cache of the style's CSS that costs
// more to build than most code blocks take to format, and it is safe for
// concurrent use.
var formatters = [2]*chromahtml.Formatter{
	chromahtml.New(chromahtml.WithClasses(true)),
	chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true)),
}

// highlight writes code as <pre class="chroma"><code>…. Code with no
// known language is tokenised as plain text, so that it looks the same
// and can have line numbers too; chroma's guessing is not used, because a
// wrong guess colours prose as code.
func highlight(w util.BufWriter, code, lang string, linenos bool) error {
	lexer := lexers.Get(lang)
	if lang == "" || lexer == nil {
		lexer = lexers.Get("plaintext")
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return err
	}
	f := formatters[0]
	if linenos {
		f = formatters[1]
	}
	if err := f.Format(w, styles.Get(codeStyle), it); err != nil {
		return err
	}
	_ = w.WriteByte('\n')
	return nil
}
