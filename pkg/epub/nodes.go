package epub

import (
	"strconv"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer holds the goldmark node renderers of the EPUB writer: the
// constructs whose XHTML differs from goldmark's own. Its output is HTML
// that the cleaner then checks, so attributes are written unfiltered here
// and filtered there, in one place.
type nodeRenderer struct {
	p *publication
	c *book.Chapter
	// d is the document being rendered: it collects the chapter's
	// diagnostics and whether it shows an image, so that documents can be
	// rendered in parallel.
	d *document
	// refs finds the book's record of each Markdown image node.
	refs map[ast.Node]*book.ImageRef
	// skip is the heading that became the chapter title.
	skip ast.Node
	// links remembers, for each open link, whether it was kept.
	links []bool
}

// start prepares r for rendering chapter c.
func (r *nodeRenderer) start(d *document, skip ast.Node) {
	c := d.chapter
	r.c, r.d, r.skip, r.links = c, d, skip, nil
	r.refs = make(map[ast.Node]*book.ImageRef, len(c.Images))
	for _, ref := range c.Images {
		if _, ok := ref.Node.(*ast.Image); ok {
			r.refs[ref.Node] = ref
		}
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindFencedCodeBlock, r.codeBlock)
	reg.Register(ast.KindCodeBlock, r.codeBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.rawHTML)
	reg.Register(markdown.KindMathInline, r.mathInline)
	reg.Register(markdown.KindMathBlock, r.mathBlock)
}

// heading writes a heading with its attributes, except the one that
// became the chapter title.
func (r *nodeRenderer) heading(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n == r.skip {
		return ast.WalkSkipChildren, nil
	}
	tag := "h" + strconv.Itoa(n.(*ast.Heading).Level)
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	ghtml.RenderAttributes(w, n, nil)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// paragraph writes a paragraph, or a figure when the paragraph holds
// nothing but an image.
func (r *nodeRenderer) paragraph(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if img, ok := n.FirstChild().(*ast.Image); ok && n.ChildCount() == 1 {
		if entering {
			r.figure(w, src, img)
		}
		return ast.WalkSkipChildren, nil
	}
	if entering {
		_, _ = w.WriteString("<p")
		ghtml.RenderAttributes(w, n, nil)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// mathInline writes TeX source as text: reading systems' MathML support
// is too uneven to rely on, and the source is what a reader can check.
func (r *nodeRenderer) mathInline(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		m := n.(*markdown.MathInline)
		class := "math"
		if m.Display {
			class = "math display"
		}
		_, _ = w.WriteString(`<span class="` + class + `">`)
		_, _ = w.Write(util.EscapeHTML(m.TeX(src)))
		_, _ = w.WriteString(`</span>`)
	}
	return ast.WalkSkipChildren, nil
}

// mathBlock writes display math as a centred block of TeX source.
func (r *nodeRenderer) mathBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="math display">`)
		_, _ = w.Write(util.EscapeHTML(n.(*markdown.MathBlock).TeX(src)))
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkSkipChildren, nil
}
