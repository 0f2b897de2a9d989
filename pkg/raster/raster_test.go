package raster

import (
	"image"
	"image/color"
	"image/color/palette"
	stddraw "image/draw"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// toRGBA is the reference conversion: the standard image/draw.
func toRGBA(src image.Image) *image.RGBA {
	b := src.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(m, m.Bounds(), src, b.Min, stddraw.Src)
	return m
}

// randomRGBA fills a w×h image at origin o with random premultiplied
// colours, some of them transparent or translucent.
func randomRGBA(rng *rand.Rand, o image.Point, w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rectangle{o, o.Add(image.Pt(w, h))})
	for y := o.Y; y < o.Y+h; y++ {
		for x := o.X; x < o.X+w; x++ {
			a := uint8(rng.IntN(256))
			switch rng.IntN(4) {
			case 0:
				a = 255
			case 1:
				a = 0
			}
			c := color.RGBA{uint8(rng.IntN(int(a) + 1)), uint8(rng.IntN(int(a) + 1)), uint8(rng.IntN(int(a) + 1)), a}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

// reference scales src to w×h by exact area averaging in float64.
func reference(src *image.RGBA, w, h int) [][4]float64 {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	out := make([][4]float64, w*h)
	fx, fy := float64(sw)/float64(w), float64(sh)/float64(h)
	for y := range h {
		y0, y1 := float64(y)*fy, float64(y+1)*fy
		for x := range w {
			x0, x1 := float64(x)*fx, float64(x+1)*fx
			var sum [4]float64
			for j := int(y0); j < sh && float64(j) < y1; j++ {
				cy := math.Min(y1, float64(j+1)) - math.Max(y0, float64(j))
				for i := int(x0); i < sw && float64(i) < x1; i++ {
					cx := math.Min(x1, float64(i+1)) - math.Max(x0, float64(i))
					c := src.RGBAAt(b.Min.X+i, b.Min.Y+j)
					for k, v := range [4]uint8{c.R, c.G, c.B, c.A} {
						sum[k] += cx * cy * float64(v)
					}
				}
			}
			for k := range sum {
				sum[k] /= fx * fy
			}
			out[y*w+x] = sum
		}
	}
	return out
}

// TestSolidColour: a flat image keeps its exact colour at any ratio,
// translucent ones included.
func TestSolidColour(t *testing.T) {
	colours := []color.RGBA{{0, 0, 0, 0}, {255, 255, 255, 255}, {12, 200, 77, 255}, {40, 0, 90, 128}, {1, 1, 1, 1}}
	sizes := [][4]int{
		{10, 10, 3, 3}, {1600, 2400, 1333, 2000}, {7, 5, 2, 4}, {100, 1, 33, 1},
		{1, 100, 1, 7}, {97, 89, 1, 1}, {13, 17, 13, 17}, {5, 5, 12, 9}, {640, 480, 639, 479},
	}
	for _, c := range colours {
		for _, s := range sizes {
			src := image.NewRGBA(image.Rect(0, 0, s[0], s[1]))
			stddraw.Draw(src, src.Bounds(), image.NewUniform(c), image.Point{}, stddraw.Src)
			got := Downscale(src, s[2], s[3])
			if got.Bounds() != image.Rect(0, 0, s[2], s[3]) {
				t.Fatalf("%v: bounds %v", s, got.Bounds())
			}
			for i := 0; i < len(got.Pix); i += 4 {
				if p := (color.RGBA{got.Pix[i], got.Pix[i+1], got.Pix[i+2], got.Pix[i+3]}); p != c {
					t.Fatalf("%v → %v: pixel %d is %v, want %v", s[:2], s[2:], i/4, p, c)
				}
			}
		}
	}
}

// TestHalf: halving both sides gives the mean of each 2×2 block.
func TestHalf(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range [][2]int{{2, 2}, {8, 6}, {64, 30}, {302, 200}} {
		src := randomRGBA(rng, image.Point{}, s[0], s[1])
		w, h := s[0]/2, s[1]/2
		got := Downscale(src, w, h)
		for y := range h {
			for x := range w {
				for k := range 4 {
					sum := 0
					for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
						sum += int(src.Pix[src.PixOffset(2*x+d[0], 2*y+d[1])+k])
					}
					want := float64(sum) / 4
					if g := float64(got.Pix[got.PixOffset(x, y)+k]); math.Abs(g-want) > 1 {
						t.Fatalf("%v: (%d,%d) channel %d = %v, want %v", s, x, y, k, g, want)
					}
				}
			}
		}
	}
}

// TestAgainstReference: on random small images and sizes, every channel
// is within 1 of exact area averaging, and colour stays premultiplied.
func TestAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 3000 {
		sw, sh := 1+rng.IntN(23), 1+rng.IntN(23)
		w, h := 1+rng.IntN(sw), 1+rng.IntN(sh)
		o := image.Pt(rng.IntN(21)-10, rng.IntN(21)-10)
		src := randomRGBA(rng, o, sw, sh)
		got := Downscale(src, w, h)
		want := reference(src, w, h)
		for i, px := range want {
			for k, v := range px {
				if g := float64(got.Pix[4*i+k]); math.Abs(g-v) > 1 {
					t.Fatalf("case %d: %dx%d → %dx%d: pixel (%d,%d) channel %d = %v, want %.3f",
						n, sw, sh, w, h, i%w, i/w, k, g, v)
				}
			}
		}
		// premultiplied colour stays valid
		for i := 0; i < len(got.Pix); i += 4 {
			if a := got.Pix[i+3]; got.Pix[i] > a || got.Pix[i+1] > a || got.Pix[i+2] > a {
				t.Fatalf("case %d: pixel %d %v is not premultiplied", n, i/4, got.Pix[i:i+4])
			}
		}
	}
}

// TestEnlarge: a side that grows follows the same area rule.
func TestEnlarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for n := range 1000 {
		sw, sh := 1+rng.IntN(12), 1+rng.IntN(12)
		w, h := 1+rng.IntN(3*sw), 1+rng.IntN(3*sh)
		src := randomRGBA(rng, image.Pt(rng.IntN(9)-4, rng.IntN(9)-4), sw, sh)
		got := Downscale(src, w, h)
		for i, px := range reference(src, w, h) {
			for k, v := range px {
				if g := float64(got.Pix[4*i+k]); math.Abs(g-v) > 1 {
					t.Fatalf("case %d: %dx%d → %dx%d: pixel (%d,%d) channel %d = %v, want %.3f",
						n, sw, sh, w, h, i%w, i/w, k, g, v)
				}
			}
		}
	}
}

