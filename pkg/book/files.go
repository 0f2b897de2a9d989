package book

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// siteFiles gives the source package the file access that Liquid tags
// need (include_relative, post_url, link), through the sandbox.
type siteFiles struct {
	box   *Sandbox
	root  string
	posts []string // cached list of the site's posts
	once  sync.Once
}

// ReadFile reads a file inside the book.
func (f *siteFiles) ReadFile(path string) ([]byte, error) { return f.box.ReadFile(path) }

// PostFiles lists the Markdown files in every _posts folder of the site,
// sorted, as absolute paths. Jekyll also reads posts from category/_posts.
func (f *siteFiles) PostFiles() []string {
	if f.root != "" {
		f.once.Do(f.listPosts)
	}
	return f.posts
}

// listPosts walks the site once; posts are read in parallel, so the
// list is built under a sync.Once.
func (f *siteFiles) listPosts() {
	_ = filepath.WalkDir(f.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() && p != f.root && (strings.HasPrefix(name, ".") || name == "_site" || name == "node_modules" || name == "vendor") {
			return filepath.SkipDir
		}
		if !d.IsDir() && isPost(name) && filepath.Base(filepath.Dir(p)) == "_posts" {
			f.posts = append(f.posts, p)
		}
		return nil
	})
	sort.Strings(f.posts)
}
