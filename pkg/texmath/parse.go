package texmath

import (
	"unicode"
	"unicode/utf8"
)

// Parse reads one TeX formula, as MathJax's TeX input reads the contents of
// $…$ or $$…$$: display says which. Macros defined in the formula
// (\newcommand, \def, \DeclareMathOperator) are added to macros, which may
// be nil. \tag, \label and \eqref are kept in the tree for numbering and
// links. Parse returns the formula, or nil and at least one problem when
// the formula cannot be typeset as written; problem offsets are byte
// offsets into tex. The work is bounded by MaxInput, MaxExpansions,
// MaxTokens and MaxDepth.
func Parse(tex string, display bool, macros *Macros) (*Formula, []Problem) {
	if len(tex) > MaxInput {
		return nil, []Problem{{Pos: 0, End: len(tex), Msg: "formula longer than " + itoa(MaxInput) + " bytes"}}
	}
	if macros == nil {
		macros = NewMacros()
	}
	p := &parser{src: tex, macros: macros, display: display}
	p.in = &stream{macros: macros, p: p}
	p.in.push(lex(tex, p.problem))
	f := &Formula{Display: display, Source: tex}
	p.formula = f
	root := p.parseTop()
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	f.Root = root
	return f, nil
}

// parser holds the state of one Parse.
type parser struct {
	src      string
	in       *stream
	macros   *Macros
	display  bool
	formula  *Formula
	problems []Problem
	variant  Variant // alphabet set by \mathbf and friends
	depth    int
	eq       int      // index of the Equation that \tag and \label go to, -1 for none
	stop     stopKind // where the list being parsed ends
	lastEnd  int      // end offset of the last \end{…}
}

// problem records a problem at src[pos:end], clamped to the source.
func (p *parser) problem(pos, end int, msg string) {
	pos, end = max(0, min(pos, len(p.src))), max(0, min(end, len(p.src)))
	if end < pos {
		end = pos
	}
	if len(p.problems) < 20 {
		p.problems = append(p.problems, Problem{Pos: pos, End: end, Msg: msg})
	}
}

// failed reports whether parsing should stop: a budget ran out or the
// problems are already many.
func (p *parser) failed() bool { return p.in.dead || len(p.problems) >= 20 }

// parseTop parses the whole formula. A top-level \\ in a display formula
// splits it into centred lines, as MathJax does.
func (p *parser) parseTop() *Node {
	p.formula.Equations = []Equation{{}}
	p.eq = 0
	rows := [][]*Node{p.parseList(stopTop)}
	for !p.failed() {
		t, ok := p.in.next()
		if !ok {
			break
		}
		switch {
		case t.kind == tEnd:
			p.problem(t.pos, t.end, "} without a matching {")
			rows[len(rows)-1] = append(rows[len(rows)-1], p.parseList(stopTop)...)
		case t.kind == tCmd && t.text == "\\":
			p.skipOptionalLength()
			rows = append(rows, p.parseList(stopTop))
		default:
			p.problem(t.pos, t.end, "unexpected "+describe(t))
		}
	}
	if len(rows) == 1 {
		return row(rows[0], 0, len(p.src))
	}
	table := &Node{Kind: KTable, Text: "gathered", Columns: "c", Pos: 0, End: len(p.src)}
	for _, r := range rows {
		table.Kids = append(table.Kids, &Node{Kind: KTableRow, Eq: -1, Kids: []*Node{row(r, 0, 0)}})
	}
	return row([]*Node{table}, 0, len(p.src))
}

// row makes a KRow node. A row of a table cell passes pos = end = 0 and
// takes the span of its atoms.
func row(kids []*Node, pos, end int) *Node {
	if pos == 0 && end == 0 && len(kids) > 0 {
		pos, end = kids[0].Pos, kids[len(kids)-1].End
	}
	return &Node{Kind: KRow, Kids: kids, Pos: pos, End: end}
}

// stopKind says where a list ends.
type stopKind uint8

// The places a list ends.
const (
	stopTop   stopKind = iota // end of input, }, or \\ (reported by the caller)
	stopGroup                 // }
	stopCell                  // &, \\, \end
	stopFence                 // \right or \middle
)

// parseList parses atoms until the stop token (which it does not take).
func (p *parser) parseList(stop stopKind) []*Node {
	p.depth++
	saved := p.stop
	p.stop = stop
	defer func() { p.depth--; p.stop = saved }()
	if p.depth > MaxDepth {
		t, _ := p.in.peek()
		p.problem(t.pos, t.end, "formula nested too deeply")
		p.in.dead = true
		return nil
	}
	var list []*Node
	for !p.failed() {
		t, ok := p.in.peek()
		if !ok || p.stopsAt(t, stop) {
			return list
		}
		list = p.parseItem(list)
	}
	return list
}

