// Package raster is the book's bitmap image work: it reads image headers
// (Inspect), decodes every format a book may hold (Decode: PNG, JPEG, GIF,
// WebP), shrinks images quickly and without aliasing (Downscale), and
// bounds the memory of that work in flight (Budget). It is the one package
// that registers image decoders.
//
// Its one resampler, [Downscale], averages areas: every destination pixel
// is the mean of the source region it covers, source pixels cut by the
// region's edge counting in proportion to the part inside. This is the
// right filter for reduction (no moiré, no ringing) and it is separable,
// so the work is one pass along rows and one down columns, both in
// integer arithmetic.
package raster

import (
	"encoding/binary"
	"image"
	"image/draw"

	"github.com/hangul-press/publish/internal/parallel"
)

// Fixed-point arithmetic. Two channels of a pixel are worked on at once
// in a uint64, one in each 32-bit half, and no sum may reach 1<<32 lest a
// half overflow into the other. The weights of one output pixel add up to
// exactly 1<<hBits along a row and 1<<vBits down a column, so a flat area
// keeps its exact colour.
//
// A row sum is at most 255<<hBits; shifted right by midShift it keeps 8
// fractional bits, at most 255<<8, the shift moving both halves at once
// (midShift is 16). A column sum of those is at most 255<<(8+vBits), which
// outShift brings back to 8 bits. Long kernels need fine weights, since
// the rounding of each weight adds up: 1/2^16 of a channel's range per
// source pixel at worst.
const (
	hBits    = 24
	vBits    = 16
	midShift = 16
	midRound = 1<<(midShift-1) | 1<<(midShift-1+32)
	outShift = hBits - midShift + vBits
	outRound = 1<<(outShift-1) | 1<<(outShift-1+32)
	// lanes masks the low byte of each half, lanes16 its low 16 bits.
	lanes   = 0x000000ff_000000ff
	lanes16 = 0x0000ffff_0000ffff
)

// Downscale returns src resampled to w×h pixels, as a new *image.RGBA
// whose bounds start at (0, 0). Each output pixel is the area average of
// the part of src it covers, computed on premultiplied colour, so
// transparent edges do not darken.
//
// Sizes below 1 are taken as 1. The filter is meant for reduction; a side
// that grows instead is resampled by the same area rule, which amounts to
// repeating source pixels and blending the two neighbours where an output
// pixel straddles a source pixel boundary: blocky, never a panic. An empty
// src gives a transparent image.
//
// An *image.RGBA src is read in place; a photograph's *image.YCbCr is
// converted a pixel at a time as its rows are read (spreadYCbCr); any
// other type is converted with the standard image/draw package a row at a
// time, as the rows are needed, so that a large image never has a
// full-size copy. Large outputs
// are computed by up to GOMAXPROCS goroutines, in bands of rows; the
// result does not depend on how many.
func Downscale(src image.Image, w, h int) *image.RGBA {
	w, h = max(w, 1), max(h, 1)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sb := src.Bounds()
	if sb.Empty() {
		return dst
	}
	s := &scaler{
		src: src,
		sb:  sb,
		dst: dst,
		xk:  newKernel(sb.Dx(), w, hBits),
		yk:  newKernel(sb.Dy(), h, vBits),
	}
	switch m := src.(type) {
	case *image.RGBA:
		s.rgba = m
	case *image.YCbCr:
		if ycbcrSpreads(m) {
			s.ycc = m
		}
	}
	s.run()
	return dst
}

// kernel holds, for each output index along one axis, the source
// indices it reads and their weights. Every output reads the same number
// of consecutive source indices, n of them, some with weight 0, which
// lets the passes use loops unrolled for the common small n.
type kernel struct {
	n int
	// first[i] is the first source index (from 0) output i reads; its
	// weights are weights[i*n : i*n+n].
	first   []int
	weights []uint32
}

