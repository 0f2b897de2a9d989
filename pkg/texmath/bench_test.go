package texmath

import (
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
)

// BenchmarkFormula parses, lays out and writes as SVG each demo formula,
// with Nanum Myeongjo measuring the text; it reports formulas per second.
func BenchmarkFormula(b *testing.B) {
	body, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Text: FontMeasurer{Font: body}}
	if _, err := DefaultFont(); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		for _, d := range demoFormulas {
			f, probs := Parse(d.tex, d.display, nil)
			if f == nil {
				b.Fatal(probs)
			}
			lay, err := f.Layout(opt)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := lay.SVG(nil, d.tex, SVGOptions{IDPrefix: "m-"}); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "formulas/s")
}

// BenchmarkParse measures the parser alone.
func BenchmarkParse(b *testing.B) {
	n := 0
	for b.Loop() {
		for _, d := range demoFormulas {
			Parse(d.tex, d.display, nil)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "formulas/s")
}