// TestLargeRatios: big reductions and odd sizes stay within ±1 of exact.
func TestLargeRatios(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, s := range [][4]int{{997, 3, 7, 2}, {3, 1013, 2, 9}, {500, 400, 1, 1}, {333, 257, 129, 131}, {300, 300, 299, 150}} {
		src := randomRGBA(rng, image.Pt(3, -2), s[0], s[1])
		got := Downscale(src, s[2], s[3])
		for i, px := range reference(src, s[2], s[3]) {
			for k, v := range px {
				if g := float64(got.Pix[4*i+k]); math.Abs(g-v) > 1 {
					t.Fatalf("%v: pixel %d channel %d = %v, want %.3f", s, i, k, g, v)
				}
			}
		}
	}
}

// TestSourceTypes: every image type gives what its RGBA conversion gives,
// wherever its bounds start.
func TestSourceTypes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	r := image.Rect(-7, 5, 290, 173)
	ycc := func(ratio image.YCbCrSubsampleRatio) image.Image {
		m := image.NewYCbCr(r, ratio)
		for i := range m.Y {
			m.Y[i] = uint8(rng.IntN(256))
		}
		for i := range m.Cb {
			m.Cb[i], m.Cr[i] = uint8(rng.IntN(256)), uint8(rng.IntN(256))
		}
		return m
	}
	nrgba := image.NewNRGBA(r)
	gray := image.NewGray(r)
	pal := image.NewPaletted(r, palette.Plan9)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			nrgba.SetNRGBA(x, y, color.NRGBA{uint8(x * 3), uint8(y * 5), uint8(x ^ y), uint8(rng.IntN(256))})
			gray.SetGray(x, y, color.Gray{uint8(rng.IntN(256))})
			pal.SetColorIndex(x, y, uint8(rng.IntN(256)))
		}
	}
	rgba := randomRGBA(rng, r.Min, r.Dx(), r.Dy())
	srcs := map[string]image.Image{
		"YCbCr 4:2:0":         ycc(image.YCbCrSubsampleRatio420),
		"YCbCr 4:2:2":         ycc(image.YCbCrSubsampleRatio422),
		"YCbCr 4:4:4":         ycc(image.YCbCrSubsampleRatio444),
		"NRGBA":               nrgba,
		"Gray":                gray,
		"Paletted":            pal,
		"RGBA":                rgba,
		"RGBA sub":            rgba.SubImage(image.Rect(10, 20, 201, 99)),
		"YCbCr sub":           ycc(image.YCbCrSubsampleRatio420).(*image.YCbCr).SubImage(image.Rect(-3, 8, 101, 150)),
		"YCbCr 4:4:0":         ycc(image.YCbCrSubsampleRatio440),
		"YCbCr 4:1:1":         ycc(image.YCbCrSubsampleRatio411), // converted by image/draw
		"YCbCr 4:2:2 odd sub": ycc(image.YCbCrSubsampleRatio422).(*image.YCbCr).SubImage(image.Rect(5, 7, 99, 151)),
		"YCbCr 4:2:0 odd sub": ycc(image.YCbCrSubsampleRatio420).(*image.YCbCr).SubImage(image.Rect(3, 9, 121, 140)),
		"YCbCr 4:4:0 odd sub": ycc(image.YCbCrSubsampleRatio440).(*image.YCbCr).SubImage(image.Rect(1, 9, 77, 98)),
	}
	for name, src := range srcs {
		b := src.Bounds()
		for _, size := range [][2]int{{b.Dx(), b.Dy()}, {b.Dx() / 2, b.Dy() / 3}, {b.Dx() - 1, b.Dy() - 1}, {17, 11}, {1, 1}, {b.Dx() + 5, b.Dy()}} {
			got := Downscale(src, size[0], size[1])
			want := Downscale(toRGBA(src), size[0], size[1])
			if !got.Bounds().Eq(want.Bounds()) || string(got.Pix) != string(want.Pix) {
				t.Errorf("%s %v → %v: differs from its RGBA conversion", name, b, size)
			}
		}
	}
}

