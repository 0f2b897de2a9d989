package css

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The parsing and serialising half of the CSS sanitiser, after CSS Syntax
// Module Level 3, sections 5 ("Parsing") and 9 ("Serialization"): tokens
// grouped into component values (a function with its arguments, a block
// with its content), rules and declarations; and a serialiser that writes
// them back in one canonical form, which reads back to the same tokens.

// Node is a component value: a token, or a function or block with the
// values inside it (Tok is the function or the opening bracket).
type Node struct {
	Tok  Token
	Kids []Node
	// TooDeep marks a block nested past MaxNesting, whose content was
	// skipped.
	TooDeep bool
}

// MaxNesting bounds how deep functions and blocks nest; a stylesheet
// or style attribute nested deeper is malformed for our purpose, and the
// bound keeps the parser's recursion small.
const MaxNesting = 32

// IsBlock reports whether n is a function or a bracketed block, whose
// values are its Kids.
func (n Node) IsBlock() bool {
	switch n.Tok.Kind {
	case Function, LBrace, LBracket, LParen:
		return true
	}
	return false
}

// Rule is a rule of a stylesheet: At is the lower-cased name of an
// at-rule, "" for a style rule; Block is the {} block, nil when the rule
// ends with ';'. Off is the rule's byte offset in the input.
type Rule struct {
	At      string
	Prelude []Node
	Block   *Node
	Off     int
}

// Decl is a declaration: Name: Value [!important]. Name is as written
// (escapes decoded), "" when the text is not a declaration.
type Decl struct {
	Name      string
	Value     []Node
	Important bool
	Off       int
}

// Parser groups tokens into component values and rules. Its tokens end
// with an EOF token.
type Parser struct {
	toks  []Token
	i     int
	depth int
}

// NewParser returns a parser of toks, which must end with an EOF token
// (as Tokens' do).
func NewParser(toks []Token) *Parser { return &Parser{toks: toks} }

// Peek returns the next token without consuming it.
func (p *Parser) Peek() Token { return p.toks[p.i] }

func (p *Parser) next() Token {
	t := p.toks[p.i]
	if t.Kind != EOF {
		p.i++
	}
	return t
}

// Components parses the rest of the input as component values (a style
// attribute's content).
func (p *Parser) Components() []Node {
	var nodes []Node
	for p.Peek().Kind != EOF {
		nodes = append(nodes, p.Component())
	}
	return nodes
}

// Stylesheet parses a whole stylesheet into its rules.
func Stylesheet(s string) []Rule { return NewParser(Tokens(s)).Rules(true) }

// Closer is the token kind that ends a block opened by kind.
func Closer(kind Kind) Kind {
	switch kind {
	case LBrace:
		return RBrace
	case LBracket:
		return RBracket
	}
	return RParen
}

// Component consumes a component value.
func (p *Parser) Component() Node {
	t := p.next()
	n := Node{Tok: t}
	if !n.IsBlock() {
		return n
	}
	end := Closer(t.Kind)
	if p.depth >= MaxNesting {
		n.TooDeep = true
		p.skipBlock(end)
		return n
	}
	p.depth++
	defer func() { p.depth-- }()
	for {
		switch p.Peek().Kind {
		case end:
			p.next()
			return n
		case EOF:
			return n
		}
		n.Kids = append(n.Kids, p.Component())
	}
}

// skipBlock consumes the rest of a block without recursion.
func (p *Parser) skipBlock(end Kind) {
	stack := []Kind{end}
	for len(stack) > 0 {
		t := p.next()
		switch t.Kind {
		case EOF:
			return
		case stack[len(stack)-1]:
			stack = stack[:len(stack)-1]
		case Function, LParen, LBracket, LBrace:
			stack = append(stack, Closer(t.Kind))
		}
	}
}

// Rules consumes a list of rules up to the end of the tokens; top is true
// for a whole stylesheet, where <!-- and --> are ignored.
func (p *Parser) Rules(top bool) []Rule {
	var out []Rule
	for {
		t := p.Peek()
		switch {
		case t.Kind == EOF:
			return out
		case t.Kind == Whitespace, top && (t.Kind == CDO || t.Kind == CDC):
			p.next()
		case t.Kind == AtKeyword:
			out = append(out, p.atRule())
		default:
			if r, ok := p.styleRule(); ok {
				out = append(out, r)
			}
		}
	}
}