// newKernel builds the area-averaging weights that take srcLen source
// pixels to dstLen output pixels. Measured in units of 1/(srcLen*dstLen)
// of the whole length, source pixel j spans [j*dstLen, (j+1)*dstLen) and
// output pixel i spans [i*srcLen, (i+1)*srcLen), so every overlap is a
// whole number of units and the exact weight of j in i is
// overlap/srcLen. Weights are fractions of 1<<bits, rounded on their
// running total, which keeps each within one step of exact and makes them
// add up to 1<<bits. (The sums are int64 so that they cannot overflow
// where int has 32 bits.)
func newKernel(srcLen, dstLen, bits int) *kernel {
	sl, dl := int64(srcLen), int64(dstLen)
	span := func(i int) (lo, hi int64, j0, j1 int) {
		lo, hi = int64(i)*sl, int64(i+1)*sl
		return lo, hi, int(lo / dl), int((hi - 1) / dl)
	}
	n := 0
	for i := range dstLen {
		_, _, j0, j1 := span(i)
		n = max(n, j1-j0+1)
	}
	k := &kernel{n: n, first: make([]int, dstLen), weights: make([]uint32, dstLen*n)}
	for i := range dstLen {
		lo, hi, j0, j1 := span(i)
		// Near the end the run starts earlier, with leading zero
		// weights, so as not to read past the last source pixel.
		first := min(j0, srcLen-n)
		k.first[i] = first
		ws := k.weights[i*n : i*n+n]
		var cum, prev int64
		for j := j0; j <= j1; j++ {
			cum += min(hi, int64(j+1)*dl) - max(lo, int64(j)*dl)
			r := (cum<<bits + sl/2) / sl
			ws[j-first] = uint32(r - prev)
			prev = r
		}
	}
	return k
}

// scaler is one Downscale call.
type scaler struct {
	src    image.Image
	rgba   *image.RGBA // src, when it already is one
	ycc    *image.YCbCr
	sb     image.Rectangle
	dst    *image.RGBA
	xk, yk *kernel
}

// bandRows is how many output rows a worker takes at a time: enough to
// make the source rows shared with the next band (computed twice) rare.
const bandRows = 64

// parallelPixels is the output size from which bands are shared among
// goroutines; below it, starting them costs more than it saves.
const parallelPixels = 128 * 128

// run computes every band of output rows.
func (s *scaler) run() {
	h := s.dst.Rect.Dy()
	if s.dst.Rect.Dx()*h < parallelPixels {
		s.band(&band{}, 0, h)
		return
	}
	bands := (h + bandRows - 1) / bandRows
	parallel.With(bands, func() *band { return &band{} }, func(b *band, i int) {
		s.band(b, i*bandRows, min((i+1)*bandRows, h))
	})
}

// band is a worker's scratch space, reused from band to band.
type band struct {
	conv *image.RGBA // one converted source row, for sources not in RGBA
	// spread is one source row with its channels apart: R and B, then G
	// and A, in two uint64 a pixel.
	spread []uint64
	// ring holds the last yk.n source rows scaled horizontally, laid out
	// as spread is: source row j in slot j%yk.n.
	ring []uint64
	acc  []uint64 // one output row being summed, when a kernel is wide
}

// band computes output rows [y0, y1). Going down, it scales each source
// row horizontally as soon as an output row needs it, into a ring that
// keeps as many rows as an output row reads, then combines them.
func (s *scaler) band(b *band, y0, y1 int) {
	w, k := s.dst.Rect.Dx(), s.yk
	n, rowLen := k.n, 2*w
	b.ring = grow(b.ring, n*rowLen)
	row := func(j int) []uint64 {
		r := j % n * rowLen
		return b.ring[r : r+rowLen]
	}
	next := k.first[y0] // the next source row to scale
	for y := y0; y < y1; y++ {
		f := k.first[y]
		for next = max(next, f); next < f+n; next++ {
			s.scaleRow(b, next, row(next))
		}
		out := s.dst.Pix[y*s.dst.Stride : y*s.dst.Stride+4*w]
		ws := k.weights[y*n : y*n+n]
		switch n {
		case 2:
			combine2(out, row(f), row(f+1), uint64(ws[0]), uint64(ws[1]))
		case 3:
			combine3(out, row(f), row(f+1), row(f+2), uint64(ws[0]), uint64(ws[1]), uint64(ws[2]))
		default:
			b.acc = grow(b.acc, rowLen)
			clear(b.acc)
			for t, wt := range ws {
				if wt != 0 {
					accumulate(b.acc, row(f+t), uint64(wt))
				}
			}
			finish(out, b.acc)
		}
	}
}

