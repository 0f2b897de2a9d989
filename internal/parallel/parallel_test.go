package parallel

import (
	"sync"
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

// TestOrdered: every result is used once, in order, while the work runs
// ahead in parallel; what acquire hands out is given back.
func TestOrdered(t *testing.T) {
	const n = 200
	var held atomic.Int64
	var got []int
	Ordered(n, func(i int) func() {
		held.Add(1)
		return func() { held.Add(-1) }
	}, func(i int) int {
		return i * i
	}, func(i, v int) {
		if v != i*i {
			t.Errorf("result %d is %d", i, v)
		}
		got = append(got, i)
	})
	if len(got) != n || held.Load() != 0 {
		t.Fatalf("used %d of %d, %d still held", len(got), n, held.Load())
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("used out of order: %v", got[:i+1])
		}
	}
}

// TestOrderedBudgetNoDeadlock: when each piece of work needs most of a
// shared allowance, acquiring in order cannot deadlock.
func TestOrderedBudgetNoDeadlock(t *testing.T) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	free := 10
	acquire := func(i int) func() {
		need := 3 + i%8 // at most 10
		mu.Lock()
		for free < need {
			cond.Wait()
		}
		free -= need
		mu.Unlock()
		return func() {
			mu.Lock()
			free += need
			cond.Broadcast()
			mu.Unlock()
		}
	}
	count := 0
	Ordered(500, acquire, func(i int) int { return i }, func(i, v int) { count++ })
	if count != 500 || free != 10 {
		t.Fatalf("used %d, %d free", count, free)
	}
}

// TestOrderedPanic: a panic in the work reaches the caller, and what was
// acquired is given back.
func TestOrderedPanic(t *testing.T) {
	var held atomic.Int64
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v", r)
		}
		if held.Load() != 0 {
			t.Errorf("%d still held", held.Load())
		}
	}()
	Ordered(100, func(i int) func() {
		held.Add(1)
		return func() { held.Add(-1) }
	}, func(i int) int {
		if i == 7 {
			panic("boom")
		}
		return i
	}, func(i, v int) {})
}
