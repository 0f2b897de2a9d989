package layout

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/markdown"
	"math"
	"unicode"
	"unicode/utf8"
)

// Measurer gives advance widths; the PDF side implements it from real fonts.
// It is all the line breaker knows of a font.
type Measurer interface {
	// Advance returns the advance width of r at the run's size.
	Advance(r rune) Length
}

// Run is a stretch of a paragraph in one style.
type Run struct {
	// Text is the run's text. A '\n' in it is a hard line break.
	Text string
	// Style is the caller's handle for font, size and colour; layout passes
	// it through untouched.
	Style int
	// M measures the run's characters. A nil M measures everything as zero.
	M Measurer
	// Link is the target of a hyperlink over the run, or "".
	Link string
	// Object, when not nil, makes the run an object set among the words
	// (an inline formula) instead of text: Text and M are ignored.
	Object *Object
}

// Object is something of fixed size that a paragraph sets among its words:
// an inline formula. It is a row of parts; a line may end between two
// parts, where the object allows it, and nowhere else. Its widths are
// fixed: justification stretches the spaces around it, never inside it.
// Break rules treat it like a Latin letter: no break between it and a
// Hangul particle after it ("$x$를"), a closing mark or a digit.
type Object struct {
	// Parts are the object's parts, left to right; an object without
	// parts adds nothing to the paragraph.
	Parts []ObjectPart
}

// ObjectPart is one unbreakable part of an Object.
type ObjectPart struct {
	// Width is the part's width; Height and Depth its extent above and
	// below the baseline, which the caller's line spacing may need.
	Width, Height, Depth Length
	// Gap is the space before the part when the line goes on without a
	// break: it vanishes at a break, like a word space. Penalty is the
	// cost of breaking before the part (TeX's 700 after a binary
	// operator, 500 after a relation); InfPenalty or more forbids it.
	// Both are ignored on the first part.
	Gap     Length
	Penalty int // the cost of a break before the part (see Gap)
}

// objectRune stands for one part of an object in the paragraph's text:
// U+FFFC OBJECT REPLACEMENT CHARACTER, which no break rule treats as
// wide, so an object binds to the Hangul, digits and marks beside it.
const objectRune = '\uFFFC'

// ParagraphOptions control SetParagraph.
type ParagraphOptions struct {
	// Mode is KeepAll (break between eojeols, the default) or Normal.
	Mode Mode
	// Justify sets lines flush on both sides by stretching and shrinking the
	// word spaces; otherwise lines are set ragged right at natural width.
	Justify bool
	// Indent is the width of the blank that starts the first line.
	Indent Length
	// VaryingLines is how many leading lines may have widths of their own;
	// later lines are as wide as line VaryingLines (see Params.VaryingLines).
	VaryingLines int
}

// Piece is a stretch of one run's text that sits at one place on a line.
type Piece struct {
	// Run is the index of the run the text comes from.
	Run int
	// Text is what to draw.
	Text string
	// Start is the offset of the piece's first rune in the paragraph, counted
	// in runes over the concatenated runs.
	Start int
	// X is where the piece begins, from the line's left edge.
	X Length
	// Width is the piece's natural width.
	Width Length
	// Part is, for a piece of an Object run, the index of the part it
	// shows; each part is a piece of its own, its Text one objectRune.
	Part int
	// Next is the character right after the piece in the paragraph (a
	// word space when the next piece is the next word), 0 at its end.
	Next rune
	// Byte is where Text begins in its run's Text, in bytes.
	Byte int
}

// Line is one set line of a paragraph.
type Line struct {
	// Pieces are the line's text, left to right. Word spaces are the gaps
	// between them; they are not drawn.
	Pieces []Piece
	// Start and End delimit, in runes of the paragraph, the text the line
	// shows; the spaces or '\n' at a break lie between lines and are dropped.
	Start, End int
	// Width is the measure the line was set to.
	Width Length
	// Natural is the line's width with every space at its natural size.
	Natural Length
	// Set is the line's width as set: Width for a justified line, unless
	// the line is overfull, ragged or ends the paragraph or a hard break.
	Set Length
	// Ratio is the glue ratio: the fraction of the spaces' stretch (if
	// positive) or shrink (if negative) that was applied.
	Ratio float64
	// LetterRatio is the fraction of the syllable spacing's stretch that
	// was applied: 0 unless the word spaces reached their full stretch.
	LetterRatio float64
	// Hard reports a line ended by a hard break or the paragraph's end; it
	// is set at natural width even when justifying.
	Hard bool
	// Height and Depth are the greatest height and depth of the object
	// parts on the line, 0 when it holds none: the caller opens the line
	// spacing when they reach past its text's.
	Height, Depth Length
}

