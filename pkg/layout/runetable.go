package layout

import (
	"sync/atomic"
	"unicode"
)

// runeTable caches a small non-negative number per rune (an advance
// width, the index of the face that draws it) and is safe for concurrent
// use: the chapters of a book are set on several goroutines that share
// one fontSet. Runes are grouped in pages of 256, made on first use; a
// slot holds the value plus one, so that 0 means "not known yet". Two
// goroutines that look up the same rune at once compute the same value
// and store it twice, which is harmless: every value is a function of the
// rune alone.
type runeTable struct {
	pages [(unicode.MaxRune + 1) >> 8]atomic.Pointer[runePage]
}

// runePage is one page of a runeTable.
type runePage [256]atomic.Int32

// get returns r's value and whether it is known.
func (t *runeTable) get(r rune) (int, bool) {
	if r < 0 || r > unicode.MaxRune {
		return 0, false
	}
	p := t.pages[r>>8].Load()
	if p == nil {
		return 0, false
	}
	v := p[r&0xff].Load()
	return int(v) - 1, v != 0
}

// put records r's value, which must be at least 0 and below 1<<31 - 1.
// Runes outside Unicode are not recorded.
func (t *runeTable) put(r rune, v int) {
	if r < 0 || r > unicode.MaxRune {
		return
	}
	slot := &t.pages[r>>8]
	p := slot.Load()
	if p == nil {
		p = new(runePage)
		if !slot.CompareAndSwap(nil, p) {
			p = slot.Load()
		}
	}
	p[r&0xff].Store(int32(v + 1))
}
