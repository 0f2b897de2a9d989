package epub

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A CSS tokenizer after CSS Syntax Module Level 3 (W3C, section 4.3,
// "Tokenizer Algorithms"), for the CSS sanitiser: escapes are decoded, so
// that u\72 l( is seen as the url( it is, and comments produce nothing.
// Offsets are bytes into the input, for messages.

type cssKind uint8

const (
	cssEOF cssKind = iota
	cssIdent
	cssFunction
	cssAtKeyword
	cssHash
	cssString
	cssBadString
	cssURL
	cssBadURL
	cssDelim
	cssNumber
	cssPercentage
	cssDimension
	cssWhitespace
	cssCDO
	cssCDC
	cssColon
	cssSemicolon
	cssComma
	cssLBracket
	cssRBracket
	cssLParen
	cssRParen
	cssLBrace
	cssRBrace
)

// cssToken is one token. val is the decoded name (ident, function,
// at-keyword, hash), the value (string, url), the character (delim) or
// the number as written (number, percentage, dimension); unit is a
// dimension's unit; id marks a hash that is a valid identifier.
type cssToken struct {
	kind cssKind
	val  string
	unit string
	id   bool
	off  int
}

type cssTokenizer struct {
	s   string
	pos int
}

// cssTokens splits s into tokens; the last is cssEOF.
func cssTokens(s string) []cssToken {
	z := &cssTokenizer{s: s}
	var out []cssToken
	for {
		t := z.next()
		out = append(out, t)
		if t.kind == cssEOF {
			return out
		}
	}
}

// at returns the code point i code points ahead (i is 0 or a small
// number), or -1 past the end. CR, CR LF and FF read as LF and NUL as
// U+FFFD, as the input preprocessing of the specification has it.
func (z *cssTokenizer) at(i int) rune {
	p := z.pos
	for ; ; i-- {
		if p >= len(z.s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(z.s[p:])
		switch r {
		case '\r':
			if p+1 < len(z.s) && z.s[p+1] == '\n' {
				n = 2
			}
			r = '\n'
		case '\f':
			r = '\n'
		case 0:
			r = utf8.RuneError
		}
		if i == 0 {
			return r
		}
		p += n
	}
}

// advance consumes n code points.
func (z *cssTokenizer) advance(n int) {
	for ; n > 0 && z.pos < len(z.s); n-- {
		if z.s[z.pos] == '\r' && z.pos+1 < len(z.s) && z.s[z.pos+1] == '\n' {
			z.pos += 2
			continue
		}
		_, size := utf8.DecodeRuneInString(z.s[z.pos:])
		z.pos += size
	}
}

// consume returns the next code point and consumes it.
func (z *cssTokenizer) consume() rune {
	r := z.at(0)
	z.advance(1)
	return r
}

func isCSSWhitespace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }
func isDigit(r rune) bool         { return r >= '0' && r <= '9' }
func isHexRune(r rune) bool {
	return isDigit(r) || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}
func isIdentStart(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r >= 0x80
}
func isIdentChar(r rune) bool { return isIdentStart(r) || isDigit(r) || r == '-' }

// validEscape reports whether a and b start a valid escape.
func validEscape(a, b rune) bool { return a == '\\' && b != '\n' && b != -1 }

// startsIdent reports whether the three code points start an identifier.
func startsIdent(a, b, c rune) bool {
	switch {
	case a == '-':
		return isIdentStart(b) || b == '-' || validEscape(b, c)
	case isIdentStart(a):
		return true
	}
	return validEscape(a, b)
}

// startsNumber reports whether the three code points start a number.
func startsNumber(a, b, c rune) bool {
	switch {
	case a == '+' || a == '-':
		return isDigit(b) || b == '.' && isDigit(c)
	case a == '.':
		return isDigit(b)
	}
	return isDigit(a)
}

func (z *cssTokenizer) next() cssToken {
	off := z.pos
	t := z.token()
	t.off = off
	return t
}

func (z *cssTokenizer) token() cssToken {
	for z.at(0) == '/' && z.at(1) == '*' {
		z.comment()
	}
	c := z.at(0)
	switch {
	case c == -1:
		return cssToken{kind: cssEOF}
	case isCSSWhitespace(c):
		for isCSSWhitespace(z.at(0)) {
			z.advance(1)
		}
		return cssToken{kind: cssWhitespace}
	case c == '"' || c == '\'':
		z.advance(1)
		return z.stringToken(c)
	case c == '#':
		if isIdentChar(z.at(1)) || validEscape(z.at(1), z.at(2)) {
			z.advance(1)
			id := startsIdent(z.at(0), z.at(1), z.at(2))
			return cssToken{kind: cssHash, val: z.name(), id: id}
		}
	case c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':' || c == ';':
		z.advance(1)
		return cssToken{kind: punctuation[c]}
	case c == '+' || c == '.':
		if startsNumber(c, z.at(1), z.at(2)) {
			return z.numeric()
		}
	case c == '-':
		if startsNumber(c, z.at(1), z.at(2)) {
			return z.numeric()
		}
		if z.at(1) == '-' && z.at(2) == '>' {
			z.advance(3)
			return cssToken{kind: cssCDC}
		}
		if startsIdent(c, z.at(1), z.at(2)) {
			return z.identLike()
		}
	case c == '<':
		if z.at(1) == '!' && z.at(2) == '-' && z.at(3) == '-' {
			z.advance(4)
			return cssToken{kind: cssCDO}
		}
	case c == '@':
		if startsIdent(z.at(1), z.at(2), z.at(3)) {
			z.advance(1)
			return cssToken{kind: cssAtKeyword, val: z.name()}
		}
	case c == '\\':
		if validEscape(c, z.at(1)) {
			return z.identLike()
		}
	case isDigit(c):
		return z.numeric()
	case isIdentStart(c):
		return z.identLike()
	}
	z.advance(1)
	return cssToken{kind: cssDelim, val: string(c)}
}

var punctuation = map[rune]cssKind{'(': cssLParen, ')': cssRParen, '[': cssLBracket, ']': cssRBracket,
	'{': cssLBrace, '}': cssRBrace, ',': cssComma, ':': cssColon, ';': cssSemicolon}

// comment consumes a comment, to its end or the end of input.
func (z *cssTokenizer) comment() {
	z.advance(2)
	if i := strings.Index(z.s[z.pos:], "*/"); i >= 0 {
		z.pos += i + 2
	} else {
		z.pos = len(z.s)
	}
}

// escape consumes an escaped code point, after its backslash.
func (z *cssTokenizer) escape() rune {
	c := z.consume()
	if !isHexRune(c) {
		if c == -1 {
			return utf8.RuneError
		}
		return c
	}
	hex := string(c)
	for len(hex) < 6 && isHexRune(z.at(0)) {
		hex += string(z.consume())
	}
	if isCSSWhitespace(z.at(0)) {
		z.advance(1)
	}
	v, _ := strconv.ParseUint(hex, 16, 32)
	if v == 0 || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return utf8.RuneError
	}
	return rune(v)
}

