package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// JPEG markers (ITU T.81, table B.1).
const (
	markerSOF0  = 0xC0 // baseline DCT
	markerSOF1  = 0xC1 // extended sequential DCT, Huffman
	markerSOF2  = 0xC2 // progressive DCT, Huffman
	markerDHT   = 0xC4
	markerJPG   = 0xC8
	markerDAC   = 0xCC
	markerSOF15 = 0xCF
	markerRST0  = 0xD0
	markerRST7  = 0xD7
	markerSOI   = 0xD8
	markerEOI   = 0xD9
	markerSOS   = 0xDA
	markerAPP14 = 0xEE
	markerTEM   = 0x01
)

// jpegHeader is what readJPEGHeader learns from a JPEG's markers before its
// first scan.
type jpegHeader struct {
	sof            byte // the frame's start-of-frame marker
	precision      int  // bits per sample
	width, height  int  // height 0: given later by a DNL marker
	components     int
	adobe          bool // an Adobe APP14 segment is present
	adobeTransform byte // its colour transform: 0 none, 1 YCbCr, 2 YCCK
	frameCount     int
}

// readJPEGHeader reads the markers of a JPEG up to its first scan: the
// frame header (start of frame) and Adobe's APP14 segment. It reads only
// what the segment lengths allow, so it ends on any input after at most
// one step per segment.
func readJPEGHeader(data []byte) (jpegHeader, error) {
	var h jpegHeader
	if len(data) < 2 || data[0] != 0xFF || data[1] != markerSOI {
		return h, errors.New("no JPEG start-of-image marker")
	}
	for pos := 2; ; {
		if pos >= len(data) || data[pos] != 0xFF {
			return h, errors.New("JPEG marker expected")
		}
		for pos < len(data) && data[pos] == 0xFF { // the marker's 0xFF and any fill bytes
			pos++
		}
		if pos >= len(data) {
			return h, errors.New("JPEG marker expected")
		}
		m := data[pos]
		pos++
		if m == markerTEM || m >= markerRST0 && m <= markerRST7 {
			continue // markers without a segment
		}
		if m == markerSOI || m == markerEOI {
			return h, fmt.Errorf("JPEG marker %#02x before any scan", m)
		}
		if pos+2 > len(data) {
			return h, errors.New("JPEG segment truncated")
		}
		n := int(binary.BigEndian.Uint16(data[pos:]))
		if n < 2 || pos+n > len(data) {
			return h, errors.New("JPEG segment truncated")
		}
		seg := data[pos+2 : pos+n]
		pos += n
		if m == markerSOS {
			if h.frameCount == 0 {
				return h, errors.New("JPEG scan before any frame header")
			}
			return h, nil
		}
		if err := h.segment(m, seg); err != nil {
			return h, err
		}
	}
}

// segment reads a frame header or an APP14 segment; other segments are
// skipped.
func (h *jpegHeader) segment(m byte, seg []byte) error {
	switch {
	case m >= markerSOF0 && m <= markerSOF15 && m != markerDHT && m != markerJPG && m != markerDAC:
		h.frameCount++
		if h.frameCount > 1 {
			return nil // a second frame (hierarchical JPEG); the first decides
		}
		if len(seg) < 6 {
			return errors.New("JPEG frame header truncated")
		}
		h.sof, h.precision = m, int(seg[0])
		h.height, h.width = int(binary.BigEndian.Uint16(seg[1:])), int(binary.BigEndian.Uint16(seg[3:]))
		h.components = int(seg[5])
		if len(seg) < 6+3*h.components {
			return errors.New("JPEG frame header truncated")
		}
	case m == markerAPP14 && len(seg) >= 12 && bytes.HasPrefix(seg, []byte("Adobe")):
		h.adobe, h.adobeTransform = true, seg[11]
	}
	return nil
}

// passThrough reports whether a PDF reader's DCTDecode filter can read the
// JPEG as it is: Huffman-coded baseline, extended or progressive, 8 bits,
// one frame, a known height, and 1, 3 or 4 components. Arithmetic coding,
// lossless, hierarchical and 12-bit JPEGs are decoded and written as
// samples instead.
func (h jpegHeader) passThrough() bool {
	switch h.sof {
	case markerSOF0, markerSOF1, markerSOF2:
	default:
		return false
	}
	ok := h.components == 1 || h.components == 3 || h.components == 4
	return ok && h.precision == 8 && h.frameCount == 1 && h.width > 0 && h.height > 0
}

// colorSpace names the PDF colour space of the decoded samples.
func (h jpegHeader) colorSpace() string {
	switch h.components {
	case 1:
		return "/DeviceGray"
	case 4:
		return "/DeviceCMYK"
	}
	return "/DeviceRGB"
}

// inverted reports whether a CMYK JPEG stores its samples inverted, as
// Adobe's applications write them (they mark it with their APP14 segment):
// a PDF reader must then be told to decode them reversed.
func (h jpegHeader) inverted() bool { return h.components == 4 && h.adobe }
