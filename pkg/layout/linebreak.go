package layout

import "math"

// This file is the total-fit line breaker of Knuth & Plass, "Breaking
// Paragraphs into Lines", Software—Practice and Experience 11 (1981), in the
// box/glue/penalty model of that paper, with TeX's numbers (The TeXbook,
// chapter 14) as defaults.

// ItemKind tells boxes, glue and penalties apart.
type ItemKind uint8

const (
	// BoxItem is material of fixed width: a letter, a cluster of letters, an
	// indent. A line never breaks at a box.
	BoxItem ItemKind = iota
	// GlueItem is space that may stretch and shrink. A line may break at glue
	// that directly follows a box; the glue then vanishes.
	GlueItem
	// PenaltyItem is a possible break with a cost: Penalty ≥ InfPenalty
	// forbids a break, Penalty ≤ -InfPenalty forces one.
	PenaltyItem
)

// Item is one element of a paragraph as the line breaker sees it.
type Item struct {
	// Kind says whether the item is a box, glue or a penalty, and so which
	// of the fields below apply.
	Kind ItemKind
	// Width is the natural width: of the box, of the glue, or of the
	// material a penalty adds at the end of a line when the line breaks
	// there (a hyphen; zero for Korean, which is never hyphenated).
	Width Length
	// Stretch and Shrink say how far glue may grow and shrink. Stretch equal
	// to FilStretch is infinitely stretchable (TeX's "fil"): it absorbs any
	// shortfall, so a line that holds it is set at its natural width.
	Stretch, Shrink Length
	// Penalty is the cost of breaking at a penalty item.
	Penalty int
	// Flagged marks penalties whose breaks should not follow one another
	// (hyphens, in the paper); two flagged breaks in a row cost
	// Params.FlaggedDemerits.
	Flagged bool
	// Letter marks glue between the letters of a word (Korean
	// justification's syllable spacing): it is never a break, and a
	// justified line stretches it only once its word spaces have reached
	// their stretch (SetParagraph).
	Letter bool
}

// InfPenalty is the penalty that forbids a break; its negative forces one.
// 10000 is TeX's value, where badness also saturates.
const InfPenalty = 10000

// InfBadness is the badness of a line that cannot be stretched to its width
// at all. TeX caps badness at the same 10000.
const InfBadness = 10000

// FilStretch, as an Item's Stretch, marks glue as infinitely stretchable,
// like the \parfillskip that lets the last line of a paragraph end ragged.
// The value is never summed; any value that large counts as one "fil".
const FilStretch Length = math.MaxInt64 / 4

// Params are the knobs of Knuth–Plass. DefaultParams gives TeX's values.
type Params struct {
	// Tolerance is the greatest badness (100·r³, r the adjustment ratio) a
	// line may have. InfBadness admits every line that is not overfull.
	Tolerance int
	// LinePenalty is added to each line's badness before squaring, so that
	// fewer lines are preferred (TeX \linepenalty).
	LinePenalty int
	// FlaggedDemerits are added when two consecutive lines end at flagged
	// penalties (TeX \doublehyphendemerits).
	FlaggedDemerits int
	// FitnessDemerits are added when adjacent lines differ by more than one
	// fitness class, a tight line next to a loose one (TeX \adjdemerits).
	FitnessDemerits int
	// VaryingLines is how many leading lines may have widths of their own:
	// every later line is assumed to be as wide as line VaryingLines, and
	// the breaker merges their line numbers (the paper's "line classes").
	// Zero means every line is as wide as line 0. A large value is exact for
	// any shape but costs time in proportion.
	VaryingLines int
}

// DefaultParams returns TeX's plain-format values: \tolerance 200,
// \linepenalty 10, \doublehyphendemerits 10000, \adjdemerits 10000.
func DefaultParams() Params {
	return Params{Tolerance: 200, LinePenalty: 10, FlaggedDemerits: 10000, FitnessDemerits: 10000}
}

// Fitness classes of the paper, from very loose to tight; adjacent lines whose
// classes differ by more than one cost FitnessDemerits.
const (
	fitVeryLoose = iota
	fitLoose
	fitDecent
	fitTight
	fitClasses
)

// kpWorkBudget bounds how many (active node, breakpoint) pairs one call of
// Break examines, about half a second. A 2,000-character paragraph at 30 em
// needs about 20,000 and one of 20,000 characters a few million; a hostile
// one (100 KB on a line a thousand em wide) gets ok=false instead of running
// for minutes, and the caller falls back to first fit, which is linear.
const kpWorkBudget = 6_000_000