// scaleRow scales source row j (counted from the top of the source
// bounds) horizontally into mid.
func (s *scaler) scaleRow(b *band, j int, mid []uint64) {
	sw := s.sb.Dx()
	if s.ycc != nil {
		b.spread = grow(b.spread, 2*sw)
		spreadYCbCr(b.spread, s.ycc, s.sb.Min.X, s.sb.Min.Y+j)
		s.xk.scaleRow(mid, b.spread)
		return
	}
	var pix []uint8
	if m := s.rgba; m != nil {
		start := m.PixOffset(s.sb.Min.X, s.sb.Min.Y+j)
		pix = m.Pix[start : start+4*sw]
	} else {
		if b.conv == nil {
			b.conv = image.NewRGBA(image.Rect(0, 0, sw, 1))
		}
		draw.Draw(b.conv, b.conv.Rect, s.src, image.Pt(s.sb.Min.X, s.sb.Min.Y+j), draw.Src)
		pix = b.conv.Pix
	}
	b.spread = grow(b.spread, 2*sw)
	spreadRow(b.spread, pix)
	s.xk.scaleRow(mid, b.spread)
}

// spreadRow sets out to the pixels of an RGBA row with their channels
// apart: R and B, then G and A, each pair in the halves of a uint64.
func spreadRow(out []uint64, row []uint8) {
	out = out[:len(row)/4*2]
	for i := 0; i+1 < len(out); i += 2 {
		v := uint64(binary.LittleEndian.Uint32(row[2*i:]))
		out[i] = (v | v<<16) & lanes
		out[i+1] = (v>>8 | v<<8) & lanes
	}
}

// ycbcrSpreads reports whether spreadYCbCr reads m: the subsamplings that
// image/draw converts with color.YCbCrToRGB's arithmetic (its
// imageutil.DrawYCbCr), which JPEG photographs use.
func ycbcrSpreads(m *image.YCbCr) bool {
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440:
		return true
	}
	return false
}

// spreadYCbCr sets out to row y of m from column x0 on, converted to RGB
// as image/draw converts it and laid out as spreadRow lays out an RGBA
// row: the same numbers without the RGBA row between (the lead of issue
// 13: image/draw's conversion was a fifth of scaling a photograph). The
// chroma sample of a pixel is the one m.COffset names.
func spreadYCbCr(out []uint64, m *image.YCbCr, x0, y int) {
	n := len(out) / 2
	yi := (y-m.Rect.Min.Y)*m.YStride + x0 - m.Rect.Min.X
	crow := (y - m.Rect.Min.Y) * m.CStride
	if r := m.SubsampleRatio; r == image.YCbCrSubsampleRatio420 || r == image.YCbCrSubsampleRatio440 {
		crow = (y/2 - m.Rect.Min.Y/2) * m.CStride
	}
	half := m.SubsampleRatio == image.YCbCrSubsampleRatio422 || m.SubsampleRatio == image.YCbCrSubsampleRatio420
	ci, cn := crow+x0-m.Rect.Min.X, n
	if half {
		ci, cn = crow+x0/2-m.Rect.Min.X/2, (x0+n-1)/2-x0/2+1
	}
	ycbcrLanes(out, m.Y[yi:yi+n], m.Cb[ci:ci+cn], m.Cr[ci:ci+cn], x0, half)
}

// ycbcrLanes converts the pixels of ys, whose chroma samples are cb and cr
// (one a pixel, or, half, one for each two columns counted from column 0
// of the image, x0 being the column of ys[0]), with color.YCbCrToRGB's
// arithmetic (JFIF's full-range BT.601 in 16.16 fixed point, clamped),
// into spreadRow's lanes: R and B, then G and an opaque A.
func ycbcrLanes(out []uint64, ys, cb, cr []uint8, x0 int, half bool) {
	out = out[:2*len(ys)]
	for i, v := range ys {
		c := i
		if half {
			c = (x0+i)/2 - x0/2
		}
		yy := int32(v) * 0x10101
		cb1, cr1 := int32(cb[c])-128, int32(cr[c])-128
		out[2*i] = clamp16(yy+91881*cr1) | clamp16(yy+116130*cb1)<<32
		out[2*i+1] = clamp16(yy-22554*cb1-46802*cr1) | 0xff<<32
	}
}

