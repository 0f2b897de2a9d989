package texmath

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// layoutOf parses and lays out one formula, numbering its equations.
func layoutOf(t *testing.T, tex string, display bool) (*Formula, *Layout) {
	t.Helper()
	f, probs := Parse(tex, display, nil)
	if f == nil {
		t.Fatalf("%s: %v", tex, probs)
	}
	numberEquations(f)
	lay, err := f.Layout(Options{Text: fixedMeasurer{}, Ref: fakeRef})
	if err != nil {
		t.Fatal(err)
	}
	return f, lay
}

var useRef = regexp.MustCompile(`xlink:href="#([^"]+)"`)

// TestSVGSharedDefs checks that an SVG written without its definitions
// names exactly the glyphs Glyphs lists, which SVGDefs defines.
func TestSVGSharedDefs(t *testing.T) {
	font, err := DefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	_, lay := layoutOf(t, `\sum_{i=1}^{n} \frac{a_i}{\sqrt{b}} = \left(\int_0^1 x\,dx\right)`, true)
	own, err := lay.SVG(nil, "x", SVGOptions{IDPrefix: "p-"})
	if err != nil {
		t.Fatal(err)
	}
	shared, err := lay.SVG(nil, "x", SVGOptions{IDPrefix: "p-", SharedDefs: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(shared.Markup, "<defs>") || strings.Contains(shared.Markup, "<path") {
		t.Errorf("shared SVG defines glyphs: %s", shared.Markup)
	}
	defs, err := font.SVGDefs(append(lay.Glyphs(), lay.Glyphs()...), "p-")
	if err != nil {
		t.Fatal(err)
	}
	wellFormed(t, shared.Markup)
	wellFormed(t, defs)
	// The shared SVG with its definitions put back is the SVG that has
	// its own.
	open := strings.Index(own.Markup, "<defs>")
	if got := shared.Markup[:open] + defs + shared.Markup[open:]; got != own.Markup {
		t.Errorf("shared SVG + defs differs from the SVG with its own\n%s\n%s", got, own.Markup)
	}
	used := map[string]bool{}
	for _, m := range useRef.FindAllStringSubmatch(shared.Markup, -1) {
		used[m[1]] = true
	}
	glyphs := lay.Glyphs()
	if len(used) != len(glyphs) || len(glyphs) < 5 {
		t.Errorf("%d glyphs used, Glyphs lists %d", len(used), len(glyphs))
	}
	for i := 1; i < len(glyphs); i++ {
		if glyphs[i] <= glyphs[i-1] {
			t.Errorf("Glyphs not ascending and distinct: %v", glyphs)
		}
	}
	if d, _ := font.SVGDefs(nil, "p-"); d != "" {
		t.Errorf("SVGDefs of nothing: %q", d)
	}
}

// TestSVGHiddenAndLinks checks the aria attributes and the links of
// \eqref.
func TestSVGHiddenAndLinks(t *testing.T) {
	_, lay := layoutOf(t, `a = b \eqref{known} + \ref{unknown}`, false)
	link := func(label string) (string, bool) { return "#eq-" + label, label == "known" }
	svg, err := lay.SVG(nil, `a < b`, SVGOptions{Link: link})
	if err != nil {
		t.Fatal(err)
	}
	wellFormed(t, svg.Markup)
	for _, want := range []string{`role="img" aria-label="a &lt; b"`, `<a xlink:href="#eq-known" xlink:title="(7)"><text`, `>(7)</text></a>`, `>??</text>`} {
		if !strings.Contains(svg.Markup, want) {
			t.Errorf("SVG lacks %s:\n%s", want, svg.Markup)
		}
	}
	if strings.Count(svg.Markup, "<a ") != 1 {
		t.Errorf("want one link (the unknown label links nothing):\n%s", svg.Markup)
	}
	hidden, _ := lay.SVG(nil, `a < b`, SVGOptions{Hidden: true})
	if !strings.Contains(hidden.Markup, `aria-hidden="true"`) || strings.Contains(hidden.Markup, "role=") || strings.Contains(hidden.Markup, "aria-label") || strings.Contains(hidden.Markup, "<a ") {
		t.Errorf("hidden SVG:\n%s", hidden.Markup)
	}
}

// TestTagsSVG checks that the tags drawn apart sit on their rows'
// baselines and share the formula's baseline reference.
func TestTagsSVG(t *testing.T) {
	_, lay := layoutOf(t, `\begin{align} a &= b \\ c &= d \tag{x} \\ e &= f \notag \end{align}`, true)
	if len(lay.Tags) != 2 {
		t.Fatalf("want 2 tags, got %+v", lay.Tags)
	}
	tags := lay.TagsSVG(SVGOptions{TextFamily: "inherit"})
	wellFormed(t, tags.Markup)
	if !strings.Contains(tags.Markup, `aria-label="(1) (x)"`) {
		t.Errorf("tags label:\n%s", tags.Markup)
	}
	// Each tag's text is on its row's baseline (viewBox units, 1/1000 em)
	// and flush right.
	texts := regexp.MustCompile(`<text x="(-?\d+)" y="(-?\d+)"[^>]*textLength="(\d+)"`).FindAllStringSubmatch(tags.Markup, -1)
	if len(texts) != 2 {
		t.Fatalf("want two texts:\n%s", tags.Markup)
	}
	for i, m := range texts {
		if want := strconv.FormatInt(toSVG(lay.Tags[i].Y), 10); m[2] != want {
			t.Errorf("tag %d at y=%s, want %s", i, m[2], want)
		}
		if right := mustAtoi(m[1]) + mustAtoi(m[3]); right != int(tags.Width*1000+0.5) {
			t.Errorf("tag %d ends at %d, SVG is %v em wide", i, right, tags.Width)
		}
	}
	if wantBase := toSVG(lay.Tags[1].Y + lay.Tags[1].Depth); int64(tags.Baseline*1000+0.5) < wantBase {
		t.Errorf("baseline %v em above the bottom, the last tag goes %d below", tags.Baseline, wantBase)
	}
	if _, none := layoutOf(t, `a = b`, true); none.TagsSVG(SVGOptions{}).Markup != "" {
		t.Error("TagsSVG of an untagged formula is not empty")
	}
	if hidden := lay.TagsSVG(SVGOptions{Hidden: true}); !strings.Contains(hidden.Markup, `aria-hidden="true"`) {
		t.Errorf("hidden tags:\n%s", hidden.Markup)
	}
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestMathMLCore checks the MathML Core output: alphabets as characters,
// row tags as cells, the formula's own tag left to the caller.
func TestMathMLCore(t *testing.T) {
	tests := []struct {
		tex     string
		display bool
		want    []string
		not     []string
		ownTag  string
	}{
		{tex: `\mathbf{z} \in \mathbb{R}^K + \mathcal{L} + \mathbf{12} + \mathrm{d}x`, want: []string{"<mi>𝐳</mi>", "<mi>ℝ</mi>", "<mi>ℒ</mi>", "<mn>𝟏𝟐</mn>", `<mi mathvariant="normal">d</mi>`}, not: []string{`mathvariant="bold"`, `mathvariant="double-struck"`}},
		// Greek has no sans-serif alphabet: the attribute stays.
		{tex: `\mathsf{\alpha}`, want: []string{`mathvariant="sans-serif"`}},
		{tex: `\begin{equation} a = b \label{x} \end{equation}`, display: true, not: []string{"mlabeledtr", "(1)"}, ownTag: "(1)"},
		{tex: `a = b \tag{별}`, display: true, not: []string{"mlabeledtr", "<mtext>"}, ownTag: "(별)"},
		{tex: `\begin{align} a &= b \\ c &= dd \notag \\ e &= f \end{align}`, display: true,
			want: []string{`<mtd><mspace width="2em"/><mtext>(1)</mtext></mtd></mtr>`, `<mtd><mspace width="2em"/><mtext>(2)</mtext></mtd></mtr>`}, not: []string{"mlabeledtr"}},
		{tex: `\text{식 } \eqref{known}`, want: []string{`<mtext href="#eq-known">(7)</mtext>`}},
	}
	link := func(label string) (string, bool) { return "#eq-" + label, label == "known" }
	for _, tt := range tests {
		f, probs := Parse(tt.tex, tt.display, nil)
		if f == nil {
			t.Fatalf("%s: %v", tt.tex, probs)
		}
		numberEquations(f)
		got := f.MathML(MathMLOptions{Core: true, Ref: fakeRef, Link: link})
		wellFormed(t, got)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %s in\n%s", tt.tex, w, got)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %s in\n%s", tt.tex, w, got)
			}
		}
		if own := f.OwnTag(); own != tt.ownTag {
			t.Errorf("%s: OwnTag %q, want %q", tt.tex, own, tt.ownTag)
		}
		if tt.ownTag != "" && !strings.Contains(f.MathML(MathMLOptions{}), "<mlabeledtr><mtd><mtext>"+tt.ownTag) {
			t.Errorf("%s: MathML 3 lost its tag", tt.tex)
		}
	}
}
