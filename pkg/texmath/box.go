package texmath

// ItemKind is the kind of a positioned item in a laid-out formula.
type ItemKind uint8

// The item kinds.
const (
	ItemGlyph ItemKind = iota // a glyph of the math font, by glyph id
	ItemRule                  // a filled rectangle
	ItemText                  // a run of text the caller measures and draws
)

// Item is one positioned thing to paint. X is measured rightwards from the
// formula's left edge, Y downwards from its baseline. A glyph or text is
// drawn with its origin (left end of its baseline) at (X, Y), at Size
// percent of the base size; a rule is the rectangle with top-left corner
// (X, Y), W wide and H tall.
type Item struct {
	Kind  ItemKind // glyph, rule or text: which of the fields below apply
	X, Y  Length   // the origin (glyph, text) or top-left corner (rule), in Length units
	W, H  Length   // rule size; for text, the measured width and height
	Glyph uint16   // ItemGlyph: glyph id in the math font
	Size  int      // ItemGlyph, ItemText: percent of the base size (100, or the MATH script scales)
	// Text is the text of an ItemText, and for an ItemGlyph the
	// character it stands for (for copying and text extraction), empty
	// for all but the first piece of an assembled delimiter.
	Text string
	// Label, on the ItemText of an \eqref or \ref, is the label it
	// refers to, so that a painter can make it a link.
	Label  string
	Bold   bool // ItemText: \textbf
	Italic bool // ItemText: \textit
}

// box is a laid-out piece: extents and items relative to its origin.
type box struct {
	w, h, d   Length
	items     []Item
	marks     []mark // baselines of numbered rows
	italic    Length // italic correction of a final glyph
	accentX   Length // top accent attachment, when hasAccent
	hasAccent bool
	glyph     int // the glyph id when the box is a single glyph, else -1
	size      int // size of that glyph
	class     Class
	limits    bool // a large operator taking limits above and below
}

// mark records the baseline of a table row that is an equation.
type mark struct {
	eq int
	y  Length
}

// newBox returns an empty box.
func newBox() *box { return &box{glyph: -1} }

// add places child at (x, y) (y downward) inside b, without changing b's
// extents.
func (b *box) add(child *box, x, y Length) {
	for _, it := range child.items {
		it.X += x
		it.Y += y
		b.items = append(b.items, it)
	}
	for _, m := range child.marks {
		b.marks = append(b.marks, mark{m.eq, m.y + y})
	}
}

// rule adds a rectangle.
func (b *box) rule(x, y, w, h Length) {
	b.items = append(b.items, Item{Kind: ItemRule, X: x, Y: y, W: w, H: h})
}

// hpack sets boxes side by side on a common baseline, with the given gaps
// before each (gaps may be nil), and returns the combined box.
func hpack(parts []*box, gaps []Length) *box {
	out := newBox()
	x := Length(0)
	for i, p := range parts {
		if gaps != nil {
			x += gaps[i]
		}
		out.add(p, x, 0)
		x += p.w
		out.h, out.d = max(out.h, p.h), max(out.d, p.d)
	}
	out.w = x
	if len(parts) > 0 {
		out.italic = parts[len(parts)-1].italic
	}
	return out
}
