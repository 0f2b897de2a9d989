package raster

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image/png"
	"math/rand/v2"
	"testing"
)

// pngChunk is one chunk: length, type, data, CRC.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// pngOf joins the signature and chunks.
func pngOf(chunks ...[]byte) []byte {
	out := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out
}

// ihdrChunk is a header chunk.
func ihdrChunk(w, h int, depth, colour, interlace byte) []byte {
	d := binary.BigEndian.AppendUint32(nil, uint32(w))
	d = binary.BigEndian.AppendUint32(d, uint32(h))
	return pngChunk("IHDR", append(d, depth, colour, 0, 0, interlace))
}

// pngRows are h rows of w pixels of channels bytes, each with a random
// filter type, from rng.
func pngRows(rng *rand.Rand, w, h, channels int) []byte {
	var raw []byte
	for range h {
		raw = append(raw, byte(rng.IntN(5)))
		for range w * channels {
			raw = append(raw, byte(rng.IntN(256)))
		}
	}
	return raw
}

// zlibOf compresses raw.
func zlibOf(raw []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(raw)
	zw.Close()
	return b.Bytes()
}

// idats splits z into n IDAT chunks.
func idats(z []byte, n int) [][]byte {
	var out [][]byte
	step := max(1, (len(z)+n-1)/n)
	for len(z) > 0 {
		k := min(step, len(z))
		out = append(out, pngChunk("IDAT", z[:k]))
		z = z[k:]
	}
	return out
}

// decodes reports whether image/png decodes data, read as image.Decode
// reads it.
func decodes(data []byte) bool {
	_, err := png.Decode(bufio.NewReader(bytes.NewReader(data)))
	return err == nil
}

