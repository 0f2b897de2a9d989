package layout

// This file breaks the stream of boxes into pages. It fills each page
// greedily (first fit), then backs up to the last place a break is allowed:
// after a box that does not keep with the next. Keeping is how the rules
// of book typography are expressed: a heading keeps with what follows, a
// paragraph's first line keeps with its second (no orphan) and its
// next-to-last with its last (no widow), so at least two lines of a
// paragraph stand at the foot and at the head of a page. When a page holds
// nothing but one long chain of kept boxes, the chain is broken where the
// page is full: an overfull page is worse than a widow.

// pageBoxes is one page of boxes, before it is assembled.
type pageBoxes struct {
	boxes []*vbox
	// header are table header rows repeated at the top.
	header []*vbox
	// blank marks a page left empty so that a chapter opens on a recto.
	blank bool
}

// noteGap is the space reserved above the footnotes of a page for the
// separating rule, in body line pitches.
const noteGapLines = 1

// paginate breaks boxes into pages of text height h. first is the folio of
// the first page, which decides where recto breaks fall.
func paginate(boxes []*vbox, h, pitch Length, first int) []pageBoxes {
	var pages []pageBoxes
	for i := 0; i < len(boxes); {
		if boxes[i].brk == rectoBreak && (first+len(pages))%2 == 0 {
			pages = append(pages, pageBoxes{blank: true})
			continue
		}
		for i < len(boxes) && boxes[i].space && boxes[i].brk == noBreak {
			i++ // space at the top of a page goes
		}
		if i == len(boxes) {
			break
		}
		pg := pageBoxes{}
		if i > 0 && boxes[i].brk == noBreak {
			pg.header = boxes[i].header
		}
		end := fill(boxes, i, h-height(pg.header), pitch*noteGapLines)
		pg.boxes = boxes[i:end]
		pages = append(pages, pg)
		i = end
	}
	return pages
}

// fill returns the end of the page that starts at boxes[start] and has
// room avail, with gap reserved above footnotes.
func fill(boxes []*vbox, start int, avail, gap Length) int {
	var used Length
	legal := -1 // the last index a page may end before
	notes := false
	for i := start; i < len(boxes); i++ {
		b := boxes[i]
		if i > start && b.brk != noBreak {
			return i
		}
		need := b.h + height(b.notes)
		if len(b.notes) > 0 && !notes {
			need += gap
		}
		if used+need > avail && i > start {
			if legal > start {
				return legal
			}
			return i
		}
		used += need
		notes = notes || len(b.notes) > 0
		if !b.keep {
			legal = i + 1
		}
	}
	return len(boxes)
}

// height is the total height of boxes.
func height(boxes []*vbox) Length {
	var h Length
	for _, b := range boxes {
		h += b.h
	}
	return h
}
