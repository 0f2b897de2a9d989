package layout

import (
	"math/rand/v2"
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