// clamp16 takes the integer part of a 16.16 value, clamped to 0…255:
// ^(v>>31) is all ones for a value too large and 0 for a negative one.
func clamp16(v int32) uint64 {
	if uint32(v)&0xff000000 == 0 {
		v >>= 16
	} else {
		v = ^(v >> 31)
	}
	return uint64(uint8(v))
}

// scaleRow scales one spread source row into mid, laid out the same way.
func (k *kernel) scaleRow(mid, row []uint64) {
	first := k.first[:len(mid)/2]
	switch n := k.n; n {
	case 2:
		ws := k.weights[:2*len(first)]
		for x, f := range first {
			p := row[2*f : 2*f+4]
			w0, w1 := uint64(ws[2*x]), uint64(ws[2*x+1])
			mid[2*x] = toMid(p[0]*w0 + p[2]*w1)
			mid[2*x+1] = toMid(p[1]*w0 + p[3]*w1)
		}
	case 3:
		ws := k.weights[:3*len(first)]
		for x, f := range first {
			p := row[2*f : 2*f+6]
			w0, w1, w2 := uint64(ws[3*x]), uint64(ws[3*x+1]), uint64(ws[3*x+2])
			mid[2*x] = toMid(p[0]*w0 + p[2]*w1 + p[4]*w2)
			mid[2*x+1] = toMid(p[1]*w0 + p[3]*w1 + p[5]*w2)
		}
	default:
		ws := k.weights[:n*len(first)]
		for x, f := range first {
			p := row[2*f : 2*f+2*n]
			var rb, ga uint64
			for t, wt := range ws[n*x : n*x+n] {
				rb += p[2*t] * uint64(wt)
				ga += p[2*t+1] * uint64(wt)
			}
			mid[2*x], mid[2*x+1] = toMid(rb), toMid(ga)
		}
	}
}

// toMid rounds both halves of a row sum to 8 fractional bits.
func toMid(sum uint64) uint64 {
	return (sum + midRound) >> midShift & lanes16
}

// pixel rounds vertical sums to 8 bits and packs them into an RGBA pixel.
func pixel(rb, ga uint64) uint32 {
	rb, ga = (rb+outRound)>>outShift&lanes, (ga+outRound)>>outShift&lanes
	return uint32(rb | ga<<8 | rb>>16 | ga>>8)
}

// combine2 writes the output row of two rows of mid weighted w0 and w1.
func combine2(out []uint8, m0, m1 []uint64, w0, w1 uint64) {
	m0 = m0[:len(out)/2]
	m1 = m1[:len(m0)]
	for i := 0; i+1 < len(m0); i += 2 {
		binary.LittleEndian.PutUint32(out[2*i:], pixel(m0[i]*w0+m1[i]*w1, m0[i+1]*w0+m1[i+1]*w1))
	}
}

// combine3 writes the output row of three rows of mid.
func combine3(out []uint8, m0, m1, m2 []uint64, w0, w1, w2 uint64) {
	m0 = m0[:len(out)/2]
	m1, m2 = m1[:len(m0)], m2[:len(m0)]
	for i := 0; i+1 < len(m0); i += 2 {
		binary.LittleEndian.PutUint32(out[2*i:], pixel(m0[i]*w0+m1[i]*w1+m2[i]*w2, m0[i+1]*w0+m1[i+1]*w1+m2[i+1]*w2))
	}
}

// accumulate adds the row m of mid, weighted wt, to acc.
func accumulate(acc, m []uint64, wt uint64) {
	acc = acc[:len(m)]
	for i, v := range m {
		acc[i] += v * wt
	}
}

// finish writes the output row summed in acc.
func finish(out []uint8, acc []uint64) {
	acc = acc[:len(out)/2]
	for i := 0; i+1 < len(acc); i += 2 {
		binary.LittleEndian.PutUint32(out[2*i:], pixel(acc[i], acc[i+1]))
	}
}

// grow returns buf resized to n elements, reallocated only when too small.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}
