package source

import "regexp"

// libTokenRE is the Liquid library's own token pattern (parser.Scan, with
// the default delimiters), compiled once here: the library compiles it
// on every parse. An object is "{{", at least one character that is not
// a newline, "}}"; a tag is "{%", a name of word characters, arguments in
// which "%" is never followed by "}", "%}". Text between them is text,
// whatever it holds: "{{ a\nb }}" and "{% 이름 %}" are text to the library.
// TestLexerMatchesLibrary keeps the two the same.
var libTokenRE = regexp.MustCompile(`\{\{-?\s*(.+?)\s*-?\}\}|\{%-?\s*(\w+)(?:\s+((?:[^%]|%[^}])+?))?\s*-?%\}`)

// libKind is the kind of a token as the library sees it.
type libKind int

const (
	libText libKind = iota
	libTag
	libObject
)

// libToken is a token of a piece of Liquid as the library splits it;
// offsets are into the piece.
type libToken struct {
	kind       libKind
	start, end int
	name, args string
}

// lexLiquid splits text into tokens exactly as the Liquid library does.
func lexLiquid(text string) []libToken {
	var toks []libToken
	p := 0
	for _, m := range libTokenRE.FindAllStringSubmatchIndex(text, -1) {
		if p < m[0] {
			toks = append(toks, libToken{kind: libText, start: p, end: m[0]})
		}
		t := libToken{kind: libObject, start: m[0], end: m[1]}
		if m[2] < 0 {
			t.kind, t.name = libTag, text[m[4]:m[5]]
			if m[6] >= 0 {
				t.args = text[m[6]:m[7]]
			}
		} else {
			t.args = text[m[2]:m[3]]
		}
		toks = append(toks, t)
		p = m[1]
	}
	if p < len(text) {
		toks = append(toks, libToken{kind: libText, start: p, end: len(text)})
	}
	return toks
}
