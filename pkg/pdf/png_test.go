package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// unfilter is a slow reference of PNG's reconstruction (PNG specification,
// 9.2), written from the definitions, one sample at a time.
func unfilter(t *testing.T, data []byte, w, h, bpp int) []byte {
	stride := w * bpp
	out := make([]byte, 0, w*h*bpp)
	for y := range h {
		f := data[y*(stride+1)]
		for i := range stride {
			x := data[y*(stride+1)+1+i]
			var a, b, c int
			if i >= bpp {
				a = int(out[y*stride+i-bpp])
			}
			if y > 0 {
				b = int(out[(y-1)*stride+i])
				if i >= bpp {
					c = int(out[(y-1)*stride+i-bpp])
				}
			}
			var pred int
			switch f {
			case 0:
			case 1:
				pred = a
			case 2:
				pred = b
			case 3:
				pred = (a + b) / 2
			case 4:
				p := a + b - c
				pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
				switch {
				case pa <= pb && pa <= pc:
					pred = a
				case pb <= pc:
					pred = b
				default:
					pred = c
				}
			default:
				t.Fatalf("row %d: filter type %d", y, f)
			}
			out = append(out, byte(int(x)+pred))
		}
	}
	return out
}

// TestPNGFilterRoundTrip filters random images (noise, gradients, flat
// areas; one to four bytes a pixel) and reconstructs them with the slow
// reference.
func TestPNGFilterRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 4))
	used := map[byte]bool{}
	for trial := range 200 {
		w, h, bpp := rng.IntN(40)+1, rng.IntN(20)+1, rng.IntN(4)+1
		samples := make([]byte, w*h*bpp)
		for i := range samples {
			switch trial % 3 {
			case 0:
				samples[i] = byte(rng.IntN(256))
			case 1:
				samples[i] = byte(i/bpp%w*3 + i/(w*bpp)*5)
			default:
				samples[i] = byte(i / (w * bpp) / 4 * 60)
			}
		}
		out := pngFilter(samples, w, h, bpp)
		for y := range h {
			used[out[y*(w*bpp+1)]] = true
		}
		if got := unfilter(t, out, w, h, bpp); !bytes.Equal(got, samples) {
			t.Fatalf("trial %d (%dx%d, %d bytes a pixel): reconstruction differs", trial, w, h, bpp)
		}
	}
	if len(used) != numFilters {
		t.Errorf("only filters %v were chosen; the test data should need all five", used)
	}
}

