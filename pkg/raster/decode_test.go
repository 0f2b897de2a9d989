package raster

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// variants are images of every kind a blog holds, at w×h (multiples of 8).
func variants(t testing.TB, w, h int) map[string][]byte {
	t.Helper()
	rgb := func(x, y int) []byte { return []byte{byte(x), byte(y), byte(x + y)} }
	out := map[string][]byte{
		"png interlaced": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGB, Depth: 8, Interlaced: true, Sample: rgb}),
		"png 16-bit rgba": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGRGBA, Depth: 16,
			Sample: func(x, y int) []byte { return []byte{byte(x), 0, byte(y), 0, 9, 9, 255, 255} }}),
		"png palette trns": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGPalette, Depth: 8,
			Palette: []byte{255, 0, 0, 0, 0, 255}, Transparency: []byte{0, 255}, Sample: func(x, y int) []byte { return []byte{byte((x ^ y) & 1)} }}),
		"png grey alpha": testtool.EncodePNG(testtool.PNGSpec{Width: w, Height: h, ColorType: testtool.PNGGrayAlpha, Depth: 8,
			Sample: func(x, y int) []byte { return []byte{byte(x), byte(y)} }}),
		"jpeg cmyk": testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 4, Adobe: 2,
			Block: func(x, y int) []byte { return []byte{byte(x), byte(y), 40, 200} }}),
		"jpeg progressive": testtool.EncodeJPEG(testtool.JPEGSpec{Width: w, Height: h, Components: 3, Progressive: true, Adobe: -1,
			Block: func(x, y int) []byte { return []byte{byte(x), 128, 128} }}),
	}
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{byte(x), byte(y), 80, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	out["png rgb"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := jpeg.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	out["jpeg baseline"] = bytes.Clone(b.Bytes())
	b.Reset()
	anim := &gif.GIF{}
	for i := range 2 {
		f := image.NewPaletted(m.Rect, color.Palette{color.White, color.Black})
		f.SetColorIndex(i, i, 1)
		anim.Image, anim.Delay = append(anim.Image, f), append(anim.Delay, 10)
	}
	if err := gif.EncodeAll(&b, anim); err != nil {
		t.Fatal(err)
	}
	out["gif animated"] = bytes.Clone(b.Bytes())
	return out
}

// TestDecodeVariants: every variant decodes to its declared size, GIF to
// its first frame, WebP both ways; truncated and corrupt files are errors
// in words, never panics.
func TestDecodeVariants(t *testing.T) {
	all := variants(t, 64, 48)
	for _, name := range []string{"sunset.lossy.webp", "bars.lossless.webp"} {
		data, err := os.ReadFile("../../testdata/images/" + name)
		if err != nil {
			t.Fatal(err)
		}
		all["webp "+name] = data
	}
	for name, data := range all {
		img, info, err := Decode(data, 1<<30)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
			t.Errorf("%s: decoded %v, header says %d×%d", name, b, info.Width, info.Height)
		}
		if info.DecodeBytes <= decodeOverhead {
			t.Errorf("%s: no decoding cost estimated", name)
		}
		if strings.HasPrefix(name, "gif") {
			if _, ok := img.(*image.Paletted); !ok || img.(*image.Paletted).ColorIndexAt(0, 0) != 1 || img.(*image.Paletted).ColorIndexAt(1, 1) != 0 {
				t.Errorf("gif: not the first frame")
			}
		}
		for _, cut := range []int{len(data) / 2, len(data) - 3} {
			if _, _, err := Decode(data[:cut], 1<<30); err == nil && !strings.HasPrefix(name, "webp") && !strings.HasPrefix(name, "gif") {
				t.Errorf("%s cut at %d: no error", name, cut)
			}
		}
		bad := bytes.Clone(data)
		for i := len(bad) / 3; i < len(bad)*2/3; i++ {
			bad[i] ^= 0x5a
		}
		Decode(bad, 1<<30) // must not panic; some formats cannot tell
	}
	if _, _, err := Decode(all["png rgb"], 100); err == nil || !strings.Contains(err.Error(), "max_image_pixels") {
		t.Errorf("pixel limit: %v", err)
	}
	if _, _, err := Decode([]byte("not an image"), 100); err == nil {
		t.Error("text decoded")
	}
}

// TestDecodeCost: the estimate of each variant's decoding memory is at
// least what decoding it allocates (so a Budget is not overrun), and not
// far above it (so work is not serialised for nothing).
func TestDecodeCost(t *testing.T) {
	for name, data := range variants(t, 512, 384) {
		info, err := Inspect(data, 1<<30)
		if err != nil {
			t.Fatal(name, err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		img, _, err := Decode(data, 1<<30)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(name, err)
		}
		_ = img
		got := int64(after.TotalAlloc - before.TotalAlloc)
		if info.DecodeBytes < got*9/10 || info.DecodeBytes > 3*got+decodeOverhead {
			t.Errorf("%s: estimated %d bytes, decoding allocated %d", name, info.DecodeBytes, got)
		}
	}
}

// FuzzInspect: the header readers end on any input without a panic and
// never estimate a negative cost.
func FuzzInspect(f *testing.F) {
	for _, data := range variants(f, 16, 16) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data, 1<<20)
		if err == nil && info.DecodeBytes <= 0 {
			t.Fatalf("cost %d", info.DecodeBytes)
		}
		pngCost(data)
		jpegCost(data)
		webpCost(data)
	})
}

// TestMaxDecodeBytes: a header that declares an image whose decoding
// would pass MaxDecodeBytes (a 16-bit interlaced PNG of 49 megapixels) is
// refused before anything is decoded; the same size as 8-bit RGB is not.
func TestMaxDecodeBytes(t *testing.T) {
	header := func(depth, colorType, interlace byte) []byte {
		ihdr := []byte{0, 0, 0x1b, 0x58, 0, 0, 0x1b, 0x58, depth, colorType, 0, 0, interlace} // 7000×7000
		chunk := append([]byte("IHDR"), ihdr...)
		out := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"), chunk...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
	}
	if _, err := Inspect(header(16, 6, 1), 1<<30); err == nil || !strings.Contains(err.Error(), "MB publish gives one image") {
		t.Errorf("16-bit interlaced 7000×7000: %v", err)
	}
	if info, err := Inspect(header(8, 2, 0), 1<<30); err != nil || info.DecodeBytes > MaxDecodeBytes {
		t.Errorf("8-bit RGB 7000×7000: %v, %d bytes", err, info.DecodeBytes)
	}
}
