package texmath

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// testLayouter returns a layouter on the shipped font with the fixed
// measurer.
func testLayouter(t *testing.T) *layouter {
	t.Helper()
	f, err := DefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	return &layouter{font: f, text: fixedMeasurer{}, c: f.math.Constants}
}

// parseOne parses a formula that must parse and returns its single root
// node.
func parseOne(t *testing.T, tex string) *Node {
	t.Helper()
	f, probs := Parse(tex, true, nil)
	if f == nil || len(f.Root.Kids) != 1 {
		t.Fatalf("%s: %v", tex, probs)
	}
	return f.Root.Kids[0]
}

// glyphY returns the Y of the first glyph item of box b drawn for rune r
// at any size; ok is false when there is none.
func glyphY(l *layouter, b *box, r rune) (Length, Length, bool) {
	g, _ := l.font.glyph(mathChar(r, VarDefault))
	for _, it := range b.items {
		if it.Kind == ItemGlyph && it.Glyph == g {
			return it.X, it.Y, true
		}
	}
	return 0, 0, false
}

// TestFractionRules: in display and text style, the numerator's baseline
// is raised at least the MATH table's shift and far enough that the gap
// to the rule is at least the minimum; likewise the denominator.
func TestFractionRules(t *testing.T) {
	l := testLayouter(t)
	c := l.c
	for _, tc := range []struct {
		tex   string
		style mathStyle
	}{
		{`\frac{x}{y}`, mathStyle{StyleDisplay, false}},
		{`\frac{x}{y}`, mathStyle{StyleText, false}},
		{`\frac{x^{2^2}}{y_{j_k}}`, mathStyle{StyleDisplay, false}},
		{`\frac{\sum_a^b}{\int_0^1}`, mathStyle{StyleText, false}},
	} {
		n := parseOne(t, tc.tex)
		b := l.frac(n, tc.style)
		num := l.node(n.Kids[0], tc.style.num())
		den := l.node(n.Kids[1], tc.style.den())
		_, ny, _ := glyphY(l, b, firstRune(n.Kids[0]))
		_, dy, _ := glyphY(l, b, firstRune(n.Kids[1]))
		up, down, gapN, gapD := c.FractionNumeratorShiftUp, c.FractionDenominatorShiftDown, c.FractionNumeratorGapMin, c.FractionDenominatorGapMin
		if tc.style.level == StyleDisplay {
			up, down, gapN, gapD = c.FractionNumeratorDisplayStyleShiftUp, c.FractionDenominatorDisplayStyleShiftDown, c.FractionNumDisplayStyleGapMin, c.FractionDenomDisplayStyleGapMin
		}
		axis, rule := l.fu(c.AxisHeight, tc.style), l.fu(c.FractionRuleThickness, tc.style)
		if -ny < l.fu(up, tc.style) || dy < l.fu(down, tc.style) {
			t.Errorf("%s: numerator up %d (min %d), denominator down %d (min %d)", tc.tex, -ny, l.fu(up, tc.style), dy, l.fu(down, tc.style))
		}
		if gap := (-ny - num.d) - (axis + rule/2); gap < l.fu(gapN, tc.style)-1 {
			t.Errorf("%s: numerator gap %d < %d", tc.tex, gap, l.fu(gapN, tc.style))
		}
		if gap := (axis - rule/2) - (den.h - dy); gap < l.fu(gapD, tc.style)-1 {
			t.Errorf("%s: denominator gap %d < %d", tc.tex, gap, l.fu(gapD, tc.style))
		}
	}
}

// firstRune is the first character of the first leaf under n.
func firstRune(n *Node) rune {
	for n.Kind != KIdent && n.Kind != KOp && n.Kind != KNumber && len(n.Kids) > 0 {
		n = n.Kids[0]
	}
	for _, r := range n.Text {
		return r
	}
	return 0
}

