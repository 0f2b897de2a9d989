package pdf

import "github.com/hangul-press/publish/pkg/layout"

// Decimal places of numbers in content streams: a thousandth of a point
// for positions and lengths (0.35 µm), three places for colour components
// (finer than 8-bit colour), three places of thousandths of an em for TJ
// adjustments.
const (
	posPrec    = 3
	colorPrec  = 3
	adjustPrec = 3
)

// content builds one page's content stream. It tracks the graphics state
// it has set, so that an operator is written only when its value changes,
// and which fonts and images the page uses, for its resources.
type content struct {
	b      []byte
	height layout.Length // the page height, to turn y downward into PDF's upward y

	fill, stroke  layout.Color
	lineWidth     float64
	font          layout.FontID
	size          layout.Length
	fonts, images []bool // used on this page, by face and by image index
	scratch       []byte // the glyph codes of a run, reused from run to run
}

// newContent starts a page with PDF's initial graphics state (ISO
// 32000-1:2008, 8.4.1): black fill and stroke, a line width of 1, no font.
func newContent(height layout.Length, faces, images int) *content {
	return &content{height: height, lineWidth: 1, font: -1, fonts: make([]bool, faces), images: make([]bool, images)}
}

// num writes a number and a space.
func (c *content) num(v float64, prec int) {
	c.b = appendNum(c.b, v, prec)
	c.b = append(c.b, ' ')
}

// op writes an operator and a line end.
func (c *content) op(name string) {
	c.b = append(c.b, name...)
	c.b = append(c.b, '\n')
}

// length writes a length in points and a space.
func (c *content) length(l layout.Length) {
	c.b = appendLength(c.b, l)
	c.b = append(c.b, ' ')
}

// point writes a page position as PDF coordinates.
func (c *content) point(x, y layout.Length) {
	c.length(x)
	c.length(c.height - y)
}

// setFill sets the fill colour (text and filled shapes).
func (c *content) setFill(col layout.Color) {
	if col == c.fill {
		return
	}
	c.fill = col
	c.rgb(col)
	c.op("rg")
}

// setStroke sets the stroke colour and line width (rules, outlines,
// decorations).
func (c *content) setStroke(col layout.Color, width float64) {
	if col != c.stroke {
		c.stroke = col
		c.rgb(col)
		c.op("RG")
	}
	if width != c.lineWidth {
		c.lineWidth = width
		c.num(width, posPrec)
		c.op("w")
	}
}

// rgb writes a colour's components in 0..1.
func (c *content) rgb(col layout.Color) {
	c.b = append(c.b, colorComponents[col.R]...)
	c.b = append(c.b, colorComponents[col.G]...)
	c.b = append(c.b, colorComponents[col.B]...)
}

// colorComponents holds each 8-bit colour component as a number in 0..1
// and a space, formatted once.
var colorComponents = func() (out [256]string) {
	for v := range out {
		out[v] = string(appendNum(nil, float64(v)/255, colorPrec)) + " "
	}
	return out
}()

// setFont selects a face and size; the text state lasts across text
// objects, so this is written only when either changes.
func (c *content) setFont(id layout.FontID, size layout.Length) {
	c.fonts[id] = true
	if id == c.font && size == c.size {
		return
	}
	c.font, c.size = id, size
	c.b = append(c.b, "/F"...)
	c.b = appendInt(c.b, int(id))
	c.b = append(c.b, ' ')
	c.length(size)
	c.op("Tf")
}

// line strokes a straight line between two page positions.
func (c *content) line(x1, y1, x2, y2 layout.Length) {
	c.point(x1, y1)
	c.op("m")
	c.point(x2, y2)
	c.op("l S")
}
