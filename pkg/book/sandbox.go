package book

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutside is returned for a path that resolves outside every root of
// the sandbox.
var ErrOutside = errors.New("outside the book (site root and manifest folder)")

// Sandbox reads files only below a fixed set of root folders. Paths are
// resolved with symlinks followed before the check, so a link that points
// out of a root is refused like a path with "..".
type Sandbox struct {
	roots []string
	// MaxFileSize bounds every read, so that a post or image the size of
	// a disk image cannot exhaust memory.
	MaxFileSize int64
}

// DefaultMaxFileSize is far above any real post or web image (a large
// photograph is ~10 MB) and well below what would hurt the machine.
const DefaultMaxFileSize = 64 << 20

// NewSandbox returns a sandbox over the given folders. Folders that do not
// exist are skipped.
func NewSandbox(roots ...string) *Sandbox {
	s := &Sandbox{MaxFileSize: DefaultMaxFileSize}
	for _, r := range roots {
		if r == "" {
			continue
		}
		if real, err := filepath.EvalSymlinks(r); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				s.roots = append(s.roots, abs)
			}
		}
	}
	return s
}

// Resolve returns the absolute, symlink-free form of path, or an error if
// it does not exist or lies outside every root.
func (s *Sandbox) Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if !s.inside(abs) {
		// Refuse before touching the file system: an outside path is not
		// even probed for existence.
		return "", ErrOutside
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fs.ErrNotExist
		}
		return "", err
	}
	if !s.inside(real) {
		return "", ErrOutside
	}
	return real, nil
}

func (s *Sandbox) inside(abs string) bool {
	for _, r := range s.roots {
		if abs == r || strings.HasPrefix(abs, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// ReadFile reads a regular file inside the sandbox.
func (s *Sandbox) ReadFile(path string) ([]byte, error) {
	real, err := s.Resolve(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() > s.MaxFileSize {
		return nil, fmt.Errorf("file is %d MB, above the %d MB limit", st.Size()>>20, s.MaxFileSize>>20)
	}
	return os.ReadFile(real)
}

// Glob expands a pattern and keeps the matches inside the sandbox.
func (s *Sandbox) Glob(pattern string) ([]string, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		if _, err := s.Resolve(m); err == nil {
			out = append(out, m)
		}
	}
	return out, nil
}
