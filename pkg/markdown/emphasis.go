package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// emphasisParser replaces goldmark's parser for '*' and '_' delimiter runs.
// It decides whether a run can open or close emphasis with the flanking rules
// of the CommonMark CJK-friendly Amendments (tats-u/markdown-cjk-friendly,
// specification.md §6.2), which reduce to CommonMark 0.31.2 §6.2 when no CJK
// character or variation selector is next to the run. Matching the runs into
// emphasis is goldmark's own parser.ProcessDelimiters.
type emphasisParser struct{}

// newEmphasisParser returns the CJK-friendly emphasis parser.
func newEmphasisParser() parser.InlineParser { return emphasisParser{} }

// Trigger implements parser.InlineParser.
func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

// Parse implements parser.InlineParser: it pushes one delimiter run.
func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	d := scanDelimiterRun(line, classifyBefore(block))
	if d == nil || !countDelimiter(pc, parent) {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// maxDelimiters bounds the delimiter runs of one block. goldmark's
// ProcessDelimiters searches back through every earlier run for each
// closer, so a paragraph of 20,000 unmatched runs ("*a_ *a_ …") takes
// seconds; past this many, further runs stay text. Real paragraphs have a
// few dozen.
const maxDelimiters = 2000

// delimiterCount counts the runs pushed for one block.
type delimiterCount struct {
	block ast.Node
	n     int
}

var delimiterCountKey = parser.NewContextKey()

// countDelimiter counts one more run for block and reports whether it is
// still within maxDelimiters.
func countDelimiter(pc parser.Context, block ast.Node) bool {
	c, ok := pc.Get(delimiterCountKey).(*delimiterCount)
	if !ok || c.block != block {
		c = &delimiterCount{block: block}
		pc.Set(delimiterCountKey, c)
	}
	c.n++
	return c.n <= maxDelimiters
}

// neighbour classifies the character (or character sequence) on one side
// of a delimiter run, in the terms of the amendment's §2.1.
type neighbour struct {
	space bool // Unicode whitespace, or the start or end of the line
	punct bool // a Unicode punctuation (sequence), CJK or not
	// nonCJKPunct is a non-CJK punctuation sequence.
	nonCJKPunct bool
	// cjk is a CJK sequence, or (before a run only) an ideographic
	// variation selector.
	cjk bool
}

// classify classifies the character r.
func classify(r rune) neighbour {
	return neighbour{
		space:       util.IsSpaceRune(r),
		punct:       util.IsPunctRune(r),
		nonCJKPunct: util.IsPunctRune(r) && !isCJK(r),
		cjk:         isCJK(r),
	}
}

// classifyBefore classifies what precedes the reader's position. A
// non-emoji variation selector there belongs to the character before it,
// which decides; U+FE01 after a curly quote makes a "CJK ambiguous
// punctuation sequence" (the quote in its fullwidth form), which is CJK
// punctuation, not non-CJK.
func classifyBefore(block text.Reader) neighbour {
	before := block.PrecendingCharacter()
	if isIVS(before) {
		return neighbour{cjk: true}
	}
	if !isNonEmojiVS(before) {
		return classify(before)
	}
	_, pos := block.Position()
	end := pos.Start - utf8.RuneLen(before)
	src := block.Source()
	if end <= 0 || end > len(src) {
		return classify(before)
	}
	primary, _ := utf8.DecodeLastRune(src[:end])
	n := classify(primary)
	if before == 0xfe01 && isAmbiguousQuote(primary) {
		n.nonCJKPunct = false
	}
	return n
}

// isAmbiguousQuote reports whether r is one of the curly quotes that U+FE01
// turns into a CJK ambiguous punctuation sequence (StandardizedVariants.txt,
// "fullwidth form"; the amendment's ranges.md).
func isAmbiguousQuote(r rune) bool {
	return r == '\u2018' || r == '\u2019' || r == '\u201c' || r == '\u201d'
}

// scanDelimiterRun reads the run of '*' or '_' at the start of line and
// classifies it; before describes what precedes the run.
func scanDelimiterRun(line []byte, before neighbour) *parser.Delimiter {
	if len(line) == 0 || (line[0] != '*' && line[0] != '_') {
		return nil
	}
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	after := classify('\n') // the end of the line counts as whitespace
	if n < len(line) {
		r, _ := utf8.DecodeRune(line[n:])
		after = classify(r)
	}
	left := leftFlanking(before, after)
	right := rightFlanking(before, after)
	canOpen, canClose := left, right
	if c == '_' {
		// Rules 2 and 6 (and their mirrors 3 and 7): an intraword '_'
		// neither opens nor closes, unless punctuation sits on the side
		// that lets it.
		canOpen = left && (!right || before.punct)
		canClose = right && (!left || after.punct)
	}
	return parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters)
}

// leftFlanking is the amended definition of a left-flanking delimiter run:
// (1) not followed by whitespace, and either (2a) not followed by a non-CJK
// punctuation character, or (2b) followed by one and preceded by whitespace
// (α), a non-CJK punctuation sequence (β), a CJK sequence (γ) or an
// ideographic variation selector (δ).
func leftFlanking(before, after neighbour) bool {
	if after.space {
		return false
	}
	return !after.nonCJKPunct || before.space || before.nonCJKPunct || before.cjk
}

// rightFlanking is the amended definition of a right-flanking delimiter run:
// (1) not preceded by whitespace, and either (2a) not preceded by a non-CJK
// punctuation sequence, or (2b) preceded by one and followed by whitespace
// (α), a non-CJK punctuation character (β) or a CJK character (γ).
func rightFlanking(before, after neighbour) bool {
	if before.space {
		return false
	}
	return !before.nonCJKPunct || after.space || after.nonCJKPunct || after.cjk
}

// emphasisDelimiters turns matched '*' and '_' runs into ast.Emphasis, as
// goldmark's own processor does.
var emphasisDelimiters = emphasisProcessor{}

type emphasisProcessor struct{}

// IsDelimiter implements parser.DelimiterProcessor.
func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

// CanOpenCloser implements parser.DelimiterProcessor: only runs of the same
// character match.
func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

// OnMatch implements parser.DelimiterProcessor.
func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
