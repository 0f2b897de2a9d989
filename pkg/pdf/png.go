package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// pngSignature starts every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// PNG header fields and colour types (PNG specification, 11.2.2).
const (
	pngIHDRSize    = 13
	pngGray        = 0
	pngRGB         = 2
	pngPalette     = 3
	pngChunkFrame  = 12 // length, type and CRC around a chunk's data
	maxPaletteSize = 256
)

// pngInfo is what readPNGChunks learns from a PNG's chunks: the header,
// the palette, whether there is a tRNS chunk, and the image data of all
// IDAT chunks joined, which is one zlib stream.
type pngInfo struct {
	width, height     int
	depth, colorType  byte
	interlace         byte
	compression       byte
	filter            byte
	palette           []byte
	transparency      bool
	data              []byte
	idatRuns          int // separate runs of IDAT chunks; the format allows one
	sawHeader, sawEnd bool
}

// readPNGChunks reads a PNG's chunk structure, up to IEND. It checks
// lengths, not CRCs (image/png has decoded the file already). Each step
// moves past a whole chunk, so it ends on any input.
func readPNGChunks(data []byte) (pngInfo, error) {
	var p pngInfo
	if !bytes.HasPrefix(data, []byte(pngSignature)) {
		return p, errors.New("no PNG signature")
	}
	prevIDAT := false
	for pos := len(pngSignature); !p.sawEnd; {
		if pos+pngChunkFrame > len(data) {
			return p, errors.New("PNG chunk truncated")
		}
		n := int(binary.BigEndian.Uint32(data[pos:]))
		if n > len(data)-pos-pngChunkFrame {
			return p, errors.New("PNG chunk truncated")
		}
		typ, body := string(data[pos+4:pos+8]), data[pos+8:pos+8+n]
		pos += pngChunkFrame + n
		if !p.sawHeader && typ != "IHDR" {
			return p, errors.New("PNG does not start with IHDR")
		}
		isIDAT := typ == "IDAT"
		if isIDAT && !prevIDAT {
			p.idatRuns++
		}
		prevIDAT = isIDAT
		if err := p.chunk(typ, body); err != nil {
			return p, err
		}
	}
	return p, nil
}

// chunk reads one chunk's data.
func (p *pngInfo) chunk(typ string, body []byte) error {
	switch typ {
	case "IHDR":
		if p.sawHeader || len(body) != pngIHDRSize {
			return errors.New("bad PNG IHDR chunk")
		}
		p.sawHeader = true
		p.width, p.height = int(binary.BigEndian.Uint32(body)), int(binary.BigEndian.Uint32(body[4:]))
		p.depth, p.colorType, p.compression, p.filter, p.interlace = body[8], body[9], body[10], body[11], body[12]
	case "PLTE":
		p.palette = body
	case "tRNS":
		p.transparency = true
	case "IDAT":
		p.data = append(p.data, body...)
	case "IEND":
		p.sawEnd = true
	}
	return nil
}

// passThrough reports whether the PNG's image data can go into the PDF as
// it is, as a Flate stream with PNG predictors (ISO 32000-1:2008, 7.4.4.4):
// 8-bit RGB, or grey or palette samples of 1, 2, 4 or 8 bits, not
// interlaced (PDF's predictors know no Adam7), with no transparency (a
// tRNS chunk needs a mask), and with the standard compression and filter
// methods. Up to 2^31 pixels a side, as PDF integers go.
func (p pngInfo) passThrough() bool {
	depthOK := p.depth == 8
	switch p.colorType {
	case pngGray:
		depthOK = p.depth == 1 || p.depth == 2 || p.depth == 4 || p.depth == 8
	case pngRGB:
	case pngPalette:
		depthOK = p.depth == 1 || p.depth == 2 || p.depth == 4 || p.depth == 8
		if len(p.palette) == 0 || len(p.palette)%3 != 0 || len(p.palette) > 3*maxPaletteSize {
			return false
		}
	default:
		return false
	}
	return depthOK && p.interlace == 0 && p.compression == 0 && p.filter == 0 && !p.transparency &&
		p.idatRuns == 1 && len(p.data) > 0 && p.width > 0 && p.height > 0 && p.width < 1<<31 && p.height < 1<<31
}

// pngXObject passes a PNG's image data through. A palette image keeps its
// palette as an Indexed colour space.
func pngXObject(p pngInfo) *xobject {
	space, channels := "/DeviceGray", 1
	switch p.colorType {
	case pngRGB:
		space, channels = "/DeviceRGB", 3
	case pngPalette:
		b := []byte("[/Indexed/DeviceRGB ")
		b = appendInt(b, len(p.palette)/3-1)
		b = appendHex(b, p.palette)
		space = string(append(b, ']'))
	}
	bpc := int(p.depth)
	return &xobject{dict: filteredDict(imageDictBits(p.width, p.height, space, bpc), channels, bpc, p.width), data: p.data}
}

// checkData inflates the image data and checks that it holds exactly the
// rows the header announces, each starting with a PNG filter type: what a
// PDF reader will decode. It reads in small pieces, so memory does not
// grow with the image; the header's size is bounded by maxImagePixels
// before this runs.
func (p pngInfo) checkData() error {
	channels := 1
	if p.colorType == pngRGB {
		channels = 3
	}
	row := (int64(p.width)*int64(channels)*int64(p.depth)+7)/8 + 1
	want := row * int64(p.height)
	zr, err := zlib.NewReader(bytes.NewReader(p.data))
	if err != nil {
		return err
	}
	buf := make([]byte, 32*1024)
	var at int64
	for at < want {
		n, err := zr.Read(buf[:min(int64(len(buf)), want-at)])
		if n == 0 && err == nil {
			return errors.New("image data does not progress")
		}
		// The rows that start in this piece: one division a piece, not
		// one a byte.
		for r := (at + row - 1) / row * row; r < at+int64(n); r += row {
			if c := buf[r-at]; c > filterPaeth {
				return fmt.Errorf("row %d has PNG filter type %d", r/row, c)
			}
		}
		at += int64(n)
		if err == io.EOF && at < want {
			return fmt.Errorf("image data ends after %d of %d bytes", at, want)
		}
		if err != nil && err != io.EOF {
			return err
		}
	}
	return nil
}
