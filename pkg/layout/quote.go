package layout

import "github.com/yuin/goldmark/ast"

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
	leave := e.enterQuote()
	e.blocks(n)
	leave()
}

// enterQuote starts a block quote's context; calling the function it
// returns ends it. A list marker still pending is kept for the first
// line after the quote.
func (e *engine) enterQuote() func() {
	e.blockSpace(parSkip)
	saved := e.ctx
	in := Length(quoteIndent * float64(e.size))
	e.ctx.bars = append(append([]Length{}, e.ctx.bars...), e.ctx.left+in-Length(quoteBarGap*float64(e.size)))
	e.ctx.left += in
	e.ctx.firstBlock = true
	return func() {
		marker := e.ctx.marker
		e.ctx = saved
		e.ctx.marker = marker
	}
}
