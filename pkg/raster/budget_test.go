package raster

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBudgetBound: however many goroutines ask, the bytes taken never
// pass the budget, and every request is served.
func TestBudgetBound(t *testing.T) {
	b := NewBudget(1000)
	var inUse, peak atomic.Int64
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 1))
			for range 200 {
				n := int64(1 + rng.IntN(400))
				release := b.Acquire(n)
				now := inUse.Add(n)
				for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
				}
				inUse.Add(-n)
				release()
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 1000 || p < 400 {
		t.Errorf("peak %d bytes in a budget of 1000", p)
	}
	if b.InUse() != 0 {
		t.Errorf("%d bytes still taken", b.InUse())
	}
}

// TestBudgetOrder: a request larger than the budget waits for everything
// to be released and then runs alone; a later small request does not pass
// a waiting large one.
func TestBudgetOrder(t *testing.T) {
	b := NewBudget(100)
	first := b.Acquire(60)
	bigDone := make(chan struct{})
	go func() {
		release := b.Acquire(500) // more than the budget: takes all of it
		if b.InUse() != 100 {
			t.Errorf("big request holds %d", b.InUse())
		}
		release()
		close(bigDone)
	}()
	for b.waiting() == 0 {
		time.Sleep(time.Millisecond)
	}
	smallDone := make(chan struct{})
	go func() {
		b.Acquire(10)() // fits now, but the big one asked first
		close(smallDone)
	}()
	select {
	case <-smallDone:
		t.Fatal("a small request passed a waiting large one")
	case <-time.After(20 * time.Millisecond):
	}
	first()
	first() // a second call does nothing
	<-bigDone
	<-smallDone
	if b.InUse() != 0 {
		t.Errorf("%d bytes still taken", b.InUse())
	}
}

func (b *Budget) waiting() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.queue)
}
