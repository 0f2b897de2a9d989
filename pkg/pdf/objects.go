package pdf

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
)

// fileHeader starts the file: the version, then a comment of four bytes
// above 127, which tells transfer programs that the file is binary
// (ISO 32000-1:2008, 7.5.2).
const fileHeader = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"

// idLen is the length in bytes of each half of the trailer's /ID.
const idLen = 16

// fileWriter writes a PDF file as it is made: numbered objects in the
// order they are written, then the cross-reference table and the trailer
// (7.5.4, 7.5.5). Object numbers are reserved before their objects are
// written, so objects may refer forward. Each object is staged in buf and
// passed on whole; stream data goes out directly, without a copy. The
// first write error is kept and returned by finish.
type fileWriter struct {
	out     io.Writer
	sum     hash.Hash // of everything before the table, for the /ID
	written int64     // bytes passed on to out
	buf     []byte
	offsets []int64 // byte offset of each object by number; -1 until written
	err     error
}

func newFileWriter(out io.Writer) *fileWriter {
	w := &fileWriter{out: out, sum: sha256.New(), offsets: []int64{0}}
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
	w.offsets[n] = w.written + int64(len(w.buf))
	w.buf = appendInt(w.buf, n)
	w.buf = append(w.buf, " 0 obj\n"...)
}

// end ends the current object and passes it on.
func (w *fileWriter) end() {
	w.buf = append(w.buf, "\nendobj\n"...)
	w.flush()
}

// flush passes the staged bytes on.
func (w *fileWriter) flush() {
	w.pass(w.buf)
	w.buf = w.buf[:0]
}

// pass writes b to the file and the hash.
func (w *fileWriter) pass(b []byte) {
	if w.err != nil || len(b) == 0 {
		return
	}
	w.sum.Write(b)
	n, err := w.out.Write(b)
	w.written += int64(n)
	w.err = err
}

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
	w.flush()
	w.pass(data)
	w.buf = append(w.buf, "\nendstream"...)
	w.end()
}

// finish writes the cross-reference table and the trailer. Every reserved
// object must have been written. The /ID is derived from a hash of
// everything before the table, so the same objects give the same
// identifier and the same bytes.
func (w *fileWriter) finish(root, info int) error {
	for n := 1; n < len(w.offsets); n++ {
		if w.offsets[n] < 0 {
			return fmt.Errorf("internal error: object %d reserved but not written", n)
		}
	}
	w.flush()
	sum := w.sum.Sum(nil)
	xref := w.written
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
	w.buf = fmt.Appendf(w.buf, "%d", xref)
	w.buf = append(w.buf, "\n%%EOF\n"...)
	w.flush()
	return w.err
}
