package texmath

// tag handles \tag{…} and \tag*{…}: the equation's label text, set as text.
func (p *parser) tag(list []*Node, t token) []*Node {
	star := false
	if s, ok := p.in.rawPeek(); ok && s.kind == tChar && s.text == "*" {
		p.in.rawNext()
		star = true
	}
	text := textCmd(p, nil, t)
	if len(text) != 1 {
		return list
	}
	eq := &p.formula.Equations[p.eq]
	if eq.Tag != nil {
		p.problem(t.pos, text[0].End, "a second \\tag for one equation")
		return list
	}
	if star {
		text[0].Flags |= FStar
	}
	eq.Tag = text[0]
	return list
}

// label handles \label{name}.
func (p *parser) label(list []*Node, t token) []*Node {
	name, end, ok := p.plainArg(t)
	if !ok {
		return list
	}
	eq := &p.formula.Equations[p.eq]
	if eq.Label != "" {
		p.problem(t.pos, end, "a second \\label for one equation")
		return list
	}
	eq.Label, eq.LabelPos = name, t.pos
	return list
}

// notag handles \notag and \nonumber.
func (p *parser) notag(list []*Node, _ token) []*Node {
	p.formula.Equations[p.eq].Numbered = false
	return list
}

// refCmd handles \eqref{name} (the number in parentheses) and \ref{name}.
func refCmd(paren bool) commandHandler {
	return func(p *parser, list []*Node, t token) []*Node {
		name, end, ok := p.plainArg(t)
		if !ok {
			return list
		}
		n := &Node{Kind: KRef, Text: name, Pos: t.pos, End: end}
		if !paren {
			n.Flags |= FStar
		}
		return append(list, n)
	}
}
