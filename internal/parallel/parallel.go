// Package parallel runs independent pieces of work on every processor:
// the posts of a book are read, the documents of an EPUB rendered and
// compressed, and images converted and written in order (Ordered) this
// way. Callers keep results by index, so that what they
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

// Ordered runs prepare(i) for every i from 0 to n-1 on up to GOMAXPROCS
// goroutines, ahead of need, and hands each result to use(i, v) on the
// calling goroutine in the order of i, as soon as it and every result
// before it are ready: images are converted in parallel and written to
// the output one at a time, in order.
//
// acquire(i), when not nil, is called before prepare(i) starts, on one
// goroutine and in the order of i, and may wait (for memory, say); the
// function it returns is called once use(i) has returned. Because the
// calls come in order, work that waits for memory held by later work can
// never be the cause of its own wait. Besides that, at most a few results
// per goroutine are made ahead of use.
//
// A panic in prepare is raised again on the calling goroutine, where the
// caller can recover it, once the work under way has stopped and given
// back what it acquired.
func Ordered[T any](n int, acquire func(i int) func(), prepare func(i int) T, use func(i int, v T)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers == 0 {
		return
	}
	o := &ordered[T]{results: make([]chan orderedResult[T], n), releases: make([]func(), n),
		jobs: make(chan int), stop: make(chan struct{}),
		done: make(chan struct{}), ahead: make(chan struct{}, 4*workers)}
	for i := range o.results {
		o.results[i] = make(chan orderedResult[T], 1)
	}
	go o.dispatch(n, acquire)
	for range workers {
		go func() {
			for i := range o.jobs {
				o.results[i] <- runPrepare(prepare, i)
			}
		}()
	}
	for i := range n {
		r := <-o.results[i]
		if r.panic != nil {
			o.release(i)
			o.abandon(i)
			panic(r.panic)
		}
		o.useOne(i, r.v, use)
	}
	close(o.stop)
	<-o.done
}

// ordered is the state of one Ordered call.
type ordered[T any] struct {
	results  []chan orderedResult[T]
	releases []func()
	// dispatched counts the indexes handed to workers; it is read only
	// once done is closed.
	dispatched int
	jobs       chan int
	stop       chan struct{}
	done       chan struct{} // the dispatcher has returned
	ahead      chan struct{} // a token per result made and not yet used
}

type orderedResult[T any] struct {
	v     T
	panic any
}

// dispatch acquires and hands out the indexes in order.
func (o *ordered[T]) dispatch(n int, acquire func(i int) func()) {
	defer close(o.done)
	defer close(o.jobs)
	for i := range n {
		select {
		case o.ahead <- struct{}{}:
		case <-o.stop:
			return
		}
		if acquire != nil {
			o.releases[i] = acquire(i)
		}
		select {
		case o.jobs <- i:
			o.dispatched = i + 1
		case <-o.stop:
			o.release(i)
			return
		}
	}
}

// useOne hands result i to use and gives back what it acquired, even when
// use panics.
func (o *ordered[T]) useOne(i int, v T, use func(int, T)) {
	defer func() {
		if r := recover(); r != nil {
			o.release(i)
			o.abandon(i)
			panic(r)
		}
	}()
	use(i, v)
	o.release(i)
	<-o.ahead
}

// abandon stops the dispatcher after index i went wrong and gives back
// what the work after i acquired, as that work finishes (the dispatcher
// may be waiting in acquire for exactly that).
func (o *ordered[T]) abandon(i int) {
	close(o.stop)
	next := i + 1
	for {
		var result chan orderedResult[T]
		if next < len(o.results) {
			result = o.results[next]
		}
		select {
		case <-result:
			o.release(next)
			next++
		case <-o.done:
			for ; next < o.dispatched; next++ {
				<-o.results[next]
				o.release(next)
			}
			return
		}
	}
}

func (o *ordered[T]) release(i int) {
	if r := o.releases[i]; r != nil {
		o.releases[i] = nil
		r()
	}
}

// runPrepare runs prepare(i), catching a panic.
func runPrepare[T any](prepare func(int) T, i int) (r orderedResult[T]) {
	defer func() {
		if p := recover(); p != nil {
			r.panic = p
		}
	}()
	r.v = prepare(i)
	return r
}
