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
