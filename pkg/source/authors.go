package source

import (
	"fmt"
	"strings"
)

// Authors reads a Jekyll author value as themes write it: a name, a
// mapping with a name (Minimal Mistakes' author: {name: …}), or a list
// of either. It is the one reader of author values, for the book's
// metadata and for publish init.
func Authors(v any) []string {
	switch v := v.(type) {
	case map[string]any:
		if s := authorScalar(v["name"]); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, x := range v {
			if _, nested := x.([]any); nested {
				continue // a list inside a list is not an author
			}
			out = append(out, Authors(x)...)
		}
		return out
	default:
		if s := authorScalar(v); s != "" {
			return []string{s}
		}
	}
	return nil
}

// PostAuthors are a post's authors: its author, else its authors (the
// Chirpy theme's key for several).
func PostAuthors(front map[string]any) []string {
	if a := Authors(front["author"]); len(a) > 0 {
		return a
	}
	return Authors(front["authors"])
}

// SiteAuthors are the site's authors: _config.yml's author, else the
// Chirpy theme's social.name, the name it shows as the site's author.
func (s *Site) SiteAuthors() []string {
	if s == nil {
		return nil
	}
	if a := Authors(s.Config["author"]); len(a) > 0 {
		return a
	}
	if social, ok := s.Config["social"].(map[string]any); ok {
		return Authors(social["name"])
	}
	return nil
}

// authorScalar is a configuration value as a name: strings as they are,
// numbers as spelled, anything else as nothing.
func authorScalar(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case nil, []any, map[string]any, map[any]any, bool:
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}
