package book

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// ErrOutside is returned for a path that lies, or whose symbolic links
// lead, outside every root of the sandbox. The message is the same whether
// or not something exists out there.
var ErrOutside = errors.New("outside the book (site root and manifest folder)")

// errLinkLoop replaces the operating system's "too many levels of symbolic
// links" with words about the book.
var errLinkLoop = errors.New("leads into a loop of symbolic links")

// Sandbox reads files only below a fixed set of root folders. On disk,
// each root is opened once as an os.Root, and every file is opened through
// it: the kernel walks the path one name at a time and refuses a symbolic
// link or ".." that leaves the root, so a folder swapped for a link
// between a check and a read cannot reach outside (there is no separate
// check). A Sandbox over an fs.FS (NewFSSandbox) serves programs that
// hold a book in memory; its paths are slash-separated and relative to
// that file system.
type Sandbox struct {
	roots []sandboxRoot
	// slash is true for a sandbox over an fs.FS.
	slash bool
	// MaxFileSize bounds every read, so that a post or image the size of
	// a disk image cannot exhaust memory.
	MaxFileSize int64

	mu   sync.Mutex
	read map[string]bool // every file ReadFile returned, canonical
}

// sandboxRoot is one folder the sandbox reads below.
type sandboxRoot struct {
	dir  string // absolute and clean (slash mode: clean, relative to the FS)
	fsys fs.FS
	root *os.Root // nil in slash mode
}

// DefaultMaxFileSize is far above any real post or web image (a large
// photograph is ~10 MB) and well below what would hurt the machine.
const DefaultMaxFileSize = 64 << 20

// NewSandbox returns a sandbox over the given folders on disk. Folders that
// do not exist, or cannot be opened, are skipped: nothing below them can be
// read. Close releases the folders.
func NewSandbox(roots ...string) *Sandbox {
	s := &Sandbox{MaxFileSize: DefaultMaxFileSize}
	for _, r := range roots {
		if r == "" {
			continue
		}
		abs, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		root, err := os.OpenRoot(abs)
		if err != nil {
			continue
		}
		s.roots = append(s.roots, sandboxRoot{dir: abs, fsys: root.FS(), root: root})
	}
	s.sortRoots()
	return s
}

// NewFSSandbox returns a sandbox over folders of fsys, named by
// slash-separated paths relative to it ("." for all of it).
func NewFSSandbox(fsys fs.FS, roots ...string) *Sandbox {
	s := &Sandbox{MaxFileSize: DefaultMaxFileSize, slash: true}
	for _, r := range roots {
		dir := path.Clean(filepath.ToSlash(r))
		if r == "" || !fs.ValidPath(dir) {
			continue
		}
		sub, err := fs.Sub(fsys, dir)
		if err != nil {
			continue
		}
		s.roots = append(s.roots, sandboxRoot{dir: dir, fsys: sub})
	}
	s.sortRoots()
	return s
}

// sortRoots puts outer folders first: a file below two roots (a site
// inside the manifest's folder) is read through the outer one, so that a
// link from the site to a file beside the manifest still works.
func (s *Sandbox) sortRoots() {
	sort.SliceStable(s.roots, func(i, j int) bool { return len(s.roots[i].dir) < len(s.roots[j].dir) })
}

