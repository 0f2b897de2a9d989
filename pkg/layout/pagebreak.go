package layout

import "slices"

// This file breaks the stream of boxes into pages. It fills each page
// greedily (first fit), then backs up to the last place a break is allowed:
// after a box that does not keep with the next. Keeping is how the rules
// of book typography are expressed: a heading keeps with what follows, a
// paragraph's first line keeps with its second (no orphan) and its
// next-to-last with its last (no widow), so at least two lines of a
// paragraph stand at the foot and at the head of a page. When a page holds
// nothing but one long chain of kept boxes, the chain is broken where the
// page is full: an overfull page is worse than a widow.
//
// Three things keep a page from being left half empty or overfull:
//   - a figure that does not fit in the space left floats: the text that
//     follows it (up to the next figure or page break, headings included)
//     fills the page, and the figure heads the next one;
//   - footnotes too long to stand on one page with their reference are
//     split by lines and continue at the foot of the next page;
//   - a box taller than a whole page (a table row with long cells) is cut
//     between its lines of text.

// pageBoxes is one page of boxes, before it is assembled.
type pageBoxes struct {
	boxes []*vbox
	// header are table header rows repeated at the top.
	header []*vbox
	// notes are the footnote lines set at the foot of the page, in order:
	// first those continued from the page before, then the page's own.
	notes []*vbox
	// blank marks a page left empty so that a chapter opens on a recto.
	blank bool
}

// noteGap is the space reserved above the footnotes of a page for the
// separating rule, in body line pitches.
const noteGapLines = 1

// paginator holds the state of one pagination.
type paginator struct {
	boxes []*vbox
	h     Length // text block height
	pitch Length // the body line pitch
	gap   Length // space above the footnotes
	// carry are footnote lines that did not fit on the page of their
	// reference and go at the foot of the next page.
	carry []*vbox
}

// paginate breaks boxes into pages of text height h. first is the folio of
// the first page, which decides where recto breaks fall. boxes itself is
// not changed: floats and cuts work on a copy.
func paginate(boxes []*vbox, h, pitch Length, first int) []pageBoxes {
	p := &paginator{boxes: slices.Clone(boxes), h: h, pitch: pitch, gap: pitch * noteGapLines}
	var pages []pageBoxes
	for i := 0; i < len(p.boxes) || len(p.carry) > 0; {
		if len(p.carry) == 0 && p.boxes[i].brk == rectoBreak && (first+len(pages))%2 == 0 {
			pages = append(pages, pageBoxes{blank: true})
			continue
		}
		for i < len(p.boxes) && p.boxes[i].space && p.boxes[i].brk == noBreak {
			i++ // space at the top of a page goes
		}
		if i == len(p.boxes) && len(p.carry) == 0 {
			break
		}
		chapterEnd := i == len(p.boxes) || p.boxes[i].brk != noBreak
		pg := pageBoxes{}
		if i > 0 && i < len(p.boxes) && p.boxes[i].brk == noBreak {
			pg.header = p.boxes[i].more().header
		}
		avail := p.h - height(pg.header)
		if len(p.carry) > 0 {
			// Continued notes take at most half the page, so that the text
			// goes on beside them, and leave room for the box that heads
			// the page; when that box cannot stand beside even one line of
			// them, or the chapter ends, the page holds notes alone.
			limit := avail / 2
			if !chapterEnd {
				if first := p.chain(i); first <= avail && first > avail-p.gap-limit {
					limit = avail - p.gap - first
				}
			}
			notesOnly := chapterEnd || fitLines(p.carry, limit) == 0
			if notesOnly {
				limit = avail - p.gap
			}
			k := max(1, fitLines(p.carry, limit))
			pg.notes, p.carry = slices.Clone(p.carry[:k]), p.carry[k:]
			avail -= height(pg.notes) + p.gap
			if notesOnly {
				pages = append(pages, pg)
				continue
			}
		}
		// While notes are still carried, the page's own notes queue behind
		// them, to keep the notes in order.
		queue := len(p.carry) > 0
		end, split := p.fill(i, avail, queue, len(pg.notes) > 0)
		if split < 0 {
			end = p.float(i, end, avail, queue, len(pg.notes) > 0)
			if end == i+1 && p.boxes[i].h > p.h-height(pg.header) {
				p.cut(i, avail)
			} else if !queue {
				end = p.lastPage(i, end, avail, len(pg.notes) > 0)
			}
		}
		pg.boxes = p.boxes[i:end]
		for j, b := range pg.boxes {
			notes := b.more().notes
			if j == len(pg.boxes)-1 && split >= 0 {
				notes, p.carry = notes[:split], append(p.carry, notes[split:]...)
			}
			if queue {
				p.carry = append(p.carry, notes...)
			} else {
				pg.notes = append(pg.notes, notes...)
			}
		}
		pages = append(pages, pg)
		i = end
	}
	return pages
}

