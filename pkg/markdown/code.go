package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// CodeInfo reads a code block's language and whether it asks for line
// numbers: from a fence's info string ("go linenos", as Jekyll's
// {% highlight go linenos %} becomes; "{.go}" and ".go" as some authors
// write it), else from a kramdown class such as language-go on an
// indented block.
func CodeInfo(n ast.Node, src []byte) (lang string, linenos bool) {
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		for i, w := range strings.Fields(string(f.Info.Segment.Value(src))) {
			if i == 0 && w != "linenos" {
				lang = strings.Trim(w, "{}.")
			}
			linenos = linenos || w == "linenos"
		}
	}
	if lang != "" {
		return lang, linenos
	}
	if v, ok := Attr(n, "class"); ok {
		for _, c := range strings.Fields(v) {
			if l, ok := strings.CutPrefix(c, "language-"); ok {
				return l, linenos
			}
		}
	}
	return "", linenos
}

// CodeFile returns the file name a code block is labelled with, "" when
// none: the Chirpy theme's {: file="path/to/file" } under a fence, which
// it shows as the block's title.
func CodeFile(n ast.Node) string {
	v, _ := Attr(n, "file")
	return strings.Join(strings.Fields(v), " ")
}

// CodeText returns the code of a fenced or indented code block, lines
// and their endings as written.
func CodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}
