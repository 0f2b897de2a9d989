package layout

import (
	"sync"
	"testing"
	"unicode"
)

// TestRuneTable: values come back as stored, 0 included; runes not
// stored and runes outside Unicode are unknown; goroutines that fill one
// table at once (run with -race) all read what was stored.
func TestRuneTable(t *testing.T) {
	var tb runeTable
	for _, r := range []rune{0, 'a', '가', 0xFFFF, 0x1D400, unicode.MaxRune} {
		if _, ok := tb.get(r); ok {
			t.Errorf("%U known before it was stored", r)
		}
		tb.put(r, int(r)%7)
		if v, ok := tb.get(r); !ok || v != int(r)%7 {
			t.Errorf("%U: got %d, %v; want %d", r, v, ok, int(r)%7)
		}
	}
	for _, r := range []rune{-1, unicode.MaxRune + 1} {
		tb.put(r, 3)
		if _, ok := tb.get(r); ok {
			t.Errorf("%d outside Unicode is known", r)
		}
	}
	var wg sync.WaitGroup
	var shared runeTable
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := rune(0xAC00); r < 0xAC00+2000; r++ {
				if v, ok := shared.get(r); ok && v != int(r-0xAC00) {
					t.Errorf("goroutine %d: %U holds %d", g, r, v)
					return
				}
				shared.put(r, int(r-0xAC00))
			}
		}()
	}
	wg.Wait()
	for r := rune(0xAC00); r < 0xAC00+2000; r++ {
		if v, ok := shared.get(r); !ok || v != int(r-0xAC00) {
			t.Fatalf("%U: got %d, %v", r, v, ok)
		}
	}
}