// ProblemKind names what went wrong with a line.
type ProblemKind int

const (
	// Overfull is a line wider than its measure: some unbreakable stretch
	// of text (a long number, a URL without break points) is wider than the
	// line.
	Overfull ProblemKind = iota
)

// Problem describes a line the caller should warn about.
type Problem struct {
	Kind ProblemKind // what is wrong; Overfull is the only kind
	// Line is the index of the line.
	Line int
	// Offset is the rune offset in the paragraph where the line starts.
	Offset int
	// Run and Byte locate Offset in the caller's runs: runs[Run].Text[Byte:].
	Run, Byte int
	// Excess is how far the line sticks out past its measure.
	Excess Length
}

// String describes the problem for a warning.
func (p Problem) String() string {
	return fmt.Sprintf("line %d is %.1fpt too wide: a word or number there cannot be broken", p.Line+1, p.Excess.Pt())
}

// The penalties of the intra-word break classes. A word space costs 0.
const (
	// preferSpacePenalty, on Normal-mode syllable breaks and CJK breaks,
	// makes a word space win when spacing is about equal, the way Korean
	// books break at spaces when they can. Its square (2500) is worth a
	// badness of about 40.
	preferSpacePenalty = 50
	// emergencyPenalty, on URL breaks and KeepAll syllable breaks, makes
	// them lose to anything but a line looser than badness ≈ 1000
	// (adjustment ratio ≈ 2.2, spaces more than twice their width): "far
	// too loose", KOREAN.md's condition for splitting an eojeol.
	emergencyPenalty = 1000
)

// Word-space glue, as a fraction of the space's natural width: TeX's
// Computer Modern word space is 3.33pt plus 1.67pt minus 1.11pt, that is,
// stretch 1/2 and shrink 1/3, and Korean body text spaced this way looks
// even. Every breaking space gets the same glue, whatever stands beside it:
// there is no wider "sentence space" after a full stop as TeX gives English
// (KLREQ does not widen space next to punctuation).
const (
	spaceStretchDiv = 2
	spaceShrinkDiv  = 3
)

// raggedDiv sets the stretch of the right margin of a ragged line: a quarter
// of the narrowest measure gives badness 100 to a line short by that much, so
// lines end unevenly without any being left nearly empty.
const raggedDiv = 4

// shapeProbe bounds how many leading line widths are read to find the
// narrowest measure; any paragraph shape worth the name is shorter.
const shapeProbe = 64

// SetParagraph breaks a paragraph into lines of the widths widths(0),
// widths(1), … and places every piece of text on them.
//
// The Korean strategy (KOREAN.md, W3C KLREQ): pass 1 runs Knuth–Plass with
// TeX's tolerance over word spaces and CJK breaks (and, in Normal mode,
// syllable breaks). If no set of breaks keeps every line within tolerance,
// pass 2 admits any line that is not overfull and adds the emergency breaks,
// URL breaks and, in KeepAll mode, syllable breaks, each with a high penalty,
// so that an eojeol is split only when it is longer than the narrowest
// line. If even that fails, because some unbreakable stretch is wider than
// a line, the lines are filled first-fit and each overfull one is reported
// as a Problem.
//
// Justification stretches and shrinks the word spaces, and past their full
// stretch spreads the rest as syllable spacing within words, capped at
// letterMaxRatio (spread); lines broken inside a URL, and lines ended by
// '\n' or by the paragraph, are set ragged.
func SetParagraph(runs []Run, widths func(line int) Length, opt ParagraphOptions) ([]Line, []Problem) {
	t := newParaText(runs)
	if len(t.runes) == 0 || widths == nil {
		return nil, nil
	}
	s := &setter{t: t, classes: BreakClasses(t.runes), widths: widths, opt: opt}
	s.measureEojeols()
	var items []Item
	var srcs []itemSrc
	for pass := 1; pass <= 2; pass++ {
		items, srcs = s.build(pass)
		if len(items) == 0 {
			return nil, nil
		}
		if breaks, ok := Break(items, widths, s.params(pass)); ok {
			return s.lines(items, srcs, breaks)
		}
	}
	return s.lines(items, srcs, BreakFirstFit(items, widths, s.params(2)))
}

