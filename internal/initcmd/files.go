package initcmd

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/source"
)

// siteFiles is the source.Files of one site on disk: the book's sandbox
// over the site folder and the book's index of its posts, so that init
// reads and finds exactly what check would.
type siteFiles struct {
	root  string // as given, cleaned: the form of paths in messages
	abs   string // absolute: the form of the sandbox's paths
	box   *book.Sandbox
	posts *source.PostIndex
}

// openSite checks that root is a folder and indexes its posts. Close
// releases it.
func openSite(root string) (*siteFiles, error) {
	root = filepath.Clean(root)
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, plainErr(err)
	}
	if !st.IsDir() {
		return nil, errors.New("not a folder")
	}
	box := book.NewSandbox(abs)
	return &siteFiles{root: root, abs: abs, box: box, posts: book.SitePosts(box, abs)}, nil
}

// Close releases the site folder.
func (f *siteFiles) Close() error { return f.box.Close() }

// ReadFile reads a regular file inside the site.
func (f *siteFiles) ReadFile(path string) ([]byte, error) { return f.box.ReadFile(path) }

// Posts indexes the site's posts.
func (f *siteFiles) Posts() *source.PostIndex { return f.posts }

// shown gives an absolute path below the site in the form the user gave
// the site folder, for messages.
func (f *siteFiles) shown(abs string) string {
	if rel, err := filepath.Rel(f.abs, abs); err == nil {
		return filepath.Join(f.root, rel)
	}
	return abs
}

// plainErr drops the path that os errors repeat, since messages already
// name the file.
func plainErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
