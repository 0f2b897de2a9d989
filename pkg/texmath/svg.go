package texmath

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/truetype"
)

// SVGOptions control the SVG writer.
type SVGOptions struct {
	// IDPrefix starts the id of every glyph definition. Ids must be unique
	// in an XHTML document, so give each formula of a chapter its own
	// prefix (such as "m12-").
	IDPrefix string
	// TextFamily is the CSS font family of \text runs and tags, which the
	// reading system draws; "serif" when empty.
	TextFamily string
	// Tags draws the equation tags 2 em right of the formula (an EPUB page
	// has no fixed width to flush them right against); TagsSVG draws them
	// apart instead.
	Tags bool
	// SharedDefs leaves the glyph outlines out: each <use> names
	// "#"+IDPrefix+"g"+glyph id, for the caller to define once for many
	// formulas with Font.SVGDefs (the formulas of one document share most
	// of their glyphs).
	SharedDefs bool
	// Hidden writes aria-hidden="true" in place of role="img" and the
	// aria-label, for a caller that gives assistive technology the
	// formula another way (MathML beside the picture).
	Hidden bool
	// Link gives the address an \eqref or \ref leads to (such as
	// "#eq-1"); its text is then an SVG link, titled with its text, which
	// EPUBCheck asks of SVG links. Nil, or false for a label, links
	// nothing.
	Link func(label string) (string, bool)
}

// SVG is a formula as an SVG element, sized in em so that it scales with
// the surrounding text. Baseline is the distance from the SVG's bottom edge
// up to the formula's baseline, in em: set it as the element's CSS
// vertical-align (negated), which the markup already carries inline.
type SVG struct {
	Markup   string  // the whole <svg> element, with its size and vertical-align in its attributes
	Width    float64 // em
	Height   float64 // em, the whole SVG
	Baseline float64 // em from the bottom edge up to the baseline
}

// svgUnits are viewBox units per em: 1/1000 em is 0.01 pt at 10 pt,
// finer than any screen or print needs, and keeps coordinates integers.
const svgUnits = 1000

// toSVG converts a Length to viewBox units, rounded to nearest.
func toSVG(l Length) int64 {
	v := int64(l) * svgUnits
	if v >= 0 {
		return (v + emUnits/2) / emUnits
	}
	return -((-v + emUnits/2) / emUnits)
}

// SVG writes the laid-out formula as an inline SVG element with role="img"
// and the TeX in aria-label (EPUBCheck 4.2.6's schema allows only
// application, document or img as the role of an svg element, so
// role="math" would fail validation): each glyph's
// outline is defined once in <defs> and placed with <use>; rules are
// <rect>; text runs are <text> in TextFamily, stretched or squeezed to the
// width the layout measured (textLength), so the reader's font cannot push
// the math apart; spaces become no-break spaces, which SVG does not
// collapse at the ends of a run. tex is the formula's source, for the aria-label that
// screen readers speak.
func (lay *Layout) SVG(font *Font, tex string, opt SVGOptions) (SVG, error) {
	if font == nil {
		var err error
		if font, err = DefaultFont(); err != nil {
			return SVG{}, err
		}
	}
	family := opt.TextFamily
	if family == "" {
		family = "serif"
	}
	w := lay.Width
	var tagItems []Item
	if opt.Tags && len(lay.Tags) > 0 {
		tagItems, w = tagTexts(lay, w)
	}
	top, bottom := toSVG(lay.Height), toSVG(lay.Depth)
	for _, t := range lay.Tags {
		if opt.Tags {
			top, bottom = max(top, toSVG(t.Height-t.Y)), max(bottom, toSVG(t.Y+t.Depth))
		}
	}
	width := toSVG(w)
	var b strings.Builder
	label := `role="img" aria-label="` + escapeXML(tex) + `"`
	if opt.Hidden {
		label = `aria-hidden="true"`
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%s" height="%s" viewBox="0 %d %d %d" %s style="vertical-align:%s">`,
		emString(width), emString(top+bottom), -top, width, top+bottom, label, emString(-bottom))
	if !opt.SharedDefs {
		defs, err := font.SVGDefs(lay.Glyphs(), opt.IDPrefix)
		if err != nil {
			return SVG{}, err
		}
		b.WriteString(defs)
	}
	for _, it := range append(lay.Items, tagItems...) {
		writeItem(&b, font, it, opt, family)
	}
	b.WriteString("</svg>")
	return SVG{Markup: b.String(), Width: float64(width) / svgUnits, Height: float64(top+bottom) / svgUnits, Baseline: float64(bottom) / svgUnits}, nil
}