// paraText is the paragraph's text, concatenated over its runs, with each
// rune's run, byte offset in the run and advance width. Each part of an
// object is one objectRune, with its part in parts.
type paraText struct {
	texts   []string // the runs' texts
	runes   []rune
	run     []int
	byteOff []int
	adv     []Length
	parts   map[int]objectPart
}

// objectPart is the part of an object that a rune of the text stands for.
type objectPart struct {
	ObjectPart
	index int
}

func newParaText(runs []Run) *paraText {
	n := 0
	for _, r := range runs {
		if r.Object != nil {
			n += len(r.Object.Parts)
		} else {
			n += utf8.RuneCountInString(r.Text)
		}
	}
	t := &paraText{texts: make([]string, len(runs)), runes: make([]rune, 0, n), run: make([]int, 0, n), byteOff: make([]int, 0, n), adv: make([]Length, 0, n)}
	for ri, r := range runs {
		t.texts[ri] = r.Text
		if r.Object != nil {
			t.object(ri, r.Object)
			continue
		}
		for off, c := range r.Text {
			if c == utf8.RuneError {
				c = '\uFFFD'
			}
			t.runes = append(t.runes, c)
			t.run = append(t.run, ri)
			t.byteOff = append(t.byteOff, off)
			t.adv = append(t.adv, advance(r.M, c))
		}
	}
	return t
}

// text returns the runes [start, end) of one run, and where they begin
// in the run's text: a slice of that text, which the pieces and Texts of
// a paragraph share, unless the run's bytes there are not valid UTF-8.
func (t *paraText) text(start, end int) (string, int) {
	ri, b0 := t.run[start], t.byteOff[start]
	if _, ok := t.parts[start]; !ok {
		b1 := len(t.texts[ri])
		if end < len(t.runes) && t.run[end] == ri {
			b1 = t.byteOff[end]
		}
		if s := t.texts[ri][b0:b1]; utf8.ValidString(s) {
			return s, b0
		}
	}
	return string(t.runes[start:end]), b0
}

// object adds the parts of run ri's object.
func (t *paraText) object(ri int, o *Object) {
	if t.parts == nil {
		t.parts = map[int]objectPart{}
	}
	for k, p := range o.Parts {
		t.parts[len(t.runes)] = objectPart{p, k}
		t.runes = append(t.runes, objectRune)
		t.run = append(t.run, ri)
		t.byteOff = append(t.byteOff, 0)
		t.adv = append(t.adv, max(p.Width, 0))
	}
}

// advance measures one rune; spaces measure as the run's space, a zero-width
// space as nothing, and negative widths as zero.
func advance(m Measurer, c rune) Length {
	switch {
	case m == nil, c == zeroWidthSpace, c == '\n':
		return 0
	case c == '\t':
		c = ' '
	}
	return max(m.Advance(c), 0)
}

// itemSrc ties an item to the runes it stands for; run is -1 for items that
// stand for no text (indent, fills, penalties).
type itemSrc struct {
	run, start, end int
	// lead is blank that the box's text draws before its width (the
	// trimmed half of a full-width opening bracket): its piece starts
	// there, lead to the left of the box.
	lead Length
	// cut ends the box's piece after it: its text draws past its width
	// (a full-width closing bracket whose blank half is trimmed).
	cut bool
}

// noSrc marks an item without text.
var noSrc = itemSrc{run: -1}

