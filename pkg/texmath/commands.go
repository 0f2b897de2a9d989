package texmath

import "strings"

// command handles a control sequence and returns the extended list.
func (p *parser) command(list []*Node, t token) []*Node {
	if s, ok := symbols[t.text]; ok {
		return append(list, p.symbolAtom(t, s))
	}
	if limits, ok := namedOps[t.text]; ok {
		return append(list, namedOp(t.text, limits, t.pos, t.end))
	}
	if w, ok := spaceWidths[t.text]; ok {
		return append(list, &Node{Kind: KSpace, Width: w, Pos: t.pos, End: t.end})
	}
	if v, ok := variantCommands[t.text]; ok {
		return append(list, p.variantArg(t, v))
	}
	if a, ok := accents[t.text]; ok {
		return append(list, p.accent(t, a))
	}
	if size, class, ok := bigDelimiter(t.text); ok {
		return append(list, p.bigDelim(t, size, class))
	}
	if h := commandTable[t.text]; h != nil {
		return h(p, list, t)
	}
	p.problem(t.pos, t.end, "unknown command \\"+t.text)
	return list
}

// commandHandler handles one structural command.
type commandHandler func(p *parser, list []*Node, t token) []*Node

// commandTable maps the structural commands to their handlers; it is
// filled in init because some handlers parse recursively through command.
var commandTable map[string]commandHandler

func init() {
	commandTable = map[string]commandHandler{
		"frac": fracCmd(0, false), "dfrac": fracCmd(0, true), "tfrac": fracCmd(1, true), "cfrac": fracCmd(0, true),
		"binom": binomCmd(0, false), "dbinom": binomCmd(0, true), "tbinom": binomCmd(1, true),
		"sqrt": (*parser).sqrt, "left": (*parser).fenced,
		"right": strayFence, "middle": strayFence,
		"text": textCmd, "textrm": textCmd, "textnormal": textCmd, "mbox": textCmd, "hbox": textCmd,
		"textit": textCmd, "textbf": textCmd, "textsf": textCmd, "texttt": textCmd,
		"operatorname": (*parser).operatorName, "mathop": classCmd(Op), "mathbin": classCmd(Bin),
		"mathrel": classCmd(Rel), "mathord": classCmd(Ord), "mathopen": classCmd(Open),
		"mathclose": classCmd(Close), "mathpunct": classCmd(Punct), "mathinner": classCmd(Inner),
		"displaystyle": styleCmd(StyleDisplay), "textstyle": styleCmd(StyleText),
		"scriptstyle": styleCmd(StyleScript), "scriptscriptstyle": styleCmd(StyleScriptScript),
		"limits": limitsCmd(FForceLim), "nolimits": limitsCmd(FNoLimits),
		"overset": oversetCmd(false), "underset": oversetCmd(true), "stackrel": oversetCmd(false),
		"overbrace": braceCmd("⏞", false), "underbrace": braceCmd("⏟", true),
		"phantom": (*parser).phantom, "hspace": (*parser).hspace, "mkern": (*parser).hspace, "kern": (*parser).hspace, "mspace": (*parser).hspace,
		"not": (*parser).not, "begin": (*parser).environment, "end": strayEnd,
		"tag": (*parser).tag, "label": (*parser).label, "notag": (*parser).notag, "nonumber": (*parser).notag,
		"eqref": refCmd(true), "ref": refCmd(false),
		"newcommand": (*parser).newcommand, "renewcommand": (*parser).newcommand,
		"providecommand": (*parser).newcommand, "def": (*parser).def,
		"DeclareMathOperator": (*parser).declareOperator,
		"color":               (*parser).color, "textcolor": (*parser).textcolor,
		"\\": strayNewline,
	}
}

// symbolAtom makes the atom of a symbol command.
func (p *parser) symbolAtom(t token, s symbol) *Node {
	if s.class == Ord && isLetterSymbol(s.text) {
		return &Node{Kind: KIdent, Text: s.text, Variant: p.variant, Pos: t.pos, End: t.end}
	}
	return &Node{Kind: KOp, Text: s.text, Class: s.class, Flags: s.flags, Pos: t.pos, End: t.end}
}

