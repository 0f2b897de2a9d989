package texmath

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MathMLOptions control the MathML writer.
type MathMLOptions struct {
	// Ref resolves \eqref and \ref, as in Options.
	Ref func(label string) (string, bool)
	// Link gives the address an \eqref or \ref leads to (such as
	// "#eq-1"), written as the href of its mtext (MathML 3); nil, or false
	// for a label, writes none.
	Link func(label string) (string, bool)
	// Core writes what MathML Core renderers (Chromium, WebKit) show:
	// math alphabets (\mathbf, \mathbb, \mathcal …) as the characters of
	// Unicode's Mathematical Alphanumeric Symbols, since MathML Core keeps
	// mathvariant only for "normal"; the tag of a table row as the row's
	// last cell after a 2 em space, since it has no mlabeledtr; and no tag
	// for a formula that is one equation: the caller sets Formula.OwnTag
	// beside it. Without Core the output is MathML 3, with mathvariant and
	// mlabeledtr.
	Core bool
}

// MathML writes the formula as presentation MathML 3: a <math> element in
// the MathML namespace, with display="block" for display formulas and the
// TeX source in alttext, ready to embed in XHTML (only the five XML
// escapes are used; no named entities). Equation tags become labelled
// table rows (mlabeledtr).
func (f *Formula) MathML(opt MathMLOptions) string {
	w := &mathmlWriter{ref: opt.Ref, link: opt.Link, core: opt.Core}
	display := "inline"
	if f.Display {
		display = "block"
	}
	w.b.WriteString(`<math xmlns="http://www.w3.org/1998/Math/MathML" display="` + display + `" alttext="` + escapeXML(f.Source) + `">`)
	w.eqs = f.Equations
	if tag := f.OwnTag(); tag != "" && !opt.Core {
		w.b.WriteString(`<mtable><mlabeledtr><mtd><mtext>` + escapeXML(tag) + `</mtext></mtd><mtd>`)
		w.row(f.Root.Kids)
		w.b.WriteString(`</mtd></mlabeledtr></mtable>`)
	} else {
		w.row(f.Root.Kids)
	}
	w.b.WriteString("</math>")
	return w.b.String()
}

// OwnTag returns the tag of a formula that is one equation (its rows, if
// it has any, carry none): its \tag in parentheses (as written with
// \tag*), or its Number in parentheses; "" when it has neither, or when
// the tags belong to table rows.
func (f *Formula) OwnTag() string {
	if hasRowTags(f.Root) {
		return ""
	}
	return tagText(f.Equations, 0)
}

// tagText is the tag of equation i: its \tag (in parentheses unless
// starred) or its number in parentheses, or "".
func tagText(eqs []Equation, i int) string {
	if i < 0 || i >= len(eqs) {
		return ""
	}
	eq := eqs[i]
	switch {
	case eq.Tag != nil && eq.Tag.Flags&FStar != 0:
		return eq.Tag.Text
	case eq.Tag != nil:
		return "(" + eq.Tag.Text + ")"
	case eq.Number != "":
		return "(" + eq.Number + ")"
	}
	return ""
}

// hasRowTags reports whether a table row in the tree carries an equation.
func hasRowTags(n *Node) bool {
	if n == nil {
		return false
	}
	if n.Kind == KTableRow && n.Eq >= 0 {
		return true
	}
	for _, k := range n.Kids {
		if hasRowTags(k) {
			return true
		}
	}
	return false
}

// mathmlWriter accumulates the markup.
type mathmlWriter struct {
	b    strings.Builder
	ref  func(string) (string, bool)
	link func(string) (string, bool)
	eqs  []Equation
	core bool
}

// row writes a list of nodes as an mrow's contents.
func (w *mathmlWriter) row(kids []*Node) {
	for _, k := range kids {
		w.node(k)
	}
}