// pngCases are PNGs of the kinds pngDecodes answers for, well formed and
// broken in the ways image/png checks, and some it leaves to decoding.
func pngCases() map[string][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	raw := pngRows(rng, 37, 23, 3)
	z := zlibOf(raw)
	end := pngChunk("IEND", nil)
	hdr := ihdrChunk(37, 23, 8, 2, 0)
	with := func(parts ...[]byte) []byte { return pngOf(parts...) }
	join := func(cs [][]byte) []byte { return bytes.Join(cs, nil) }
	badCRC := func(c []byte) []byte { c = bytes.Clone(c); c[len(c)-1] ^= 1; return c }
	cases := map[string][]byte{
		"rgb":                   with(hdr, pngChunk("IDAT", z), end),
		"rgb in 5 IDATs":        with(hdr, join(idats(z, 5)), end),
		"rgb in 1-byte IDATs":   with(hdr, join(idats(z, len(z))), end),
		"text before IHDR":      with(pngChunk("tEXt", []byte("a\x00b")), hdr, pngChunk("IDAT", z), end),
		"text between":          with(hdr, pngChunk("tEXt", []byte("a\x00b")), pngChunk("IDAT", z), pngChunk("zTXt", []byte("z")), end),
		"trailing IDAT":         with(hdr, pngChunk("IDAT", z), pngChunk("IDAT", []byte("junk")), end),
		"empty IDAT after":      with(hdr, pngChunk("IDAT", z), pngChunk("IDAT", nil), end),
		"data after IEND":       append(with(hdr, pngChunk("IDAT", z), end), "trailing"...),
		"grey":                  with(ihdrChunk(37, 23, 8, 0, 0), pngChunk("IDAT", zlibOf(pngRows(rng, 37, 23, 1))), end),
		"grey alpha":            with(ihdrChunk(37, 23, 8, 4, 0), pngChunk("IDAT", zlibOf(pngRows(rng, 37, 23, 2))), end),
		"rgba":                  with(ihdrChunk(37, 23, 8, 6, 0), pngChunk("IDAT", zlibOf(pngRows(rng, 37, 23, 4))), end),
		"IHDR crc":              with(badCRC(hdr), pngChunk("IDAT", z), end),
		"IDAT crc":              with(hdr, badCRC(pngChunk("IDAT", z)), end),
		"middle IDAT crc":       with(hdr, idats(z, 3)[0], badCRC(idats(z, 3)[1]), idats(z, 3)[2], end),
		"IEND crc":              with(hdr, pngChunk("IDAT", z), badCRC(end)),
		"text crc":              with(hdr, badCRC(pngChunk("tEXt", []byte("a\x00b"))), pngChunk("IDAT", z), end),
		"no IEND":               with(hdr, pngChunk("IDAT", z)),
		"IEND with data":        with(hdr, pngChunk("IDAT", z), pngChunk("IEND", []byte{0})),
		"no IHDR":               with(pngChunk("IDAT", z), end),
		"two IHDR":              with(hdr, hdr, pngChunk("IDAT", z), end),
		"IEND before IDAT":      with(hdr, end, pngChunk("IDAT", z), end),
		"cut stream":            with(hdr, pngChunk("IDAT", z[:len(z)/2]), end),
		"rows short":            with(hdr, pngChunk("IDAT", zlibOf(raw[:len(raw)-1])), end),
		"rows long":             with(hdr, pngChunk("IDAT", zlibOf(append(bytes.Clone(raw), 0))), end),
		"bytes after stream":    with(hdr, pngChunk("IDAT", append(bytes.Clone(z), 1, 2, 3)), end),
		"bad adler":             with(hdr, pngChunk("IDAT", append(bytes.Clone(z[:len(z)-1]), z[len(z)-1]^1)), end),
		"bad filter type":       with(hdr, pngChunk("IDAT", zlibOf(append([]byte{5}, raw[1:]...))), end),
		"chunk between IDATs":   with(hdr, idats(z, 2)[0], pngChunk("tEXt", []byte("a\x00b")), idats(z, 2)[1], end),
		"interlaced":            with(ihdrChunk(8, 8, 8, 2, 1), pngChunk("IDAT", zlibOf(adam7Rows(8, 8, 3))), end),
		"palette":               with(ihdrChunk(4, 4, 8, 3, 0), pngChunk("PLTE", []byte{0, 0, 0, 255, 255, 255}), pngChunk("IDAT", zlibOf(bytes.Repeat([]byte{0, 0, 1, 0, 1}, 4))), end),
		"rgb with tRNS":         with(hdr, pngChunk("tRNS", []byte{0, 1, 0, 2, 0, 3}), pngChunk("IDAT", z), end),
		"16-bit":                with(ihdrChunk(3, 3, 16, 0, 0), pngChunk("IDAT", zlibOf(bytes.Repeat([]byte{0, 1, 2, 3, 4, 5, 6}, 3))), end),
		"bad signature":         append([]byte("\x89PNG\r\n\x1a\x0b"), with(hdr, pngChunk("IDAT", z), end)[8:]...),
		"zero width":            with(ihdrChunk(0, 23, 8, 2, 0), pngChunk("IDAT", z), end),
		"compression method 1":  with(pngChunk("IHDR", append(hdr[8:16:16], 8, 2, 1, 0, 0)), pngChunk("IDAT", z), end),
		"not zlib":              with(hdr, pngChunk("IDAT", raw), end),
		"huge unknown chunk":    with(hdr, append(binary.BigEndian.AppendUint32(nil, 0x80000000), "tEXt"...), pngChunk("IDAT", z), end),
		"truncated in a chunk":  with(hdr, pngChunk("IDAT", z))[:40],
		"IDAT then not IDAT":    with(hdr, idats(z, 2)[0], end),
		"empty IDATs then data": with(hdr, pngChunk("IDAT", nil), pngChunk("IDAT", nil), pngChunk("IDAT", z), end),
	}
	return cases
}

