package layout

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
)

// headingStyle is how a heading level looks: all in the sans-serif face,
// sizes in body sizes.
type headingStyle struct {
	scale float64
	bold  bool
	color Color
}

// headingLevels gives every level a style of its own, the same in the
// EPUB's stylesheet (pkg/epub/style.css; docs/architecture.md): sizes a
// step of about 1.15 apart down to body size at ####, so that levels
// differ visibly without a ## heading shouting at A5; then the weight
// goes (#####) and the size and colour step down (######). Before, h4 to
// h6 were all bold at about body size and could not be told apart.
var headingLevels = [7]headingStyle{
	1: {1.6, true, textColor},
	2: {1.3, true, textColor},
	3: {1.15, true, textColor},
	4: {1, true, textColor},
	5: {1, false, textColor},
	6: {0.9, false, grayColor},
}

// Space around headings in body pitches: more above than below, so that a
// heading belongs to the text it introduces.
const (
	headingAbove = 1.2
	headingBelow = 0.5
)

// chapterTitleScale and chapterSink set the chapter title: twice the body
// size, three lines down from the top of the text block (the "sink" of a
// chapter opening), with two lines of space before the text.
const (
	chapterTitleScale = 2.0
	chapterSink       = 3
	chapterAfter      = 2
)

// heading sets a heading in the sans face, in its level's style; it keeps
// with what follows, so no heading is ever the last thing on a page.
func (e *engine) heading(n *ast.Heading) {
	if ast.Node(n) == e.skipH1 {
		return
	}
	st := e.headingStyle(n.Level)
	e.setHeading(e.inlines(n, st), st, func(first *vbox) {
		id := headingID(n)
		if id != "" {
			first.grow().anchors = append(first.more().anchors, Anchor{Name: chapterAnchor(e.ch.ID, id)})
		}
		if e.depth[n] == 2 && e.chEntry != nil {
			e.headingEntry(nodeText(n, e.src), chapterAnchor(e.ch.ID, id), first)
		}
	})
}

// headingStyle is the text style of heading level l (1–6).
func (e *engine) headingStyle(l int) textStyle {
	hs := headingLevels[min(max(l, 1), 6)]
	return textStyle{role: RoleHeading, bold: hs.bold, size: Length(hs.scale * float64(e.size)), color: hs.color}
}

// setHeading sets spans in heading style st with the space around a
// heading, centred inside a centring raw HTML element, every line kept
// with the next; mark, when not nil, is given the first line (for the
// heading's anchor and outline entry).
func (e *engine) setHeading(spans []span, st textStyle, mark func(first *vbox)) {
	if !e.ctx.firstBlock {
		e.space(Length(headingAbove * float64(e.pitch)))
	}
	pitch := Length(float64(st.size) * headingLineRatio)
	boxes := e.setText(spans, textOpts{size: st.size, pitch: pitch, center: e.ctx.centered()})
	if len(boxes) == 0 {
		return
	}
	if mark != nil {
		mark(boxes[0])
	}
	for _, b := range boxes {
		b.keep = true
		e.emit(b)
	}
	e.space(Length(headingBelow * float64(e.pitch)))
	e.keepLast()
	e.ctx.firstBlock = true
}

// headingLineRatio is the line pitch of headings: tighter than body text,
// because headings are short and large.
const headingLineRatio = 1.4

// headingID is the id the markdown package gave a heading.
func headingID(n ast.Node) string {
	id, _ := markdown.Attr(n, "id")
	return id
}

// headingEntry adds a section (a heading of depth 2, book.Heading.Depth)
// to the outline and the table of contents.
func (e *engine) headingEntry(title, anchor string, b *vbox) {
	parent := e.chEntry
	entry := &OutlineEntry{Title: title}
	parent.Children = append(parent.Children, entry)
	toc := &tocEntry{title: title, anchor: anchor, level: 2}
	e.toc = append(e.toc, toc)
	b.grow().placed = append(b.more().placed, func(page int, y Length) {
		entry.Page, entry.Y = page, y
		toc.page = page
	})
}

// opening sets a chapter's first page: a page break (to a recto when
// asked), the title sunk down the page, its anchor and its entries in the
// outline (put under its part by join) and the table of contents.
func (e *engine) opening(c *book.Chapter) {
	brk := pageBreak
	if e.set.RectoChapters {
		brk = rectoBreak
	}
	sink := &vbox{h: chapterSink * e.pitch, brk: brk, opening: true, keep: true, head: c.Title,
		x: &boxExtra{anchors: []Anchor{{Name: c.ID}}}}
	if e.skipH1 != nil {
		if id := headingID(e.skipH1); id != "" {
			sink.x.anchors = append(sink.x.anchors, Anchor{Name: chapterAnchor(c.ID, id)})
		}
	}
	entry := &OutlineEntry{Title: c.Title}
	toc := &tocEntry{title: c.Title, anchor: c.ID, level: 1}
	sink.x.placed = []func(int, Length){func(page int, y Length) { entry.Page, toc.page = page, page }}
	e.chEntry = entry
	e.toc = append(e.toc, toc)
	e.emit(sink)
	st := textStyle{role: RoleHeading, bold: true, size: Length(chapterTitleScale * float64(e.size))}
	pitch := Length(float64(st.size) * headingLineRatio)
	for _, b := range e.setText([]span{{text: c.Title, st: st}}, textOpts{size: st.size, pitch: pitch}) {
		b.keep = true
		e.emit(b)
	}
	e.space(chapterAfter * e.pitch)
	e.keepLast()
	e.ctx.firstBlock = true
}

// addChapterEntry puts a chapter under its part in the outline, or at the
// top level.
func (e *engine) addChapterEntry(entry *OutlineEntry, part *OutlineEntry) {
	if part != nil {
		part.Children = append(part.Children, entry)
		return
	}
	e.outline = append(e.outline, entry)
}
