package markdown

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Unescape returns the text a reader sees for the source bytes of a
// Markdown text node: backslash escapes of ASCII punctuation and character
// references (&amp;, &#44032;, &#xAC00;) resolved in one pass, left to
// right, exactly as goldmark's HTML renderer resolves them when it writes
// text (so "\&amp;" reads "&amp;", not "&"), and NUL replaced by U+FFFD.
// Writers that build their output from the tree (the EPUB writer) call it
// for every text node that is not raw.
func Unescape(v []byte) []byte {
	if bytes.IndexAny(v, "\\&\x00") < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			out = append(out, v[i+1])
			i++
		case c == 0:
			out = utf8.AppendRune(out, utf8.RuneError)
		case c == '&':
			r, n := reference(v[i:])
			if n == 0 {
				out = append(out, c)
				continue
			}
			out = append(out, r...)
			i += n - 1
		default:
			out = append(out, c)
		}
	}
	return out
}

// reference reads a character reference at the start of s (which starts
// with '&') and returns its characters and its length, or length 0 when s
// starts with none: &#x followed by 1 to 6 hex digits, &# followed by 1 to
// 7 decimal digits, or an HTML5 entity name, each ended by ';'.
func reference(s []byte) ([]byte, int) {
	if len(s) > 2 && s[1] == '#' {
		digits, base, start := util.IsNumeric, 10, 2
		max := 7
		if s[2] == 'x' || s[2] == 'X' {
			digits, base, start, max = util.IsHexDecimal, 16, 3, 6
		}
		end := start
		for end < len(s) && digits(s[end]) {
			end++
		}
		if end == start || end-start > max || end >= len(s) || s[end] != ';' {
			return nil, 0
		}
		n, _ := strconv.ParseUint(string(s[start:end]), base, 32)
		return utf8.AppendRune(nil, util.ToValidRune(rune(n))), end + 1
	}
	end := 1
	for end < len(s) && util.IsAlphaNumeric(s[end]) {
		end++
	}
	if end == 1 || end >= len(s) || s[end] != ';' {
		return nil, 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(s[1:end]))
	if !ok {
		return nil, 0
	}
	return e.Characters, end + 1
}
