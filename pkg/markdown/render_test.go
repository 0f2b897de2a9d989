package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// texRenderer writes math as [tex:…] and headings as plain text, to show
// that extra renderers replace both our kinds and goldmark's.
type texRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (texRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMathInline, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("[tex:" + string(n.(*MathInline).TeX(src)) + "]")
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHeading, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("\n")
		}
		return ast.WalkContinue, nil
	})
}

// TestHTMLRendererExtra checks that extra node renderers take precedence.
func TestHTMLRendererExtra(t *testing.T) {
	p := New(Options{})
	src := []byte("# 제목\n\n값은 $$x_1$$ 이다.\n")
	var b bytes.Buffer
	if err := p.HTMLRenderer(texRenderer{}).Render(&b, src, p.Parse(src)); err != nil {
		t.Fatal(err)
	}
	if want := "제목\n<p>값은 [tex:x_1] 이다.</p>\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	if err := p.HTMLRenderer().Render(&b, src, p.Parse(src)); err != nil {
		t.Fatal(err)
	}
	if want := "<h1 id=\"제목\">제목</h1>\n<p>값은 <span class=\"math inline\">\\(x_1\\)</span> 이다.</p>\n"; b.String() != want {
		t.Errorf("default renderer: got %q, want %q", b.String(), want)
	}
}

// TestNoMath checks that NoMath leaves dollars and backslashes as text.
func TestNoMath(t *testing.T) {
	p := New(Options{NoMath: true})
	src := []byte("$$a_1$$ and \\\\(b\\\\)\n\n$$\nc\n$$\n")
	d := Dump(p.Parse(src), src)
	if bytes.Contains([]byte(d), []byte("Math")) {
		t.Errorf("math found with NoMath:\n%s", d)
	}
}