// isLetterSymbol reports whether a symbol is a Greek or other letter, set
// as an identifier (and in \mathbf or \boldsymbol as a bold one).
func isLetterSymbol(text string) bool {
	for _, r := range text {
		return r >= 0x0370 && r <= 0x03FF || r == 'ℓ' || r == 'ı' || r == 'ȷ' || r == 'ℏ'
	}
	return false
}

// namedOp makes an upright operator name (\sin, \lim, \operatorname).
func namedOp(name string, limits bool, pos, end int) *Node {
	n := &Node{Kind: KOp, Text: name, Class: Op, Flags: FNamed, Pos: pos, End: end}
	if limits {
		n.Flags |= FLimits
	}
	return n
}

// spaceWidths are the spacing commands, in mu (1/18 em): TeX's \thinspace
// 3 mu, \medspace 4 mu, \thickspace 5 mu, \quad 1 em; "\ " is an
// inter-word space, which MathJax sets as 0.25 em (4.5 mu, here 5).
var spaceWidths = map[string]int{
	",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5,
	"!": -3, "negthinspace": -3, "negmedspace": -4, "negthickspace": -5,
	"quad": 18, "qquad": 36, " ": 5, "enspace": 9, "space": 5,
}

// fracCmd handles \frac and its style-forcing variants: level 0 is display
// (\dfrac), 1 text (\tfrac); forced says whether the style is forced.
func fracCmd(level int, forced bool) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		num, den := p.parseArg(t, false), p.parseArgIf(t)
		if num == nil || den == nil {
			return list
		}
		n := &Node{Kind: KFrac, Kids: []*Node{num, den}, Pos: t.pos, End: den.End, fracStyle: forced, Style: Style(level)}
		return append(list, n)
	}
}

// binomCmd handles \binom and its variants: a fraction without a rule in
// parentheses.
func binomCmd(level int, forced bool) commandHandler {
	frac := fracCmd(level, forced)
	return func(p *parser, list []*Node, t token) []*Node {
		out := frac(p, list, t)
		if len(out) > len(list) {
			out[len(out)-1].Flags |= FBinom
		}
		return out
	}
}

// parseArgIf parses a second argument only if the problems allow.
func (p *parser) parseArgIf(t token) *Node {
	if p.failed() {
		return nil
	}
	return p.parseArg(t, false)
}

// sqrt handles \sqrt[degree]{radicand}.
func (p *parser) sqrt(list []*Node, t token) []*Node {
	var degree *Node
	if opt, ok := p.optionalArg(); ok {
		degree = opt
	}
	rad := p.parseArg(t, false)
	if rad == nil {
		return list
	}
	return append(list, &Node{Kind: KRoot, Kids: []*Node{rad, degree}, Pos: t.pos, End: rad.End})
}

// optionalArg parses a [bracketed] argument in math mode if one follows.
func (p *parser) optionalArg() (*Node, bool) {
	t, ok := p.skipSpace()
	if !ok || t.kind != tChar || t.text != "[" {
		return nil, false
	}
	p.in.next()
	var list []*Node
	for !p.failed() {
		u, ok := p.in.peek()
		if !ok || u.kind == tEnd {
			p.problem(t.pos, t.end, "[ is not closed")
			return nil, false
		}
		if u.kind == tChar && u.text == "]" {
			p.in.next()
			return row(list, t.pos, u.end), true
		}
		list = p.parseItem(list)
	}
	return nil, false
}

