package cli

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"io"
	"sync"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// progressLine shows how far a long build has come, on one line of a
// terminal that it rewrites. It stays silent for the first second, so
// quick builds print nothing extra, and entirely when stderr is not a
// terminal or --quiet is given.
type progressLine struct {
	w       io.Writer
	on      bool
	start   time.Time
	mu      sync.Mutex
	last    time.Time
	printed bool
}

// progressDelay is how long a build runs before progress appears;
// progressEvery limits redraws so that printing never slows the build.
const (
	progressDelay = time.Second
	progressEvery = 100 * time.Millisecond
)

func newProgress(w io.Writer, on bool) *progressLine {
	return &progressLine{w: w, on: on, start: time.Now()}
}

// step reports that done of total things of a stage are finished. It is
// safe to call from several goroutines.
func (p *progressLine) step(stage progress.Stage, done, total int) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < progressDelay || (now.Sub(p.last) < progressEvery && done != total) {
		return
	}
	p.last, p.printed = now, true
	// The only escape sequence the program prints is its own; the stage
	// name is made printable like every other text.
	fmt.Fprintf(p.w, "\r\033[K%s", diag.Printable(fmt.Sprintf("%s %d/%d", stage, done, total)))
}

// done clears the progress line before the closing line is printed.
func (p *progressLine) done() {
	if p == nil || !p.printed {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}
