package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/yuin/goldmark/ast"
)

// Margins as fractions of the trim size. The inner margin (at the spine)
// is wider than the outer one because a bound booklet does not open flat;
// the foot is deeper than the head, the classic proportions that place the
// text block a little above the page's centre. On A5 they give 20 mm inner,
// 16 mm outer, 20 mm head, 23 mm foot: a 112 mm measure, about 32 Hangul
// syllables at 10 pt, within the 30–35 that Korean books set.
const (
	innerFrac  = 0.135
	outerFrac  = 0.108
	topFrac    = 0.095
	bottomFrac = 0.11
)

// geometry is the page's text block.
type geometry struct {
	w, h                      Length // trim size
	inner, outer, top, bottom Length
	textW, textH              Length
}

func newGeometry(w, h Length) geometry {
	g := geometry{w: w, h: h,
		inner: Length(float64(w) * innerFrac), outer: Length(float64(w) * outerFrac),
		top: Length(float64(h) * topFrac), bottom: Length(float64(h) * bottomFrac)}
	g.textW = w - g.inner - g.outer
	g.textH = h - g.top - g.bottom
	return g
}

// left returns the x of the text block on the page with folio n: odd
// (recto, right-hand) pages have the spine on their left.
func (g geometry) left(n int) Length {
	if n%2 == 1 {
		return g.inner
	}
	return g.outer
}

// engine carries the state of one Layout: the book, the fonts, and the
// chapter being set.
type engine struct {
	b     *book.Book
	opt   Options
	set   manifest.PDFOptions // the book's PDF settings
	size  Length              // the body text size
	fs    *fontSet
	diags *diag.List
	geo   geometry
	pitch Length // the body line pitch

	// The chapter being set.
	ch     *book.Chapter
	src    []byte
	skipH1 ast.Node
	depth  map[ast.Node]int // each heading's book.Heading.Depth
	images map[ast.Node][]*book.ImageRef
	warned map[rune]bool // characters reported in this chapter
	// allWarned are the characters reported in any chapter.
	allWarned map[rune]bool
	notes     map[int]ast.Node // footnote bodies by index
	// figuresAfter is set while a paragraph's inlines are collected: its
	// images are set as figures after it.
	figuresAfter bool
	head         string

	boxes []*vbox
	ctx   blockCtx

	outline []*OutlineEntry
	chEntry *OutlineEntry // the chapter being set
	toc     []*tocEntry
	// sources are the images' sources by Key (imagesource.go)
	sources map[string]*imageSource
}

// blockCtx is the indentation of the blocks being set: list items and
// block quotes narrow the measure and draw in the margin they make.
type blockCtx struct {
	left, right Length
	bars        []Length // x of the rules of enclosing block quotes
	marker      []Element
	firstBlock  bool // no space before the next block (first in a list item)
}

func newEngine(b *book.Book, opt Options, fs *fontSet, diags *diag.List) *engine {
	set := b.Config.PDF
	e := &engine{b: b, opt: opt, set: set, size: Pt(set.FontSize), fs: fs, diags: diags,
		geo: newGeometry(Mm(set.Paper.Width), Mm(set.Paper.Height))}
	e.pitch = Length(float64(e.size) * set.LineHeight)
	return e
}

// width is the measure of the current context.
func (e *engine) width() Length { return e.geo.textW - e.ctx.left - e.ctx.right }

// pos returns the position of a node of the current chapter; text that
// comes from no node (a chapter title from front matter) is placed at the
// chapter's file.
func (e *engine) pos(n ast.Node) diag.Pos {
	switch {
	case e.ch == nil:
		return diag.Pos{}
	case n == nil:
		return diag.Pos{File: e.ch.Source}
	}
	return e.ch.NodePos(n)
}

// emit appends a box, drawing the enclosing block quotes' rules beside it
// and the pending list marker on its first line.
func (e *engine) emit(b *vbox) {
	for _, x := range e.ctx.bars {
		b.els = append(b.els, Rule{X1: x, Y1: 0, X2: x, Y2: b.h, Width: quoteRuleWidth(e), Color: quoteColor})
	}
	if !b.space && e.ctx.marker != nil && b.base > 0 {
		for _, el := range e.ctx.marker {
			b.els = append(b.els, shifted(el, 0, b.base))
		}
		e.ctx.marker = nil
	}
	e.attachNotes(b)
	if b.head == "" {
		b.head = e.head
	}
	e.boxes = append(e.boxes, b)
}

// space emits vertical space of height h.
func (e *engine) space(h Length) {
	if h > 0 {
		e.emit(&vbox{h: h, space: true})
	}
}

// unit starts a block that a floating figure must not cut (a code block,
// a table); calling the function it returns ends it, marking every box
// emitted since but the first as inner.
func (e *engine) unit() func() {
	start := len(e.boxes)
	return func() {
		for i := start + 1; i < len(e.boxes); i++ {
			e.boxes[i].inner = true
		}
	}
}

// keepLast makes the last box keep with the next one.
func (e *engine) keepLast() {
	if n := len(e.boxes); n > 0 {
		e.boxes[n-1].keep = true
	}
}