// Break chooses where the lines of a paragraph end, minimising the total
// demerits over the whole paragraph (Knuth & Plass's total fit, looseness 0).
// lineWidth(n) is the width of line n, counted from 0. The result lists the
// indices of the items at which lines end, in order; the last is the final
// item, which should be a forced break (penalty -InfPenalty after a
// FilStretch glue). If the items do not end with a forced break, the end of
// the list acts as one and the last index is len(items).
//
// ok is false when no sequence of breaks gives every line a badness within
// p.Tolerance without overfilling it, or when the work budget ran out; the
// caller then adds emergency break opportunities or calls BreakFirstFit.
func Break(items []Item, lineWidth func(line int) Length, p Params) (breaks []int, ok bool) {
	k := newBreaker(items, lineWidth, p)
	return k.run()
}

// sums are running totals of natural width, finite stretch, shrink and the
// number of infinitely stretchable glues.
type sums struct {
	width, stretch, shrink Length
	fil                    int
}

// minus gives the totals of the items between two prefix sums.
func (s sums) minus(t sums) sums {
	return sums{s.width - t.width, s.stretch - t.stretch, s.shrink - t.shrink, s.fil - t.fil}
}

// breaker holds one run of Knuth–Plass.
type breaker struct {
	items  []Item
	width  func(int) Length
	p      Params
	prefix []sums // prefix[i] totals items[:i]
	work   int
	widths []Length // lineWidth of the line classes asked for so far
}

// kpNode is a feasible break: an active node of the paper while it may still
// start a line, and a link in the chain of the best paragraph to it.
type kpNode struct {
	pos      int // index of the break item; -1 for the start of the paragraph
	start    int // index of the first item of the line after the break
	line     int // number of lines before the break, merged beyond VaryingLines
	fitness  int
	demerits int64
	prev     *kpNode
}

// newBreaker sums the items once so that any line is measured in O(1).
func newBreaker(items []Item, lineWidth func(int) Length, p Params) *breaker {
	prefix := make([]sums, len(items)+1)
	for i, it := range items {
		prefix[i+1] = prefix[i]
		if it.Kind == PenaltyItem {
			continue
		}
		prefix[i+1].width += it.Width
		if it.Kind == GlueItem {
			prefix[i+1].shrink += it.Shrink
			if it.Stretch >= FilStretch {
				prefix[i+1].fil++
			} else {
				prefix[i+1].stretch += it.Stretch
			}
		}
	}
	return &breaker{items: items, width: lineWidth, p: p, prefix: prefix}
}

// legal reports whether the paragraph may break at item b: a penalty below
// InfPenalty, glue right after a box, or the implicit end at len(items).
func (k *breaker) legal(b int) bool {
	if b == len(k.items) {
		return !k.forced(b - 1)
	}
	switch it := k.items[b]; it.Kind {
	case PenaltyItem:
		return it.Penalty < InfPenalty
	case GlueItem:
		return b > 0 && k.items[b-1].Kind == BoxItem && !it.Letter
	}
	return false
}

// forced reports whether item b is a forced break (or the implicit end).
func (k *breaker) forced(b int) bool {
	if b < 0 {
		return false
	}
	if b >= len(k.items) {
		return true
	}
	it := k.items[b]
	return it.Kind == PenaltyItem && it.Penalty <= -InfPenalty
}

// lineStart is where the line after a break at pos begins: glue and
// non-forced penalties after a break are discarded, as in TeX, up to the next
// box or forced break.
func (k *breaker) lineStart(pos int) int {
	if pos < 0 {
		return 0 // the paragraph start discards nothing
	}
	i := pos + 1
	for i < len(k.items) && k.items[i].Kind != BoxItem && !k.forced(i) {
		i++
	}
	return i
}

// content returns the totals of the line from the break at from (its start
// already found by lineStart) to the break at b, without b's own width.
func (k *breaker) content(start, b int) sums {
	if start > b {
		start = b // an empty line: the break follows discarded items only
	}
	return k.prefix[b].minus(k.prefix[start])
}

// breakWidth is the width a break at b adds to its line: a penalty's width.
func (k *breaker) breakWidth(b int) Length {
	if b < len(k.items) && k.items[b].Kind == PenaltyItem {
		return k.items[b].Width
	}
	return 0
}

// lineWidthAt is the width of line n, merging the lines past VaryingLines.
func (k *breaker) lineWidthAt(n int) Length {
	n = min(n, max(k.p.VaryingLines, 0))
	for len(k.widths) <= n {
		k.widths = append(k.widths, k.width(len(k.widths)))
	}
	return k.widths[n]
}

