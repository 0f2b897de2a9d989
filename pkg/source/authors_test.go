package source

import (
	"reflect"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
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
	var noSite *Site
	if got := noSite.PostAuthors(map[string]any{"authors": []any{"a", "b"}}); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("PostAuthors of authors: %q", got)
	}
	chirpy := &Site{Config: map[string]any{"social": map[string]any{"name": "처피 작가", "email": "x@y"}}}
	if got, from := chirpy.SiteAuthors(); !reflect.DeepEqual(got, []string{"처피 작가"}) || from != "social.name" {
		t.Errorf("Chirpy's social.name: %q", got)
	}
	mm := &Site{Config: map[string]any{"author": map[string]any{"name": "MM 작가"}, "social": map[string]any{"name": "다른 이름"}}}
	if got, _ := mm.SiteAuthors(); !reflect.DeepEqual(got, []string{"MM 작가"}) {
		t.Errorf("author over social.name: %q", got)
	}
	if got, _ := noSite.SiteAuthors(); got != nil {
		t.Errorf("no site: %q", got)
	}
	// Chirpy names a post's authors by id, from _data/authors.yml
	files := MemFiles{"/s/_data/authors.yml": []byte("cotes:\n  name: 코테스\n  twitter: x\nsam:\n  name: 샘\n")}
	site, err := LoadSite("/s", files, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	if got := site.PostAuthors(map[string]any{"authors": []any{"cotes", "누군가"}}); !reflect.DeepEqual(got, []string{"코테스", "누군가"}) {
		t.Errorf("author ids: %q", got)
	}
}