// name consumes an ident sequence and returns it decoded.
func (z *cssTokenizer) name() string {
	var b strings.Builder
	for {
		c := z.at(0)
		switch {
		case isIdentChar(c):
			b.WriteRune(c)
			z.advance(1)
		case validEscape(c, z.at(1)):
			z.advance(1)
			b.WriteRune(z.escape())
		default:
			return b.String()
		}
	}
}

func (z *cssTokenizer) stringToken(quote rune) cssToken {
	var b strings.Builder
	for {
		c := z.at(0)
		switch {
		case c == -1 || c == quote:
			z.advance(1)
			return cssToken{kind: cssString, val: b.String()}
		case c == '\n':
			return cssToken{kind: cssBadString} // the newline is not consumed
		case c == '\\':
			switch z.at(1) {
			case -1:
				z.advance(1)
			case '\n':
				z.advance(2)
			default:
				z.advance(1)
				b.WriteRune(z.escape())
			}
		default:
			b.WriteRune(c)
			z.advance(1)
		}
	}
}

func (z *cssTokenizer) numeric() cssToken {
	start := z.pos
	if c := z.at(0); c == '+' || c == '-' {
		z.advance(1)
	}
	digits := func() {
		for isDigit(z.at(0)) {
			z.advance(1)
		}
	}
	digits()
	if z.at(0) == '.' && isDigit(z.at(1)) {
		z.advance(2)
		digits()
	}
	if c := z.at(0); c == 'e' || c == 'E' {
		d := z.at(1)
		if isDigit(d) || (d == '+' || d == '-') && isDigit(z.at(2)) {
			z.advance(2)
			digits()
		}
	}
	repr := z.s[start:z.pos]
	switch {
	case startsIdent(z.at(0), z.at(1), z.at(2)):
		return cssToken{kind: cssDimension, val: repr, unit: z.name()}
	case z.at(0) == '%':
		z.advance(1)
		return cssToken{kind: cssPercentage, val: repr}
	}
	return cssToken{kind: cssNumber, val: repr}
}

func (z *cssTokenizer) identLike() cssToken {
	name := z.name()
	if z.at(0) != '(' {
		return cssToken{kind: cssIdent, val: name}
	}
	z.advance(1)
	if !strings.EqualFold(name, "url") {
		return cssToken{kind: cssFunction, val: name}
	}
	for isCSSWhitespace(z.at(0)) && isCSSWhitespace(z.at(1)) {
		z.advance(1)
	}
	c := z.at(0)
	if isCSSWhitespace(c) {
		c = z.at(1)
	}
	if c == '"' || c == '\'' {
		return cssToken{kind: cssFunction, val: name}
	}
	return z.url()
}

// url consumes an unquoted url( ... ), after its parenthesis.
func (z *cssTokenizer) url() cssToken {
	for isCSSWhitespace(z.at(0)) {
		z.advance(1)
	}
	var b strings.Builder
	for {
		c := z.consume()
		switch {
		case c == ')' || c == -1:
			return cssToken{kind: cssURL, val: b.String()}
		case isCSSWhitespace(c):
			for isCSSWhitespace(z.at(0)) {
				z.advance(1)
			}
			if c := z.at(0); c == ')' || c == -1 {
				z.advance(1)
				return cssToken{kind: cssURL, val: b.String()}
			}
			z.badURLRest()
			return cssToken{kind: cssBadURL}
		case c == '"' || c == '\'' || c == '(' || nonPrintable(c):
			z.badURLRest()
			return cssToken{kind: cssBadURL}
		case c == '\\':
			if !validEscape(c, z.at(0)) {
				z.badURLRest()
				return cssToken{kind: cssBadURL}
			}
			b.WriteRune(z.escape())
		default:
			b.WriteRune(c)
		}
	}
}

func nonPrintable(c rune) bool {
	return c >= 0 && c <= 8 || c == 0x0B || c >= 0x0E && c <= 0x1F || c == 0x7F
}

// badURLRest consumes the remnants of a bad url.
func (z *cssTokenizer) badURLRest() {
	for {
		c := z.at(0)
		switch {
		case c == ')' || c == -1:
			z.advance(1)
			return
		case validEscape(c, z.at(1)):
			z.advance(1)
			z.escape()
		default:
			z.advance(1)
		}
	}
}
