package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"

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
// then the role's own face, the fallbacks of its style, the other styles
// (sans, serif, mono) and the symbol faces; a bold chain takes every bold
// face before the regular faces of families without a bold.
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
		{RoleBody, false}:   "body-user1 body dejavu-serif cjk-serif heading dejavu-sans cjk-sans code dejavu-math symbols",
		{RoleBody, true}:    "body-user1 body-bold dejavu-serif-bold heading-bold dejavu-sans-bold code-bold cjk-serif cjk-sans dejavu-math symbols",
		{RoleCode, false}:   "code heading dejavu-sans cjk-sans body dejavu-serif cjk-serif dejavu-math symbols",
		{RoleHeading, true}: "heading-bold dejavu-sans-bold body-bold dejavu-serif-bold code-bold cjk-sans cjk-serif dejavu-math symbols",
	} {
		if got := names(k); got != want {
			t.Errorf("chain %v: %s, want %s", k, got, want)
		}
	}
	// The role faces keep the FontIDs they had before the fallbacks came.
	for i, want := range []string{"body-user1", "body", "body-bold", "heading", "heading-bold", "code", "code-bold"} {
		if got := fs.decl[i].Name; got != want {
			t.Errorf("face %d is %s, want %s", i, got, want)
		}
	}
}

// TestFaceChoice: the face each character comes from, by role and weight
// (issue 12 items 2–4, issue 14 item 9).
func TestFaceChoice(t *testing.T) {
	fs := testFontSet(t)
	body, bodyBold := fontKey{RoleBody, false}, fontKey{RoleBody, true}
	heading, code := fontKey{RoleHeading, false}, fontKey{RoleCode, false}
	for _, tt := range []struct {
		k    fontKey
		r    rune
		want string
	}{
		{body, '가', "body"},
		{body, '漢', "cjk-serif"},        // Hanja in Myeongjo text: serif (issue 12 item 4)
		{bodyBold, '漢', "heading-bold"}, // weight before style
		{heading, '漢', "heading"},
		{body, '学', "cjk-serif"}, // a Japanese kanji beyond KS X 1001
		{heading, '学', "cjk-sans"},
		{body, '\\', "dejavu-serif"}, // never the Won sign of Nanum's text faces
		{heading, '\\', "dejavu-sans"},
		{code, '\\', "code"},
		{body, '₩', "body"}, // an explicit Won sign stays one
		{body, 'Д', "dejavu-serif"},
		{heading, 'Д', "heading"}, // Nanum Gothic's Cyrillic is proportional
		{code, 'Д', "code"},       // code keeps its grid
		{body, 'µ', "dejavu-serif"},
		{body, 'ℝ', "dejavu-serif"},
		{body, '✓', "dejavu-sans"},
		{body, '★', "body"},
		{body, '😀', "dejavu-sans"},
		{body, '🙂', "symbols"},
		{body, '🚀', "symbols"},
		{body, '𝓛', "dejavu-math"},
		{body, '🥺', ""}, // Unicode 11, newer than Symbola
	} {
		got := ""
		if fc := fs.faceFor(tt.k, tt.r); fc != nil {
			got = fs.decl[fc.id].Name
		}
		if got != tt.want {
			t.Errorf("%v %q (U+%04X): %q, want %q", tt.k, tt.r, tt.r, got, tt.want)
		}
	}
}

// TestClusterFace: a word or a run of ideographs and kana comes from one
// face when one face draws it all.
func TestClusterFace(t *testing.T) {
	fs := testFontSet(t)
	body, heading := fontKey{RoleBody, false}, fontKey{RoleHeading, false}
	for _, tt := range []struct {
		k          fontKey
		word, want string
	}{
		{body, "Lučić", "dejavu-serif"},
		{body, "Straße", "dejavu-serif"},
		{body, "Hello", "body"},
		{body, "漢字", "cjk-serif"},
		{body, "機械学習関連", "cjk-serif"},
		{heading, "機械学習関連", "cjk-sans"},
		{heading, "漢字", "heading"},
		{body, "ひらがな", "body"}, // Nanum Myeongjo has kana
		{body, "の研究は", "cjk-serif"},
		{body, "𝔸🥺", ""},
	} {
		got := ""
		if fc := fs.clusterFace(tt.k, tt.word); fc != nil {
			got = fs.decl[fc.id].Name
		}
		if got != tt.want {
			t.Errorf("%v %q: %q, want %q", tt.k, tt.word, got, tt.want)
		}
	}
}

