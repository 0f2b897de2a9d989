package epub

import (
	"net/url"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/uri"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// link writes a Markdown link: into the book when it leads to a chapter,
// as it is when it leads to the web, and as plain text when it leads
// nowhere a reader of the EPUB could follow.
func (r *renderer) link(n *ast.Link) {
	dest := string(n.Destination)
	href, ok := r.p.resolveHref(r.c, dest)
	if !ok {
		r.warnf("%s; only its text is kept", nowhere(dest))
		r.t.open("span", []html.Attribute{kv("class", "link")}, false, "")
		r.children(n)
		r.t.close()
		return
	}
	attrs := []html.Attribute{kv("href", href)}
	if n.Title != nil {
		attrs = append(attrs, kv("title", string(n.Title)))
	}
	r.t.open("a", append(attrs, r.attrs("a", "a", astAttrs(n), "")...), false, "")
	r.children(n)
	r.t.close()
}

// nowhere says why a link's destination cannot be followed in the book:
// it is empty ([text]()), or it leads outside the book.
func nowhere(dest string) string {
	if strings.TrimSpace(dest) == "" {
		return "empty link"
	}
	return "link to " + dest + " leads outside the book"
}

// autoLink writes a URL or address that the post wrote as it is; one
// that leads nowhere a reader could follow stays text. Its class lets
// the stylesheet break it anywhere, so that a long URL fills the line it
// starts on instead of leaving a gap before it.
func (r *renderer) autoLink(n *ast.AutoLink) {
	dest := string(n.URL(r.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	var attrs []html.Attribute
	if href, ok := r.p.resolveHref(r.c, dest); ok {
		attrs = append(attrs, kv("href", href))
	}
	r.t.open("a", append(attrs, r.attrs("a", "a", astAttrs(n), "url")...), false, "")
	r.t.text(string(n.Label(r.src)))
	r.t.close()
}

// externalSchemes are the link schemes kept as they are.
var externalSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true}

// resolveHref maps a link destination written in chapter c (nil for the
// pages the writer makes itself) to an href in the EPUB, a valid URI.
func (p *publication) resolveHref(c *book.Chapter, dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	u, err := url.Parse(dest)
	if dest == "" || err != nil {
		return "", false
	}
	if d := p.byHref[u.Path]; d != nil && u.Scheme == "" && u.Host == "" {
		return uri.Escape(dest), true
	}
	if c != nil {
		if t, ok := p.book.ResolveLink(c, dest); ok {
			return p.chapterHref(c, t), true
		}
	}
	switch {
	case externalSchemes[strings.ToLower(u.Scheme)]:
		return uri.Escape(u.String()), true
	case u.Scheme == "" && u.Host != "":
		return uri.Escape("https:" + u.String()), true
	case u.Scheme == "" && strings.HasPrefix(u.Path, "/") && p.siteURL() != "":
		return uri.Escape(p.siteURL() + u.String()), true
	}
	return "", false
}

// chapterHref is the href of a link target seen from chapter from.
func (p *publication) chapterHref(from *book.Chapter, t book.Target) string {
	href := ""
	if t.Chapter != from {
		href = p.docOf(t.Chapter).href
	}
	if t.Fragment != "" {
		href += "#" + t.Fragment
	} else if href == "" {
		href = p.docOf(from).href
	}
	return uri.Escape(href)
}

// docOf finds the document of a chapter.
func (p *publication) docOf(c *book.Chapter) *document {
	if d := p.byChapter[c]; d != nil {
		return d
	}
	return &document{}
}

// siteURL is the site's address without a trailing slash, or "".
func (p *publication) siteURL() string {
	if p.book.Site == nil {
		return ""
	}
	return strings.TrimSuffix(p.book.Site.URL, "/")
}

// checkLink drops the fragment of an internal link when the target
// document has no such id (EPUBCheck rejects a dangling fragment), and the
// whole link when the document does not exist. It runs when documents are
// serialised, once every document knows its ids.
func (p *publication) checkLink(from *document, href string) (string, bool) {
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	if u.Scheme != "" || u.Host != "" {
		return href, true
	}
	target := from
	if u.Path != "" {
		if target = p.byHref[u.Path]; target == nil {
			return "", false
		}
	}
	if u.Fragment == "" || target.ids[u.Fragment] {
		return href, true
	}
	if u.Path == "" {
		return "", false
	}
	return u.Path, true
}
