package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"

	"github.com/hangul-press/publish/internal/parallel"
)

// flateLevel is the one compression level of every stream we compress:
// content streams, font programs, ToUnicode maps and re-encoded images.
// Level 6, zlib's default, is where Go's compressor stops gaining much size
// for its time: the sample book is 8% larger at level 1 (357 KB against
// 330 KB) and 0.3% smaller at level 9, a generated 100-post book 8% larger
// and 0.8% smaller (docs/library-notes.md). FlateDecode reads the zlib
// format (RFC 1950): compress/flate's deflate with zlib's header and
// checksum, which compress/zlib adds.
const flateLevel = zlib.DefaultCompression

// compressor deflates streams; each worker goroutine has its own, reused
// from stream to stream.
type compressor struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

func newCompressor() *compressor {
	c := &compressor{}
	c.zw, _ = zlib.NewWriterLevel(&c.buf, flateLevel) // the level is valid
	return c
}

// deflate returns data compressed, in a slice of its own.
func (c *compressor) deflate(data []byte) []byte {
	c.buf.Reset()
	c.zw.Reset(&c.buf)
	c.zw.Write(data) // writes to a bytes.Buffer do not fail
	c.zw.Close()
	return bytes.Clone(c.buf.Bytes())
}

// inParallel runs do(c, i) for i from 0 to n-1 on every processor, each
// goroutine with its own compressor, and returns the error of the lowest i
// that failed, so that the error does not depend on scheduling. A panic in
// do becomes that index's error: no caller could recover it on a worker
// goroutine.
func inParallel(n int, do func(c *compressor, i int) error) error {
	errs := make([]error, n)
	parallel.With(n, newCompressor, func(c *compressor, i int) {
		defer func() {
			if r := recover(); r != nil {
				errs[i] = fmt.Errorf("internal error: %v", r)
			}
		}()
		errs[i] = do(c, i)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
