package epub

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/truetype"
	"golang.org/x/net/html"
)

// face is one of the six text styles of the stylesheet: serif (body),
// sans-serif (headings) and monospaced (code), each regular or bold. The
// stylesheet and the serializer agree on which elements each style draws
// (see inside), and each style's characters go to the files of its
// fallback chain (subsetFonts), so the subsets hold exactly the characters
// they show.
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
	for _, c := range strings.Fields(markdown.TagAttr(n.Attr, "class")) {
		switch {
		case c == "chapter-date", c == "task", c == "subtitle" && hasClassAncestor(n.Parent, "titlepage"):
			base = sansOf(base)
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

func hasClassAncestor(n *html.Node, class string) bool {
	for ; n != nil; n = n.Parent {
		for _, c := range strings.Fields(markdown.TagAttr(n.Attr, "class")) {
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

// family is the shipped family whose font-family list the stylesheet gives
// text in style f (style.css: @serif@, @sans@, @mono@).
func (f face) family() *fonts.Family {
	switch f - f%2 {
	case serif:
		return fonts.Myeongjo
	case sans:
		return fonts.Gothic
	}
	return fonts.Coding
}

// chain returns the font files a reading system tries, in order, for a
// character of text in style f: the families of fonts.Chain, which is the
// order the stylesheet lists them in (familyNames), each in bold where f
// is bold and the family has a bold face, else regular, which the reader
// emboldens (CSS font-synthesis). For regular text this is the PDF's
// chain; for bold text the PDF takes bold faces of other styles first
// (fonts.FaceChain), which a font-family list cannot say.
func (f face) chain() []fonts.Face {
	var out []fonts.Face
	for _, fam := range fonts.Chain(f.family()) {
		out = append(out, fonts.Face{Family: fam, Bold: f.bold() && fam.Bold != nil})
	}
	return out
}

// fontFile is the name of a face's file inside the EPUB.
func fontFile(f fonts.Face) string {
	weight := "regular"
	if f.Bold {
		weight = "bold"
	}
	return "fonts/" + f.Family.Key + "-" + weight + ".ttf"
}

// faceFonts parses the shipped files once per EPUB, as they are needed.
type faceFonts map[fonts.Face]*truetype.Font

func (ff faceFonts) get(f fonts.Face) (*truetype.Font, error) {
	if font, ok := ff[f]; ok {
		return font, nil
	}
	font, err := truetype.Parse(f.Data())
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", fontFile(f), err)
	}
	ff[f] = font
	return font, nil
}

// draws reports whether the file f has a right glyph for r
// (fonts.Face.Refuses: not Nanum's Won-sign backslash, not its full-width
// legacy letters).
func (ff faceFonts) draws(f fonts.Face, r rune) (bool, error) {
	font, err := ff.get(f)
	if err != nil || !font.HasRune(r) {
		return false, err
	}
	g, _ := font.GlyphIndex(r)
	return !f.Refuses(r, font.AdvanceThousandths(g)), nil
}

// subsetFonts gives every character the book draws to the first file of
// its text style's chain that draws it, and cuts each file down to its
// characters. Files that draw nothing are left out; a character no file
// draws stays in the text, for the reading system's own fonts.
func (p *publication) subsetFonts() error {
	parsed := faceFonts{}
	sets := map[fonts.Face][]rune{}
	for f := range numFaces {
		chain := f.chain()
		for _, r := range p.runes.sorted(f) {
			for _, file := range chain {
				ok, err := parsed.draws(file, r)
				if err != nil {
					return err
				}
				if ok {
					sets[file] = append(sets[file], r)
					break
				}
			}
		}
	}
	for _, f := range fonts.Faces() {
		if len(sets[f]) == 0 {
			continue
		}
		font, err := parsed.get(f)
		if err != nil {
			return err
		}
		data, err := font.Subset(sets[f], f.Family.SubsetName)
		if err != nil {
			return fmt.Errorf("font %s: %v", fontFile(f), err)
		}
		p.stats.FontBytesBefore += int64(len(f.Data()))
		p.stats.FontBytesAfter += int64(len(data))
		p.fonts = append(p.fonts, f)
		p.addFile(fontFile(f), "font/ttf", data, "")
	}
	return nil
}

// fontFaceCSS declares the embedded files.
func (p *publication) fontFaceCSS() string {
	var css string
	for _, f := range p.fonts {
		weight := "normal"
		if f.Bold {
			weight = "bold"
		}
		css += fmt.Sprintf("@font-face {\n  font-family: %q;\n  font-weight: %s;\n  font-style: normal;\n  src: url(%s);\n}\n",
			f.Family.SubsetName, weight, fontFile(f))
	}
	return css
}
