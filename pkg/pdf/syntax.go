package pdf

import (
	"encoding/hex"
	"strconv"
	"unicode/utf16"

	"github.com/hangul-press/publish/pkg/layout"
)

// This file writes PDF's lexical pieces (ISO 32000-1:2008, 7.3 "Objects"):
// numbers, names, strings. Every function appends to a byte slice, so that
// objects and content streams are built without intermediate strings.

// appendNum writes v rounded to prec decimals, without trailing zeros or a
// trailing point, and never as "-0": PDF reals have no exponent form, and
// the shortest exact form keeps files small and reproducible.
func appendNum(b []byte, v float64, prec int) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// appendInt writes an integer.
func appendInt(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) }

// appendRef writes an indirect reference "n 0 R".
func appendRef(b []byte, n int) []byte { return append(appendInt(b, n), " 0 R"...) }

// appendName writes a name object. Bytes outside the regular printable
// characters, and the delimiters and '#', are written as #xx (7.3.5).
func appendName(b []byte, name string) []byte {
	b = append(b, '/')
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < '!' || c > '~' || isDelimiter(c) || c == '#' {
			b = append(b, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// hexDigits are the digits of hexadecimal strings and #xx name escapes.
const hexDigits = "0123456789ABCDEF"

// isDelimiter reports PDF's delimiter characters (7.2.2).
func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// appendLiteral writes bytes as a literal string. Parentheses and
// backslashes are escaped, and so is a carriage return, which a reader
// would otherwise turn into a line feed (7.3.4.2); every other byte,
// binary included, stands for itself.
func appendLiteral(b []byte, s []byte) []byte {
	b = append(b, '(')
	for _, c := range s {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// appendTextString writes a text string (7.9.2.2): printable ASCII as a
// literal string, which PDFDocEncoding reads the same; anything else as
// UTF-16BE with a byte order mark, in hexadecimal.
func appendTextString(b []byte, s string) []byte {
	if isPrintableASCII(s) {
		return appendLiteral(b, []byte(s))
	}
	units := utf16.Encode([]rune(s))
	raw := make([]byte, 2, 2+2*len(units))
	raw[0], raw[1] = 0xFE, 0xFF
	for _, u := range units {
		raw = append(raw, byte(u>>8), byte(u))
	}
	return appendHex(b, raw)
}

// isPrintableASCII reports whether s holds only the characters 0x20–0x7E.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// appendHex writes bytes as a hexadecimal string.
func appendHex(b []byte, s []byte) []byte {
	b = append(b, '<')
	b = hex.AppendEncode(b, s)
	return append(b, '>')
}

// lengthUnitsPerPt is layout.Length's units per point.
const lengthUnitsPerPt = 65536

// appendLength writes a length in points to a thousandth of a point
// (posPrec places), rounded half away from zero with integer arithmetic:
// exact, and faster than formatting a float, which matters as every glyph
// run and shape has a position.
func appendLength(b []byte, l layout.Length) []byte {
	v := int64(l) * 1000 * 2
	if v < 0 {
		v -= lengthUnitsPerPt
	} else {
		v += lengthUnitsPerPt
	}
	return appendMilli(b, v/(2*lengthUnitsPerPt))
}

// appendMilli writes m thousandths as a decimal number without trailing
// zeros.
func appendMilli(b []byte, m int64) []byte {
	if m < 0 {
		b = append(b, '-')
		m = -m
	}
	b = strconv.AppendInt(b, m/1000, 10)
	frac := m % 1000
	if frac == 0 {
		return b
	}
	digits := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
	n := 3
	for digits[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, digits[:n]...)
}
