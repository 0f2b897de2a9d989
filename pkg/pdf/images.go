package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for image.Decode
	_ "image/png"

	"sync"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/raster"
)

// imageFormats maps the media types the painter takes to the format name
// image.Decode reports for them.
var imageFormats = map[string]string{
	"image/png":  "png",
	"image/jpeg": "jpeg",
}

// imageSet holds the document's images: one XObject per distinct content,
// in the order first drawn, and the Keys that name each.
type imageSet struct {
	byKey     map[string]int // index into list
	byContent map[[sha256.Size]byte]int
	list      []*pdfImage
	// faces and fontObjs are the document's fonts and their objects,
	// which vectors' forms draw their text with; set before writeImages.
	faces    []*faceUse
	fontObjs []int
}

// pdfImage is one image XObject: where it was first drawn, its data or
// source and, once written, its object number (0 when it could not be
// used, and its Fallback is drawn instead).
type pdfImage struct {
	key, mediaType string
	data           []byte
	source         layout.ImageSource
	vector         *layout.Vector
	page, element  int // first use, from 0
	obj            int
	failed         bool
}

func newImageSet() *imageSet {
	return &imageSet{byKey: map[string]int{}, byContent: map[[sha256.Size]byte]int{}}
}

// check refuses an image without a box, without a Key, with a Key already
// used for other bytes, of a media type the painter does not take, or
// with a Fallback that is not made of text, glyphs, rules and rectangles.
func (s *imageSet) check(im layout.Image) error {
	switch {
	case im.W <= 0 || im.H <= 0:
		return fmt.Errorf("empty box %gx%g pt", im.W.Pt(), im.H.Pt())
	case im.Key == "":
		return errors.New("image without a key")
	case im.Data == nil && im.Source == nil && im.Vector == nil:
		return errors.New("image without data, source or vector")
	}
	for _, el := range im.Fallback {
		switch el.(type) {
		case layout.Text, layout.Glyphs, layout.Rule, layout.Rect:
		default:
			return fmt.Errorf("fallback holds a %T", el)
		}
	}
	if i, ok := s.byKey[im.Key]; ok {
		old := s.list[i]
		if old.vector != im.Vector || (old.source == nil) != (im.Source == nil) || im.Vector == nil && im.Source == nil && !bytes.Equal(old.data, im.Data) {
			return errors.New("key used for two different images")
		}
		return nil
	}
	if _, ok := imageFormats[im.MediaType]; !ok && im.Source == nil && im.Vector == nil {
		return fmt.Errorf("media type %q; only image/png and image/jpeg can be painted", im.MediaType)
	}
	return nil
}

// use records a checked image drawn as element j of page i, and returns
// its index. The same bytes under two Keys are one XObject; images from a
// source are one per Key.
func (s *imageSet) use(im layout.Image, i, j int) int {
	if k, ok := s.byKey[im.Key]; ok {
		return k
	}
	if im.Vector != nil {
		k := len(s.list)
		s.list = append(s.list, &pdfImage{key: im.Key, vector: im.Vector, page: i, element: j})
		s.byKey[im.Key] = k
		return k
	}
	if im.Source != nil {
		k := len(s.list)
		s.list = append(s.list, &pdfImage{key: im.Key, source: im.Source, page: i, element: j})
		s.byKey[im.Key] = k
		return k
	}
	sum := contentSum(im)
	k, ok := s.byContent[sum]
	if !ok {
		k = len(s.list)
		s.list = append(s.list, &pdfImage{key: im.Key, mediaType: im.MediaType, data: im.Data, page: i, element: j})
		s.byContent[sum] = k
	}
	s.byKey[im.Key] = k
	return k
}

// contentSum identifies an image by its media type and bytes.
func contentSum(im layout.Image) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(im.MediaType))
	h.Write([]byte{0})
	h.Write(im.Data)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// writeImages encodes the images and writes them to w, in first-use
// order, as they are ready: each is opened (read, decoded, scaled by its
// source) and encoded on a worker ahead of need, within budget, so that
// only the images in flight are in memory. An image from a source that
// cannot be used is told so (Unusable) and marked failed; its pages draw
// the Fallback. An image given as data that cannot be used is an error
// naming its first use and its Key.
func (s *imageSet) writeImages(w *fileWriter, budget *raster.Budget) error {
	var err error
	parallel.Ordered(len(s.list), func(i int) func() {
		return budget.Acquire(s.list[i].cost())
	}, func(i int) encoded {
		c := compressors.Get().(*compressor)
		defer compressors.Put(c)
		return s.list[i].encode(c, s)
	}, func(i int, e encoded) {
		im := s.list[i]
		switch {
		case err != nil:
		case e.err != nil && im.source != nil:
			im.failed = true
			im.source.Unusable(e.err)
		case e.err != nil:
			err = fmt.Errorf("page %d, element %d: image %q: %w", im.page+1, im.element+1, im.key, e.err)
		default:
			im.obj = writeImage(w, e.x)
		}
	})
	return err
}

// compressors are the workers' compressors for images.
var compressors = sync.Pool{New: func() any { return newCompressor() }}

// encoded is an image's XObject, or why it cannot be made.
type encoded struct {
	x   *xobject
	err error
}