// mrow writes a node wrapped in one element, as MathML's fixed-arity
// elements (mfrac, msub …) need.
func (w *mathmlWriter) mrow(n *Node) {
	if n == nil {
		w.b.WriteString("<mrow/>")
		return
	}
	if n.Kind == KRow && len(n.Kids) == 1 && n.Class == Ord {
		w.node(n.Kids[0])
		return
	}
	if n.Kind == KRow {
		w.b.WriteString("<mrow>")
		w.row(n.Kids)
		w.b.WriteString("</mrow>")
		return
	}
	w.node(n)
}

// token writes an identifier or number: in Core, a math alphabet becomes
// its characters, when Unicode has them all.
func (w *mathmlWriter) token(tag string, n *Node) {
	if w.core && n.Variant != VarDefault && n.Variant != VarNormal {
		if text, ok := alphabetText(n.Text, n.Variant); ok {
			w.leaf(tag, "", text)
			return
		}
	}
	w.leaf(tag, variantAttr(n), n.Text)
}

// alphabetText maps every character of s to its form in the variant's
// math alphabet; false when one has none.
func alphabetText(s string, v Variant) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		m := mathChar(r, v)
		if m == r {
			return "", false
		}
		b.WriteRune(m)
	}
	return b.String(), true
}

// variantAttr gives the mathvariant attribute of an identifier.
func variantAttr(n *Node) string {
	v := n.Variant
	single := utf8.RuneCountInString(n.Text) == 1
	if v == VarDefault {
		r, _ := utf8.DecodeRuneInString(n.Text)
		if single && n.Kind == KIdent && r >= 0x391 && r <= 0x3A9 {
			return ` mathvariant="normal"` // TeX's capital Greek is upright
		}
		return ""
	}
	if v == VarNormal && !single {
		return ""
	}
	return ` mathvariant="` + variantNames[v] + `"`
}

// node writes one node.
func (w *mathmlWriter) node(n *Node) {
	switch n.Kind {
	case KRow:
		w.mrow(n)
	case KIdent:
		w.token("mi", n)
	case KNumber:
		w.token("mn", n)
	case KOp:
		w.op(n)
	case KText:
		w.leaf("mtext", "", strings.ReplaceAll(n.Text, " ", "\u00a0"))
	case KSpace:
		w.b.WriteString(`<mspace width="` + muEm(n.Width) + `"/>`)
	case KScripts:
		w.scripts(n)
	case KFrac:
		w.frac(n)
	case KRoot:
		w.root(n)
	case KFenced:
		w.fenced(n)
	case KAccent:
		w.accent(n)
	case KTable:
		w.table(n)
	case KStyle:
		w.b.WriteString(`<mstyle` + styleAttrs(n.Style) + `>`)
		w.row(n.Kids[0].Kids)
		w.b.WriteString(`</mstyle>`)
	case KPhantom:
		w.b.WriteString("<mphantom>")
		w.mrow(n.Kids[0])
		w.b.WriteString("</mphantom>")
	case KRef:
		text := refText(n, w.ref)
		attrs := ""
		if w.link != nil {
			if href, ok := w.link(n.Text); ok {
				attrs = ` href="` + escapeXML(href) + `"`
			}
		}
		w.leaf("mtext", attrs, text)
	}
}

// leaf writes a token element.
func (w *mathmlWriter) leaf(tag, attrs, text string) {
	w.b.WriteString("<" + tag + attrs + ">" + escapeXML(text) + "</" + tag + ">")
}

// muEm formats mu as em.
func muEm(mu int) string {
	return strconv.FormatFloat(float64(mu*1000/18)/1000, 'f', -1, 64) + "em"
}

// styleAttrs are the mstyle attributes of a TeX style.
func styleAttrs(s Style) string {
	return [...]string{
		` displaystyle="true" scriptlevel="0"`, ` displaystyle="false" scriptlevel="0"`,
		` displaystyle="false" scriptlevel="1"`, ` displaystyle="false" scriptlevel="2"`,
	}[s]
}

