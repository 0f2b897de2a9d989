package texmath

import "github.com/hangul-press/publish/pkg/truetype"

// FontMeasurer measures text runs with a TrueType font's advance widths
// and glyph bounds: what a caller that sets \text in one known face (the
// PDF's body face) can use as its TextMeasurer. Bold and italic are
// measured as regular.
type FontMeasurer struct {
	Font *truetype.Font // the face every run is measured in; must not be nil
}

// MeasureText implements TextMeasurer.
func (m FontMeasurer) MeasureText(run TextRun) (width, height, depth Length) {
	upem := int64(m.Font.UnitsPerEm())
	conv := func(fu int) Length {
		return Length(int64(fu) * emUnits * int64(run.Size) / (100 * upem))
	}
	adv, top, bottom := 0, 0, 0
	for _, r := range run.Text {
		g, _ := m.Font.GlyphIndex(r)
		a, _ := m.Font.GlyphAdvance(g)
		adv += a
		if b, ok := m.Font.GlyphBounds(g); ok {
			top, bottom = max(top, b.YMax), min(bottom, b.YMin)
		}
	}
	return conv(adv), conv(top), conv(-bottom)
}
