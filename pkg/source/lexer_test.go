package source

import (
	"testing"

	"github.com/osteele/liquid/parser"
)

// checkLexer compares lexLiquid with the library's own scanner.
func checkLexer(t *testing.T, text string) {
	t.Helper()
	var want []libToken
	p := 0
	for _, tok := range parser.Scan(text, parser.SourceLoc{}, nil) {
		var k libKind
		switch tok.Type {
		case parser.TextTokenType:
			k = libText
		case parser.TagTokenType:
			k = libTag
		case parser.ObjTokenType:
			k = libObject
		default:
			continue // trim markers have no text of their own
		}
		lt := libToken{kind: k, start: p, end: p + len(tok.Source), args: tok.Args}
		if k == libTag {
			lt.name = tok.Name
		}
		want = append(want, lt)
		p += len(tok.Source)
	}
	got := lexLiquid(text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, library %d:\n%v\n%v", text, len(got), len(want), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: token %d is %+v, library %+v", text, i, got[i], want[i])
		}
	}
}

// TestLexerMatchesLibrary is the reference test of lexLiquid: on the
// instrument cases and on texts where the library's pattern is subtle.
func TestLexerMatchesLibrary(t *testing.T) {
	for _, text := range append([]string{
		"{{ a\nb }} {{ x -}} {{- y }} {{}} {{ }} {{-}}", "{% 이름 %} {%x %%} {% if a %}{%- endif -%}",
		"{{{ x }}} {%% raw %%} {%raw%}{{%endraw%}", "a{%x {{ y }}", "{% for x in y\n  limit: 2 %}",
	}, instrumentCases...) {
		checkLexer(t, text)
	}
}

func FuzzLexer(f *testing.F) {
	addSeeds(f)
	for _, text := range instrumentCases {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLexer(t, string(data))
	})
}
