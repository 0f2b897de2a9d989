package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Inline math between single dollars, $x$, for the sites whose MathJax
// configuration lists ['$','$'] among its inlineMath delimiters (Options.
// InlineDollar). MathJax pairs any two dollar signs of a paragraph; that
// turns "$5 and $10" into math, which no author of Korean prose means. The
// rules here are pandoc's (tex_math_dollars), which keep prices and shell
// variables as text:
//
//   - the opening $ is followed by a character that is not white space,
//     and is not preceded by a backslash (\$ is a dollar sign);
//   - the closing $ is the next $ after it (as MathJax pairs them), and
//     it is preceded by a character that is not white space or a
//     backslash, and is not followed by a digit;
//   - the math lies in one paragraph (it may cross its lines) and holds no
//     backquote: code spans are never math, as MathJax skips <code>;
//   - $$ is kramdown's delimiter, read by the $$ parsers, never two
//     empty dollars.
//
// A $ … $ pair that MathJax would have set as math but these rules keep
// as text ("$5 and $" followed by "10") is an Ambiguity: the caller warns
// about it at its position.

// dollarParser reads $…$ inline math.
type dollarParser struct{}

// Trigger implements parser.InlineParser.
func (dollarParser) Trigger() []byte { return []byte{'$'} }

// Parse implements parser.InlineParser.
func (dollarParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '$' || line[1] == '$' {
		return nil
	}
	src := block.Source()
	open := sourceOffset(seg, 0)
	if open > 0 && src[open-1] == '$' || escaped(src, open) {
		return nil
	}
	d := dollarsOf(pc, parent, src)
	r, _ := utf8.DecodeRune(line[1:])
	closer, ok := d.closerAfter(open)
	if unicode.IsSpace(r) || !ok {
		d.noteAmbiguity(pc, open)
		return nil
	}
	segs := text.NewSegments()
	block.Advance(1)
	for {
		l, s := block.PeekLine()
		if l == nil {
			return nil // not reached: the closer lies in this paragraph
		}
		start, stop := sourceOffset(s, 0), s.Stop
		if closer < stop {
			if closer > start {
				segs.Append(text.NewSegment(start, closer))
			}
			block.Advance(closer - start + 1)
			return &MathInline{Segments: segs}
		}
		segs.Append(text.NewSegment(start, stop))
		block.AdvanceLine()
	}
}

// escaped reports whether the byte at i follows an odd number of
// backslashes.
func escaped(src []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// dollars indexes a paragraph's dollar signs once, so that a paragraph of
// a thousand prices is read in n log n, not n² (each opener would scan to
// the end of the paragraph).
type dollars struct {
	block ast.Node
	// any are the offsets of every unescaped single $, in order, and
	// closes tells for each whether it may close math.
	any    []int
	closes []bool
	// ticks are the offsets of backquotes, in order.
	ticks []int
	// warned holds the openers whose ambiguity was reported.
	warned map[int]bool
}

var dollarsKey = parser.NewContextKey()

// dollarsOf returns the index of block's dollars, made on first use.
func dollarsOf(pc parser.Context, block ast.Node, src []byte) *dollars {
	if d, ok := pc.Get(dollarsKey).(*dollars); ok && d.block == block {
		return d
	}
	d := &dollars{block: block, warned: map[int]bool{}}
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for off := seg.Start; off < seg.Stop; off++ {
			switch src[off] {
			case '`':
				d.ticks = append(d.ticks, off)
			case '$':
				if escaped(src, off) || off+1 < len(src) && src[off+1] == '$' || off > 0 && src[off-1] == '$' {
					continue
				}
				d.any = append(d.any, off)
				d.closes = append(d.closes, closes(src, off, seg.Start))
			}
		}
	}
	pc.Set(dollarsKey, d)
	return d
}

// closes reports whether the $ at off may close math: a character that is
// not white space before it (in its line), and no digit after it.
func closes(src []byte, off, lineStart int) bool {
	if off == lineStart {
		return false
	}
	r, _ := utf8.DecodeLastRune(src[lineStart:off])
	if unicode.IsSpace(r) {
		return false
	}
	return off+1 >= len(src) || src[off+1] < '0' || src[off+1] > '9'
}

// closerAfter finds the closing $ of math opened at open: the next $,
// when it may close math and no backquote lies between.
func (d *dollars) closerAfter(open int) (int, bool) {
	i := search(d.any, open+1)
	if i == len(d.any) || !d.closes[i] {
		return 0, false
	}
	c := d.any[i]
	if t := search(d.ticks, open); t < len(d.ticks) && d.ticks[t] < c {
		return 0, false
	}
	return c, c > open+1
}

// search returns the index of the first element of sorted xs ≥ v.
func search(xs []int, v int) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := (lo + hi) / 2
		if xs[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Ambiguity is a $ … $ pair that MathJax on the blog would have set as
// math but these rules keep as text; Start and End are source offsets of
// the two dollar signs.
type Ambiguity struct {
	Start, End int // byte offsets in the parsed source of the opening and the closing $
}

var ambiguitiesKey = parser.NewContextKey()

// noteAmbiguity records, when the $ at open is not math here, the next $
// that MathJax would have paired it with.
func (d *dollars) noteAmbiguity(pc parser.Context, open int) {
	i := search(d.any, open+1)
	if i == len(d.any) || d.warned[open] {
		return
	}
	end := d.any[i]
	if t := search(d.ticks, open); t < len(d.ticks) && d.ticks[t] < end {
		return // a code span lies between: MathJax would not pair them either
	}
	d.warned[open], d.warned[end] = true, true
	list, _ := pc.Get(ambiguitiesKey).([]Ambiguity)
	pc.Set(ambiguitiesKey, append(list, Ambiguity{Start: open, End: end}))
}
