package texmath

// delimiterNames maps the delimiter commands allowed after \left, \right,
// \middle and \big to their characters.
var delimiterNames = map[string]string{
	"{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
	"lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "vert": "|", "Vert": "‖", "|": "‖",
	"lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "lbrack": "[", "rbrack": "]",
	"backslash": "\\", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
	"Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕", "lgroup": "⟮", "rgroup": "⟯",
	"ulcorner": "⌜", "urcorner": "⌝", "llcorner": "⌞", "lrcorner": "⌟", "lmoustache": "⎰", "rmoustache": "⎱",
}

// delimiterChars are the plain characters allowed as delimiters ("." is
// the null delimiter).
const delimiterChars = "()[]|/.<>"

// readDelimiter reads the delimiter after \left, \right, \middle or \big.
// It returns "" for the null delimiter ".".
func (p *parser) readDelimiter(after token) (string, int, bool) {
	t, ok := p.skipSpace()
	if !ok {
		p.problem(after.pos, after.end, "\\"+after.text+" needs a delimiter")
		return "", 0, false
	}
	p.in.next()
	switch {
	case t.kind == tChar && len(t.text) == 1 && containsByte(delimiterChars, t.text[0]):
		switch t.text {
		case ".":
			return "", t.end, true
		case "<":
			return "⟨", t.end, true
		case ">":
			return "⟩", t.end, true
		}
		return t.text, t.end, true
	case t.kind == tCmd && delimiterNames[t.text] != "":
		return delimiterNames[t.text], t.end, true
	case t.kind == tChar && (t.text == "⟨" || t.text == "⟩" || t.text == "‖"):
		return t.text, t.end, true
	}
	p.problem(t.pos, t.end, describe(t)+" is not a delimiter after \\"+after.text)
	return "", 0, false
}

// containsByte reports whether s contains c.
func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// fenced handles \left … \middle … \right.
func (p *parser) fenced(list []*Node, t token) []*Node {
	open, _, ok := p.readDelimiter(t)
	if !ok {
		return list
	}
	n := &Node{Kind: KFenced, Open: open, Class: Inner, Pos: t.pos}
	var inner []*Node
	for !p.failed() {
		inner = append(inner, p.parseList(stopFence)...)
		u, ok := p.in.next()
		if !ok || u.kind != tCmd {
			p.problem(t.pos, t.end, "\\left without a matching \\right")
			if ok && u.kind == tEnd {
				p.problem(u.pos, u.end, "} closes a group opened before \\left")
			}
			return list
		}
		d, end, ok := p.readDelimiter(u)
		if !ok {
			return list
		}
		if u.text == "right" {
			n.Close, n.End = d, end
			n.Kids = []*Node{row(inner, min(t.end, u.pos), max(t.end, u.pos))}
			return append(list, n)
		}
		inner = append(inner, &Node{Kind: KOp, Text: d, Class: Rel, Flags: FStretchy | FMiddle, Pos: u.pos, End: end})
	}
	return list
}

// bigDelimiter recognises \big, \Bigl, \biggr, \Biggm …: size 1–4 and the
// class the suffix gives (l open, r close, m relation, none ord).
func bigDelimiter(name string) (size int, class Class, ok bool) {
	sizes := map[string]int{"big": 1, "Big": 2, "bigg": 3, "Bigg": 4}
	for stem, s := range sizes {
		if len(name) < len(stem) || name[:len(stem)] != stem {
			continue
		}
		switch name[len(stem):] {
		case "":
			return s, Ord, true
		case "l":
			return s, Open, true
		case "r":
			return s, Close, true
		case "m":
			return s, Rel, true
		}
	}
	return 0, 0, false
}

// bigDelim parses the delimiter after \big and friends.
func (p *parser) bigDelim(t token, size int, class Class) *Node {
	d, end, ok := p.readDelimiter(t)
	if !ok {
		return &Node{Kind: KRow, Pos: t.pos, End: t.end}
	}
	return &Node{Kind: KOp, Text: d, Class: class, Size: size, Flags: FStretchy, Pos: t.pos, End: end}
}