// adam7Rows are the rows of an interlaced w×h image (both multiples of
// 8) of channels bytes a pixel, filter None.
func adam7Rows(w, h, channels int) []byte {
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw []byte
	for _, p := range passes {
		pw, ph := (w-p[0]+p[2]-1)/p[2], (h-p[1]+p[3]-1)/p[3]
		for range ph {
			raw = append(raw, 0)
			raw = append(raw, make([]byte, pw*channels)...)
		}
	}
	return raw
}

// leftToDecoding are the cases pngDecodes does not answer for although
// image/png decodes them; it answers false, and Check decodes.
var leftToDecoding = map[string]bool{"interlaced": true, "palette": true, "rgb with tRNS": true, "16-bit": true}

// TestPNGDecodes: pngDecodes says yes exactly when image/png decodes the
// file, on PNGs of the kinds it answers for, well formed or broken in
// each way image/png checks; on other kinds it says no, and Check then
// decodes and gives Decode's answer.
func TestPNGDecodes(t *testing.T) {
	for name, data := range pngCases() {
		got, want := pngDecodes(data), decodes(data)
		if leftToDecoding[name] {
			if got || !want {
				t.Errorf("%s: pngDecodes %v, image/png %v; want false and true", name, got, want)
			}
		} else if got != want {
			t.Errorf("%s: pngDecodes %v, image/png %v", name, got, want)
		}
		_, errCheck := Check(data, 1<<30)
		_, _, errDecode := Decode(data, 1<<30)
		if (errCheck == nil) != (errDecode == nil) || errCheck != nil && errCheck.Error() != errDecode.Error() {
			t.Errorf("%s: Check says %v, Decode %v", name, errCheck, errDecode)
		}
	}
}

// TestPNGDecodesMutated: on thousands of random corruptions of well
// formed PNGs (bytes changed, cut, repeated, dropped), pngDecodes never
// says yes to a file image/png refuses.
func TestPNGDecodesMutated(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 7))
	var bases [][]byte
	for name, data := range pngCases() {
		if decodes(data) && !leftToDecoding[name] {
			bases = append(bases, data)
		}
	}
	yes := 0
	for i := range 20000 {
		data := mutate(rng, bases[i%len(bases)])
		if _, err := Inspect(data, fuzzPixels); err != nil {
			continue
		}
		if pngDecodes(data) {
			yes++
			if !decodes(data) {
				t.Fatalf("pngDecodes accepts a file image/png refuses: %x", data)
			}
		}
	}
	if yes == 0 {
		t.Error("no mutated file was accepted: the test does not reach pngDecodes's yes")
	}
}

// fuzzPixels bounds the images the tests decode.
const fuzzPixels = 1 << 20

// mutate returns a corrupted copy of data.
func mutate(rng *rand.Rand, data []byte) []byte {
	d := bytes.Clone(data)
	for range 1 + rng.IntN(3) {
		if len(d) == 0 {
			return d
		}
		i := rng.IntN(len(d))
		switch rng.IntN(5) {
		case 0:
			d[i] ^= byte(1 << rng.IntN(8))
		case 1:
			d[i] = byte(rng.IntN(256))
		case 2:
			d = d[:i]
		case 3:
			j := min(len(d), i+rng.IntN(16))
			d = append(d[:i:i], d[j:]...)
		case 4:
			j := min(len(d), i+rng.IntN(16))
			d = append(d[:j:j], d[i:]...)
		}
	}
	return d
}

// FuzzPNGDecodes: whatever the bytes, pngDecodes never says yes to a file
// image/png refuses, and never panics. Files whose header declares more
// than fuzzPixels are left out, as Check's callers refuse them before
// (Inspect): image/png would allocate them whole.
func FuzzPNGDecodes(f *testing.F) {
	for _, data := range pngCases() {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := Inspect(data, fuzzPixels); err != nil {
			return
		}
		if pngDecodes(data) && !decodes(data) {
			t.Fatalf("pngDecodes accepts a file image/png refuses")
		}
	})
}
