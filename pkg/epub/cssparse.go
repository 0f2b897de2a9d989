package epub

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

// cssNode is a component value: a token, or a function or block with the
// values inside it (tok is the function or the opening bracket).
type cssNode struct {
	tok  cssToken
	kids []cssNode
	// tooDeep marks a block nested past maxCSSNesting, whose content
	// was skipped.
	tooDeep bool
}

// maxCSSNesting bounds how deep functions and blocks nest; a stylesheet
// or style attribute nested deeper is malformed for our purpose, and the
// bound keeps the parser's recursion small.
const maxCSSNesting = 32

func (n cssNode) isBlock() bool {
	switch n.tok.kind {
	case cssFunction, cssLBrace, cssLBracket, cssLParen:
		return true
	}
	return false
}

// cssRule is a rule of a stylesheet: at is the lower-cased name of an
// at-rule, "" for a style rule; block is the {} block, nil when the rule
// ends with ';'.
type cssRule struct {
	at      string
	prelude []cssNode
	block   *cssNode
	off     int
}

// cssDecl is a declaration: name: value [!important].
type cssDecl struct {
	name      string
	value     []cssNode
	important bool
	off       int
}

type cssParser struct {
	toks  []cssToken
	i     int
	depth int
}

func (p *cssParser) peek() cssToken { return p.toks[p.i] }

func (p *cssParser) next() cssToken {
	t := p.toks[p.i]
	if t.kind != cssEOF {
		p.i++
	}
	return t
}

// closer is the token kind that ends a block opened by kind.
func closer(kind cssKind) cssKind {
	switch kind {
	case cssLBrace:
		return cssRBrace
	case cssLBracket:
		return cssRBracket
	}
	return cssRParen
}

// component consumes a component value.
func (p *cssParser) component() cssNode {
	t := p.next()
	n := cssNode{tok: t}
	if !n.isBlock() {
		return n
	}
	end := closer(t.kind)
	if p.depth >= maxCSSNesting {
		n.tooDeep = true
		p.skipBlock(end)
		return n
	}
	p.depth++
	defer func() { p.depth-- }()
	for {
		switch p.peek().kind {
		case end:
			p.next()
			return n
		case cssEOF:
			return n
		}
		n.kids = append(n.kids, p.component())
	}
}

// skipBlock consumes the rest of a block without recursion.
func (p *cssParser) skipBlock(end cssKind) {
	stack := []cssKind{end}
	for len(stack) > 0 {
		t := p.next()
		switch t.kind {
		case cssEOF:
			return
		case stack[len(stack)-1]:
			stack = stack[:len(stack)-1]
		case cssFunction, cssLParen, cssLBracket, cssLBrace:
			stack = append(stack, closer(t.kind))
		}
	}
}

// rules consumes a list of rules up to the end of the tokens; top is true
// for a whole stylesheet, where <!-- and --> are ignored.
func (p *cssParser) rules(top bool) []cssRule {
	var out []cssRule
	for {
		t := p.peek()
		switch {
		case t.kind == cssEOF:
			return out
		case t.kind == cssWhitespace, top && (t.kind == cssCDO || t.kind == cssCDC):
			p.next()
		case t.kind == cssAtKeyword:
			out = append(out, p.atRule())
		default:
			if r, ok := p.styleRule(); ok {
				out = append(out, r)
			}
		}
	}
}

func (p *cssParser) atRule() cssRule {
	t := p.next()
	r := cssRule{at: strings.ToLower(t.val), off: t.off}
	for {
		switch p.peek().kind {
		case cssSemicolon:
			p.next()
			return r
		case cssEOF:
			return r
		case cssLBrace:
			b := p.component()
			r.block = &b
			return r
		}
		r.prelude = append(r.prelude, p.component())
	}
}

// styleRule consumes a style rule; false when the input ends before its
// block, which drops it.
func (p *cssParser) styleRule() (cssRule, bool) {
	r := cssRule{off: p.peek().off}
	for {
		switch p.peek().kind {
		case cssEOF:
			return r, false
		case cssLBrace:
			b := p.component()
			r.block = &b
			return r, true
		}
		r.prelude = append(r.prelude, p.component())
	}
}

// declarations splits the content of a declaration block. Nested rules
// (an at-rule inside @page, say) come back apart; text that is not a
// declaration comes back as a declaration without a name.
func declarations(nodes []cssNode) (decls []cssDecl, nested []cssRule) {
	for i := 0; i < len(nodes); {
		n := nodes[i]
		switch n.tok.kind {
		case cssWhitespace, cssSemicolon:
			i++
			continue
		case cssAtKeyword:
			j := i + 1
			for j < len(nodes) && nodes[j].tok.kind != cssSemicolon && nodes[j].tok.kind != cssLBrace {
				j++
			}
			if j < len(nodes) {
				j++
			}
			nested = append(nested, cssRule{at: strings.ToLower(n.tok.val), off: n.tok.off})
			i = j
			continue
		}
		j := i
		for j < len(nodes) && nodes[j].tok.kind != cssSemicolon {
			j++
		}
		decls = append(decls, declaration(nodes[i:j]))
		i = j
	}
	return decls, nested
}

