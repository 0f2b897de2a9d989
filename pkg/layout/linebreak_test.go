package layout

import (
	"math"
	"math/rand/v2"
	"testing"
)

func box(w Length) Item             { return Item{Kind: BoxItem, Width: w} }
func glue(w, st, sh Length) Item    { return Item{Kind: GlueItem, Width: w, Stretch: st, Shrink: sh} }
func penalty(p int, flag bool) Item { return Item{Kind: PenaltyItem, Penalty: p, Flagged: flag} }
func parEnd() []Item {
	return []Item{penalty(InfPenalty, false), glue(0, FilStretch, 0), penalty(-InfPenalty, false)}
}
func constWidth(w Length) func(int) Length { return func(int) Length { return w } }

// TestBreakSimple is a paragraph small enough to check by hand: three words
// of width 3 with spaces of 1 (stretch 1, shrink 1) on lines of 7 fit two to
// a line exactly, so total fit breaks after the second word.
func TestBreakSimple(t *testing.T) {
	items := []Item{box(3), glue(1, 1, 1), box(3), glue(1, 1, 1), box(3)}
	items = append(items, parEnd()...)
	breaks, ok := Break(items, constWidth(7), DefaultParams())
	if !ok || len(breaks) != 2 || breaks[0] != 3 || breaks[1] != len(items)-1 {
		t.Fatalf("Break = %v, %v; want [3 %d], true", breaks, ok, len(items)-1)
	}
}

// TestBreakTotalFit shows total fit beating first fit: first fit puts two
// short words on line 1 and leaves a very loose line 2; total fit balances.
func TestBreakTotalFit(t *testing.T) {
	// widths: 4 4 4 9 with spaces 1+1-0; measure 10.
	items := []Item{box(4), glue(1, 2, 0), box(4), glue(1, 2, 0), box(4), glue(1, 2, 0), box(9)}
	items = append(items, parEnd()...)
	first := BreakFirstFit(items, constWidth(10), DefaultParams())
	best, ok := Break(items, constWidth(10), Params{Tolerance: InfBadness, LinePenalty: 10, FitnessDemerits: 10000})
	if !ok {
		t.Fatal("Break found nothing")
	}
	if first[0] != 3 {
		t.Errorf("first fit broke at %v, expected after two words", first)
	}
	total := func(b []int) int64 {
		d, feasible := referenceDemerits(items, b, constWidth(10), Params{Tolerance: InfBadness, LinePenalty: 10, FitnessDemerits: 10000})
		if !feasible {
			return math.MaxInt64
		}
		return d
	}
	if total(best) > total(first) {
		t.Errorf("total fit %v (%d) worse than first fit %v (%d)", best, total(best), first, total(first))
	}
}

func TestBreakInfeasible(t *testing.T) {
	items := []Item{box(30), glue(1, 1, 1), box(3)}
	items = append(items, parEnd()...)
	if _, ok := Break(items, constWidth(10), DefaultParams()); ok {
		t.Error("Break succeeded with a box wider than the line")
	}
	breaks := BreakFirstFit(items, constWidth(10), DefaultParams())
	if len(breaks) != 2 || breaks[0] != 1 {
		t.Errorf("BreakFirstFit = %v, want the wide box alone on line 1", breaks)
	}
}

func TestBreakImplicitEnd(t *testing.T) {
	items := []Item{box(3), glue(1, 1, 1), box(3)}
	breaks, ok := Break(items, constWidth(7), Params{Tolerance: InfBadness})
	if !ok || len(breaks) != 1 || breaks[0] != len(items) {
		t.Errorf("Break = %v, %v; want [%d] true", breaks, ok, len(items))
	}
}

// randomParagraph makes a small paragraph of boxes, glue and penalties whose
// widths never decrease along a line (glue shrinks less than its width), the
// model's standing assumption.
func randomParagraph(rng *rand.Rand) []Item {
	var items []Item
	n := 1 + rng.IntN(13)
	for i := 0; i < n; i++ {
		items = append(items, box(Length(1+rng.IntN(8))))
		if i == n-1 {
			break
		}
		switch rng.IntN(16) {
		case 0:
			items = append(items, penalty(rng.IntN(700)-200, rng.IntN(2) == 0), box(Length(rng.IntN(6))))
		case 1:
			items = append(items, parEnd()...)
			continue
		}
		w := Length(1 + rng.IntN(4))
		items = append(items, glue(w, Length(rng.IntN(4)), Length(rng.IntN(int(w)+1))))
		if rng.IntN(6) == 0 {
			items = append(items, penalty(InfPenalty, false))
		}
	}
	return append(items, parEnd()...)
}

