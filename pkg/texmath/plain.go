package texmath

import "strings"

// Plain returns the formula as one line of Unicode text, for places that
// hold text and no pictures: a table of contents, a PDF bookmark, an EPUB
// navigation entry, a running head. Letters stay plain (math italic would
// defeat searching) but for the alphabets that carry meaning (ℝ, 𝓛, 𝐱);
// scripts use the Unicode superscript and subscript characters when all of
// theirs have one, and ^ or _ otherwise; a fraction is a/b; operators
// keep their symbols, with a space around relations and binary operators.
// ref resolves \eqref as in Options; nil shows (??).
func (f *Formula) Plain(ref func(label string) (string, bool)) string {
	p := plainWriter{ref: ref, first: true}
	p.node(f.Root)
	return strings.Join(strings.Fields(p.b.String()), " ")
}

type plainWriter struct {
	b   strings.Builder
	ref func(string) (string, bool)
	// spaceAfter asks for a space before what comes next unless it opens
	// with a bracket: after a named operator (log x, but ReLU(x)) or a big
	// operator with its limits.
	spaceAfter bool
	// prev is the class of the last atom written in the current row, for
	// TeX's rule that a binary operator with no left operand (−1) is
	// unary.
	prev  Class
	first bool
}

// sub writes n on its own and returns the text.
func (p *plainWriter) sub(n *Node) string {
	q := plainWriter{ref: p.ref, first: true}
	q.node(n)
	return strings.Join(strings.Fields(q.b.String()), " ")
}

// atom writes the text of n, in parentheses when it is more than one
// character and so would not read as one operand.
func (p *plainWriter) atom(n *Node) string {
	s := p.sub(n)
	if len([]rune(s)) > 1 && !(n.Kind == KFenced || n.Kind == KRow && len(n.Kids) == 1 && n.Kids[0].Kind == KFenced) && !isNumber(s) {
		return "(" + s + ")"
	}
	return s
}

func isNumber(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return s != ""
}

func (p *plainWriter) node(n *Node) {
	if n == nil {
		return
	}
	if p.spaceAfter {
		p.spaceAfter = false
		if !(n.Kind == KFenced || n.Kind == KOp && n.Class == Open) {
			p.b.WriteString(" ")
		}
	}
	class := Ord
	switch n.Kind {
	case KOp:
		class = n.Class
	case KScripts:
		if b := n.Kids[0]; b != nil && b.Kind == KOp {
			class = b.Class
		}
	case KFenced:
		class = Inner
	}
	defer func() { p.prev, p.first = class, false }()
	switch n.Kind {
	case KRow:
		p.first = true
		for _, k := range n.Kids {
			p.node(k)
		}
	case KIdent, KNumber:
		text := n.Text
		switch n.Variant {
		case VarDoubleStruck, VarScript, VarFraktur, VarBold, VarBoldItalic:
			if t, ok := alphabetText(n.Text, n.Variant); ok {
				text = t
			}
		}
		if n.Flags&FNamed != 0 {
			text = " " + text
			p.spaceAfter = true
		}
		p.b.WriteString(text)
	case KOp:
		unary := n.Class == Bin && (p.first || p.prev == Bin || p.prev == Rel || p.prev == Open || p.prev == Punct || p.prev == Op)
		switch {
		case unary:
			p.b.WriteString(n.Text)
			class = Ord
		case n.Class == Rel || n.Class == Bin:
			p.b.WriteString(" " + n.Text + " ")
		case n.Class == Punct:
			p.b.WriteString(n.Text + " ")
		case n.Flags&(FNamed|FLargeOp) != 0:
			p.b.WriteString(" " + n.Text)
			p.spaceAfter = true
		default:
			p.b.WriteString(n.Text)
		}
	case KText:
		p.b.WriteString(n.Text)
	case KSpace:
		if n.Width >= 3 { // a thin space or wider reads as a space
			p.b.WriteString(" ")
		}
	case KScripts:
		p.node(n.Kids[0])
		after := p.spaceAfter // the base's space goes after its scripts
		p.spaceAfter = false
		if n.Kids[1] != nil {
			p.b.WriteString(script(p.sub(n.Kids[1]), subscripts, "_"))
		}
		if n.Kids[2] != nil {
			p.b.WriteString(script(p.sub(n.Kids[2]), superscripts, "^"))
		}
		p.spaceAfter = after
	case KFrac:
		p.b.WriteString(p.atom(n.Kids[0]) + "/" + p.atom(n.Kids[1]))
	case KRoot:
		sign := "√"
		if n.Kids[1] != nil {
			switch d := p.sub(n.Kids[1]); d {
			case "3":
				sign = "∛"
			case "4":
				sign = "∜"
			default:
				sign = script(d, superscripts, "^") + "√"
			}
		}
		p.b.WriteString(sign + p.atom(n.Kids[0]))
	case KFenced:
		p.b.WriteString(n.Open)
		p.node(n.Kids[0])
		p.b.WriteString(n.Close)
	case KAccent:
		base := p.sub(n.Kids[0])
		if len([]rune(base)) == 1 {
			p.b.WriteString(base + n.Text)
		} else {
			p.b.WriteString(base)
		}
	case KTable:
		for i, row := range n.Kids {
			if i > 0 {
				p.b.WriteString("; ")
			}
			for j, cell := range row.Kids {
				if j > 0 {
					p.b.WriteString(" ")
				}
				p.node(cell)
			}
		}
	case KStyle:
		p.node(n.Kids[0])
	case KPhantom:
	case KRef:
		p.b.WriteString(refText(n, p.ref))
	}
}

// The characters with a Unicode superscript or subscript form.
var (
	superscripts = map[rune]rune{'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
		'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ', '′': '′', '″': '″', '*': '*', '∗': '*', 'T': 'ᵀ'}
	subscripts = map[rune]rune{'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
		'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎', 'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ', 'x': 'ₓ', 'i': 'ᵢ', 'j': 'ⱼ',
		'k': 'ₖ', 'n': 'ₙ', 'm': 'ₘ', 't': 'ₜ', 'p': 'ₚ', 's': 'ₛ', 'r': 'ᵣ', 'l': 'ₗ', 'h': 'ₕ', 'u': 'ᵤ', 'v': 'ᵥ'}
)

// script writes s with the characters of forms, or after mark (in
// parentheses when longer than a character) when one has no such form.
func script(s string, forms map[rune]rune, mark string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, " ", "") {
		f, ok := forms[r]
		if !ok {
			if len([]rune(s)) > 1 {
				return mark + "(" + s + ")"
			}
			return mark + s
		}
		b.WriteRune(f)
	}
	return b.String()
}
