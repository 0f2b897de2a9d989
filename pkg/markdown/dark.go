package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The Chirpy theme shows an image marked {: .dark } only in its dark mode
// and one marked {: .light } only in its light mode, so a post gives the
// pair. A book is read on white: with Options.DarkImages the dark one is
// left out (and reported, Report.DarkImages), before captions are read,
// so that the caption under a pair goes to the light image.

// DarkImage is an image left out as a dark-mode twin: its address and the
// source offset of its text (or of its paragraph).
type DarkImage struct {
	Dest string
	At   int
}

var darkImagesKey = parser.NewContextKey()

type darkTransformer struct{}

// darkPriority runs after the attribute lists (kramdownPriority) and
// before captions (captionPriority).
const darkPriority = 120

// Transform implements parser.ASTTransformer.
func (darkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var dark []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			class, _ := Attr(img, "class")
			for _, c := range bytes.Fields([]byte(class)) {
				if string(c) == "dark" {
					dark = append(dark, img)
					break
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	var found []DarkImage
	for _, img := range dark {
		found = append(found, DarkImage{Dest: string(img.Destination), At: nodeOffset(img)})
		removeInline(img, src)
	}
	if len(found) > 0 {
		pc.Set(darkImagesKey, found)
	}
}

// nodeOffset is the source offset of a node's first text, else of its
// nearest block's first line, else 0.
func nodeOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// removeInline takes an inline node out of its parent. A link left
// empty goes with it. In a paragraph, the white space left at either end
// goes too (so that an image left alone is still a figure), and the
// paragraph when nothing else is left; elsewhere (a table cell, a list
// item's text) the rest stays as it is, so that a table keeps its cells.
func removeInline(n ast.Node, src []byte) {
	p := n.Parent()
	if p == nil {
		return
	}
	p.RemoveChild(p, n)
	for {
		l, ok := p.(*ast.Link)
		if !ok || l.FirstChild() != nil || l.Parent() == nil {
			break
		}
		p = l.Parent()
		p.RemoveChild(p, l)
	}
	if _, ok := p.(*ast.Paragraph); !ok {
		return
	}
	for c := p.LastChild(); c != nil && blankText(c, src); c = p.LastChild() {
		p.RemoveChild(p, c)
	}
	for c := p.FirstChild(); c != nil && blankText(c, src); c = p.FirstChild() {
		p.RemoveChild(p, c)
	}
	if p.FirstChild() == nil {
		if gp := p.Parent(); gp != nil {
			gp.RemoveChild(gp, p)
		}
	}
}

// blankText reports whether n is a text of white space only (a line
// break between inline nodes).
func blankText(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	return ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0
}
