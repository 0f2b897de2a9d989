package source

import (
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// frontDefault is one entry of _config.yml's defaults: front matter values
// for the documents its scope covers.
type frontDefault struct {
	path   string // site-relative folder or file prefix; "" for all
	typ    string // "posts", "pages", a collection, or "" for any
	values map[string]any
}

// readDefaults reads Jekyll's front matter defaults from _config.yml:
//
//	defaults:
//	  - scope: {path: "", type: posts}
//	    values: {layout: post, use_math: true}
//
// Entries it cannot read are skipped: Jekyll skips them too.
func readDefaults(cfg map[string]any) []frontDefault {
	list, _ := cfg["defaults"].([]any)
	var out []frontDefault
	for _, item := range list {
		m, _ := item.(map[string]any)
		values, _ := m["values"].(map[string]any)
		if len(values) == 0 {
			continue
		}
		d := frontDefault{values: values}
		if scope, ok := m["scope"].(map[string]any); ok {
			d.path = strings.Trim(filepath.ToSlash(frontString(scope["path"])), "/")
			d.typ = frontString(scope["type"])
		}
		out = append(out, d)
	}
	// Jekyll applies the more specific scopes last: a longer path, then a
	// type, wins over a shorter one.
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].path) != len(out[j].path) {
			return len(out[i].path) < len(out[j].path)
		}
		return out[i].typ == "" && out[j].typ != ""
	})
	return out
}

// covers reports whether the default applies to a post at rel (slash
// path relative to the site root).
func (d frontDefault) covers(rel string) bool {
	if d.typ != "" && d.typ != "posts" {
		return false
	}
	if d.path == "" {
		return true
	}
	if strings.ContainsAny(d.path, "*?[") {
		ok, _ := path.Match(d.path, path.Dir(rel))
		return ok
	}
	return rel == d.path || strings.HasPrefix(rel, d.path+"/")
}

// withDefaults returns the post's front matter over the site's defaults
// for a post at rel: the post's own keys win, as in Jekyll.
func (s *Site) withDefaults(rel string, front map[string]any) map[string]any {
	if s == nil || len(s.defaults) == 0 || rel == "" {
		return front
	}
	var merged map[string]any
	for _, d := range s.defaults {
		if !d.covers(rel) {
			continue
		}
		if merged == nil {
			merged = map[string]any{}
		}
		for k, v := range d.values {
			merged[k] = v
		}
	}
	if merged == nil {
		return front
	}
	for k, v := range front {
		merged[k] = v
	}
	return merged
}

// relPath is the slash path, relative to the site root, of the file named
// name in folder dir; "" when it lies outside the site.
func (s *Site) relPath(dir, name string) string {
	if s == nil || s.Root == "" || dir == "" {
		return ""
	}
	rel, err := filepath.Rel(s.Root, filepath.Join(dir, filepath.Base(name)))
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}