func randomParams(rng *rand.Rand) Params {
	return Params{
		Tolerance:       []int{50, 100, 200, 1000, InfBadness}[rng.IntN(5)],
		LinePenalty:     []int{0, 10, 100}[rng.IntN(3)],
		FlaggedDemerits: []int{0, 3000}[rng.IntN(2)],
		FitnessDemerits: []int{0, 100, 10000}[rng.IntN(3)],
		VaryingLines:    rng.IntN(3),
	}
}

// TestBreakMatchesBruteForce checks Knuth–Plass against exhaustive search on
// thousands of random paragraphs: both must agree on whether a solution
// exists, and the breaks Knuth–Plass returns must cost the minimum.
func TestBreakMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1981, 11))
	for trial := 0; trial < 5000; trial++ {
		items := randomParagraph(rng)
		p := randomParams(rng)
		shape := []Length{Length(8 + rng.IntN(20)), Length(8 + rng.IntN(20)), Length(8 + rng.IntN(20))}
		widths := func(n int) Length { return shape[min(n, 2)] }
		want, feasible := bruteForce(items, widths, p)
		breaks, ok := Break(items, widths, p)
		if ok != feasible {
			t.Fatalf("trial %d: Break ok=%v, brute force feasible=%v\nitems %v\nparams %+v shape %v", trial, ok, feasible, items, p, shape)
		}
		if !ok {
			continue
		}
		got, valid := referenceDemerits(items, breaks, widths, p)
		if !valid || got != want {
			t.Fatalf("trial %d: Break %v costs %d (valid %v), minimum is %d\nitems %v\nparams %+v shape %v", trial, breaks, got, valid, want, items, p, shape)
		}
	}
}

// refLine measures a line the slow way: from the item after the previous
// break, skipping discardable items, to the break.
func refLine(items []Item, prev, b int) (w, st, sh Length, fil int) {
	s := 0
	if prev >= 0 {
		s = prev + 1
		for s < len(items) && items[s].Kind != BoxItem && !(items[s].Kind == PenaltyItem && items[s].Penalty <= -InfPenalty) {
			s++
		}
	}
	for i := s; i < b; i++ {
		it := items[i]
		switch {
		case it.Kind == BoxItem:
			w += it.Width
		case it.Kind == GlueItem && it.Stretch >= FilStretch:
			w, sh, fil = w+it.Width, sh+it.Shrink, fil+1
		case it.Kind == GlueItem:
			w, st, sh = w+it.Width, st+it.Stretch, sh+it.Shrink
		}
	}
	if b < len(items) && items[b].Kind == PenaltyItem {
		w += items[b].Width
	}
	return w, st, sh, fil
}

// refDemerits is the paper's formula for one line, written out again.
func refDemerits(items []Item, prev, b int, r float64, prevFit int, p Params) (int64, int) {
	bad := int64(badness(r))
	if bad >= InfBadness { // ranked on past saturation, as the breaker does
		bad = maxRankBadness
		if b3 := 100 * math.Abs(r*r*r); b3 < maxRankBadness {
			bad = max(int64(math.Round(b3)), InfBadness)
		}
	}
	d := (int64(p.LinePenalty) + bad) * (int64(p.LinePenalty) + bad)
	it := items[b]
	if it.Kind == PenaltyItem {
		pp := int64(it.Penalty)
		if pp >= 0 {
			d += pp * pp
		} else if pp > -InfPenalty {
			d -= pp * pp
		}
		if it.Flagged && prev >= 0 && items[prev].Kind == PenaltyItem && items[prev].Flagged {
			d += int64(p.FlaggedDemerits)
		}
	}
	fit := fitness(r)
	if diff := fit - prevFit; diff > 1 || diff < -1 {
		d += int64(p.FitnessDemerits)
	}
	return d, fit
}

func refLegal(items []Item, b int) bool {
	it := items[b]
	return (it.Kind == PenaltyItem && it.Penalty < InfPenalty) || (it.Kind == GlueItem && b > 0 && items[b-1].Kind == BoxItem)
}

