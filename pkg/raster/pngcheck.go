package raster

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash"
	"hash/crc32"
	"io"
)

// pngDecodes reports whether image/png would decode data, for the PNGs
// most books hold (8-bit grey, grey and alpha, RGB or RGBA, not
// interlaced, with no PLTE or tRNS chunk), without decoding their pixels:
// the checks image/png makes are made in the same order on the same
// reads, and only the per-row unfiltering and pixel conversion are left
// out, which cannot fail for these kinds. A true answer is certain; false
// means "not sure", and the caller decodes (Check). On those PNGs this
// takes a fifth to a half of decoding, and allocates no image.
//
// It reads data as image.Decode does (a bufio.Reader over it, the IDAT
// chunks joined into one zlib stream that is read a row at a time), so
// that the zlib reader asks for the same bytes, crossing into the same
// chunks, as the decoder does.
func pngDecodes(data []byte) bool {
	c := &pngChecker{r: bufio.NewReader(bytes.NewReader(data)), crc: crc32.NewIEEE()}
	if _, err := io.ReadFull(c.r, c.tmp[:8]); err != nil || string(c.tmp[:8]) != "\x89PNG\r\n\x1a\n" {
		return false
	}
	for c.stage != pngSeenIEND {
		if !c.chunk() {
			return false
		}
	}
	return true
}

// The stages of a PNG's chunks, as image/png tracks them.
const (
	pngStart = iota
	pngSeenIHDR
	pngSeenIDAT
	pngSeenIEND
)

// pngChecker is one pngDecodes call.
type pngChecker struct {
	r     *bufio.Reader
	crc   hash.Hash32
	tmp   [13]byte
	stage int
	// width and channels are the IHDR's; height is its row count.
	width, height, channels int
	// idatLeft is what is left of the IDAT chunk being read.
	idatLeft uint32
}

// chunk checks the next chunk.
func (c *pngChecker) chunk() bool {
	if _, err := io.ReadFull(c.r, c.tmp[:8]); err != nil {
		return false
	}
	length := binary.BigEndian.Uint32(c.tmp[:4])
	c.crc.Reset()
	c.crc.Write(c.tmp[4:8])
	switch string(c.tmp[4:8]) {
	case "IHDR":
		if c.stage != pngStart {
			return false
		}
		c.stage = pngSeenIHDR
		return c.ihdr(length)
	case "PLTE", "tRNS":
		return false // not a kind pngDecodes answers for
	case "IDAT":
		if c.stage == pngStart {
			return false
		}
		if c.stage == pngSeenIHDR {
			c.stage = pngSeenIDAT
			c.idatLeft = length
			return c.pixels() && c.checksum()
		}
		// image/png skips IDAT chunks after the image as it skips
		// chunks it does not know.
	case "IEND":
		if c.stage != pngSeenIDAT || length != 0 {
			return false
		}
		c.stage = pngSeenIEND
		return c.checksum()
	}
	if length > 0x7fffffff {
		return false
	}
	var skip [4096]byte
	for length > 0 {
		n, err := io.ReadFull(c.r, skip[:min(len(skip), int(length))])
		if err != nil {
			return false
		}
		c.crc.Write(skip[:n])
		length -= uint32(n)
	}
	return c.checksum()
}

// checksum reads a chunk's CRC and compares it with the data read.
func (c *pngChecker) checksum() bool {
	if _, err := io.ReadFull(c.r, c.tmp[:4]); err != nil {
		return false
	}
	return binary.BigEndian.Uint32(c.tmp[:4]) == c.crc.Sum32()
}

// pngChannels are the colour types pngDecodes answers for, at 8 bits a
// sample, with their channels.
var pngChannels = map[byte]int{0: 1, 2: 3, 4: 2, 6: 4}

// ihdr checks the header chunk.
func (c *pngChecker) ihdr(length uint32) bool {
	if length != 13 {
		return false
	}
	if _, err := io.ReadFull(c.r, c.tmp[:13]); err != nil {
		return false
	}
	c.crc.Write(c.tmp[:13])
	w := int32(binary.BigEndian.Uint32(c.tmp[0:4]))
	h := int32(binary.BigEndian.Uint32(c.tmp[4:8]))
	depth, colour, compression, filter, interlace := c.tmp[8], c.tmp[9], c.tmp[10], c.tmp[11], c.tmp[12]
	channels, ok := pngChannels[colour]
	// Sizes are bounded far below image/png's overflow checks by the
	// caller's max_image_pixels; this bound only keeps this function
	// sound on its own.
	if !ok || depth != 8 || compression != 0 || filter != 0 || interlace != 0 ||
		w <= 0 || h <= 0 || int64(w)*int64(h) > 1<<40 {
		return false
	}
	c.width, c.height, c.channels = int(w), int(h), channels
	return c.checksum()
}

// Read presents the data of the IDAT chunks as one stream, checking the
// CRC of each chunk it leaves and that the next is an IDAT: the reads
// image/png makes.
func (c *pngChecker) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for c.idatLeft == 0 {
		if !c.checksum() {
			return 0, errNotSure
		}
		if _, err := io.ReadFull(c.r, c.tmp[:8]); err != nil {
			return 0, err
		}
		c.idatLeft = binary.BigEndian.Uint32(c.tmp[:4])
		if string(c.tmp[4:8]) != "IDAT" {
			return 0, errNotSure
		}
		c.crc.Reset()
		c.crc.Write(c.tmp[4:8])
	}
	if int(c.idatLeft) < 0 {
		return 0, errNotSure
	}
	n, err := c.r.Read(p[:min(len(p), int(c.idatLeft))])
	c.crc.Write(p[:n])
	c.idatLeft -= uint32(n)
	return n, err
}

// errNotSure stops a check that image/png would fail or that pngDecodes
// cannot answer for.
var errNotSure = errors.New("raster: not a PNG image/png would decode")

// pixels reads the image data a row at a time, as image/png does, and
// checks each row's filter type, then that the zlib stream ends, with its
// checksum, exactly where the IDAT data does.
func (c *pngChecker) pixels() bool {
	zr, err := zlib.NewReader(c)
	if err != nil {
		return false
	}
	defer zr.Close()
	row := make([]byte, 1+c.width*c.channels)
	for range c.height {
		if _, err := io.ReadFull(zr, row); err != nil {
			return false
		}
		if row[0] > 4 { // None, Sub, Up, Average, Paeth
			return false
		}
	}
	n := 0
	for i := 0; n == 0 && err == nil; i++ {
		if i == 100 {
			return false
		}
		n, err = zr.Read(c.tmp[:1])
	}
	return err == io.EOF && n == 0 && c.idatLeft == 0
}
