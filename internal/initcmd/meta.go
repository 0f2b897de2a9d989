package initcmd

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/source"
)

// meta is the book's metadata with a word on where each value came from,
// which the manifest states in a comment.
type meta struct {
	title, titleFrom      string
	authors               []string
	authorsFrom           string
	authorsGuessed        bool // not from an author field: the user should change it
	description, descFrom string
}

// bookMeta takes title, authors and description from _config.yml, with
// fallbacks that still give a manifest check accepts: the folder name for
// the title; for the authors the first chosen post's author, then the
// site title, then the folder name, with a warning and a comment asking
// the user to put the right name in.
func bookMeta(site *source.Site, sitePath string, chosen []*post, diags *diag.List) meta {
	cfg := site.Config
	config := filepath.Join(sitePath, "_config.yml")
	folder := strings.TrimSpace(siteFolderName(sitePath))
	m := meta{title: scalar(cfg["title"]), titleFrom: "_config.yml title"}
	if m.title == "" {
		m.title, m.titleFrom = folder, "the site's folder name (_config.yml has no title)"
	}
	m.description, m.descFrom = scalar(cfg["description"]), "_config.yml description"
	// the site's author first: the manifest is for the blog's posts (a
	// book of posts given on the command line asks its first post first)
	if a, from := site.SiteAuthors(); len(a) > 0 {
		m.authors, m.authorsFrom = a, "_config.yml "+from
		return m
	}
	for _, p := range chosen {
		if a := site.PostAuthors(p.front); len(a) > 0 {
			m.authors, m.authorsFrom = a, "the author of "+p.path+" (_config.yml has none)"
			return m
		}
	}
	m.authors, m.authorsGuessed = []string{m.title}, true
	m.authorsFrom = "the book's title, as no author was found"
	if m.titleFrom != "_config.yml title" {
		m.authorsFrom = "the site's folder name, as no author was found"
	}
	diags.Warnf(diag.Pos{File: config}, "no author in _config.yml or the posts; the manifest names %q as author, change it", m.title)
	return m
}

// scalar is a configuration value as text: strings as they are, numbers
// and booleans as spelled (a title "2020" is still a title), anything
// else as nothing.
func scalar(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case nil, []any, map[string]any, map[any]any:
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}
