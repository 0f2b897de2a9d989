package epub

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// codeBlock writes a fenced or indented code block highlighted by chroma,
// with CSS classes (the stylesheet holds the colours) and, when the info
// string holds the word linenos, line numbers.
func (r *renderer) codeBlock(n ast.Node) {
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(r.src))
	}
	lang, linenos := codeInfo(n, r.src)
	if err := r.highlight(code.String(), lang, linenos); err != nil {
		r.warnf("code block not highlighted: %v", err)
		r.t.open("pre", nil, false, "")
		r.t.open("code", nil, false, "")
		r.t.text(code.String())
		r.t.close()
		r.t.close()
	}
	r.t.text("\n")
}

// codeInfo reads the language and the linenos flag from a fence's info
// string ("go linenos"), or from a kramdown class language-go.
func codeInfo(n ast.Node, src []byte) (lang string, linenos bool) {
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		words := strings.Fields(string(f.Info.Segment.Value(src)))
		for i, w := range words {
			if i == 0 && w != "linenos" {
				lang = strings.Trim(w, "{}.")
			}
			linenos = linenos || w == "linenos"
		}
	}
	if v, ok := n.AttributeString("class"); ok && lang == "" {
		if b, ok := v.([]byte); ok {
			for _, c := range strings.Fields(string(b)) {
				if l, ok := strings.CutPrefix(c, "language-"); ok {
					lang = l
				}
			}
		}
	}
	return lang, linenos
}

// highlight writes code as chroma's HTML formatter (classes, optional
// line numbers) would, <pre class="chroma"><code> with a span.line per
// line holding a span.ln number and a span.cl of tokens, but as elements
// of the tree. Code with no known language is tokenised as plain text,
// so that it looks the same and can have line numbers too; chroma's
// guessing is not used, because a wrong guess colours prose as code.
func (r *renderer) highlight(code, lang string, linenos bool) error {
	it, err := chroma.Coalesce(lexerFor(lang)).Tokenise(nil, code)
	if err != nil {
		return err
	}
	lines := chroma.SplitTokensIntoLines(it.Tokens())
	digits := len(strconv.Itoa(len(lines)))
	t := r.t
	t.open("pre", classAttr("chroma"), false, "")
	t.open("code", nil, false, "")
	for i, line := range lines {
		t.open("span", classAttr("line"), false, "")
		if linenos {
			t.open("span", classAttr("ln"), false, "")
			t.text(fmt.Sprintf("%*d", digits, i+1))
			t.close()
		}
		t.open("span", classAttr("cl"), false, "")
		for _, tok := range line {
			if class := tokenClass(tok.Type); class != "" {
				t.open("span", classAttr(class), false, "")
				t.text(tok.Value)
				t.close()
			} else {
				t.text(tok.Value)
			}
		}
		t.close()
		t.close()
	}
	t.close()
	t.close()
	return nil
}

// classAttrs holds one attribute list per class name, shared by every
// element of that class: code is mostly spans of a few dozen classes.
// Sharing is safe because attribute lists are never changed in place
// (whatever changes them, keepIDs, allowedAttrs, the structure fixes,
// makes a new one: these lists have no spare capacity to append into).
var classAttrs sync.Map

func classAttr(class string) []html.Attribute {
	if a, ok := classAttrs.Load(class); ok {
		return a.([]html.Attribute)
	}
	a, _ := classAttrs.LoadOrStore(class, []html.Attribute{kv("class", class)})
	return a.([]html.Attribute)
}

// lexerFor returns the lexer for a language name, plain text when the
// name is empty or unknown. An empty name is not looked up: chroma then
// tries every lexer's file-name patterns, which is slow.
func lexerFor(lang string) chroma.Lexer {
	if lang != "" {
		if l := lexers.Get(lang); l != nil {
			return l
		}
	}
	return plaintext
}

var plaintext = lexers.Get("plaintext")

// tokenClass is the CSS class chroma's HTML formatter gives a token type:
// that of the type or of its nearest parent type that has one.
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if class, ok := chroma.StandardTypes[t]; ok {
			return class
		}
	}
	return chroma.StandardTypes[t]
}
