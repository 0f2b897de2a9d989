package diag

import (
	"errors"
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
