package texmath

import (
	"unicode/utf8"
)

// tokKind is the kind of a TeX token.
type tokKind uint8

// The token kinds, after TeX's category codes as MathJax reads them.
const (
	tChar  tokKind = iota // any other character (letters, digits, symbols)
	tCmd                  // a control sequence: \name or \<one character>
	tBegin                // {
	tEnd                  // }
	tSup                  // ^
	tSub                  // _
	tAmp                  // &
	tParam                // #1 … #9 in a macro body
	tSpace                // white space (ignored in math, kept in \text)
	tTilde                // ~, a non-breaking space
)

// token is one lexical unit with the byte offsets of its source.
type token struct {
	kind     tokKind
	text     string // the character, or the control sequence name without '\'
	pos, end int
}

// lex splits src into tokens. Comments (% to the end of the line) are
// dropped; a backslash at the very end is reported.
func lex(src string, report func(pos, end int, msg string)) []token {
	toks := make([]token, 0, len(src)/2+1)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\':
			t := lexCommand(src, i)
			if t.end == i+1 {
				report(i, i+1, "a backslash ends the formula")
				return toks
			}
			toks = append(toks, t)
			i = t.end
		case c == '%':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			j := i
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			toks = append(toks, token{kind: tSpace, text: " ", pos: i, end: j})
			i = j
		case c == '#' && i+1 < len(src) && src[i+1] >= '1' && src[i+1] <= '9':
			toks = append(toks, token{kind: tParam, text: src[i+1 : i+2], pos: i, end: i + 2})
			i += 2
		default:
			r, n := utf8.DecodeRuneInString(src[i:])
			kind := tChar
			switch r {
			case '{':
				kind = tBegin
			case '}':
				kind = tEnd
			case '^':
				kind = tSup
			case '_':
				kind = tSub
			case '&':
				kind = tAmp
			case '~':
				kind = tTilde
			}
			toks = append(toks, token{kind: kind, text: src[i : i+n], pos: i, end: i + n})
			i += n
		}
	}
	return toks
}

// lexCommand reads the control sequence starting at the backslash at i:
// letters make a name; any other single character is a name by itself.
// Trailing spaces after a named command belong to it, as in TeX.
func lexCommand(src string, i int) token {
	j := i + 1
	for j < len(src) && isLetter(src[j]) {
		j++
	}
	if j > i+1 {
		return token{kind: tCmd, text: src[i+1 : j], pos: i, end: j}
	}
	if j >= len(src) {
		return token{kind: tCmd, pos: i, end: i + 1}
	}
	_, n := utf8.DecodeRuneInString(src[j:])
	return token{kind: tCmd, text: src[j : j+n], pos: i, end: j + n}
}

// isLetter reports whether c is an ASCII letter, the characters of a
// control sequence name.
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
