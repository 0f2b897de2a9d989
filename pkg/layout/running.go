package layout

import "strconv"

// Running heads and folios sit outside the text block: the head centred
// in the top margin, a little above the text; the folio at the outer
// corner of the bottom margin. Left-hand (even) pages carry the book's
// title, right-hand (odd) pages the chapter's. Chapter openings, part
// pages, the title page and blank pages carry no running head; openings keep the
// folio (a "drop folio"), blank pages have none.
//
// Both are placed by their baselines: the head's headRaiseLines body
// pitches above the text block, the folio's folioDropLines below it. The
// geometry makes the head and foot margins deep enough that neither comes
// near the trim (geometry.go).
const (
	headScale      = 0.8
	headRaiseLines = 1.35
	folioDropLines = 1.65
)

// headSize is the type size of running heads and folios for body size s.
func headSize(s Length) Length { return Length(headScale * float64(s)) }

// runningHead draws the running head and the folio of a page whose text
// block starts at x; an opening page gets only the folio (show is false).
func (e *engine) runningHead(page *Page, x Length, chapter string, show bool) {
	title := e.b.Meta.Title
	if page.Number%2 == 1 {
		title = chapter
	}
	st := textStyle{role: RoleHeading, size: headSize(e.size), color: grayColor}
	pitch := Length(float64(st.size) * headingLineRatio)
	// setText puts a line's baseline this far below the line's top
	base := pitch/2 + Length(float64(st.size)*baselineDrop)
	e.ctx = blockCtx{}
	y := e.geo.top - e.geo.headRaise() - base
	if title != "" && show {
		for _, b := range e.setText([]span{{text: title, st: st}}, textOpts{center: true, size: st.size, pitch: pitch}) {
			for _, el := range b.els {
				page.Elements = append(page.Elements, shifted(el, x, y))
			}
			break // one line: a long title is cut rather than run into the text
		}
	}
	y = e.geo.top + e.geo.textH + e.geo.folioDrop() - base
	for _, b := range e.setText([]span{{text: strconv.Itoa(page.Number), st: st}}, textOpts{size: st.size, pitch: pitch}) {
		dx := x
		if page.Number%2 == 1 {
			dx += e.geo.textW - b.lineW
		}
		for _, el := range b.els {
			page.Elements = append(page.Elements, shifted(el, dx, y))
		}
	}
}
