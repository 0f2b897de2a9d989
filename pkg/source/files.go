package source

import (
	"io/fs"
	"path/filepath"
	"sort"
)

// Files gives this package the file access that Jekyll's Liquid tags need.
// The caller owns path safety: ReadFile refuses paths outside the book.
type Files interface {
	// ReadFile returns the bytes of the file at path (absolute, or as the
	// caller understands it), or an error when it is missing or refused.
	ReadFile(path string) ([]byte, error)
	// PostFiles lists the site's post files (every _posts folder), as
	// paths that ReadFile accepts.
	PostFiles() []string
}

// MemFiles is an in-memory Files, keyed by cleaned path. Posts are the
// keys whose parent folder is named _posts. It serves tests and programs
// that hold a site in memory.
type MemFiles map[string][]byte

// ReadFile returns the bytes stored under the cleaned path.
func (m MemFiles) ReadFile(path string) ([]byte, error) {
	if data, ok := m[filepath.Clean(path)]; ok {
		return data, nil
	}
	return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
}

// PostFiles returns the stored paths that lie in a _posts folder, sorted.
func (m MemFiles) PostFiles() []string {
	var out []string
	for p := range m {
		if filepath.Base(filepath.Dir(p)) == "_posts" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
