package source

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// Files gives this package the file access that Jekyll's Liquid tags need.
// The caller owns path safety: ReadFile refuses paths outside the book.
type Files interface {
	// ReadFile returns the bytes of the file at path (absolute, or as the
	// caller understands it), or an error when it is missing or refused.
	ReadFile(path string) ([]byte, error)
	// Posts indexes the site's posts (IsPostFile), by paths that
	// ReadFile accepts; nil when there is no site.
	Posts() *PostIndex
}

// MemFiles is an in-memory Files, keyed by cleaned path. Its site root is
// "/": posts are the keys IsPostFile accepts below it. It serves tests.
type MemFiles map[string][]byte

// ReadFile returns the bytes stored under the cleaned path.
func (m MemFiles) ReadFile(path string) ([]byte, error) {
	if data, ok := m[filepath.Clean(path)]; ok {
		return data, nil
	}
	return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
}

// Posts indexes the stored posts.
func (m MemFiles) Posts() *PostIndex {
	var posts []SitePost
	for p := range m {
		posts = append(posts, SitePost{Rel: strings.TrimPrefix(filepath.ToSlash(p), "/"), Path: p})
	}
	return NewPostIndex(posts)
}
