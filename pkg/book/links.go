package book

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/source"
	"github.com/yuin/goldmark/ast"
)

// Target is where a link inside the book leads.
type Target struct {
	// Chapter is the chapter the link leads to.
	Chapter *Chapter
	// Fragment is the anchor inside it, without '#'; "" for its start.
	Fragment string
}

// linkIndex finds chapters by their site URL and by their file.
type linkIndex struct {
	byURL  map[string]*Chapter // normalised permalink path
	byPath map[string]*Chapter // real file path
}

// normURL reduces a permalink path to a form that matches however a post
// links to it: percent-encoded or not, with or without .html, trailing
// slash or index.html.
func normURL(p string) string {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	p = strings.TrimSuffix(p, "index.html")
	p = strings.TrimSuffix(p, ".html")
	return strings.TrimSuffix(p, "/")
}

func (l *loader) indexLinks() {
	b := l.book
	b.links = linkIndex{byURL: map[string]*Chapter{}, byPath: map[string]*Chapter{}}
	for _, c := range b.Chapters() {
		b.links.byPath[c.realPath] = c
		if b.Site != nil {
			u := normURL(b.Site.PermalinkOf(c.Post))
			b.links.byURL[u] = c
			b.links.byURL[normURL(strings.TrimPrefix(u, b.Site.BaseURL))] = c
		}
	}
}

// ResolveLink decides whether a link destination written in chapter from
// leads inside the book. External links, and links to site pages that are
// not chapters, return false.
func (b *Book) ResolveLink(from *Chapter, dest string) (Target, bool) {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return Target{}, false
	}
	frag := u.Fragment
	if u.Scheme == "" && u.Host == "" && u.Path == "" {
		if u.Fragment == "" && !strings.HasPrefix(dest, "#") {
			return Target{}, false
		}
		return Target{Chapter: from, Fragment: frag}, true
	}
	if c := b.chapterAt(from, u); c != nil {
		return Target{Chapter: c, Fragment: frag}, true
	}
	return Target{}, false
}

func (b *Book) chapterAt(from *Chapter, u *url.URL) *Chapter {
	if u.Scheme != "" || u.Host != "" {
		if b.Site == nil || b.Site.URL == "" {
			return nil
		}
		base, err := url.Parse(b.Site.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(base.Host, u.Host) {
			return nil
		}
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		return b.links.byURL[normURL(path.Clean(p))]
	}
	if source.IsMarkdown(p) && from != nil {
		return b.links.byPath[filepath.Join(filepath.Dir(from.realPath), filepath.FromSlash(p))]
	}
	return nil
}

// HasAnchor reports whether the chapter defines the anchor id (a heading
// ID or an id attribute).
func (c *Chapter) HasAnchor(id string) bool { return c.anchors[id] }

func (c *Chapter) indexAnchors() {
	c.anchors = map[string]bool{}
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := markdown.Attr(n, "id"); ok {
			c.anchors[id] = true
		}
		return ast.WalkContinue, nil
	})
}

// checkLinks warns about links into the book whose anchor does not exist.
// The chapters are indexed, then checked, in parallel: each check reads
// every chapter's anchors and writes its own messages, kept in reading
// order.
func (l *loader) checkLinks() {
	l.indexLinks()
	chapters := l.book.Chapters()
	parallel.For(len(chapters), func(i int) { chapters[i].indexAnchors() })
	found := make([]diag.List, len(chapters))
	parallel.For(len(chapters), func(i int) { l.checkChapterLinks(chapters[i], &found[i]) })
	for i := range found {
		l.diags.Append(&found[i])
	}
}

// checkChapterLinks reports in diags the links of c to anchors that do not
// exist.
func (l *loader) checkChapterLinks(c *Chapter, diags *diag.List) {
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		t, ok := l.book.ResolveLink(c, string(link.Destination))
		if ok && t.Fragment != "" && !t.Chapter.HasAnchor(t.Fragment) {
			diags.Warnf(c.NodePos(n), "link to #%s: no such heading or anchor in %s", t.Fragment, t.Chapter.Source)
		}
		return ast.WalkContinue, nil
	})
}
