// Package fonts embeds the TrueType fonts that publish ships, so that the
// binary typesets Korean and mathematics on a machine that has no such fonts
// installed.
//
// The Nanum files are the unmodified TrueType fonts from Debian's
// fonts-nanum and fonts-nanum-coding packages, licensed under the SIL Open
// Font License 1.1 (see OFL.txt beside this file). The math font is the
// unmodified DejaVu Math TeX Gyre from Debian's fonts-dejavu-core, under
// the Bitstream Vera Fonts licence with DejaVu's and the math extensions'
// changes in the public domain (see DejaVu-LICENSE.txt).
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

// MathLicense is the licence text that covers the math font.
//
//go:embed DejaVu-LICENSE.txt
var MathLicense string

// License is the text of the SIL Open Font License that covers the Nanum fonts.
//
//go:embed OFL.txt
var License string
