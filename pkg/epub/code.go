package epub

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/hangul-press/publish/pkg/highlight"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// codeBlock writes a fenced or indented code block as book.Load
// highlighted it (pkg/highlight), with CSS classes (the stylesheet holds
// the colours) and, when the info string holds the word linenos, line
// numbers.
func (r *renderer) codeBlock(n ast.Node) {
	_, linenos := markdown.CodeInfo(n, r.src)
	hl := r.c.Code[n]
	if hl == nil { // a block the book did not see: plain text
		hl = &highlight.Code{Tokens: []chroma.Token{{Type: chroma.Text, Value: markdown.CodeText(n, r.src)}}}
	}
	if file := markdown.CodeFile(n); file != "" {
		r.t.open("p", classAttr("code-file"), false, "")
		r.t.text(file)
		r.t.close()
		r.t.text("\n")
	}
	r.highlighted(hl.Tokens, linenos)
	r.t.text("\n")
}

// highlighted writes tokens as chroma's HTML formatter (classes,
// optional line numbers) would, <pre class="chroma"><code> with a
// span.line per line holding a span.ln number and a span.cl of tokens,
// but as elements of the tree.
func (r *renderer) highlighted(tokens []chroma.Token, linenos bool) {
	lines := chroma.SplitTokensIntoLines(tokens)
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
