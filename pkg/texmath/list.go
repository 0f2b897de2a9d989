package texmath

// listResult is a laid-out list and, for a top-level inline list, where a
// line may break.
type listResult struct {
	box    *box
	breaks []Break
}

// Break is a place where a paragraph may break an inline formula, at the
// top level after a binary operator or a relation (TeXbook chapter 18: TeX
// allows these breaks with \binoppenalty 700 and \relpenalty 500). The
// line ends at X; the next line starts with the formula's material from
// Resume on (the space after the operator is dropped at a break).
type Break struct {
	X       Length // where the line ends: just after the operator, from the formula's left edge
	Resume  Length // where the next line's material starts, from the formula's left edge; X or more
	Penalty int    // the cost of breaking here: 700 after a binary operator, 500 after a relation
}

// TeX's penalties for breaking after a binary operator and a relation.
const (
	binPenalty = 700
	relPenalty = 500
)

// atom is one element of a list being laid out: a box with its class, or
// glue (explicit space).
type atom struct {
	box   *box
	class Class
	glue  bool
	style mathStyle
}

// spaceTable is TeX's inter-atom spacing (TeXbook p. 170): 0 none, 1 thin
// (3 mu), 2 medium (4 mu), 3 thick (5 mu); negative entries apply only in
// display and text styles. Rows: left atom class; columns: right.
var spaceTable = [8][8]int8{
	//        ord op bin rel open close punct inner
	/*ord*/ {0, 1, -2, -3, 0, 0, 0, -1},
	/*op*/ {1, 1, 0, -3, 0, 0, 0, -1},
	/*bin*/ {-2, -2, 0, 0, -2, 0, 0, -2},
	/*rel*/ {-3, -3, 0, 0, -3, 0, 0, -3},
	/*open*/ {0, 0, 0, 0, 0, 0, 0, 0},
	/*close*/ {0, 1, -2, -3, 0, 0, 0, -1},
	/*punct*/ {-1, -1, 0, -1, -1, -1, -1, -1},
	/*inner*/ {-1, 1, -2, -3, -1, 0, -1, -1},
}

// spaceMu are the widths of thin, medium and thick spaces in mu.
var spaceMu = [4]int{0, 3, 4, 5}

// list lays out a list of nodes in style s. A KStyle node changes the
// style of the atoms after it, as \displaystyle does in TeX. top says the
// list is an inline formula's top level, whose breaks are recorded.
func (l *layouter) list(nodes []*Node, s mathStyle, top bool) listResult {
	atoms := l.atoms(nodes, s, nil)
	fixBinaries(atoms)
	var res listResult
	parts := make([]*box, len(atoms))
	gaps := make([]Length, len(atoms))
	prev := -1
	for i, a := range atoms {
		parts[i] = a.box
		if a.glue {
			continue
		}
		if prev >= 0 {
			gaps[i] = l.space(atoms[prev].class, a.class, a.style)
		}
		prev = i
	}
	res.box = hpack(parts, gaps)
	if top {
		res.breaks = breaks(atoms, parts, gaps)
	}
	if len(atoms) == 1 && !atoms[0].glue {
		one := atoms[0].box
		res.box.glyph, res.box.size, res.box.accentX, res.box.hasAccent = one.glyph, one.size, one.accentX, one.hasAccent
		res.box.limits = one.limits
	}
	return res
}

// atoms lays out each node of a list, splicing in the contents of style
// changes.
func (l *layouter) atoms(nodes []*Node, s mathStyle, out []atom) []atom {
	for _, n := range nodes {
		if n.Kind == KStyle {
			out = l.atoms(n.Kids[0].Kids, mathStyle{n.Style, s.cramped}, out)
			continue
		}
		if n.Kind == KSpace {
			b := newBox()
			b.w = l.mu(n.Width, s)
			out = append(out, atom{box: b, glue: true, style: s})
			continue
		}
		b := l.node(n, s)
		out = append(out, atom{box: b, class: atomClass(n, b), style: s})
	}
	return out
}

// atomClass is the spacing class of a laid-out node.
func atomClass(n *Node, b *box) Class {
	switch n.Kind {
	case KOp, KRow:
		return n.Class
	case KScripts, KAccent:
		if n.Class != Ord {
			return n.Class
		}
		if n.Kind == KScripts {
			return atomClass(n.Kids[0], b)
		}
	case KFenced:
		return Inner
	}
	return Ord // a fraction too: LaTeX's \frac and \binom brace it, MathJax's mfrac is ORD
}

// fixBinaries turns binary operators that have no left or right operand
// into ordinary atoms (TeXbook Appendix G rules 5 and 6): a Bin first in
// the list or after Bin, Op, Rel, Open or Punct, or before Rel, Close or
// Punct, or last.
func fixBinaries(atoms []atom) {
	prev := -1
	for i := range atoms {
		if atoms[i].glue {
			continue
		}
		c := atoms[i].class
		if c == Bin && (prev < 0 || isBinBreaker(atoms[prev].class)) {
			atoms[i].class = Ord
		}
		if prev >= 0 && atoms[prev].class == Bin && (c == Rel || c == Close || c == Punct) {
			atoms[prev].class = Ord
		}
		prev = i
	}
	if prev >= 0 && atoms[prev].class == Bin {
		atoms[prev].class = Ord
	}
}

// isBinBreaker reports whether a Bin after an atom of class c is unary.
func isBinBreaker(c Class) bool {
	return c == Bin || c == Op || c == Rel || c == Open || c == Punct
}

// space is the space between two atoms in style s.
func (l *layouter) space(left, right Class, s mathStyle) Length {
	v := spaceTable[left][right]
	if v < 0 {
		if s.level >= StyleScript {
			return 0
		}
		v = -v
	}
	return l.mu(spaceMu[v], s)
}

// breaks lists the break opportunities after top-level Bin and Rel atoms,
// except before another relation or punctuation and at the end.
func breaks(atoms []atom, parts []*box, gaps []Length) []Break {
	var out []Break
	x := Length(0)
	for i, a := range atoms {
		x += gaps[i] + parts[i].w
		if a.glue || (a.class != Bin && a.class != Rel) {
			continue
		}
		next := nextAtom(atoms, i)
		if next < 0 || (atoms[next].class == Rel || atoms[next].class == Punct) {
			continue
		}
		resume := x
		for j := i + 1; j <= next; j++ {
			resume += gaps[j]
			if j < next {
				resume += parts[j].w
			}
		}
		p := relPenalty
		if a.class == Bin {
			p = binPenalty
		}
		out = append(out, Break{X: x, Resume: resume, Penalty: p})
	}
	return out
}

// nextAtom returns the index of the next non-glue atom after i, or -1.
func nextAtom(atoms []atom, i int) int {
	for j := i + 1; j < len(atoms); j++ {
		if !atoms[j].glue {
			return j
		}
	}
	return -1
}
