package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs makes heading ids the way Jekyll's kramdown does with its
// default GFM input (kramdown-parser-gfm, generate_gfm_header_id), so that
// links to #앵커 written for the blog keep working:
//
//  1. the heading's text is lower-cased (Unicode, not only ASCII);
//  2. every character that is not a letter, a mark, a decimal digit, a
//     connector punctuation (Ruby's \p{Word}: so '_' stays), '-', a space or
//     a tab is dropped: Hangul and Hanja stay, punctuation goes;
//  3. each space and tab becomes '-' (two spaces make "--", as on GitHub);
//  4. the second heading with the same id gets "-1", the third "-2".
//
// Two choices differ from kramdown-parser-gfm, which would otherwise emit
// duplicate ids into the XHTML: an empty id becomes "section" (kramdown's
// own, non-GFM rule), and a generated id never repeats an id already used,
// explicit ids included; the counter moves on until it finds a free one.
type headingIDs struct {
	used    map[string]bool
	counter map[string]int
}

// newHeadingIDs returns an empty id table; Parse makes one per document.
func newHeadingIDs() parser.IDs {
	return &headingIDs{used: map[string]bool{}, counter: map[string]int{}}
}

// Generate implements parser.IDs. value is the heading's plain text.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := gfmID(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for s.used[id] {
		s.counter[base]++
		id = base + "-" + strconv.Itoa(s.counter[base])
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs: it reserves an id written by the author.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }

// gfmID applies rules 1 to 3 above.
func gfmID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || isWordRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isWordRune reports whether r is in Ruby's \p{Word}: Letter, Mark,
// Decimal_Number or Connector_Punctuation.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}

// headingIDTransformer gives every heading without an id one made from its
// text. It works on the parsed heading, not the source line, as
// kramdown-parser-gfm does (update_raw_text): link targets, markup and image
// descriptions are left out, code and math are kept.
type headingIDTransformer struct{}

// Transform implements parser.ASTTransformer.
func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var todo []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					pc.IDs().Put(b)
				}
			} else {
				todo = append(todo, h)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, h := range todo {
		h.SetAttributeString("id", pc.IDs().Generate(plainText(h, reader.Source(), nil, true), ast.KindHeading))
	}
}

// PlainText returns the text a reader sees in the inline content of n (a
// heading, a link, an image's description): the text of its descendants with
// backslash escapes and character references resolved (not inside code
// spans), a space for each soft line break, and the TeX source of inline
// math. Images nested in n, raw HTML tags (not the text between them) and
// link targets add nothing. Heading ids are made from it, so a change here
// changes ids. It does not trim white space.
func PlainText(n ast.Node, src []byte) []byte {
	return PlainTextMath(n, src, nil)
}

// PlainTextMath is PlainText with inline math as math says: the text it
// returns for a formula, or the formula's TeX when math is nil or returns
// nil.
func PlainTextMath(n ast.Node, src []byte, math func(*MathInline) []byte) []byte {
	return plainText(n, src, math, false)
}

// plainText is PlainTextMath; forID reads an emoji as the shortcode it was
// written as: kramdown made heading ids before jemoji turned shortcodes
// into emoji, so "## Hello :smile:" keeps the id hello-smile.
func plainText(n ast.Node, src []byte, math func(*MathInline) []byte, forID bool) []byte {
	var b []byte
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b = append(b, v...)
			if c.SoftLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			if code, ok := c.AttributeString(emojiShortcode); ok && forID {
				b = append(b, code.([]byte)...)
				continue
			}
			b = append(b, c.Value...)
		case *MathInline:
			var t []byte
			if math != nil {
				t = math(c)
			}
			if t == nil {
				t = c.TeX(src)
			}
			b = append(b, t...)
		case *ast.Image, *ast.RawHTML:
		default:
			b = append(b, plainText(c, src, math, forID)...)
		}
	}
	return b
}
