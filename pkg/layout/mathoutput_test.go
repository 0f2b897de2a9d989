package layout_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/hangul-press/publish/pkg/truetype"
	"github.com/yuin/goldmark/ast"
)

// bookFormulas lists the book's formulas in reading order.
func bookFormulas(b *book.Book) []*book.Formula {
	var out []*book.Formula
	for _, ch := range b.Chapters() {
		_ = ast.Walk(ch.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if f := ch.Math[n]; f != nil && entering {
				out = append(out, f)
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// mathStream is the text of every glyph drawn in the math face, in the
// order of pages and elements.
func mathStream(doc *layout.Document) string {
	var s strings.Builder
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			if g, ok := el.(layout.Glyphs); ok && doc.Fonts[g.Font].Name == "dejavu-math" {
				for _, gp := range g.Glyphs {
					s.WriteString(gp.Text)
				}
			}
		}
	}
	return s.String()
}

// formulaGlyphs is the text of a formula's glyphs as texmath lays it out.
func formulaGlyphs(t *testing.T, f *book.Formula) string {
	body, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	lay, err := f.Tree.Layout(texmath.Options{Text: texmath.FontMeasurer{Font: body}})
	if err != nil {
		t.Fatal(err)
	}
	var s strings.Builder
	for _, it := range lay.Items {
		if it.Kind == texmath.ItemGlyph {
			s.WriteString(it.Text)
		}
	}
	return s.String()
}

// texCommand matches TeX control words that a typeset formula never shows.
var texCommand = regexp.MustCompile(`\\(frac|sum|int|lim|begin|end|mathbf|mathcal|mathbb|hat|bar|eqref|label|tag|operatorname|left|right|norm|RR|E\b|sigma|theta|lambda|partial|quad|qquad|dots|det|infty|log|text|in\b|to\b)`)

// TestSampleMath: every formula of the sample book is typeset, in order
// (its glyphs, as texmath sets them, appear in the PDF's stream of math
// glyphs after the previous formula's), and the PDF's text holds no TeX.
// The math face is embedded as a subset.
func TestSampleMath(t *testing.T) {
	b, _ := loadSample(t)
	doc, err := layout.Layout(b, sampleOptions, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	stream := mathStream(doc)
	formulas := bookFormulas(b)
	if len(formulas) != 19 { // 16 in the math chapter, 3 in the Go chapter
		t.Fatalf("the sample has %d formulas, want 19 (update the count when the sample changes)", len(formulas))
	}
	at := 0
	for _, f := range formulas {
		if f.Tree == nil {
			t.Errorf("the sample's formula %q cannot be typeset", f.TeX)
			continue
		}
		g := formulaGlyphs(t, f)
		if g == "" {
			continue // all text: \eqref{…} is "(1)" in the body face, checked below
		}
		i := strings.Index(stream[at:], g)
		if i < 0 {
			t.Errorf("formula %q (glyphs %q) is not typeset, or out of order", f.TeX, g)
			continue
		}
		at += i + len(g)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if text == "" {
		t.Skip("pdftotext not installed")
	}
	if m := texCommand.FindAllString(text, -1); len(m) > 0 {
		t.Errorf("the PDF's text shows TeX: %q", m)
	}
	for _, want := range []string{"𝜎(𝐳)", "ℒ(𝜃)", "ReLU(𝑥)", "(정칙화)", "식 (1)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if fonts := runTool(t, "pdffonts", path); !regexp.MustCompile(`[A-Z]{6}\+dejavu-math\s+CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(fonts) {
		t.Errorf("pdffonts does not list the math face embedded as a subset:\n%s", fonts)
	}
}