// TestPNGPassThrough: opaque 8-bit grey, RGB and palette PNGs go in as
// they are; interlaced, 16-bit, alpha and tRNS ones do not.
func TestPNGPassThrough(t *testing.T) {
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	rgb := image.NewRGBA(image.Rect(0, 0, 7, 5))
	for i := range rgb.Pix {
		rgb.Pix[i] = byte(i*7) | 3
		if i%4 == 3 {
			rgb.Pix[i] = 0xFF
		}
	}
	pal := image.NewPaletted(image.Rect(0, 0, 7, 5), color.Palette{color.Black, color.White, color.RGBA{255, 0, 0, 255}})
	pal.Pix[3] = 2
	gray := image.NewGray(image.Rect(0, 0, 7, 5))
	for _, tc := range []struct {
		name string
		data []byte
		pass bool
		dict string
	}{
		{"rgb", encode(rgb), true, "/ColorSpace/DeviceRGB"},
		{"palette", encode(pal), true, "/ColorSpace[/Indexed/DeviceRGB 2<000000ffffffff0000>]"},
		{"gray", encode(gray), true, "/ColorSpace/DeviceGray"},
		{"interlaced", imageVariants(t)[0].data, false, ""},
		{"16-bit", imageVariants(t)[1].data, false, ""},
		{"tRNS", imageVariants(t)[2].data, false, ""},
		{"grey alpha", imageVariants(t)[3].data, false, ""},
	} {
		p, err := readPNGChunks(tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if p.passThrough() != tc.pass {
			t.Errorf("%s: passThrough %v, want %v", tc.name, p.passThrough(), tc.pass)
			continue
		}
		if tc.pass {
			x := pngXObject(p)
			if !bytes.Contains(x.dict, []byte(tc.dict)) || !bytes.Contains(x.dict, []byte("/Predictor 15")) {
				t.Errorf("%s: dictionary %s", tc.name, x.dict)
			}
		}
	}
}

func TestReadPNGChunksRejects(t *testing.T) {
	good := testtool.EncodePNG(testtool.PNGSpec{Width: 2, Height: 2, ColorType: testtool.PNGGray, Depth: 8, Sample: func(x, y int) []byte { return []byte{9} }})
	for name, data := range map[string][]byte{
		"empty":        nil,
		"JPEG":         {0xFF, 0xD8, 0xFF},
		"signature":    []byte(pngSignature),
		"cut":          good[:len(good)-5],
		"huge length":  append([]byte(pngSignature), 0x7F, 0xFF, 0xFF, 0xFF, 'I', 'H', 'D', 'R'),
		"IDAT first":   append([]byte(pngSignature), good[33:]...),
		"short header": append(append([]byte(pngSignature), 0, 0, 0, 1, 'I', 'H', 'D', 'R', 0), 0, 0, 0, 0),
		"two IHDR":     append(bytes.Clone(good[:33]), good[8:]...),
	} {
		if p, err := readPNGChunks(data); err == nil {
			t.Errorf("%s: no error (%+v)", name, p)
		}
	}
}

// FuzzPNGChunks: the chunk reader never panics, and where it allows a
// pass-through and image/png reads the file, they agree on its size.
func FuzzPNGChunks(f *testing.F) {
	for _, v := range imageVariants(f) {
		if v.mediaType == "image/png" {
			f.Add(v.data)
		}
	}
	f.Add(testtool.EncodePNG(testtool.PNGSpec{Width: 3, Height: 2, ColorType: testtool.PNGRGB, Depth: 8, Sample: func(x, y int) []byte { return []byte{1, 2, 3} }}))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := readPNGChunks(data)
		if err != nil || !p.passThrough() {
			return
		}
		_ = pngXObject(p)
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return
		}
		if cfg.Width != p.width || cfg.Height != p.height {
			t.Fatalf("chunk reader: %dx%d; image/png: %dx%d", p.width, p.height, cfg.Width, cfg.Height)
		}
	})
}

// deflate compresses raw image data as a PNG's IDAT chunks hold it.
func deflate(raw []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(raw)
	zw.Close()
	return b.Bytes()
}

// TestPNGCheckData: the pass-through check refuses image data that is
// short, holds an unknown filter type or is not zlib, and accepts whole
// data.
func TestPNGCheckData(t *testing.T) {
	rows := func(filter byte, n int) []byte { // 3x n grey rows
		var raw []byte
		for range n {
			raw = append(raw, filter, 1, 2, 3)
		}
		return raw
	}
	p := pngInfo{width: 3, height: 4, depth: 8, colorType: pngGray}
	for name, tc := range map[string]struct {
		data []byte
		ok   bool
	}{
		"whole":       {deflate(rows(1, 4)), true},
		"longer":      {deflate(rows(0, 5)), true},
		"short":       {deflate(rows(0, 3)), false},
		"filter type": {deflate(rows(5, 4)), false},
		"not zlib":    {rows(0, 4), false},
		"cut stream":  {deflate(rows(0, 4))[:6], false},
	} {
		p.data = tc.data
		if err := p.checkData(); (err == nil) != tc.ok {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestPNGCheckDataRows checks the filter type of every row against a slow
// reference that looks at every byte, on rows that straddle the pieces
// checkData reads in: the same rows are refused, with the same message.
func TestPNGCheckDataRows(t *testing.T) {
	reference := func(raw []byte, row int) string {
		for i, c := range raw {
			if i%row == 0 && c > filterPaeth {
				return fmt.Sprintf("row %d has PNG filter type %d", i/row, c)
			}
		}
		return ""
	}
	rng := rand.New(rand.NewPCG(13, 13))
	for range 200 {
		w, h := 1+rng.IntN(40000), 1+rng.IntN(6)
		row := w + 1
		raw := make([]byte, row*h)
		for y := range h {
			raw[y*row] = byte(rng.IntN(5))
		}
		if rng.IntN(3) > 0 {
			raw[rng.IntN(h)*row] = byte(5 + rng.IntN(250))
		}
		p := pngInfo{width: w, height: h, depth: 8, colorType: pngGray, data: deflate(raw)}
		got := ""
		if err := p.checkData(); err != nil {
			got = err.Error()
		}
		if want := reference(raw, row); got != want {
			t.Fatalf("%dx%d: got %q, want %q", w, h, got, want)
		}
	}
}