// textCmd handles \text and its relatives: text in the surrounding text's
// font, Korean included. Braces group, \  and the escapes \$ \% \& \_ \#
// \{ \} give their characters; $…$ inside is not supported.
func textCmd(p *parser, list []*Node, t token) []*Node {
	open, ok := p.skipSpace()
	if !ok || open.kind != tBegin {
		if ok && open.kind == tChar {
			p.in.next()
			return append(list, &Node{Kind: KText, Text: open.text, Pos: t.pos, End: open.end})
		}
		p.problem(t.pos, t.end, "\\"+t.text+" needs an argument in braces")
		return list
	}
	p.in.next()
	var b strings.Builder
	depth := 0
	for !p.failed() {
		u, ok := p.in.next()
		if !ok {
			p.problem(open.pos, open.end, "{ is not closed")
			return list
		}
		switch u.kind {
		case tBegin:
			depth++
			continue
		case tEnd:
			if depth == 0 {
				n := &Node{Kind: KText, Text: b.String(), Pos: t.pos, End: u.end}
				if t.text == "textbf" {
					n.Variant = VarBold
				} else if t.text == "textit" {
					n.Variant = VarItalic
				}
				return append(list, n)
			}
			depth--
			continue
		case tTilde:
			b.WriteString("\u00a0")
			continue
		case tCmd:
			p.textEscape(&b, u) // an unsupported command is a problem; read on to the }
			continue
		}
		b.WriteString(u.text)
	}
	return list
}

// textEscape writes the character a command stands for inside \text.
func (p *parser) textEscape(b *strings.Builder, u token) bool {
	switch u.text {
	case " ", ",", ";", ":", "quad":
		b.WriteString(" ")
	case "$", "%", "&", "_", "#", "{", "}":
		b.WriteString(u.text)
	case "textbackslash":
		b.WriteString("\\")
	default:
		if s, ok := symbols[u.text]; ok && s.class == Ord {
			b.WriteString(s.text)
			return true
		}
		p.problem(u.pos, u.end, "\\"+u.text+" is not supported inside \\text")
		return false
	}
	return true
}

// operatorName handles \operatorname{name} and \operatorname*{name}.
func (p *parser) operatorName(list []*Node, t token) []*Node {
	limits := false
	if s, ok := p.in.rawPeek(); ok && s.kind == tChar && s.text == "*" {
		p.in.rawNext()
		limits = true
	}
	name, end, ok := p.plainArg(t)
	if !ok {
		return list
	}
	return append(list, namedOp(name, limits, t.pos, end))
}

// plainArg reads a braced argument made of plain characters (an operator
// name, a label, a colour) and returns its text.
func (p *parser) plainArg(t token) (string, int, bool) {
	open, ok := p.skipSpace()
	if !ok || open.kind != tBegin {
		p.problem(t.pos, t.end, "\\"+t.text+" needs an argument in braces")
		return "", 0, false
	}
	p.in.next()
	var b strings.Builder
	for {
		u, ok := p.in.next()
		switch {
		case !ok:
			p.problem(open.pos, open.end, "{ is not closed")
			return "", 0, false
		case u.kind == tEnd:
			return b.String(), u.end, true
		case u.kind == tCmd && (u.text == "," || u.text == " " || u.text == ";"):
			b.WriteString(" ")
		case u.kind == tCmd && len(u.text) == 1 && strings.Contains("_$%&#-", u.text):
			b.WriteString(u.text)
		case u.kind == tChar || u.kind == tSpace || u.kind == tSub:
			b.WriteString(u.text)
		default:
			p.problem(u.pos, u.end, "only plain characters may appear in \\"+t.text)
			return "", 0, false
		}
	}
}

// classCmd handles \mathop, \mathbin, …: the argument as one atom of the
// given class.
func classCmd(c Class) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		arg := p.parseArg(t, false)
		if arg == nil {
			return list
		}
		if arg.Kind == KOp || arg.Kind == KRow || arg.Kind == KIdent {
			arg = &Node{Kind: KRow, Kids: []*Node{arg}, Class: c, Pos: t.pos, End: arg.End}
		}
		if c == Op {
			arg.Flags |= FLimits
		}
		return append(list, arg)
	}
}