// op writes an operator.
func (w *mathmlWriter) op(n *Node) {
	var attrs string
	switch {
	case n.Flags&FNamed != 0 && n.Flags&FLimits == 0:
		w.leaf("mi", "", n.Text)
		w.b.WriteString("<mo>\u2061</mo>") // FUNCTION APPLICATION, as MathJax writes after \sin
		return
	case n.Flags&FNamed != 0:
		attrs = ` movablelimits="true" form="prefix"`
	case n.Flags&FLargeOp != 0 && n.Flags&FLimits == 0:
		attrs = ` largeop="true" movablelimits="false"`
	case n.Flags&FLargeOp != 0:
		attrs = ` largeop="true" movablelimits="true"`
	case n.Size > 0:
		size := strconv.FormatFloat(float64(bigSizes[n.Size])/1000, 'f', -1, 64) + "em"
		attrs = ` stretchy="true" symmetric="true" minsize="` + size + `" maxsize="` + size + `"`
	case n.Flags&FMiddle != 0:
		attrs = ` stretchy="true" fence="true" form="infix"`
	case n.Class == Ord && isFenceChar(n.Text):
		attrs = ` stretchy="false"`
	case n.Class == Open || n.Class == Close:
		attrs = ` stretchy="false"`
	}
	w.leaf("mo", attrs, n.Text)
}

// isFenceChar reports whether a character is a delimiter that MathML's
// operator dictionary would stretch.
func isFenceChar(s string) bool { return strings.Contains("()[]{}|‖⟨⟩⌈⌉⌊⌋", s) }

// scripts writes msub/msup/msubsup, or munder/mover/munderover for limits.
func (w *mathmlWriter) scripts(n *Node) {
	base, sub, sup := n.Kids[0], n.Kids[1], n.Kids[2]
	under := n.Flags&FForceLim != 0 || (n.Flags&FLimits != 0 && n.Flags&FNoLimits == 0)
	if !under && base.Kind == KOp && base.Flags&FLimits != 0 && n.Flags&FNoLimits == 0 {
		under = true
	}
	if base.Kind == KAccent && base.Flags&FForceLim != 0 {
		under = true
	}
	names := [2][4]string{{"", "msub", "msup", "msubsup"}, {"", "munder", "mover", "munderover"}}
	which := 0
	if sub != nil {
		which |= 1
	}
	if sup != nil {
		which |= 2
	}
	tag := names[0][which]
	if under {
		tag = names[1][which]
	}
	if tag == "" {
		w.mrow(base)
		return
	}
	w.b.WriteString("<" + tag + ">")
	w.mrow(base)
	if sub != nil {
		w.mrow(sub)
	}
	if sup != nil {
		if sup.Flags&FPrime != 0 {
			w.b.WriteString("<mrow>")
			w.row(sup.Kids)
			w.b.WriteString("</mrow>")
		} else {
			w.mrow(sup)
		}
	}
	w.b.WriteString("</" + tag + ">")
}

// frac writes mfrac, with parentheses and no rule for a binomial.
func (w *mathmlWriter) frac(n *Node) {
	if n.fracStyle {
		w.b.WriteString("<mstyle" + styleAttrs(n.Style) + ">")
	}
	if n.Flags&FBinom != 0 {
		w.b.WriteString(`<mrow><mo fence="true" stretchy="true" form="prefix">(</mo><mfrac linethickness="0">`)
	} else {
		w.b.WriteString("<mfrac>")
	}
	w.mrow(n.Kids[0])
	w.mrow(n.Kids[1])
	w.b.WriteString("</mfrac>")
	if n.Flags&FBinom != 0 {
		w.b.WriteString(`<mo fence="true" stretchy="true" form="postfix">)</mo></mrow>`)
	}
	if n.fracStyle {
		w.b.WriteString("</mstyle>")
	}
}

// root writes msqrt or mroot.
func (w *mathmlWriter) root(n *Node) {
	if n.Kids[1] == nil {
		w.b.WriteString("<msqrt>")
		w.mrow(n.Kids[0])
		w.b.WriteString("</msqrt>")
		return
	}
	w.b.WriteString("<mroot>")
	w.mrow(n.Kids[0])
	w.mrow(n.Kids[1])
	w.b.WriteString("</mroot>")
}