// TagsSVG writes the equation tags of a display formula as an SVG of
// their own, flush right, each on the baseline of the line it numbers
// (Tag.Y): set beside the formula's SVG, both aligned on the baseline
// (CSS vertical-align, which the markup carries), the tags line up with
// their rows whatever room lies between, so that a page can put them at
// its right margin as TeX does. The SVG is role="img" with the tags as its
// label, or aria-hidden when opt.Hidden. It is empty (Markup "") when the
// formula has no tags. Only TextFamily and Hidden of opt apply.
func (lay *Layout) TagsSVG(opt SVGOptions) SVG {
	if len(lay.Tags) == 0 {
		return SVG{}
	}
	family := opt.TextFamily
	if family == "" {
		family = "serif"
	}
	widest := Length(0)
	var top, bottom int64
	var texts []string
	for _, t := range lay.Tags {
		widest = max(widest, t.Width)
		top, bottom = max(top, toSVG(t.Height-t.Y)), max(bottom, toSVG(t.Y+t.Depth))
		texts = append(texts, t.Text)
	}
	width := toSVG(widest)
	var b strings.Builder
	label := `role="img" aria-label="` + escapeXML(strings.Join(texts, " ")) + `"`
	if opt.Hidden {
		label = `aria-hidden="true"`
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 %d %d %d" %s style="vertical-align:%s">`,
		emString(width), emString(top+bottom), -top, width, top+bottom, label, emString(-bottom))
	for _, t := range lay.Tags {
		it := Item{Kind: ItemText, X: widest - t.Width, Y: t.Y, W: t.Width, H: t.Height, Text: t.Text, Size: 100}
		writeItem(&b, nil, it, SVGOptions{}, family)
	}
	b.WriteString("</svg>")
	return SVG{Markup: b.String(), Width: float64(width) / svgUnits, Height: float64(top+bottom) / svgUnits, Baseline: float64(bottom) / svgUnits}
}

// tagTexts turns the tags into text items 2 em right of the formula and
// returns them with the new total width.
func tagTexts(lay *Layout, w Length) ([]Item, Length) {
	x := w + 2*emUnits
	var out []Item
	widest := Length(0)
	for _, t := range lay.Tags {
		out = append(out, Item{Kind: ItemText, X: x, Y: t.Y, W: t.Width, H: t.Height, Text: t.Text, Size: 100})
		widest = max(widest, t.Width)
	}
	return out, x + widest
}

// emString formats viewBox units as an em length.
func emString(v int64) string {
	return strconv.FormatFloat(float64(v)/svgUnits, 'f', -1, 64) + "em"
}