// styleCmd handles \displaystyle and friends: the rest of the current list
// is set in the style.
func styleCmd(s Style) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		rest := p.parseList(p.stop)
		return append(list, &Node{Kind: KStyle, Style: s, Kids: []*Node{row(rest, t.end, t.end)}, Pos: t.pos, End: t.end})
	}
}

// limitsCmd handles \limits and \nolimits after an operator.
func limitsCmd(flag Flags) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		if len(list) == 0 {
			p.problem(t.pos, t.end, "\\"+t.text+" must follow an operator")
			return list
		}
		last := list[len(list)-1]
		last.Flags = last.Flags&^(FLimits|FNoLimits|FForceLim) | flag
		return list
	}
}

// oversetCmd handles \overset{over}{base}, \underset{under}{base} and
// \stackrel{over}{base}: scripts that always sit above or below.
func oversetCmd(under bool) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		script, base := p.parseArg(t, false), p.parseArgIf(t)
		if script == nil || base == nil {
			return list
		}
		n := &Node{Kind: KScripts, Kids: []*Node{base, nil, script}, Flags: FForceLim, Pos: t.pos, End: base.End}
		if under {
			n.Kids[1], n.Kids[2] = script, nil
		}
		if base.Kind == KOp {
			n.Class = base.Class
		} else if t.text == "stackrel" {
			n.Class = Rel
		}
		return append(list, n)
	}
}

// braceCmd handles \overbrace and \underbrace: a stretched brace over or
// under the base, and scripts that follow go above or below it.
func braceCmd(ch string, under bool) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		base := p.parseArg(t, false)
		if base == nil {
			return list
		}
		n := &Node{Kind: KAccent, Text: ch, Kids: []*Node{base}, Flags: FWide | FForceLim, Class: Op, under: under, Pos: t.pos, End: base.End}
		return append(list, n)
	}
}

// phantom handles \phantom{…}.
func (p *parser) phantom(list []*Node, t token) []*Node {
	arg := p.parseArg(t, false)
	if arg == nil {
		return list
	}
	return append(list, &Node{Kind: KPhantom, Kids: []*Node{arg}, Pos: t.pos, End: arg.End})
}

// not handles \not before a relation: the negated character when Unicode
// has one, else the character with a combining long solidus.
func (p *parser) not(list []*Node, t token) []*Node {
	next := p.parseArg(t, false)
	if next == nil {
		return list
	}
	negated := map[string]string{"=": "≠", "<": "≮", ">": "≯", "∈": "∉", "≤": "≰", "≥": "≱", "∼": "≁", "≅": "≇", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "≡": "≢", "∣": "∤", "∥": "∦"}
	if next.Kind == KOp {
		if s, ok := negated[next.Text]; ok {
			next.Text = s
		} else {
			next.Text += "\u0338"
		}
		next.Pos = t.pos
		return append(list, next)
	}
	p.problem(t.pos, next.End, "\\not must be followed by a relation symbol")
	return list
}

// strayFence reports \right or \middle without \left.
func strayFence(p *parser, list []*Node, t token) []*Node {
	p.problem(t.pos, t.end, "\\"+t.text+" without a matching \\left")
	return list
}

// strayEnd reports \end without \begin.
func strayEnd(p *parser, list []*Node, t token) []*Node {
	p.problem(t.pos, t.end, "\\end without a matching \\begin")
	return list
}

// strayNewline reports \\ where no line can break (inside a group).
func strayNewline(p *parser, list []*Node, t token) []*Node {
	p.problem(t.pos, t.end, "\\\\ outside a table environment or a display formula's top level")
	return list
}

// color handles \color{name}: the colour is not drawn (books are printed
// in black); the rest of the list is kept.
func (p *parser) color(list []*Node, t token) []*Node {
	_, _, _ = p.plainArg(t)
	return list
}

// textcolor handles \textcolor{name}{…}: the argument, uncoloured.
func (p *parser) textcolor(list []*Node, t token) []*Node {
	if _, _, ok := p.plainArg(t); !ok {
		return list
	}
	if arg := p.parseArg(t, false); arg != nil {
		list = append(list, arg)
	}
	return list
}
