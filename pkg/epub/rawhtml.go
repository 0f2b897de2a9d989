package epub

import (
	"strings"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Raw HTML is written through as it is, and cleaned later with the whole
// chapter (an inline <center> and its </center> are two separate nodes of
// the Markdown tree, so no single node can be cleaned on its own). What the
// cleaner will drop is reported here, where the node's position is known.

// rawHTML writes inline raw HTML (*ast.RawHTML) or a raw HTML block
// (*ast.HTMLBlock) as its author wrote it.
func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		raw, _ := markdown.RawHTML(n, src)
		r.writeRaw(w, n, raw)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) writeRaw(w util.BufWriter, n ast.Node, raw string) {
	r.d.raw = true
	resolves := func(href string) bool { _, ok := r.p.resolveHref(r.c, href); return ok }
	for _, msg := range rawProblems(raw, resolves) {
		r.d.diags.Warnf(r.c.NodePos(n), "raw HTML: %s", msg)
	}
	_, _ = w.WriteString(raw)
}

// rawProblems lists what the cleaner will remove from a piece of raw HTML
// that its author evidently meant to have an effect.
// resolves tells whether a link leads somewhere the EPUB can hold.
func rawProblems(raw string, resolves func(string) bool) []string {
	var out []string
	for t := range markdown.StartTags(raw) {
		if warnDropped[t.Data] {
			out = append(out, "<"+t.Data+"> is not allowed in an EPUB; removed with its content")
		}
		out = append(out, attrProblems(t, resolves)...)
	}
	return out
}

func attrProblems(t html.Token, resolves func(string) bool) []string {
	var out []string
	for _, a := range t.Attr {
		k := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(k, "on"):
			out = append(out, "event handler "+k+" on <"+t.Data+"> removed")
		case (k == "href" || k == "src") && scriptURL(a.Val):
			out = append(out, k+"="+a.Val+" on <"+t.Data+"> removed: scripts do not run in the book")
		case k == "href" && t.Data == "a" && !resolves(a.Val):
			out = append(out, "link to "+a.Val+" leads outside the book; only its text is kept")
		}
	}
	return out
}

// scriptURL reports whether a URL runs code when followed.
func scriptURL(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:")
}