// cost estimates the memory encoding the image takes at its peak.
func (im *pdfImage) cost() int64 {
	if im.vector != nil {
		return vectorCost(im.vector)
	}
	if im.source != nil {
		return im.source.Cost()
	}
	info, err := raster.Inspect(im.data, maxImagePixels)
	if err != nil {
		return int64(len(im.data))
	}
	return 2*int64(len(im.data)) + info.DecodeBytes
}

// encode opens the image and makes its XObject (a vector's form, with the
// set's fonts). A panic in a source or a decoder becomes the image's
// error.
func (im *pdfImage) encode(c *compressor, s *imageSet) (e encoded) {
	defer func() {
		if r := recover(); r != nil {
			e = encoded{err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	if im.vector != nil {
		return encoded{x: vectorXObject(c, im.vector, s.faces, s.fontObjs)}
	}
	if im.source == nil {
		x, err := encodeImage(c, im.data, imageFormats[im.mediaType])
		return encoded{x, err}
	}
	d, err := im.source.Open()
	switch {
	case err != nil:
		return encoded{err: err}
	case d.Data == nil && d.Pixels == nil:
		return encoded{err: errors.New("the source gave no image")}
	case d.Data == nil:
		return encoded{x: pixelXObject(c, d.Pixels)}
	}
	format, ok := imageFormats[d.MediaType]
	if !ok {
		return encoded{err: fmt.Errorf("media type %q; only image/png and image/jpeg can be painted", d.MediaType)}
	}
	if d.Checked && format == "jpeg" {
		if h, err := readJPEGHeader(d.Data); err == nil && h.passThrough() {
			return encoded{x: jpegXObject(h, d.Data)}
		}
	}
	x, err := encodeImage(c, d.Data, format)
	return encoded{x, err}
}

// xobject is an encoded image: its dictionary entries and data, and those
// of its soft mask (alpha), if any.
type xobject struct {
	dict, data         []byte
	maskDict, maskData []byte
}

// encodeImage checks the image, which must be of the format its media type
// says, and encodes it for the PDF. The compressed data of an opaque,
// non-interlaced PNG of 8-bit samples (or 1–4-bit grey or palette) goes in
// as it is, as PDF's Flate filter with PNG predictors reads it; it is
// inflated first to check it is whole. Every other image is decoded whole,
// which refuses a truncated or corrupt file here rather than in the
// reader's viewer: a JPEG whose header says a PDF reader can decode it
// goes in unchanged, the rest is written as 8-bit samples.
func encodeImage(c *compressor, data []byte, format string) (*xobject, error) {
	cfg, got, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("data does not decode: %w", err)
	}
	if got != format {
		return nil, fmt.Errorf("data is %s, not %s", got, format)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > maxImagePixels {
		return nil, fmt.Errorf("%dx%d pixels; the PDF writer takes at most %d", cfg.Width, cfg.Height, int64(maxImagePixels))
	}
	if format == "png" {
		if p, err := readPNGChunks(data); err == nil && p.passThrough() {
			if err := p.checkData(); err != nil {
				return nil, fmt.Errorf("data does not decode: %w", err)
			}
			return pngXObject(p), nil
		}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("data does not decode: %w", err)
	}
	if format == "jpeg" {
		if h, err := readJPEGHeader(data); err == nil && h.passThrough() {
			return jpegXObject(h, data), nil
		}
	}
	return pixelXObject(c, img), nil
}

// maxImagePixels bounds the pixels of one image, checked from its header
// before anything is decoded: 2^28, over five times the book's default
// max_image_pixels, so that a decompression bomb handed to the writer
// directly fails here instead of exhausting memory.
const maxImagePixels = 1 << 28

// jpegXObject passes a JPEG through as a DCTDecode image.
func jpegXObject(h jpegHeader, data []byte) *xobject {
	b := imageDict(h.width, h.height, h.colorSpace())
	b = append(b, "/Filter/DCTDecode"...)
	if h.inverted() {
		b = append(b, "/Decode[1 0 1 0 1 0 1 0]"...)
	}
	return &xobject{dict: b, data: data}
}

// imageDict starts an image XObject's dictionary entries for 8-bit
// samples; colorSpace is a name or an array, as written.
func imageDict(w, h int, colorSpace string) []byte {
	return imageDictBits(w, h, colorSpace, 8)
}

// imageDictBits is imageDict for bpc bits per sample.
func imageDictBits(w, h int, colorSpace string, bpc int) []byte {
	b := []byte("/Type/XObject/Subtype/Image/Width ")
	b = appendInt(b, w)
	b = append(b, "/Height "...)
	b = appendInt(b, h)
	b = append(b, "/ColorSpace"...)
	b = append(b, colorSpace...)
	b = append(b, "/BitsPerComponent "...)
	return appendInt(b, bpc)
}

// writeImage writes an image's XObject (and its soft mask) and returns the
// image's object number.
func writeImage(w *fileWriter, x *xobject) int {
	n := w.reserve()
	dict := x.dict
	if x.maskData != nil {
		mask := w.reserve()
		dict = appendRef(append(dict, "/SMask "...), mask)
		w.stream(n, dict, x.data)
		w.stream(mask, x.maskDict, x.maskData)
		return n
	}
	w.stream(n, dict, x.data)
	return n
}