// ratio is the adjustment ratio r of the paper: how much of the line's
// stretch (r > 0) or shrink (r < 0) it uses to reach width w. It is ±Inf when
// the line has none to use, and 0 when infinite stretch absorbs the gap.
func ratio(s sums, w Length) float64 {
	switch {
	case s.width == w:
		return 0
	case s.width < w && s.fil > 0:
		return 0
	case s.width < w && s.stretch > 0:
		return float64(w-s.width) / float64(s.stretch)
	case s.width < w:
		return math.Inf(1)
	case s.shrink > 0:
		return float64(w-s.width) / float64(s.shrink)
	}
	return math.Inf(-1)
}

// badness is 100·|r|³ rounded, saturating at InfBadness (the paper, eq. 2).
func badness(r float64) int {
	b := 100 * math.Abs(r*r*r)
	if b >= InfBadness || math.IsNaN(b) {
		return InfBadness
	}
	return int(math.Round(b))
}

// maxRankBadness bounds rankBadness: 100·r³ at r ≈ 21.5, the looseness of
// a line that holds a single space and is short by ten of them. Squared in
// the demerits (10^12) it leaves room to sum thousands of lines in an
// int64.
const maxRankBadness = 1_000_000

// rankBadness is the badness that demerits are computed from: badness(r),
// except that past InfBadness it goes on growing with r, up to
// maxRankBadness, and a line that cannot stretch at all ranks worst. Every
// such line is just as infeasible for a tolerance (TeX saturates badness
// at 10000), but when a pass admits them all, the breaker should still
// prefer a line half empty to one with a single word on it: a formula or
// a URL too wide to share a line with the text before it otherwise leaves
// that text's first word alone on a line, at no greater cost than any
// other loose line.
func rankBadness(r float64) int64 {
	if b := badness(r); b < InfBadness {
		return int64(b)
	}
	b := 100 * math.Abs(r*r*r)
	if b >= maxRankBadness || math.IsNaN(b) {
		return maxRankBadness
	}
	return max(int64(math.Round(b)), InfBadness)
}

// fitness sorts a line by its adjustment ratio into the paper's four classes.
func fitness(r float64) int {
	switch {
	case r > 1:
		return fitVeryLoose
	case r > 0.5:
		return fitLoose
	case r >= -0.5:
		return fitDecent
	}
	return fitTight
}

// lineDemerits is the paper's demerits of one line ending at break b with
// badness bad (rankBadness) and fitness class fit, after a line that ended
// at prev with class prevFit: (l+b)² ± p², plus the flagged and fitness
// terms.
func (k *breaker) lineDemerits(prev, b int, bad int64, fit, prevFit int) int64 {
	base := int64(k.p.LinePenalty) + bad
	d := base * base
	if b < len(k.items) && k.items[b].Kind == PenaltyItem {
		pen := int64(k.items[b].Penalty)
		switch {
		case pen >= 0:
			d += pen * pen
		case pen > -InfPenalty:
			d -= pen * pen
		}
		if k.items[b].Flagged && prev >= 0 && k.items[prev].Kind == PenaltyItem && k.items[prev].Flagged {
			d += int64(k.p.FlaggedDemerits)
		}
	}
	if fit-prevFit > 1 || prevFit-fit > 1 {
		d += int64(k.p.FitnessDemerits)
	}
	return d
}

// candidate is the best way found so far to end a line at the current
// breakpoint, for one line class and fitness class.
type candidate struct {
	demerits int64
	from     *kpNode
	set      bool
}

// lineGroup gathers the candidates whose new line number is the same.
type lineGroup struct {
	line int
	best [fitClasses]candidate
}

// run is the main loop of the paper's Algorithm: every legal breakpoint is
// tried against every active node; nodes that can no longer start a feasible
// line (their line is overfull, or a forced break intervened) are retired;
// the best new node per line and fitness class is added, pruned by
// FitnessDemerits as the paper does.
func (k *breaker) run() ([]int, bool) {
	active := []*kpNode{{pos: -1, fitness: fitDecent}}
	var groups []lineGroup
	for b := 0; b <= len(k.items); b++ {
		if !k.legal(b) {
			continue
		}
		groups = groups[:0]
		active = k.tryBreak(active, b, &groups)
		active = k.addNodes(active, b, groups)
		if len(active) == 0 || k.work > kpWorkBudget {
			return nil, false
		}
	}
	return k.best(active)
}