func (p *Parser) atRule() Rule {
	t := p.next()
	r := Rule{At: strings.ToLower(t.Val), Off: t.Off}
	for {
		switch p.Peek().Kind {
		case Semicolon:
			p.next()
			return r
		case EOF:
			return r
		case LBrace:
			b := p.Component()
			r.Block = &b
			return r
		}
		r.Prelude = append(r.Prelude, p.Component())
	}
}

// styleRule consumes a style rule; false when the input ends before its
// block, which drops it.
func (p *Parser) styleRule() (Rule, bool) {
	r := Rule{Off: p.Peek().Off}
	for {
		switch p.Peek().Kind {
		case EOF:
			return r, false
		case LBrace:
			b := p.Component()
			r.Block = &b
			return r, true
		}
		r.Prelude = append(r.Prelude, p.Component())
	}
}

// Declarations splits the content of a declaration block. Nested rules
// (an at-rule inside @page, say) come back apart; text that is not a
// declaration comes back as a declaration without a name.
func Declarations(nodes []Node) (decls []Decl, nested []Rule) {
	for i := 0; i < len(nodes); {
		n := nodes[i]
		switch n.Tok.Kind {
		case Whitespace, Semicolon:
			i++
			continue
		case AtKeyword:
			j := i + 1
			for j < len(nodes) && nodes[j].Tok.Kind != Semicolon && nodes[j].Tok.Kind != LBrace {
				j++
			}
			if j < len(nodes) {
				j++
			}
			nested = append(nested, Rule{At: strings.ToLower(n.Tok.Val), Off: n.Tok.Off})
			i = j
			continue
		}
		j := i
		for j < len(nodes) && nodes[j].Tok.Kind != Semicolon {
			j++
		}
		decls = append(decls, declaration(nodes[i:j]))
		i = j
	}
	return decls, nested
}

// declaration reads name: value [!important] from nodes; a malformed one
// has no name.
func declaration(nodes []Node) Decl {
	d := Decl{Off: nodes[0].Tok.Off}
	if nodes[0].Tok.Kind != Ident {
		return d
	}
	rest := TrimWhitespace(nodes[1:])
	if len(rest) == 0 || rest[0].Tok.Kind != Colon {
		return d
	}
	value := TrimWhitespace(rest[1:])
	if n := len(value); n >= 2 && value[n-1].Tok.Kind == Ident && strings.EqualFold(value[n-1].Tok.Val, "important") {
		if bang := TrimWhitespace(value[:n-1]); len(bang) > 0 && bang[len(bang)-1].Tok.Kind == Delim && bang[len(bang)-1].Tok.Val == "!" {
			value, d.Important = TrimWhitespace(bang[:len(bang)-1]), true
		}
	}
	d.Name, d.Value = nodes[0].Tok.Val, value
	return d
}

// TrimWhitespace drops white space at both ends of nodes.
func TrimWhitespace(nodes []Node) []Node {
	for len(nodes) > 0 && nodes[0].Tok.Kind == Whitespace {
		nodes = nodes[1:]
	}
	for len(nodes) > 0 && nodes[len(nodes)-1].Tok.Kind == Whitespace {
		nodes = nodes[:len(nodes)-1]
	}
	return nodes
}

// Text writes nodes in canonical form: white space as one space,
// names and strings escaped only where they must be, strings in double
// quotes, and an empty comment between two tokens that would otherwise
// read as one (the table of section 9).
func Text(nodes []Node) string {
	var b strings.Builder
	Write(&b, nodes)
	return b.String()
}

// Write writes nodes to b as Text does.
func Write(b *strings.Builder, nodes []Node) {
	for i, n := range nodes {
		if i > 0 && needsComment(nodes[i-1], n.Tok) {
			b.WriteString("/**/")
		}
		if i > 0 && n.Tok.Kind == Whitespace && (isBackslash(nodes[i-1].Tok) || nodes[i-1].Tok.Kind == BadString) {
			continue // the newline written before stands for it
		}
		writeNode(b, n)
	}
}