// minLastLines is the least a chapter's last page holds, in body lines.
const minLastLines = 3

// lastPage keeps a chapter from ending on a page of one or two lines
// (issue 12 item 11). When what follows the page boxes[start:end] up to
// the chapter's end is that short, the page ends earlier, at its last
// legal break at least half a line up, then a line up, and so on, by at
// most minLastLines lines, until the last page holds at least
// minLastLines lines; the page before it then runs that much short. The
// bottoms of pages are not aligned anyway: a page ends at its last legal
// break, and a kept heading or a paragraph's widow often leaves a line or
// two. It gives up, and lets the chapter end short, when no such break
// exists or the last page would no longer hold the rest. Running a page
// a line long instead would put text into the foot margin, which holds
// the folio; making the paragraphs before run a line longer or shorter
// (TeX's looseness) belongs to the line breaker. It returns the page's
// end.
func (p *paginator) lastPage(start, end int, avail Length, hasNotes bool) int {
	stop, short := p.restOfChapter(end)
	if end >= stop || !short {
		return end
	}
	for d := p.pitch / 2; d <= minLastLines*p.pitch; d += p.pitch / 2 {
		e, split := p.fill(start, avail-d, false, hasNotes)
		switch {
		case split >= 0 || e <= start:
			return end
		case e >= end, p.boxes[e-1].keep:
			continue // no earlier break yet, or one inside a kept chain
		}
		if last, split := p.fill(e, p.h, false, false); last < stop || split >= 0 {
			return end // the rest would no longer fit one page
		}
		// No page break lies between the page's start and end, so the
		// chapter ends at stop from e too.
		if _, short := p.restOfChapter(e); !short {
			return e
		}
	}
	return end
}

// restOfChapter finds the end of the chapter that boxes[from] belongs to
// when what is left of it from there is short: less than minLastLines
// lines of text and no figure. It stops looking as soon as it is not, so
// that a long chapter is not walked to its end for every page. stop is
// meaningful only when short is true.
func (p *paginator) restOfChapter(from int) (stop int, short bool) {
	var h Length
	for stop = from; stop < len(p.boxes) && p.boxes[stop].brk == noBreak; stop++ {
		b := p.boxes[stop]
		if b.float > 0 {
			return stop, false
		}
		if !b.space {
			if h += b.h; h >= minLastLines*p.pitch {
				return stop, false
			}
		}
	}
	return stop, true
}

// chain is the height of the boxes from boxes[i] up to the first one that
// does not keep with the next: what must stand together at a page's head.
func (p *paginator) chain(i int) Length {
	var h Length
	for ; i < len(p.boxes); i++ {
		h += p.boxes[i].h
		if !p.boxes[i].keep {
			break
		}
	}
	return h
}