// tryBreak measures a line from every active node to b, records the feasible
// ones in groups and returns the nodes that stay active.
func (k *breaker) tryBreak(active []*kpNode, b int, groups *[]lineGroup) []*kpNode {
	kept := active[:0]
	forced := k.forced(b)
	for _, a := range active {
		k.work++
		w := k.lineWidthAt(a.line)
		s := k.content(a.start, b)
		if s.width-s.shrink > w {
			continue // overfull now, and more so for every later break
		}
		s.width += k.breakWidth(b)
		if r := ratio(s, w); r >= -1 {
			if bad := badness(r); bad <= k.p.Tolerance {
				fit := fitness(r)
				d := a.demerits + k.lineDemerits(a.pos, b, rankBadness(r), fit, a.fitness)
				record(groups, k.nextLine(a.line), fit, d, a)
			}
		}
		if !forced {
			kept = append(kept, a)
		}
	}
	return kept
}

// nextLine is the line number after line n, merged past VaryingLines.
func (k *breaker) nextLine(n int) int { return min(n+1, max(k.p.VaryingLines, 0)) }

// record keeps the cheaper of an existing candidate and a new one.
func record(groups *[]lineGroup, line, fit int, d int64, from *kpNode) {
	g := groupFor(groups, line)
	c := &g.best[fit]
	if !c.set || d < c.demerits {
		*c = candidate{demerits: d, from: from, set: true}
	}
}

// groupFor finds or appends the group of a line number.
func groupFor(groups *[]lineGroup, line int) *lineGroup {
	for i := range *groups {
		if (*groups)[i].line == line {
			return &(*groups)[i]
		}
	}
	*groups = append(*groups, lineGroup{line: line})
	return &(*groups)[len(*groups)-1]
}

// addNodes turns the candidates at b into active nodes. Within one line
// group, a class whose demerits exceed the group's best by more than
// FitnessDemerits can never win, because the most a later line can save by
// following it is FitnessDemerits.
func (k *breaker) addNodes(active []*kpNode, b int, groups []lineGroup) []*kpNode {
	for gi := range groups {
		g := &groups[gi]
		least := int64(math.MaxInt64)
		for _, c := range g.best {
			if c.set && c.demerits < least {
				least = c.demerits
			}
		}
		for fit, c := range g.best {
			if c.set && c.demerits <= least+int64(k.p.FitnessDemerits) {
				n := &kpNode{pos: b, start: k.lineStart(b), line: g.line, fitness: fit, demerits: c.demerits, prev: c.from}
				active = append(active, n)
			}
		}
	}
	return active
}

// best picks the cheapest node at the final break and walks back its chain.
func (k *breaker) best(active []*kpNode) ([]int, bool) {
	var end *kpNode
	for _, a := range active {
		if end == nil || a.demerits < end.demerits {
			end = a
		}
	}
	if end == nil {
		return nil, false
	}
	var breaks []int
	for n := end; n != nil && n.pos >= 0; n = n.prev {
		breaks = append(breaks, n.pos)
	}
	for i, j := 0, len(breaks)-1; i < j; i, j = i+1, j-1 {
		breaks[i], breaks[j] = breaks[j], breaks[i]
	}
	return breaks, true
}

// BreakFirstFit breaks a paragraph greedily, the fallback when Break finds
// nothing: each line takes as much as fits (shrinking its glue fully if need
// be) and ends at the last legal break that fits, or at a forced break. A line
// is wider than its width only when it holds a single stretch of items with
// no legal break inside that is itself wider; the caller should warn about
// it. Breaks are reported as Break reports them. Penalties other than forced
// ones are ignored, and the line width obeys p.VaryingLines as in Break.
func BreakFirstFit(items []Item, lineWidth func(line int) Length, p Params) []int {
	k := newBreaker(items, lineWidth, p)
	var breaks []int
	from, line, lastFit := -1, 0, -1
	for b := 0; b <= len(items); b++ {
		if !k.legal(b) {
			continue
		}
		for {
			s := k.content(k.lineStart(from), b)
			s.width += k.breakWidth(b)
			if s.width-s.shrink <= k.lineWidthAt(line) {
				lastFit = b
				break
			}
			if lastFit < 0 {
				lastFit = b // nothing fits: this line is overfull
				break
			}
			breaks = append(breaks, lastFit)
			from, line, lastFit = lastFit, k.nextLine(line), -1
		}
		if k.forced(b) {
			breaks = append(breaks, b)
			from, line, lastFit = b, k.nextLine(line), -1
			if b >= len(items)-1 {
				break
			}
		}
	}
	return breaks
}
