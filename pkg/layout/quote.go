package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
)

// quoteIndent is how far a block quote's text stands in from the
// enclosing text, and quoteBarGap how far left of the text its rule
// stands, in body sizes.
const (
	quoteIndent = 1.5
	quoteBarGap = 0.75
)

// blockquote sets a block quote: its blocks indented, with a rule in the
// margin beside every line, page breaks included.
func (e *engine) blockquote(n ast.Node) {
	color := quoteColor
	class, _ := markdown.Attr(n, "class")
	if p, ok := book.PromptOf(class); ok { // Chirpy's prompts: their colour
		color = Color{p.Rule[0], p.Rule[1], p.Rule[2]}
	}
	leave := e.enterQuote(color)
	e.blocks(n)
	leave()
}

// quoteBar is the rule of a block quote: where and in which colour.
type quoteBar struct {
	x     Length
	color Color
}

// enterQuote starts a block quote's context, its rule in color; calling
// the function it returns ends it. A list marker still pending is kept
// for the first line after the quote.
func (e *engine) enterQuote(color Color) func() {
	e.blockSpace(parSkip)
	saved := e.ctx
	in := Length(quoteIndent * float64(e.size))
	e.ctx.bars = append(append([]quoteBar{}, e.ctx.bars...), quoteBar{e.ctx.left + in - Length(quoteBarGap*float64(e.size)), color})
	e.ctx.left += in
	e.ctx.firstBlock = true
	return func() {
		marker := e.ctx.marker
		e.ctx = saved
		e.ctx.marker = marker
	}
}
