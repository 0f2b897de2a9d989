package markdown

import "unicode"

// cjkTable holds the "CJK characters" of the CommonMark CJK-friendly
// Amendments (tats-u/markdown-cjk-friendly, specification.md §2.1): characters
// whose East Asian Width is W, F or H and that are not emoji by default, plus
// every character of the Hangul script. The ranges are the ones the
// amendment lists for Unicode 16 in its ranges.md.
var cjkTable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x1100, 0x11ff, 1}, // Hangul Jamo (all Hangul script, some of it EAW N)
		{0x20a9, 0x20a9, 1}, // WON SIGN (halfwidth, EAW H)
		{0x2329, 0x232a, 1},
		{0x2630, 0x2637, 1},
		{0x268a, 0x268f, 1},
		{0x2e80, 0x2e99, 1},
		{0x2e9b, 0x2ef3, 1},
		{0x2f00, 0x2fd5, 1},
		{0x2ff0, 0x303e, 1}, // includes CJK Symbols and Punctuation
		{0x3041, 0x3096, 1},
		{0x3099, 0x30ff, 1},
		{0x3105, 0x312f, 1},
		{0x3131, 0x318e, 1}, // Hangul Compatibility Jamo
		{0x3190, 0x31e5, 1},
		{0x31ef, 0x321e, 1},
		{0x3220, 0x3247, 1},
		{0x3250, 0xa48c, 1}, // CJK Unified Ideographs and neighbours
		{0xa490, 0xa4c6, 1},
		{0xa960, 0xa97c, 1}, // Hangul Jamo Extended-A
		{0xac00, 0xd7a3, 1}, // Hangul Syllables
		{0xd7b0, 0xd7c6, 1}, // Hangul Jamo Extended-B
		{0xd7cb, 0xd7fb, 1},
		{0xf900, 0xfaff, 1},
		{0xfe10, 0xfe19, 1},
		{0xfe30, 0xfe52, 1},
		{0xfe54, 0xfe66, 1},
		{0xfe68, 0xfe6b, 1},
		{0xff01, 0xffbe, 1}, // fullwidth forms and halfwidth Hangul
		{0xffc2, 0xffc7, 1},
		{0xffca, 0xffcf, 1},
		{0xffd2, 0xffd7, 1},
		{0xffda, 0xffdc, 1},
		{0xffe0, 0xffe6, 1},
		{0xffe8, 0xffee, 1},
	},
	R32: []unicode.Range32{
		{0x16fe0, 0x16fe4, 1},
		{0x16ff0, 0x16ff6, 1},
		{0x17000, 0x18cd5, 1},
		{0x18cff, 0x18d1e, 1},
		{0x18d80, 0x18df2, 1},
		{0x1aff0, 0x1aff3, 1},
		{0x1aff5, 0x1affb, 1},
		{0x1affd, 0x1affe, 1},
		{0x1b000, 0x1b122, 1},
		{0x1b132, 0x1b132, 1},
		{0x1b150, 0x1b152, 1},
		{0x1b155, 0x1b155, 1},
		{0x1b164, 0x1b167, 1},
		{0x1b170, 0x1b2fb, 1},
		{0x1d300, 0x1d356, 1},
		{0x1d360, 0x1d376, 1},
		{0x1f200, 0x1f200, 1},
		{0x1f202, 0x1f202, 1},
		{0x1f210, 0x1f219, 1},
		{0x1f21b, 0x1f22e, 1},
		{0x1f230, 0x1f231, 1},
		{0x1f237, 0x1f237, 1},
		{0x1f23b, 0x1f23b, 1},
		{0x1f240, 0x1f248, 1},
		{0x1f260, 0x1f265, 1},
		{0x20000, 0x3fffd, 1}, // Supplementary and Tertiary Ideographic Planes
	},
}

// isCJK reports whether r is a CJK character in the sense of the amendment.
func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.Is(cjkTable, r)
}

// isNonEmojiVS reports whether r is a "Non-emoji General-use Variation
// Selector": U+FE00..U+FE0E. U+FE0F asks for emoji presentation and is left
// out.
func isNonEmojiVS(r rune) bool {
	return r >= 0xfe00 && r <= 0xfe0e
}

// isIVS reports whether r is an Ideographic Variation Selector, from the
// Variation Selectors Supplement block U+E0100..U+E01EF.
func isIVS(r rune) bool {
	return r >= 0xe0100 && r <= 0xe01ef
}