// setter carries one paragraph through its passes.
type setter struct {
	t       *paraText
	classes []BreakClass
	widths  func(int) Length
	opt     ParagraphOptions
	eojeol  []Length // width of the eojeol each rune belongs to
	narrow  Length   // the narrowest measure

	items   []Item
	srcs    []itemSrc
	lineBox bool // the current line (since the last hard break) has a box
}

// params gives the Knuth–Plass parameters of a pass: TeX's tolerance first,
// then any line that is not overfull.
func (s *setter) params(pass int) Params {
	p := DefaultParams()
	p.VaryingLines = s.opt.VaryingLines
	if pass > 1 {
		p.Tolerance = InfBadness
	}
	return p
}

// measureEojeols records, for every rune, the natural width of the eojeol
// (the stretch between spaces) that holds it, and finds the narrowest line.
func (s *setter) measureEojeols() {
	s.eojeol = make([]Length, len(s.t.runes))
	for i := 0; i < len(s.t.runes); {
		j := i
		var w Length
		for j < len(s.t.runes) && !isBreakingSpace(s.t.runes[j]) && s.t.runes[j] != '\n' {
			w += s.t.adv[j]
			j++
		}
		for k := i; k < j; k++ {
			s.eojeol[k] = w
		}
		i = max(j, i+1)
	}
	s.narrow = s.widths(0)
	for n := 1; n <= min(max(s.opt.VaryingLines, 0), shapeProbe); n++ {
		s.narrow = min(s.narrow, s.widths(n))
	}
}

// breakPenalty says whether pass may break inside a word at boundary i, and
// at what cost.
func (s *setter) breakPenalty(i, pass int) (int, bool) {
	switch s.classes[i] {
	case BreakCJK:
		return preferSpacePenalty, true
	case BreakSyllable:
		if s.opt.Mode == Normal {
			return preferSpacePenalty, true
		}
		// Word basis splits an eojeol only when it is longer than the
		// line: a line that would be loose without the split is
		// justified by syllable spacing instead (letterGap).
		return emergencyPenalty, pass > 1 && s.eojeol[i] > s.narrow
	case BreakURL:
		return emergencyPenalty, pass > 1
	}
	return 0, false
}

// build turns the text into items for one pass.
func (s *setter) build(pass int) ([]Item, []itemSrc) {
	// Letters of a word share a box, so a rune and a half's items (on
	// the generated books) hold most paragraphs without growing the
	// slices; the rest grow as before.
	n := len(s.t.runes) + len(s.t.runes)/2 + 4
	s.items, s.srcs, s.lineBox = make([]Item, 0, n), make([]itemSrc, 0, n), false
	if s.opt.Indent != 0 {
		s.box(Item{Kind: BoxItem, Width: s.opt.Indent}, noSrc)
	}
	runes := s.t.runes
	for i := 0; i < len(runes); i++ {
		switch {
		case runes[i] == '\n':
			s.endLine(i)
		case isBreakingSpace(runes[i]):
			j := i
			for j < len(runes) && isBreakingSpace(runes[j]) {
				j++
			}
			s.space(i, j)
			i = j - 1
		default:
			if op, ok := s.t.parts[i]; ok && op.index > 0 {
				s.objectBreak(i, op.ObjectPart)
			} else if p, ok := s.breakPenalty(i, pass); i > 0 && ok {
				s.wordBreak(p, s.classes[i] == BreakURL)
			}
			s.letterGap(i)
			if !s.bracket(i) {
				s.letter(i)
			}
		}
	}
	s.finish()
	return s.items, s.srcs
}

func (s *setter) add(it Item, src itemSrc) {
	s.items = append(s.items, it)
	s.srcs = append(s.srcs, src)
}

func (s *setter) box(it Item, src itemSrc) {
	s.add(it, src)
	s.lineBox = true
}

// letter adds rune i to the box before it when that box holds the previous
// rune of the same run, else starts a box.
func (s *setter) letter(i int) {
	run := s.t.run[i]
	if n := len(s.items) - 1; n >= 0 && s.items[n].Kind == BoxItem && s.srcs[n].run == run && s.srcs[n].end == i && !s.srcs[n].cut {
		s.items[n].Width += s.t.adv[i]
		s.srcs[n].end++
		return
	}
	s.box(Item{Kind: BoxItem, Width: s.t.adv[i]}, itemSrc{run: run, start: i, end: i + 1})
}

