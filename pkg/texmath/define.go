package texmath

// newcommand handles \newcommand, \renewcommand and \providecommand:
// \newcommand{\name}[n][default]{body} or \newcommand\name…. The
// definition goes into the Macros for this and later formulas. (MathJax,
// unlike LaTeX, lets \newcommand redefine a name; so does this.)
func (p *parser) newcommand(list []*Node, t token) []*Node {
	if s, ok := p.in.rawPeek(); ok && s.kind == tChar && s.text == "*" {
		p.in.rawNext()
	}
	name, ok := p.macroName(t)
	if !ok {
		return list
	}
	m := &macro{}
	if opt, ok := p.in.readOptionalRaw(); ok {
		if len(opt) != 1 || opt[0].kind != tChar || opt[0].text < "0" || opt[0].text > "9" {
			p.problem(t.pos, t.end, "the number of arguments of \\"+name+" must be a digit 0–9")
			return list
		}
		m.nargs = int(opt[0].text[0] - '0')
		if def, ok := p.in.readOptionalRaw(); ok {
			m.opt, m.hasOp = def, true
		}
	}
	body, ok := p.in.readArgRaw()
	if !ok {
		p.problem(t.pos, t.end, "\\"+t.text+" needs a body")
		return list
	}
	return p.store(list, t, name, m, body)
}

// store checks a macro body's parameters and records the macro.
func (p *parser) store(list []*Node, t token, name string, m *macro, body []token) []*Node {
	for _, b := range body {
		if b.kind == tParam && int(b.text[0]-'0') > m.nargs {
			p.problem(b.pos, b.end, "#"+b.text+" in the body of \\"+name+", which takes "+itoa(m.nargs)+" arguments")
			return list
		}
	}
	m.body = body
	p.macros.defs[name] = m
	return list
}

// macroName reads the \name being defined, braced or not.
func (p *parser) macroName(t token) (string, bool) {
	arg, ok := p.in.readArgRaw()
	if !ok || len(arg) != 1 || arg[0].kind != tCmd {
		p.problem(t.pos, t.end, "\\"+t.text+" must name one command, as in \\"+t.text+"{\\R}")
		return "", false
	}
	return arg[0].text, true
}

// def handles \def\name#1#2{body}; parameters must be #1, #2, … in order
// (TeX's delimited parameters are not supported).
func (p *parser) def(list []*Node, t token) []*Node {
	name, ok := p.in.rawNext()
	if !ok || name.kind != tCmd {
		p.problem(t.pos, t.end, "\\def must be followed by the command to define")
		return list
	}
	m := &macro{}
	for {
		u, ok := p.in.rawPeek()
		if !ok {
			p.problem(t.pos, t.end, "\\def\\"+name.text+" has no body")
			return list
		}
		if u.kind == tBegin {
			break
		}
		p.in.rawNext()
		if u.kind != tParam || int(u.text[0]-'0') != m.nargs+1 {
			p.problem(u.pos, u.end, "only the parameters #1, #2, … in order may follow \\def\\"+name.text)
			return list
		}
		m.nargs++
	}
	body, _ := p.in.readArgRaw()
	return p.store(list, t, name.text, m, body)
}

// declareOperator handles \DeclareMathOperator{\name}{text} and its
// starred form (limits in display style), as a macro for \operatorname.
func (p *parser) declareOperator(list []*Node, t token) []*Node {
	star := false
	if s, ok := p.in.rawPeek(); ok && s.kind == tChar && s.text == "*" {
		p.in.rawNext()
		star = true
	}
	name, ok := p.macroName(t)
	if !ok {
		return list
	}
	text, ok := p.in.readArgRaw()
	if !ok {
		p.problem(t.pos, t.end, "\\DeclareMathOperator needs the operator's name")
		return list
	}
	body := []token{{kind: tCmd, text: "operatorname"}}
	if star {
		body = append(body, token{kind: tChar, text: "*"})
	}
	body = append(body, token{kind: tBegin, text: "{"})
	body = append(append(body, text...), token{kind: tEnd, text: "}"})
	return p.store(list, t, name, &macro{}, body)
}
