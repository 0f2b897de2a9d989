package source

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/osteele/liquid/expressions"
	"github.com/osteele/liquid/parser"
	"github.com/osteele/liquid/render"
	"github.com/osteele/liquid/tags"
)

// evaluator runs the Liquid of one post the way Jekyll would, piece by
// piece, so that one bad piece costs only itself, and within a budget
// (budget.go), so that no post costs more than a bounded time and memory.
type evaluator struct {
	post  *Post
	site  *Site
	opt   Options
	diags *diag.List
	cfg   render.Config  // the Liquid library's tags and filters, ours among them
	std   map[string]any // the library's own filters, by name
	base  map[string]any // site and page
	vars  map[string]any // assign and capture results, shared by all pieces
	at    piece          // the piece being evaluated, for tags' messages
	cache map[string]compiled
	depth int               // include_relative nesting
	posts map[string]string // permalinks of other posts, by file
	kept  bool              // whether the piece ran to its end (see keepVars)
	left  budget            // what is left of the post's budget
	spent *overrun          // why the budget ran out, once it has
	rand  *rand.Rand        // sample and shuffle (see clock.go)
}

// maxIncludeDepth stops include_relative files that include each other.
const maxIncludeDepth = 8

func newEvaluator(p *Post, site *Site, opt Options, diags *diag.List) *evaluator {
	ev := &evaluator{post: p, site: site, opt: opt, diags: diags, vars: map[string]any{},
		posts: map[string]string{}, cache: map[string]compiled{}, left: newBudget()}
	ev.cfg = render.NewConfig()
	tags.AddStandardTags(ev.cfg)
	ev.registerFilters()
	ev.registerTags()
	ev.base = map[string]any{"site": siteVars(site, opt.Now), "page": pageVars(p, site)}
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

// eval writes the evaluated tokens of one text to b. Once the budget is
// spent, the rest of the post is copied as written (an included file
// stops, and its include tag fails).
func (ev *evaluator) eval(b *builder, ix *lineIndex, toks []token) {
	match, deep := matchBlocks(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if ev.spent != nil {
			if ev.depth == 0 {
				b.literal(ix.src, t.start, toks[len(toks)-1].end)
			}
			return
		}
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
		case match[i] >= 0 && loopCost(toks[i:match[i]+1]) > maxIterations:
			ev.diags.Warnf(ix.pos(t.start), "{%% %s %%}: loops over more than %d items in all; kept as written", t.name, maxIterations)
			b.literal(ix.src, t.start, toks[match[i]].end)
			i = match[i]
		case match[i] >= 0 && t.name == "highlight":
			ev.highlight(b, ix, toks[i:match[i]+1])
			i = match[i]
		case match[i] >= 0:
			ev.render(b, ix, toks[i:match[i]+1])
			i = match[i]
		case t.kind == tokTag && misplaced(t.name) != "":
			ev.diags.Warnf(ix.pos(t.start), "%s; kept as written", misplaced(t.name))
			b.literal(ix.src, t.start, t.end)
		default:
			ev.render(b, ix, toks[i:i+1])
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

// render evaluates one piece (a block, an object or a tag) with the
// Liquid library. On failure the text is kept as written and a warning
// names its line; when the budget ran out, the warning says so.
func (ev *evaluator) render(b *builder, ix *lineIndex, toks []token) {
	start, end := toks[0].start, toks[len(toks)-1].end
	prev := ev.at
	ev.at = piece{ix: ix, off: start, tag: start}
	defer func() { ev.at = prev }()
	out, err := ev.renderString(string(ix.src[start:end]))
	switch {
	case ev.spent != nil:
		ev.reportOverrun(ix.pos(start))
		b.literal(ix.src, start, end)
	case err != nil:
		ev.diags.Warnf(ix.pos(start), "Liquid: %s; kept as written", liquidMessage(err))
		b.literal(ix.src, start, end)
	default:
		b.generated(out, start)
	}
}

// reportOverrun warns, once, at the piece of the post where the budget
// ran out: from there on the post is kept as written. The construct that
// went over (a loop inside the piece, a tag in an included file) is named
// when it is elsewhere.
func (ev *evaluator) reportOverrun(at diag.Pos) {
	if ev.depth > 0 || ev.spent.reported {
		return
	}
	where := ""
	if ev.spent.pos != at {
		where = " (at " + ev.spent.pos.String() + ")"
	}
	ev.diags.Warnf(at, "Liquid: %s in this post%s; the rest of the post is kept as written", ev.spent.what, where)
	ev.spent.reported = true
}

// piece is where the piece being evaluated starts, and the offset of the
// tag or object in it that runs now (set by the tags instrument weaves
// in); positions are only worked out when a message needs them.
type piece struct {
	ix       *lineIndex
	off, tag int
}

func (p piece) pos() diag.Pos { return p.ix.pos(p.off) }

// tagPos is the position of the tag or object being evaluated.
func (p piece) tagPos() diag.Pos { return p.ix.pos(p.tag) }

// errUnclosed is the error of a piece that instrument cannot count.
var errUnclosed = errors.New("a {% in this text is never closed as the Liquid library reads it")

// renderString parses and renders one piece of Liquid, with the counting
// tags woven in (instrument.go). Parsed pieces are kept: posts repeat the
// same {{ page.title }}, and parsing dominates.
func (ev *evaluator) renderString(text string) (out string, err error) {
	defer func() {
		// The library panics on some states it believes impossible; one
		// piece of a post must not take the build down with it.
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("internal error in the Liquid library: %v", r)
		}
	}()
	node, err := ev.compile(text)
	if err != nil {
		return "", err
	}
	ev.kept = false
	var buf bytes.Buffer
	if rerr := render.Render(node, &buf, ev.bindings(), ev.cfg); rerr != nil {
		return "", rerr
	}
	if !ev.kept {
		// an unclosed raw or comment inside swallowed the end of the piece
		return "", errors.New("a raw or comment block inside is never closed")
	}
	return buf.String(), nil
}

// compiled is a parsed piece, or why it cannot be used.
type compiled struct {
	node render.Node
	err  error
}

// compile instruments and parses a piece, once per text.
func (ev *evaluator) compile(text string) (render.Node, error) {
	if c, ok := ev.cache[text]; ok {
		return c.node, c.err
	}
	var c compiled
	if counted, ok := instrument(text); !ok {
		c.err = errUnclosed
	} else if node, perr := ev.cfg.Compile(counted, parser.SourceLoc{}); perr != nil {
		c.err = perr
	} else {
		c.node = node
	}
	ev.cache[text] = c
	return c.node, c.err
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
	if c, ok := err.(interface{ Cause() error }); ok && c.Cause() != nil {
		err = c.Cause()
	}
	if fe, ok := err.(expressions.FilterError); ok {
		// the library quotes the filter's message with %q
		return fmt.Sprintf("filter %s: %v", fe.FilterName, fe.Err)
	}
	s := err.Error()
	s = strings.TrimPrefix(s, "Liquid error: ")
	if i := strings.Index(s, " in {"); i >= 0 {
		s = s[:i]
	}
	return s
}
