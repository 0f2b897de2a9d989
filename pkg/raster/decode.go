package raster

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/gif" // the formats a book may hold: Decode reads them all
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Info is what an image's header says, read without decoding its pixels.
type Info struct {
	// Format is "png", "jpeg", "gif" or "webp".
	Format        string
	Width, Height int // in pixels, as the header declares them
	// DecodeBytes is the memory that decoding the whole image takes at
	// its peak, estimated from the header (decodeCost): what a Budget is
	// asked for before Decode runs.
	DecodeBytes int64
}

// Pixels is Width×Height.
func (i Info) Pixels() int64 { return int64(i.Width) * int64(i.Height) }

// Inspect reads the header of a PNG, JPEG, GIF or WebP image. It refuses
// an image that declares an empty size or more than maxPixels pixels, so
// that a decompression bomb (a small file declaring 100 000 × 100 000
// pixels) is refused before anything is allocated for it.
func Inspect(data []byte, maxPixels int64) (Info, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Info{}, fmt.Errorf("not an image publish can read (PNG, JPEG, GIF, WebP, SVG): %v", err)
	}
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return info, fmt.Errorf("image declares an empty size %d×%d", cfg.Width, cfg.Height)
	}
	if info.Pixels() > maxPixels {
		return info, fmt.Errorf("image declares %d×%d pixels, above the limit of %d pixels (max_image_pixels); refused", cfg.Width, cfg.Height, maxPixels)
	}
	info.DecodeBytes = decodeCost(format, data, info.Pixels())
	if info.DecodeBytes > MaxDecodeBytes {
		return info, fmt.Errorf("decoding this %d×%d %s would take %d MB, above the %d MB publish gives one image (a baseline JPEG or a non-interlaced 8-bit PNG of it takes far less); refused",
			cfg.Width, cfg.Height, formatName(format), info.DecodeBytes>>20, MaxDecodeBytes>>20)
	}
	return info, nil
}

// MaxDecodeBytes bounds the memory one image may take to decode: 400 MiB,
// which admits every image of the default max_image_pixels (50
// megapixels) as 8-bit RGBA, 16-bit RGBA or a progressive 4:2:0 JPEG, and
// refuses only the rarest forms at that size (a 16-bit interlaced PNG, a
// progressive CMYK JPEG), whose decoding alone would pass the 600 MB a
// build may take. Go's decoders cannot decode part of an image.
const MaxDecodeBytes = 400 << 20

// Decode decodes a whole image: PNG (every variant), JPEG (baseline and
// progressive, grey, YCbCr and CMYK), GIF (its first frame) and WebP
// (lossy and lossless). It checks the header first as Inspect does. A
// decoder that fails, or panics on a malformed file, gives an error that
// says so in the user's terms.
func Decode(data []byte, maxPixels int64) (img image.Image, info Info, err error) {
	info, err = Inspect(data, maxPixels)
	if err != nil {
		return nil, info, err
	}
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("the %s data cannot be decoded (the decoder failed: %v)", formatName(info.Format), r)
		}
	}()
	img, _, err = image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, info, fmt.Errorf("the %s data cannot be decoded: %v", formatName(info.Format), err)
	}
	if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		// A GIF's first frame may be smaller than its canvas; it is what
		// the browser shows first, placed on the canvas.
		if info.Format != "gif" {
			return nil, info, fmt.Errorf("the %s data decodes to %d×%d pixels, not the %d×%d its header declares", formatName(info.Format), b.Dx(), b.Dy(), info.Width, info.Height)
		}
	}
	return img, info, nil
}

// Check reports whether Decode would decode data, with Decode's error
// when it would not, without decoding when it can tell otherwise: the
// EPUB packages an image that needs no conversion as it was read, so it
// needs the verdict, not the pixels. The PNGs most books hold are checked
// by reading their data without converting it (pngDecodes: a fifth to a
// half of the time of decoding them, and no image in memory); any other
// image, and any PNG that check is not sure of, is decoded.
func Check(data []byte, maxPixels int64) (Info, error) {
	info, err := Inspect(data, maxPixels)
	if err != nil {
		return info, err
	}
	if info.Format == "png" && pngDecodes(data) {
		return info, nil
	}
	_, info, err = Decode(data, maxPixels)
	return info, err
}

// formatNames name the formats in messages.
var formatNames = map[string]string{"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP"}

func formatName(format string) string {
	if n, ok := formatNames[format]; ok {
		return n
	}
	return format
}

// decodeOverhead is what a decoder takes besides its pixels: tables,
// row buffers, the reader.
const decodeOverhead = 64 << 10

