package testtool

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// This file writes the image variants that image/png and image/jpeg cannot
// write, for tests of the code that reads them: interlaced PNGs, grey +
// alpha, explicit bit depths, palettes with transparency, and JPEGs with
// four components or progressive scans. The encoders are deliberately
// small: PNG rows are unfiltered, and every 8×8 JPEG block is one flat
// colour (a DC coefficient and no AC ones), which is still a valid JPEG
// that any decoder reads exactly.

// PNG colour types (PNG specification, 11.2.2).
const (
	PNGGray      = 0
	PNGRGB       = 2
	PNGPalette   = 3
	PNGGrayAlpha = 4
	PNGRGBA      = 6
)

// PNGSpec describes a PNG to write. Sample returns the samples of pixel
// (x, y) for the colour type at Depth 8 (one byte each) or 16 (two bytes
// each, big-endian); for PNGPalette, one byte, the palette index.
type PNGSpec struct {
	Width, Height int    // in pixels
	ColorType     byte   // one of the PNG colour types above (PNGGray … PNGRGBA)
	Depth         byte   // 8 or 16
	Interlaced    bool   // Adam7
	Palette       []byte // PLTE: RGB triples
	Transparency  []byte // tRNS
	// Sample gives the samples of each pixel, as the type's doc says.
	Sample func(x, y int) []byte
}

// adam7 are the seven passes of Adam7 interlacing: start x, start y, step
// x, step y (PNG specification, 8.2).
var adam7 = [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}

// EncodePNG writes s as a PNG file.
func EncodePNG(s PNGSpec) []byte {
	var raw []byte
	row := func(xs []int, y int) {
		raw = append(raw, 0) // filter type None
		for _, x := range xs {
			raw = append(raw, s.Sample(x, y)...)
		}
	}
	passes := [][4]int{{0, 0, 1, 1}}
	if s.Interlaced {
		passes = adam7[:]
	}
	for _, p := range passes {
		var xs []int
		for x := p[0]; x < s.Width; x += p[2] {
			xs = append(xs, x)
		}
		if len(xs) == 0 {
			continue // an empty pass has no rows at all
		}
		for y := p[1]; y < s.Height; y += p[3] {
			row(xs, y)
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(s.Width))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(s.Height))
	interlace := byte(0)
	if s.Interlaced {
		interlace = 1
	}
	ihdr = append(ihdr, s.Depth, s.ColorType, 0, 0, interlace)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = pngChunk(out, "IHDR", ihdr)
	if s.Palette != nil {
		out = pngChunk(out, "PLTE", s.Palette)
	}
	if s.Transparency != nil {
		out = pngChunk(out, "tRNS", s.Transparency)
	}
	out = pngChunk(out, "IDAT", z.Bytes())
	return pngChunk(out, "IEND", nil)
}

// pngChunk appends a chunk: length, type, data, CRC of type and data.
func pngChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// JPEGSpec describes a JPEG of flat 8×8 blocks. Block returns the sample
// of each component (1, 3 or 4 of them) for the block whose top-left pixel
// is (x, y), as stored: a decoder with the usual conventions reads three
// components as YCbCr, and four as CMYK, inverted when Adobe is set.
type JPEGSpec struct {
	Width, Height int  // in pixels, multiples of 8
	Components    int  // 1 (gray), 3 (YCbCr) or 4 (CMYK or YCCK)
	Progressive   bool // a progressive JPEG (SOF2, DC then AC scans) rather than baseline
	// Adobe writes an Adobe APP14 segment with this colour transform (0:
	// none, 1: YCbCr, 2: YCCK); -1 writes none.
	Adobe int
	Block func(x, y int) []byte // the block's component samples, as the type's doc says
}

// dcBits and dcValues are the luminance DC Huffman table of ITU T.81,
// table K.3; acBits and acValues a two-code AC table holding EOB (0x00),
// all these blocks need, and 0x01 so that no code is all ones.
var (
	dcBits   = [16]byte{0, 1, 5, 1, 1, 1, 1, 1, 1}
	dcValues = []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	acBits   = [16]byte{0, 2}
	acValues = []byte{0x00, 0x01}
)

// jpegQuant is every entry of the one quantisation table: a flat block's
// DC coefficient is 8 × (sample − 128), so 8 makes the quantised value the
// level-shifted sample itself, exactly.
const jpegQuant = 8

