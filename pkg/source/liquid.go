package source

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/osteele/liquid"
)

// evaluator runs the Liquid of one post the way Jekyll would, piece by
// piece, so that one bad piece costs only itself.
type evaluator struct {
	post  *Post
	site  *Site
	opt   Options
	diags *diag.List
	eng   *liquid.Engine
	base  map[string]any // site and page
	vars  map[string]any // assign and capture results, shared by all pieces
	at    piece          // the piece being evaluated, for tags' messages
	cache map[string]*liquid.Template
	depth int               // include_relative nesting
	posts map[string]string // permalinks of other posts, by file
	kept  bool              // whether the piece ran to its end (see keepVars)
}

// maxIncludeDepth stops include_relative files that include each other.
const maxIncludeDepth = 8

func newEvaluator(p *Post, site *Site, opt Options, diags *diag.List) *evaluator {
	ev := &evaluator{post: p, site: site, opt: opt, diags: diags, vars: map[string]any{},
		posts: map[string]string{}, cache: map[string]*liquid.Template{}}
	ev.eng = liquid.NewEngine()
	ev.registerFilters()
	ev.registerTags()
	ev.base = map[string]any{"site": siteVars(site), "page": pageVars(p, site)}
	return ev
}

// run evaluates the post's body into p.Body and its offset map.
func (ev *evaluator) run() {
	src := ev.post.src.src
	var b builder
	ev.eval(&b, ev.post.src, tokenize(src, ev.post.bodyStart, len(src)))
	ev.post.Body, ev.post.chunks = b.buf, b.chunks
	if ev.post.Body == nil {
		ev.post.Body = []byte{}
	}
}

// eval writes the evaluated tokens of one text to b.
func (ev *evaluator) eval(b *builder, ix *lineIndex, toks []token) {
	match, deep := matchBlocks(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tokText:
			start, end := trimmed(ix.src, toks, i)
			b.literal(ix.src, start, end)
		case t.kind == tokRaw:
			ev.raw(b, ix, t)
		case t.kind == tokBad:
			ev.diags.Warnf(ix.pos(t.start), "%s is never closed; kept as written", t.name)
			b.literal(ix.src, t.start, t.end)
		case match[i] >= 0 && deep[i]:
			ev.diags.Warnf(ix.pos(t.start), "{%% %s %%} blocks nested more than %d deep; kept as written", t.name, maxNesting)
			b.literal(ix.src, t.start, toks[match[i]].end)
			i = match[i]
		case match[i] >= 0 && loopCost(toks[i:match[i]+1]) > maxLoopCost:
			ev.diags.Warnf(ix.pos(t.start), "{%% %s %%}: loops over more than %d items in all; kept as written", t.name, maxLoopCost)
			b.literal(ix.src, t.start, toks[match[i]].end)
			i = match[i]
		case match[i] >= 0 && t.name == "highlight":
			ev.highlight(b, ix, toks[i:match[i]+1])
			i = match[i]
		case match[i] >= 0:
			ev.render(b, ix, t.start, toks[match[i]].end)
			i = match[i]
		case t.kind == tokTag && misplaced(t.name) != "":
			ev.diags.Warnf(ix.pos(t.start), "%s; kept as written", misplaced(t.name))
			b.literal(ix.src, t.start, t.end)
		default:
			ev.render(b, ix, t.start, t.end)
		}
	}
}

// clauseOf names the block each clause tag belongs in.
var clauseOf = map[string]string{"else": "if, unless, case or for", "elsif": "if", "when": "case"}

// misplaced explains a tag that cannot stand where it is at the top
// level: a block never closed, an end or clause tag outside its block.
// It returns "" for tags that can.
func misplaced(name string) string {
	if blockTags[name] {
		return fmt.Sprintf("{%% %s %%} is never closed by {%% end%s %%}", name, name)
	}
	if open, ok := strings.CutPrefix(name, "end"); ok && blockTags[open] {
		return fmt.Sprintf("{%% %s %%} without an open {%% %s %%}", name, open)
	}
	if in, ok := clauseOf[name]; ok {
		return fmt.Sprintf("{%% %s %%} outside an %s block", name, in)
	}
	return ""
}

// trimmed returns the bounds of text token i after the whitespace
// control of its neighbours ({%- and -%}) has eaten into it.
func trimmed(src []byte, toks []token, i int) (int, int) {
	start, end := toks[i].start, toks[i].end
	if i > 0 && toks[i-1].trimR {
		for start < end && isSpace(src[start]) {
			start++
		}
	}
	if i+1 < len(toks) && toks[i+1].trimL {
		for end > start && isSpace(src[end-1]) {
			end--
		}
	}
	return start, end
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// raw copies a raw block's inside byte for byte.
func (ev *evaluator) raw(b *builder, ix *lineIndex, t token) {
	if !t.closed {
		ev.diags.Warnf(ix.pos(t.start), "{%% raw %%} is never closed by {%% endraw %%}; the rest is kept as written")
		b.literal(ix.src, t.start, t.end)
		return
	}
	b.literal(ix.src, t.inner[0], t.inner[1])
}

// render evaluates src[start:end] with the Liquid library. On failure the
// text is kept as written and a warning names its line.
func (ev *evaluator) render(b *builder, ix *lineIndex, start, end int) {
	prev := ev.at
	ev.at = piece{ix, start}
	defer func() { ev.at = prev }()
	out, err := ev.renderString(string(ix.src[start:end]))
	if err != nil {
		ev.diags.Warnf(ev.at.pos(), "Liquid: %s; kept as written", liquidMessage(err))
		b.literal(ix.src, start, end)
		return
	}
	b.generated(out, start)
}

// piece is where the piece being evaluated starts; its position is
// only worked out when a message needs it.
type piece struct {
	ix  *lineIndex
	off int
}

func (p piece) pos() diag.Pos { return p.ix.pos(p.off) }

// renderString parses and renders one piece of Liquid. Parsed pieces are
// kept: posts repeat the same {{ page.title }}, and parsing dominates.
func (ev *evaluator) renderString(text string) (out string, err error) {
	defer func() {
		// The library panics on some states it believes impossible; one
		// piece of a post must not take the build down with it.
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("internal error in the Liquid library: %v", r)
		}
	}()
	tpl, ok := ev.cache[text]
	if !ok {
		if tpl, err = ev.eng.ParseString(text + "{% " + keepVarsTag + " %}"); err != nil {
			return "", err
		}
		ev.cache[text] = tpl
	}
	ev.kept = false
	out, serr := tpl.RenderString(ev.bindings())
	if serr != nil {
		return "", serr
	}
	if !ev.kept {
		// an unclosed raw or comment inside swallowed the end of the piece
		return "", errors.New("a raw or comment block inside is never closed")
	}
	return out, nil
}

// bindings are site, page and every variable assigned so far.
func (ev *evaluator) bindings() map[string]any {
	m := make(map[string]any, len(ev.base)+len(ev.vars))
	for k, v := range ev.base {
		m[k] = v
	}
	for k, v := range ev.vars {
		m[k] = v
	}
	return m
}

// liquidMessage strips the library's prefix and its echo of the source
// (the position and the text are ours to report).
func liquidMessage(err error) string {
	var s string
	if c, ok := err.(interface{ Cause() error }); ok && c.Cause() != nil {
		s = c.Cause().Error()
	} else {
		s = err.Error()
	}
	s = strings.TrimPrefix(s, "Liquid error: ")
	if i := strings.Index(s, " in {"); i >= 0 {
		s = s[:i]
	}
	return s
}
