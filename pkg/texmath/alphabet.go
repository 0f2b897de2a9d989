package texmath

// Mathematical Alphanumeric Symbols (Unicode block U+1D400–U+1D7FF, and
// the letterlike symbols that stand in for its holes): the start of each
// alphabet's capitals, small letters and digits (0 where Unicode has none).
type alphabet struct {
	upper, lower, digit rune
	greek               rune // capital Alpha of the Greek block, or 0
}

// alphabets per variant. VarNormal and VarDefault map nothing here.
var alphabets = map[Variant]alphabet{
	VarBold:         {0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8},
	VarItalic:       {0x1D434, 0x1D44E, 0, 0x1D6E2},
	VarBoldItalic:   {0x1D468, 0x1D482, 0x1D7CE, 0x1D71C},
	VarScript:       {0x1D49C, 0x1D4B6, 0, 0},
	VarFraktur:      {0x1D504, 0x1D51E, 0, 0},
	VarDoubleStruck: {0x1D538, 0x1D552, 0x1D7D8, 0},
	VarSansSerif:    {0x1D5A0, 0x1D5BA, 0x1D7E2, 0},
	VarMonospace:    {0x1D670, 0x1D68A, 0x1D7F6, 0},
}

// holes are the letters that Unicode encodes in Letterlike Symbols rather
// than in the alphanumeric block.
var holes = map[rune]rune{
	0x1D455: 0x210E, // italic h: Planck constant
	0x1D49D: 0x212C, 0x1D4A0: 0x2130, 0x1D4A1: 0x2131, 0x1D4A3: 0x210B, 0x1D4A4: 0x2110,
	0x1D4A7: 0x2112, 0x1D4A8: 0x2133, 0x1D4AD: 0x211B, 0x1D4BA: 0x212F, 0x1D4BC: 0x210A,
	0x1D4C4: 0x2134,                                                                     // script B E F H I L M R e g o
	0x1D506: 0x212D, 0x1D50B: 0x210C, 0x1D50C: 0x2111, 0x1D515: 0x211C, 0x1D51D: 0x2128, // fraktur C H I R Z
	0x1D53A: 0x2102, 0x1D53F: 0x210D, 0x1D545: 0x2115, 0x1D547: 0x2119, 0x1D548: 0x211A,
	0x1D549: 0x211D, 0x1D551: 0x2124, // double-struck C H N P Q R Z
}

// greekIndex is the position of a Greek letter (or its math-only
// relatives) within a 58-letter math Greek alphabet: capitals Α–Ω with ϴ
// in the place of U+03A2, then ∇, the small letters α–ω, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
func greekIndex(r rune) int {
	switch {
	case r >= 0x391 && r <= 0x3A9 && r != 0x3A2:
		return int(r - 0x391)
	case r == 0x3F4:
		return 17
	case r == 0x2207:
		return 25
	case r >= 0x3B1 && r <= 0x3C9:
		return 26 + int(r-0x3B1)
	}
	for i, c := range []rune{0x2202, 0x3F5, 0x3D1, 0x3F0, 0x3D5, 0x3F1, 0x3D6} {
		if r == c {
			return 51 + i
		}
	}
	return -1
}

// mathChar maps a character to its math alphabet form. VarDefault makes
// Latin letters and small Greek italic, as TeX does.
func mathChar(r rune, v Variant) rune {
	if v == VarDefault {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			v = VarItalic
		case r >= 0x3B1 && r <= 0x3C9 || greekIndex(r) >= 51:
			v = VarItalic
		case r == 'ı':
			return 0x1D6A4
		case r == 'ȷ':
			return 0x1D6A5
		default:
			return r
		}
	}
	a, ok := alphabets[v]
	if !ok {
		return r
	}
	var out rune
	switch {
	case r >= 'A' && r <= 'Z':
		out = a.upper + r - 'A'
	case r >= 'a' && r <= 'z':
		out = a.lower + r - 'a'
	case r >= '0' && r <= '9' && a.digit != 0:
		out = a.digit + r - '0'
	case a.greek != 0 && greekIndex(r) >= 0:
		out = a.greek + rune(greekIndex(r))
	default:
		return r
	}
	if h, ok := holes[out]; ok {
		return h
	}
	return out
}
