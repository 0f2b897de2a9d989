package texmath

import "unicode/utf8"

// attachScript parses the argument of ^ or _ and attaches it to the last
// atom of list (or to an empty base).
func (p *parser) attachScript(list []*Node, op token) []*Node {
	arg := p.parseArg(op, true)
	if arg == nil {
		return list
	}
	base, list := takeBase(list, op.pos)
	slot := 2
	if op.kind == tSub {
		slot = 1
	}
	if base.Kids[slot] != nil {
		what := "superscript"
		if slot == 1 {
			what = "subscript"
		}
		p.problem(op.pos, op.end, "double "+what+": use braces, as in x^{a^b}")
		return append(list, base)
	}
	base.Kids[slot] = arg
	base.End = max(base.End, arg.End)
	return append(list, base)
}

// takeBase removes the last atom of list and returns it wrapped in a
// KScripts node (or the KScripts node it already is).
func takeBase(list []*Node, pos int) (*Node, []*Node) {
	if len(list) > 0 {
		last := list[len(list)-1]
		if last.Kind == KScripts {
			return last, list[:len(list)-1]
		}
		if last.Kind != KSpace {
			s := &Node{Kind: KScripts, Kids: []*Node{last, nil, nil}, Pos: last.Pos, End: last.End}
			if last.Kind == KOp {
				s.Flags = last.Flags & (FLimits | FNoLimits | FForceLim)
			}
			return s, list[:len(list)-1]
		}
	}
	empty := &Node{Kind: KRow, Pos: pos, End: pos}
	return &Node{Kind: KScripts, Kids: []*Node{empty, nil, nil}, Pos: pos, End: pos}, list
}

// attachPrimes turns a run of ' into a superscript ′, ″ or ‴ (more are
// repeated), merged in front of a superscript that follows (f'^2).
func (p *parser) attachPrimes(list []*Node, first token) []*Node {
	n, end := 1, first.end
	for {
		t, ok := p.in.rawPeek()
		if !ok || t.kind != tChar || t.text != "'" {
			break
		}
		p.in.rawNext()
		n, end = n+1, t.end
	}
	text := ""
	for ; n >= 3; n -= 3 {
		text += "‴"
	}
	text += []string{"", "′", "″"}[n]
	prime := &Node{Kind: KOp, Text: text, Class: Ord, Pos: first.pos, End: end}
	base, list := takeBase(list, first.pos)
	if base.Kids[2] != nil {
		p.problem(first.pos, end, "prime after a superscript: write f'^2, not f^2'")
		return append(list, base)
	}
	sup := &Node{Kind: KRow, Kids: []*Node{prime}, Flags: FPrime, Pos: first.pos, End: end}
	if t, ok := p.in.peek(); ok && t.kind == tSup {
		p.in.next()
		if more := p.parseArg(t, true); more != nil {
			sup.Kids = append(sup.Kids, more)
			sup.End = more.End
		}
	}
	base.Kids[2] = sup
	base.End = max(base.End, sup.End)
	return append(list, base)
}

// parseArg parses the argument of a command or script: a braced group, or a
// single token's atom. script says the argument belongs to ^ or _, where a
// missing argument is reported as such.
func (p *parser) parseArg(after token, script bool) *Node {
	t, ok := p.skipSpace()
	if !ok || t.kind == tEnd || t.kind == tAmp || t.kind == tSup || t.kind == tSub {
		what := "\\" + after.text + " needs an argument"
		if script {
			what = after.text + " needs something to raise or lower"
		}
		p.problem(after.pos, after.end, what)
		return nil
	}
	p.in.next()
	switch t.kind {
	case tBegin:
		return p.group(t)
	case tChar:
		if t.text == "'" {
			return &Node{Kind: KOp, Text: "′", Class: Ord, Pos: t.pos, End: t.end}
		}
		return p.singleChar(t)
	case tCmd:
		list := p.command(nil, t)
		if len(list) == 1 {
			return list[0]
		}
		return row(list, t.pos, t.end)
	}
	p.problem(t.pos, t.end, "unexpected "+describe(t))
	return nil
}

// singleChar is the atom of one character as an argument: \frac12 takes
// the 1 and the 2 separately, not the number 12.
func (p *parser) singleChar(t token) *Node {
	switch r, _ := utf8.DecodeRuneInString(t.text); {
	case r >= '0' && r <= '9':
		return &Node{Kind: KNumber, Text: t.text, Variant: p.variant, Pos: t.pos, End: t.end}
	case isTextScript(r):
		return &Node{Kind: KText, Text: t.text, Pos: t.pos, End: t.end}
	}
	return p.charAtom(t)
}

// skipSpace drops space tokens (expanding macros) and peeks at the next.
func (p *parser) skipSpace() (token, bool) {
	for {
		t, ok := p.in.peek()
		if !ok || t.kind != tSpace {
			return t, ok
		}
		p.in.next()
	}
}
