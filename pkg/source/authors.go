package source

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
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
// Chirpy theme's key for several); an id of _data/authors.yml (Chirpy's
// author: cotes) stands for the name written there.
func (s *Site) PostAuthors(front map[string]any) []string {
	a := Authors(front["author"])
	if len(a) == 0 {
		a = Authors(front["authors"])
	}
	if s != nil {
		for i, id := range a {
			if name, ok := s.authorIDs[id]; ok {
				a[i] = name
			}
		}
	}
	return a
}

// SiteAuthors are the site's authors, and the key they came from:
// _config.yml's author, else the Chirpy theme's social.name, the name it
// shows as the site's author.
func (s *Site) SiteAuthors() (names []string, from string) {
	if s == nil {
		return nil, ""
	}
	if a := Authors(s.Config["author"]); len(a) > 0 {
		return a, "author"
	}
	if social, ok := s.Config["social"].(map[string]any); ok {
		if a := Authors(social["name"]); len(a) > 0 {
			return a, "social.name"
		}
	}
	return nil, ""
}

// maxAuthorsFile bounds _data/authors.yml, which a book reads for names
// only.
const maxAuthorsFile = 1 << 20

// readAuthors reads the names of _data/authors.yml (id: {name: …}), when
// the site has one; a file that is not such a mapping is passed over with
// a note.
func (s *Site) readAuthors(files Files, diags *diag.List) {
	name := filepath.Join(s.Root, "_data", "authors.yml")
	data, err := files.ReadFile(name)
	if err != nil {
		return
	}
	var doc map[string]any
	if len(data) <= maxAuthorsFile {
		// read as front matter is (its limits on what YAML may expand to)
		doc, _, err = parseFront(data, name, 1, time.UTC, &diag.List{})
	}
	if len(data) > maxAuthorsFile || err != nil {
		diags.Notef(diag.Pos{File: name}, "not a mapping of author ids to names; authors are shown by id")
		return
	}
	s.authorIDs = map[string]string{}
	for id, v := range doc {
		if a := Authors(v); len(a) == 1 {
			s.authorIDs[id] = a[0]
		}
	}
}

// authorScalar is a configuration value as a name: frontString's text,
// trimmed, where a true or false names no one.
func authorScalar(v any) string {
	if _, isBool := v.(bool); isBool {
		return ""
	}
	return strings.TrimSpace(frontString(v))
}
