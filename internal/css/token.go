// Package css reads CSS after CSS Syntax Module Level 3: a tokenizer
// (section 4), a parser of component values, rules and declarations
// (section 5), and a serialiser that writes them back in one canonical
// form (section 9). It is the one CSS reader of the program: the EPUB's
// sanitiser (posts' style attributes, the manifest's epub.css, style
// sheets inside SVG images) and pkg/svg's cascade for drawing SVG images
// in the PDF both read CSS through it, so that the two outputs agree on
// what a style sheet says.
package css

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The tokenizer follows section 4.3, "Tokenizer Algorithms": escapes are
// decoded, so that u\72 l( is seen as the url( it is, and comments
// produce nothing. Offsets are bytes into the input, for messages.

// Kind is the kind of a token.
type Kind uint8

const (
	EOF Kind = iota
	Ident
	Function
	AtKeyword
	Hash
	String
	BadString
	URL
	BadURL
	Delim
	Number
	Percentage
	Dimension
	Whitespace
	CDO
	CDC
	Colon
	Semicolon
	Comma
	LBracket
	RBracket
	LParen
	RParen
	LBrace
	RBrace
)

// Token is one token. Val is the decoded name (ident, function,
// at-keyword, hash), the value (string, url), the character (delim) or
// the number as written (number, percentage, dimension); Unit is a
// dimension's unit; ID marks a hash that is a valid identifier.
type Token struct {
	Kind Kind
	Val  string
	Unit string
	ID   bool
	Off  int
}

type tokenizer struct {
	s   string
	pos int
}

// Tokens splits s into tokens; the last is EOF.
func Tokens(s string) []Token {
	z := &tokenizer{s: s}
	var out []Token
	for {
		t := z.next()
		out = append(out, t)
		if t.Kind == EOF {
			return out
		}
	}
}

// at returns the code point i code points ahead (i is 0 or a small
// number), or -1 past the end. CR, CR LF and FF read as LF and NUL as
// U+FFFD, as the input preprocessing of the specification has it.
func (z *tokenizer) at(i int) rune {
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
func (z *tokenizer) advance(n int) {
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
func (z *tokenizer) consume() rune {
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

func (z *tokenizer) next() Token {
	off := z.pos
	t := z.token()
	t.Off = off
	return t
}

func (z *tokenizer) token() Token {
	for z.at(0) == '/' && z.at(1) == '*' {
		z.comment()
	}
	c := z.at(0)
	switch {
	case c == -1:
		return Token{Kind: EOF}
	case isCSSWhitespace(c):
		for isCSSWhitespace(z.at(0)) {
			z.advance(1)
		}
		return Token{Kind: Whitespace}
	case c == '"' || c == '\'':
		z.advance(1)
		return z.stringToken(c)
	case c == '#':
		if isIdentChar(z.at(1)) || validEscape(z.at(1), z.at(2)) {
			z.advance(1)
			id := startsIdent(z.at(0), z.at(1), z.at(2))
			return Token{Kind: Hash, Val: z.name(), ID: id}
		}
	case c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':' || c == ';':
		z.advance(1)
		return Token{Kind: punctuation[c]}
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
			return Token{Kind: CDC}
		}
		if startsIdent(c, z.at(1), z.at(2)) {
			return z.identLike()
		}
	case c == '<':
		if z.at(1) == '!' && z.at(2) == '-' && z.at(3) == '-' {
			z.advance(4)
			return Token{Kind: CDO}
		}
	case c == '@':
		if startsIdent(z.at(1), z.at(2), z.at(3)) {
			z.advance(1)
			return Token{Kind: AtKeyword, Val: z.name()}
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
	return Token{Kind: Delim, Val: string(c)}
}

var punctuation = map[rune]Kind{'(': LParen, ')': RParen, '[': LBracket, ']': RBracket,
	'{': LBrace, '}': RBrace, ',': Comma, ':': Colon, ';': Semicolon}

// comment consumes a comment, to its end or the end of input.
func (z *tokenizer) comment() {
	z.advance(2)
	if i := strings.Index(z.s[z.pos:], "*/"); i >= 0 {
		z.pos += i + 2
	} else {
		z.pos = len(z.s)
	}
}

// escape consumes an escaped code point, after its backslash.
func (z *tokenizer) escape() rune {
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
func (z *tokenizer) name() string {
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

func (z *tokenizer) stringToken(quote rune) Token {
	var b strings.Builder
	for {
		c := z.at(0)
		switch {
		case c == -1 || c == quote:
			z.advance(1)
			return Token{Kind: String, Val: b.String()}
		case c == '\n':
			return Token{Kind: BadString} // the newline is not consumed
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

func (z *tokenizer) numeric() Token {
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
		return Token{Kind: Dimension, Val: repr, Unit: z.name()}
	case z.at(0) == '%':
		z.advance(1)
		return Token{Kind: Percentage, Val: repr}
	}
	return Token{Kind: Number, Val: repr}
}

func (z *tokenizer) identLike() Token {
	name := z.name()
	if z.at(0) != '(' {
		return Token{Kind: Ident, Val: name}
	}
	z.advance(1)
	if !strings.EqualFold(name, "url") {
		return Token{Kind: Function, Val: name}
	}
	for isCSSWhitespace(z.at(0)) && isCSSWhitespace(z.at(1)) {
		z.advance(1)
	}
	c := z.at(0)
	if isCSSWhitespace(c) {
		c = z.at(1)
	}
	if c == '"' || c == '\'' {
		return Token{Kind: Function, Val: name}
	}
	return z.url()
}

// url consumes an unquoted url( ... ), after its parenthesis.
func (z *tokenizer) url() Token {
	for isCSSWhitespace(z.at(0)) {
		z.advance(1)
	}
	var b strings.Builder
	for {
		c := z.consume()
		switch {
		case c == ')' || c == -1:
			return Token{Kind: URL, Val: b.String()}
		case isCSSWhitespace(c):
			for isCSSWhitespace(z.at(0)) {
				z.advance(1)
			}
			if c := z.at(0); c == ')' || c == -1 {
				z.advance(1)
				return Token{Kind: URL, Val: b.String()}
			}
			z.badURLRest()
			return Token{Kind: BadURL}
		case c == '"' || c == '\'' || c == '(' || nonPrintable(c):
			z.badURLRest()
			return Token{Kind: BadURL}
		case c == '\\':
			if !validEscape(c, z.at(0)) {
				z.badURLRest()
				return Token{Kind: BadURL}
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
func (z *tokenizer) badURLRest() {
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
