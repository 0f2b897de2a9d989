package epub

import (
	"strings"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// Raw HTML from a post is the only markup that is parsed. Each raw node
// of the syntax tree (an inline tag, *ast.RawHTML, or a block of HTML
// lines, *ast.HTMLBlock) is read on its own with x/net/html's tokenizer,
// and its tags become operations on the document's tree: a start tag
// opens an element (if the allow-lists keep it, with its attributes
// cleaned), an end tag closes one, text is text. An inline <center> and
// its </center>, or a <div markdown="1"> line and the </div> line after
// the Markdown it wraps, are separate nodes, and need nothing more: the
// tree keeps the element open between them, and closes what the post
// left open at the end of the Markdown element around it (tree.go).

// rawHTML feeds the tags and text of a raw node to the tree.
func (r *renderer) rawHTML(n ast.Node) {
	segs, _ := markdown.RawSegments(n)
	var b strings.Builder
	for _, s := range segs {
		b.Write(s.Value(r.src))
	}
	r.feedFigures(b.String(), segs, markdown.ScriptFigures(n, r.src))
}

// feed feeds raw HTML to the tree; segs trace it to the post.
func (r *renderer) feed(raw string, segs []text.Segment) { r.feedFigures(raw, segs, nil) }

// feedFigures is feed for raw HTML that holds figures a script would have
// drawn: each gets a note inside its element.
func (r *renderer) feedFigures(raw string, segs []text.Segment, figs []markdown.ScriptFigure) {
	z := html.NewTokenizer(strings.NewReader(raw))
	off := 0
	defer func() { r.rawAt = -1 }()
	for {
		tt := z.Next()
		at := off
		r.rawAt = markdown.SegmentsOffset(segs, off)
		off += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			s := string(z.Text())
			if r.p.book.Emoji && !r.t.inCode() {
				s = markdown.Emojify(s)
			}
			r.t.text(s)
		case html.StartTagToken, html.SelfClosingTagToken:
			r.startTag(z.Token())
			for len(figs) > 0 && figs[0].At <= at {
				if figs[0].At == at && r.t.dropping == 0 {
					r.interactiveNote(figs[0])
				}
				figs = figs[1:]
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			r.endTag(string(name))
		}
		// Comments and doctypes go.
	}
}

// inCode reports whether text goes inside an element where jemoji leaves
// shortcodes alone (markdown.NoEmojiIn; a raw <tt> is a code element here).
func (t *tree) inCode() bool {
	for n := t.cur; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && markdown.NoEmojiIn(n.Data) {
			return true
		}
	}
	return false
}

// interactiveNote says, inside the element a script would have filled,
// that an interactive figure is left out, in a frame (.interactive-missing).
func (r *renderer) interactiveNote(f markdown.ScriptFigure) {
	r.warnf("%s", f.Message())
	r.t.open("span", []html.Attribute{kv("class", "interactive-missing")}, false, "")
	r.t.text(markdown.InteractiveNote)
	r.t.close()
}

// startTag opens the element of a raw start tag, or leaves the tag out.
func (r *renderer) startTag(tok html.Token) {
	name := tok.Data
	if r.t.dropping > 0 {
		// Inside content that goes (a <script>, an <svg>): said once.
		if !markdown.VoidElement(name) {
			r.t.unwrapped(name)
		}
		return
	}
	frame := markdown.FramePage(tok)
	switch {
	case frame != "": // book.Load has warned
		block := !r.t.phrasing && r.t.cur.Data != "a"
		if block {
			r.t.open("p", nil, false, "")
		}
		r.t.open("a", []html.Attribute{kv("href", frame), kv("class", "url")}, false, "")
		r.t.text(frame)
		r.t.close()
		if block {
			r.t.close()
		}
		r.t.dropped(name)
		return
	case markdown.HiddenElement(name):
		switch {
		case warnDropped[name]:
			r.warnf("raw HTML: <%s> is not allowed in an EPUB; removed with its content", name)
		case name == "style":
			r.d.diags.Notef(r.pos(), "raw HTML: <style> is left out (it styled the blog's page; the book has its own style)")
		}
		if !markdown.VoidElement(name) {
			r.t.dropped(name)
		}
		return
	case name == "img":
		r.rawImage(tok)
		return
	case name == "input":
		if markdown.TagAttr(tok.Attr, "type") == "checkbox" {
			r.taskBox(markdown.HasTagAttr(tok.Attr, "checked"))
		}
		return
	}
	elem, class := name, ""
	if re, ok := renamed[name]; ok {
		elem, class = re[0], re[1]
	}
	void := markdown.VoidElement(name)
	if !flowElements[elem] && !phrasingElements[elem] {
		if !void {
			r.t.unwrapped(name)
		}
		return
	}
	attrs := r.rawAttrs(elem, name, tok.Attr, class)
	if elem == "bdo" && markdown.TagAttr(attrs, "dir") == "" {
		elem = "span" // bdo means nothing without a direction
	}
	if void {
		r.t.leaf(elem, attrs, true, name)
		return
	}
	r.t.open(elem, attrs, true, name)
}

// endTag closes the element a raw end tag names. As in HTML, </br> is a
// line break and an end tag that closes nothing is ignored.
func (r *renderer) endTag(name string) {
	if name == "br" {
		r.t.leaf("br", nil, true, "br")
		return
	}
	r.t.end(name)
}

// rawImage writes a raw <img>: the packaged image, or its alt text in a
// frame when the address names nothing the book holds.
func (r *renderer) rawImage(tok html.Token) {
	src, alt := markdown.TagAttr(tok.Attr, "src"), markdown.TagAttr(tok.Attr, "alt")
	name, ok := r.rawImageName(src)
	if !ok {
		r.missingImage(alt, src)
		return
	}
	attrs := []html.Attribute{kv("src", name), kv("alt", alt)}
	r.image(append(attrs, r.rawAttrs("img", "img", tok.Attr, "")...), true)
}

// rawImageName finds the packaged file of an image that raw HTML of the
// node being rendered shows, among the references the book resolved.
func (r *renderer) rawImageName(src string) (string, bool) {
	if r.c == nil {
		return "", false
	}
	for _, ref := range r.c.Images {
		if ref.Node == r.at && ref.URL == src && ref.Asset != nil && r.p.images[ref.Asset] != "" {
			return r.p.images[ref.Asset], true
		}
	}
	return "", false
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