// TestOddSizes: enlarging, sizes below 1 and one-pixel images neither
// panic nor leave the expected bounds; enlarging by a whole factor
// repeats pixels.
func TestOddSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	src := randomRGBA(rng, image.Pt(100, 100), 3, 2)
	for _, s := range [][2]int{{0, 0}, {-5, 3}, {1, 1}, {3, 2}, {9, 2}, {3, 50}, {1000, 1}, {7, 5}} {
		got := Downscale(src, s[0], s[1])
		if want := image.Rect(0, 0, max(s[0], 1), max(s[1], 1)); got.Bounds() != want {
			t.Errorf("%v: bounds %v, want %v", s, got.Bounds(), want)
		}
	}
	big := Downscale(src, 9, 4)
	for y := range 4 {
		for x := range 9 {
			if g, w := big.RGBAAt(x, y), src.RGBAAt(100+x/3, 100+y/2); g != w {
				t.Fatalf("×3 enlargement: (%d,%d) = %v, want %v", x, y, g, w)
			}
		}
	}
	one := image.NewRGBA(image.Rect(5, 5, 6, 6))
	one.SetRGBA(5, 5, color.RGBA{9, 8, 7, 200})
	if got := Downscale(one, 4, 3); got.RGBAAt(3, 2) != (color.RGBA{9, 8, 7, 200}) {
		t.Errorf("1×1 enlarged: %v", got.RGBAAt(3, 2))
	}
	if got := Downscale(image.NewRGBA(image.Rect(3, 3, 3, 9)), 2, 2); got.Bounds().Dx() != 2 {
		t.Errorf("empty source: bounds %v", got.Bounds())
	}
}

