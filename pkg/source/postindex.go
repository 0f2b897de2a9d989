package source

import (
	"path"
	"sort"
	"strings"
)

// PostIndex finds a site's posts by the names {% post_url %} and
// {% link %} give them. It is built once per book from the site's post
// files, so a lookup costs a map access, not a scan of every post.
type PostIndex struct {
	// exact maps the names Jekyll's post_url matches exactly, by the
	// rule of its PostComparer: "sub/2020-01-05-x" for
	// _posts/sub/2020-01-05-x.md and "cat/2020-01-05-x" for
	// cat/_posts/2020-01-05-x.md.
	exact map[string]string
	// loose maps a bare "2020-01-05-x" to the first post of that name in
	// any folder: Jekyll 4 still accepts it, with a deprecation warning.
	loose map[string]string
	// files holds the posts' files.
	files map[string]bool
	paths []string
}

// SitePost is one post file of a site.
type SitePost struct {
	// Rel is the slash-separated path relative to the site root.
	Rel string
	// Path is the file as the caller's Files reads it.
	Path string
}

// NewPostIndex indexes posts; those that are not posts by IsPostFile are
// left out. When two posts share a name, the first in sorted order wins.
func NewPostIndex(posts []SitePost) *PostIndex {
	sort.Slice(posts, func(i, j int) bool { return posts[i].Rel < posts[j].Rel })
	ix := &PostIndex{exact: map[string]string{}, loose: map[string]string{}, files: map[string]bool{}}
	add := func(m map[string]string, k, v string) {
		if _, taken := m[k]; !taken {
			m[k] = v
		}
	}
	for _, p := range posts {
		if !IsPostFile(p.Rel) {
			continue
		}
		ix.paths = append(ix.paths, p.Path)
		ix.files[p.Path] = true
		before, after, _ := strings.Cut("/"+p.Rel, "/_posts/")
		before = strings.TrimPrefix(before, "/")
		name := strings.TrimSuffix(after, path.Ext(after))
		if before == "" {
			add(ix.exact, name, p.Path)
		}
		if !strings.Contains(name, "/") {
			add(ix.exact, path.Join(before, name), p.Path)
		}
		add(ix.loose, path.Base(name), p.Path)
	}
	return ix
}

// Paths lists the posts' files, sorted by their site-relative paths.
func (ix *PostIndex) Paths() []string {
	if ix == nil {
		return nil
	}
	return ix.paths
}

// Find returns the post a {% post_url %} name stands for: an exact match
// of folder and name first, else the first post of that name anywhere.
func (ix *PostIndex) Find(name string) (string, bool) {
	if ix == nil {
		return "", false
	}
	name = strings.TrimPrefix(name, "/")
	if p, ok := ix.exact[name]; ok {
		return p, true
	}
	p, ok := ix.loose[path.Base(name)]
	return p, ok
}

// Has reports whether the file at path (as the caller's Files names it)
// is a post, for {% link %}.
func (ix *PostIndex) Has(path string) bool {
	return ix != nil && ix.files[path]
}
