package parallel

import (
	"sync/atomic"
	"testing"
)

// TestEveryIndexOnce: each index is done exactly once by For and by With,
// every goroutine of With has a state of its own, and n = 0 does nothing.
func TestEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]atomic.Int32, n)
		For(n, func(i int) { seen[i].Add(1) })
		var states atomic.Int32
		With(n, func() *int { states.Add(1); return new(int) }, func(s *int, i int) {
			*s++ // a race here (go test -race) would mean a shared state
			seen[i].Add(1)
		})
		for i := range seen {
			if c := seen[i].Load(); c != 2 {
				t.Fatalf("n=%d: index %d done %d times, want once by each", n, i, c)
			}
		}
		if n == 0 && states.Load() != 0 {
			t.Errorf("n=0 made %d states", states.Load())
		}
	}
}
