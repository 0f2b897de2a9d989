package texmath

import (
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/truetype"
)

// maxExtenderRepeats bounds how often an assembly repeats its extenders,
// whatever size is asked for: DejaVu Math's parenthesis needs about 70
// repeats for 30 em, so 4096 covers any formula the parser's budgets let
// through.
const maxExtenderRepeats = 4096

// stretchGlyph returns a box for character r at least target long (height
// plus depth when vertical, width when horizontal): the first size variant
// that is long enough, else an assembly of parts (OpenType MATH, "Glyph
// assembly"), else the largest variant. Lengths are at size percent.
func (l *layouter) stretchGlyph(r rune, target Length, size int, vertical bool) *box {
	g, ok := l.font.glyph(r)
	if !ok {
		return l.textBox(TextRun{Text: string(r), Size: size})
	}
	var c *truetype.GlyphConstruction
	if vertical {
		c = l.font.math.VerticalConstruction(g)
	} else {
		c = l.font.math.HorizontalConstruction(g)
	}
	if c == nil {
		return l.glyphBox(g, size, string(r))
	}
	for _, v := range c.Variants {
		g = v.Glyph
		if l.font.scale(v.Advance, size) >= target {
			return l.glyphBox(g, size, string(r))
		}
	}
	if c.Assembly == nil || len(c.Assembly.Parts) == 0 {
		return l.glyphBox(g, size, string(r))
	}
	b := l.assemble(c.Assembly, target, size, vertical)
	if len(b.items) > 0 {
		b.items[0].Text = string(r) // the pieces stand for r together
	}
	return b
}

// assemble builds a glyph assembly at least target long: extenders are
// repeated the fewest times that reach the target with the least overlap
// the font allows (MinConnectorOverlap), then the overlaps grow evenly,
// up to what the connectors allow, to come as close to the target as
// possible.
func (l *layouter) assemble(a *truetype.GlyphAssembly, target Length, size int, vertical bool) *box {
	minO := l.font.math.MinConnectorOverlap
	want := int((int64(target)*int64(100*l.font.upem) + int64(emUnits*size) - 1) / int64(emUnits*size)) // target in font units, rounded up
	parts := expandParts(a.Parts, repeatsFor(a.Parts, minO, want))
	overlap := chooseOverlap(parts, minO, want)
	return l.placeParts(parts, overlap, size, vertical, a.ItalicsCorrection)
}

// repeatsFor is the fewest extender repeats that make the assembly at
// least want long at overlap minO (capped at maxExtenderRepeats): each
// repeat adds the extenders' advances less one overlap per extender.
func repeatsFor(parts []truetype.GlyphPart, minO, want int) int {
	base := partsLength(expandParts(parts, 0), minO)
	perRepeat := 0
	for _, p := range parts {
		if p.Extender {
			perRepeat += p.FullAdvance - minO
		}
	}
	if base >= want || perRepeat <= 0 {
		return 0
	}
	return min(maxExtenderRepeats, (want-base+perRepeat-1)/perRepeat)
}

// expandParts lists the parts with each extender repeated reps times.
func expandParts(parts []truetype.GlyphPart, reps int) []truetype.GlyphPart {
	var out []truetype.GlyphPart
	for _, p := range parts {
		n := 1
		if p.Extender {
			n = reps
		}
		for range n {
			out = append(out, p)
		}
	}
	return out
}

// partsLength is the length of parts joined with overlap o.
func partsLength(parts []truetype.GlyphPart, o int) int {
	sum := 0
	for _, p := range parts {
		sum += p.FullAdvance
	}
	if len(parts) > 1 {
		sum -= o * (len(parts) - 1)
	}
	return sum
}

// chooseOverlap picks one overlap for every joint: as large as brings the
// length down to want, but at least minO and at most what the smallest
// pair of connectors allows.
func chooseOverlap(parts []truetype.GlyphPart, minO, want int) int {
	if len(parts) < 2 {
		return 0
	}
	maxO := -1
	for i := 1; i < len(parts); i++ {
		c := min(parts[i-1].EndConnector, parts[i].StartConnector)
		if maxO < 0 || c < maxO {
			maxO = c
		}
	}
	o := (partsLength(parts, 0) - want) / (len(parts) - 1)
	return max(minO, min(o, maxO))
}

// placeParts sets the parts: vertical ones from the bottom up (the box's
// depth is 0 and its height the whole length; the caller shifts it),
// horizontal ones from left to right on the baseline.
func (l *layouter) placeParts(parts []truetype.GlyphPart, overlap, size int, vertical bool, italic int) *box {
	b := newBox()
	pos := 0 // font units along the stretch direction
	for i, p := range parts {
		if i > 0 {
			pos -= overlap
		}
		adv, bb := l.font.glyphMetrics(p.Glyph)
		it := Item{Kind: ItemGlyph, Glyph: p.Glyph, Size: size}
		if !vertical {
			it.X = l.font.scale(pos, size)
		}
		if vertical {
			// The part's bottom (its bbox yMin) goes at pos above the assembly's bottom.
			it.Y = -l.font.scale(pos-bb.YMin, size)
			b.w = max(b.w, l.font.scale(adv, size))
		} else {
			// Extents come from the parts' ink, which for a brace lies
			// wholly above the baseline (a negative depth), as for its
			// unstretched glyph.
			h, d := l.font.scale(bb.YMax, size), l.font.scale(-bb.YMin, size)
			if i == 0 || h > b.h {
				b.h = h
			}
			if i == 0 || d > b.d {
				b.d = d
			}
		}
		b.items = append(b.items, it)
		pos += p.FullAdvance
	}
	if vertical {
		b.h = l.font.scale(pos, size)
	} else {
		b.w = l.font.scale(pos, size)
	}
	b.italic = l.font.scale(italic, size)
	return b
}

// delimiter returns a delimiter of total size at least target, centred on
// the axis. The null delimiter ("") is an empty box of TeX's
// \nulldelimiterspace (1.2 pt at 10 pt: 0.12 em).
func (l *layouter) delimiter(text string, target Length, s mathStyle) *box {
	if text == "" {
		b := newBox()
		b.w = l.em(12, 100, s)
		return b
	}
	r, _ := utf8.DecodeRuneInString(text)
	b := l.stretchGlyph(r, target, l.size(s), true)
	l.centreOnAxis(b, s)
	return b
}

// bigSizes are the total sizes of \big, \Big, \bigg and \Bigg in em:
// amsmath makes them 1.2, 1.8, 2.4 and 3.0 times the strut height (8.5 pt
// at 10 pt, so 1.02 … 2.55 em) and centres them on the axis; TeX then
// takes a delimiter of at least 0.901 of that (\delimiterfactor 901).
var bigSizes = [5]int64{0, 919, 1379, 1838, 2298} // thousandths of an em

// bigDelimBox lays out \big( and friends.
func (l *layouter) bigDelimBox(n *Node, s mathStyle) *box {
	target := l.em(bigSizes[n.Size], 1000, s)
	return l.delimiter(n.Text, target, s)
}
