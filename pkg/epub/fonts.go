package epub

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/truetype"
	"golang.org/x/net/html"
)

// face is one of the six embedded font files. The stylesheet and the
// serializer agree on which elements each face draws (see inside), so a
// subset holds exactly the characters its face shows.
type face int

const (
	serif face = iota
	serifBold
	sans
	sansBold
	mono
	monoBold
	numFaces
)

func (f face) bold() bool { return f%2 == 1 }

// inside returns the face that draws the text of element n found in
// text drawn by f. It mirrors the font rules of style.css, by element and
// by class, so that every character is in the subset of the face that
// shows it: a date in the sans-serif face, a summary in bold.
func (f face) inside(n *html.Node) face {
	base, bold := f-f%2, f.bold()
	switch n.Data {
	case "h1", "h2", "h3", "h4", "th":
		base, bold = sansOf(base), true
	case "h5", "h6":
		base, bold = sansOf(base), false
	case "figcaption", "em", "i":
		base = sansOf(base)
	case "code", "pre", "kbd", "samp":
		base = mono
	case "strong", "b", "dt", "summary":
		bold = true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		switch {
		case c == "chapter-date", c == "task", c == "subtitle" && hasClassAncestor(n.Parent, "titlepage"):
			base = sansOf(base)
		case c == "math":
			base = mono
		case c == "footnote-number", c == "nl" && base == mono: // .chroma .nl is bold
			bold = true
		}
	}
	if bold {
		return base + 1
	}
	return base
}

// sansOf is the sans-serif face for serif text; code stays in its face.
func sansOf(base face) face {
	if base == serif {
		return sans
	}
	return base
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClassAncestor(n *html.Node, class string) bool {
	for ; n != nil; n = n.Parent {
		for _, c := range strings.Fields(attr(n, "class")) {
			if c == class {
				return true
			}
		}
	}
	return false
}

// faceRunes records the characters each face draws.
type faceRunes [numFaces]map[rune]bool

func (fr *faceRunes) add(f face, s string) {
	if fr == nil {
		return
	}
	if fr[f] == nil {
		fr[f] = map[rune]bool{}
	}
	for _, r := range s {
		fr[f][r] = true
	}
}

// merge adds the characters of other to fr.
func (fr *faceRunes) merge(other *faceRunes) {
	if fr == nil || other == nil {
		return
	}
	for f, set := range other {
		if fr[f] == nil {
			fr[f] = map[rune]bool{}
		}
		for r := range set {
			fr[f][r] = true
		}
	}
}

// sorted returns the characters of face f in order, so that the subset
// does not depend on map iteration.
func (fr *faceRunes) sorted(f face) []rune {
	var out []rune
	for r := range fr[f] {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// fontFile describes one embedded face: its source bytes, the family the
// subset is renamed to (the OFL reserves the original name for unmodified
// fonts), and the file name inside the EPUB.
type fontFile struct {
	data   []byte
	family string
	file   string
}

var fontFiles = [numFaces]fontFile{
	serif:     {fonts.MyeongjoRegular, "Publish Myeongjo", "fonts/myeongjo-regular.ttf"},
	serifBold: {fonts.MyeongjoBold, "Publish Myeongjo", "fonts/myeongjo-bold.ttf"},
	sans:      {fonts.GothicRegular, "Publish Gothic", "fonts/gothic-regular.ttf"},
	sansBold:  {fonts.GothicBold, "Publish Gothic", "fonts/gothic-bold.ttf"},
	mono:      {fonts.CodingRegular, "Publish Gothic Coding", "fonts/coding-regular.ttf"},
	monoBold:  {fonts.CodingBold, "Publish Gothic Coding", "fonts/coding-bold.ttf"},
}

// subsetFonts cuts each face down to the characters it draws. Faces that
// draw nothing are left out.
func (p *publication) subsetFonts() error {
	for f := range numFaces {
		runes := p.runes.sorted(f)
		if len(runes) == 0 {
			continue
		}
		ff := fontFiles[f]
		font, err := truetype.Parse(ff.data)
		if err != nil {
			return fmt.Errorf("font %s: %v", ff.file, err)
		}
		data, err := font.Subset(runes, ff.family)
		if err != nil {
			return fmt.Errorf("font %s: %v", ff.file, err)
		}
		p.stats.FontBytesBefore += int64(len(ff.data))
		p.stats.FontBytesAfter += int64(len(data))
		p.fonts = append(p.fonts, f)
		p.addFile(ff.file, "font/ttf", data, "")
	}
	return nil
}

// fontFaceCSS declares the embedded faces.
func (p *publication) fontFaceCSS() string {
	var css string
	for _, f := range p.fonts {
		weight := "normal"
		if f.bold() {
			weight = "bold"
		}
		css += fmt.Sprintf("@font-face {\n  font-family: %q;\n  font-weight: %s;\n  font-style: normal;\n  src: url(%s);\n}\n",
			fontFiles[f].family, weight, fontFiles[f].file)
	}
	return css
}