// fill returns the end of the page that starts at boxes[start] and has
// room avail. queue is true when the page's notes wait for carried ones,
// hasNotes when the page shows notes already. split is -1, or, when the
// last box's notes are too long for any page, how many of its note lines
// the page holds.
func (p *paginator) fill(start int, avail Length, queue, hasNotes bool) (end, split int) {
	var used Length
	legal := -1 // the last index a page may end before
	notes := hasNotes
	for i := start; i < len(p.boxes); i++ {
		b := p.boxes[i]
		if i > start && b.brk != noBreak {
			return i, -1
		}
		need := b.h
		if !queue && len(b.more().notes) > 0 {
			need += height(b.more().notes)
			if !notes {
				need += p.gap
			}
		}
		if used+need > avail {
			if k := p.noteSplit(b, avail-used, notes, queue, i == start); k > 0 {
				return i + 1, k
			}
			if i > start {
				if legal > start {
					return legal, -1
				}
				return i, -1
			}
		}
		used += need
		notes = notes || (!queue && len(b.more().notes) > 0)
		if !b.keep {
			legal = i + 1
		}
	}
	return len(p.boxes), -1
}

// noteSplit returns how many of b's note lines to set on a page with room
// left, 0 to move b to the next page instead. Notes are split only when
// moving would not help: b and all its notes would not fit on an empty
// page either, or b already heads the page.
func (p *paginator) noteSplit(b *vbox, room Length, hasNotes, queue, heads bool) int {
	if queue || len(b.more().notes) == 0 {
		return 0
	}
	if !heads && b.h+height(b.more().notes)+p.gap <= p.h {
		return 0
	}
	if !hasNotes {
		room -= p.gap
	}
	return fitLines(b.more().notes, room-b.h)
}

// fitLines counts the leading boxes of lines whose heights add up to at
// most room.
func fitLines(lines []*vbox, room Length) int {
	k := 0
	for k < len(lines) && lines[k].h <= room {
		room -= lines[k].h
		k++
	}
	return k
}

// float lets the text after a figure fill the page when the figure, at
// boxes[end], does not fit on the page boxes[start:end]: the following
// boxes, up to the next figure or forced break, are tried on the page in
// its place, and as many as fit move above the figure. A figure may so
// move past a heading, as in most books: the alternative is a page left
// half empty. It moves at most to the head of the next page. It returns
// the page's new end.
//
// The moved text used to stop before any table or code block (issue 12
// item 10): a figure followed by a heading and a table, the common case
// in blog posts, then left the whole rest of the page white (44 mm on
// the sample book's fourth page at A5), because the heading keeps with
// the table and the table could not be cut.
func (p *paginator) float(start, end int, avail Length, queue, hasNotes bool) int {
	if end <= start || end >= len(p.boxes) || p.boxes[end].float == 0 || p.boxes[end].brk != noBreak {
		return end
	}
	text := end // the page's text, without the space that led to the figure
	for text > start && p.boxes[text-1].space {
		text--
	}
	group := min(end+p.boxes[end].float, len(p.boxes))
	follow := group
	for follow < len(p.boxes) {
		b := p.boxes[follow]
		if b.brk != noBreak || b.float > 0 {
			break
		}
		follow++
	}
	if follow == group {
		return end
	}
	trial := &paginator{boxes: slices.Concat(p.boxes[start:text], p.boxes[group:follow]), h: p.h, pitch: p.pitch, gap: p.gap}
	e, split := trial.fill(0, avail, queue, hasNotes)
	moved := e - (text - start)
	if split >= 0 {
		return end
	}
	// The moved text ends where a page may end. It may end inside a
	// table or a code block, which then go on below the figure as on a
	// new page: a table's header rows are repeated there.
	for moved > 0 && group+moved < len(p.boxes) && p.boxes[group+moved-1].keep {
		moved--
	}
	if moved <= 0 {
		return end
	}
	// boxes[text:group] (space and figure) go after the moved text.
	figure := slices.Clone(p.boxes[text:group])
	copy(p.boxes[text:], p.boxes[group:group+moved])
	copy(p.boxes[text+moved:], figure)
	after := text + moved + len(figure)
	if after < len(p.boxes) && p.boxes[after].inner {
		// the block goes on below the figure, a little apart from it
		cont := []*vbox{{h: Length(parSkip * float64(p.pitch)), space: true, keep: true}}
		p.boxes = slices.Insert(p.boxes, after, append(cont, repeatHeader(p.boxes[after].more().header)...)...)
	}
	return text + moved
}

