package texmath

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
)

var pageDir = flag.String("page", "", "write the demo formulas as SVG to DIR/page.html (with DIR/NanumMyeongjo.ttf for its text), for looking at in a browser")

// TestWritePage writes the page of demo formulas that docs/architecture.md
// compares with xelatex, when -page is given.
func TestWritePage(t *testing.T) {
	if *pageDir == "" {
		t.Skip("no -page DIR")
	}
	body, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	m := NewMacros()
	for i, d := range demoFormulas {
		f, probs := Parse(d.tex, d.display, m)
		if f == nil {
			t.Fatalf("%s: %v", d.tex, probs)
		}
		numberEquations(f)
		lay, err := f.Layout(Options{Text: FontMeasurer{Font: body}})
		if err != nil {
			t.Fatal(err)
		}
		svg, err := lay.SVG(nil, d.tex, SVGOptions{IDPrefix: "f" + itoa(i) + "-", Tags: true, TextFamily: "NM"})
		if err != nil {
			t.Fatal(err)
		}
		page.WriteString("<p>" + svg.Markup + "</p>\n")
	}
	html := "<!DOCTYPE html><html><head><style>@font-face{font-family:'NM';src:url(NanumMyeongjo.ttf)}</style></head><body style='font-size:28px;font-family:serif'>" + page.String() + "</body></html>"
	for name, data := range map[string][]byte{"page.html": []byte(html), "NanumMyeongjo.ttf": fonts.MyeongjoRegular} {
		if err := os.WriteFile(filepath.Join(*pageDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
