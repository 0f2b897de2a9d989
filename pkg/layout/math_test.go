package layout

import (
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/yuin/goldmark/ast"
)

// mathOptions makes $…$ math and numbers equations, on an A5 page.
const mathOptions = "math: {inline: dollar, numbering: ams}\npdf:\n  paper: a5\n"

// setChapter lays out one chapter into boxes and returns the engine.
func setChapter(t *testing.T, md string) (*engine, *diag.List) {
	t.Helper()
	b := testBook(t, map[string]string{"a.md": "---\ntitle: 수식\n---\n" + md}, mathOptions)
	fs, err := newFontSet(b.Fonts)
	if err != nil {
		t.Fatal(err)
	}
	diags := &diag.List{}
	e := newEngine(b, Options{}, fs, diags)
	e.body()
	e.ch = b.Chapters()[0] // body() lets go of the last chapter
	return e, diags
}

// glyphsOf lists a box's glyph runs.
func glyphsOf(b *vbox) []Glyphs {
	var out []Glyphs
	for _, el := range b.els {
		if g, ok := el.(Glyphs); ok {
			out = append(out, g)
		}
	}
	return out
}

// textBoxes are the boxes that hold text or glyphs, in order.
func textBoxes(e *engine) []*vbox {
	var out []*vbox
	for _, b := range e.boxes {
		if b.base > 0 {
			out = append(out, b)
		}
	}
	return out
}

