package texmath

import "strings"

// envSpec describes an environment: columns, spacing, fences, numbering.
type envSpec struct {
	columns  string // alignment letters, repeated as needed; "" for array's argument
	open     string // delimiters around the table
	close    string
	colGap   int   // space between columns, mu
	rowGap   int   // extra space between rows, 1/100 em
	pairs    bool  // align-like: right/left pairs, space between pairs
	style    Style // style of the cells
	styled   bool  // style is forced
	numbered bool  // rows are numbered equations
	single   bool  // one row only: equation
}

// environments are the environments MathJax's AMS support offers that
// posts use. Spacing follows amsmath: matrix columns 2\arraycolsep = 1 em
// apart; cases a \quad and rows 1.2 times as far apart; align's \jot of
// 3 pt (0.3 em at 10 pt) between rows.
var environments = map[string]envSpec{
	"matrix": {columns: "c", colGap: 18}, "pmatrix": {columns: "c", colGap: 18, open: "(", close: ")"},
	"bmatrix": {columns: "c", colGap: 18, open: "[", close: "]"}, "Bmatrix": {columns: "c", colGap: 18, open: "{", close: "}"},
	"vmatrix": {columns: "c", colGap: 18, open: "|", close: "|"}, "Vmatrix": {columns: "c", colGap: 18, open: "‖", close: "‖"},
	"smallmatrix": {columns: "c", colGap: 6, style: StyleScript, styled: true},
	"cases":       {columns: "ll", colGap: 18, open: "{", rowGap: 20}, "dcases": {columns: "ll", colGap: 18, open: "{", rowGap: 20, style: StyleDisplay, styled: true},
	"rcases":    {columns: "ll", colGap: 18, close: "}", rowGap: 20},
	"aligned":   {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true},
	"alignedat": {columns: "rl", pairs: true, rowGap: 30, style: StyleDisplay, styled: true},
	"split":     {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true},
	"align":     {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true, numbered: true},
	"align*":    {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true},
	"alignat":   {columns: "rl", pairs: true, rowGap: 30, style: StyleDisplay, styled: true, numbered: true},
	"alignat*":  {columns: "rl", pairs: true, rowGap: 30, style: StyleDisplay, styled: true},
	"flalign":   {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true, numbered: true},
	"flalign*":  {columns: "rl", pairs: true, colGap: 36, rowGap: 30, style: StyleDisplay, styled: true},
	"gather":    {columns: "c", rowGap: 30, style: StyleDisplay, styled: true, numbered: true},
	"gather*":   {columns: "c", rowGap: 30, style: StyleDisplay, styled: true},
	"gathered":  {columns: "c", rowGap: 30, style: StyleDisplay, styled: true},
	"multline":  {columns: "c", rowGap: 30, style: StyleDisplay, styled: true, numbered: true},
	"multline*": {columns: "c", rowGap: 30, style: StyleDisplay, styled: true},
	"equation":  {single: true, numbered: true},
	"equation*": {single: true},
	"array":     {colGap: 18},
	"subarray":  {colGap: 0, style: StyleScript, styled: true},
}

// environment handles \begin{name} … \end{name}.
func (p *parser) environment(list []*Node, t token) []*Node {
	name, end, ok := p.plainArg(t)
	if !ok {
		return list
	}
	spec, known := environments[name]
	if !known {
		p.problem(t.pos, end, "unknown environment "+name)
		return list
	}
	if name == "array" || name == "subarray" || name == "alignat" || name == "alignat*" || name == "alignedat" {
		cols, _, ok := p.plainArg(token{kind: tCmd, text: "begin{" + name + "}", pos: t.pos, end: end})
		if !ok {
			return list
		}
		if strings.HasPrefix(name, "align") {
			spec.colGap = 0
		} else {
			spec.columns = columnLetters(cols)
		}
	}
	if spec.single {
		return p.equationEnv(list, t, name, spec)
	}
	table := p.tableBody(t, name, spec)
	if table == nil {
		return list
	}
	if spec.open != "" || spec.close != "" {
		table = &Node{Kind: KFenced, Open: spec.open, Close: spec.close, Class: Inner, Kids: []*Node{row([]*Node{table}, table.Pos, table.End)}, Pos: table.Pos, End: table.End}
	}
	return append(list, table)
}

