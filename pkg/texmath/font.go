package texmath

import (
	"fmt"
	"sync"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
)

// Font is a math font prepared for layout: a TrueType font with an
// OpenType MATH table. It is read-only and safe for concurrent use.
type Font struct {
	tt    *truetype.Font
	math  *truetype.Math
	upem  int
	paths sync.Map // glyph id → SVG path data, filled as glyphs are first drawn
}

// NewFont parses a TrueType math font. The font must have a MATH table.
func NewFont(data []byte) (*Font, error) {
	tt, err := truetype.Parse(data)
	if err != nil {
		return nil, err
	}
	m, err := tt.Math()
	if err != nil {
		return nil, err
	}
	c := m.Constants
	if c.ScriptPercentScaleDown <= 0 || c.ScriptPercentScaleDown > 100 || c.ScriptScriptPercentScaleDown <= 0 || c.ScriptScriptPercentScaleDown > 100 {
		return nil, fmt.Errorf("MATH script scales %d%% and %d%% are not in 1–100", c.ScriptPercentScaleDown, c.ScriptScriptPercentScaleDown)
	}
	return &Font{tt: tt, math: m, upem: tt.UnitsPerEm()}, nil
}

var (
	defaultOnce sync.Once
	defaultFont *Font
	defaultErr  error
)

// DefaultFont returns the math font publish ships (fonts.Math, DejaVu Math
// TeX Gyre), parsed once.
func DefaultFont() (*Font, error) {
	defaultOnce.Do(func() { defaultFont, defaultErr = NewFont(fonts.Math) })
	return defaultFont, defaultErr
}

// TrueType returns the underlying font, for a painter that embeds it or
// draws its outlines.
func (f *Font) TrueType() *truetype.Font { return f.tt }

// Constants returns the MATH table's constants in font units.
func (f *Font) Constants() truetype.MathConstants { return f.math.Constants }

// scale converts font units at size percent of the base size to Length:
// fu × 2^16 × size / (100 × unitsPerEm), rounded to nearest (halves away
// from zero). Integer arithmetic only, so every machine gets the same
// lengths.
func (f *Font) scale(fu int, size int) Length {
	num := int64(fu) * emUnits * int64(size)
	den := int64(100 * f.upem)
	if num >= 0 {
		return Length((num + den/2) / den)
	}
	return -Length((-num + den/2) / den)
}

// glyph returns the glyph of r, and false when the font lacks it.
func (f *Font) glyph(r rune) (uint16, bool) { return f.tt.GlyphIndex(r) }

// glyphMetrics returns a glyph's advance and its bounding box in font units.
func (f *Font) glyphMetrics(g uint16) (adv int, b truetype.GlyphBounds) {
	adv, _ = f.tt.GlyphAdvance(g)
	b, _ = f.tt.GlyphBounds(g)
	return adv, b
}
