// Package fonts embeds the Nanum TrueType fonts that publish ships, so that
// the binary typesets Korean on a machine that has no Korean fonts installed.
//
// The files are the unmodified TrueType fonts from Debian's fonts-nanum and
// fonts-nanum-coding packages, licensed under the SIL Open Font License 1.1
// (see OFL.txt beside this file).
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

// License is the text of the SIL Open Font License that covers these fonts.
//
//go:embed OFL.txt
var License string