// columnLetters keeps the l, c, r of an array's column specification;
// rules (|) and other specifiers are dropped (p{…} counts as l).
func columnLetters(spec string) string {
	var b strings.Builder
	for _, r := range spec {
		switch r {
		case 'l', 'c', 'r':
			b.WriteRune(r)
		case 'p', 'm':
			b.WriteByte('l')
		}
	}
	if b.Len() == 0 {
		return "c"
	}
	return b.String()
}

// equationEnv handles equation and equation*: one numbered line.
func (p *parser) equationEnv(list []*Node, t token, name string, spec envSpec) []*Node {
	p.formula.Equations[p.eq].Numbered = spec.numbered
	kids := p.parseList(stopCell)
	if !p.endEnv(t, name) {
		return list
	}
	return append(list, kids...)
}

// tableBody parses the rows and cells of a table environment up to its
// \end.
func (p *parser) tableBody(t token, name string, spec envSpec) *Node {
	table := &Node{Kind: KTable, Text: name, Columns: spec.columns, colGap: spec.colGap, rowGap: spec.rowGap, pairs: spec.pairs, Pos: t.pos}
	if spec.styled {
		table.Style, table.fracStyle = spec.style, true
	}
	savedEq := p.eq
	defer func() { p.eq = savedEq }()
	for !p.failed() {
		r := &Node{Kind: KTableRow, Eq: -1}
		if spec.numbered {
			p.formula.Equations = append(p.formula.Equations, Equation{Numbered: true})
			p.eq = len(p.formula.Equations) - 1
			r.Eq = p.eq
		}
		done := p.tableRow(r)
		table.Kids = append(table.Kids, r)
		if done {
			break
		}
	}
	if !p.endEnv(t, name) {
		return nil
	}
	table.End = p.lastEnd
	dropEmptyLastRow(table, p.formula)
	return table
}

// tableRow parses the cells of one row and the separator after it; it
// reports whether the table ends (\end follows).
func (p *parser) tableRow(r *Node) (done bool) {
	for !p.failed() {
		cell := p.parseList(stopCell)
		r.Kids = append(r.Kids, row(cell, 0, 0))
		u, ok := p.in.peek()
		if !ok {
			return true
		}
		switch {
		case u.kind == tAmp:
			p.in.next()
		case u.kind == tCmd && u.text == "\\":
			p.in.next()
			p.skipOptionalLength()
			p.skipHline()
			return false
		default:
			return true
		}
	}
	return true
}

// dropEmptyLastRow removes a last row that is one empty cell: the row a
// trailing \\ before \end makes.
func dropEmptyLastRow(table *Node, f *Formula) {
	n := len(table.Kids)
	if n < 2 {
		return
	}
	last := table.Kids[n-1]
	if len(last.Kids) == 1 && len(last.Kids[0].Kids) == 0 {
		table.Kids = table.Kids[:n-1]
		if last.Eq == len(f.Equations)-1 && f.Equations[last.Eq].Tag == nil && f.Equations[last.Eq].Label == "" {
			f.Equations = f.Equations[:last.Eq]
		}
	}
}

// endEnv takes \end{name}, reporting a missing or mismatched one.
func (p *parser) endEnv(begin token, name string) bool {
	u, ok := p.in.next()
	if !ok || u.kind != tCmd || u.text != "end" {
		if !p.failed() {
			p.problem(begin.pos, begin.end, "\\begin{"+name+"} without \\end{"+name+"}")
		}
		return false
	}
	got, end, ok := p.plainArg(u)
	if !ok {
		return false
	}
	if got != name {
		p.problem(u.pos, end, "\\end{"+got+"} closes \\begin{"+name+"}")
		return false
	}
	p.lastEnd = end
	return true
}

// skipOptionalLength drops the [length] after \\ (extra row space is not
// kept).
func (p *parser) skipOptionalLength() {
	if t, ok := p.in.rawPeek(); ok && t.kind == tChar && t.text == "[" {
		p.in.readOptionalRaw()
	}
}

// skipHline drops \hline and \hdashline after a row (rules between rows
// are not drawn).
func (p *parser) skipHline() {
	for {
		t, ok := p.skipSpace()
		if !ok || t.kind != tCmd || (t.text != "hline" && t.text != "hdashline") {
			return
		}
		p.in.next()
	}
}
