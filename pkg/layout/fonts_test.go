package layout

import (
	"strings"
	"testing"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/truetype"
)

// TestAdvanceRounding: widths are the font's advances rounded to 1/1000
// em, as the PDF writer puts them in /W, times the size.
func TestAdvanceRounding(t *testing.T) {
	fs, err := newFontSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	body := fs.faceFor(fontKey{RoleBody, false}, '가')
	for _, r := range "가 a.,W한" {
		per1000 := (float64(f.Advance(r)) * 1000) / float64(f.UnitsPerEm())
		want := Pt(float64(int(per1000+0.5)) * 10 / 1000)
		got := faceMeasurer{body, Pt(10)}.Advance(r)
		if d := got - want; d < -1 || d > 1 {
			t.Errorf("%q: advance %v, want %v (%.3f/1000 em unrounded)", r, got, want, per1000)
		}
	}
}

// TestFallbackChains: every role's chain starts with the user's files,
// then the role's own face, then the other shipped faces; a character the
// role's face lacks comes from the next face that has it.
func TestFallbackChains(t *testing.T) {
	gothic, err := truetype.Parse(fonts.GothicRegular)
	if err != nil {
		t.Fatal(err)
	}
	user := map[manifest.FontRole][]*book.FontFile{RoleBody: {{Data: fonts.GothicRegular, Font: gothic}}}
	fs, err := newFontSet(user)
	if err != nil {
		t.Fatal(err)
	}
	names := func(k fontKey) string {
		var s []string
		for _, fc := range fs.chains[k] {
			s = append(s, fs.decl[fc.id].Name)
		}
		return strings.Join(s, " ")
	}
	for k, want := range map[fontKey]string{
		{RoleBody, false}:   "body-user1 body heading code",
		{RoleBody, true}:    "body-user1 body-bold heading-bold code-bold",
		{RoleCode, false}:   "code body heading",
		{RoleHeading, true}: "heading-bold body-bold code-bold",
	} {
		if got := names(k); got != want {
			t.Errorf("chain %v: %s, want %s", k, got, want)
		}
	}
	if fc := fs.faceFor(fontKey{RoleBody, false}, '😀'); fc != nil {
		t.Errorf("U+1F600 found in %s", fs.decl[fc.id].Name)
	}
}
