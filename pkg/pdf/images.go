package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for image.Decode, to check data before fpdf embeds it
	_ "image/png"

	"codeberg.org/go-pdf/fpdf"

	"github.com/hangul-press/publish/pkg/layout"
)

// fpdfImageType maps a media type to fpdf's image type and to the format
// name image.Decode reports for it.
var fpdfImageType = map[string]struct{ fpdf, format string }{
	"image/png":  {"PNG", "png"},
	"image/jpeg": {"JPG", "jpeg"},
}

// image draws an image scaled into its box. The data is registered with
// fpdf once per Key; a Key seen again must carry the same bytes.
func (p *painter) image(im layout.Image) error {
	if im.W <= 0 || im.H <= 0 {
		return fmt.Errorf("image %q: empty box %gx%g pt", im.Key, im.W.Pt(), im.H.Pt())
	}
	if err := p.registerImage(im); err != nil {
		return fmt.Errorf("image %q: %w", im.Key, err)
	}
	// AllowNegativePosition: a bleed image may start left of the page;
	// without it fpdf would move it to the current x.
	opts := fpdf.ImageOptions{ImageType: fpdfImageType[im.MediaType].fpdf, AllowNegativePosition: true}
	p.f.ImageOptions(im.Key, im.X.Pt(), im.Y.Pt(), im.W.Pt(), im.H.Pt(), false, opts, 0, "")
	return nil
}

// registerImage hands the image data to fpdf the first time its Key is seen.
func (p *painter) registerImage(im layout.Image) error {
	if im.Key == "" {
		return errors.New("image without a key")
	}
	if prev, ok := p.images[im.Key]; ok {
		if !bytes.Equal(prev, im.Data) {
			return errors.New("key used for two different images")
		}
		return nil
	}
	typ, ok := fpdfImageType[im.MediaType]
	if !ok {
		return fmt.Errorf("media type %q; only image/png and image/jpeg can be painted", im.MediaType)
	}
	if err := checkImage(im.Data, typ.format); err != nil {
		return err
	}
	opts := fpdf.ImageOptions{ImageType: typ.fpdf}
	p.f.RegisterImageOptionsReader(im.Key, opts, bytes.NewReader(im.Data))
	if err := p.f.Error(); err != nil {
		return err
	}
	p.images[im.Key] = im.Data
	return nil
}

// checkImage decodes the whole image. fpdf reads only the headers of a
// JPEG, and copies the compressed data of most PNGs without inflating it,
// so a truncated or corrupt file would otherwise end up in the PDF and
// fail in the reader's viewer instead of here.
func checkImage(data []byte, format string) error {
	_, got, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("data does not decode: %w", err)
	}
	if got != format {
		return fmt.Errorf("data is %s, not %s", got, format)
	}
	return nil
}
