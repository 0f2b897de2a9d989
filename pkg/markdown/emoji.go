package markdown

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark-emoji/definition"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Emoji shortcodes, as Jekyll's jemoji plugin (GitHub Pages' emoji
// filter) writes them: :smile:, :+1:, :thumbsup:. jemoji replaces a
// known name between colons anywhere in text outside code with an image
// from GitHub's servers; a book loads nothing from elsewhere, so the
// emoji's characters stand in for it, and the fonts draw them (the PDF
// from its emoji fallback face). Unknown names, and names in code spans
// and code blocks, stay as written. The names are GitHub's, as
// goldmark-emoji's definition package lists them.

// emojiSet is GitHub's emoji list, built once.
var emojiSet = sync.OnceValue(func() definition.Emojis { return definition.Github() })

// maxEmojiName bounds how far a shortcode is looked for after a colon
// (the longest GitHub name is under 40 letters).
const maxEmojiName = 64

type emojiParser struct{}

func (emojiParser) Trigger() []byte { return []byte{':'} }

func (emojiParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	e, n := emojiAt(string(line[:min(len(line), maxEmojiName+2)]))
	if n == 0 {
		return nil
	}
	block.Advance(n)
	s := ast.NewString([]byte(e))
	s.SetAttributeString(emojiShortcode, line[:n:n])
	return s
}

// emojiShortcode is the attribute an emoji's String keeps the shortcode
// it was written as in, for heading ids (plainText).
const emojiShortcode = "shortcode"

// emojiAt reads the shortcode that s starts with (s[0] is ':'): its emoji
// and the bytes it takes, or 0 when s does not start with one.
func emojiAt(s string) (string, int) {
	i := 1
	for ; i < len(s) && i <= maxEmojiName && emojiNameByte(s[i]); i++ {
	}
	if i == 1 || i >= len(s) || s[i] != ':' {
		return "", 0
	}
	e, ok := emojiSet().Get(s[1:i])
	if !ok || len(e.Unicode) == 0 {
		return "", 0
	}
	return string(e.Unicode), i + 1
}

// Emojify replaces the shortcodes in s as the Markdown parser does in
// text, for the text of raw HTML, which jemoji converts too (outside pre,
// code and tt elements: the callers know where the text stands). Both
// writers call it, so that the EPUB and the PDF show the same emoji.
func Emojify(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	var b strings.Builder
	for s != "" {
		j := strings.IndexByte(s, ':')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:j])
		s = s[j:]
		if e, n := emojiAt(s); n > 0 {
			b.WriteString(e)
			s = s[n:]
			continue
		}
		b.WriteByte(':')
		s = s[1:]
	}
	return b.String()
}

// NoEmojiIn reports whether raw HTML's element name (lower case) is one
// inside which jemoji leaves shortcodes as written: pre, code and tt.
// Both writers ask it of the elements around raw HTML's text.
func NoEmojiIn(name string) bool { return name == "pre" || name == "code" || name == "tt" }

func emojiNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-'
}
