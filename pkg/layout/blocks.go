package layout

import (
	"bytes"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// parSkip is the space between paragraphs set without an indent, in body
// line pitches: half a line marks the break without opening the text up.
const parSkip = 0.5

// bodyStyle is the style of running text.
func (e *engine) bodyStyle() textStyle {
	return textStyle{role: RoleBody, size: e.size}
}

// chapter sets one chapter: its opening, then its blocks.
func (e *engine) chapter(c *book.Chapter) {
	e.ch, e.src, e.head = c, c.Src(), c.Title
	e.skipH1, e.depth = nil, map[ast.Node]int{}
	if h := c.TitleHeading; h != nil {
		e.skipH1 = h.Node
	}
	for _, h := range c.Headings {
		e.depth[h.Node] = h.Depth
	}
	e.images = map[ast.Node][]*book.ImageRef{}
	for _, ref := range c.Images {
		e.images[ref.Node] = append(e.images[ref.Node], ref)
	}
	e.notes = map[int]ast.Node{}
	e.findNotes(c.Doc)
	e.ctx = blockCtx{firstBlock: true}
	e.opening(c)
	e.blocks(c.Doc)
	e.reportMissing()
}

// blocks sets the block children of n.
func (e *engine) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		e.block(c)
	}
}

// block sets one block node.
func (e *engine) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph:
		e.paragraph(n)
	case *ast.TextBlock:
		e.paragraph(n)
	case *ast.Heading:
		e.heading(n)
	case *ast.ThematicBreak:
		e.thematicBreak()
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		e.codeBlock(n)
	case *ast.Blockquote:
		e.blockquote(n)
	case *ast.List:
		e.list(n)
	case *ast.HTMLBlock:
		e.htmlBlock(n)
	case *markdown.MathBlock:
		e.mathBlock(n)
	case *extast.Table:
		e.table(n)
	case *extast.DefinitionTerm:
		e.definitionTerm(n)
	case *extast.DefinitionDescription:
		saved := e.ctx
		e.ctx.left += Length(listIndent * float64(e.size))
		e.ctx.firstBlock = true
		e.blocks(n)
		e.ctx = saved
	case *extast.FootnoteList:
		// set at the foot of the pages that refer to them
	default:
		e.blocks(n)
	}
}

// definitionTerm sets a term of a definition list (kramdown's "term"
// line over ": definition" lines) in bold, kept with its definition, which
// is indented as a list item's content is.
func (e *engine) definitionTerm(n ast.Node) {
	st := e.bodyStyle()
	st.bold = true
	spans := e.inlines(n, st)
	if len(spans) == 0 {
		return
	}
	e.blockSpace(parSkip)
	for _, b := range e.setText(spans, textOpts{size: e.size, pitch: e.pitch}) {
		b.keep = true
		e.emit(b)
	}
}

// blockSpace emits the space before a block, unless the block is the first
// of a list item or a chapter.
func (e *engine) blockSpace(lines float64) {
	if e.ctx.firstBlock {
		e.ctx.firstBlock = false
		return
	}
	e.space(Length(lines * float64(e.pitch)))
}

// paragraph sets a paragraph: justified, Knuth–Plass, with an indent or a
// space before it. A paragraph that holds only an image is a figure; one
// that holds display formulas (\[…\]) is cut around them, the text after
// a display going on without an indent.
func (e *engine) paragraph(n ast.Node) {
	if img, ok := soleImage(n); ok {
		e.figure(img)
		return
	}
	if e.onlyImages(n) {
		e.inlineFigures(n, true) // side by side when they fit, as in a browser
		return
	}
	e.figuresAfter = true
	spans := e.inlines(n, e.bodyStyle())
	e.figuresAfter = false
	if len(spans) == 0 {
		e.inlineFigures(n, false)
		return
	}
	start := len(e.boxes)
	for i, part := range e.splitDisplays(spans) {
		if part.math != nil {
			var prev *vbox
			if len(e.boxes) > start {
				prev = e.boxes[len(e.boxes)-1]
			}
			e.displayFormula(part.math, part.node, prev)
			continue
		}
		o := textOpts{justify: true, size: e.size, pitch: e.pitch}
		if e.ctx.centered() { // inside raw HTML's <center>: ragged on both sides
			o.justify, o.center = false, true
		}
		if i == 0 {
			e.paragraphSpace(n, &o)
		}
		for _, b := range e.setText(part.spans, o) {
			e.emit(b)
			e.ctx.firstBlock = false
		}
	}
	e.shapeParagraph(start)
	e.para = paraSpan{start, len(e.boxes)}
	e.inlineFigures(n, false)
}

// paragraphSpace emits the space before a paragraph, or gives its first
// line an indent; after a display, neither.
func (e *engine) paragraphSpace(n ast.Node, o *textOpts) {
	_, tight := n.(*ast.TextBlock)
	switch {
	case e.afterDisplay():
		e.ctx.firstBlock = false
	case tight:
		e.blockSpace(0)
	case e.set.Indent > 0:
		if !e.ctx.firstBlock {
			o.indent = Length(e.set.Indent * float64(e.size))
		}
		e.ctx.firstBlock = false
	default:
		e.blockSpace(parSkip)
	}
}

// inlineFigures sets the images that stand among the words of a
// paragraph (Markdown or <img> tags) as figures after it: a line of text
// cannot hold a picture at a readable size. Consecutive images stand side
// by side when their widths fit on a line. Missing images are framed with
// the others when the paragraph holds nothing else (missing); among words
// their alt text stands in the line instead.
func (e *engine) inlineFigures(n ast.Node, missing bool) {
	var refs []*book.ImageRef
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		for _, ref := range e.images[c] {
			if ref.Asset != nil || missing {
				refs = append(refs, ref)
			}
		}
		return ast.WalkContinue, nil
	})
	e.figures(refs)
}

// onlyImages reports whether a paragraph holds images and nothing else
// but white space, line breaks and <img> tags.
func (e *engine) onlyImages(n ast.Node) bool {
	images := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images++
		case *ast.RawHTML:
			images++ // an inline tag: <img> (or </a>, <br>): no words
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(e.src))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return images > 1
}

// soleImage reports whether a paragraph holds nothing but one image.
func soleImage(n ast.Node) (*ast.Image, bool) {
	img, ok := n.FirstChild().(*ast.Image)
	return img, ok && n.ChildCount() == 1
}

// thematicBreak draws a short centred rule between blocks.
func (e *engine) thematicBreak() {
	e.blockSpace(parSkip)
	w := e.width() / 4
	x := e.ctx.left + (e.width()-w)/2
	y := e.pitch / 2
	e.emit(&vbox{h: e.pitch, els: []Element{Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: Pt(0.5), Color: ruleColor}}})
}

// quoteRuleWidth is the weight of a block quote's rule: a tenth of the
// body size, a little heavier than a hairline so that it survives print.
func quoteRuleWidth(e *engine) Length { return e.size / 10 }
