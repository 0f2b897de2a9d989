package pdf

import (
	"bytes"
	"image/jpeg"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// flatJPEG is a small generated JPEG.
func flatJPEG(comps int, progressive bool, adobe int) []byte {
	return testtool.EncodeJPEG(testtool.JPEGSpec{Width: 16, Height: 8, Components: comps, Progressive: progressive, Adobe: adobe,
		Block: func(x, y int) []byte { return bytes.Repeat([]byte{byte(x * 9)}, comps) }})
}

func TestReadJPEGHeader(t *testing.T) {
	for _, tc := range []struct {
		name        string
		data        []byte
		want        jpegHeader
		pass, inv   bool
		colourSpace string
	}{
		{"baseline gray", flatJPEG(1, false, -1), jpegHeader{sof: markerSOF0, precision: 8, width: 16, height: 8, components: 1, frameCount: 1}, true, false, "/DeviceGray"},
		{"progressive", flatJPEG(3, true, -1), jpegHeader{sof: markerSOF2, precision: 8, width: 16, height: 8, components: 3, frameCount: 1}, true, false, "/DeviceRGB"},
		{"Adobe CMYK", flatJPEG(4, false, 0), jpegHeader{sof: markerSOF0, precision: 8, width: 16, height: 8, components: 4, adobe: true, frameCount: 1}, true, true, "/DeviceCMYK"},
		{"Adobe YCCK", flatJPEG(4, true, 2), jpegHeader{sof: markerSOF2, precision: 8, width: 16, height: 8, components: 4, adobe: true, adobeTransform: 2, frameCount: 1}, true, true, "/DeviceCMYK"},
		{"plain CMYK", flatJPEG(4, false, -1), jpegHeader{sof: markerSOF0, precision: 8, width: 16, height: 8, components: 4, frameCount: 1}, true, false, "/DeviceCMYK"},
		{"12-bit", withFrame(flatJPEG(1, false, -1), 0, 12), jpegHeader{sof: markerSOF0, precision: 12, width: 16, height: 8, components: 1, frameCount: 1}, false, false, "/DeviceGray"},
		{"DNL height", withFrame(flatJPEG(1, false, -1), 2, 0), jpegHeader{sof: markerSOF0, precision: 8, width: 16, components: 1, frameCount: 1}, false, false, "/DeviceGray"},
		{"arithmetic", withMarker(flatJPEG(3, false, -1), markerSOF0, 0xC9), jpegHeader{sof: 0xC9, precision: 8, width: 16, height: 8, components: 3, frameCount: 1}, false, false, "/DeviceRGB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := readJPEGHeader(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if h != tc.want {
				t.Errorf("header %+v, want %+v", h, tc.want)
			}
			if h.passThrough() != tc.pass || h.inverted() != tc.inv || h.colorSpace() != tc.colourSpace {
				t.Errorf("pass through %v, inverted %v, %s", h.passThrough(), h.inverted(), h.colorSpace())
			}
		})
	}
}

// withFrame returns data with byte i of its frame header's data set to v
// (0: precision, 1 and 2: the height, high byte first).
func withFrame(data []byte, i int, v byte) []byte {
	out := bytes.Clone(data)
	at := bytes.Index(out, []byte{0xFF, markerSOF0}) + 4
	out[at+i] = v
	return out
}

// withMarker replaces the first occurrence of marker old by new.
func withMarker(data []byte, old, new byte) []byte {
	out := bytes.Clone(data)
	out[bytes.Index(out, []byte{0xFF, old})+1] = new
	return out
}

func TestReadJPEGHeaderRejects(t *testing.T) {
	good := flatJPEG(3, false, -1)
	sos := bytes.Index(good, []byte{0xFF, markerSOS})
	for name, data := range map[string][]byte{
		"empty":          nil,
		"PNG":            []byte("\x89PNG\r\n\x1a\n"),
		"cut in segment": good[:8],
		"no frame":       append([]byte{0xFF, markerSOI}, good[sos:]...),
		"EOI first":      {0xFF, markerSOI, 0xFF, markerEOI},
		"no marker":      {0xFF, markerSOI, 0x12, 0x34},
		"short length":   {0xFF, markerSOI, 0xFF, 0xE0, 0x00, 0x01},
		"short frame":    {0xFF, markerSOI, 0xFF, markerSOF0, 0x00, 0x05, 8, 0, 8},
		"few components": {0xFF, markerSOI, 0xFF, markerSOF0, 0x00, 0x08, 8, 0, 8, 0, 8, 3},
		"only fill":      {0xFF, markerSOI, 0xFF, 0xFF, 0xFF},
	} {
		if h, err := readJPEGHeader(data); err == nil {
			t.Errorf("%s: no error (%+v)", name, h)
		}
	}
}

// FuzzJPEGHeader: the header reader never panics, and where it and Go's
// decoder both read a file, they agree on its size and components.
func FuzzJPEGHeader(f *testing.F) {
	for _, comps := range []int{1, 3, 4} {
		f.Add(flatJPEG(comps, false, -1))
		f.Add(flatJPEG(comps, true, 0))
	}
	for _, v := range imageVariants(f) {
		if v.mediaType == "image/jpeg" {
			f.Add(v.data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := readJPEGHeader(data)
		if err != nil {
			return
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil || !h.passThrough() {
			return
		}
		if cfg.Width != h.width || cfg.Height != h.height {
			t.Fatalf("header reader: %dx%d; image/jpeg: %dx%d", h.width, h.height, cfg.Width, cfg.Height)
		}
	})
}
