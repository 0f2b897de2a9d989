package layout

// box is one unbreakable slice of a text block: a line of text, a line of
// code, an image, a table row, a rule or a stretch of vertical space. The
// page breaker stacks boxes; its elements are placed relative to the
// top-left corner of the box at the text block's left edge, and moved onto
// the page when the box is placed.
type vbox struct {
	h Length
	// base is the baseline of the box's first line of text, 0 if none.
	base Length
	// lineW is the set width of a line of text, for aligning it.
	lineW Length
	els   []Element
	// x holds what few boxes have (anchors, table header rows, notes,
	// callbacks): nil for most lines, which keeps a long book's boxes small.
	x *boxExtra
	// head is the running head of the pages this box lies on; opening
	// marks a chapter's first box, whose page shows no running head.
	head string
	// float, on the first box of a figure, is the number of boxes of the
	// figure (the image and its caption lines): a figure that does not
	// fit where it stands may move below the text that follows it.
	float int
	// The flags come last, side by side, so that a box takes 96 bytes.
	opening bool
	// space marks vertical space, dropped at the top of a page.
	space bool
	// keep forbids a page break between this box and the next: headings,
	// the first and next-to-last lines of paragraphs (no orphans, no
	// widows), table header rows.
	keep bool
	// brk forces a page break before the box.
	brk breakKind
	// repeated marks a table's header row, which the pages the table
	// goes on to show again: it keeps its elements once placed.
	repeated bool
	// inner marks every box of a code block or table but the first: a
	// floating figure does not come between it and the box before.
	inner bool
	// display marks a display formula: the line before it keeps with it.
	display bool
}

// breakKind says whether a box must start a new page, and which.
type breakKind uint8

const (
	noBreak breakKind = iota
	// pageBreak starts a new page.
	pageBreak
	// rectoBreak starts a new odd-numbered page, leaving a blank verso
	// when needed.
	rectoBreak
)

// boxExtra holds the fields of a vbox that few boxes use.
type boxExtra struct {
	anchors []Anchor
	// header holds the table header rows repeated above the box when it
	// starts a page.
	header []*vbox
	// notes are the footnotes referenced in the box, set at the foot of
	// the page that holds it.
	notes []*vbox
	// refs are the numbers of the footnotes referenced in the box.
	refs []int
	// placed is called with the page index and the y of the box's top on
	// the page once it is placed: outline entries and TOC page numbers.
	placed []func(page int, y Length)
}

// noExtra is what more gives for a box without extra fields; it is never
// written to.
var noExtra boxExtra

// more returns the box's extra fields for reading: an empty set when it
// has none. Write through grow.
func (b *vbox) more() *boxExtra {
	if b.x == nil {
		return &noExtra
	}
	return b.x
}

// grow returns the box's extra fields for writing, made on first use.
func (b *vbox) grow() *boxExtra {
	if b.x == nil {
		b.x = &boxExtra{}
	}
	return b.x
}

// shifted returns el moved by dx, dy.
func shifted(el Element, dx, dy Length) Element {
	switch e := el.(type) {
	case Text:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case Glyphs:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case Rule:
		e.X1, e.Y1, e.X2, e.Y2 = e.X1+dx, e.Y1+dy, e.X2+dx, e.Y2+dy
		return e
	case Rect:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case Image:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case Link:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	}
	return el
}
