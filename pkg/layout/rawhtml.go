package layout

import (
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// Raw HTML in a post is set as its text: the PDF cannot run a browser's
// layout, and what bloggers write as HTML (<center>, <details>, <br>) is
// text with a little structure. Block-level tags end a paragraph, <br> ends
// a line, <img> becomes the image the book resolved for it (images with
// only white space between them stand side by side when they fit), and
// the content of <script> and <style> is dropped.

// blockTags end the paragraph before and after them.
var blockTags = map[string]bool{"p": true, "div": true, "center": true, "details": true,
	"summary": true, "li": true, "ul": true, "ol": true, "blockquote": true, "figure": true,
	"figcaption": true, "table": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "section": true, "article": true, "pre": true, "hr": true}

// skipTags hold no text a reader should see.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "iframe": true}

// htmlBlock sets a raw HTML block's text as paragraphs and its images as
// figures.
func (e *engine) htmlBlock(n *ast.HTMLBlock) {
	raw, _ := markdown.RawHTML(n, e.src)
	refs := e.images[n]
	var text strings.Builder
	var row []*book.ImageRef // images with only white space between them
	flush := func() {
		if s := strings.TrimSpace(text.String()); s != "" {
			e.figures(row)
			row = nil
			e.htmlParagraph(n, s)
		}
		text.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	skip := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch {
		case tt == html.TextToken && skip == 0:
			text.WriteString(collapseSpace(tok.Data))
		case tt == html.StartTagToken && skipTags[tok.Data]:
			skip++
		case tt == html.EndTagToken && skipTags[tok.Data]:
			skip = max(skip-1, 0)
		case tok.Data == "br":
			e.figures(row) // a line break ends a line of images too
			row = nil
			text.WriteString("\n")
		case tok.Data == "img" && len(refs) > 0:
			flush()
			row = append(row, refs[0])
			refs = refs[1:]
		case blockTags[tok.Data]:
			flush()
			e.figures(row)
			row = nil
		}
	}
	flush()
	e.figures(row)
}

// htmlParagraph sets text taken from raw HTML as a ragged paragraph.
func (e *engine) htmlParagraph(n ast.Node, s string) {
	e.blockSpace(parSkip)
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	boxes := e.setText([]span{{text: strings.Join(lines, "\n"), st: e.bodyStyle(), node: n}},
		textOpts{justify: true, size: e.size, pitch: e.pitch})
	keepShape(boxes)
	for _, b := range boxes {
		e.emit(b)
	}
}

// collapseSpace turns runs of white space into one space, as HTML does.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// rawInline handles inline HTML: <br> is a line break, <img> shows its
// alternative text; other tags are dropped and their content, which the
// parser keeps as text nodes, is set as usual.
func (e *engine) rawInline(n *ast.RawHTML, st textStyle, out *[]span) {
	raw, _ := markdown.RawHTML(n, e.src)
	z := html.NewTokenizer(strings.NewReader(raw))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		switch {
		case tok.Data == "br":
			*out = append(*out, span{text: "\n", st: st, node: n})
		case tok.Data == "img" && tt != html.EndTagToken && !e.shownAfter(n):
			alt := ""
			for _, a := range tok.Attr {
				if a.Key == "alt" {
					alt = a.Val
				}
			}
			st.color = grayColor
			*out = append(*out, span{text: "[" + alt + "]", st: st, node: n})
		}
	}
}