// stopsAt reports whether t ends a list of the given kind.
func (p *parser) stopsAt(t token, stop stopKind) bool {
	switch t.kind {
	case tEnd:
		return true
	case tAmp:
		return stop == stopCell
	case tCmd:
		switch t.text {
		case "\\":
			return stop == stopCell || stop == stopTop
		case "end":
			return stop == stopCell
		case "right", "middle":
			return stop == stopFence
		}
	}
	return false
}

// parseItem parses one atom, or scripts for the last one, or a command
// with no atom (a definition, \label), and returns the extended list.
func (p *parser) parseItem(list []*Node) []*Node {
	t, _ := p.in.next()
	switch t.kind {
	case tSpace:
		return list
	case tSup, tSub:
		return p.attachScript(list, t)
	case tChar:
		if t.text == "'" {
			return p.attachPrimes(list, t)
		}
		return append(list, p.charAtom(t))
	case tBegin:
		return append(list, p.group(t))
	case tTilde:
		return append(list, &Node{Kind: KSpace, Width: 6, Pos: t.pos, End: t.end})
	case tAmp:
		p.problem(t.pos, t.end, "& outside a table environment")
	case tParam:
		p.problem(t.pos, t.end, "macro parameter "+t.text+" outside a macro definition")
	case tCmd:
		return p.command(list, t)
	}
	return list
}

// group parses {…} after its opening brace into a row (an ord atom).
func (p *parser) group(open token) *Node {
	kids := p.parseList(stopGroup)
	end := p.expectClose(open)
	return &Node{Kind: KRow, Kids: kids, Pos: open.pos, End: end}
}

// expectClose takes the } that closes open and returns its end offset.
func (p *parser) expectClose(open token) int {
	t, ok := p.in.next()
	if !ok || t.kind != tEnd {
		if !p.failed() {
			p.problem(open.pos, open.end, "{ is not closed")
		}
		if ok {
			return t.pos
		}
		return len(p.src)
	}
	return t.end
}

// charAtom makes the atom of one character: a letter, a digit run, Hangul
// or other text, or a symbol.
func (p *parser) charAtom(t token) *Node {
	r, _ := utf8.DecodeRuneInString(t.text)
	switch {
	case r >= '0' && r <= '9':
		return p.number(t)
	case isTextScript(r):
		return p.textRun(t)
	case unicode.IsLetter(r):
		return &Node{Kind: KIdent, Text: t.text, Variant: p.variant, Pos: t.pos, End: t.end}
	}
	s := charSymbol(t.text)
	return &Node{Kind: KOp, Text: s.text, Class: s.class, Flags: s.flags, Pos: t.pos, End: t.end}
}

// isTextScript reports whether r belongs to a script the math font does
// not have and that is set as text even in math mode: Hangul, CJK.
func isTextScript(r rune) bool {
	return unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// textRun gathers consecutive Hangul/CJK characters (and the spaces between
// them) typed in math mode into one text node.
func (p *parser) textRun(first token) *Node {
	n := &Node{Kind: KText, Text: first.text, Pos: first.pos, End: first.end}
	for {
		t, ok := p.in.rawPeek()
		if !ok || t.kind != tChar {
			return n
		}
		r, _ := utf8.DecodeRuneInString(t.text)
		if !isTextScript(r) {
			return n
		}
		p.in.rawNext()
		n.Text += t.text
		n.End = t.end
	}
}

// number gathers a run of digits with at most one inner decimal point.
func (p *parser) number(first token) *Node {
	n := &Node{Kind: KNumber, Text: first.text, Variant: p.variant, Pos: first.pos, End: first.end}
	dot := false
	for {
		t, ok := p.in.rawPeek()
		if !ok || t.kind != tChar {
			return n
		}
		switch {
		case t.text[0] >= '0' && t.text[0] <= '9':
		case t.text == "." && !dot && p.digitAfterDot():
			dot = true
		default:
			return n
		}
		p.in.rawNext()
		n.Text += t.text
		n.End = t.end
	}
}

// digitAfterDot reports whether the token after the next one is a digit.
func (p *parser) digitAfterDot() bool {
	for i := len(p.in.frames) - 1; i >= 0; i-- {
		f := p.in.frames[i]
		if f.i < len(f.toks) {
			if f.i+1 < len(f.toks) {
				nt := f.toks[f.i+1]
				return nt.kind == tChar && nt.text[0] >= '0' && nt.text[0] <= '9'
			}
			return false
		}
	}
	return false
}

// describe names a token for a message.
func describe(t token) string {
	switch t.kind {
	case tCmd:
		return "\\" + t.text
	case tEnd:
		return "}"
	case tAmp:
		return "&"
	}
	return t.text
}
