package fonts

import "unicode"

// Style is the design class of a family. A fallback chain tries the
// families of the text's own style before the others, so that a character
// the text's face lacks comes from a face that looks like it: Hanja in
// Myeongjo (serif) text from a serif face, not a gothic one, which would
// read as emphasis (issue 12 item 4).
type Style int

// The styles, in the order the chains of other styles take them.
const (
	// Sans is gothic (돋움/고딕): headings.
	Sans Style = iota
	// Serif is myeongjo (바탕/명조): body text.
	Serif
	// Mono is monospaced: code.
	Mono
	// Symbol is no text style (symbols, emoji, math): tried after every
	// text face.
	Symbol
)

// Family is a typeface publish ships: a regular face and, for most, a bold
// one.
type Family struct {
	// Name is the family name of the font's own name table.
	Name string
	// Key is a short lower-case name, unique among Families, for file and
	// font names ("dejavu-serif").
	Key string
	// SubsetName is the family name a subset of it takes in an EPUB: a
	// subset is a Modified Version, and the OFL keeps the Nanum names for
	// the originals (see pkg/truetype).
	SubsetName string
	// Style decides the family's place in the chains of other families.
	Style Style
	// Regular and Bold are the TrueType files; Bold is nil when the family
	// has no bold.
	Regular, Bold []byte
	// WonBackslash says that the font draws U+005C REVERSE SOLIDUS as a
	// Won sign, as Korean fonts made for the legacy code pages (KS X 1003)
	// do: it must not be asked for a backslash (issue 12 item 2). Its
	// explicit ₩ (U+20A9) is a Won sign either way.
	WonBackslash bool
	// WideLetters says that the font draws some letters beyond ASCII a
	// full em wide, the legacy forms of KS X 1001's Latin, Greek and
	// Cyrillic rows: Nanum Myeongjo sets "Достоевский" as eleven
	// separate squares and "Straße" with a gap around the ß. Such letters
	// are taken from a proportional face (see Refuses).
	WideLetters bool
	// License is the text of the licence the files are under.
	License string
}

// The families publish ships.
var (
	// Myeongjo is Nanum Myeongjo, the body face.
	Myeongjo = &Family{Name: "NanumMyeongjo", Key: "myeongjo", SubsetName: "Publish Myeongjo", Style: Serif,
		Regular: MyeongjoRegular, Bold: MyeongjoBold, WonBackslash: true, WideLetters: true, License: License}
	// Gothic is Nanum Gothic, the heading face.
	Gothic = &Family{Name: "NanumGothic", Key: "gothic", SubsetName: "Publish Gothic", Style: Sans,
		Regular: GothicRegular, Bold: GothicBold, WonBackslash: true, WideLetters: true, License: License}
	// Coding is Nanum Gothic Coding, the code face. Its U+005C is a
	// backslash; its wide letters keep code on its grid of cells, two
	// cells for a letter as in a Korean terminal.
	Coding = &Family{Name: "NanumGothicCoding", Key: "coding", SubsetName: "Publish Gothic Coding", Style: Mono,
		Regular: CodingRegular, Bold: CodingBold, License: License}
	// DejaVuSerif is the serif fallback for Latin, Greek and Cyrillic.
	DejaVuSerif = &Family{Name: "DejaVu Serif", Key: "dejavu-serif", SubsetName: "Publish DejaVu Serif", Style: Serif,
		Regular: DejaVuSerifRegular, Bold: DejaVuSerifBold, License: DejaVuLicense}
	// CJKSerif is the serif fallback for Hanja, kanji, hanzi and kana.
	CJKSerif = &Family{Name: "Publish CJK Serif", Key: "cjk-serif", SubsetName: "Publish CJK Serif", Style: Serif,
		Regular: CJKSerifRegular, License: HanazonoLicense}
	// DejaVuSans is the sans-serif fallback for Latin, Greek, Cyrillic and
	// the symbols of DejaVu.
	DejaVuSans = &Family{Name: "DejaVu Sans", Key: "dejavu-sans", SubsetName: "Publish DejaVu Sans", Style: Sans,
		Regular: DejaVuSansRegular, Bold: DejaVuSansBold, License: DejaVuLicense}
	// CJKSans is Droid Sans Fallback, for the ideographs beyond KS X 1001.
	CJKSans = &Family{Name: "Droid Sans Fallback", Key: "cjk-sans", SubsetName: "Publish CJK Sans", Style: Sans,
		Regular: CJKSansRegular, License: DroidLicense}
	// MathText is DejaVu Math TeX Gyre as a text fallback: mathematical
	// alphanumerics (𝐱 𝔸) written in prose.
	MathText = &Family{Name: "DejaVu Math TeX Gyre", Key: "dejavu-math", SubsetName: "Publish DejaVu Math", Style: Symbol,
		Regular: Math, License: DejaVuLicense}
	// Symbols is the last resort: emoji and symbols.
	Symbols = &Family{Name: "Publish Symbols", Key: "symbols", SubsetName: "Publish Symbols", Style: Symbol,
		Regular: SymbolsRegular, License: SymbolaLicense}
)

