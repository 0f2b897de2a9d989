package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mathDelim is one pair of math delimiters as written in Markdown source.
type mathDelim struct {
	open, close string
	// display is set for \[…\]: TeX's display math.
	display bool
}

// mathDelims are the pairs kramdown users write, longest opener first.
// kramdown itself knows only $$; \\(…\\) and \\[…\\] are what MathJax
// reads after Markdown turned the doubled backslashes into single ones.
// The single-backslash forms are not math: in Markdown, \[1\] is an escaped
// bracket, and kramdown shows it as [1].
var mathDelims = []mathDelim{
	{open: "$$", close: "$$"},
	{open: `\\(`, close: `\\)`},
	{open: `\\[`, close: `\\]`, display: true},
}

// matchMathOpener returns the index in mathDelims of the delimiter that line
// starts with, or -1.
func matchMathOpener(line []byte) int {
	for i, d := range mathDelims {
		if bytes.HasPrefix(line, []byte(d.open)) {
			return i
		}
	}
	return -1
}

// envOpener reports whether line starts with \begin{name}, name being
// letters with an optional '*', and returns the closer \end{name}. MathJax
// (processEnvironments, on by default in versions 2 and 3) typesets such an
// environment written in running text as display math, so the blogs that
// load it show \begin{align}…\end{align} without dollars as math; unlike
// \\[…\\], the environment is part of the TeX.
func envOpener(line []byte) (closer []byte, ok bool) {
	const begin = `\begin{`
	if !bytes.HasPrefix(line, []byte(begin)) {
		return nil, false
	}
	name := line[len(begin):]
	n := 0
	for n < len(name) && n < 20 && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= 'A' && name[n] <= 'Z') {
		n++
	}
	if n < len(name) && name[n] == '*' {
		n++
	}
	if n == 0 || n >= len(name) || name[n] != '}' {
		return nil, false
	}
	return append([]byte(`\end{`), name[:n+1]...), true
}

// mathInlineParser reads math inside running text. A single '$' is never
// math: Korean posts write prices as $5 and 5$.
type mathInlineParser struct {
	refs bool // Options.Refs
}

// Trigger implements parser.InlineParser.
func (mathInlineParser) Trigger() []byte { return []byte{'$', '\\'} }

// Parse implements parser.InlineParser. The math may span lines of the
// block; without a closing delimiter the opener stays text.
func (p mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if closer, ok := envOpener(line); ok {
		if envCloserMissing(pc, parent, closer) {
			return nil
		}
		segs, ok := scanMath(block, 0, closer, true)
		if !ok {
			markEnvCloserMissing(pc, parent, closer)
			return nil
		}
		return &MathInline{Display: true, Segments: segs}
	}
	if n := refLen(line); n > 0 && p.refs {
		_, seg := block.PeekLine()
		block.Advance(n)
		segs := text.NewSegments()
		segs.Append(sourceSegment(seg, 0, n))
		return &MathInline{Segments: segs}
	}
	i := matchMathOpener(line)
	if i < 0 || mathCloserMissing(pc, parent, i) {
		return nil
	}
	d := mathDelims[i]
	segs, ok := scanMath(block, len(d.open), []byte(d.close), false)
	if !ok {
		markMathCloserMissing(pc, parent, i)
		return nil
	}
	return &MathInline{Display: d.display, Segments: segs}
}

// maxRefLabel bounds the label of a \ref or \eqref in running text.
const maxRefLabel = 128

// refLen returns the length of the \eqref{label} or \ref{label} that line
// starts with, or 0. MathJax (processRefs, on by default in versions 2 and
// 3) typesets such a reference written in running text, outside any
// delimiters, as the equation's number: "식 \eqref{eq:euler}" shows "식
// (1)". It is read as a formula of its own.
func refLen(line []byte) int {
	for _, cmd := range []string{`\eqref{`, `\ref{`} {
		if !bytes.HasPrefix(line, []byte(cmd)) {
			continue
		}
		end := bytes.IndexByte(line[len(cmd):], '}')
		if end <= 0 || end > maxRefLabel || bytes.ContainsAny(line[len(cmd):len(cmd)+end], "{\\\n") {
			return 0
		}
		return len(cmd) + end + 1
	}
	return 0
}

// scanMath advances past an opener of length openLen and collects the
// segments up to closer, which it consumes, and which they include when
// keep is set. When the block has no closer it restores the reader's
// position and returns false.
func scanMath(block text.Reader, openLen int, closer []byte, keep bool) (*text.Segments, bool) {
	l, pos := block.Position()
	block.Advance(openLen)
	segs := text.NewSegments()
	for {
		line, seg := block.PeekLine()
		if line == nil {
			block.SetPosition(l, pos)
			return nil, false
		}
		if i := bytes.Index(line, closer); i >= 0 {
			if keep {
				i += len(closer)
			}
			if i > 0 {
				segs.Append(sourceSegment(seg, 0, i))
			}
			if keep {
				i -= len(closer)
			}
			block.Advance(i + len(closer))
			if segs.Len() == 0 {
				// $$$$ is not math: kramdown would make an empty formula,
				// which nobody means.
				block.SetPosition(l, pos)
				return nil, false
			}
			return segs, true
		}
		segs.Append(seg)
		block.AdvanceLine()
	}
}

// missingClosers remembers, for the block being parsed, which closing
// delimiters a scan has failed to find. Every later opener of the same kind
// lies further on, so it fails too; remembering that keeps a paragraph of a
// thousand unclosed \( linear instead of quadratic.
type missingClosers struct {
	block   ast.Node
	missing [5]bool         // indexed like mathDelims
	envs    map[string]bool // the \end{name} closers of environments
}

var missingClosersKey = parser.NewContextKey()

// mathCloserMissing reports whether a scan for delimiter i already failed in
// block.
func mathCloserMissing(pc parser.Context, block ast.Node, i int) bool {
	m, ok := pc.Get(missingClosersKey).(*missingClosers)
	return ok && m.block == block && m.missing[i]
}

// markMathCloserMissing records that block has no closer for delimiter i
// after the current position.
func markMathCloserMissing(pc parser.Context, block ast.Node, i int) {
	m, ok := pc.Get(missingClosersKey).(*missingClosers)
	if !ok || m.block != block {
		m = &missingClosers{block: block}
		pc.Set(missingClosersKey, m)
	}
	m.missing[i] = true
}

// envCloserMissing reports whether a scan for an environment's closer
// already failed in block.
func envCloserMissing(pc parser.Context, block ast.Node, closer []byte) bool {
	m, ok := pc.Get(missingClosersKey).(*missingClosers)
	return ok && m.block == block && m.envs[string(closer)]
}

// markEnvCloserMissing records that block has no closer after the current
// position.
func markEnvCloserMissing(pc parser.Context, block ast.Node, closer []byte) {
	m, ok := pc.Get(missingClosersKey).(*missingClosers)
	if !ok || m.block != block {
		m = &missingClosers{block: block}
		pc.Set(missingClosersKey, m)
	}
	if m.envs == nil {
		m.envs = map[string]bool{}
	}
	m.envs[string(closer)] = true
}
