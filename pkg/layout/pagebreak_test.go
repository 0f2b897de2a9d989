package layout

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPaginateShapes breaks random streams of abstract paragraphs and
// headings into pages and checks the rules of page breaking: no page ends
// with a paragraph's first line alone (orphan) or starts with its last
// line alone (widow), no page ends with a heading, no page is overfull
// unless it holds a single kept chain, and every box is placed once, in
// order.
func TestPaginateShapes(t *testing.T) {
	const pitch = 10
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 300 {
		boxes, roles := randomStream(rng, pitch)
		lines := 5 + rng.IntN(20)
		pages := paginate(boxes, Length(lines*pitch), pitch, 1)
		next := 0
		for pi, pg := range pages {
			for _, b := range pg.boxes {
				for next < len(boxes) && boxes[next] != b {
					if !boxes[next].space {
						t.Fatalf("iter %d: box %d skipped", iter, next)
					}
					next++
				}
				next++
			}
			checkPageShape(t, iter, pi, pg, boxes, roles, Length(lines*pitch))
		}
		if next < len(boxes) && !boxes[len(boxes)-1].space {
			t.Fatalf("iter %d: %d boxes placed of %d", iter, next, len(boxes))
		}
	}
}

// Roles of abstract boxes.
const (
	roleLine = iota
	roleFirst
	roleLast
	roleHeading
	roleSpace
)

// randomStream makes headings and paragraphs of 1–8 lines, shaped as
// the engine shapes them (keepShape, kept headings).
func randomStream(rng *rand.Rand, pitch Length) ([]*vbox, map[*vbox]int) {
	var boxes []*vbox
	roles := map[*vbox]int{}
	for range 5 + rng.IntN(30) {
		if rng.IntN(4) == 0 {
			h := &vbox{h: pitch * 2, keep: true}
			roles[h] = roleHeading
			boxes = append(boxes, h)
		}
		n := 1 + rng.IntN(8)
		var par []*vbox
		for i := range n {
			b := &vbox{h: pitch}
			roles[b] = roleLine
			if n > 1 && i == 0 {
				roles[b] = roleFirst
			}
			if n > 1 && i == n-1 {
				roles[b] = roleLast
			}
			par = append(par, b)
		}
		keepShape(par)
		boxes = append(boxes, par...)
		sp := &vbox{h: pitch / 2, space: true}
		roles[sp] = roleSpace
		boxes = append(boxes, sp)
	}
	return boxes, roles
}

func checkPageShape(t *testing.T, iter, pi int, pg pageBoxes, all []*vbox, roles map[*vbox]int, h Length) {
	bs := pg.boxes
	if len(bs) == 0 {
		return
	}
	lastIdx := indexOf(all, bs[len(bs)-1])
	atEnd := lastIdx == len(all)-1
	kept := true
	for _, b := range bs[:len(bs)-1] {
		kept = kept && b.keep
	}
	if height(bs) > h && !kept {
		t.Errorf("iter %d page %d: overfull (%d > %d) though it could break", iter, pi, height(bs), h)
	}
	if kept && height(bs) > h {
		return // a chain longer than a page must break somewhere
	}
	if !atEnd {
		if r := roles[bs[len(bs)-1]]; r == roleFirst || r == roleHeading {
			t.Errorf("iter %d page %d: ends with role %d", iter, pi, r)
		}
	}
	if roles[bs[0]] == roleLast {
		t.Errorf("iter %d page %d: starts with a widow", iter, pi)
	}
}

func indexOf(all []*vbox, b *vbox) int {
	for i, x := range all {
		if x == b {
			return i
		}
	}
	return -1
}

// paragraph makes n lines of height pitch shaped as the engine shapes a
// paragraph.
func paragraph(n int, pitch Length) []*vbox {
	var par []*vbox
	for range n {
		par = append(par, &vbox{h: pitch})
	}
	keepShape(par)
	return par
}

// figure makes an image of height h with one caption line.
func figure(h, pitch Length) []*vbox {
	img := &vbox{h: h, keep: true, float: 2, els: []Element{Image{H: h}}}
	return []*vbox{img, {h: pitch}}
}

