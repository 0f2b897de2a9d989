package source

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/osteele/liquid/render"
)

// The Liquid library has no hook for counting what a template does, so
// each piece is handed to it with tags of ours woven in, which count as
// it runs (budget.go):
//
//   - {% publish_at__ N %} before every tag and object records which one
//     runs, N bytes after the piece's start, for the message if the
//     budget runs out there;
//   - {% publish_loop__ N B name… %} opens every loop body: each
//     iteration takes one from the iteration budget, and B bytes (the
//     literal text of the body, written again on each iteration) plus
//     the size of the variables its conditions compare (names…, for
//     if, elsif, unless, case and when, which cost time in proportion to
//     the values they compare);
//   - every {{ expression }} ends with the filter publish_meter__, which
//     takes the size of the value printed: inside a capture, which the
//     library renders into a buffer of its own, this is what bounds
//     {% capture s %}{{ s }}{{ s }}{% endcapture %};
//   - {% publish_keep_vars__ %} ends the piece (see keepVars).
//
// None of these tags writes anything, so whitespace control ({%- -%}) is
// unchanged; the offsets are relative to the piece, so that the same
// text at two places parses once.
const meterFilter = "publish_meter__"

// tablerowCost is what the library's tablerow writes around each cell
// (<tr class="rowN"><td class="colN">…</td></tr>), at most.
const tablerowCost = 64

// instrument returns the text of a piece with the counting tags woven
// in. It works on the piece as the Liquid library splits it (lexLiquid),
// so that nothing is woven into what the library reads as text, raw or
// a comment. ok is false when the result would not split back into the
// same tokens plus ours (an unclosed "{%x" in the text could end at the
// "%}" of a tag of ours): such a piece is kept as written.
func instrument(text string) (out string, ok bool) {
	toks := lexLiquid(text)
	loops := loopBodies(toks)
	var b strings.Builder
	var want []string // every token written, in order
	emit := func(tok string) {
		b.WriteString(tok)
		want = append(want, tok)
	}
	skip := "" // inside raw or comment: the tag that ends it
	for i, t := range toks {
		src := text[t.start:t.end]
		switch {
		case skip != "":
			emit(src)
			if t.kind == libTag && t.name == skip {
				skip = ""
			}
		case t.kind == libText:
			emit(src)
		case t.kind == libObject:
			emit(fmt.Sprintf("{%% %s %d %%}", atTag, t.start))
			emit(meteredObject(src, t))
		case t.name == "raw" || t.name == "comment":
			emit(fmt.Sprintf("{%% %s %d %%}", atTag, t.start))
			emit(src)
			skip = "end" + t.name
		case structural(t.name):
			emit(src)
		default:
			emit(fmt.Sprintf("{%% %s %d %%}", atTag, t.start))
			emit(src)
			if l, isLoop := loops[i]; isLoop {
				emit(fmt.Sprintf("{%% %s %d %d %s %%}", loopTag, t.start, l.bytes, strings.Join(l.names, " ")))
			}
		}
	}
	emit("{% " + keepVarsTag + " %}")
	out = b.String()
	return out, sameTokens(out, want)
}

// sameTokens reports whether text splits into exactly the tokens want.
func sameTokens(text string, want []string) bool {
	got := lexLiquid(text)
	if len(got) != len(want) {
		return false
	}
	for i, t := range got {
		if text[t.start:t.end] != want[i] {
			return false
		}
	}
	return true
}

// structural reports whether a tag is an end or clause tag, before which
// nothing is woven: it belongs to the block around it.
func structural(name string) bool {
	return name == "else" || name == "elsif" || name == "when" || strings.HasPrefix(name, "end")
}

// meteredObject writes {{ expression }} as {{ expression | publish_meter__ }},
// with the whitespace control of the original (which the library reads
// from the third and the third-last byte).
func meteredObject(src string, t libToken) string {
	if strings.TrimSpace(t.args) == "" {
		return src // the library fails on it either way
	}
	trimL, trimR := "", ""
	if src[2] == '-' {
		trimL = "-"
	}
	if src[len(src)-3] == '-' {
		trimR = "-"
	}
	return "{{" + trimL + " " + t.args + " | " + meterFilter + " " + trimR + "}}"
}

// loop is what the tag opening a loop body counts per iteration.
type loop struct {
	bytes int      // literal text of the body, nested loops' bodies aside
	names []string // variables read by the body's conditions
}

