package texmath

import (
	"os"
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
)

func TestDemoPage(t *testing.T) {
	if os.Getenv("DEMO") == "" {
		t.Skip()
	}
	body, _ := truetype.Parse(fonts.MyeongjoRegular)
	var page string
	m := NewMacros()
	for _, s := range demoFormulas {
		f, probs := Parse(s.tex, s.display, m)
		if f == nil {
			t.Fatalf("%s: %v", s.tex, probs)
		}
		lay, err := f.Layout(Options{Text: FontMeasurer{Font: body}})
		if err != nil {
			t.Fatal(err)
		}
		svg, err := lay.SVG(nil, s.tex, SVGOptions{IDPrefix: "f" + itoa(len(page)) + "-", Tags: true, TextFamily: "NM"})
		if err != nil {
			t.Fatal(err)
		}
		page += "<p>" + svg.Markup + "</p>\n"
	}
	os.WriteFile("/tmp/mathdemo/page.html", []byte("<!DOCTYPE html><html><head><style>@font-face{font-family:'NM';src:url(NanumMyeongjo.ttf)}</style></head><body style='font-size:28px;font-family:serif'>"+page+"</body></html>"), 0o644)
}
