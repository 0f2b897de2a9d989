package truetype

import (
	"testing"

	"github.com/hangul-press/publish/fonts"
)

// TestGlyphOutlineInBounds: every on-curve point of an outline lies in the
// glyph's recorded bounding box (control points may lie outside: Nanum's
// boxes bound the curves, not their control polygons), for simple and
// composite glyphs of the math font and of Nanum; contours are closed.
func TestGlyphOutlineInBounds(t *testing.T) {
	nanum, err := Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	composites := 0
	for _, f := range []*Font{dejaVuMath(t), nanum} {
		composites += checkOutlines(t, f)
	}
	if composites == 0 {
		t.Errorf("no composite glyph tested")
	}
}

// checkOutlines checks every glyph of f and counts the composites.
func checkOutlines(t *testing.T, f *Font) (composites int) {
	for g := range f.NumGlyphs() {
		b, ok := f.GlyphBounds(uint16(g))
		path, err := f.GlyphOutline(uint16(g))
		if err != nil {
			t.Fatalf("glyph %d: %v", g, err)
		}
		if !ok {
			continue
		}
		if comps, _ := components(f.glyphData(uint16(g))); len(comps) > 0 {
			composites++
		}
		checkPath(t, g, path, b)
	}
	return composites
}

// checkPath checks one outline against its bounds; a rounding slack of one
// unit covers composite transforms and implied midpoints.
func checkPath(t *testing.T, g int, path []PathCmd, b GlyphBounds) {
	t.Helper()
	in := func(x, y int32) bool {
		return int(x) >= b.XMin-1 && int(x) <= b.XMax+1 && int(y) >= b.YMin-1 && int(y) <= b.YMax+1
	}
	open := false
	for _, c := range path {
		switch c.Op {
		case MoveTo:
			if open {
				t.Fatalf("glyph %d: move inside an open contour", g)
			}
			open = true
		case Close:
			open = false
			continue
		}
		if !in(c.X, c.Y) {
			t.Fatalf("glyph %d: point (%d,%d) outside %+v", g, c.X, c.Y, b)
		}
	}
	if open {
		t.Fatalf("glyph %d: contour not closed", g)
	}
}

// TestGlyphMetricsRange: glyph ids past the font are refused.
func TestGlyphMetricsRange(t *testing.T) {
	f := dejaVuMath(t)
	n := uint16(f.NumGlyphs())
	if _, ok := f.GlyphAdvance(n); ok {
		t.Error("GlyphAdvance accepted numGlyphs")
	}
	if _, err := f.GlyphOutline(n); err == nil {
		t.Error("GlyphOutline accepted numGlyphs")
	}
	a, _ := f.GlyphIndex('a')
	if adv, ok := f.GlyphAdvance(a); !ok || adv != f.Advance('a') {
		t.Errorf("GlyphAdvance(a) = %d, want %d", adv, f.Advance('a'))
	}
}