// TestBandsAgree: the parallel path (a large output) gives what one band
// gives.
func TestBandsAgree(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(11, 12))
	src := randomRGBA(rng, image.Pt(1, 2), 401, 703)
	got := Downscale(src, 300, 501)
	s := &scaler{src: src, rgba: src, sb: src.Bounds(), dst: image.NewRGBA(image.Rect(0, 0, 300, 501)),
		xk: newKernel(401, 300, hBits), yk: newKernel(703, 501, vBits)}
	s.band(&band{}, 0, 501)
	if string(got.Pix) != string(s.dst.Pix) {
		t.Error("banded result differs from one band")
	}
}

// TestKernelWeights: every output's weights add up to one and read only
// source pixels, in order.
func TestKernelWeights(t *testing.T) {
	for n := 1; n < 60; n++ {
		for m := 1; m < 60; m++ {
			k := newKernel(n, m, hBits)
			for i := range m {
				var sum uint32
				for _, w := range k.weights[i*k.n : i*k.n+k.n] {
					sum += w
				}
				if sum != 1<<hBits {
					t.Fatalf("%d→%d: output %d weights sum to %d", n, m, i, sum)
				}
				if k.first[i] < 0 || k.first[i]+k.n > n || (i > 0 && k.first[i] < k.first[i-1]) {
					t.Fatalf("%d→%d: output %d reads %d pixels from %d", n, m, i, k.n, k.first[i])
				}
			}
		}
	}
}

// cover is a 1600×2400 4:2:0 YCbCr image, as a JPEG cover decodes to.
func cover() *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, 1600, 2400), image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(13, 14))
	for i := range m.Y {
		m.Y[i] = uint8(i%1600/8 + rng.IntN(30))
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = uint8(i/800), uint8(rng.IntN(256))
	}
	return m
}

// BenchmarkDownscaleCover scales a cover photo to the EPUB's 2000 px.
func BenchmarkDownscaleCover(b *testing.B) {
	src := cover()
	for b.Loop() {
		Downscale(src, 1333, 2000)
	}
}

// BenchmarkCatmullRomCover is the resampler Downscale replaced, on the
// same image, for comparison.
func BenchmarkCatmullRomCover(b *testing.B) {
	src := cover()
	for b.Loop() {
		dst := image.NewRGBA(image.Rect(0, 0, 1333, 2000))
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), xdraw.Src, nil)
	}
}

// TestSpreadYCbCrEveryColour: spreadYCbCr converts every Y, Cb, Cr
// triple as image/draw converts it into an RGBA row.
func TestSpreadYCbCrEveryColour(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 256*256, 1), image.YCbCrSubsampleRatio444)
	row := image.NewRGBA(image.Rect(0, 0, 256*256, 1))
	got, want := make([]uint64, 2*256*256), make([]uint64, 2*256*256)
	for y := range 256 {
		for i := range m.Y {
			m.Y[i], m.Cb[i], m.Cr[i] = uint8(y), uint8(i>>8), uint8(i)
		}
		spreadYCbCr(got, m, 0, 0)
		stddraw.Draw(row, row.Rect, m, image.Point{}, stddraw.Src)
		spreadRow(want, row.Pix)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("Y %d Cb %d Cr %d: got %x, image/draw %x", y, i/2>>8, i/2&0xff, got[i], want[i])
			}
		}
	}
}
