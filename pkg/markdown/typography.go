package markdown

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Typography is what kramdown, Jekyll's Markdown converter, turns into
// typographic characters: straight quotes into curly ones (its smart_quotes
// option) and --, ---, ..., << and >> into –, —, …, « and » (its
// typographic_symbols). The book shows what the blog showed. Code, math and
// raw HTML are never touched: they are other nodes.
type Typography struct {
	// Quotes are the left single, right single, left double and right
	// double quotes; empty strings keep the straight quotes.
	Quotes [4]string
	// Symbols replace "---", "--", "...", "<<" and ">>"; a symbol absent
	// from the map is kept as written.
	Symbols map[string]string
}

// Kramdown's defaults (Jekyll's too): curly quotes and the five symbols.
var defaultTypography = Typography{
	Quotes:  [4]string{"‘", "’", "“", "”"},
	Symbols: map[string]string{"---": "—", "--": "–", "...": "…", "<<": "«", ">>": "»"},
}

// typographyNames are kramdown's names of the symbols.
var typographyNames = map[string]string{"mdash": "---", "ndash": "--", "hellip": "...", "laquo": "<<", "raquo": ">>"}

// KramdownTypography reads a Jekyll site's _config.yml as kramdown would
// configure itself: nil when the site converts Markdown with another
// engine (markdown: CommonMarkGhPages…), else kramdown's defaults changed
// by kramdown: smart_quotes (four entity names or characters) and
// kramdown: typographic_symbols (a symbol's replacement; its own spelling
// keeps it). A value it cannot read is reported and the default kept.
func KramdownTypography(config map[string]any) (*Typography, []string) {
	if engine, ok := config["markdown"].(string); ok && !strings.EqualFold(engine, "kramdown") {
		return nil, nil
	}
	t := defaultTypography
	t.Symbols = map[string]string{}
	for k, v := range defaultTypography.Symbols {
		t.Symbols[k] = v
	}
	opts, _ := config["kramdown"].(map[string]any)
	var problems []string
	if q, ok := opts["smart_quotes"]; ok {
		if quotes, err := readQuotes(q); err != nil {
			problems = append(problems, "kramdown.smart_quotes: "+err.Error())
		} else {
			t.Quotes = quotes
		}
	}
	if syms, ok := opts["typographic_symbols"].(map[string]any); ok {
		for name, v := range syms {
			spelling, known := typographyNames[name]
			s, isString := v.(string)
			if !known || !isString {
				problems = append(problems, fmt.Sprintf("kramdown.typographic_symbols: %s is not one of mdash, ndash, hellip, laquo, raquo with a text", name))
				continue
			}
			t.Symbols[spelling] = html.UnescapeString(s)
		}
	}
	return &t, problems
}

// readQuotes reads kramdown's smart_quotes: "lsquo,rsquo,ldquo,rdquo", or
// a list; entity names (apos and quot keep straight quotes) or characters.
func readQuotes(v any) ([4]string, error) {
	var parts []string
	switch v := v.(type) {
	case string:
		parts = strings.Split(v, ",")
	case []any:
		for _, x := range v {
			parts = append(parts, fmt.Sprint(x))
		}
	}
	var out [4]string
	if len(parts) != 4 {
		return out, fmt.Errorf("expected four quotes (lsquo,rsquo,ldquo,rdquo), found %v", v)
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if utf8.RuneCountInString(p) > 1 {
			p = html.UnescapeString("&" + p + ";")
		}
		if p == "'" || p == `"` {
			p = "" // straight: no substitution
		}
		out[i] = p
	}
	return out, nil
}

// symbolSpellings are the spellings of kramdown's typographic symbols,
// longest first.
var symbolSpellings = []string{"---", "--", "...", "<<", ">>"}

// typographyParser replaces quotes and symbols inside text.
type typographyParser struct{ t *Typography }

// Trigger implements parser.InlineParser.
func (typographyParser) Trigger() []byte { return []byte{'\'', '"', '-', '.', '<', '>'} }

// Parse implements parser.InlineParser.
func (p typographyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	for _, spelling := range symbolSpellings {
		if len(line) >= len(spelling) && string(line[:len(spelling)]) == spelling {
			rep, ok := p.t.Symbols[spelling]
			if !ok {
				rep = spelling // kept as written, and not read as a shorter symbol
			}
			block.Advance(len(spelling))
			return ast.NewString([]byte(rep))
		}
	}
	c := line[0]
	if c != '\'' && c != '"' {
		return nil
	}
	_, seg := block.PeekLine()
	before, after := quoteNeighbours(block.Source(), sourceOffset(seg, 0))
	left := opensQuote(before, after, c, line)
	i := 1 // right single
	switch {
	case c == '\'' && left:
		i = 0
	case c == '"' && left:
		i = 2
	case c == '"':
		i = 3
	}
	if p.t.Quotes[i] == "" {
		return nil
	}
	block.Advance(1)
	return ast.NewString([]byte(p.t.Quotes[i]))
}

// quoteNeighbours returns the characters around the quote at off, as
// kramdown sees them once it has parsed emphasis and raw HTML: emphasis
// and strikethrough delimiters (*, _, ~) are looked through, and the end
// of a tag (>) counts as the start of text. -1 stands for the start or end
// of the line.
func quoteNeighbours(src []byte, off int) (before, after rune) {
	before, after = -1, -1
	for i := off; i > 0; {
		r, n := utf8.DecodeLastRune(src[:i])
		i -= n
		if r == '*' || r == '_' || r == '~' {
			continue
		}
		if r != '>' && r != '\n' {
			before = r
		}
		break
	}
	for i := off + 1; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		i += n
		if r == '*' || r == '_' || r == '~' {
			continue
		}
		if r != '\n' {
			after = r
		}
		break
	}
	return before, after
}

// opensQuote decides whether the quote q opens, by kramdown's smart quote
// rules (parser/kramdown/smart_quotes.rb), read with every script's
// letters as letters so that Korean is quoted as English is: "인용"은 gets
// “ and ”. before and after are the characters around it
// (quoteNeighbours); line is the rest of the line from the quote.
func opensQuote(before, after rune, q byte, line []byte) bool {
	switch {
	case after >= 0 && after < utf8.RuneSelf && strings.ContainsRune(sqPunct, after) && !strings.HasPrefix(string(line[1:]), ".."):
		return false // a closing quote before punctuation: "word",
	case q == '\'' && len(line) > 3 && isDigit(line[1]) && isDigit(line[2]) && line[3] == 's':
		return false // a decade: '80s
	case isSpaceOrStart(before) && isWordRune(after):
		return true
	case !isSpaceOrStart(before) && !strings.ContainsRune(`\[{(-`, before):
		return false // after a word: a closing quote or an apostrophe
	case after < 0 || unicode.IsSpace(after):
		return false
	}
	return true
}

// sqPunct is kramdown's SQ_PUNCT: ASCII punctuation.
const sqPunct = "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~"

func isSpaceOrStart(r rune) bool { return r < 0 || unicode.IsSpace(r) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