// space adds the glue of the spaces runes[i:j]. Justified, a breakable space
// is plain glue. Ragged, it is the paper's ragged-right triple: glue that
// stretches only if the line ends here, a penalty to break at, and the space
// itself, which cancels the stretch when the line goes on. A space that may
// not break is shielded by an infinite penalty.
func (s *setter) space(i, j int) {
	var w Length
	for k := i; k < j; k++ {
		w += s.t.adv[k]
	}
	src := itemSrc{run: s.t.run[i], start: i, end: j}
	breakable := s.classes[i] == BreakSpace
	switch {
	case s.opt.Justify:
		if !breakable {
			s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
		}
		s.add(Item{Kind: GlueItem, Width: w, Stretch: w / spaceStretchDiv, Shrink: w / spaceShrinkDiv}, src)
	case breakable:
		s.raggedBreak(0)
		s.add(Item{Kind: GlueItem, Width: w, Stretch: -s.rag()}, src)
	default:
		s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
		s.add(Item{Kind: GlueItem, Width: w}, src)
	}
}

// wordBreak adds a break inside a word (between syllables, beside a CJK
// character, in a URL) at penalty p. Ragged, the break carries the same
// flexible right margin as a space, with glue after it that takes the
// stretch back when the line goes on: in TeX's terms the \rightskip is at
// the end of every line, whatever ends it. Without it, a line ending inside
// a word could not stretch at all, every such line would be equally (and
// infinitely) bad, and the breaker's choice among them arbitrary. A break
// inside a URL (ragged set) has that margin even in a justified
// paragraph: a line ending in the middle of an address has no space to
// stretch, and the address is better broken with its line a little short
// than the lines around it left far too loose.
func (s *setter) wordBreak(p int, ragged bool) {
	if s.opt.Justify && !ragged {
		s.add(Item{Kind: PenaltyItem, Penalty: p}, noSrc)
		return
	}
	s.raggedBreak(p)
	s.add(Item{Kind: GlueItem, Stretch: -s.rag()}, noSrc)
}

// Syllable spacing (KLREQ §3.8, "justification"; what Korean word
// processors and layout software do): a justified line that its word
// spaces cannot fill at their full stretch spreads the rest evenly between
// the syllables of its words, as a small letter spacing, instead of
// splitting a word to be fuller. Each gap between two Hangul syllables (or
// Hanja or kana) of one word holds glue of no width that may stretch by
// letterStretchDiv of the letter's width; never next to punctuation, a
// space, Latin letters or digits.
const letterStretchDiv = 16

// letterGap adds the syllable spacing before rune i, when the paragraph is
// justified and runes i-1 and i are letters of one Korean (or CJK) word.
func (s *setter) letterGap(i int) {
	if !s.opt.Justify || i == 0 || !spacedLetter(s.t.runes[i-1]) || !spacedLetter(s.t.runes[i]) {
		return
	}
	if _, ok := s.t.parts[i]; ok {
		return
	}
	s.add(Item{Kind: GlueItem, Stretch: s.t.adv[i-1] / letterStretchDiv, Letter: true}, itemSrc{run: s.t.run[i], start: i, end: i})
}

// spacedLetter reports the letters syllable spacing goes between.
func spacedLetter(r rune) bool { return isHangulSyllable(r) || isHanOrKana(r) }

