package raster

import (
	"runtime"
	"sync"
)

// Budget bounds the memory that image work in flight may take: decoded
// pixels, scaled copies, file bytes and their encoded forms. Work asks for
// its estimated bytes before it starts (Acquire) and gives them back when
// its results have been written (the release function), so that a book's
// images are decoded several at a time when they are small and one at a
// time when they are large, however many processors there are. Without it,
// eight 7000×7000 PNGs decoded one per processor took 800 MB on 2
// processors and 3.1 GB on 8 (issue 11, item 4).
//
// Requests are served in the order they were made: a large request is not
// passed over by smaller ones that came after it, so it cannot wait
// forever. A request larger than the whole budget waits until nothing
// else is in flight and then takes all of it: one image above the budget
// is still decoded, alone.
//
// A Budget is safe for concurrent use.
type Budget struct {
	mu    sync.Mutex
	size  int64
	used  int64
	queue []*waiter
	// freed counts the bytes given back since the last collection that
	// Acquire asked for (collectShare).
	freed int64
}

type waiter struct {
	n     int64
	ready chan struct{}
}

// NewBudget returns a budget of size bytes (at least 1).
func NewBudget(size int64) *Budget {
	return &Budget{size: max(size, 1)}
}

// DefaultBudget is the size of SharedBudget, in bytes: 256 MiB. The
// command sets a soft memory limit of 512 MiB (docs/architecture.md,
// "Garbage collector settings"), and the rest of a build — the posts'
// syntax trees, the laid-out pages, the EPUB's documents — stays under
// about 200 MB on the largest generated books. It holds, alone, the
// largest image the default max_image_pixels admits (50 megapixels, 200
// MB as 8-bit RGBA).
const DefaultBudget = 256 << 20

// SharedBudget returns the one budget that image work in this process
// uses unless told otherwise, so that two writers running at once (or two
// books built by one program) share it.
func SharedBudget() *Budget { return shared() }

var shared = sync.OnceValue(func() *Budget { return NewBudget(DefaultBudget) })

// Size returns the budget's size in bytes.
func (b *Budget) Size() int64 { return b.size }

// Acquire waits until n bytes of the budget are free, takes them, and
// returns the function that gives them back, which must be called once.
// A request above the budget's size takes the whole budget; one below 1
// takes 1 byte.
//
// Before a request of a quarter of the budget or more goes ahead, the
// garbage collector is run when at least as many bytes have been given
// back since: a decoded image is one allocation of up to hundreds of
// megabytes, and a collector paced for many small objects lets the last
// image's pixels stand while the next one is allocated (eight 7000×7000
// PNGs took 630–645 MB with a 256 MB budget without this, 440–460 MB
// with it).
// Requests of ordinary photographs never pay for a collection.
func (b *Budget) Acquire(n int64) (release func()) {
	n = min(max(n, 1), b.size)
	b.mu.Lock()
	if len(b.queue) == 0 && b.used+n <= b.size {
		b.used += n
		b.mu.Unlock()
	} else {
		w := &waiter{n: n, ready: make(chan struct{})}
		b.queue = append(b.queue, w)
		b.mu.Unlock()
		<-w.ready
	}
	if n >= b.size/collectShare {
		b.mu.Lock()
		collect := b.freed >= n
		if collect {
			b.freed = 0
		}
		b.mu.Unlock()
		if collect {
			runtime.GC()
		}
	}
	return b.releaser(n)
}

// collectShare: requests of at least 1/collectShare of the budget may run
// the collector first (Acquire).
const collectShare = 4

// releaser returns the release function of an acquisition of n bytes.
func (b *Budget) releaser(n int64) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			b.used -= n
			b.freed += n
			b.grant()
			b.mu.Unlock()
		})
	}
}

// grant serves waiting requests from the front of the queue while they
// fit. b.mu is held.
func (b *Budget) grant() {
	for len(b.queue) > 0 && b.used+b.queue[0].n <= b.size {
		w := b.queue[0]
		b.queue[0] = nil
		b.queue = b.queue[1:]
		b.used += w.n
		close(w.ready)
	}
}

// InUse returns the bytes taken now, for tests and progress reports.
func (b *Budget) InUse() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}