// formulasInOrder lists the formulas of the engine's chapter in source
// order.
func formulasInOrder(e *engine) []*book.Formula {
	var out []*book.Formula
	_ = ast.Walk(e.ch.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := e.ch.Math[n]; f != nil && entering {
			out = append(out, f)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TestInlineMathLeading: a line keeps its pitch when its formula fits in
// the line's room above and below the baseline, and grows by exactly the
// excess when a formula reaches past it; the formula's baseline is the
// text's.
func TestInlineMathLeading(t *testing.T) {
	e, _ := setChapter(t, "짧은 수식 $x$가 있는 줄.\n\n높은 분수 $\\frac{1}{\\frac{a}{\\frac{b}{c}}}$가 있는 줄.\n\n높은 첨자 $e^{e^{e^{x}}}$가 있는 줄.\n")
	lines := textBoxes(e)[1:] // after the chapter title
	fs := formulasInOrder(e)
	if len(lines) != 3 || len(fs) != 3 {
		t.Fatalf("%d lines and %d formulas, want 3 each", len(lines), len(fs))
	}
	base := e.lineBase()
	for i, b := range lines {
		lay := e.math.layouts[fs[i]]
		top, bottom := toLength(lay.Height, e.size), toLength(lay.Depth, e.size)
		above, below := max(0, top-base), max(0, bottom-(e.pitch-base))
		if b.h != e.pitch+above+below || b.base != base+above {
			t.Errorf("line %d: height %.2fpt, baseline %.2fpt; want %.2fpt, %.2fpt (formula %.2fpt above, %.2fpt below)",
				i, b.h.Pt(), b.base.Pt(), (e.pitch + above + below).Pt(), (base + above).Pt(), top.Pt(), bottom.Pt())
		}
		for _, el := range b.els {
			if tx, ok := el.(Text); ok && tx.Y != b.base {
				t.Errorf("line %d: text %q off the baseline", i, tx.Text)
			}
		}
		if g := glyphsOf(b); len(g) == 0 {
			t.Errorf("line %d has no glyphs of the formula", i)
		}
	}
	if lines[0].h != e.pitch {
		t.Errorf("a line with $x$ is %.2fpt high, want the pitch %.2fpt", lines[0].h.Pt(), e.pitch.Pt())
	}
	if lines[1].h-lines[1].base <= e.pitch-base {
		t.Errorf("a line with a deep fraction keeps its room below the baseline: it should open")
	}
	if lines[2].base <= base {
		t.Errorf("a line with a tall superscript keeps its baseline at %.2fpt: it should open above", lines[2].base.Pt())
	}
}

// TestInlineMathPositions: a formula sits in its line where the paragraph
// builder put its piece, on the baseline, and a broken formula continues
// at the next line's start; its glyphs stay within the measure.
func TestInlineMathPositions(t *testing.T) {
	e, _ := setChapter(t, "긴 수식이 줄 끝에 걸친다: $a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t + u + v$이다.\n")
	lines := textBoxes(e)[1:]
	if len(lines) < 2 {
		t.Fatalf("%d lines, want the formula broken over two", len(lines))
	}
	left, right := e.ctx.left, e.ctx.left+e.geo.textW
	for i, b := range lines {
		for _, g := range glyphsOf(b) {
			for _, gp := range g.Glyphs {
				if x := g.X + gp.X; x < left || x > right {
					t.Errorf("line %d: glyph at %.2fpt outside the measure %.2f–%.2f", i, x.Pt(), left.Pt(), right.Pt())
				}
			}
			if g.Font != e.math.face.id {
				t.Errorf("line %d: glyphs in face %d, not the math face", i, g.Font)
			}
		}
	}
	second := glyphsOf(lines[1])
	if len(second) == 0 || second[0].X+second[0].Glyphs[0].X > left+e.size {
		t.Errorf("the broken formula does not go on at the second line's start: %+v", second)
	}
}

// displayBoxes are the display formulas among the engine's boxes.
func displayBoxes(e *engine) []*vbox {
	var out []*vbox
	for _, b := range e.boxes {
		if b.display {
			out = append(out, b)
		}
	}
	return out
}

// TestDisplayMath: a display is centred in the measure, its tag flush
// right in the body face on its baseline, its label an anchor that the
// \eqref link of the chapter goes to; the line before it keeps with it,
// and the paragraph after it starts without a paragraph space.
func TestDisplayMath(t *testing.T) {
	e, _ := setChapter(t, "앞 문단의 마지막 줄이다.\n\n$$\\begin{equation} x = \\frac{1}{2} \\label{eq:a} \\end{equation}$$\n\n식 $\\eqref{eq:a}$를 보라.\n")
	ds := displayBoxes(e)
	if len(ds) != 1 {
		t.Fatalf("%d displays, want 1", len(ds))
	}
	d := ds[0]
	f := formulasInOrder(e)[0]
	lay := e.math.layouts[f]
	left, z := e.ctx.left, e.geo.textW
	w := toLength(lay.Width, e.size)
	x0 := left + (z-w)/2
	for _, g := range glyphsOf(d) {
		for _, gp := range g.Glyphs {
			if x := g.X + gp.X; x < x0 || x > x0+w {
				t.Errorf("glyph at %.2fpt outside the centred formula %.2f–%.2f", x.Pt(), x0.Pt(), (x0 + w).Pt())
			}
			if g.Y+gp.Y < 0 || g.Y+gp.Y > d.h {
				t.Errorf("glyph origin at %.2fpt outside the box of %.2fpt", (g.Y + gp.Y).Pt(), d.h.Pt())
			}
		}
	}
	var tag []Text
	for _, el := range d.els {
		if tx, ok := el.(Text); ok {
			tag = append(tag, tx)
		}
	}
	if len(tag) != 1 || tag[0].Text != "(1)" || tag[0].Y != d.base || e.fs.decl[tag[0].Font].Name != "body" {
		t.Fatalf("tag %+v, want (1) on the baseline %d in the body face", tag, d.base)
	}
	if end := tag[0].X + textWidth(tag[0]); end != left+z {
		t.Errorf("tag ends at %.2fpt, the measure at %.2fpt", end.Pt(), (left + z).Pt())
	}
	anchor := equationAnchor(e.ch, "eq:a")
	if a := d.more().anchors; len(a) != 1 || a[0].Name != anchor {
		t.Errorf("display anchors %+v, want %q", a, anchor)
	}
	linked := false
	for _, b := range e.boxes {
		for _, el := range b.els {
			if l, ok := el.(Link); ok && l.Anchor == anchor {
				linked = true
			}
		}
	}
	if !linked {
		t.Error("no link to the equation from \\eqref")
	}
	i := boxIndex(e, d)
	for j := i - 1; j >= 0; j-- {
		if !e.boxes[j].keep {
			t.Errorf("box %d before the display (space %v) does not keep with it", j, e.boxes[j].space)
		}
		if !e.boxes[j].space {
			break
		}
	}
	if !e.boxes[i+1].space || e.boxes[i+2].space || e.boxes[i+2].base == 0 {
		t.Error("the paragraph after the display should follow the skip below it directly")
	}
}

// boxIndex finds b among the engine's boxes.
func boxIndex(e *engine, b *vbox) int {
	for i, x := range e.boxes {
		if x == b {
			return i
		}
	}
	return -1
}

// TestDisplayCountsAsLine: a display inside a paragraph (\\[…\\]) is one of
// its lines for orphans and widows: the first line keeps with the next,
// the line before the display keeps with it, the display (next-to-last)
// keeps with the last line, which is not indented.
func TestDisplayCountsAsLine(t *testing.T) {
	e, _ := setChapter(t, "첫 줄이다 \\\\[ a = b \\\\] 마지막 줄이다.\n")
	var lines []*vbox
	for _, b := range e.boxes[boxIndex(e, displayBoxes(e)[0])-2:] {
		if !b.space {
			lines = append(lines, b)
		}
	}
	if len(lines) != 3 || !lines[1].display {
		t.Fatalf("%d boxes around the display, want line, display, line", len(lines))
	}
	if !lines[0].keep || !lines[1].keep || lines[2].keep {
		t.Errorf("keeps %v %v %v, want true true false", lines[0].keep, lines[1].keep, lines[2].keep)
	}
	for _, el := range lines[2].els {
		if tx, ok := el.(Text); ok && tx.X != e.ctx.left {
			t.Errorf("the text after the display starts at %.2fpt, not at the measure's edge", tx.X.Pt())
		}
		break
	}
}

// TestWideDisplayScaled: a display wider than the measure is set smaller
// to fit, with a warning at the formula.
func TestWideDisplayScaled(t *testing.T) {
	terms := make([]string, 30)
	for i := range terms {
		terms[i] = "a_{" + string(rune('a'+i%26)) + "}"
	}
	e, diags := setChapter(t, "$$"+strings.Join(terms, " + ")+"$$\n")
	d := displayBoxes(e)[0]
	left, right := e.ctx.left, e.ctx.left+e.geo.textW
	for _, g := range glyphsOf(d) {
		if g.Size >= e.size && len(g.Glyphs) > 0 && g.Glyphs[0].Text == "𝑎" {
			t.Errorf("glyphs at %.2fpt, not scaled down", g.Size.Pt())
		}
		for _, gp := range g.Glyphs {
			if x := g.X + gp.X; x < left || x > right {
				t.Errorf("glyph at %.2fpt past the measure", x.Pt())
			}
		}
	}
	if !strings.Contains(diagText(diags), "a.md:4:3: warning: math: the formula is") {
		t.Errorf("diagnostics:\n%s", diagText(diags))
	}
}

// TestMathFallback: a formula that cannot be typeset shows its TeX in the
// code face on a tint, inline and as a display.
func TestMathFallback(t *testing.T) {
	e, _ := setChapter(t, "틀린 수식 $\\frac{1}{$이 있다.\n\n$$\\nosuchcommand$$\n")
	var tints, code int
	for _, b := range e.boxes {
		for _, el := range b.els {
			switch el := el.(type) {
			case Rect:
				if el.Fill == mathTint {
					tints++
				}
			case Text:
				if strings.HasPrefix(el.Text, `\`) && e.fs.decl[el.Font].Name == "code" {
					code++
				}
			case Glyphs:
				t.Errorf("glyphs drawn for a formula that cannot be typeset: %+v", el)
			}
		}
	}
	if code != 2 || tints < 2 {
		t.Errorf("%d TeX texts in the code face and %d tints, want 2 and at least 2", code, tints)
	}
}

// TestDisplaySkips: the space above a display is TeX's display skip
// measured from the text of the line above; after a line that ends well
// before the formula, the short skip; at the head of a block, none.
func TestDisplaySkips(t *testing.T) {
	full := "가나다라마바사아자차 카타파하가나다라마바 사아자차카타파하가나"
	e, _ := setChapter(t, full+"\n\n$$a = b$$\n\n짧다.\n\n$$a = b$$\n\n## 제목\n\n$$a = b$$\n")
	ds := displayBoxes(e)
	if len(ds) != 3 {
		t.Fatalf("%d displays, want 3", len(ds))
	}
	above := func(d *vbox) Length {
		i := boxIndex(e, d)
		if e.boxes[i-1].space {
			return e.boxes[i-1].h
		}
		return 0
	}
	room := e.pitch - e.lineBase()
	if got, want := above(ds[0]), Length((displaySkip+textDepth)*float64(e.size))-room; got != want {
		t.Errorf("after a full line: %.2fpt above, want %.2fpt", got.Pt(), want.Pt())
	}
	if got, want := above(ds[1]), max(0, Length((displayShortSkip+textDepth)*float64(e.size))-room); got != want {
		t.Errorf("after a short line: %.2fpt above, want %.2fpt", got.Pt(), want.Pt())
	}
	if i := boxIndex(e, ds[2]); e.boxes[i-1].h != Length(headingBelow*float64(e.pitch)) {
		t.Errorf("after a heading: %.2fpt above, want the heading's own space only", e.boxes[i-1].h.Pt())
	}
}

// TestDisplayNeverHeadsPageAlone: however the text before it falls, a
// display that follows its paragraph's last line never starts a page
// without that line: the page breaks earlier and takes the line along.
func TestDisplayNeverHeadsPageAlone(t *testing.T) {
	for n := 1; n <= 24; n++ {
		var md strings.Builder
		md.WriteString("---\ntitle: 수식\n---\n")
		for i := range n {
			md.WriteString(strings.Repeat("채우는 문장이다. ", 1+i%3) + "\n\n")
		}
		md.WriteString("그러면 다음 식이 나온다.\n\n$$\\sum_{i=1}^{n} x_i = \\frac{a}{b}$$\n\n뒤의 문장.\n")
		b := testBook(t, map[string]string{"a.md": md.String()}, "math: {inline: dollar}\n"+smallPaper)
		doc, err := Layout(b, Options{}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range doc.Pages {
			var first Element
			firstY := Length(1 << 60)
			for _, el := range p.Elements {
				switch el := el.(type) {
				case Text:
					if el.Color != grayColor && el.Y < firstY { // not the running head
						first, firstY = el, el.Y
					}
				case Glyphs:
					if y := el.Y + el.Glyphs[0].Y; y < firstY {
						first, firstY = el, y
					}
				}
			}
			if _, ok := first.(Glyphs); ok {
				t.Errorf("%d paragraphs before: page %d starts with the display, its introducing line on the page before", n, i+1)
			}
		}
	}
}
