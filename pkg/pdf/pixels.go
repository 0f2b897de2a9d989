package pdf

import (
	"image"
	"image/color"
)

// pixelXObject writes a decoded image as 8-bit samples: DeviceGray when
// every pixel is grey, DeviceRGB otherwise, and the alpha channel, when
// some pixel is not opaque, as a DeviceGray soft mask. Samples are
// non-premultiplied, as PDF composites them with a soft mask. Sixteen-bit
// samples keep their high byte. Each plane is PNG-filtered row by row
// (PDF's predictor 15) before compression, which shrinks photographs and
// gradients much as PNG itself does.
func pixelXObject(c *compressor, img image.Image) *xobject {
	px := toNRGBA(img)
	w, h := px.Rect.Dx(), px.Rect.Dy()
	gray, opaque := true, true
	for i := 0; i < len(px.Pix); i += 4 {
		p := px.Pix[i : i+4 : i+4]
		gray = gray && p[0] == p[1] && p[1] == p[2]
		opaque = opaque && p[3] == 0xFF
	}
	channels, space := 3, "/DeviceRGB"
	if gray {
		channels, space = 1, "/DeviceGray"
	}
	samples := make([]byte, 0, w*h*channels)
	for i := 0; i < len(px.Pix); i += 4 {
		samples = append(samples, px.Pix[i:i+channels]...)
	}
	x := &xobject{dict: filteredDict(imageDict(w, h, space), channels, 8, w), data: c.deflate(pngFilter(samples, w, h, channels))}
	if !opaque {
		alpha := make([]byte, 0, w*h)
		for i := 3; i < len(px.Pix); i += 4 {
			alpha = append(alpha, px.Pix[i])
		}
		x.maskDict = filteredDict(imageDict(w, h, "/DeviceGray"), 1, 8, w)
		x.maskData = c.deflate(pngFilter(alpha, w, h, 1))
	}
	return x
}

// filteredDict adds the Flate filter and its PNG predictor parameters.
func filteredDict(b []byte, channels, bpc, width int) []byte {
	b = append(b, "/Filter/FlateDecode/DecodeParms<</Predictor 15/Colors "...)
	b = appendInt(b, channels)
	b = append(b, "/BitsPerComponent "...)
	b = appendInt(b, bpc)
	b = append(b, "/Columns "...)
	b = appendInt(b, width)
	return append(b, ">>"...)
}

// toNRGBA returns the image's pixels as 8-bit non-premultiplied RGBA,
// with fast paths for the types image/png and image/jpeg return.
func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok && n.Rect.Min == (image.Point{}) && n.Stride == 4*n.Rect.Dx() {
		return n
	}
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	i := 0
	put := func(r, g, bl, a uint8) {
		out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = r, g, bl, a
		i += 4
	}
	switch src := img.(type) {
	case *image.Gray:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range src.Pix[src.PixOffset(b.Min.X, y):][:b.Dx()] {
				put(v, v, v, 0xFF)
			}
		}
	case *image.Paletted:
		pal := make([]color.NRGBA, 256)
		for k, c := range src.Palette {
			pal[k] = color.NRGBAModel.Convert(c).(color.NRGBA)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range src.Pix[src.PixOffset(b.Min.X, y):][:b.Dx()] {
				c := pal[v]
				put(c.R, c.G, c.B, c.A)
			}
		}
	case *image.RGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := src.Pix[src.PixOffset(b.Min.X, y):][:4*b.Dx()]
			for k := 0; k < len(row); k += 4 {
				if a := row[k+3]; a == 0xFF || a == 0 {
					put(row[k], row[k+1], row[k+2], a)
				} else { // premultiplied: divide by alpha, as color.NRGBAModel does
					c := color.NRGBAModel.Convert(color.RGBA{row[k], row[k+1], row[k+2], a}).(color.NRGBA)
					put(c.R, c.G, c.B, c.A)
				}
			}
		}
	case *image.YCbCr:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				yi, ci := src.YOffset(x, y), src.COffset(x, y)
				r, g, bl := color.YCbCrToRGB(src.Y[yi], src.Cb[ci], src.Cr[ci])
				put(r, g, bl, 0xFF)
			}
		}
	case *image.NRGBA64:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := src.Pix[src.PixOffset(b.Min.X, y):][:8*b.Dx()]
			for k := 0; k < len(row); k += 8 {
				put(row[k], row[k+2], row[k+4], row[k+6]) // the high bytes
			}
		}
	default:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				put(c.R, c.G, c.B, c.A)
			}
		}
	}
	return out
}

// PNG filter types (PNG specification, 9.2 "Filter types for filter method
// 0"), as PDF's predictors 10–14 number them minus 10.
const (
	filterNone = iota
	filterSub
	filterUp
	filterAverage
	filterPaeth
	numFilters
)

// pngFilter filters each row of samples (h rows of w pixels of bpp bytes)
// with the PNG filter that gives the smallest sum of absolute differences,
// the heuristic the PNG specification suggests (12.8), and prefixes each
// row with its filter type, as PDF's predictor 15 reads it. The five sums
// are taken in one pass over the row; only the chosen filter is written.
func pngFilter(samples []byte, w, h, bpp int) []byte {
	stride := w * bpp
	out := make([]byte, h*(stride+1))
	prev := make([]byte, stride) // the row above the first is zero
	for y := range h {
		row := samples[y*stride : (y+1)*stride]
		f := bestFilter(row, prev, bpp)
		dst := out[y*(stride+1):]
		dst[0] = byte(f)
		applyFilter(dst[1:stride+1], row, prev, bpp, f)
		prev = row
	}
	return out
}

// bestFilter returns the filter with the smallest sum of absolute values
// of its output, read as signed bytes.
func bestFilter(row, prev []byte, bpp int) int {
	var sums [numFilters]int
	for i, v := range row {
		var a, c byte
		if i >= bpp {
			a, c = row[i-bpp], prev[i-bpp]
		}
		b := prev[i]
		sums[filterNone] += absSigned(v)
		sums[filterSub] += absSigned(v - a)
		sums[filterUp] += absSigned(v - b)
		sums[filterAverage] += absSigned(v - byte((int(a)+int(b))/2))
		sums[filterPaeth] += absSigned(v - paeth(a, b, c))
	}
	best := filterNone
	for f := range numFilters {
		if sums[f] < sums[best] {
			best = f
		}
	}
	return best
}

// absSigned is |d| for d read as a signed byte.
func absSigned(d byte) int {
	s := int(int8(d))
	if s < 0 {
		return -s
	}
	return s
}

// applyFilter writes row filtered with filter f into dst.
func applyFilter(dst, row, prev []byte, bpp, f int) {
	for i, v := range row {
		var a, c byte
		if i >= bpp {
			a, c = row[i-bpp], prev[i-bpp]
		}
		b := prev[i]
		switch f {
		case filterNone:
			dst[i] = v
		case filterSub:
			dst[i] = v - a
		case filterUp:
			dst[i] = v - b
		case filterAverage:
			dst[i] = v - byte((int(a)+int(b))/2)
		case filterPaeth:
			dst[i] = v - paeth(a, b, c)
		}
	}
}

// paeth is the Paeth predictor: of left, above and upper-left, the one
// closest to left + above − upper-left.
func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
