package pdf

import (
	"bytes"
	"crypto/sha256"
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
	name, err := p.registerImage(im)
	if err != nil {
		return fmt.Errorf("image %q: %w", im.Key, err)
	}
	// AllowNegativePosition: a bleed image may start left of the page;
	// without it fpdf would move it to the current x.
	opts := fpdf.ImageOptions{ImageType: fpdfImageType[im.MediaType].fpdf, AllowNegativePosition: true}
	p.f.ImageOptions(name, im.X.Pt(), im.Y.Pt(), im.W.Pt(), im.H.Pt(), false, opts, 0, "")
	return nil
}

// registeredImage is an image as the painter registered it with fpdf.
type registeredImage struct {
	data []byte
	name string // fpdf's name for it: the Key of the first image with its bytes
}

// imageRegistry remembers the images handed to fpdf: by Key, to refuse a
// Key reused for other data; by content, so that the same bytes under two
// Keys are one image (fpdf merges them only while their records are equal,
// and ordering changes the record); and how many of each pixel width there
// are, to order them (see imageorder.go).
type imageRegistry struct {
	byKey     map[string]registeredImage
	byContent map[[sha256.Size]byte]string
	perWidth  map[int]int
}

func newImageRegistry() *imageRegistry {
	return &imageRegistry{byKey: map[string]registeredImage{}, byContent: map[[sha256.Size]byte]string{}, perWidth: map[int]int{}}
}

// registerImage hands the image data to fpdf the first time its bytes are
// seen and returns the name to draw it by.
func (p *painter) registerImage(im layout.Image) (string, error) {
	if im.Key == "" {
		return "", errors.New("image without a key")
	}
	reg := p.images
	if prev, ok := reg.byKey[im.Key]; ok {
		if !bytes.Equal(prev.data, im.Data) {
			return "", errors.New("key used for two different images")
		}
		return prev.name, nil
	}
	typ, ok := fpdfImageType[im.MediaType]
	if !ok {
		return "", fmt.Errorf("media type %q; only image/png and image/jpeg can be painted", im.MediaType)
	}
	sum := contentSum(im)
	if name, ok := reg.byContent[sum]; ok {
		reg.byKey[im.Key] = registeredImage{data: im.Data, name: name}
		return name, nil
	}
	if err := p.addImage(im, typ.fpdf, typ.format); err != nil {
		return "", err
	}
	reg.byContent[sum] = im.Key
	reg.byKey[im.Key] = registeredImage{data: im.Data, name: im.Key}
	return im.Key, nil
}

// addImage checks an image and registers it with fpdf under its Key, ordered
// after the images of its pixel width registered before it.
func (p *painter) addImage(im layout.Image, fpdfType, format string) error {
	width, err := checkImage(im.Data, format)
	if err != nil {
		return err
	}
	info := p.f.RegisterImageOptionsReader(im.Key, fpdf.ImageOptions{ImageType: fpdfType}, bytes.NewReader(im.Data))
	if err := p.f.Error(); err != nil {
		return err
	}
	if err := orderImage(info, p.images.perWidth[width]); err != nil {
		return err
	}
	p.images.perWidth[width]++
	return nil
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

// checkImage decodes the whole image and returns its width in pixels. fpdf
// reads only the headers of a JPEG, and copies the compressed data of most
// PNGs without inflating it, so a truncated or corrupt file would otherwise
// end up in the PDF and fail in the reader's viewer instead of here.
func checkImage(data []byte, format string) (int, error) {
	img, got, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return 0, fmt.Errorf("data does not decode: %w", err)
	}
	if got != format {
		return 0, fmt.Errorf("data is %s, not %s", got, format)
	}
	return img.Bounds().Dx(), nil
}
