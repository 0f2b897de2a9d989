package layout

import (
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/yuin/goldmark/ast"
)

// Image sizing.
const (
	// printDPI is the resolution images are reduced to at their printed
	// size: 300 dpi is what print shops ask for photographs.
	printDPI = 300
	// downsampleSlack lets an image up to 1.5 times that resolution
	// through untouched: re-encoding costs quality and time, and the
	// saving is small.
	downsampleSlack = 1.5
	// naturalDPI is the coarsest resolution an image is printed at: an
	// image is never enlarged past its pixel size at 150 dpi, the usual
	// floor for pictures in print, where a coarser one shows its pixels
	// at reading distance. A 236-pixel formula GIF prints 40 mm wide, its
	// 16-pixel text at about 7.7 pt; an 800-pixel screenshot 135 mm, so
	// the full measure of A5; a photograph the full measure.
	naturalDPI = 150
	// cssPxPt converts CSS pixels (1/96 in) to points.
	cssPxPt = 0.75
	// rowGap is the space between images set side by side, in body
	// sizes: about the word space a browser leaves between inline
	// images, a little wider so that the pictures read apart.
	rowGap = 0.5
	// missingLines is the least height of the frame shown for a missing
	// image, in body line pitches, and missingPad the room between its
	// sides and its text, in body sizes.
	missingLines = 3
	missingPad   = 1
	// captionScale is the caption size in body sizes.
	captionScale = 0.85
)

// figure sets an image that stands alone in its paragraph.
func (e *engine) figure(img *ast.Image) {
	e.figures(e.images[img])
}

// figures sets a run of images that stand together (the images of one
// paragraph or one HTML block, with nothing but white space between them)
// as a browser would: side by side while their widths fit on one line,
// else one under the other. An image alone on its line is a figure,
// captioned by its title or alt text, which floats to the next page
// rather than split; a line of images is one box, each image captioned
// under it. A missing or remote image is shown as its alt text in a frame.
func (e *engine) figures(refs []*book.ImageRef) {
	var row []placedImage
	var used Length
	flush := func() {
		e.imageRow(row)
		row, used = nil, 0
	}
	for _, ref := range refs {
		im, ok := e.sizeImage(ref)
		if !ok {
			flush()
			e.blockSpace(parSkip)
			e.missingImage(ref)
			continue
		}
		gap := Length(rowGap * float64(e.size))
		if len(row) > 0 && used+gap+im.w > e.width() {
			flush()
		}
		if len(row) > 0 {
			used += gap
		}
		row = append(row, im)
		used += im.w
	}
	flush()
}

// placedImage is an image reference with its printed size, and, for an
// SVG image, its vector and key.
type placedImage struct {
	ref    *book.ImageRef
	w, h   Length
	vector *Vector
	key    string
}

// sizeImage decides an image's printed size (imageWidth, vectorWidth),
// never taller than the text block with a line to spare; false when the
// image cannot be placed in the PDF (missing, remote, an SVG image that
// cannot be drawn).
func (e *engine) sizeImage(ref *book.ImageRef) (placedImage, bool) {
	a := ref.Asset
	if a != nil && a.MediaType == svgMediaType {
		return e.sizeVector(ref)
	}
	if a == nil || a.Width <= 0 || a.Height <= 0 {
		return placedImage{}, false
	}
	return e.placed(ref, e.imageWidth(ref), float64(a.Height)/float64(a.Width)), true
}

// placed sizes an image w wide, of proportions ratio (height over width),
// so that it and its caption fit the text block with a line to spare.
func (e *engine) placed(ref *book.ImageRef, w Length, ratio float64) placedImage {
	h := Length(float64(w) * ratio)
	capH := height(e.caption(e.captionOf(ref), ref, 0, e.width()))
	// never taller than the page leaves beside its caption; a caption too
	// long for that (on a small page) still leaves the image a third of it
	if maxH := max(e.geo.textH-capH-e.pitch, e.geo.textH/3); h > maxH {
		w, h = Length(float64(w)*float64(maxH)/float64(h)), maxH
	}
	return placedImage{ref: ref, w: max(w, 1), h: max(h, 1)}
}

// imageRow sets the images of one line: one alone as a figure, several
// side by side.
func (e *engine) imageRow(row []placedImage) {
	switch len(row) {
	case 0:
	case 1:
		e.singleFigure(row[0])
	default:
		e.sideBySide(row)
	}
}

