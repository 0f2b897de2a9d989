// Package uri makes the addresses publish writes into its outputs valid
// URIs (RFC 3986). Blog posts name files and pages with spaces, Hangul,
// square brackets and other characters that a URI may not hold as they
// are; EPUBCheck rejects such an href (RSC-020) and PDF readers disagree
// on what they mean. Escape is the one function every writer calls on an
// href, a src or a PDF link: pkg/epub for every attribute it writes, the
// PDF side for its link annotations.
//
// The package imports nothing of publish, so that any writer can use it.
package uri

import "strings"

// Escape returns s with every byte that may not stand in a URI
// percent-encoded: spaces and control characters, bytes of characters
// outside ASCII (as UTF-8), the characters RFC 3986 excludes ("<>\^`{|}
// and the double quote), square brackets outside a bracketed IP-literal
// host, a '#' after the one that starts the fragment, and a '%' that does
// not start an escape. What is already encoded stays as it is, so Escape
// is idempotent: Escape(Escape(s)) == Escape(s).
func Escape(s string) string {
	host := ipLiteral(s)
	fragment := false
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		keep := allowed(c)
		switch {
		case c == '%':
			keep = i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
		case c == '[' || c == ']':
			keep = i >= host[0] && i < host[1]
		case c == '#':
			keep = !fragment
			fragment = true
		}
		if keep {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 16)
			b.WriteString(s[:i])
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

// allowed reports whether c may stand in a URI as it is: the unreserved
// and reserved characters of RFC 3986 (section 2).
func allowed(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// ipLiteral returns the byte range of a bracketed IP-literal host
// ("//[::1]:80/"), the only place square brackets may stand, or an empty
// range.
func ipLiteral(s string) [2]int {
	i := strings.Index(s, "//")
	if i < 0 || strings.ContainsAny(s[:i], "/?#[]") || i+2 >= len(s) || s[i+2] != '[' {
		return [2]int{}
	}
	end := strings.IndexByte(s[i+2:], ']')
	if end < 0 || strings.ContainsAny(s[i+2:i+2+end], "/?#") {
		return [2]int{}
	}
	return [2]int{i + 2, i + 3 + end}
}
