package layout

import (
	"bytes"
	"fmt"
	"image/jpeg"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/raster"
)

// The layout decides where an image goes and at how many pixels; it does
// not read or decode it. Each Image element carries a source, shared by
// every reference to the same content at the same pixel size, which the
// painter opens when it writes the image, ahead of need and within its
// memory budget: the image is decoded and scaled once, off the layout's
// path, and never held longer than it takes to write it.

// jpegQuality is the quality a downsampled JPEG is written at:
// indistinguishable from the original in print.
const jpegQuality = 90

// imageElement places an image of the book at x, y (the box's top-left
// corner), with the framed alt text as its fallback; an SVG image as its
// vector, which cannot fail when painted.
func (e *engine) imageElement(im placedImage, x, y Length) Image {
	if im.vector != nil {
		return Image{X: x, Y: y, W: im.w, H: im.h, Key: im.key, Vector: im.vector}
	}
	src := e.imageSource(im.ref.Asset, im.w)
	src.refs = append(src.refs, im.ref)
	return Image{X: x, Y: y, W: im.w, H: im.h, Key: src.key, Source: src, Fallback: e.fallback(im)}
}

// imageSource returns the one source of an asset's content at the pixel
// width that printing it w wide needs: its own pixels unless they are far
// sharper than printDPI.
func (e *engine) imageSource(a *book.Asset, w Length) *imageSource {
	px := 0
	if maxPx := int(w.Pt() / 72 * printDPI); float64(a.Width) > downsampleSlack*float64(maxPx) {
		px = max(maxPx, 1)
	}
	key := fmt.Sprintf("%x@%d", a.Sum[:12], px)
	if s, ok := e.sources[key]; ok {
		return s
	}
	if e.sources == nil {
		e.sources = map[string]*imageSource{}
	}
	s := &imageSource{key: key, a: a, px: px, maxPixels: e.b.Config.MaxImagePixels, diags: e.sink}
	e.sources[key] = s
	return s
}

// fallback is what the painter draws when the image cannot be used: a
// frame the size of the image with the alt text inside, as many lines of
// it as fit (at least one); the file name instead when the alt text is
// already the caption under the image, or there is none.
func (e *engine) fallback(im placedImage) []Element {
	els := []Element{Rect{W: im.w, H: im.h, Fill: ruleColor, Stroke: true, LineWidth: Pt(0.5)}}
	alt := book.StandIn(im.ref.Alt, im.ref.URL)
	if e.captionOf(im.ref) == alt {
		alt = book.StandIn("", im.ref.URL)
	}
	st := e.bodyStyle()
	st.size = Length(captionScale * float64(e.size))
	st.color = grayColor
	pitch := Length(float64(st.size) * e.set.LineHeight)
	pad := min(im.w/10, st.size)
	// Set aside what setting the text reports (and the characters it
	// would mark as reported): the fallback is drawn only if the image
	// fails, which is reported then.
	diags, missing := e.diags, e.missing
	e.diags, e.missing = &diag.List{}, missingChars{}
	lines := e.setText([]span{{text: alt, st: st, node: im.ref.Node}},
		textOpts{center: true, size: st.size, pitch: pitch, width: max(im.w-2*pad, 1)})
	e.diags, e.missing = diags, missing
	fit := max(1, min(len(lines), int(im.h/pitch)))
	lines = lines[:fit]
	top := (im.h - height(lines)) / 2
	for _, l := range lines {
		for _, el := range l.els {
			els = append(els, shifted(el, pad-e.ctx.left, top))
		}
		top += l.h
	}
	return els
}

// imageSource supplies one content of the book at one pixel width to the
// painter (ImageSource).
type imageSource struct {
	key       string
	a         *book.Asset
	px        int // the width to scale to; 0 keeps the image's own
	maxPixels int64
	diags     *diag.List
	refs      []*book.ImageRef // every reference drawn with it
}

// Cost is the file, the decoded image, and the scaled copy with its
// encoding.
func (s *imageSource) Cost() int64 {
	cost := 2*s.a.Size + s.a.DecodeBytes
	if s.px > 0 {
		cost += 5 * int64(s.px) * int64(scaledHeight(s.a, s.px))
	}
	return cost
}

// Open reads the image and makes what the painter takes: a PNG or JPEG
// that needs no scaling goes as it is (the painter decodes it to check
// it); anything else is decoded here, which checks it, and scaled: a JPEG
// comes back as a JPEG, the rest as pixels.
func (s *imageSource) Open() (ImageData, error) {
	if err := s.a.Problem(); err != nil {
		return ImageData{}, err // another writer found it unusable already
	}
	data, err := s.a.Bytes()
	if err != nil {
		return ImageData{}, err
	}
	asIs := s.a.MediaType == "image/png" || s.a.MediaType == "image/jpeg"
	if s.px == 0 && asIs {
		return ImageData{Data: data, MediaType: s.a.MediaType}, nil
	}
	img, _, err := raster.Decode(data, s.maxPixels)
	if err != nil {
		return ImageData{}, err
	}
	if s.px > 0 {
		img = raster.Downscale(img, s.px, scaledHeight(s.a, s.px))
	}
	if s.a.MediaType != "image/jpeg" {
		return ImageData{Pixels: img}, nil
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
		return ImageData{}, err
	}
	return ImageData{Data: buf.Bytes(), MediaType: "image/jpeg", Checked: true}, nil
}

// Unusable reports the image at each reference drawn with it.
func (s *imageSource) Unusable(err error) {
	s.a.SetProblem(err)
	for _, ref := range s.refs {
		ref.WarnUnusable(s.diags, err)
	}
}

// scaledHeight is the height of an asset scaled to px wide.
func scaledHeight(a *book.Asset, px int) int {
	return max(1, a.Height*px/max(a.Width, 1))
}
