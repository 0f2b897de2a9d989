package texmath

// Kind is the kind of a Node. The kinds follow MathML's presentation
// elements, so that the MathML writer is a direct walk; the layout reads the
// same tree.
type Kind uint8

// The node kinds.
const (
	KRow      Kind = iota // a horizontal list (mrow); a TeX group {…} is a row of class ord
	KIdent                // an identifier (mi): one letter, or a word in a named variant
	KNumber               // a number (mn)
	KOp                   // an operator or other symbol atom (mo), with its spacing class
	KText                 // text from \text{…} (mtext); may be Korean
	KSpace                // explicit space (mspace); Width in mu
	KScripts              // Kids[0] base, Kids[1] subscript or nil, Kids[2] superscript or nil
	KFrac                 // Kids[0] numerator, Kids[1] denominator
	KRoot                 // Kids[0] radicand, Kids[1] degree or nil
	KFenced               // \left … \right: Kids[0] the inner row; Open and Close delimiters
	KAccent               // Kids[0] base; Text the accent character; Under for under-accents
	KTable                // rows of cells: Kids are KTableRow nodes
	KTableRow             // Kids are cells (KRow); Eq indexes Formula.Equations or is -1
	KStyle                // Kids[0] set in Style
	KPhantom              // Kids[0] takes its space but is not drawn
	KRef                  // \eqref{Text} or \ref{Text}: a link to a labelled equation
)

// Class is a TeX atom class, which decides the space between neighbouring
// atoms (TeXbook chapter 17 and Appendix G).
type Class uint8

// The atom classes.
const (
	Ord Class = iota
	Op
	Bin
	Rel
	Open
	Close
	Punct
	Inner
)

// Variant is a math alphabet (MathML's mathvariant).
type Variant uint8

// The variants. VarDefault is italic for a single Latin or lower-case Greek
// letter and upright for everything else, as in TeX.
const (
	VarDefault Variant = iota
	VarNormal
	VarItalic
	VarBold
	VarBoldItalic
	VarDoubleStruck
	VarScript
	VarFraktur
	VarSansSerif
	VarMonospace
)

// Style is a TeX math style.
type Style uint8

// The four styles, largest first.
const (
	StyleDisplay Style = iota
	StyleText
	StyleScript
	StyleScriptScript
)

// Flags are properties of an operator or a script node.
type Flags uint16

// The flags.
const (
	FLargeOp  Flags = 1 << iota // a big operator (∑ ∫): larger in display style
	FLimits                     // scripts go above and below in display style (\sum, \lim)
	FNoLimits                   // \nolimits: scripts to the side even in display style
	FForceLim                   // \limits, \overset, accents with scripts: always above and below
	FNamed                      // a named operator set upright (\sin, \operatorname)
	FStretchy                   // a delimiter that grows (\left, \middle, \big)
	FMiddle                     // a \middle delimiter
	FPrime                      // a superscript made of primes
	FWide                       // an accent that stretches to the width of its base
	FBinom                      // a fraction without a rule, in parentheses
	FStar                       // \tag*: no parentheses
)

// Node is one element of the math tree. Pos and End are byte offsets of the
// TeX source the node came from (for a node made by a macro, the macro
// call).
type Node struct {
	// Kind says what the node is, and so which of the fields below and
	// which Kids it has.
	Kind Kind
	// Pos is the byte offset in Formula.Source where the node's TeX
	// starts; it and End are 0 for a node with no TeX of its own (a table
	// row, an empty cell).
	Pos     int
	End     int     // the byte offset just past the node's TeX
	Text    string  // character(s) of KIdent, KNumber, KOp, KText, KAccent; label of KRef; environment of KTable
	Class   Class   // spacing class of the atom
	Variant Variant // alphabet of KIdent, KNumber
	Flags   Flags   // properties of an operator or a script node; 0 for none
	Style   Style   // for KStyle, and the style a KFrac forces (\dfrac) when FracStyle is set
	Width   int     // KSpace: width in mu (1/18 em)
	Size    int     // KOp delimiter size: 1..4 for \big \Big \bigg \Bigg, 0 otherwise
	Open    string  // KFenced: opening delimiter ("" for \left.)
	Close   string  // KFenced: closing delimiter
	Columns string  // KTable: one letter per column: l, c or r
	Eq      int     // KTableRow: index into Formula.Equations, or -1
	// Kids are the node's children, whose roles the kinds describe
	// (KScripts: base, subscript, superscript); an optional child the
	// TeX leaves out is nil. Empty for leaves (KIdent, KNumber, KOp …).
	Kids []*Node

	fracStyle bool // KFrac: Style is forced (\dfrac, \tfrac)
	under     bool // KAccent: under the base
	rowGap    int  // KTable: extra space between rows in 1/100 em (\jot in aligned)
	colGap    int  // KTable: space between columns in mu
	pairs     bool // KTable: columns alternate right and left (align)
}

// Under reports whether an accent node sits under its base.
func (n *Node) Under() bool { return n.under }

// Equation is one line of a display formula that may carry a number: the
// whole formula, or one row of a numbered environment (align, gather,
// equation).
type Equation struct {
	Tag      *Node  // explicit \tag{…} content, or nil
	Numbered bool   // gets an automatic number when the caller numbers equations (AMS rules)
	Label    string // \label{…}, or ""
	LabelPos int    // byte offset of the \label
	Number   string // set by the caller before Layout: the automatic number, without parentheses
}

// Formula is a parsed TeX formula.
type Formula struct {
	Root    *Node  // a KRow
	Display bool   // Parse's display: Layout sets display math in display style, inline math in text style
	Source  string // the TeX given to Parse; the byte offsets of nodes index it
	// Equations are the formula's numberable lines: Equations[0] is the
	// formula as a whole, and each row of a numbered environment (align,
	// gather) adds one. A parsed formula has at least one.
	Equations []Equation
}

// Problem is something in the TeX source that stops the formula from being
// typeset. Pos and End are byte offsets into the source, 0 ≤ Pos ≤ End ≤
// len(source).
type Problem struct {
	Pos, End int    // the problem is source[Pos:End]
	Msg      string // what is wrong, for a user, without the position
}

// Refs returns the \eqref and \ref nodes of the formula, in source order.
func (f *Formula) Refs() []*Node {
	var out []*Node
	stack := []*Node{f.Root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Kind == KRef {
			out = append(out, n)
		}
		for i := len(n.Kids) - 1; i >= 0; i-- {
			stack = append(stack, n.Kids[i])
		}
	}
	for i := range f.Equations {
		if t := f.Equations[i].Tag; t != nil {
			stack = append(stack, t)
		}
	}
	for len(stack) > 0 { // a \tag may hold an \eqref too
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == KRef {
			out = append(out, n)
		}
		stack = append(stack, n.Kids...)
	}
	return out
}