// fenced writes \left…\right as an mrow with stretchy fences.
func (w *mathmlWriter) fenced(n *Node) {
	w.b.WriteString("<mrow>")
	if n.Open != "" {
		w.leaf("mo", ` fence="true" stretchy="true" form="prefix"`, n.Open)
	}
	w.row(n.Kids[0].Kids)
	if n.Close != "" {
		w.leaf("mo", ` fence="true" stretchy="true" form="postfix"`, n.Close)
	}
	w.b.WriteString("</mrow>")
}

// spacingAccents maps the combining accents the parser uses to the
// spacing characters MathML renderers expect in mover.
var spacingAccents = map[string]string{
	"\u0302": "^", "\u0303": "~", "\u0304": "\u00AF", "\u20D7": "\u2192", "\u0307": "\u02D9",
	"\u0308": "\u00A8", "\u20DB": "\u20DB", "\u030C": "\u02C7", "\u0306": "\u02D8", "\u0301": "\u00B4",
	"\u0300": "`", "\u030A": "\u02DA", "\u203E": "\u203E", "_": "_",
}

// accent writes mover or munder.
func (w *mathmlWriter) accent(n *Node) {
	ch := n.Text
	if s, ok := spacingAccents[ch]; ok {
		ch = s
	}
	stretchy := `stretchy="false"`
	if n.Flags&FWide != 0 {
		stretchy = `stretchy="true"`
	}
	tag, attr := "mover", "accent"
	if n.under {
		tag, attr = "munder", "accentunder"
	}
	isAccent := n.Class != Op // braces are limits, not accents
	w.b.WriteString("<" + tag + " " + attr + `="` + strconv.FormatBool(isAccent) + `">`)
	w.mrow(n.Kids[0])
	w.leaf("mo", " "+stretchy, ch)
	w.b.WriteString("</" + tag + ">")
}

// table writes mtable, with mlabeledtr for tagged rows.
func (w *mathmlWriter) table(n *Node) {
	cols := 0
	for _, r := range n.Kids {
		cols = max(cols, len(r.Kids))
	}
	var align, spacing []string
	gap := muEm(n.colGap)
	for j := range max(cols, 1) {
		align = append(align, map[byte]string{'l': "left", 'c': "center", 'r': "right"}[columnAlign(n, j)])
		if j > 0 {
			if columnGap(n, j, 1) == 0 {
				spacing = append(spacing, "0em")
			} else {
				spacing = append(spacing, gap)
			}
		}
	}
	attrs := ` columnalign="` + strings.Join(align, " ") + `"`
	if len(spacing) > 0 {
		attrs += ` columnspacing="` + strings.Join(spacing, " ") + `"`
	}
	if n.fracStyle && n.Style == StyleDisplay {
		attrs += ` displaystyle="true"`
	}
	w.b.WriteString("<mtable" + attrs + ">")
	for _, r := range n.Kids {
		w.tableRow(r, cols)
	}
	w.b.WriteString("</mtable>")
}

// tableRow writes one row of a table of cols columns.
func (w *mathmlWriter) tableRow(r *Node, cols int) {
	tag := tagText(w.eqs, r.Eq)
	if tag != "" && w.core {
		w.b.WriteString("<mtr>")
		w.cells(r)
		w.b.WriteString(strings.Repeat("<mtd/>", max(0, cols-len(r.Kids))))
		w.b.WriteString(`<mtd><mspace width="2em"/><mtext>` + escapeXML(tag) + "</mtext></mtd></mtr>")
		return
	}
	if tag != "" {
		w.b.WriteString("<mlabeledtr><mtd><mtext>" + escapeXML(tag) + "</mtext></mtd>")
	} else {
		w.b.WriteString("<mtr>")
	}
	w.cells(r)
	if tag != "" {
		w.b.WriteString("</mlabeledtr>")
	} else {
		w.b.WriteString("</mtr>")
	}
}

// cells writes the cells of a row.
func (w *mathmlWriter) cells(r *Node) {
	for _, c := range r.Kids {
		w.b.WriteString("<mtd>")
		w.row(c.Kids)
		w.b.WriteString("</mtd>")
	}
}
