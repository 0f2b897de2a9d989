package texmath

import (
	"fmt"
	"sort"
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
	// has no fixed width to flush them right against).
	Tags bool
}

// SVG is a formula as an SVG element, sized in em so that it scales with
// the surrounding text. Baseline is the distance from the SVG's bottom edge
// up to the formula's baseline, in em: set it as the element's CSS
// vertical-align (negated), which the markup already carries inline.
type SVG struct {
	Markup   string
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
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%s" height="%s" viewBox="0 %d %d %d" role="img" aria-label="%s" style="vertical-align:%s">`,
		emString(width), emString(top+bottom), -top, width, top+bottom, escapeXML(tex), emString(-bottom))
	if err := writeDefs(&b, font, lay.Items, opt.IDPrefix); err != nil {
		return SVG{}, err
	}
	for _, it := range append(lay.Items, tagItems...) {
		writeItem(&b, font, it, opt.IDPrefix, family)
	}
	b.WriteString("</svg>")
	return SVG{Markup: b.String(), Width: float64(width) / svgUnits, Height: float64(top+bottom) / svgUnits, Baseline: float64(bottom) / svgUnits}, nil
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

// writeDefs defines each glyph used once, in glyph id order.
func writeDefs(b *strings.Builder, font *Font, items []Item, prefix string) error {
	seen := map[uint16]bool{}
	var ids []int
	for _, it := range items {
		if it.Kind == ItemGlyph && !seen[it.Glyph] {
			seen[it.Glyph] = true
			ids = append(ids, int(it.Glyph))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Ints(ids)
	b.WriteString("<defs>")
	for _, g := range ids {
		d, err := font.svgPath(uint16(g))
		if err != nil {
			return err
		}
		fmt.Fprintf(b, `<path id="%sg%d" d="%s"/>`, prefix, g, d)
	}
	b.WriteString("</defs>")
	return nil
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

// writeItem writes one item.
func writeItem(b *strings.Builder, font *Font, it Item, prefix, family string) {
	x, y := toSVG(it.X), toSVG(it.Y)
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
		fmt.Fprintf(b, `<text x="%d" y="%d" font-family="%s" font-size="%d"%s textLength="%d" lengthAdjust="spacingAndGlyphs">%s</text>`,
			x, y, escapeXML(family), it.Size*svgUnits/100, weight, max(1, toSVG(it.W)), escapeXML(strings.ReplaceAll(it.Text, " ", "\u00a0")))
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
