package layout

import "testing"

func TestUnits(t *testing.T) {
	if got := Pt(1); got != 65536 {
		t.Errorf("Pt(1) = %d, want 65536", got)
	}
	if got := Mm(25.4); got != Pt(72) {
		t.Errorf("Mm(25.4) = %d, want %d (one inch)", got, Pt(72))
	}
	if got := Mm(210).Pt(); got < 595.27 || got > 595.28 {
		t.Errorf("A4 width = %vpt, want 595.276", got)
	}
	if got := Pt(-0.5).Pt(); got != -0.5 {
		t.Errorf("Pt(-0.5).Pt() = %v", got)
	}
	// Sums of fixed-point lengths do not depend on the order of addition.
	a, b, c := Pt(0.1), Pt(0.2), Pt(0.3)
	if (a+b)+c != a+(b+c) {
		t.Error("Length addition is not associative")
	}
}
