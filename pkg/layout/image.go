package layout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // decoders for the formats the book accepts
	"image/jpeg"
	"image/png"
	"path"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/raster"
	"github.com/yuin/goldmark/ast"
	_ "golang.org/x/image/webp"
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
	// cssPxPt converts an HTML width in CSS pixels (1/96 in) to points.
	cssPxPt = 0.75
	// jpegQuality is the quality a downsampled JPEG is written at:
	// indistinguishable from the original in print.
	jpegQuality = 90
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
	refs := e.images[img]
	if len(refs) == 0 {
		return
	}
	e.figureRef(refs[0], img, 0)
}

// figureRef sets one image as a figure: scaled to the measure, to its
// kramdown width or to an HTML width of px CSS pixels (when not 0), never taller than the page, kept whole (it moves to the
// next page rather than split), captioned by its title or alt text. A
// missing or remote image is shown as its alt text in a frame.
func (e *engine) figureRef(ref *book.ImageRef, img *ast.Image, px float64) {
	e.blockSpace(parSkip)
	caption := ref.Alt
	if img != nil && len(img.Title) > 0 {
		caption = string(img.Title)
	}
	capBoxes := e.caption(caption, ref)
	var b *vbox
	if a := ref.Asset; a != nil && a.Width > 0 && a.Height > 0 {
		b = e.imageBox(ref, img, px, height(capBoxes))
	}
	if b == nil {
		e.missingImage(ref, img)
		return
	}
	b.keep = len(capBoxes) > 0
	if e.ctx.left == 0 && e.ctx.right == 0 && len(e.ctx.bars) == 0 {
		// only a figure of the main text floats: one in a list or a
		// quotation stays inside it
		b.float = 1 + len(capBoxes)
	}
	e.emit(b)
	for i, c := range capBoxes {
		c.keep = i < len(capBoxes)-1 // the image keeps with its whole caption
		e.emit(c)
	}
}

// imageBox scales and places an image; nil when it cannot be drawn.
func (e *engine) imageBox(ref *book.ImageRef, img *ast.Image, px float64, capH Length) *vbox {
	a := ref.Asset
	w := e.width()
	if frac, ok := widthAttr(img, ref); ok {
		w = min(w, Length(frac*float64(e.width())))
	} else if px > 0 {
		w = min(w, Pt(px*cssPxPt))
	}
	h := Length(float64(w) * float64(a.Height) / float64(a.Width))
	// never taller than the page leaves beside its caption; a caption too
	// long for that (on a small page) still leaves the image a third of it
	if maxH := max(e.geo.textH-capH-e.pitch, e.geo.textH/3); h > maxH {
		w, h = Length(float64(w)*float64(maxH)/float64(h)), maxH
	}
	data, typ, key, err := e.imageData(a, w)
	if err != nil {
		e.diags.Warnf(ref.Pos, "image %s: %v", ref.URL, err)
		return nil
	}
	x := e.ctx.left + (e.width()-w)/2
	return &vbox{h: h, els: []Element{Image{X: x, Y: 0, W: w, H: h, Key: key, Data: data, MediaType: typ}}}
}

// widthAttr reads a kramdown width="60%" as a fraction of the measure.
func widthAttr(img *ast.Image, ref *book.ImageRef) (float64, bool) {
	var v string
	if img != nil {
		if a, ok := img.AttributeString("width"); ok {
			if b, ok := a.([]byte); ok {
				v = string(b)
			}
		}
	}
	pct, ok := strings.CutSuffix(strings.TrimSpace(v), "%")
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(pct, 64)
	if err != nil || f <= 0 {
		return 0, false
	}
	return min(f/100, 1), true
}

// caption sets a figure's caption, centred and small, in grey.
func (e *engine) caption(text string, ref *book.ImageRef) []*vbox {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	st := e.bodyStyle()
	st.size = Length(captionScale * float64(e.size))
	st.color = grayColor
	return e.setText([]span{{text: text, st: st, node: ref.Node}},
		textOpts{center: true, size: st.size, pitch: Length(float64(st.size) * e.set.LineHeight)})
}

// missingImage frames the alt text of an image that cannot be shown, or,
// without one, the file name it asked for (as the EPUB does); its title,
// when it has one, is the caption under the frame.
func (e *engine) missingImage(ref *book.ImageRef, img *ast.Image) {
	alt := ref.Alt
	if strings.TrimSpace(alt) == "" {
		alt = path.Base(ref.URL)
	}
	b := e.framed(alt, ref.Node)
	var capBoxes []*vbox
	if img != nil && len(img.Title) > 0 {
		capBoxes = e.caption(string(img.Title), ref)
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

// imageData returns the image's bytes as the painter takes them: PNG and
// JPEG as they are unless far sharper than printDPI at width w, GIF and
// WebP converted to PNG. The key names the data in the document.
func (e *engine) imageData(a *book.Asset, w Length) ([]byte, string, string, error) {
	maxPx := int(w.Pt() / 72 * printDPI)
	big := float64(a.Width) > downsampleSlack*float64(maxPx)
	if (a.MediaType == "image/png" || a.MediaType == "image/jpeg") && !big {
		return a.Data, a.MediaType, a.Name, nil
	}
	if a.MediaType == "image/svg+xml" {
		return nil, "", "", fmt.Errorf("SVG images cannot be placed in the PDF")
	}
	src, _, err := image.Decode(bytes.NewReader(a.Data))
	if err != nil {
		return nil, "", "", err
	}
	key := a.Name
	if big {
		src = downsample(src, maxPx)
		key = fmt.Sprintf("%s@%dpx", a.Name, maxPx)
	}
	var buf bytes.Buffer
	if a.MediaType == "image/jpeg" {
		err = jpeg.Encode(&buf, src, &jpeg.Options{Quality: jpegQuality})
		return buf.Bytes(), "image/jpeg", key, err
	}
	err = png.Encode(&buf, src)
	return buf.Bytes(), "image/png", key + ".png", err
}

// downsample scales src to width px, keeping its aspect ratio.
func downsample(src image.Image, px int) image.Image {
	b := src.Bounds()
	return raster.Downscale(src, px, max(1, b.Dy()*px/b.Dx()))
}