// loopBodies finds every for and tablerow of a piece (by token index)
// and what its body holds, following the library's block structure: a
// block ends at the next end tag, whatever its name; raw and comment
// hold no blocks.
func loopBodies(toks []libToken) map[int]*loop {
	loops := map[int]*loop{}
	var stack []*loop // per open block, the innermost loop it is in
	skip := ""
	for i, t := range toks {
		var in *loop
		if len(stack) > 0 {
			in = stack[len(stack)-1]
		}
		if in != nil && (t.kind == libText || skip == "endraw") {
			in.bytes += t.end - t.start // written again on every iteration
		}
		if in != nil && t.kind == libTag && conditionTags[t.name] && skip == "" {
			in.names = appendNew(in.names, variableNames(t.args))
		}
		switch {
		case skip != "":
			if t.kind == libTag && t.name == skip {
				skip = ""
			}
		case t.kind != libTag:
		case t.name == "raw" || t.name == "comment":
			skip = "end" + t.name
		case t.name == "for" || t.name == "tablerow":
			l := &loop{}
			if t.name == "tablerow" {
				l.bytes = tablerowCost
			}
			loops[i] = l
			stack = append(stack, l)
		case blockTags[t.name]:
			stack = append(stack, in) // an if inside a loop is part of its body
		case strings.HasPrefix(t.name, "end") && blockTags[strings.TrimPrefix(t.name, "end")] && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	return loops
}

// appendNew appends the names not in list yet.
func appendNew(list, names []string) []string {
	for _, n := range names {
		if !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

// conditionTags are the tags whose arguments are compared on every
// iteration of the loop they sit in.
var conditionTags = map[string]bool{"if": true, "elsif": true, "unless": true, "case": true, "when": true}

var (
	// quotedRE matches Liquid string literals, which name no variable.
	quotedRE = regexp.MustCompile(`"[^"]*"|'[^']*'`)
	// variableRE matches a variable and its properties: page.tags, x.
	variableRE = regexp.MustCompile(`[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*`)
	// notVariables are the words of Liquid's expressions.
	notVariables = map[string]bool{"and": true, "or": true, "contains": true, "true": true, "false": true,
		"nil": true, "null": true, "empty": true, "blank": true, "not": true}
)

// variableNames lists the variables an expression reads.
func variableNames(expr string) []string {
	var out []string
	for _, n := range variableRE.FindAllString(quotedRE.ReplaceAllString(expr, " "), -1) {
		if !notVariables[n] {
			out = append(out, n)
		}
	}
	return out
}

// atCompiler compiles {% publish_at__ N %}.
func (ev *evaluator) atCompiler(args string) (func(render.Context) error, error) {
	rel, err := strconv.Atoi(strings.TrimSpace(args))
	if err != nil {
		return nil, err
	}
	return func(render.Context) error {
		ev.at.tag = ev.at.off + rel
		if ev.spent != nil {
			return ev.spent
		}
		return nil
	}, nil
}

// loopCompiler compiles {% publish_loop__ N B name… %}.
func (ev *evaluator) loopCompiler(args string) (func(render.Context) error, error) {
	f := strings.Fields(args)
	if len(f) < 2 {
		return nil, fmt.Errorf("%s %s: expected an offset and a size", loopTag, args)
	}
	rel, err1 := strconv.Atoi(f[0])
	body, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("%s %s: expected an offset and a size", loopTag, args)
	}
	names := f[2:]
	return func(ctx render.Context) error {
		ev.at.tag = ev.at.off + rel
		if err := ev.iterate(); err != nil {
			return err
		}
		cost := int64(body)
		for _, n := range names {
			cost += sizeOf(lookup(ctx, n), ev.left.bytes)
		}
		return ev.charge(cost)
	}, nil
}

// lookup finds a variable such as page.tags in the bindings, following
// map keys only; where a property is not a key (size, first), the value
// so far stands for it, which is at least as large.
func lookup(ctx render.Context, name string) any {
	parts := strings.Split(name, ".")
	v := ctx.Get(parts[0])
	for _, key := range parts[1:] {
		var next any
		var ok bool
		switch m := v.(type) {
		case sortedMap:
			next, ok = m[key]
		case map[string]any:
			next, ok = m[key]
		}
		if !ok {
			return v
		}
		v = next
	}
	return v
}
