package epub

import (
	"html"
	"net/url"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/yuin/goldmark/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// link writes a Markdown link: into the book when it leads to a chapter,
// as it is when it leads to the web, and as plain text when it leads
// nowhere a reader of the EPUB could follow.
func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		kept := r.links[len(r.links)-1]
		r.links = r.links[:len(r.links)-1]
		if kept {
			_, _ = w.WriteString("</a>")
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	}
	dest := string(n.Destination)
	href, ok := r.p.resolveHref(r.c, dest)
	r.links = append(r.links, ok)
	if !ok {
		r.d.diags.Warnf(r.c.NodePos(n), "link to %s leads outside the book; only its text is kept", dest)
		_, _ = w.WriteString(`<span class="link">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(href) + `"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="` + html.EscapeString(string(n.Title)) + `"`)
	}
	ghtml.RenderAttributes(w, n, nil)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// externalSchemes are the link schemes kept as they are.
var externalSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true}

// resolveHref maps a link destination written in chapter c (nil for the
// pages the writer makes itself) to an href in the EPUB. It is idempotent:
// an href it returned resolves to itself, because the cleaner resolves
// every link of a document again, Markdown's and raw HTML's alike.
func (p *publication) resolveHref(c *book.Chapter, dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	u, err := url.Parse(dest)
	if dest == "" || err != nil {
		return "", false
	}
	if d := p.byHref[u.Path]; d != nil && u.Scheme == "" && u.Host == "" {
		return escapeURL(dest), true
	}
	if c != nil {
		if t, ok := p.book.ResolveLink(c, dest); ok {
			return p.chapterHref(c, t), true
		}
	}
	switch {
	case externalSchemes[strings.ToLower(u.Scheme)]:
		return escapeURL(u.String()), true
	case u.Scheme == "" && u.Host != "":
		return escapeURL("https:" + u.String()), true
	case u.Scheme == "" && strings.HasPrefix(u.Path, "/") && p.siteURL() != "":
		return escapeURL(p.siteURL() + u.String()), true
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
	return escapeURL(href)
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

// escapeURL percent-encodes what may not stand in a URL as written in an
// attribute: spaces, controls and characters outside ASCII. A '%' that
// already starts an escape is kept.
func escapeURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 || (c == '%' && !isEscape(s[i:])) {
			b.WriteString("%" + strings.ToUpper(strconvHex(c)))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isEscape(s string) bool {
	return len(s) >= 3 && isHex(s[1]) && isHex(s[2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func strconvHex(c byte) string {
	const hex = "0123456789abcdef"
	return string([]byte{hex[c>>4], hex[c&15]})
}
