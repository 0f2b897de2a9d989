package texmath

import "errors"

// Layout is a typeset formula: its extents, the items to paint, where an
// inline formula may break, and the equation tags a display formula
// carries. Coordinates are relative to the left end of the formula's
// baseline, Y downwards; Height is above the baseline and Depth below.
type Layout struct {
	Width, Height, Depth Length  // the extents, in Length units (1/65536 em of the base size)
	Items                []Item  // what to paint, in painting order
	Breaks               []Break // inline formulas only: top-level break opportunities
	Tags                 []Tag   // display formulas only: equation numbers and \tag texts
}

// Tag is an equation's number or \tag text, for the caller to set at the
// right margin (TeX's default, as in MathJax and amsmath) in the text font
// at the base size, on the baseline Y (down from the formula's baseline)
// of the line it numbers.
type Tag struct {
	Eq                   int    // index into Formula.Equations
	Text                 string // with parentheses unless \tag*
	Y                    Length // the tag's baseline, down from the formula's: 0 for Equations[0], the whole formula
	Width, Height, Depth Length // the text's extents as the TextMeasurer gave them, at the base size
}

// ErrNoMeasurer is returned by Layout without a TextMeasurer.
var ErrNoMeasurer = errors.New("texmath: Options.Text (the text measurer) is required")

// Layout typesets the formula: display formulas in display style, inline
// ones in text style. Set Equations[i].Number first for the equations
// that get automatic numbers.
func (f *Formula) Layout(opt Options) (*Layout, error) {
	if opt.Text == nil {
		return nil, ErrNoMeasurer
	}
	font := opt.Font
	if font == nil {
		var err error
		if font, err = DefaultFont(); err != nil {
			return nil, err
		}
	}
	l := &layouter{font: font, text: opt.Text, ref: opt.Ref, c: font.math.Constants}
	s := mathStyle{level: StyleText}
	if f.Display {
		s.level = StyleDisplay
	}
	res := l.list(f.Root.Kids, s, !f.Display)
	b := res.box
	out := &Layout{Width: b.w, Height: b.h, Depth: b.d, Items: b.items, Breaks: res.breaks}
	if f.Display {
		out.Tags = l.tags(f, b.marks)
	}
	return out, nil
}

// tags sets the tag texts of the equations that have one.
func (l *layouter) tags(f *Formula, marks []mark) []Tag {
	var out []Tag
	for i := range f.Equations {
		text := tagText(f.Equations, i)
		if text == "" {
			continue
		}
		t := Tag{Eq: i, Text: text}
		for _, m := range marks {
			if m.eq == i {
				t.Y = m.y
			}
		}
		t.Width, t.Height, t.Depth = l.text.MeasureText(TextRun{Text: text, Size: 100})
		out = append(out, t)
	}
	return out
}

// Piece is the stretch of an inline formula between two of its Breaks: a
// line may end after it, and the next line then starts with the next
// piece, the space after the operator dropped.
type Piece struct {
	// Start is where the piece's material starts (0, or a break's
	// Resume) and End where a line may end after it (the next break's X,
	// or the formula's width), from the formula's left edge.
	Start, End Length
	// Penalty is the cost of breaking before the piece: 0 for the first.
	Penalty int
	// Items are what the piece paints, placed from the formula's left
	// edge: each item belongs to the last piece that starts at or before
	// its X.
	Items []Item
}

// Pieces cuts the formula at its Breaks: one piece, all of it, when it
// has none (a display formula has none).
func (lay *Layout) Pieces() []Piece {
	pieces := []Piece{{Start: 0}}
	for _, b := range lay.Breaks {
		pieces[len(pieces)-1].End = b.X
		pieces = append(pieces, Piece{Start: b.Resume, Penalty: b.Penalty})
	}
	pieces[len(pieces)-1].End = lay.Width
	for _, it := range lay.Items {
		k := len(pieces) - 1
		for k > 0 && it.X < pieces[k].Start {
			k--
		}
		pieces[k].Items = append(pieces[k].Items, it)
	}
	return pieces
}

// Slice returns piece p of the formula as a layout of its own, from its
// Start to end (p.End, or further to keep the space after it): its items
// moved left by p.Start, as high and deep as the whole formula, so that
// slices set side by side share its baseline and its line's height. It
// has no breaks and no tags.
func (lay *Layout) Slice(p Piece, end Length) *Layout {
	out := &Layout{Width: end - p.Start, Height: lay.Height, Depth: lay.Depth, Items: make([]Item, len(p.Items))}
	for i, it := range p.Items {
		it.X -= p.Start
		out.Items[i] = it
	}
	return out
}
