package texmath

// TextMeasurer measures text runs (\text{…}, Hangul in math, equation
// tags) in the font of the surrounding text, which the caller chooses and
// draws: Korean needs a Korean face. Lengths are in Length units (1/65536
// em of the base size); the run is set at run.Size percent of the base size.
type TextMeasurer interface {
	MeasureText(run TextRun) (width, height, depth Length)
}

// TextRun is a run of text to measure.
type TextRun struct {
	Text   string // the characters to measure: a \text argument, a tag, a character the math font lacks
	Size   int    // percent of the base size
	Bold   bool   // set in bold (\textbf)
	Italic bool   // set in italic (\textit)
}

// Options are what Layout needs besides the formula.
type Options struct {
	Font *Font        // the math font; nil means DefaultFont
	Text TextMeasurer // measures \text runs and tags; required
	// Ref resolves \eqref and \ref: the number of a labelled equation.
	// Nil, or false for a label, sets "??" as LaTeX does; the caller
	// reports the missing label.
	Ref func(label string) (string, bool)
}

// layouter holds the state of one Layout.
type layouter struct {
	font  *Font
	text  TextMeasurer
	ref   func(string) (string, bool)
	c     constants // MATH constants, in font units
	depth int
	work  int // atoms laid out, against a budget
}

// mathStyle is a TeX style with its cramped flag.
type mathStyle struct {
	level   Style
	cramped bool
}

// size is the style's glyph size in percent of the base size.
func (l *layouter) size(s mathStyle) int {
	switch s.level {
	case StyleScript:
		return l.c.ScriptPercentScaleDown
	case StyleScriptScript:
		return l.c.ScriptScriptPercentScaleDown
	}
	return 100
}

// sup is the style of a superscript (TeXbook, Appendix G rule 18).
func (s mathStyle) sup() mathStyle {
	switch s.level {
	case StyleDisplay, StyleText:
		return mathStyle{StyleScript, s.cramped}
	}
	return mathStyle{StyleScriptScript, s.cramped}
}

// sub is the style of a subscript: a superscript's, cramped.
func (s mathStyle) sub() mathStyle { t := s.sup(); t.cramped = true; return t }

// num is the style of a fraction's numerator.
func (s mathStyle) num() mathStyle {
	switch s.level {
	case StyleDisplay:
		return mathStyle{StyleText, s.cramped}
	case StyleText:
		return mathStyle{StyleScript, s.cramped}
	}
	return mathStyle{StyleScriptScript, s.cramped}
}

// den is the style of a denominator: a numerator's, cramped.
func (s mathStyle) den() mathStyle { t := s.num(); t.cramped = true; return t }

// crampedStyle returns s cramped (radicands, accented bases).
func (s mathStyle) crampedStyle() mathStyle { s.cramped = true; return s }

// maxAtoms bounds the atoms laid out for one formula; the parser's budgets
// keep real input far below it.
const maxAtoms = 1 << 17

// node lays out one node in style s.
func (l *layouter) node(n *Node, s mathStyle) *box {
	l.work++
	l.depth++
	defer func() { l.depth-- }()
	if n == nil || l.work > maxAtoms || l.depth > 4*MaxDepth {
		return newBox()
	}
	var b *box
	switch n.Kind {
	case KRow:
		b = l.list(n.Kids, s, false).box
		b.class = n.Class
		if n.Flags&FLimits != 0 && s.level == StyleDisplay {
			b.limits = true
		}
		return b
	case KIdent, KNumber:
		b = l.ident(n, s)
	case KOp:
		b = l.op(n, s)
	case KText:
		b = l.textBox(TextRun{Text: n.Text, Size: l.size(s), Bold: n.Variant == VarBold, Italic: n.Variant == VarItalic})
	case KScripts:
		b = l.scripts(n, s)
	case KFrac:
		b = l.frac(n, s)
	case KRoot:
		b = l.root(n, s)
	case KFenced:
		b = l.fenced(n, s)
	case KAccent:
		b = l.accent(n, s)
	case KTable:
		b = l.table(n, s)
	case KPhantom:
		inner := l.node(n.Kids[0], s)
		b = &box{w: inner.w, h: inner.h, d: inner.d, glyph: -1}
	case KRef:
		b = l.refBox(n, s)
	case KStyle:
		b = l.list(n.Kids, mathStyle{n.Style, s.cramped}, false).box
	default:
		b = newBox()
	}
	return b
}

// textBox measures a text run and makes its box.
func (l *layouter) textBox(run TextRun) *box {
	w, h, d := l.text.MeasureText(run)
	b := newBox()
	b.w, b.h, b.d = w, h, d
	b.items = []Item{{Kind: ItemText, Text: run.Text, Size: run.Size, W: w, H: h, Bold: run.Bold, Italic: run.Italic}}
	return b
}

// refText is what \eqref{x} ("(n)") and \ref{x} ("n") show, n as ref
// resolves x: "??" when ref is nil or does not know x, as LaTeX shows an
// unknown label. The layout, the MathML and the plain text all show it.
func refText(n *Node, ref func(string) (string, bool)) string {
	text, ok := "", false
	if ref != nil {
		text, ok = ref(n.Text)
	}
	if !ok {
		text = "??"
	}
	if n.Flags&FStar == 0 {
		text = "(" + text + ")"
	}
	return text
}

// refBox sets \eqref{x} as "(n)" and \ref{x} as "n" in the text font.
func (l *layouter) refBox(n *Node, s mathStyle) *box {
	b := l.textBox(TextRun{Text: refText(n, l.ref), Size: l.size(s)})
	b.items[0].Label = n.Text
	return b
}

// mu returns m math units (1/18 em of the style's size) as a Length.
func (l *layouter) mu(m int, s mathStyle) Length {
	return Length(int64(m) * emUnits * int64(l.size(s)) / (18 * 100))
}

// em returns a Length of num/den em at the style's size.
func (l *layouter) em(num, den int64, s mathStyle) Length {
	return Length(num * emUnits * int64(l.size(s)) / (den * 100))
}

// fu converts font units at the style's size.
func (l *layouter) fu(v int, s mathStyle) Length { return l.font.scale(v, l.size(s)) }