// singleFigure sets one image centred on the measure, with its caption
// under it, centred on the measure too.
func (e *engine) singleFigure(im placedImage) {
	e.blockSpace(parSkip)
	capBoxes := e.caption(e.captionOf(im.ref), im.ref, 0, e.width())
	b := &vbox{h: im.h, els: []Element{e.imageElement(im, e.ctx.left+(e.width()-im.w)/2, 0)}}
	b.keep = len(capBoxes) > 0
	if e.floats() {
		b.float = 1 + len(capBoxes)
	}
	e.emit(b)
	for i, c := range capBoxes {
		c.keep = i < len(capBoxes)-1 // the image keeps with its whole caption
		e.emit(c)
	}
}

// sideBySide sets a line of images as one box: centred as a group, their
// bottoms on one line (as inline images sit on a baseline), each caption
// under its image in the image's width.
func (e *engine) sideBySide(row []placedImage) {
	e.blockSpace(parSkip)
	gap := Length(rowGap * float64(e.size))
	total, tallest := Length(0), Length(0)
	for i, im := range row {
		total += im.w
		if i > 0 {
			total += gap
		}
		tallest = max(tallest, im.h)
	}
	b := &vbox{}
	x := e.ctx.left + (e.width()-total)/2
	capH := Length(0)
	for _, im := range row {
		b.els = append(b.els, e.imageElement(im, x, tallest-im.h))
		y := tallest
		for _, c := range e.caption(e.captionOf(im.ref), im.ref, x-e.ctx.left, im.w) {
			for _, el := range c.els {
				b.els = append(b.els, shifted(el, 0, y))
			}
			y += c.h
		}
		capH = max(capH, y-tallest)
		x += im.w + gap
	}
	b.h = tallest + capH
	if e.floats() {
		b.float = 1
	}
	e.emit(b)
}

// floats reports whether a figure here may float: only one of the main
// text; one in a list or a quotation stays inside it.
func (e *engine) floats() bool {
	return e.ctx.left == 0 && e.ctx.right == 0 && len(e.ctx.bars) == 0
}

// captionOf is an image's caption: what its HTML <figure> gives it, else
// its title, else its alt text.
func (e *engine) captionOf(ref *book.ImageRef) string {
	if c, ok := e.figCaptions[ref]; ok {
		return c
	}
	if img, ok := ref.Node.(*ast.Image); ok && len(img.Title) > 0 {
		return string(img.Title)
	}
	return book.FigureAlt(ref.Alt)
}

// caption sets a caption, centred and small, in grey, in the width w at x
// from the context's left edge.
func (e *engine) caption(text string, ref *book.ImageRef, x, w Length) []*vbox {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	st := e.bodyStyle()
	st.size = Length(captionScale * float64(e.size))
	st.color = grayColor
	return e.setText([]span{{text: text, st: st, node: ref.Node}},
		textOpts{center: true, size: st.size, pitch: Length(float64(st.size) * e.set.LineHeight), x: x, width: w})
}

// missingImage frames the alt text of an image that cannot be shown, or,
// without one, the file name it asked for (as the EPUB does); its title,
// when it has one, is the caption under the frame.
func (e *engine) missingImage(ref *book.ImageRef) {
	b := e.framed(book.StandIn(ref.Alt, ref.URL), ref.Node)
	var capBoxes []*vbox
	if c, ok := e.figCaptions[ref]; ok {
		capBoxes = e.caption(c, ref, 0, e.width())
	} else if img, ok := ref.Node.(*ast.Image); ok && len(img.Title) > 0 {
		capBoxes = e.caption(string(img.Title), ref, 0, e.width())
	}
	b.keep = len(capBoxes) > 0
	e.emit(b)
	for i, c := range capBoxes {
		c.keep = i < len(capBoxes)-1
		e.emit(c)
	}
}

// framed sets text, grey and centred, in a frame the width of the
// measure: what stands in for something the book cannot show. The text
// wraps inside the frame, breaking a long name anywhere as the last
// resort, and the frame grows to hold it.
func (e *engine) framed(text string, node ast.Node) *vbox {
	st := e.bodyStyle()
	st.color = grayColor
	pad := Length(missingPad * float64(e.size))
	lines := e.setText([]span{{text: text, st: st, node: node}},
		textOpts{center: true, size: st.size, pitch: e.pitch, width: e.width() - 2*pad, x: pad})
	h := max(missingLines*e.pitch, height(lines)+e.pitch)
	b := &vbox{h: h, els: []Element{Rect{X: e.ctx.left, Y: 0, W: e.width(), H: h, Fill: ruleColor, Stroke: true, LineWidth: Pt(0.5)}}}
	top := (h - height(lines)) / 2
	for _, l := range lines {
		for _, el := range l.els {
			b.els = append(b.els, shifted(el, 0, top))
		}
		top += l.h
	}
	return b
}
