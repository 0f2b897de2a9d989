package diag

import (
	"errors"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		p    Pos
		want string
	}{
		{Pos{"a.md", 3, 7}, "a.md:3:7"},
		{Pos{"a.md", 3, 0}, "a.md:3"},
		{Pos{"a.md", 0, 0}, "a.md"},
		{Pos{}, "-"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v: %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestItemsSortedAndDeduplicated(t *testing.T) {
	var l List
	l.Warnf(Pos{"b.md", 1, 1}, "late file")
	l.Warnf(Pos{"a.md", 10, 2}, "second")
	l.Errorf(Pos{"a.md", 10, 2}, "same place, error first")
	l.Notef(Pos{"a.md", 2, 1}, "first")
	l.Warnf(Pos{"a.md", 10, 2}, "second")
	got := l.Items()
	want := []string{
		"a.md:2:1: note: first",
		"a.md:10:2: error: same place, error first",
		"a.md:10:2: warning: second",
		"b.md:1:1: warning: late file",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("%d: %q, want %q", i, got[i], want[i])
		}
	}
	if l.Summary() != "1 error, 2 warnings, 1 note" || !l.HasErrors() || l.Len() != 4 {
		t.Errorf("summary %q len %d", l.Summary(), l.Len())
	}
}

func TestErrAsError(t *testing.T) {
	err := Errorf(Pos{"x.yaml", 4, 1}, "unknown key %q", "k")
	var e *Err
	if !errors.As(err, &e) || e.Severity != Error || err.Error() != `x.yaml:4:1: error: unknown key "k"` {
		t.Errorf("%v", err)
	}
	var empty List
	if empty.Summary() != "no problems" {
		t.Errorf("%q", empty.Summary())
	}
}

// The yaml.v3 messages below were produced by v3.0.6 for these inputs.
func TestYAMLSyntax(t *testing.T) {
	for _, tc := range []struct {
		msg, src string
		line     int
	}{
		{"yaml: line 1: did not find expected ',' or ']'", "title: [broken\n", 1},
		{"yaml: line 1: did not find expected ',' or ']'", "a: 1\nb: [a\nc: 2\n", 2},
		{"yaml: line 2: did not find expected ',' or '}'", "a: 1\nb: 2\nc: {x: 1\nd: 2\n", 3},
		{"yaml: line 2: mapping values are not allowed in this context", "a: 1\nb: c: d\n", 2},
	} {
		line, text, ok := YAMLSyntax(tc.msg, []byte(tc.src))
		if !ok || line != tc.line || strings.HasPrefix(text, "yaml:") {
			t.Errorf("%q: line %d %q, want line %d", tc.src, line, text, tc.line)
		}
	}
	if _, text, ok := YAMLSyntax("yaml: unmarshal errors", nil); ok || text != "unmarshal errors" {
		t.Errorf("message without a line: %q %v", text, ok)
	}
}