// decodeCost estimates the peak memory Go's decoder takes for an image of
// px pixels, from the parts of the header that matter (checked against
// the decoders by TestDecodeCost):
//
//   - PNG: 1 byte a pixel for palette and grey images, 4 for the rest
//     (image/png turns RGB into RGBA), twice that for 16-bit samples;
//     Adam7 interlacing decodes each pass into an image of its own before
//     joining them, which doubles it.
//   - JPEG: the samples of every component (4:2:0 is 1.5 a pixel); a
//     progressive JPEG also keeps every coefficient as an int32 until the
//     last scan (4 bytes a sample); four components (CMYK) are converted
//     into a second image of 4 bytes a pixel.
//   - GIF: 1 byte a pixel (the first frame, paletted).
//   - WebP: lossy is YCbCr 4:2:0 with an alpha plane; lossless (VP8L)
//     decodes into 32-bit ARGB and converts into NRGBA, 8 bytes a pixel.
func decodeCost(format string, data []byte, px int64) int64 {
	var perPixel float64
	switch format {
	case "png":
		perPixel = pngCost(data)
	case "jpeg":
		perPixel = jpegCost(data)
	case "gif":
		perPixel = 1
	case "webp":
		perPixel = webpCost(data)
	default:
		perPixel = 8
	}
	return int64(perPixel*float64(px)) + decodeOverhead
}

// pngCost is the bytes a pixel a PNG takes decoded, from its IHDR chunk.
func pngCost(data []byte) float64 {
	const ihdr = 8 + 8 // signature, then the chunk's length and type
	if len(data) < ihdr+13 {
		return 8
	}
	depth, colorType, interlace := data[ihdr+8], data[ihdr+9], data[ihdr+12]
	cost := 4.0
	if colorType == 3 || colorType == 0 && !bytes.Contains(data[:min(len(data), 4096)], []byte("tRNS")) {
		cost = 1 // paletted, or grey without a transparent colour
	}
	if depth == 16 {
		cost *= 2
	}
	if interlace == 1 {
		cost *= 2
	}
	return cost
}

// jpegCost is the bytes a pixel a JPEG takes decoded, from its frame
// header (ITU T.81, B.2.2): the sampling factors of its components and
// whether it is progressive.
func jpegCost(data []byte) float64 {
	sof, marker, ok := jpegFrame(data)
	if !ok || len(sof) < 6 {
		return 16 // unknown: the most a progressive CMYK JPEG could take
	}
	n := int(sof[5])
	if len(sof) < 6+3*n || n == 0 {
		return 16
	}
	hmax, vmax := 1, 1
	for c := range n {
		f := sof[6+3*c+1]
		hmax, vmax = max(hmax, int(f>>4)), max(vmax, int(f&15))
	}
	samples := 0.0
	for c := range n {
		f := sof[6+3*c+1]
		samples += float64(int(f>>4)*int(f&15)) / float64(hmax*vmax)
	}
	cost := samples
	if n == 1 {
		cost = 1
	}
	if n == 4 {
		cost += 4 // the CMYK image made from the decoded planes
	}
	if marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE {
		cost += 4 * samples // progressive: every coefficient kept
	}
	// Component planes are padded to whole blocks; a few per cent.
	return cost * 1.1
}

// jpegFrame finds the start-of-frame segment of a JPEG: its data and its
// marker. It walks the marker segments from the start; every step moves
// forward, so it ends on any input.
func jpegFrame(data []byte) (sof []byte, marker byte, ok bool) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, 0, false
	}
	for pos := 2; pos+4 <= len(data); {
		if data[pos] != 0xFF {
			return nil, 0, false
		}
		m := data[pos+1]
		if m == 0xFF { // fill byte
			pos++
			continue
		}
		n := int(binary.BigEndian.Uint16(data[pos+2:]))
		if n < 2 || pos+2+n > len(data) {
			return nil, 0, false
		}
		// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
		if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC {
			return data[pos+4 : pos+2+n], m, true
		}
		if m == 0xDA { // start of scan before any frame
			return nil, 0, false
		}
		pos += 2 + n
	}
	return nil, 0, false
}

// webpCost is the bytes a pixel a WebP takes decoded, from its first
// chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, which may hold
// either, so it is costed as lossless).
func webpCost(data []byte) float64 {
	if len(data) < 16 {
		return 8
	}
	switch string(data[12:16]) {
	case "VP8 ":
		return 1.5
	case "VP8L":
		return 8
	}
	return 8
}
