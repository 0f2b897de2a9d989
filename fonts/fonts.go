// Package fonts embeds the TrueType fonts that publish ships, so that the
// binary typesets Korean, mathematics and the other scripts and symbols of
// real blogs on a machine that has no such fonts installed, and says in
// which order they are tried (Chain).
//
// Every file comes from a Debian bookworm package; each licence text lies
// beside the files it covers and is exported with them:
//
//   - Nanum Myeongjo, Nanum Gothic and Nanum Gothic Coding, regular and
//     bold: unmodified, from fonts-nanum and fonts-nanum-coding (20200506),
//     SIL Open Font License 1.1 (OFL.txt).
//   - DejaVu Math TeX Gyre, DejaVu Sans and DejaVu Serif (regular and bold):
//     unmodified, from fonts-dejavu-core (2.37-6), the Bitstream Vera
//     licence with DejaVu's changes in the public domain
//     (DejaVu-LICENSE.txt).
//   - Droid Sans Fallback: unmodified, from fonts-droid-fallback
//     (1:6.0.1r16-1.1), Apache License 2.0 (Droid-LICENSE.txt).
//   - Publish CJK Serif: the ideographs of KS X 1001, JIS X 0208 and GB 2312
//     and the kana of Hanazono Mincho A, from fonts-hanazono (20170904-2.1),
//     Hanazono Font License or OFL 1.1 (Hanazono-LICENSE.txt).
//   - Publish Symbols: the symbols and emoji of Symbola 9.17 that no other
//     face has, from fonts-symbola (2.60-1.1), free for any use
//     (Symbola-LICENSE.txt).
//
// The two subsets are made by internal/cmd/genfonts, which also copies the
// unmodified fallback files and checks the digests of its inputs.
package fonts

import _ "embed"

// MyeongjoRegular is Nanum Myeongjo, the serif face for body text.
//
//go:embed NanumMyeongjo.ttf
var MyeongjoRegular []byte

// MyeongjoBold is Nanum Myeongjo Bold.
//
//go:embed NanumMyeongjoBold.ttf
var MyeongjoBold []byte

// GothicRegular is Nanum Gothic, the sans-serif face for headings.
//
//go:embed NanumGothic.ttf
var GothicRegular []byte

// GothicBold is Nanum Gothic Bold.
//
//go:embed NanumGothicBold.ttf
var GothicBold []byte

// CodingRegular is Nanum Gothic Coding, the monospaced face for code.
//
//go:embed NanumGothicCoding.ttf
var CodingRegular []byte

// CodingBold is Nanum Gothic Coding Bold.
//
//go:embed NanumGothicCodingBold.ttf
var CodingBold []byte

// Math is DejaVu Math TeX Gyre (version 1.054), a TrueType font with an
// OpenType MATH table: the face math is set in.
//
//go:embed DejaVuMathTeXGyre.ttf
var Math []byte

// DejaVuSansRegular is DejaVu Sans 2.37: Latin, Greek and Cyrillic with
// their extensions, letterlike and mathematical symbols, arrows, box
// drawing, dingbats (✓ ✗ ★ ☐).
//
//go:embed DejaVuSans.ttf
var DejaVuSansRegular []byte

// DejaVuSansBold is DejaVu Sans Bold 2.37.
//
//go:embed DejaVuSans-Bold.ttf
var DejaVuSansBold []byte

// DejaVuSerifRegular is DejaVu Serif 2.37: the serif design of DejaVu Sans's
// scripts, with fewer symbols.
//
//go:embed DejaVuSerif.ttf
var DejaVuSerifRegular []byte

// DejaVuSerifBold is DejaVu Serif Bold 2.37.
//
//go:embed DejaVuSerif-Bold.ttf
var DejaVuSerifBold []byte

// CJKSansRegular is Droid Sans Fallback (the "Full" file, without Hangul):
// the CJK Unified Ideographs with Extension A, kana and CJK punctuation, in
// a sans-serif design. It has no bold.
//
//go:embed DroidSansFallbackFull.ttf
var CJKSansRegular []byte

// CJKSerifRegular is Publish CJK Serif, a subset of Hanazono Mincho A: the
// ideographs of KS X 1001 (the 4,888 Hanja), JIS X 0208 and GB 2312, the
// hiragana, katakana and 々 〆 〇, in a serif (Mincho) design to stand
// beside Nanum Myeongjo, which has no Hanja. It has no bold.
//
//go:embed CJKSerif.ttf
var CJKSerifRegular []byte

// SymbolsRegular is Publish Symbols, a subset of Symbola: the emoji and
// symbols that no other shipped face has, as outlines of one colour. It
// has no bold.
//
//go:embed Symbols.ttf
var SymbolsRegular []byte

// MathLicense is the licence text that covers the math font and the other
// DejaVu fonts.
//
//go:embed DejaVu-LICENSE.txt
var MathLicense string

// DejaVuLicense is the licence text of the DejaVu fonts (the same text as
// MathLicense).
var DejaVuLicense = MathLicense

// License is the text of the SIL Open Font License that covers the Nanum fonts.
//
//go:embed OFL.txt
var License string

// DroidLicense is the notice and Apache License 2.0 text of Droid Sans
// Fallback.
//
//go:embed Droid-LICENSE.txt
var DroidLicense string

// HanazonoLicense is the origin of Publish CJK Serif and the text of the
// two licences Hanazono Mincho is offered under.
//
//go:embed Hanazono-LICENSE.txt
var HanazonoLicense string

// SymbolaLicense is the origin and licence of Publish Symbols.
//
//go:embed Symbola-LICENSE.txt
var SymbolaLicense string
