package svg

import "fmt"

// Limits bound the work one image may cause. Each is far above what real
// drawings need (a matplotlib plot of ten thousand markers draws about
// 50,000 segments; draw.io and mermaid diagrams a few thousand) and far
// below what would make a book slow or its PDF huge. Past any of them
// the image is not drawn: Parse returns a *LimitError.
type Limits struct {
	// Bytes bounds the file's size.
	Bytes int
	// Elements bounds the elements in the file; Depth how deep they nest,
	// counting the levels a <use> adds.
	Elements, Depth int
	// Instances bounds the elements drawn, each copy a <use> makes
	// counted again: a file of a few kilobytes whose uses refer to uses
	// of uses would otherwise draw billions of shapes.
	Instances int
	// Segments bounds the path segments drawn, copies included; Runes the
	// characters of text.
	Segments, Runes int
	// StyleSteps bounds the work of matching the style sheet's selectors
	// against the elements (one step per compound selector tried).
	StyleSteps int
}

// DefaultLimits are the limits the writers use.
var DefaultLimits = Limits{
	Bytes:     16 << 20,
	Elements:  100_000,
	Depth:     256,
	Instances: 100_000,
	Segments:  250_000,
	Runes:     100_000,
	// mermaid's sheet of about 150 rules over 500 elements takes about
	// a million steps
	StyleSteps: 20_000_000,
}

// LimitError says which limit an image went past.
type LimitError struct {
	What  string // "bytes", "elements", …
	Limit int    // the most the image may have
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("it has more than %d %s", e.Limit, e.What)
}

// budget counts what a parse has spent against its limits; the first
// limit passed is kept in over, and everything after it is refused.
type budget struct {
	lim                          Limits
	instances, segments, runeCnt int
	styles                       int
	over                         *LimitError
}

func (b *budget) exhausted() bool { return b.over != nil }

func (b *budget) fail(what string, limit int) {
	if b.over == nil {
		b.over = &LimitError{What: what, Limit: limit}
	}
}

// segment counts one path segment; false past the limit.
func (b *budget) segment() bool {
	if b.over != nil {
		return false
	}
	b.segments++
	if b.segments > b.lim.Segments {
		b.fail("path segments", b.lim.Segments)
		return false
	}
	return true
}

// instance counts one element drawn; false past the limit.
func (b *budget) instance() bool {
	if b.over != nil {
		return false
	}
	b.instances++
	if b.instances > b.lim.Instances {
		b.fail("elements drawn (with the copies <use> makes)", b.lim.Instances)
		return false
	}
	return true
}

// runes counts n characters of text; false past the limit.
func (b *budget) runes(n int) bool {
	if b.over != nil {
		return false
	}
	b.runeCnt += n
	if b.runeCnt > b.lim.Runes {
		b.fail("characters of text", b.lim.Runes)
		return false
	}
	return true
}

// styleStep counts n steps of selector matching; false past the limit.
func (b *budget) styleStep(n int) bool {
	if b.over != nil {
		return false
	}
	b.styles += n
	if b.styles > b.lim.StyleSteps {
		b.fail("steps of style matching", b.lim.StyleSteps)
		return false
	}
	return true
}
