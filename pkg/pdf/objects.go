package pdf

import (
	"crypto/sha256"
	"fmt"
)

// fileHeader starts the file: the version, then a comment of four bytes
// above 127, which tells transfer programs that the file is binary
// (ISO 32000-1:2008, 7.5.2).
const fileHeader = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"

// idLen is the length in bytes of each half of the trailer's /ID.
const idLen = 16

// fileWriter builds a PDF file in memory: numbered objects in the order
// they are written, then the cross-reference table and the trailer
// (7.5.4, 7.5.5). Object numbers are reserved before their objects are
// written, so objects may refer forward.
type fileWriter struct {
	buf     []byte
	offsets []int // byte offset of each object by number; -1 until written
}

func newFileWriter(sizeHint int) *fileWriter {
	w := &fileWriter{buf: make([]byte, 0, sizeHint), offsets: []int{0}}
	w.buf = append(w.buf, fileHeader...)
	return w
}

// reserve returns a new object number.
func (w *fileWriter) reserve() int {
	w.offsets = append(w.offsets, -1)
	return len(w.offsets) - 1
}

// begin starts object n, which must be reserved and not yet written.
func (w *fileWriter) begin(n int) {
	w.offsets[n] = len(w.buf)
	w.buf = appendInt(w.buf, n)
	w.buf = append(w.buf, " 0 obj\n"...)
}

// end ends the current object.
func (w *fileWriter) end() { w.buf = append(w.buf, "\nendobj\n"...) }

// object writes object n with the given body.
func (w *fileWriter) object(n int, body []byte) {
	w.begin(n)
	w.buf = append(w.buf, body...)
	w.end()
}

// stream writes object n as a stream whose dictionary holds the entries of
// dict (without the angle brackets) and /Length; data is written as it is,
// already encoded by the filters dict names.
func (w *fileWriter) stream(n int, dict []byte, data []byte) {
	w.begin(n)
	w.buf = append(w.buf, "<<"...)
	w.buf = append(w.buf, dict...)
	w.buf = append(w.buf, "/Length "...)
	w.buf = appendInt(w.buf, len(data))
	w.buf = append(w.buf, ">>\nstream\n"...)
	w.buf = append(w.buf, data...)
	w.buf = append(w.buf, "\nendstream"...)
	w.end()
}

// finish writes the cross-reference table and the trailer and returns the
// file. Every reserved object must have been written. The /ID is derived
// from a hash of everything before the table, so the same objects give the
// same identifier and the same bytes.
func (w *fileWriter) finish(root, info int) ([]byte, error) {
	for n := 1; n < len(w.offsets); n++ {
		if w.offsets[n] < 0 {
			return nil, fmt.Errorf("internal error: object %d reserved but not written", n)
		}
	}
	sum := sha256.Sum256(w.buf)
	xref := len(w.buf)
	w.buf = append(w.buf, "xref\n0 "...)
	w.buf = appendInt(w.buf, len(w.offsets))
	w.buf = append(w.buf, "\n0000000000 65535 f\r\n"...)
	for _, off := range w.offsets[1:] {
		w.buf = fmt.Appendf(w.buf, "%010d 00000 n\r\n", off)
	}
	w.buf = append(w.buf, "trailer\n<</Size "...)
	w.buf = appendInt(w.buf, len(w.offsets))
	w.buf = append(w.buf, "/Root "...)
	w.buf = appendRef(w.buf, root)
	w.buf = append(w.buf, "/Info "...)
	w.buf = appendRef(w.buf, info)
	w.buf = append(w.buf, "/ID ["...)
	w.buf = appendHex(w.buf, sum[:idLen])
	w.buf = appendHex(w.buf, sum[:idLen])
	w.buf = append(w.buf, "]>>\nstartxref\n"...)
	w.buf = appendInt(w.buf, xref)
	w.buf = append(w.buf, "\n%%EOF\n"...)
	return w.buf, nil
}
