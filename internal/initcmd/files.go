package initcmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// errOutside refuses a path that resolves outside the site, the same rule
// the book's sandbox applies, so that init reads nothing check would not.
var errOutside = errors.New("outside the site folder")

// maxFileSize matches book.DefaultMaxFileSize: a post larger than this is
// refused by the book, so init need not read it either.
const maxFileSize = 64 << 20

// siteFiles is the source.Files of one site on disk. Paths are in the
// form the user gave the site folder (for messages); reads are checked
// against the site's real, symlink-free root.
type siteFiles struct {
	root  string // as given, cleaned
	real  string // absolute, symlinks resolved
	posts []string
}

// openSite checks that root is a folder and lists its posts.
func openSite(root string) (*siteFiles, error) {
	root = filepath.Clean(root)
	real, err := filepath.EvalSymlinks(root)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return nil, plainErr(err)
	}
	if st, err := os.Stat(real); err != nil || !st.IsDir() {
		return nil, errors.New("not a folder")
	}
	f := &siteFiles{root: root, real: real}
	f.posts = f.walk()
	return f, nil
}

// ReadFile reads a regular file inside the site.
func (f *siteFiles) ReadFile(path string) ([]byte, error) {
	if err := f.inside(path); err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("file is %d MB, above the %d MB limit", st.Size()>>20, maxFileSize>>20)
	}
	return os.ReadFile(path)
}

// inside reports, as an error, whether path resolves outside the site.
func (f *siteFiles) inside(path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return plainErr(err)
	}
	if real != f.real && !strings.HasPrefix(real, f.real+string(filepath.Separator)) {
		return errOutside
	}
	return nil
}

// PostFiles lists every post of the site, sorted.
func (f *siteFiles) PostFiles() []string { return f.posts }

// walk finds the Markdown files below any _posts folder, nested folders
// included (Jekyll reads _posts/2020/x.md), skipping what the book's own
// listing skips: hidden folders, the generated _site and dependencies.
func (f *siteFiles) walk() []string {
	var out []string
	_ = filepath.WalkDir(f.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder holds nothing we can use
		}
		name := d.Name()
		if d.IsDir() {
			if p != f.root && skipDir(name) {
				return filepath.SkipDir
			}
			return nil
		}
		if isPost(name) && underPosts(f.root, p) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "_site" || name == "node_modules" || name == "vendor"
}

// underPosts reports whether a folder between root and p is named _posts.
func underPosts(root, p string) bool {
	rel, err := filepath.Rel(root, filepath.Dir(p))
	if err != nil {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "_posts" {
			return true
		}
	}
	return false
}

// isPost reports whether a file name is a Markdown post, by the rule
// pkg/book applies to glob matches.
func isPost(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// plainErr drops the path that os errors repeat, since messages already
// name the file.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