// Close releases the root folders. Reads after Close fail.
func (s *Sandbox) Close() error {
	var first error
	for _, r := range s.roots {
		if r.root != nil {
			if err := r.root.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// clean returns p in the sandbox's canonical form: absolute and clean on
// disk, clean and slash-separated in slash mode.
func (s *Sandbox) clean(p string) (string, error) {
	if s.slash {
		return path.Clean(filepath.ToSlash(p)), nil
	}
	return filepath.Abs(p)
}

// locate finds the root p lies below and p's path relative to it, without
// touching the file system.
func (s *Sandbox) locate(p string) (sandboxRoot, string, error) {
	for _, r := range s.roots {
		if rel, ok := s.below(r.dir, p); ok {
			return r, rel, nil
		}
	}
	return sandboxRoot{}, "", ErrOutside
}

// below reports whether p lies at or below dir, and p's slash path
// relative to dir ("." for dir itself).
func (s *Sandbox) below(dir, p string) (string, bool) {
	sep := string(filepath.Separator)
	if s.slash {
		sep = "/"
		if dir == "." {
			return p, fs.ValidPath(p)
		}
	}
	switch {
	case p == dir:
		return ".", true
	case strings.HasPrefix(p, dir+sep):
		return filepath.ToSlash(p[len(dir)+1:]), true
	}
	return "", false
}

// open opens the file at p through its root.
func (s *Sandbox) open(p string) (string, fs.File, error) {
	p, err := s.clean(p)
	if err != nil {
		return "", nil, err
	}
	r, rel, err := s.locate(p)
	if err != nil {
		// Refused before touching the file system: an outside path is not
		// even probed for existence.
		return "", nil, err
	}
	f, err := r.fsys.Open(rel)
	if err != nil {
		return "", nil, plainOpenErr(err)
	}
	return p, f, nil
}

// plainOpenErr turns what opening through a root reports into the book's
// terms: a missing file, a file outside, a loop of links.
func plainOpenErr(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fs.ErrNotExist
	case errors.Is(err, syscall.ELOOP):
		return errLinkLoop
	case strings.Contains(err.Error(), "path escapes from parent"):
		// os.Root's refusal of a link or ".." that leaves the root; the
		// error value is not exported (Go 1.26), its text is checked by
		// TestSandboxRefusesEscapes.
		return ErrOutside
	}
	return plainErr(err)
}

// Resolve returns the canonical form of path (absolute and clean on
// disk), or an error if it does not exist or lies outside every root.
func (s *Sandbox) Resolve(path string) (string, error) {
	p, f, err := s.open(path)
	if err != nil {
		return "", err
	}
	f.Close()
	return p, nil
}

// ReadFile reads a regular file inside the sandbox: it is opened once,
// through its root, and the opened file is checked and read.
func (s *Sandbox) ReadFile(path string) ([]byte, error) {
	p, f, err := s.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, plainErr(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > s.MaxFileSize {
		return nil, fmt.Errorf("file is %d MB, above the %d MB limit", st.Size()>>20, s.MaxFileSize>>20)
	}
	// The file may grow after Stat: read one byte past the limit to see it.
	data, err := io.ReadAll(io.LimitReader(f, s.MaxFileSize+1))
	if err != nil {
		return nil, plainErr(err)
	}
	if int64(len(data)) > s.MaxFileSize {
		return nil, fmt.Errorf("file grew past the %d MB limit while being read", s.MaxFileSize>>20)
	}
	s.mu.Lock()
	if s.read == nil {
		s.read = map[string]bool{}
	}
	s.read[p] = true
	s.mu.Unlock()
	return data, nil
}

// Read lists every file ReadFile has returned, sorted: the inputs of a
// book, which an output must never overwrite.
func (s *Sandbox) Read() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.read))
	for p := range s.read {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Glob expands a pattern below one root and returns the matches that can
// be opened, in the sandbox's canonical form, sorted.
func (s *Sandbox) Glob(pattern string) ([]string, error) {
	p, err := s.clean(pattern)
	if err != nil {
		return nil, err
	}
	r, rel, err := s.locate(p)
	if err != nil {
		return nil, err
	}
	matches, err := fs.Glob(r.fsys, rel)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		full := s.join(r.dir, m)
		if _, err := s.Resolve(full); err == nil {
			out = append(out, full)
		}
	}
	sort.Strings(out)
	return out, nil
}

// join makes a canonical path from a root folder and a slash path below it.
func (s *Sandbox) join(dir, rel string) string {
	if s.slash {
		return path.Join(dir, rel)
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// Walk calls fn for every file and folder below dir (a folder inside the
// sandbox), in lexical order, with canonical paths. fn returns
// fs.SkipDir to leave a folder out. Folders that cannot be read are
// skipped.
func (s *Sandbox) Walk(dir string, fn func(path string, d fs.DirEntry) error) error {
	p, err := s.clean(dir)
	if err != nil {
		return err
	}
	r, rel, err := s.locate(p)
	if err != nil {
		return err
	}
	return fs.WalkDir(r.fsys, rel, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		return fn(s.join(r.dir, q), d)
	})
}

// Dir returns the folder of a canonical path, in the sandbox's form.
func (s *Sandbox) Dir(p string) string {
	if s.slash {
		return path.Dir(p)
	}
	return filepath.Dir(p)
}
