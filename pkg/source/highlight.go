package source

import (
	"regexp"
	"strings"
)

// highlightArgsRE is the syntax Jekyll accepts after "highlight": a
// language, then options such as linenos or mark_lines="1 2".
var highlightArgsRE = regexp.MustCompile(`^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"[^"]*"))?)*)\s*$`)

// infoString turns highlight arguments into a fence's info string:
// "ruby linenos" stays "ruby linenos".
func infoString(args string) (string, bool) {
	if !highlightArgsRE.MatchString(args) {
		return "", false
	}
	return strings.Join(strings.Fields(args), " "), true
}

// fence returns the backtick fence for code: longer than any backtick run
// inside it, and at least three.
func fence(code []byte) string {
	longest, run := 0, 0
	for _, c := range code {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// highlightText makes the fenced block for a highlight rendered inside
// another block, where no offset map is kept. Jekyll drops the newlines
// that open and close the code.
func highlightText(args, code string) (string, bool) {
	info, ok := infoString(args)
	if !ok {
		return "", false
	}
	code = strings.Trim(code, "\r\n")
	f := fence([]byte(code))
	return "\n" + f + info + "\n" + code + "\n" + f + "\n", true
}

// highlight evaluates a top-level highlight block: the code's Liquid is
// evaluated (Jekyll renders the block's body) and mapped byte for byte
// where it is literal; the fences map to the tags.
func (ev *evaluator) highlight(b *builder, ix *lineIndex, toks []token) {
	open, end := toks[0], toks[len(toks)-1]
	info, ok := infoString(open.args)
	if !ok {
		ev.diags.Warnf(ix.pos(open.start), "{%% %s %%}: expected a language and options such as linenos; kept as written",
			strings.TrimSpace("highlight "+open.args))
		b.literal(ix.src, open.start, end.end)
		return
	}
	inner := trimNewlines(ix.src, toks[1:len(toks)-1])
	var code builder
	ev.eval(&code, ix, inner)
	f := fence(code.buf)
	if !b.endsLine() {
		b.generated("\n", open.start)
	}
	b.generated(f+info+"\n", open.start)
	b.append(&code)
	b.generated("\n"+f, end.start)
	if end.end < len(ix.src) && ix.src[end.end] != '\n' {
		b.generated("\n", end.start)
	}
}

// trimNewlines drops the newlines at the start and end of the code, as
// Jekyll does, by narrowing the first and last text tokens.
func trimNewlines(src []byte, toks []token) []token {
	toks = append([]token(nil), toks...)
	if n := len(toks); n > 0 && toks[0].kind == tokText {
		for toks[0].start < toks[0].end && isNewline(src[toks[0].start]) {
			toks[0].start++
		}
	}
	if n := len(toks); n > 0 && toks[n-1].kind == tokText {
		for toks[n-1].end > toks[n-1].start && isNewline(src[toks[n-1].end-1]) {
			toks[n-1].end--
		}
	}
	return toks
}

func isNewline(c byte) bool { return c == '\n' || c == '\r' }
