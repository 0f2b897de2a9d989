package pdf

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf v0.12.0 writes the image objects in the order of a slice of the keys
// of its image map, which comes out of the map in random order and, with
// SetCatalogSort, is sorted by pixel width alone (putimages in fpdf.go). Two
// images of the same pixel width therefore come out in either order, and so
// do their object numbers: the file changes from run to run.
//
// fpdf keeps the pixel width as a float64 and writes it through int() (the
// /Width of the image and the /Columns of its soft mask), so a fraction
// added to it orders the objects without changing a byte of what is
// written. ImageInfoType has no setter for the width, but it has GobEncode
// and GobDecode, which exist to save and restore an image's state; the
// width is changed by decoding that state, adding the fraction and
// restoring it.

// widthStep is the fraction that tells apart images of one pixel width: the
// n-th image of a width registered (from 0) gets n steps. A power of two
// keeps the sums exact, and 2^20 images of one width, each with 2^31
// columns, still stay below the next whole pixel with float64's 52-bit
// fraction.
const widthStep = 1.0 / (1 << 20)

// maxSameWidth bounds the images of one pixel width, so that the fractions
// never reach a whole pixel.
const maxSameWidth = 1 << 20

// imageState mirrors, field by field, what ImageInfoType.GobEncode writes
// in fpdf v0.12.0: data, soft mask, object number, width, height, colour
// space, palette, bits per component, filter, decode parameters,
// transparency, scale and dpi, each as a separate gob value.
type imageState struct {
	data, smask []byte
	n           int
	w, h        float64
	cs          string
	pal         []byte
	bpc         int
	filter, dp  string
	trns        []int
	scale, dpi  float64
}

func (s *imageState) fields() []any {
	return []any{&s.data, &s.smask, &s.n, &s.w, &s.h, &s.cs, &s.pal, &s.bpc, &s.filter, &s.dp, &s.trns, &s.scale, &s.dpi}
}

// orderImage makes the sort key of an image registered with fpdf unique
// among the images of its pixel width: rank is how many images of that
// width were registered before it. The first keeps its width untouched.
func orderImage(info *fpdf.ImageInfoType, rank int) error {
	if rank == 0 {
		return nil
	}
	if rank >= maxSameWidth {
		return fmt.Errorf("more than %d images of one pixel width", maxSameWidth)
	}
	return addToWidth(info, float64(rank)*widthStep)
}

// addToWidth adds d (less than one pixel) to fpdf's record of the image's
// pixel width, and checks that the width, and nothing else, changed.
func addToWidth(info *fpdf.ImageInfoType, d float64) error {
	var s imageState
	if err := decodeState(info, &s); err != nil {
		return err
	}
	w, h := info.Width(), info.Height()
	s.w += d
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	for _, f := range s.fields() {
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("re-encoding fpdf's image state: %w", err)
		}
	}
	if err := info.GobDecode(buf.Bytes()); err != nil {
		return fmt.Errorf("restoring fpdf's image state: %w", err)
	}
	var got imageState
	if err := decodeState(info, &got); err != nil {
		return err
	}
	if got.w != s.w || info.Width() <= w || info.Height() != h {
		return fmt.Errorf("internal error: fpdf's image state is not laid out as expected (width %g, want %g)", got.w, s.w)
	}
	return nil
}

// decodeState reads fpdf's saved state of an image into s.
func decodeState(info *fpdf.ImageInfoType, s *imageState) error {
	b, err := info.GobEncode()
	if err != nil {
		return fmt.Errorf("saving fpdf's image state: %w", err)
	}
	dec := gob.NewDecoder(bytes.NewReader(b))
	for _, f := range s.fields() {
		if err := dec.Decode(f); err != nil {
			return fmt.Errorf("reading fpdf's image state: %w", err)
		}
	}
	if s.w < 1 {
		return fmt.Errorf("internal error: fpdf records an image %g pixels wide", s.w)
	}
	return nil
}
