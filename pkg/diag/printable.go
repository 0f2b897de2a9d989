package diag

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable returns s made safe to print as one line of a terminal or a
// CI log. Text from posts (titles, file names, quoted HTML) reaches the
// messages, and a newline in it would forge a line of its own, an escape
// sequence would drive the terminal, and a bidi override would show the
// line in another order. Printable shows each such character as an escape
// a reader can see:
//
//   - newline, carriage return and tab as \n, \r, \t; other C0 controls and
//     DEL as \x1b;
//   - C1 controls, the line and paragraph separators U+2028 and U+2029 and
//     the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//     U+2066–U+2069) as \u202e;
//   - bytes that are not UTF-8 as \xff.
//
// It also breaks the CI workflow commands a line could carry: GitHub's
// runner obeys "::command::" at the start of a line (after white space)
// and "##[command]" anywhere in it, Azure Pipelines "##vso[": the first
// colon becomes \x3a and the second hash \x23. This is done everywhere,
// not only under CI, so that the same input prints the same bytes.
//
// Everything else, Hangul included, is kept. Backslashes are not doubled:
// the result is for people, not for parsing back. Printable(Printable(s))
// is Printable(s).
func Printable(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && Unprintable(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unprintable(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return breakCommands(b.String())
}

// Unprintable reports whether r is a character that Printable escapes:
// a C0 or C1 control, DEL, U+2028, U+2029 or a bidi control.
func Unprintable(r rune) bool {
	switch {
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return isBidiControl(r)
}

// isBidiControl reports whether r is one of Unicode's explicit
// directional formatting characters (UAX #9, section 2): marks, embeddings,
// overrides and isolates, each of which reorders how a line is shown.
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// plain reports whether s needs no change, the case of almost every
// message, without allocating.
func plain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || Unprintable(r) {
			return false // RuneError may be a real U+FFFD: the slow path tells
		}
	}
	return !strings.Contains(s, "##") && !startsWithCommand(s)
}

// commandMarks are the workflow-command prefixes that CI runners find
// anywhere in a line, with the text that replaces each.
var commandMarks = strings.NewReplacer(
	"##[", `#\x23[`,
	"##vso[", `#\x23vso[`,
)

// breakCommands neutralises the workflow commands in a line that has no
// control characters left.
func breakCommands(s string) string {
	if strings.Contains(s, "##") {
		s = commandMarks.Replace(s)
	}
	if startsWithCommand(s) {
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		s = s[:lead] + `\x3a` + s[lead+1:]
	}
	return s
}

// startsWithCommand reports whether s starts with "::" after white space,
// which is how GitHub's runner (ActionCommand.TryParseV2) recognises a
// command: it trims leading white space first.
func startsWithCommand(s string) bool {
	return strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "::")
}

// Clip cuts text quoted in a message (a long address, a piece of a tag) to
// at most n bytes, on a character boundary, and marks the cut with "…".
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
