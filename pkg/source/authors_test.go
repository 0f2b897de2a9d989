package source

import (
	"reflect"
	"testing"
)

func TestAuthors(t *testing.T) {
	for _, c := range []struct {
		v    any
		want []string
	}{
		{"홍길동", []string{"홍길동"}},
		{map[string]any{"name": "김철수", "bio": "…"}, []string{"김철수"}},
		{[]any{"가", map[string]any{"name": "나"}, []any{"다"}, nil}, []string{"가", "나"}},
		{2024, []string{"2024"}},
		{true, nil},
		{map[string]any{"avatar": "x.png"}, nil},
	} {
		if got := Authors(c.v); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Authors(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := PostAuthors(map[string]any{"authors": []any{"a", "b"}}); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("PostAuthors of authors: %q", got)
	}
	chirpy := &Site{Config: map[string]any{"social": map[string]any{"name": "처피 작가", "email": "x@y"}}}
	if got := chirpy.SiteAuthors(); !reflect.DeepEqual(got, []string{"처피 작가"}) {
		t.Errorf("Chirpy's social.name: %q", got)
	}
	mm := &Site{Config: map[string]any{"author": map[string]any{"name": "MM 작가"}, "social": map[string]any{"name": "다른 이름"}}}
	if got := mm.SiteAuthors(); !reflect.DeepEqual(got, []string{"MM 작가"}) {
		t.Errorf("author over social.name: %q", got)
	}
	var none *Site
	if got := none.SiteAuthors(); got != nil {
		t.Errorf("no site: %q", got)
	}
}