// Glyphs returns the distinct glyph ids the layout draws, ascending: what
// a caller sharing definitions (SVGOptions.SharedDefs) must define.
func (lay *Layout) Glyphs() []uint16 {
	var ids []uint16
	for _, it := range lay.Items {
		if it.Kind == ItemGlyph {
			ids = append(ids, it.Glyph)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// SVGDefs writes a <defs> element that defines the outline of each of the
// glyphs once, in glyph id order, with the ids the SVG writer's <use>
// elements name (prefix, "g", the glyph id); "" when glyphs is empty.
func (f *Font) SVGDefs(glyphs []uint16, prefix string) (string, error) {
	ids := slices.Compact(slices.Sorted(slices.Values(glyphs)))
	if len(ids) == 0 {
		return "", nil
	}
	var b strings.Builder
	b.WriteString("<defs>")
	for _, g := range ids {
		d, err := f.svgPath(g)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, `<path id="%sg%d" d="%s"/>`, prefix, g, d)
	}
	b.WriteString("</defs>")
	return b.String(), nil
}

// svgPath returns a glyph's SVG path data, made once per font and glyph.
func (f *Font) svgPath(g uint16) (string, error) {
	if d, ok := f.paths.Load(g); ok {
		return d.(string), nil
	}
	path, err := f.tt.GlyphOutline(g)
	if err != nil {
		return "", fmt.Errorf("glyph %d: %w", g, err)
	}
	d := pathData(path)
	f.paths.Store(g, d)
	return d, nil
}

// pathData writes an outline in font units with y flipped (SVG's y runs
// down), using relative commands, which are shorter.
func pathData(path []truetype.PathCmd) string {
	var b []byte
	var x, y, sx, sy int32
	nums := func(op byte, vs ...int32) {
		b = append(b, op)
		for i, v := range vs {
			if i > 0 && v >= 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(v), 10)
		}
	}
	for _, c := range path {
		switch c.Op {
		case truetype.MoveTo:
			nums('M', c.X, -c.Y)
			x, y, sx, sy = c.X, c.Y, c.X, c.Y
		case truetype.LineTo:
			nums('l', c.X-x, -(c.Y - y))
			x, y = c.X, c.Y
		case truetype.QuadTo:
			nums('q', c.CX-x, -(c.CY - y), c.X-x, -(c.Y - y))
			x, y = c.X, c.Y
		case truetype.Close:
			b = append(b, 'z')
			x, y = sx, sy
		}
	}
	return string(b)
}

// writeItem writes one item. font may be nil when the items are text.
func writeItem(b *strings.Builder, font *Font, it Item, opt SVGOptions, family string) {
	x, y := toSVG(it.X), toSVG(it.Y)
	prefix := opt.IDPrefix
	switch it.Kind {
	case ItemGlyph:
		if it.Size*svgUnits == 100*font.upem {
			fmt.Fprintf(b, `<use xlink:href="#%sg%d" x="%d" y="%d"/>`, prefix, it.Glyph, x, y)
			return
		}
		fmt.Fprintf(b, `<use xlink:href="#%sg%d" transform="translate(%d %d) scale(%s)"/>`, prefix, it.Glyph, x, y, glyphScale(it.Size, font.upem))
	case ItemRule:
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d"/>`, x, y, max(1, toSVG(it.W)), max(1, toSVG(it.H)))
	case ItemText:
		weight := ""
		if it.Bold {
			weight += ` font-weight="bold"`
		}
		if it.Italic {
			weight += ` font-style="italic"`
		}
		href, link := "", false
		if it.Label != "" && opt.Link != nil {
			href, link = opt.Link(it.Label)
		}
		if link {
			fmt.Fprintf(b, `<a xlink:href="%s" xlink:title="%s">`, escapeXML(href), escapeXML(it.Text))
		}
		fmt.Fprintf(b, `<text x="%d" y="%d" font-family="%s" font-size="%d"%s textLength="%d" lengthAdjust="spacingAndGlyphs">%s</text>`,
			x, y, escapeXML(family), it.Size*svgUnits/100, weight, max(1, toSVG(it.W)), escapeXML(strings.ReplaceAll(it.Text, " ", "\u00a0")))
		if link {
			b.WriteString("</a>")
		}
	}
}

// glyphScale is the factor from font units to viewBox units at size
// percent, written with at most six decimals.
func glyphScale(size, upem int) string {
	num, den := int64(size*svgUnits), int64(100*upem)
	micro := (num*1000000 + den/2) / den
	return strconv.FormatFloat(float64(micro)/1e6, 'f', -1, 64)
}

// escapeXML escapes text for an attribute or element content.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n', '\r', '\t':
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
				b.WriteRune('\uFFFD') // not allowed in XML 1.0
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