// isBackslash reports whether t is a backslash that escapes nothing (one
// before a newline or the end of the input). Written back it must be
// followed by a newline, the one character that keeps it from escaping
// what comes next.
func isBackslash(t Token) bool { return t.Kind == Delim && t.Val == `\` }

func writeNode(b *strings.Builder, n Node) {
	t := n.Tok
	switch t.Kind {
	case Ident:
		b.WriteString(EscapeIdent(t.Val))
	case Function:
		b.WriteString(EscapeIdent(t.Val) + "(")
	case AtKeyword:
		b.WriteString("@" + EscapeIdent(t.Val))
	case Hash:
		if t.ID {
			b.WriteString("#" + EscapeIdent(t.Val))
		} else {
			b.WriteString("#" + escapeName(t.Val))
		}
	case String:
		b.WriteString(Quote(t.Val))
	case URL:
		b.WriteString("url(" + Quote(t.Val) + ")")
	case BadString:
		// a string a newline cut off, which the newline after it ends again
		b.WriteString("\"\n")
	case BadURL:
		// a url( whose unquoted address holds a bracket, up to the ')'
		b.WriteString("url(()")
	case Delim:
		b.WriteString(t.Val)
		if isBackslash(t) {
			b.WriteByte('\n')
		}
	case Number:
		b.WriteString(t.Val)
	case Percentage:
		b.WriteString(t.Val + "%")
	case Dimension:
		b.WriteString(t.Val + escapeUnit(t.Unit))
	case Whitespace:
		b.WriteByte(' ')
	case CDO:
		b.WriteString("<!--")
	case CDC:
		b.WriteString("-->")
	case Colon:
		b.WriteByte(':')
	case Semicolon:
		b.WriteByte(';')
	case Comma:
		b.WriteByte(',')
	case LBracket:
		b.WriteByte('[')
	case RBracket:
		b.WriteByte(']')
	case LParen:
		b.WriteByte('(')
	case RParen:
		b.WriteByte(')')
	case LBrace:
		b.WriteByte('{')
	case RBrace:
		b.WriteByte('}')
	}
	if n.IsBlock() {
		Write(b, n.Kids)
		switch Closer(t.Kind) {
		case RBrace:
			b.WriteByte('}')
		case RBracket:
			b.WriteByte(']')
		default:
			b.WriteByte(')')
		}
	}
}

// needsComment reports whether tokens a and b, written one after the
// other, would read as other tokens (CSS Syntax section 9).
func needsComment(a Node, b Token) bool {
	if a.IsBlock() {
		return false // it ends with its closing bracket
	}
	word := b.Kind == Ident || b.Kind == Function || b.Kind == URL || b.Kind == BadURL
	num := b.Kind == Number || b.Kind == Percentage || b.Kind == Dimension
	minus := b.Kind == Delim && b.Val == "-"
	switch t := a.Tok; {
	case t.Kind == Ident:
		return word || num || minus || b.Kind == CDC || b.Kind == LParen
	case t.Kind == AtKeyword, t.Kind == Hash, t.Kind == Dimension:
		return word || num || minus || b.Kind == CDC
	case t.Kind == Delim && t.Val == "#", t.Kind == Delim && t.Val == "-":
		return word || num || minus && t.Val == "#"
	case t.Kind == Number:
		return word || num || b.Kind == Delim && b.Val == "%"
	case t.Kind == Delim && t.Val == "@":
		return word || minus
	case t.Kind == Delim && (t.Val == "." || t.Val == "+"):
		return num
	case t.Kind == Delim && t.Val == "/":
		return b.Kind == Delim && b.Val == "*"
	}
	return false
}

// EscapeIdent writes a name so that it reads back as an identifier with
// the same value (CSSOM, "serialize an identifier").
func EscapeIdent(s string) string {
	if s == "-" {
		return `\-`
	}
	return escapeChars(s, true)
}

// escapeName writes the name of a hash that is not an identifier.
func escapeName(s string) string { return escapeChars(s, false) }

// escapeUnit writes a dimension's unit; one starting like an exponent
// (e3, e-1) has its e escaped, or "1e3" would read as a number.
func escapeUnit(s string) string {
	if len(s) >= 2 && (s[0] == 'e' || s[0] == 'E') && (isDigit(rune(s[1])) ||
		(s[1] == '+' || s[1] == '-') && len(s) >= 3 && isDigit(rune(s[2]))) {
		return `\` + strconv.FormatInt(int64(s[0]), 16) + " " + escapeChars(s[1:], false)
	}
	return EscapeIdent(s)
}

func escapeChars(s string, ident bool) string {
	var b strings.Builder
	for i, r := range s {
		first := i == 0
		second := i == 1 && s[0] == '-'
		switch {
		case r == 0:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7F:
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		case ident && (first || second) && isDigit(r):
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		case isIdentChar(r):
			b.WriteRune(r)
		default:
			b.WriteString(`\` + string(r))
		}
	}
	return b.String()
}

// Quote writes a string token's value in double quotes.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == 0:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7F:
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
