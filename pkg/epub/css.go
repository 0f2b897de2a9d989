package epub

import (
	_ "embed"
	"strings"

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
	b.WriteString(familyNames(len(p.fonts) > 0).Replace(defaultCSS))
	b.WriteString("\n/* code highlighting (chroma, style " + highlight.StyleName + ") */\n")
	if err := html.New(html.WithClasses(true)).WriteCSS(&b, highlight.Style()); err != nil {
		return nil, err
	}
	if len(p.book.Stylesheet) > 0 {
		b.WriteString("\n/* epub.css from the manifest */\n")
		b.Write(p.book.Stylesheet)
	}
	return []byte(b.String()), nil
}

// familyNames fills in the font-family lists: the embedded subsets first
// when there are any, then the installed Nanum fonts, then generic ones.
func familyNames(embedded bool) *strings.Replacer {
	serifList := `"Nanum Myeongjo", "NanumMyeongjo", serif`
	sansList := `"Nanum Gothic", "NanumGothic", sans-serif`
	monoList := `"Nanum Gothic Coding", "NanumGothicCoding", monospace`
	if embedded {
		serifList = `"` + fontFiles[serif].family + `", ` + serifList
		sansList = `"` + fontFiles[sans].family + `", ` + sansList
		monoList = `"` + fontFiles[mono].family + `", ` + monoList
	}
	return strings.NewReplacer("@serif@", serifList, "@sans@", sansList, "@mono@", monoList)
}