// declaration reads name: value [!important] from nodes; a malformed one
// has no name.
func declaration(nodes []cssNode) cssDecl {
	d := cssDecl{off: nodes[0].tok.off}
	if nodes[0].tok.kind != cssIdent {
		return d
	}
	rest := trimWhitespace(nodes[1:])
	if len(rest) == 0 || rest[0].tok.kind != cssColon {
		return d
	}
	value := trimWhitespace(rest[1:])
	if n := len(value); n >= 2 && value[n-1].tok.kind == cssIdent && strings.EqualFold(value[n-1].tok.val, "important") {
		if bang := trimWhitespace(value[:n-1]); len(bang) > 0 && bang[len(bang)-1].tok.kind == cssDelim && bang[len(bang)-1].tok.val == "!" {
			value, d.important = trimWhitespace(bang[:len(bang)-1]), true
		}
	}
	d.name, d.value = nodes[0].tok.val, value
	return d
}

func trimWhitespace(nodes []cssNode) []cssNode {
	for len(nodes) > 0 && nodes[0].tok.kind == cssWhitespace {
		nodes = nodes[1:]
	}
	for len(nodes) > 0 && nodes[len(nodes)-1].tok.kind == cssWhitespace {
		nodes = nodes[:len(nodes)-1]
	}
	return nodes
}

// cssText writes nodes in canonical form: white space as one space,
// names and strings escaped only where they must be, strings in double
// quotes, and an empty comment between two tokens that would otherwise
// read as one (the table of section 9).
func cssText(nodes []cssNode) string {
	var b strings.Builder
	writeCSS(&b, nodes)
	return b.String()
}

func writeCSS(b *strings.Builder, nodes []cssNode) {
	for i, n := range nodes {
		if i > 0 && needsComment(nodes[i-1], n.tok) {
			b.WriteString("/**/")
		}
		writeNode(b, n)
	}
}

func writeNode(b *strings.Builder, n cssNode) {
	t := n.tok
	switch t.kind {
	case cssIdent:
		b.WriteString(escapeIdent(t.val))
	case cssFunction:
		b.WriteString(escapeIdent(t.val) + "(")
	case cssAtKeyword:
		b.WriteString("@" + escapeIdent(t.val))
	case cssHash:
		if t.id {
			b.WriteString("#" + escapeIdent(t.val))
		} else {
			b.WriteString("#" + escapeName(t.val))
		}
	case cssString:
		b.WriteString(quoteCSS(t.val))
	case cssURL:
		b.WriteString("url(" + quoteCSS(t.val) + ")")
	case cssDelim:
		b.WriteString(t.val)
	case cssNumber:
		b.WriteString(t.val)
	case cssPercentage:
		b.WriteString(t.val + "%")
	case cssDimension:
		b.WriteString(t.val + escapeUnit(t.unit))
	case cssWhitespace:
		b.WriteByte(' ')
	case cssCDO:
		b.WriteString("<!--")
	case cssCDC:
		b.WriteString("-->")
	case cssColon:
		b.WriteByte(':')
	case cssSemicolon:
		b.WriteByte(';')
	case cssComma:
		b.WriteByte(',')
	case cssLBracket:
		b.WriteByte('[')
	case cssRBracket:
		b.WriteByte(']')
	case cssLParen:
		b.WriteByte('(')
	case cssRParen:
		b.WriteByte(')')
	case cssLBrace:
		b.WriteByte('{')
	case cssRBrace:
		b.WriteByte('}')
	}
	if n.isBlock() {
		writeCSS(b, n.kids)
		switch closer(t.kind) {
		case cssRBrace:
			b.WriteByte('}')
		case cssRBracket:
			b.WriteByte(']')
		default:
			b.WriteByte(')')
		}
	}
}

// needsComment reports whether tokens a and b, written one after the
// other, would read as other tokens (CSS Syntax section 9).
func needsComment(a cssNode, b cssToken) bool {
	if a.isBlock() {
		return false // it ends with its closing bracket
	}
	word := b.kind == cssIdent || b.kind == cssFunction || b.kind == cssURL || b.kind == cssBadURL
	num := b.kind == cssNumber || b.kind == cssPercentage || b.kind == cssDimension
	minus := b.kind == cssDelim && b.val == "-"
	switch t := a.tok; {
	case t.kind == cssIdent:
		return word || num || minus || b.kind == cssCDC || b.kind == cssLParen
	case t.kind == cssAtKeyword, t.kind == cssHash, t.kind == cssDimension:
		return word || num || minus || b.kind == cssCDC
	case t.kind == cssDelim && t.val == "#", t.kind == cssDelim && t.val == "-":
		return word || num || minus && t.val == "#"
	case t.kind == cssNumber:
		return word || num || b.kind == cssDelim && b.val == "%"
	case t.kind == cssDelim && t.val == "@":
		return word || minus
	case t.kind == cssDelim && (t.val == "." || t.val == "+"):
		return num
	case t.kind == cssDelim && t.val == "/":
		return b.kind == cssDelim && b.val == "*"
	}
	return false
}

// escapeIdent writes a name so that it reads back as an identifier with
// the same value (CSSOM, "serialize an identifier").
func escapeIdent(s string) string {
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
	return escapeIdent(s)
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

// quoteCSS writes a string token's value in double quotes.
func quoteCSS(s string) string {
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