// isHangulSyllable reports a precomposed Hangul syllable (U+AC00–U+D7A3).
func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// Full-width brackets (「」『』《》〈〉（）…) are drawn with their ink in one
// half of a full em and blank in the other (KLREQ §3.1.4, the "half-width
// blank" of brackets). An opening bracket's blank is trimmed at the start
// of a line (so that 「 does not look indented) and after punctuation; a
// closing bracket's always, but before an opening bracket, so that a
// particle follows its bracket as it follows a word (《…》도, not 《…》 도)
// and a comma sits against it (『겹낫표』,). Elsewhere the blank stays,
// the bracket's room (after a space: 다. 「낫표」). bracket sets rune i when it is
// such a bracket: a box of its inked half, and the blank half as glue of
// fixed width where it may stay; a line that breaks there drops the glue,
// as TeX drops glue at a break. The trimmed blank hangs into the margin or
// the space beside it; the ink keeps to the text block.
func (s *setter) bracket(i int) bool {
	r := s.t.runes[i]
	opening, closing := isOpening(r), isClosing(r)
	if !opening && !closing || !markdown.IsWide(r) || s.t.adv[i] == 0 {
		return false
	}
	half := s.t.adv[i] / 2
	src := itemSrc{run: s.t.run[i], start: i, end: i + 1}
	if opening {
		if i > 0 && !isPunct(s.t.runes[i-1]) {
			if s.lineBox && s.items[len(s.items)-1].Kind == BoxItem {
				s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
			}
			s.add(Item{Kind: GlueItem, Width: s.t.adv[i] - half}, noSrc)
		}
		src.lead = s.t.adv[i] - half
		s.box(Item{Kind: BoxItem, Width: half}, src)
		return true
	}
	keep := i+1 < len(s.t.runes) && isOpening(s.t.runes[i+1]) && markdown.IsWide(s.t.runes[i+1])
	src.cut = !keep
	s.box(Item{Kind: BoxItem, Width: half}, src)
	if keep {
		// The blank, as glue a line may end at (dropping it) only where a
		// break is allowed after the bracket anyway.
		s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
		s.add(Item{Kind: GlueItem, Width: s.t.adv[i] - half}, noSrc)
	}
	return true
}

// isPunct reports punctuation, next to which a bracket's blank goes.
func isPunct(r rune) bool { return unicode.IsPunct(r) }

// objectBreak adds the break before part i of an object and the gap
// that stands there when the line goes on: a penalty, then glue that
// neither stretches nor shrinks, which the break discards. The glue
// belongs to the object's run (an empty span of it), so that the part
// after it is a piece of its own. Ragged, the break carries the flexible
// right margin as wordBreak's do.
func (s *setter) objectBreak(i int, p ObjectPart) {
	gap := Item{Kind: GlueItem, Width: max(p.Gap, 0)}
	src := itemSrc{run: s.t.run[i], start: i, end: i}
	pen := min(p.Penalty, InfPenalty)
	if s.opt.Justify {
		s.add(Item{Kind: PenaltyItem, Penalty: pen}, noSrc)
		s.add(gap, src)
		return
	}
	s.raggedBreak(pen)
	gap.Stretch = -s.rag()
	s.add(gap, src)
}

// raggedBreak adds a break at penalty p whose line, if it ends here, ends
// with the ragged right margin; an infinite penalty keeps the margin's glue
// from being a break of its own.
func (s *setter) raggedBreak(p int) {
	s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
	s.add(Item{Kind: GlueItem, Stretch: s.rag()}, noSrc)
	s.add(Item{Kind: PenaltyItem, Penalty: p}, noSrc)
}

// rag is the stretch of a ragged line's right margin.
func (s *setter) rag() Length { return max(s.narrow, 0) / raggedDiv }

// endLine ends a line at a hard break (rune i, a '\n') or, with i < 0, at
// the paragraph's end: trailing spaces go, an empty line gets an empty box to
// stand on, and TeX's \parfillskip follows: an infinite penalty, glue of
// infinite stretch, a forced break.
func (s *setter) endLine(i int) {
	for n := len(s.items) - 1; n >= 0 && s.items[n].Kind != BoxItem && !isForcedItem(s.items[n]); n-- {
		s.items, s.srcs = s.items[:n], s.srcs[:n]
	}
	if !s.lineBox {
		s.box(Item{Kind: BoxItem}, noSrc)
	}
	src := noSrc
	if i >= 0 {
		src = itemSrc{run: s.t.run[i], start: i, end: i + 1}
	}
	s.add(Item{Kind: PenaltyItem, Penalty: InfPenalty}, noSrc)
	s.add(Item{Kind: GlueItem, Stretch: FilStretch}, noSrc)
	s.add(Item{Kind: PenaltyItem, Penalty: -InfPenalty}, src)
	s.lineBox = false
}

