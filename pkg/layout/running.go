package layout

import "strconv"

// Running heads and folios sit outside the text block: the head centred
// in the top margin, a little above the text; the folio at the outer
// corner of the bottom margin. Left-hand (even) pages carry the book's
// title, right-hand (odd) pages the chapter's. Chapter openings, part
// pages, the title page and blank pages carry no running head; openings keep the
// folio (a "drop folio"), blank pages have none.
const (
	headScale = 0.8
	// headRaise is how far above the text block the head's baseline
	// sits, and folioDrop how far below it the folio's, in body pitches.
	headRaise = 1.2
	folioDrop = 1.8
)

// runningHead draws the running head and the folio of a page whose text
// block starts at x; an opening page gets only the folio (show is false).
func (e *engine) runningHead(page *Page, x Length, chapter string, show bool) {
	title := e.b.Meta.Title
	if page.Number%2 == 1 {
		title = chapter
	}
	st := textStyle{role: RoleHeading, size: Length(headScale * float64(e.size)), color: grayColor}
	pitch := Length(float64(st.size) * headingLineRatio)
	e.ctx = blockCtx{}
	y := e.geo.top - Length(headRaise*float64(e.pitch)) - pitch
	if title != "" && show {
		for _, b := range e.setText([]span{{text: title, st: st}}, textOpts{center: true, size: st.size, pitch: pitch}) {
			for _, el := range b.els {
				page.Elements = append(page.Elements, shifted(el, x, y))
			}
			break // one line: a long title is cut rather than run into the text
		}
	}
	y = e.geo.top + e.geo.textH + Length(folioDrop*float64(e.pitch)) - pitch
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
