package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// captionTransformer reads the caption convention of the Chirpy theme
// (and of many blogs without it): an image alone on its line with a line
// of italic text right under it, in the same paragraph,
//
//	![도식](diagram.png)
//	_그림 1. 처리 흐름_
//
// which Chirpy styles as the image's caption. The italic text becomes
// the image's title, and the paragraph holds the image alone: both
// writers then set a figure captioned with it, as they do for a title
// written in the Markdown. An image that has a title keeps its paragraph
// as written.
type captionTransformer struct{}

// captionPriority runs after the attribute lists (kramdownPriority),
// before the soft line breaks are settled (softBreakPriority).
const captionPriority = 150

// Transform implements parser.ASTTransformer.
func (captionTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		imageCaption(p, src)
	}
}

// imageCaption moves the caption of a paragraph of the form image, line
// break, italic text into the image's title.
func imageCaption(p *ast.Paragraph, src []byte) {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || len(img.Title) > 0 {
		return
	}
	em, ok := p.LastChild().(*ast.Emphasis)
	if !ok || em.Level != 1 || em == p.FirstChild() {
		return
	}
	broken := false
	for n := img.NextSibling(); n != em; n = n.NextSibling() {
		if !blankText(n, src) {
			return
		}
		t := n.(*ast.Text)
		broken = broken || t.SoftLineBreak() || t.HardLineBreak()
	}
	if !broken {
		return // the italic text is on the image's line: words beside it
	}
	caption := bytes.TrimSpace(PlainText(em, src))
	if len(caption) == 0 {
		return
	}
	for n := img.NextSibling(); n != nil; {
		next := n.NextSibling()
		p.RemoveChild(p, n)
		n = next
	}
	img.Title = caption
}
