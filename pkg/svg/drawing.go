package svg

// Drawing is an SVG image made ready to paint: what it draws, in painting
// order, in the coordinates of its viewport.
type Drawing struct {
	// Width and Height are the viewport, the image's intrinsic size in CSS
	// pixels (1/96 in): from the root's width and height, else from its
	// viewBox at one pixel per unit (see Parse). Items are drawn in this
	// space, x to the right and y down, and nothing outside it shows.
	Width, Height float64
	// RelWidth is the share of its container that the root's width asks
	// for (width="50%" gives 0.5), 0 when the width is not a percentage;
	// Width is then the natural width the caller may scale.
	RelWidth float64
	// Items are the shapes and texts drawn, in painting order.
	Items []Item
	// Skipped lists what the drawing leaves out of the image (elements,
	// properties, style rules it does not draw), sorted, each once: the
	// caller says so once per image.
	Skipped []string
}

// Item is one thing drawn: a shape or a text, one of them set.
type Item struct {
	// Shape is a path with its fill and stroke, or nil.
	Shape *Shape
	// Text is a text element, or nil.
	Text *Text
}

// Shape is a path filled and/or stroked.
type Shape struct {
	// Matrix maps the path's coordinates (the element's user space) to
	// the viewport. The stroke is drawn in user space, so a scaled
	// element's stroke scales with it, as in SVG.
	Matrix Matrix
	// Path is the outline, in the element's user space.
	Path Path
	// Fill is how the inside is painted.
	Fill Paint
	// EvenOdd selects the even-odd fill rule (fill-rule: evenodd); the
	// default is nonzero.
	EvenOdd bool
	// Stroke is how the outline is painted, drawn as Line says.
	Stroke Paint
	// Line is the stroke's width, caps, joins and dashes.
	Line Line
	// Clips are the clipping regions the shape is drawn within: all of
	// them, from the clip paths of the shape and of its groups, and the
	// viewports of nested svg and symbol elements.
	Clips []Clip
}

// Clip is a clipping region: what lies outside its path is not drawn.
// Its path is in the viewport's coordinates (no matrix applies).
type Clip struct {
	// Path bounds the region, in the viewport's coordinates.
	Path Path
	// EvenOdd selects the even-odd rule for the region's inside; the
	// default is nonzero.
	EvenOdd bool
}

// Paint is a solid colour, or nothing.
type Paint struct {
	// On is false for none: nothing is painted.
	On bool
	// Color is the colour painted when On.
	Color Color
	// Opacity is the paint's alpha, 0 to 1: fill-opacity or
	// stroke-opacity times the opacity of the element and its groups.
	Opacity float64
}

// Color is an sRGB colour.
type Color struct {
	// R, G and B are the red, green and blue components, 0 to 255.
	R, G, B uint8
}

// Line is how a stroke is drawn, in the shape's user space.
type Line struct {
	// Width is the stroke's width in user units (stroke-width).
	Width float64
	// Cap is how open ends are drawn.
	Cap Cap
	// Join is how corners are drawn.
	Join Join
	// MiterLimit is stroke-miterlimit: the longest miter, in stroke
	// widths, before a miter join is bevelled.
	MiterLimit float64
	// Dash is the dash pattern (lengths of dashes and gaps, an even
	// number of them), nil for a solid line; DashOffset starts it.
	Dash []float64
	// DashOffset is how far into the pattern the stroke starts, in user
	// units.
	DashOffset float64
}

// Cap is a stroke's line cap (stroke-linecap).
type Cap uint8

// The line caps, numbered as PDF's J operator numbers them.
const (
	ButtCap Cap = iota
	RoundCap
	SquareCap
)

// Join is a stroke's line join (stroke-linejoin).
type Join uint8

// The line joins, numbered as PDF's j operator numbers them.
const (
	MiterJoin Join = iota
	RoundJoin
	BevelJoin
)

// Path is a sequence of segments in absolute coordinates: every subpath
// starts with MoveTo; arcs and quadratic curves are already cubic curves.
type Path []Segment

// Segment is one step of a path.
type Segment struct {
	// Op is the operation: move, line, cubic curve or close.
	Op Op
	// Pts holds the points the op uses: MoveTo and LineTo one, CubicTo
	// two control points and the end point, Close none.
	Pts [3]Point
}

// Op is what a segment does.
type Op uint8

// The path operations.
const (
	MoveTo Op = iota
	LineTo
	CubicTo
	Close
)

// Point is a position in a shape's user space.
type Point struct {
	// X and Y are the coordinates, y down.
	X, Y float64
}

// Text is a <text> element: chunks of text that the caller sets in its
// own fonts, since only it can measure them.
type Text struct {
	// Matrix maps the text's coordinates to the viewport; the text's
	// glyphs stand upright in that space (y down).
	Matrix Matrix
	// Chunks are the text's runs, each at its own position, in order.
	Chunks []TextChunk
	// Clips are the clipping regions the text is drawn within, as a
	// shape's.
	Clips []Clip
}

// TextChunk is a run of text placed at one absolute position (SVG's
// "text chunk"): its spans follow one another, and the whole chunk is
// moved by its anchor once the caller knows its width.
type TextChunk struct {
	// X, Y is where the chunk's anchor point sits on its baseline.
	X, Y float64
	// ContinueX is set when the chunk gives only a new y: it starts
	// where the previous chunk ended, and X is 0.
	ContinueX bool
	// Anchor says which point of the chunk (start, middle or end) sits
	// at X.
	Anchor Anchor
	// Spans follow one another; a span whose Fill is off takes its room
	// but draws nothing.
	Spans []TextSpan
}

// Anchor is text-anchor: which point of a chunk sits at its position.
type Anchor uint8

// The text anchors.
const (
	AnchorStart Anchor = iota
	AnchorMiddle
	AnchorEnd
)

// TextSpan is text in one style within a chunk.
type TextSpan struct {
	// Text is the characters, white space already collapsed as SVG
	// does (xml:space).
	Text string
	// DX and DY move the pen before the span (dx, dy); Shift lowers the
	// span's baseline below the chunk's (dominant-baseline and
	// baseline-shift, y down), all in user units.
	DX, DY, Shift float64
	// Font is the family, weight and size the span asks for.
	Font Font
	// Fill is the colour of the span's glyphs.
	Fill Paint
}

// Font is the font a span asks for, as far as the caller's fonts can
// honour it.
type Font struct {
	// Family is the generic family the font-family list comes down to.
	Family Family
	// Bold is set for font-weight bold (or 600 and above).
	Bold bool
	// Size is the font size in user units.
	Size float64
}

// Family is a generic font family.
type Family uint8

// The generic families: font-family names are mapped onto them (Family).
const (
	SansSerif Family = iota
	Serif
	Monospace
)