// TestScriptRules: superscripts are raised at least SuperscriptShiftUp
// (SuperscriptShiftUpCramped when cramped) with their bottom at least
// SuperscriptBottomMin up; subscripts lowered at least SubscriptShiftDown
// with their top at most SubscriptTopMax; together at least
// SubSuperscriptGapMin apart.
func TestScriptRules(t *testing.T) {
	l := testLayouter(t)
	c := l.c
	for _, tc := range []struct {
		tex   string
		style mathStyle
	}{
		{`x^a`, mathStyle{StyleText, false}},
		{`x^a`, mathStyle{StyleText, true}},
		{`x_a`, mathStyle{StyleDisplay, false}},
		{`x_a^b`, mathStyle{StyleText, false}},
		{`x_{\frac{a}{b}}^{\frac{c}{d}}`, mathStyle{StyleDisplay, false}},
		{`x^{y_{jj}}_{q^{p}}`, mathStyle{StyleScript, false}},
	} {
		n := parseOne(t, tc.tex)
		s := tc.style
		b := l.scripts(n, s)
		var sub, sup *box
		var subY, supY Length
		if n.Kids[2] != nil {
			sup = l.node(n.Kids[2], s.sup())
			_, supY, _ = glyphY(l, b, firstRune(n.Kids[2]))
			shift := -supY
			if n.Kids[2].Kind != KIdent {
				shift = -(supY - firstBaseline(l, n.Kids[2], s.sup()))
			}
			min := c.SuperscriptShiftUp
			if s.cramped {
				min = c.SuperscriptShiftUpCramped
			}
			if shift < l.fu(min, s) || shift-sup.d < l.fu(c.SuperscriptBottomMin, s)-1 {
				t.Errorf("%s %+v: superscript shift %d, bottom %d", tc.tex, s, shift, shift-sup.d)
			}
			supY = shift
		}
		if n.Kids[1] != nil {
			sub = l.node(n.Kids[1], s.sub())
			_, y, _ := glyphY(l, b, firstRune(n.Kids[1]))
			if n.Kids[1].Kind != KIdent {
				y -= firstBaseline(l, n.Kids[1], s.sub())
			}
			subY = y
			if y < l.fu(c.SubscriptShiftDown, s) || sub.h-y > l.fu(c.SubscriptTopMax, s)+1 {
				t.Errorf("%s %+v: subscript shift %d, top %d", tc.tex, s, y, sub.h-y)
			}
		}
		if sub != nil && sup != nil {
			if gap := (supY - sup.d) - (sub.h - subY); gap < l.fu(c.SubSuperscriptGapMin, s)-1 {
				t.Errorf("%s: script gap %d < %d", tc.tex, gap, l.fu(c.SubSuperscriptGapMin, s))
			}
		}
	}
}

// firstBaseline is the Y, inside the script's own box, of the glyph that
// glyphY finds first, so that the script's shift can be recovered.
func firstBaseline(l *layouter, n *Node, s mathStyle) Length {
	b := l.node(n, s)
	_, y, _ := glyphY(l, b, firstRune(n))
	return y
}

// TestSpacingTable: the spaces TeX puts between atoms in text style
// (thin after an operator name, medium around a binary operator, thick
// around a relation) and none in script style.
func TestSpacingTable(t *testing.T) {
	l := testLayouter(t)
	text, script := mathStyle{StyleText, false}, mathStyle{StyleScript, false}
	for _, tc := range []struct {
		a, b  Class
		s     mathStyle
		wantM int
	}{
		{Ord, Bin, text, 4}, {Bin, Ord, text, 4}, {Ord, Rel, text, 5}, {Op, Ord, text, 3},
		{Ord, Bin, script, 0}, {Op, Ord, script, 3}, {Open, Ord, text, 0}, {Punct, Ord, text, 3},
	} {
		if got := l.space(tc.a, tc.b, tc.s); got != l.mu(tc.wantM, tc.s) {
			t.Errorf("%v-%v in %v: %d, want %d mu = %d", tc.a, tc.b, tc.s, got, tc.wantM, l.mu(tc.wantM, tc.s))
		}
	}
}