// finish ends the paragraph, unless a hard break already ended its text (a
// '\n' at the very end adds no empty line) or it holds nothing but spaces.
func (s *setter) finish() {
	if s.lineBox {
		s.endLine(-1)
		return
	}
	for n := len(s.items) - 1; n >= 0; n-- {
		if isForcedItem(s.items[n]) {
			s.items, s.srcs = s.items[:n+1], s.srcs[:n+1]
			return
		}
	}
	s.items, s.srcs = nil, nil
}

func isForcedItem(it Item) bool { return it.Kind == PenaltyItem && it.Penalty <= -InfPenalty }

// lines sets the lines that end at breaks.
func (s *setter) lines(items []Item, srcs []itemSrc, breaks []int) ([]Line, []Problem) {
	k := newBreaker(items, s.widths, s.params(2))
	var lines []Line
	var problems []Problem
	from := -1
	for n, b := range breaks {
		start := min(k.lineStart(from), b)
		ln := s.setLine(k, items, srcs, start, b, k.lineWidthAt(n))
		if ln.Natural-k.content(start, b).shrink > ln.Width {
			problems = append(problems, s.overfull(n, ln))
		}
		lines = append(lines, ln)
		from = b
	}
	return lines, problems
}

// setLine places the items[start:b] of one line of width w.
func (s *setter) setLine(k *breaker, items []Item, srcs []itemSrc, start, b int, w Length) Line {
	sum := k.content(start, b)
	sum.width += k.breakWidth(b)
	ln := Line{Width: w, Natural: sum.width, Hard: k.forced(b)}
	r := ratio(sum, w)
	if !s.opt.Justify || math.IsInf(r, 1) {
		r = 0
	}
	ln.Ratio, ln.LetterRatio = max(r, -1), max(r, 0)
	if r > 0 {
		ln.Ratio, ln.LetterRatio = spread(items[start:b], w-sum.width)
	}
	pl := placer{t: s.t}
	var x Length
	var spaces, letters glueSetter
	glued := true // a gap separates the next box from the last piece
	for i := start; i < b; i++ {
		it, src := items[i], srcs[i]
		switch it.Kind {
		case BoxItem:
			pl.place(src, x, it.Width, glued)
			glued = src.cut
			x += it.Width
			if op, ok := s.t.parts[src.start]; ok && src.run >= 0 {
				ln.Height, ln.Depth = max(ln.Height, op.Height), max(ln.Depth, op.Depth)
			}
		case GlueItem:
			var d Length
			if it.Letter {
				d = letters.set(it, ln.LetterRatio)
			} else {
				d = spaces.set(it, ln.Ratio)
			}
			x += d
			// Only a space, or syllable spacing that opened, parts
			// pieces: the empty glue of a ragged break inside a word
			// joins its halves again.
			glued = glued || src.run >= 0 && (!it.Letter || d > 0)
		}
	}
	ln.Set = x + k.breakWidth(b)
	ln.Pieces, ln.Start, ln.End = pl.finish()
	if ln.Start < 0 {
		ln.Start = s.emptyAt(srcs, b)
		ln.End = ln.Start
	}
	return ln
}

// letterMaxRatio caps the syllable spacing: 1.5 × letterStretchDiv gives
// at most 0.094 em between the syllables of a word, a spacing a reader
// sees as even, not as gaps, and below the tenth of an em at which text
// extraction (poppler's pdftotext) takes a gap for a word break. A line
// looser than that widens its word spaces further.
const letterMaxRatio = 1.5

// spread shares out the excess width of a justified line: the word spaces
// take it up to their full stretch (ratio 1), then the syllable spacing up
// to letterMaxRatio of its stretch, then the word spaces the rest (a line
// without spaces ends short of it). It returns the ratios of the spaces
// and of the syllable spacing.
func spread(items []Item, excess Length) (spaces, letters float64) {
	var ss, ls Length
	for _, it := range items {
		if it.Kind != GlueItem || it.Stretch >= FilStretch {
			continue
		}
		if it.Letter {
			ls += it.Stretch
		} else {
			ss += it.Stretch
		}
	}
	maxLetters := Length(letterMaxRatio * float64(ls))
	switch {
	case excess <= 0 || ss+ls == 0:
		return 0, 0
	case ls == 0 || excess <= ss:
		return float64(excess) / float64(ss), 0
	case ss == 0:
		// A line of one word: it fills what a small spacing fills and
		// ends short of the rest, rather than spacing its letters apart.
		return 0, min(float64(excess)/float64(ls), letterMaxRatio)
	case excess <= ss+maxLetters:
		return 1, float64(excess-ss) / float64(ls)
	}
	return float64(excess-maxLetters) / float64(ss), letterMaxRatio
}

