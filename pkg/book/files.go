package book

import (
	"io/fs"
	"strings"
	"sync"

	"github.com/hangul-press/publish/pkg/source"
)

// siteFiles gives the source package the file access that Liquid tags
// need (include_relative, post_url, link), through the sandbox.
type siteFiles struct {
	box   *Sandbox
	root  string // the site root in the sandbox's form; "" without a site
	posts *source.PostIndex
	once  sync.Once
}

// ReadFile reads a file inside the book.
func (f *siteFiles) ReadFile(path string) ([]byte, error) { return f.box.ReadFile(path) }

// Posts indexes the site's posts, found once: posts are read in parallel,
// so the walk runs under a sync.Once.
func (f *siteFiles) Posts() *source.PostIndex {
	if f.root != "" {
		f.once.Do(func() { f.posts = SitePosts(f.box, f.root) })
	}
	return f.posts
}

// SitePosts walks a Jekyll site inside the sandbox and indexes its posts
// by Jekyll's rules (source.IsPostFile). publish init lists a site's
// posts with it too.
func SitePosts(box *Sandbox, root string) *source.PostIndex {
	var posts []source.SitePost
	_ = box.Walk(root, func(p string, d fs.DirEntry) error {
		rel, _ := box.below(root, p)
		if d.IsDir() {
			if rel != "." && skipSiteDir(rel, d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if source.IsPostFile(rel) {
			posts = append(posts, source.SitePost{Rel: rel, Path: p})
		}
		return nil
	})
	return source.NewPostIndex(posts)
}

// skipSiteDir reports whether a folder of the site (at rel) can hold no
// posts, so the walk need not enter it: a hidden folder anywhere; outside
// _posts, folders whose names start with '_' (the generated _site, a
// theme's _includes), node_modules and vendor.
func skipSiteDir(rel, name string) bool {
	if name[0] == '.' {
		return true
	}
	if name == "_posts" || strings.Contains("/"+rel, "/_posts/") {
		return false // inside _posts, IsPostFile decides file by file
	}
	return name[0] == '_' || name == "node_modules" || name == "vendor"
}
