package layout

import (
	"image"

	"github.com/hangul-press/publish/pkg/svg"
)

// This file is the page model: what the layout engine hands to the PDF
// painter (pkg/pdf). Every position is absolute on the page, in Length
// units, with the origin at the top-left corner of the trimmed page and y
// growing downward; the painter turns it into PDF's upward y. The painter
// decides nothing: it draws these items in order.

// Document is a laid-out book.
type Document struct {
	// Width and Height are the trimmed page size.
	Width, Height Length
	// Pages are the pages in order, blank ones included; an index into
	// Pages is what OutlineEntry.Page holds.
	Pages []*Page
	// Outline is the bookmark tree (parts, chapters, ## headings).
	Outline []*OutlineEntry
	// Info is the document metadata.
	Info Info
	// Fonts lists every face used, by FontID; the painter registers them.
	Fonts []Face
}

// Info is the PDF document information and catalog metadata.
type Info struct {
	// Title is the book's title; Author its authors joined by ", ";
	// Subject its subtitle, else its description; Keywords the chapters'
	// tags and categories joined by ", "; Creator the program that made
	// it (Options.Creator). The painter leaves out the empty ones.
	Title, Author, Subject, Keywords, Creator string
	// Lang is the natural language (BCP 47), "ko".
	Lang string
	// Date is the creation and modification date, Unix seconds, taken
	// from SOURCE_DATE_EPOCH or the manifest, never from the clock.
	Date int64
}

// FontID indexes Document.Fonts.
type FontID int

// Face is a font file the document uses.
type Face struct {
	// Name is unique in the document, for example "body", "body-bold".
	Name string
	// Data is the TrueType file (glyf outlines, a Unicode cmap of format 4
	// or 12), already checked with truetype.Parse. The painter embeds a
	// subset of the glyphs drawn with it.
	Data []byte
}

// Page is one page and what is drawn on it, in painting order.
type Page struct {
	// Number is the printed folio (1-based, counting every page).
	Number int
	// Elements are what the page shows, in painting order: a later
	// element is drawn over an earlier one. Empty for a blank page.
	Elements []Element
	// Anchors are the link destinations on this page, by name.
	Anchors []Anchor
	// NotesTop is the y of the first line of the footnotes set at the
	// foot of the page (their rule lies above it), 0 when the page has
	// none: text below it is notes, text above it the page's body.
	NotesTop Length
}

// Anchor is a named destination: a chapter start, a heading, a footnote.
type Anchor struct {
	Name string // unique in the document and never empty, e.g. "c001", "c001#intro", "toc"
	Y    Length // the destination's y on the page: a link shows the page from there down
}

// Element is something drawn on a page. Its concrete types are Text,
// Glyphs, Rule, Rect, Image and Link.
type Element interface{ element() }

// Color is an sRGB colour.
type Color struct {
	R, G, B uint8 // the red, green and blue components, 0 (none) to 255 (full)
}

// Text draws a run of characters from one face at a baseline position.
// Each character is drawn with the glyph the face's cmap gives it, every
// one of which the face must have, and advances by that glyph's width in
// thousandths of an em, rounded (round(advance × 1000 / unitsPerEm)), times
// Size: the widths the layout engine measures with. No kerning or
// shaping is applied.
type Text struct {
	X, Y  Length // Y is the baseline
	Font  FontID // the face, an index into Document.Fonts
	Size  Length // the font size: one em
	Color Color  // the fill colour of the glyphs
	Text  string // the characters to draw
	// WordSpacing is extra width added at each U+0020 in Text, used to
	// justify a run drawn in one piece; 0 when each piece is placed apart.
	WordSpacing Length
	// LetterSpacing is extra width added between two characters of Text
	// neither of which is U+0020: the room a justified Korean line spreads
	// between syllables (KLREQ) when its word spaces may stretch no more.
	LetterSpacing Length
	// Strike and Underline draw lines through or under the run.
	Strike, Underline bool
}

// Glyphs draws glyphs of one face by glyph id, each at its own offset from
// the run's origin. It reaches glyphs no character maps to (the size
// variants and extensible pieces of a math font's MATH table) and places
// glyphs where Text's advance-after-advance placement cannot (the stacked
// pieces of a tall delimiter, an accent over a letter). A run has one face
// and one size, so a superscript in a smaller size is a run of its own;
// within a run a glyph may sit off the baseline by its Y offset.
type Glyphs struct {
	X, Y   Length     // the run's origin; Y is its baseline
	Font   FontID     // the face, an index into Document.Fonts
	Size   Length     // the font size: one em
	Color  Color      // the fill colour of the glyphs
	Glyphs []GlyphPos // the glyphs in drawing order, each placed from the origin
}

// GlyphPos is one glyph of a Glyphs run.
type GlyphPos struct {
	// ID is the glyph's index in the face; it must be below the face's
	// number of glyphs.
	ID uint16
	// X and Y offset the glyph's origin from the run's origin. Y grows
	// downward like every position on the page: a glyph raised above the
	// baseline has a negative Y.
	X, Y Length
	// Text is the characters the glyph stands for (one, or several for a
	// ligature), given back by copying and text extraction; empty for a
	// glyph that stands for nothing (a piece of a delimiter). A glyph drawn
	// for different texts in one document is extracted as the first text
	// it was drawn for.
	Text string
}

