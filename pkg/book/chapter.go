package book

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

func (l *loader) chapter(j *job) *Chapter {
	post := j.post
	c := &Chapter{Post: post, Source: post.Path, Title: post.Title, Date: post.Date, realPath: j.real,
		Tags: post.Tags, Categories: post.Categories, Doc: j.doc, Code: j.code, Math: j.math, labels: j.labels}
	c.collect(l, filepath.Dir(j.real))
	if c.Title == "" {
		if h := c.firstH1(); h != nil {
			c.Title, c.TitleHeading = h.Text, h
		} else {
			c.Title = post.Slug
		}
	}
	if c.Title == "" {
		c.Title = strings.TrimSuffix(filepath.Base(post.Path), filepath.Ext(post.Path))
	}
	c.setDepths()
	return c
}

// setDepths gives each heading its Depth: the shallowest level among the
// headings other than the title is 2.
func (c *Chapter) setDepths() {
	top := 0
	for i := range c.Headings {
		if h := &c.Headings[i]; h != c.TitleHeading && (top == 0 || h.Level < top) {
			top = h.Level
		}
	}
	for i := range c.Headings {
		if h := &c.Headings[i]; h == c.TitleHeading {
			h.Depth = 1
		} else {
			h.Depth = h.Level - top + 2
		}
	}
}

func (c *Chapter) firstH1() *Heading {
	for i := range c.Headings {
		if c.Headings[i].Level == 1 {
			return &c.Headings[i]
		}
	}
	return nil
}

// collect walks the syntax tree once for headings, images and counts.
func (c *Chapter) collect(l *loader, dir string) {
	src := c.Src()
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := markdown.Attr(n, "id")
			c.Headings = append(c.Headings, Heading{Level: n.Level, Text: c.inlineText(n, src), ID: id, Node: n})
		case *ast.Image:
			c.addImage(l, dir, n, htmlImage{src: string(n.Destination), alt: c.inlineText(n, src),
				width: attrString(n, "width"), height: attrString(n, "height"), style: attrString(n, "style")})
		case *ast.HTMLBlock, *ast.RawHTML:
			raw, _ := markdown.RawHTML(n, src)
			scan := scanRawHTML(raw)
			for _, img := range scan.images {
				c.addImage(l, dir, n, img)
			}
			for _, u := range scan.frames {
				// both writers print the link (markdown.FramePage); said once, here
				l.diags.Warnf(c.NodePos(n), "raw HTML: <iframe> (an embedded page or video) cannot be shown in a book; a link to %s stands in its place", u)
			}
			c.Stats.Chars += scan.chars
		case *ast.Text:
			c.Stats.Chars += countChars(n.Segment.Value(src))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if hl := c.Code[n]; hl != nil && hl.Plain != "" {
				l.diags.Notef(c.NodePos(n), "%s", hl.Plain)
			}
			if f, ok := n.(*ast.FencedCodeBlock); ok && strings.EqualFold(string(f.Language(src)), "mermaid") {
				l.diags.Notef(c.NodePos(n), "a mermaid diagram, which the blog draws with JavaScript: the book shows its source (export it as SVG to show the drawing)")
			}
		}
		return ast.WalkContinue, nil
	})
}

func (c *Chapter) addImage(l *loader, dir string, n ast.Node, img htmlImage) {
	ref := &ImageRef{Node: n, URL: img.src, Alt: img.alt, Pos: c.NodePos(n), Width: img.width, Height: img.height, Style: img.style}
	l.resolveImage(ref, dir, c.mediaURL(img.src))
	c.Images = append(c.Images, ref)
	c.Stats.Images++
}

// mediaURL puts the post's media folder before an image address, as the
// Chirpy theme does for the front matter key media_subpath (img_path
// before Chirpy 7), often set for a folder of posts in _config.yml's
// defaults. It does so on any site: the key is Chirpy's alone, and a site
// that copied the theme's repository names no theme. An address without
// ':' and without "//" becomes the folder, a slash and the address,
// double slashes made one; Chirpy does this to addresses that start with
// '/' as well. A folder written without a leading slash is read from the
// site root, where Chirpy would have the browser read it from the post's
// own address.
func (c *Chapter) mediaURL(src string) string {
	var sub string
	for _, key := range []string{"media_subpath", "img_path"} {
		if v, ok := c.Post.Front[key].(string); ok && strings.TrimSpace(v) != "" {
			sub = strings.TrimSpace(v)
			break
		}
	}
	if sub == "" || strings.Contains(src, ":") || strings.Contains(src, "//") || strings.TrimSpace(src) == "" {
		return src
	}
	u := "/" + sub + "/" + src
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	return u
}

