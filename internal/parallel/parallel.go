// Package parallel runs independent pieces of work on every processor:
// the posts of a book are read, and the documents of an EPUB rendered and
// compressed, this way. Callers keep results by index, so that what they
// make does not depend on the order the work happened to finish in.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls do(i) for every i from 0 to n-1 on up to GOMAXPROCS
// goroutines and returns when every call has returned.
func For(n int, do func(i int)) {
	With(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { do(i) })
}

// With is For where each goroutine first makes its own state with
// newState (a renderer, a compressor) and passes it to every call it
// makes.
func With[S any](n int, newState func() S, do func(s S, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(s, i)
			}
		}()
	}
	wg.Wait()
}