// Rule draws a straight line.
type Rule struct {
	X1, Y1, X2, Y2 Length // the end points
	Width          Length // the line's thickness
	Color          Color  // the stroke colour
}

// Rect fills a rectangle (code block shading, table header background),
// or strokes it when Stroke is set (the frame of a missing image).
type Rect struct {
	X, Y, W, H Length // top-left corner, width and height
	Fill       Color  // the fill colour, or the outline's when Stroke is set
	Stroke     bool   // draw the outline only, in Fill, LineWidth thick
	LineWidth  Length // the outline's thickness; unused unless Stroke
}

// Image draws an image scaled into a box.
type Image struct {
	X, Y, W, H Length // the box: top-left corner, width and height
	// Key identifies the image in the document: Images with one Key are
	// one image.
	Key string
	// Data is the encoded image (PNG or JPEG) when the document holds it;
	// MediaType is image/png or image/jpeg.
	Data      []byte
	MediaType string // "image/png" or "image/jpeg"; "" when Data is nil
	// Source, when Data is nil, supplies the image when the painter writes
	// it, so that a document need not hold every image at once (the
	// layout's images come this way).
	Source ImageSource
	// Fallback is drawn in place of an image from a Source that cannot be
	// used (a frame and the alt text); its elements are placed relative
	// to the image's top-left corner. Only text, glyphs, rules and
	// rectangles.
	Fallback []Element
	// Vector, when not nil, is the image as a drawing (an SVG image),
	// which the painter draws scaled into the box instead of pixels; Data,
	// Source and Fallback are then unused. Images with one Key share one
	// Vector.
	Vector *Vector
}

// Vector is a drawing of shapes and text, in its own coordinate space:
// Width by Height units (the CSS pixels of an SVG image's viewport), x to
// the right and y down; an Image scales it into its box, and nothing
// outside that space shows.
type Vector struct {
	// Width and Height are the size of the drawing's space, in its units.
	Width, Height float64
	// Items are drawn in order.
	Items []VectorItem
}

// VectorItem is one thing a Vector draws: a shape or a text run, one of
// them set.
type VectorItem struct {
	// Shape is a path with its fill and stroke, in the units of its own
	// Matrix.
	Shape *svg.Shape
	// Text is a run of characters set in one of the document's faces.
	Text *VectorText
}

// VectorText is a run of characters from one face, drawn as Text draws
// (each character's glyph advancing by its rounded width in thousandths
// of an em, times Size), with its baseline origin at X, Y of a space that
// Matrix maps into the Vector's; its glyphs stand upright in that space.
// Clips, in the Vector's space, bound what shows of it, as a shape's.
type VectorText struct {
	// Matrix maps the text's space into the Vector's.
	Matrix svg.Matrix
	// Clips are the regions, in the Vector's space, outside which nothing
	// of the text shows; none clips nothing.
	Clips []svg.Clip
	// X and Y are the baseline origin of the first character, in the
	// text's space.
	X, Y float64
	// Font is the face the characters are drawn in.
	Font FontID
	// Size is the font size in the units of the text's space.
	Size float64
	// Color is the colour the glyphs are filled with.
	Color Color
	// Opacity is the text's alpha, 0 to 1.
	Opacity float64
	// Text is the characters, each drawn in Font (the layout chose a face
	// that has them).
	Text string
}

// ImageSource supplies an image's data when the painter needs it.
type ImageSource interface {
	// Cost estimates the memory that opening and painting the image
	// takes at its peak, in bytes: the painter keeps the images in flight
	// within a budget.
	Cost() int64
	// Open returns the image. It is called once, on any goroutine.
	Open() (ImageData, error)
	// Unusable is told why the image could not be used (Open failed, or
	// its data did not decode); the painter then draws the Fallback of
	// every Image with its Key. It is called once, on the goroutine that
	// called the painter.
	Unusable(err error)
}

// ImageData is an image as the painter takes it: a PNG or JPEG file, or
// pixels.
type ImageData struct {
	// Data is a PNG or JPEG file; MediaType says which.
	Data      []byte
	MediaType string // "image/png" or "image/jpeg"; "" when Data is nil
	// Checked says that the supplier decoded Data whole without error (it
	// made it, or read it): the painter need not decode it again.
	Checked bool
	// Pixels is the image itself, when Data is nil.
	Pixels image.Image
}

// Link makes a rectangle clickable: to a URL, or to a named anchor in the
// document.
type Link struct {
	X, Y, W, H Length // the clickable box: top-left corner, width and height (both must be above 0)
	URL        string // the address to open, or "" for a link to an anchor
	Anchor     string // the Name of an Anchor on some page, or "" for a URL; exactly one of URL and Anchor is set
}

// OutlineEntry is a PDF bookmark.
type OutlineEntry struct {
	Title    string          // the bookmark's text: the contents page's, a part's, a chapter's or a heading's title
	Page     int             // index into Document.Pages
	Y        Length          // where on the page
	Children []*OutlineEntry // the entries under it (a part's chapters, a chapter's headings); nil for none
}

func (Text) element()   {}
func (Glyphs) element() {}
func (Rule) element()   {}
func (Rect) element()   {}
func (Image) element()  {}
func (Link) element()   {}