func countChars(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// inlineText returns the text of a heading's or an image's inline content,
// trimmed, with its formulas as one line of Unicode text (texmath's Plain):
// a table of contents, a bookmark or an alt text holds no pictures, and
// TeX source reads worse than x² + yᵢ.
func (c *Chapter) inlineText(n ast.Node, src []byte) string {
	return strings.TrimSpace(string(markdown.PlainTextMath(n, src, func(m *markdown.MathInline) []byte {
		if f := c.Math[m]; f != nil && f.Tree != nil {
			return []byte(f.Tree.Plain(c.Ref))
		}
		return nil
	})))
}

// htmlImage is what an image reference says: its address, alt text and
// the size its author asked for.
type htmlImage struct {
	src, alt, width, height, style string
}

// attrString returns a kramdown attribute of a node ("" when absent).
func attrString(n ast.Node, name string) string {
	v, _ := markdown.Attr(n, name)
	return v
}

// rawScan is what the book takes from a piece of raw HTML: its images,
// the pages its <iframe>s show (markdown.FramePage), and the characters of its
// text, as countChars counts a Markdown text's, without what the book
// never shows (markdown.HiddenElement: scripts, style sheets).
type rawScan struct {
	images []htmlImage
	frames []string
	chars  int
}

// scanRawHTML reads raw HTML once, for rawScan.
func scanRawHTML(raw string) rawScan {
	var out rawScan
	z := html.NewTokenizer(strings.NewReader(raw))
	hidden := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.TextToken:
			if hidden == 0 {
				out.chars += countChars(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.Data {
			case "img":
				if img := imageOf(t); img.src != "" {
					out.images = append(out.images, img)
				}
			}
			if u := markdown.FramePage(t); u != "" {
				out.frames = append(out.frames, u)
			}
			if tt == html.StartTagToken && markdown.HiddenElement(t.Data) && !markdown.VoidElement(t.Data) {
				hidden++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); markdown.HiddenElement(string(name)) && hidden > 0 {
				hidden--
			}
		}
	}
	return out
}

// imageOf reads an <img> tag's address, alt text and size.
func imageOf(t html.Token) htmlImage {
	var img htmlImage
	for _, a := range t.Attr {
		switch a.Key {
		case "src":
			img.src = a.Val
		case "alt":
			img.alt = a.Val
		case "width":
			img.width = a.Val
		case "height":
			img.height = a.Val
		case "style":
			img.style = a.Val
		}
	}
	return img
}

// NodePos returns the position in the original post file of a node of the
// chapter's syntax tree: the "![" of an image, its own first line for
// blocks, its first text for other inlines, else the nearest such
// ancestor.
func (c *Chapter) NodePos(n ast.Node) diag.Pos {
	off, ok := c.imageOffset(n)
	if !ok {
		off, ok = ownOffset(n)
	}
	if !ok {
		off, ok = nodeOffset(n)
	}
	if ok {
		return c.Post.Pos(off)
	}
	return diag.Pos{File: c.Source}
}

// imageOffset finds the "![" that opens an image: just before its alt
// text, or, when the alt is empty (![](x.png)), the first one after the
// text that comes before the image in its paragraph.
func (c *Chapter) imageOffset(n ast.Node) (int, bool) {
	if _, ok := n.(*ast.Image); !ok {
		return 0, false
	}
	src := c.Src()
	if off, ok := ownOffset(n); ok && off >= 2 && off <= len(src) && string(src[off-2:off]) == "![" {
		return off - 2, true
	}
	from, ok := 0, false
	for p := n.PreviousSibling(); p != nil && !ok; p = p.PreviousSibling() {
		from, ok = lastTextEnd(p)
	}
	if !ok {
		if from, ok = nodeOffset(n.Parent()); !ok {
			return 0, false
		}
	}
	if from > len(src) {
		return 0, false
	}
	i := bytes.Index(src[from:], []byte("!["))
	if i < 0 {
		return 0, false
	}
	return from + i, true
}

// lastTextEnd is the end offset of the last text inside n.
func lastTextEnd(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Stop, true
	}
	for ch := n.LastChild(); ch != nil; ch = ch.PreviousSibling() {
		if end, ok := lastTextEnd(ch); ok {
			return end, true
		}
	}
	return 0, false
}

func nodeOffset(n ast.Node) (int, bool) {
	for ; n != nil; n = n.Parent() {
		if off, ok := ownOffset(n); ok {
			return off, true
		}
	}
	return 0, false
}

func ownOffset(n ast.Node) (int, bool) {
	switch t := n.(type) {
	case *ast.Text:
		return t.Segment.Start, true
	case *ast.RawHTML:
		if t.Segments.Len() > 0 {
			return t.Segments.At(0).Start, true
		}
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if off, ok := ownOffset(ch); ok {
			return off, true
		}
	}
	return 0, false
}