// Families lists every family, in the order a chain takes the families of
// one style: the Nanum face of the style, DejaVu, then the CJK fallback.
var Families = []*Family{Gothic, DejaVuSans, CJKSans, Myeongjo, DejaVuSerif, CJKSerif, Coding, MathText, Symbols}

// Face is one file of a family.
type Face struct {
	Family *Family // the family the file belongs to
	Bold   bool    // the family's Bold file (which must exist) rather than its Regular
}

// Faces lists every shipped face in a fixed order: family by family as
// Families lists them, regular before bold.
func Faces() []Face {
	var out []Face
	for _, fam := range Families {
		out = append(out, Face{Family: fam})
		if fam.Bold != nil {
			out = append(out, Face{Family: fam, Bold: true})
		}
	}
	return out
}

// Data returns the face's TrueType file.
func (f Face) Data() []byte {
	if f.Bold {
		return f.Family.Bold
	}
	return f.Family.Regular
}

// wideMin is the advance, in thousandths of an em, from which a letter
// counts as full width: the Nanum faces draw their legacy forms 940 to
// 1000 wide, and no proportional letter of theirs is wider than 807 (Д in
// Nanum Gothic).
const wideMin = 900

// Refuses reports whether the face must not draw r although its cmap has
// it; width is r's advance in the face, in thousandths of an em. It
// refuses U+005C in a face that draws it as a Won sign, and a letter
// beyond ASCII drawn full width (a legacy form) by a face with
// WideLetters, unless the letter is Hangul or CJK, which are wide by
// nature.
func (f Face) Refuses(r rune, width int) bool {
	switch {
	case r == '\\':
		return f.Family.WonBackslash
	case r < 0x80 || !f.Family.WideLetters || width < wideMin:
		return false
	}
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// Chain returns the families that draw text set in own, in the order they
// are tried for each character: own, then the other families of own's
// style, then the families of the other text styles (sans, serif, mono,
// skipping own's), then the symbol families, each group in the order of
// Families. For body text that is Nanum Myeongjo, DejaVu Serif, Publish
// CJK Serif, Nanum Gothic, DejaVu Sans, Droid Sans Fallback, Nanum Gothic
// Coding, DejaVu Math, Publish Symbols.
func Chain(own *Family) []*Family {
	out := []*Family{own}
	for _, s := range []Style{own.Style, Sans, Serif, Mono, Symbol} {
		for _, f := range Families {
			if f.Style == s && f != own && !contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// FaceChain returns the faces that draw text set in own, regular or bold.
// A regular chain is Chain's families' regular faces. A bold chain puts
// weight before style: the bold faces of Chain's families, then the
// regular faces of the families without a bold. So a Hanja in bold
// Myeongjo text comes from Nanum Gothic Bold rather than from the regular
// serif Hanja face: a regular glyph inside a bold word reads as a mistake,
// and the PDF writer does not embolden glyphs. (An EPUB reading system
// does embolden a family without a bold face, so the EPUB's stylesheet
// lists the families in Chain's order for both weights.)
func FaceChain(own *Family, bold bool) []Face {
	var out []Face
	for _, f := range Chain(own) {
		if !bold || f.Bold != nil {
			out = append(out, Face{f, bold})
		}
	}
	if bold {
		for _, f := range Chain(own) {
			if f.Bold == nil {
				out = append(out, Face{f, false})
			}
		}
	}
	return out
}

func contains(list []*Family, f *Family) bool {
	for _, x := range list {
		if x == f {
			return true
		}
	}
	return false
}
