package initcmd

import (
	"fmt"
	"strings"
)

// quote writes s as a YAML double-quoted scalar. Double quotes are the one
// style in which every string is safe: a Korean title holding ": ", " #",
// quotes, a leading "*" or "&", or spelled like a number, a date or
// "yes" keeps its text. Hangul and other printable characters are kept as
// they are, for a manifest people read; only what YAML cannot hold
// literally is escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case !printable(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// printable reports whether YAML may hold r literally inside a scalar or a
// comment on one line. It follows YAML 1.2's c-printable set, less the
// characters the parser takes for line breaks (NEL, LS, PS) and the byte
// order mark, which a reader might drop.
func printable(r rune) bool {
	switch {
	case r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF:
		return false
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// maxComment keeps a trailing comment (a chapter's title) to one glance.
const maxComment = 60

// comment makes s safe to follow "# " on one line: characters that would
// break the line or that YAML refuses become spaces, runs of spaces
// shrink to one, and a long text is cut with an ellipsis.
func comment(s string) string {
	s = strings.Map(func(r rune) rune {
		if !printable(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxComment {
		s = string(r[:maxComment-1]) + "…"
	}
	return s
}
