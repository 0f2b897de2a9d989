package truetype

import (
	"testing"

	"github.com/hangul-press/publish/fonts"
)

// dejaVuMath is the math font that publish ships.
func dejaVuMath(t testing.TB) *Font {
	t.Helper()
	f, err := Parse(fonts.Math)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestMathDejaVu checks values of DejaVu Math TeX Gyre's MATH table that
// were read independently with a Python struct dump of the same file.
func TestMathDejaVu(t *testing.T) {
	f := dejaVuMath(t)
	m, err := f.Math()
	if err != nil {
		t.Fatal(err)
	}
	c := m.Constants
	t.Logf("%+v overlap=%d", c, m.MinConnectorOverlap)
	if c.ScriptPercentScaleDown <= 0 || c.ScriptPercentScaleDown > 100 || c.AxisHeight <= 0 || c.FractionRuleThickness <= 0 {
		t.Errorf("implausible constants %+v", c)
	}
	paren, _ := f.GlyphIndex('(')
	vc := m.VerticalConstruction(paren)
	if vc == nil || len(vc.Variants) < 2 || vc.Assembly == nil || len(vc.Assembly.Parts) < 3 {
		t.Fatalf("( has construction %+v", vc)
	}
	for i := 1; i < len(vc.Variants); i++ {
		if vc.Variants[i].Advance < vc.Variants[i-1].Advance {
			t.Errorf("( variants not growing: %+v", vc.Variants)
		}
	}
	hat, _ := f.GlyphIndex(0x0302)
	if hc := m.HorizontalConstruction(hat); hc == nil || len(hc.Variants) < 2 {
		t.Errorf("U+0302 has horizontal construction %+v", hc)
	}
	// Values seen with a Python struct dump of the same table: ∫ has
	// seven vertical variants, the first 1101 units tall, and an italics
	// correction of 153; the text f one of 88.
	integral, _ := f.GlyphIndex(0x222B)
	if ic, ok := m.ItalicsCorrection(integral); !ok || ic != 153 {
		t.Errorf("∫ has italics correction %d, %v; want 153", ic, ok)
	}
	if vc := m.VerticalConstruction(integral); vc == nil || len(vc.Variants) != 7 || vc.Variants[0].Advance != 1101 {
		t.Errorf("∫ has construction %+v", vc)
	}
	if c.ScriptPercentScaleDown != 80 || c.ScriptScriptPercentScaleDown != 65 || c.AxisHeight != 275 ||
		c.FractionRuleThickness != 64 || c.RadicalKernAfterDegree != -526 || c.RadicalDegreeBottomRaisePercent != 55 || m.MinConnectorOverlap != 40 {
		t.Errorf("constants differ from the Python dump: %+v", c)
	}
	italicA, _ := f.GlyphIndex(0x1D44E) // mathematical italic a
	if _, ok := m.TopAccentAttachment(italicA); !ok {
		t.Errorf("italic a has no top accent attachment")
	}
}

// TestMathMissing: a font without MATH says so.
func TestMathMissing(t *testing.T) {
	f, err := Parse(fonts.CodingRegular)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Math(); err != ErrNoMath {
		t.Errorf("Math() = %v, want ErrNoMath", err)
	}
}

// TestMathKernAt: the kern staircase takes the value of the first step
// whose height lies above h, and the last value above every height.
func TestMathKernAt(t *testing.T) {
	k := &MathKern{Heights: []int{100, 300}, Kerns: []int{-10, -20, -30}}
	for _, tc := range []struct{ h, want int }{{-50, -10}, {99, -10}, {100, -20}, {299, -20}, {300, -30}, {5000, -30}} {
		if got := k.At(tc.h); got != tc.want {
			t.Errorf("At(%d) = %d, want %d", tc.h, got, tc.want)
		}
	}
	var none *MathKern
	if none.At(10) != 0 {
		t.Error("a nil kern is not 0")
	}
}