// TestFloatFillsPage: a figure that does not fit below the first
// paragraph lets the next paragraph fill the page, and heads the next
// page; a heading that cannot bring two lines of its text along stays
// below the figure.
func TestFloatFillsPage(t *testing.T) {
	const pitch = 10
	first := paragraph(12, pitch)
	fig := figure(10*pitch, pitch)
	second := paragraph(5, pitch)
	head := &vbox{h: 2 * pitch, keep: true}
	third := paragraph(6, pitch)
	var boxes []*vbox
	boxes = append(boxes, first...)
	boxes = append(boxes, &vbox{h: pitch / 2, space: true})
	boxes = append(boxes, fig...)
	boxes = append(boxes, &vbox{h: pitch / 2, space: true})
	boxes = append(boxes, second...)
	boxes = append(boxes, head)
	boxes = append(boxes, third...)
	orig := slices.Clone(boxes)
	pages := paginate(boxes, 20*pitch, pitch, 1)
	if !slices.Equal(boxes, orig) {
		t.Fatal("paginate changed its input")
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	p1, p2 := pages[0].boxes, pages[1].boxes
	if !slices.Contains(p1, second[4]) || slices.Contains(p1, fig[0]) {
		t.Errorf("page 1 should hold both paragraphs and not the figure")
	}
	if p2[0] != fig[0] || p2[1] != fig[1] {
		t.Errorf("page 2 should start with the figure and its caption")
	}
	if !slices.Contains(p2, head) || slices.Index(p2, head) < 2 {
		t.Errorf("the heading should follow the figure on page 2")
	}
}

// TestFloatPassesHeading: a heading and its text that fit the space a
// figure leaves move above it, so that the page is not left half empty.
func TestFloatPassesHeading(t *testing.T) {
	const pitch = 10
	var boxes []*vbox
	boxes = append(boxes, paragraph(15, pitch)...)
	fig := figure(8*pitch, pitch)
	boxes = append(boxes, fig...)
	head := &vbox{h: 2 * pitch, keep: true}
	boxes = append(boxes, head)
	boxes = append(boxes, paragraph(3, pitch)...)
	pages := paginate(boxes, 20*pitch, pitch, 1)
	if len(pages) != 2 || !slices.Contains(pages[0].boxes, head) || pages[1].boxes[0] != fig[0] {
		t.Errorf("want the heading and its text on page 1 and the figure heading page 2")
	}
}

// TestLongNotesSplit: notes longer than a page continue at the foot of
// the next pages, in order, each line once, and no page is overfull.
func TestLongNotesSplit(t *testing.T) {
	const pitch, lines = 10, 20
	h := Length(lines * pitch)
	for _, noteLines := range []int{5, 19, 25, 47} {
		var boxes []*vbox
		boxes = append(boxes, paragraph(14, pitch)...)
		ref := &vbox{h: pitch}
		var want []*vbox
		for range noteLines {
			want = append(want, &vbox{h: pitch * 8 / 10})
		}
		ref.grow().notes = want
		boxes = append(boxes, ref)
		later := &vbox{h: pitch, x: &boxExtra{notes: []*vbox{{h: pitch * 8 / 10}}}}
		boxes = append(boxes, paragraph(10, pitch)...)
		boxes = append(boxes, later)
		boxes = append(boxes, paragraph(30, pitch)...)
		want = append(want, later.x.notes...)
		pages := paginate(boxes, h, pitch, 1)
		var got []*vbox
		refPage := -1
		for pi, pg := range pages {
			got = append(got, pg.notes...)
			used := height(pg.boxes) + height(pg.notes)
			if len(pg.notes) > 0 {
				used += pitch * noteGapLines
			}
			if used > h {
				t.Errorf("%d note lines: page %d overfull: %d > %d", noteLines, pi, used, h)
			}
			if slices.Contains(pg.boxes, ref) {
				refPage = pi
				if len(pg.notes) == 0 || pg.notes[0] != want[0] {
					t.Errorf("%d note lines: the note does not start on the page of its reference", noteLines)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d note lines: %d lines placed, want %d in order", noteLines, len(got), len(want))
		}
		if refPage < 0 {
			t.Errorf("%d note lines: the reference was not placed", noteLines)
		}
	}
}

// TestCutTallBox: a box taller than a page is cut between its lines, and
// rules crossing the cut are drawn on both sides.
func TestCutTallBox(t *testing.T) {
	const pitch = 10
	b := &vbox{h: 30 * pitch}
	for i := range 30 {
		b.els = append(b.els, Text{Y: Length(i*pitch) + 8, Size: 8, Text: "가"})
	}
	b.els = append(b.els, Rule{X1: 0, Y1: 0, X2: 0, Y2: b.h}, Rule{X1: 0, Y1: b.h, X2: 50, Y2: b.h})
	pages := paginate([]*vbox{b}, 12*pitch, pitch, 1)
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	texts := 0
	for pi, pg := range pages {
		if len(pg.boxes) != 1 || pg.boxes[0].h > 12*pitch {
			t.Fatalf("page %d: %d boxes, %d high", pi, len(pg.boxes), height(pg.boxes))
		}
		vertical := false
		for _, el := range pg.boxes[0].els {
			lo, hi, _ := extent(el)
			if lo < 0 || hi > pg.boxes[0].h {
				t.Errorf("page %d: element %v outside its box", pi, el)
			}
			if _, ok := el.(Text); ok {
				texts++
			}
			if r, ok := el.(Rule); ok && r.X1 == r.X2 && r.Y2 > r.Y1 {
				vertical = true
			}
		}
		if !vertical {
			t.Errorf("page %d: the vertical rule is missing", pi)
		}
	}
	if texts != 30 {
		t.Errorf("%d lines of text placed, want 30", texts)
	}
}

// TestPaginateFloatsAndNotes breaks random streams of paragraphs,
// headings, figures and footnotes and checks what floating and note
// splitting must keep: every box and note line placed once; text in its
// order; a figure whole, never earlier than it stands and never past a
// heading that follows it; notes in order; no page overfull unless it
// holds one kept chain; a figure moves at most to the head of the next
// page.
func TestPaginateFloatsAndNotes(t *testing.T) {
	const pitch = 10
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := range 500 {
		lines := 8 + rng.IntN(20)
		h := Length(lines * pitch)
		var boxes, notes []*vbox
		figs := map[*vbox]bool{}
		for range 3 + rng.IntN(25) {
			switch rng.IntN(6) {
			case 0:
				boxes = append(boxes, &vbox{h: 2 * pitch, keep: true})
			case 1:
				f := figure(Length(1+rng.IntN(lines-3))*pitch, pitch)
				figs[f[0]] = true
				boxes = append(boxes, f...)
			}
			par := paragraph(1+rng.IntN(10), pitch)
			for _, b := range par {
				if rng.IntN(8) == 0 {
					for range 1 + rng.IntN(2*lines) {
						b.grow().notes = append(b.more().notes, &vbox{h: pitch * 8 / 10})
					}
					notes = append(notes, b.more().notes...)
				}
			}
			boxes = append(boxes, par...)
			boxes = append(boxes, &vbox{h: pitch / 2, space: true})
		}
		pages := paginate(boxes, h, pitch, 1)
		var placed, placedNotes []*vbox
		for pi, pg := range pages {
			placed = append(placed, pg.boxes...)
			placedNotes = append(placedNotes, pg.notes...)
			used := height(pg.boxes) + height(pg.notes)
			if len(pg.notes) > 0 {
				used += pitch * noteGapLines
			}
			kept := true
			for _, b := range pg.boxes[:max(0, len(pg.boxes)-1)] {
				kept = kept && b.keep
			}
			if used > h && !kept {
				t.Fatalf("iter %d page %d: overfull (%d > %d)", iter, pi, used, h)
			}
			for j, b := range pg.boxes {
				if figs[b] && (j+1 >= len(pg.boxes) || pg.boxes[j+1] != boxes[indexOf(boxes, b)+1]) {
					t.Fatalf("iter %d page %d: figure separated from its caption", iter, pi)
				}
			}
		}
		if !slices.Equal(placedNotes, notes) {
			for i := range placedNotes {
				if placedNotes[i] != notes[i] {
					t.Logf("first mismatch at %d", i)
					break
				}
			}
			for pi, pg := range pages {
				var ids []int
				for _, n := range pg.notes {
					ids = append(ids, indexOf(notes, n))
				}
				var bs []int
				for _, b := range pg.boxes {
					bs = append(bs, indexOf(boxes, b))
				}
				t.Logf("page %d boxes %v notes %v", pi, bs, ids)
			}
			t.Fatalf("iter %d: %d note lines placed of %d, or out of order", iter, len(placedNotes), len(notes))
		}
		// Text keeps its order; figures move only later, and not past a
		// heading.
		captions := map[*vbox]bool{}
		for f := range figs {
			captions[boxes[indexOf(boxes, f)+1]] = true
		}
		var text, want []*vbox
		for _, b := range boxes {
			if !b.space && !figs[b] && !captions[b] {
				want = append(want, b)
			}
		}
		seen := map[*vbox]bool{}
		for _, b := range placed {
			if seen[b] {
				t.Fatalf("iter %d: a box is placed twice", iter)
			}
			seen[b] = true
			if !b.space && !figs[b] && !captions[b] {
				text = append(text, b)
			}
		}
		if len(text) != len(want) {
			t.Fatalf("iter %d: %d text boxes placed, want %d", iter, len(text), len(want))
		}
		for i := range text {
			if text[i] != want[i] {
				t.Fatalf("iter %d: text out of order at %d", iter, i)
			}
		}
		pageOf := map[*vbox]int{}
		for pi, pg := range pages {
			for _, b := range pg.boxes {
				pageOf[b] = pi
			}
		}
		for f := range figs {
			orig := indexOf(boxes, f)
			at := indexOf(placed, f)
			for _, b := range boxes[:orig] {
				if !b.space && indexOf(placed, b) > at {
					t.Fatalf("iter %d: a figure moved above text that preceded it", iter)
				}
			}
			// It goes no further than the page after the later of its
			// text's page and the previous figure's page (pages of notes
			// alone aside): figures queue, in order, one page at a time.
			prev := 0
			for _, x := range boxes[:orig] {
				if !x.space {
					prev = max(prev, pageOf[x])
				}
			}
			next := prev + 1
			for next < len(pages) && len(pages[next].boxes) == 0 {
				next++
			}
			if pageOf[f] > next {
				t.Fatalf("iter %d: a figure went to page %d, more than a page after %d", iter, pageOf[f], prev)
			}
		}
	}
}

// Issue 12 item 10: text moved above a figure that does not fit may end
// inside a code block or a table, where a page may end; the table goes on
// below the figure with its header rows repeated, and the page is filled.
func TestFloatFillsPageBeforeBlocksIssue12Item10(t *testing.T) {
	const pitch = 10
	for _, blockLines := range []int{3, 6, 12} {
		for _, table := range []bool{false, true} {
			var boxes []*vbox
			boxes = append(boxes, paragraph(12, pitch)...)
			fig := figure(10*pitch, pitch)
			boxes = append(boxes, fig...)
			head := &vbox{h: 2 * pitch, keep: true}
			boxes = append(boxes, head)
			var header []*vbox
			var block []*vbox
			if table {
				header = []*vbox{{h: pitch, keep: true, els: []Element{Text{Text: "머리"}}}}
				block = append(block, header...)
			}
			for i := range blockLines {
				block = append(block, &vbox{h: pitch, inner: i > 0 || table, x: &boxExtra{header: header}})
			}
			keepShape(block[len(header):])
			boxes = append(boxes, block...)
			boxes = append(boxes, paragraph(4, pitch)...)
			pages := paginate(boxes, 20*pitch, pitch, 1)
			first, second := pages[0].boxes, pages[1].boxes
			if got := height(first); got < 18*pitch {
				t.Errorf("%d-line block (table %v): page 1 holds %d of 20 lines", blockLines, table, got/pitch)
			}
			if second[0] != fig[0] {
				t.Errorf("%d-line block (table %v): page 2 does not start with the figure", blockLines, table)
				continue
			}
			moved := 0
			for _, b := range block {
				if slices.Contains(first, b) {
					moved++
				}
			}
			k := 2 // after the figure and its caption, space, then the header again
			for k < len(second) && second[k].space {
				k++
			}
			if rest := len(block) - moved; table && rest > 0 && (k == 2 || k >= len(second) || len(second[k].els) == 0 || second[k].els[0] != header[0].els[0]) {
				t.Errorf("%d-line table: %d rows below the figure without space and their header", blockLines, rest)
			}
		}
	}
}

// Issue 12 item 11: a chapter does not end on a page of one or two
// lines: the page before ends a line or two earlier, at a legal break,
// and the last page holds at least minLastLines lines.
func TestChapterEndIssue12Item11(t *testing.T) {
	const pitch = 10
	for total := 20; total <= 60; total++ {
		var boxes []*vbox
		// paragraphs of 5 lines with half a line between them, then the
		// next chapter
		left := total
		for left > 0 {
			n := min(5, left)
			boxes = append(boxes, paragraph(n, pitch)...)
			boxes = append(boxes, &vbox{h: pitch / 2, space: true})
			left -= n
		}
		next := &vbox{h: 3 * pitch, brk: pageBreak, keep: true}
		boxes = append(boxes, next, &vbox{h: pitch})
		pages := paginate(boxes, 20*pitch, pitch, 1)
		last := pages[len(pages)-2] // the chapter's last page
		lines := 0
		for _, b := range last.boxes {
			if !b.space {
				lines++
			}
		}
		if len(pages) > 2 && lines < minLastLines {
			t.Errorf("%d lines: the chapter's last page holds %d", total, lines)
		}
		for i, pg := range pages[:len(pages)-1] {
			if h := height(pg.boxes); h < 20*pitch-(minLastLines+2)*pitch && i < len(pages)-2 {
				t.Errorf("%d lines: page %d holds only %d lines' height", total, i+1, h/pitch)
			}
		}
	}
}