// EncodeJPEG writes s as a JPEG file: baseline (one interleaved scan), or
// progressive (an interleaved DC scan, then one AC scan per component
// that ends every block at once).
func EncodeJPEG(s JPEGSpec) []byte {
	out := []byte{0xFF, 0xD8}
	if s.Adobe >= 0 {
		out = jpegSegment(out, 0xEE, []byte{'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, byte(s.Adobe)})
	}
	dqt := []byte{0}
	for range 64 {
		dqt = append(dqt, jpegQuant)
	}
	out = jpegSegment(out, 0xDB, dqt)
	sof := []byte{8, byte(s.Height >> 8), byte(s.Height), byte(s.Width >> 8), byte(s.Width), byte(s.Components)}
	for c := range s.Components {
		sof = append(sof, byte(c+1), 0x11, 0)
	}
	marker := byte(0xC0)
	if s.Progressive {
		marker = 0xC2
	}
	out = jpegSegment(out, marker, sof)
	out = jpegSegment(out, 0xC4, append(append([]byte{0x00}, dcBits[:]...), dcValues...))
	out = jpegSegment(out, 0xC4, append(append([]byte{0x10}, acBits[:]...), acValues...))
	all := make([]int, s.Components)
	for c := range all {
		all[c] = c
	}
	if !s.Progressive {
		out = jpegScan(out, s, all, 0, 63)
	} else {
		out = jpegScan(out, s, all, 0, 0)
		for c := range s.Components {
			out = jpegScan(out, s, []int{c}, 1, 63)
		}
	}
	return append(out, 0xFF, 0xD9)
}

// jpegSegment appends a marker segment with its length.
func jpegSegment(out []byte, marker byte, data []byte) []byte {
	out = append(out, 0xFF, marker)
	out = binary.BigEndian.AppendUint16(out, uint16(len(data)+2))
	return append(out, data...)
}

// jpegScan appends a scan of the given components over spectral band
// ss..se: DC differences when ss is 0, an end-of-block for every block
// when the band has AC coefficients.
func jpegScan(out []byte, s JPEGSpec, comps []int, ss, se byte) []byte {
	sos := []byte{byte(len(comps))}
	for _, c := range comps {
		sos = append(sos, byte(c+1), 0x00)
	}
	sos = append(sos, ss, se, 0)
	out = jpegSegment(out, 0xDA, sos)
	dc := huffCodes(dcBits, dcValues)
	eob := huffCodes(acBits, acValues)[0]
	var bw bitWriter
	pred := make([]int, s.Components)
	for y := 0; y < s.Height; y += 8 {
		for x := 0; x < s.Width; x += 8 {
			samples := s.Block(x, y)
			for _, c := range comps {
				if ss == 0 {
					v := int(samples[c]) - 128
					diff := v - pred[c]
					pred[c] = v
					size, bits := magnitude(diff)
					bw.put(dc[size])
					bw.put(code{bits, size})
				}
				if se > 0 {
					bw.put(eob)
				}
			}
		}
	}
	return append(out, bw.flush()...)
}

// code is a bit string: its value in the low bits, and its length.
type code struct {
	bits uint32
	n    int
}

// huffCodes makes the canonical Huffman codes of a table (T.81, C.2),
// indexed by symbol.
func huffCodes(bits [16]byte, values []byte) map[int]code {
	out := map[int]code{}
	next, k := uint32(0), 0
	for n := 1; n <= 16; n++ {
		for range bits[n-1] {
			out[int(values[k])] = code{next, n}
			next++
			k++
		}
		next <<= 1
	}
	return out
}

// magnitude returns the size category of v and its extra bits (T.81,
// F.1.2.1): negative values are stored as v − 1 in size bits.
func magnitude(v int) (size int, bits uint32) {
	a := v
	if a < 0 {
		a = -a
	}
	for a > 0 {
		size++
		a >>= 1
	}
	if v < 0 {
		v += (1 << size) - 1
	}
	return size, uint32(v)
}

// bitWriter packs codes into bytes, most significant bit first, with a
// zero byte stuffed after every 0xFF (T.81, F.1.2.3).
type bitWriter struct {
	out  []byte
	acc  uint32
	nacc int
}

func (w *bitWriter) put(c code) {
	for i := c.n - 1; i >= 0; i-- {
		w.acc = w.acc<<1 | (c.bits>>i)&1
		w.nacc++
		if w.nacc == 8 {
			w.emit()
		}
	}
}

func (w *bitWriter) emit() {
	b := byte(w.acc)
	w.out = append(w.out, b)
	if b == 0xFF {
		w.out = append(w.out, 0)
	}
	w.acc, w.nacc = 0, 0
}

// flush pads the last byte with one bits and returns the scan data.
func (w *bitWriter) flush() []byte {
	for w.nacc > 0 {
		w.put(code{1, 1})
	}
	return w.out
}