// glueSetter sets the glue of a line at glue ratio r. It rounds the running
// total of stretch (or shrink) applied rather than each glue, so the
// rounding errors cannot add up and a justified line ends exactly at its
// measure. Infinite glue stays empty: the ratio of a line holding it is 0.
type glueSetter struct {
	flex    Length // stretch or shrink seen so far
	applied Length // adjustment given out so far
}

func (g *glueSetter) set(it Item, r float64) Length {
	var flex Length
	switch {
	case it.Stretch >= FilStretch:
		return it.Width
	case r > 0:
		flex = it.Stretch
	case r < 0:
		flex = it.Shrink
	}
	g.flex += flex
	total := Length(math.Round(r * float64(g.flex)))
	d := total - g.applied
	g.applied = total
	return it.Width + d
}

// placer gathers a line's pieces as rune spans and makes their text once
// at the end, so that a long line of many boxes costs linear time.
type placer struct {
	t      *paraText
	pieces []Piece
	ends   []int // rune offset where each piece ends
}

// place appends a box's text, joining it to the last piece when that piece
// is of the same run, ends where the box begins and no gap lies between.
func (p *placer) place(src itemSrc, x, w Length, glued bool) {
	if src.run < 0 {
		return
	}
	if src.lead > 0 {
		// A trimmed opening bracket: when the blank stayed, the glue
		// before the box holds it, and the piece goes on from there.
		if n := len(p.pieces) - 1; n >= 0 && !glued && p.pieces[n].Run == src.run && p.ends[n] == src.start && p.pieces[n].X+p.pieces[n].Width == x-src.lead {
			p.pieces[n].Width += src.lead + w
			p.ends[n] = src.end
			return
		}
		p.pieces = append(p.pieces, Piece{Run: src.run, Start: src.start, X: x - src.lead, Width: src.lead + w})
		p.ends = append(p.ends, src.end)
		return
	}
	if n := len(p.pieces) - 1; n >= 0 && !glued && p.pieces[n].Run == src.run && p.ends[n] == src.start {
		p.pieces[n].Width += w
		p.ends[n] = src.end
		return
	}
	p.pieces = append(p.pieces, Piece{Run: src.run, Start: src.start, X: x, Width: w})
	p.ends = append(p.ends, src.end)
}

// finish fills in the pieces' text and returns them with the line's span.
func (p *placer) finish() ([]Piece, int, int) {
	for i := range p.pieces {
		pc := &p.pieces[i]
		pc.Text, pc.Byte = p.t.text(pc.Start, p.ends[i])
		if p.ends[i] < len(p.t.runes) {
			pc.Next = p.t.runes[p.ends[i]]
		}
		if op, ok := p.t.parts[pc.Start]; ok {
			pc.Part = op.index
		}
	}
	if len(p.pieces) == 0 {
		return nil, -1, -1
	}
	return p.pieces, p.pieces[0].Start, p.ends[len(p.ends)-1]
}

// emptyAt is where an empty line sits: at the '\n' that ends it.
func (s *setter) emptyAt(srcs []itemSrc, b int) int {
	if b < len(srcs) && srcs[b].run >= 0 {
		return srcs[b].start
	}
	return len(s.t.runes)
}

// overfull reports line n, which sticks out past its measure.
func (s *setter) overfull(n int, ln Line) Problem {
	p := Problem{Kind: Overfull, Line: n, Offset: ln.Start, Excess: ln.Set - ln.Width}
	if ln.Start < len(s.t.runes) {
		p.Run, p.Byte = s.t.run[ln.Start], s.t.byteOff[ln.Start]
	}
	return p
}
