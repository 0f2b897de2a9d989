package texmath

// accentInfo is an accent command's character and whether it stretches.
type accentInfo struct {
	char  string
	wide  bool
	under bool
	rule  bool // \overline, \underline: a rule rather than a glyph
}

// accents are the accent commands. The characters are the combining marks
// that OpenType math fonts give horizontal variants for (U+0302 …), as
// unicode-math uses them; \vec is U+20D7 COMBINING RIGHT ARROW ABOVE.
var accents = map[string]accentInfo{
	"hat": {char: "\u0302"}, "widehat": {char: "\u0302", wide: true},
	"tilde": {char: "\u0303"}, "widetilde": {char: "\u0303", wide: true},
	"bar": {char: "\u0304"}, "vec": {char: "\u20D7"},
	"dot": {char: "\u0307"}, "ddot": {char: "\u0308"}, "dddot": {char: "\u20DB"},
	"check": {char: "\u030C"}, "widecheck": {char: "\u030C", wide: true},
	"breve": {char: "\u0306"}, "acute": {char: "\u0301"}, "grave": {char: "\u0300"},
	"mathring":       {char: "\u030A"},
	"overrightarrow": {char: "\u2192", wide: true}, "overleftarrow": {char: "\u2190", wide: true},
	"overleftrightarrow": {char: "\u2194", wide: true},
	"underrightarrow":    {char: "\u2192", wide: true, under: true}, "underleftarrow": {char: "\u2190", wide: true, under: true},
	"overline": {char: "\u203E", wide: true, rule: true}, "underline": {char: "_", wide: true, under: true, rule: true},
}

// accent parses the argument of an accent command.
func (p *parser) accent(t token, a accentInfo) *Node {
	base := p.parseArg(t, false)
	if base == nil {
		return &Node{Kind: KRow, Pos: t.pos, End: t.end}
	}
	n := &Node{Kind: KAccent, Text: a.char, Kids: []*Node{base}, under: a.under, Pos: t.pos, End: base.End}
	if a.wide {
		n.Flags |= FWide
	}
	if a.rule {
		n.Flags |= FStretchy // drawn as a rule: see layout
	}
	return n
}
