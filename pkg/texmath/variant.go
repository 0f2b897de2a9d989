package texmath

// variantCommands are the commands that set a math alphabet for their
// argument.
var variantCommands = map[string]Variant{
	"mathrm": VarNormal, "mathup": VarNormal, "mathit": VarItalic, "mathbf": VarBold,
	"boldsymbol": VarBoldItalic, "bm": VarBoldItalic, "mathbb": VarDoubleStruck, "mathcal": VarScript,
	"mathscr": VarScript, "mathfrak": VarFraktur, "mathsf": VarSansSerif, "mathtt": VarMonospace,
	"Bbb": VarDoubleStruck, "bold": VarBold, "pmb": VarBoldItalic,
}

// variantArg parses the argument of \mathbf and friends with the alphabet
// set. A word of several letters in \mathrm or \mathbf stays one
// identifier, as MathJax makes it (\mathrm{softmax} is one mi).
func (p *parser) variantArg(t token, v Variant) *Node {
	saved := p.variant
	p.variant = v
	arg := p.parseArg(t, false)
	p.variant = saved
	if arg == nil {
		return &Node{Kind: KRow, Pos: t.pos, End: t.end}
	}
	if v != VarItalic && v != VarDefault && arg.Kind == KRow {
		arg.Kids = mergeLetters(arg.Kids)
	}
	return arg
}

// mergeLetters joins runs of single-letter identifiers into words.
func mergeLetters(kids []*Node) []*Node {
	var out []*Node
	for _, k := range kids {
		if k.Kind == KIdent && len(out) > 0 {
			last := out[len(out)-1]
			if last.Kind == KIdent && last.Variant == k.Variant && isASCIIWord(last.Text) && isASCIIWord(k.Text) {
				merged := *last
				merged.Text += k.Text
				merged.End = k.End
				out[len(out)-1] = &merged
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

// isASCIIWord reports whether s is made of ASCII letters.
func isASCIIWord(s string) bool { return s != "" && isAllLetters(s) }
