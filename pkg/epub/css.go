package epub

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/hangul-press/publish/pkg/highlight"
)

//go:embed style.css
var defaultCSS string

// stylesheet returns the book's stylesheet: the defaults, the code
// highlighting classes, the embedded fonts, then the manifest's own CSS,
// which comes last so that it wins.
func (p *publication) stylesheet() ([]byte, error) {
	var b strings.Builder
	b.WriteString(p.fontFaceCSS())
	b.WriteString(familyNames(p.fonts).Replace(defaultCSS))
	b.WriteString("\n/* code highlighting (chroma, style " + highlight.StyleName + ") */\n")
	if err := html.New(html.WithClasses(true)).WriteCSS(&b, highlight.Style()); err != nil {
		return nil, err
	}
	if len(p.book.Stylesheet) > 0 {
		b.WriteString("\n/* epub.css from the manifest */\n")
		b.WriteString(p.bookCSS())
	}
	return []byte(b.String()), nil
}

// familyNames fills in the font-family lists: the embedded families first,
// in the order of the PDF's fallback chains (fonts.Chain), then the
// installed Nanum fonts, then generic ones.
func familyNames(embedded []fonts.Face) *strings.Replacer {
	lists := map[face]string{
		serif: `"Nanum Myeongjo", "NanumMyeongjo", serif`,
		sans:  `"Nanum Gothic", "NanumGothic", sans-serif`,
		mono:  `"Nanum Gothic Coding", "NanumGothicCoding", monospace`,
	}
	has := map[*fonts.Family]bool{}
	for _, f := range embedded {
		has[f.Family] = true
	}
	for style, list := range lists {
		var names []string
		for _, fam := range fonts.Chain(style.family()) {
			if has[fam] {
				names = append(names, `"`+fam.SubsetName+`"`)
			}
		}
		lists[style] = strings.Join(append(names, list), ", ")
	}
	return strings.NewReplacer("@serif@", lists[serif], "@sans@", lists[sans], "@mono@", lists[mono],
		"@prompts@\n", book.PromptCSS())
}

// bookCSS is the manifest's stylesheet through the CSS sanitiser, with a
// warning for each rule or declaration it removes.
func (p *publication) bookCSS() string {
	src := string(p.book.Stylesheet)
	css, removed := sanitizeStylesheet(src, p.packagedFile)
	name := orDefault(p.book.StylesheetName, "epub.css")
	for _, c := range removed {
		p.diags.Warnf(textPos(name, src, c.off), "%s", c)
	}
	return css
}

// textPos is the file:line:col of a byte offset into src.
func textPos(file, src string, off int) diag.Pos {
	off = min(off, len(src))
	line := 1 + strings.Count(src[:off], "\n")
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{File: file, Line: line, Col: 1 + utf8.RuneCountInString(src[start:off])}
}

// packagedFile reports whether an address names a file the EPUB holds
// (relative to the content documents and the stylesheet, which share a
// folder).
func (p *publication) packagedFile(u string) bool {
	if p.packaged[u] {
		return true
	}
	for _, f := range p.files {
		if f.href == u {
			return true
		}
	}
	return false
}
