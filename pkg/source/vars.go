package source

import (
	"sort"
	"time"
)

// siteVars are the {{ site.* }} variables: all of _config.yml, with url
// and baseurl as the caller may have overridden them, and site.time: the
// build's time, unless _config.yml sets it (as Jekyll does).
func siteVars(s *Site, now time.Time) sortedMap {
	m := sortedMap{}
	if !now.IsZero() {
		m["time"] = now.In(s.zone())
	}
	if s == nil {
		return m
	}
	for k, v := range s.Config {
		m[k] = ordered(v)
	}
	m["url"], m["baseurl"] = s.URL, s.BaseURL
	return m
}

// pageVars are the {{ page.* }} variables: the front matter and what
// Jekyll derives from it.
func pageVars(p *Post, s *Site) sortedMap {
	m := sortedMap{}
	for k, v := range p.Front {
		m[k] = ordered(v)
	}
	if p.HasDate {
		m["date"] = p.Date
	}
	m["slug"], m["title"], m["url"] = p.Slug, p.Title, s.PermalinkOf(p)
	m["categories"], m["tags"] = stringsAny(p.Categories), stringsAny(p.Tags)
	return m
}

// stringsAny converts to the []any that Liquid's filters expect.
func stringsAny(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// sortedMap is a map that {% for %} walks in key order, as [key, value]
// pairs. The Liquid library walks plain maps in Go's random order, which
// would make the same post give different books.
type sortedMap map[string]any

// Len is the number of entries, for the Liquid library's iteration.
func (m sortedMap) Len() int { return len(m) }

// Index returns the i-th [key, value] pair in key order.
func (m sortedMap) Index(i int) any {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return []any{keys[i], m[keys[i]]}
}

// ordered makes every map inside a YAML value a sortedMap.
func ordered(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := sortedMap{}
		for k, x := range v {
			m[k] = ordered(x)
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = ordered(x)
		}
		return out
	}
	return v
}