// referenceDemerits is the total demerits of a given set of breaks, and
// whether every line is feasible and every forced break taken.
func referenceDemerits(items []Item, breaks []int, widths func(int) Length, p Params) (int64, bool) {
	prev, prevFit, total := -1, fitDecent, int64(0)
	for n, b := range breaks {
		if b <= prev || b >= len(items) || !refLegal(items, b) {
			return 0, false
		}
		for i := prev + 1; i < b; i++ {
			if items[i].Kind == PenaltyItem && items[i].Penalty <= -InfPenalty {
				return 0, false // skipped a forced break
			}
		}
		w, st, sh, fil := refLine(items, prev, b)
		r := ratio(sums{w, st, sh, fil}, widths(min(n, p.VaryingLines)))
		if r < -1 || badness(r) > p.Tolerance {
			return 0, false
		}
		d, fit := refDemerits(items, prev, b, r, prevFit, p)
		total += d
		prev, prevFit = b, fit
	}
	return total, prev == len(items)-1
}

// bruteForce tries every set of breaks and returns the least total demerits.
func bruteForce(items []Item, widths func(int) Length, p Params) (int64, bool) {
	best, found := int64(math.MaxInt64), false
	var walk func(prev, line, prevFit int, acc int64)
	walk = func(prev, line, prevFit int, acc int64) {
		if prev == len(items)-1 {
			if acc < best {
				best = acc
			}
			found = true
			return
		}
		for b := prev + 1; b < len(items); b++ {
			if !refLegal(items, b) {
				continue
			}
			w, st, sh, fil := refLine(items, prev, b)
			r := ratio(sums{w, st, sh, fil}, widths(min(line, p.VaryingLines)))
			if r >= -1 && badness(r) <= p.Tolerance {
				d, fit := refDemerits(items, prev, b, r, prevFit, p)
				walk(b, line+1, fit, acc+d)
			}
			if items[b].Kind == PenaltyItem && items[b].Penalty <= -InfPenalty {
				return // a line cannot run past a forced break
			}
		}
	}
	walk(-1, 0, fitDecent, 0)
	return best, found
}

// FuzzBreak feeds Knuth–Plass and first fit arbitrary items: they must not
// panic, must return increasing legal breaks, and must agree with brute force
// when the paragraph is small.
func FuzzBreak(f *testing.F) {
	f.Add([]byte{3, 1, 1, 1, 3, 1, 1, 1, 3}, uint8(7), uint8(2))
	f.Add([]byte{30, 1, 1, 1, 3, 2, 200, 0}, uint8(10), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, width, tol uint8) {
		items := itemsFromBytes(data)
		p := DefaultParams()
		p.Tolerance = int(tol) * 50
		widths := constWidth(Length(width))
		breaks, ok := Break(items, widths, p)
		greedy := BreakFirstFit(items, widths, p)
		for _, bs := range [][]int{breaks, greedy} {
			for i := 1; i < len(bs); i++ {
				if bs[i] <= bs[i-1] {
					t.Fatalf("breaks not increasing: %v", bs)
				}
			}
		}
		if len(items) > 0 && len(greedy) == 0 {
			t.Fatalf("first fit returned no breaks for %d items", len(items))
		}
		if ok && len(items) <= 14 && isMonotone(items) && endsForced(items) {
			want, feasible := bruteForce(items, widths, p)
			got, valid := referenceDemerits(items, breaks, widths, p)
			if !feasible || !valid || got != want {
				t.Fatalf("Break %v: %d valid=%v; brute force %d feasible=%v", breaks, got, valid, want, feasible)
			}
		}
	})
}

// itemsFromBytes reads items four bytes at a time: kind, width, stretch or
// penalty, shrink; the last is forced to be a paragraph end half the time.
func itemsFromBytes(data []byte) []Item {
	var items []Item
	for len(data) >= 4 {
		k, w, a, b := data[0]%3, Length(data[1]%40), data[2], Length(data[3]%8)
		data = data[4:]
		switch k {
		case 0:
			items = append(items, box(w))
		case 1:
			items = append(items, glue(w, Length(a%8), min(b, w)))
		default:
			items = append(items, penalty((int(a)-128)*100, a%2 == 0))
		}
	}
	if len(data) > 0 && data[0]%2 == 0 {
		items = append(items, parEnd()...)
	}
	return items
}

func isMonotone(items []Item) bool {
	for _, it := range items {
		if it.Width < 0 || it.Shrink > it.Width || (it.Kind == PenaltyItem && it.Width != 0) {
			return false
		}
	}
	return true
}

func endsForced(items []Item) bool {
	n := len(items)
	return n > 0 && items[n-1].Kind == PenaltyItem && items[n-1].Penalty <= -InfPenalty
}