// repeatHeader copies a table's header rows to stand again where the
// table goes on below a figure. The copies keep with the row after them
// and carry no anchors, notes or callbacks of the originals.
func repeatHeader(header []*vbox) []*vbox {
	out := make([]*vbox, len(header))
	for i, h := range header {
		out[i] = &vbox{h: h.h, base: h.base, lineW: h.lineW, els: h.els, keep: true, head: h.head, inner: true}
	}
	return out
}

// cut splits boxes[i], taller than the room avail, into a part that fits
// and the rest, between lines of text. When no such place exists the box
// stays whole and the page is overfull.
func (p *paginator) cut(i int, avail Length) {
	top, rest, ok := cutBox(p.boxes[i], avail)
	if !ok {
		return
	}
	p.boxes[i] = top
	p.boxes = slices.Insert(p.boxes, i+1, rest)
}

// cutBox splits b at the lowest height at most at that passes through no
// text, image or link, and returns the two parts. Rules and filled
// rectangles that cross the cut (cell borders, shading) are drawn in both
// parts.
func cutBox(b *vbox, at Length) (top, rest *vbox, ok bool) {
	y := at
	for moved := true; moved; {
		moved = false
		for _, el := range b.els {
			lo, hi, solid := extent(el)
			if solid && lo < y && y < hi {
				y, moved = lo, true
			}
		}
	}
	if y <= 0 {
		return nil, nil, false
	}
	top = &vbox{h: y, base: b.base, lineW: b.lineW, keep: true, brk: b.brk, head: b.head, opening: b.opening}
	rest = &vbox{h: b.h - y, keep: b.keep, head: b.head, inner: true}
	if x := b.more(); x != &noExtra {
		top.x = &boxExtra{header: x.header, notes: x.notes, refs: x.refs, placed: x.placed}
		if x.header != nil {
			rest.x = &boxExtra{header: x.header}
		}
	}
	for _, el := range b.els {
		lo, hi, _ := extent(el)
		if lo < y || hi == y {
			top.els = append(top.els, clipY(el, 0, y))
		}
		if hi > y {
			rest.els = append(rest.els, shifted(clipY(el, y, b.h), 0, -y))
		}
	}
	for _, a := range b.more().anchors {
		if a.Y < y {
			top.grow().anchors = append(top.more().anchors, a)
		} else {
			a.Y -= y
			rest.grow().anchors = append(rest.more().anchors, a)
		}
	}
	return top, rest, true
}

// textDepth and textHeight bound a line of text around its baseline, in
// font sizes: enough for Hangul and for descenders.
const (
	textHeight = 0.9
	textDepth  = 0.3
)

// extent is the vertical span of el; solid elements (text, images,
// links) cannot be cut.
func extent(el Element) (lo, hi Length, solid bool) {
	switch e := el.(type) {
	case Text:
		return e.Y - Length(textHeight*float64(e.Size)), e.Y + Length(textDepth*float64(e.Size)), true
	case Glyphs:
		lo, hi := glyphsSpan(e)
		return lo, hi, true
	case Image:
		return e.Y, e.Y + e.H, true
	case Link:
		return e.Y, e.Y + e.H, true
	case Rect:
		return e.Y, e.Y + e.H, false
	case Rule:
		return min(e.Y1, e.Y2), max(e.Y1, e.Y2), false
	}
	return 0, 0, false
}

// clipY clips a rule or rectangle to the band lo..hi; other elements are
// returned as they are.
func clipY(el Element, lo, hi Length) Element {
	switch e := el.(type) {
	case Rect:
		y0, y1 := max(e.Y, lo), min(e.Y+e.H, hi)
		e.Y, e.H = y0, max(0, y1-y0)
		return e
	case Rule:
		if e.X1 == e.X2 { // vertical: clip; a horizontal rule is left alone
			e.Y1, e.Y2 = max(min(e.Y1, e.Y2), lo), min(max(e.Y1, e.Y2), hi)
		}
		return e
	}
	return el
}

// height is the total height of boxes.
func height(boxes []*vbox) Length {
	var h Length
	for _, b := range boxes {
		h += b.h
	}
	return h
}
