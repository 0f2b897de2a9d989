// Package highlight is publish's one home for syntax highlighting with
// chroma: which lexer a code block's language names, the colour style both
// outputs use, and the budget past which code is set plain.
//
// book.Load highlights every code block once, in parallel with the rest
// of a post's reading; the EPUB writer turns the tokens into classed
// spans, the PDF layout into coloured runs. Neither calls chroma's lexers.
package highlight

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dlclark/regexp2/v2"
)

// chroma gives every rule of its lexers a 250 ms match timeout, which
// regexp2 measures with a clock that a goroutine advances every 100 ms.
// On a loaded machine that goroutine can fall behind: deadlines are then
// set from a stale time, and when the clock catches up, matches under way
// time out and chroma emits their first letter as an error token. So the
// highlighting of the same code depended on the machine's load (seen once
// in issue 13's reproducibility runs: "item" became an error "i" and a
// name "tem"). The budget above bounds lexing by size instead, so the
// clock's check period is made longer than any build, which moves every
// deadline out of reach. It is regexp2's own setting for the process:
// chroma is regexp2's only user here, and this package chroma's.
func init() { regexp2.SetTimeoutCheckPeriod(noTimeoutPeriod) }

// noTimeoutPeriod is longer than any build.
const noTimeoutPeriod = 24 * time.Hour

// StyleName is the chroma style of highlighted code in both outputs: a
// light style that prints well in grey scale.
const StyleName = "github"

// Style returns the chroma style named by StyleName.
func Style() *chroma.Style { return styles.Get(StyleName) }

// The budget bounds the code a lexer is given. Some of chroma's
// regular-expression lexers take time quadratic in the length of a line:
// after an unclosed quote, R's and Makefile's lexers emit every following
// letter as an error token of its own after a rule has scanned to the end
// of the line and failed, so a quote and 2,000 letters took 0.18 s (R) and
// 0.25 s (Makefile), a 64 KB block of 32 such lines 12 s, where Python
// took 2 ms (docs/library-notes.md). The cost of the worst line is about
// its length squared times 6.3e-8 s, of ordinary code about 7 µs a byte
// (BenchmarkLex). So a block longer than MaxBytes, or with a line longer
// than MaxLine, is set as plain text, and so is the code of a post past
// PostBytes, or past PostWork counted as the sum of its lines' squared
// lengths: the worst a post's highlighting can cost is about one second
// (PostWork) plus two for its bytes. The bounds are sizes, not times, so
// the output never depends on the speed of the machine. Real posts stay
// far below: the largest code block of five real blogs was about 20 KB,
// about 1.5 million squared.
const (
	MaxBytes  = 64 << 10
	MaxLine   = 1000
	PostBytes = 256 << 10
	PostWork  = 16 << 20
)

// Budget is what is left of a post's PostBytes and PostWork. The zero
// value is spent; start each post with NewBudget.
type Budget struct{ left, work int }

// NewBudget returns a post's budget.
func NewBudget() *Budget { return &Budget{left: PostBytes, work: PostWork} }

// Code is a highlighted code block.
type Code struct {
	// Tokens cover the code exactly, in order.
	Tokens []chroma.Token
	// Lang is the lexer's name, or "" when the code is plain text.
	Lang string
	// Plain gives the reason the code was not highlighted although its
	// language is known: it is over budget. An unknown language is plain
	// text without a word, as on the blog.
	Plain string
}

// Highlight tokenises code in the language lang names ("" for none),
// taking its size from budget. Code with no language, an unknown one, or
// over the budget comes back as one plain text token: chroma's guessing
// is not used, because a wrong guess colours prose as code.
func Highlight(lang, code string, budget *Budget) *Code {
	plain := &Code{Tokens: []chroma.Token{{Type: chroma.Text, Value: code}}}
	if lang == "" {
		return plain
	}
	lexer := Lexer(lang)
	if lexer == nil {
		return plain
	}
	if len(code) > MaxBytes {
		plain.Plain = fmt.Sprintf("code block of %d KB is set without highlighting (above %d KB)", len(code)>>10, MaxBytes>>10)
		return plain
	}
	longest, work := lineSizes(code)
	switch {
	case longest > MaxLine:
		plain.Plain = fmt.Sprintf("a line of %d characters is set without highlighting (above %d)", longest, MaxLine)
		return plain
	case len(code) > budget.left:
		plain.Plain = fmt.Sprintf("the post's code passed %d KB; the rest is set without highlighting", PostBytes>>10)
		budget.left = 0
		return plain
	case work > budget.work:
		plain.Plain = "the post's long code lines passed what can be highlighted in a second; the rest is set without highlighting"
		budget.work = 0
		return plain
	}
	budget.left -= len(code)
	budget.work -= work
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		plain.Plain = fmt.Sprintf("highlighting failed: %v", err)
		return plain
	}
	toks := it.Tokens()
	if chroma.Stringify(toks...) != code {
		// Some lexers add a final newline (EnsureNL); the tokens must
		// cover the code exactly, as both outputs count on it.
		toks = trimTo(toks, code)
	}
	return &Code{Tokens: toks, Lang: lexer.Config().Name}
}

// trimTo cuts tokens down to the first len(code) bytes they spell.
func trimTo(toks []chroma.Token, code string) []chroma.Token {
	n := len(code)
	var out []chroma.Token
	for _, t := range toks {
		if n == 0 {
			break
		}
		if len(t.Value) > n {
			t.Value = t.Value[:n]
		}
		n -= len(t.Value)
		out = append(out, t)
	}
	return out
}

// lineSizes returns the length in bytes of code's longest line and the
// sum of its lines' squared lengths, the bound on what lexing it may
// cost (PostWork).
func lineSizes(code string) (longest, work int) {
	for code != "" {
		line, rest, _ := strings.Cut(code, "\n")
		longest, work = max(longest, len(line)), work+len(line)*len(line)
		code = rest
	}
	return longest, work
}

// lexerCache maps a lowercased language name to its coalescing lexer, or
// to nil when chroma has none by that name.
var lexerCache sync.Map

// noLexer marks a name chroma does not know, in lexerCache.
type noLexer struct{}

// Lexer returns the lexer for a language as chroma's lexers.Get finds it
// (a name or alias in any case, a file extension such as yml, a file name
// such as Dockerfile), or nil. Each name is looked up once per program:
// chroma's lookup falls back to matching every lexer's file-name patterns,
// which cost a fifth of the EPUB's time on posts with unlabelled or
// unknown languages. "text", "plaintext", "none" and friends are plain
// text without asking chroma.
func Lexer(lang string) chroma.Lexer {
	key := strings.ToLower(strings.TrimSpace(lang))
	if v, ok := lexerCache.Load(key); ok {
		if l, ok := v.(chroma.Lexer); ok {
			return l
		}
		return nil
	}
	var l chroma.Lexer
	if !plainNames[key] {
		if found := lexers.Get(key); found != nil && found.Config().Name != "plaintext" {
			l = chroma.Coalesce(found)
		}
	}
	if l == nil {
		lexerCache.Store(key, noLexer{})
		return nil
	}
	lexerCache.Store(key, l)
	return l
}

// plainNames are the languages that mean "no highlighting".
var plainNames = map[string]bool{"": true, "text": true, "txt": true, "plaintext": true, "plain": true, "none": true, "nohighlight": true}