// TestClusterLen: clusters are words of letters (not Hangul) and runs of
// ideographs and kana; anything else stands alone.
func TestClusterLen(t *testing.T) {
	for _, tt := range []struct{ s, want string }{
		{"Lučić의", "Lučić"},
		{"élève도", "élève"},
		{"c\u030Cx y", "c\u030Cx"}, // a combining mark stays with its letter
		{"機械学習関連」", "機械学習関連"},
		{"の研究は、", "の研究は"},
		{"カタカナーで", "カタカナーで"},
		{"한글", "한"},
		{"893", "8"},
		{"✓✓", "✓"},
		{" x", " "},
		{"λόγος,", "λόγος"},
	} {
		if got := tt.s[:clusterLen(tt.s)]; got != tt.want {
			t.Errorf("clusterLen(%q): %q, want %q", tt.s, got, tt.want)
		}
	}
}

// testFontSet is the shipped fonts without user faces.
func testFontSet(t *testing.T) *fontSet {
	t.Helper()
	fs, err := newFontSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestRunsInvariants sets random strings of many scripts into runs and
// checks them against the rules: the text is kept but for characters no
// face draws and invisible ones; every run's face draws all of its text;
// a cluster that one face draws whole is in one face; every other
// character is in the first face of its chain that draws it.
func TestRunsInvariants(t *testing.T) {
	alphabet := []rune("aZé čćßµ가힣漢字学関机ひカー々Дλό✓★🙂🥺\\₩ ,.\u0301\uFE0F\u200D\t→┌")
	e := &engine{fs: testFontSet(t), diags: &diag.List{}}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		st := textStyle{role: manifest.FontRoles[rng.IntN(3)], bold: rng.IntN(2) == 1, size: Pt(10)}
		k := fontKey{st.role, st.bold}
		runs, styles := e.runs([]span{{text: s, st: st}})
		var got strings.Builder
		var faceOf []*face // the face of each rune written
		for _, r := range runs {
			fc := e.fs.faces[styles[r.Style].font]
			for _, c := range r.Text {
				if !fc.draws(c) {
					t.Fatalf("%q: %q in run of a face that does not draw it", s, c)
				}
				faceOf = append(faceOf, fc)
			}
			got.WriteString(r.Text)
		}
		want := keptText(e.fs, k, s)
		if got.String() != want {
			t.Fatalf("%q (%v): runs hold %q, want %q", s, k, got.String(), want)
		}
		i := 0 // index into faceOf
		prevSpace, squeeze := false, false
		for at := 0; at < len(s); {
			n := clusterLen(s[at:])
			word := s[at : at+n]
			var whole *face
			if utf8.RuneCountInString(word) > 1 {
				whole = e.fs.clusterFace(k, word)
			}
			for _, r := range word {
				if r == '\t' {
					r = ' '
				}
				single := e.fs.faceFor(k, r)
				if single == nil {
					squeeze = squeeze || !invisible(r) && prevSpace
					continue
				}
				if r == ' ' && squeeze {
					squeeze = false
					continue
				}
				prevSpace, squeeze = r == ' ', false
				switch {
				case whole != nil && faceOf[i] != whole:
					t.Fatalf("%q: %q of cluster %q not in the cluster's face", s, r, word)
				case whole == nil && faceOf[i] != single:
					t.Fatalf("%q: %q not in the first face of its chain", s, r)
				}
				i++
			}
			at += n
		}
	}
}

// keptText is the text runs must keep of s: tabs become spaces, characters
// no face draws go, and so does a space right after one that followed a
// space (no double space where a character was left out).
func keptText(fs *fontSet, k fontKey, s string) string {
	var b strings.Builder
	prevSpace, squeeze := false, false
	for _, r := range s {
		if r == '\t' {
			r = ' '
		}
		switch {
		case fs.faceFor(k, r) == nil:
			if !invisible(r) {
				squeeze = prevSpace
			}
		case r == ' ' && squeeze:
			squeeze = false
		default:
			b.WriteRune(r)
			prevSpace, squeeze = r == ' ', false
		}
	}
	return b.String()
}