// TestStretchReachesTarget: delimiters and radicals grown to any size
// from 1 to 30 em reach the size asked for, by variants or assemblies.
func TestStretchReachesTarget(t *testing.T) {
	l := testLayouter(t)
	for _, r := range []rune{'(', ')', '[', '{', '|', '‖', '⌈', '√', '∫'} {
		for em := int64(1); em <= 30; em += 3 {
			target := Length(em * emUnits)
			b := l.stretchGlyph(r, target, 100, true)
			if r == '∫' && b.h+b.d < target {
				continue // ∫ has variants only, up to about 3 em
			}
			if b.h+b.d < target-emUnits/100 {
				t.Errorf("%c at %d em: %d < %d", r, em, b.h+b.d, target)
			}
		}
	}
	// Horizontal: braces and arrows have assemblies; the circumflex has
	// variants only (up to about 1.7 em in DejaVu Math), so a wider hat is
	// its largest variant, as in TeX.
	for _, r := range []rune{'⏞', '⏟', '→'} {
		for em := int64(1); em <= 20; em += 4 {
			target := Length(em * emUnits)
			if b := l.stretchGlyph(r, target, 100, false); b.w < target-emUnits/100 {
				t.Errorf("%U at %d em wide: %d < %d", r, em, b.w, target)
			}
		}
	}
}

// TestRandomLayoutInvariants builds random formulas from the constructs
// and checks that every item lies within the formula's box (glyph origins
// and rules: x in [0, width], y in [-height, depth]) and that the output
// is the same when laid out twice.
func TestRandomLayoutInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		tex := randomFormula(rng, 3)
		f, probs := Parse(tex, i%2 == 0, nil)
		if f == nil {
			t.Fatalf("%s: %v", tex, probs)
		}
		a, err := f.Layout(Options{Text: fixedMeasurer{}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := f.Layout(Options{Text: fixedMeasurer{}})
		if DumpLayout(a) != DumpLayout(b) {
			t.Fatalf("%s: two layouts differ", tex)
		}
		for _, it := range a.Items {
			// Combining accents have no advance and draw left of their
			// origin, so origins may lie up to half an em past the right.
			if it.X < -emUnits/2 || it.X > a.Width+emUnits/2 || it.Y < -a.Height-emUnits/4 || it.Y > a.Depth+emUnits/4 {
				t.Fatalf("%s: item %+v outside %d×(%d+%d)", tex, it, a.Width, a.Height, a.Depth)
			}
		}
	}
}

// randomFormula writes a random formula of the given nesting depth.
func randomFormula(rng *rand.Rand, depth int) string {
	leaves := []string{"x", "y_i", "2", `\alpha`, "+", "=", `\sum`, `\int`, "(", ")", `\text{가}`}
	if depth == 0 {
		return leaves[rng.IntN(len(leaves))]
	}
	sub := func() string { return randomFormula(rng, depth-1) }
	forms := []func() string{
		func() string { return sub() + " " + sub() },
		func() string { return `\frac{` + sub() + `}{` + sub() + `}` },
		func() string { return `{` + sub() + `}^{` + sub() + `}_{` + sub() + `}` },
		func() string { return `\sqrt{` + sub() + `}` },
		func() string { return `\sqrt[3]{` + sub() + `}` },
		func() string { return `\left(` + sub() + `\right)` },
		func() string { return `\hat{` + sub() + `}` },
		func() string { return `\overline{` + sub() + `}` },
		func() string { return `\begin{pmatrix}` + sub() + ` & ` + sub() + `\\` + sub() + `\end{pmatrix}` },
		func() string { return `\sum_{` + sub() + `}^{` + sub() + `}` + sub() },
		func() string { return `\binom{` + sub() + `}{` + sub() + `}` },
		func() string { return `\underbrace{` + sub() + `}_{` + sub() + `}` },
	}
	return strings.TrimSpace(forms[rng.IntN(len(forms))]())
}
