package source

import (
	"bytes"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
)

// bom is the UTF-8 byte order mark, which some Windows editors write at
// the start of a file; Jekyll drops it, and so do we.
var bom = []byte{0xEF, 0xBB, 0xBF}

// normalize checks that data is UTF-8, drops a leading BOM and turns CRLF
// into LF. Removing the CR before each LF keeps every line number and
// every column a reader sees.
func normalize(file string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		return nil, diag.Errorf(badUTF8Pos(file, data), "file is not valid UTF-8 (save it as UTF-8)")
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		return data, nil
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), nil
}

// badUTF8Pos finds the first byte that is not part of valid UTF-8.
func badUTF8Pos(file string, data []byte) diag.Pos {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
		switch {
		case r == '\n':
			line, col = line+1, 1
		case r == '\r' && i < len(data) && data[i] == '\n':
			// a CR before LF is dropped by normalize: not a column
		default:
			col++
		}
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// lineIndex turns byte offsets of one text into file:line:col.
type lineIndex struct {
	file   string
	src    []byte
	starts []int // byte offset where each line begins

	// The last position computed: messages come mostly in file order,
	// so counting on from it keeps many messages on one long line linear.
	lastOff, lastLine, lastCol int
}

func newLineIndex(file string, src []byte) *lineIndex {
	ix := &lineIndex{file: file, src: src, starts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

// pos returns the position of byte offset off, clamped to the text and
// moved back to the start of the character it falls in.
func (ix *lineIndex) pos(off int) diag.Pos {
	off = min(max(off, 0), len(ix.src))
	for off > 0 && off < len(ix.src) && !utf8.RuneStart(ix.src[off]) {
		off--
	}
	line := ix.lineOf(off)
	from, col := ix.starts[line], 1
	if ix.lastLine == line && ix.lastOff <= off && ix.lastCol > 0 {
		from, col = ix.lastOff, ix.lastCol
	}
	col += utf8.RuneCount(ix.src[from:off])
	ix.lastOff, ix.lastLine, ix.lastCol = off, line, col
	return diag.Pos{File: ix.file, Line: line + 1, Col: col}
}

// lineOf returns the 0-based line holding off, by binary search.
func (ix *lineIndex) lineOf(off int) int {
	lo, hi := 0, len(ix.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ix.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
