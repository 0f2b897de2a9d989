package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/progress"
)

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, true)
	p.step(progress.ReadingPosts, 1, 10)
	if buf.Len() != 0 {
		t.Fatalf("progress shown before a second passed: %q", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.step(progress.ReadingPosts, 2, 10)
	p.step(progress.ReadingPosts, 3, 10) // within progressEvery: not drawn
	p.step(progress.ReadingPosts, 10, 10)
	p.done()
	got := buf.String()
	if !strings.Contains(got, "reading posts 2/10") || strings.Contains(got, "3/10") || !strings.Contains(got, "10/10") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("%q", got)
	}
	var off bytes.Buffer
	q := newProgress(&off, false)
	q.start = time.Now().Add(-time.Hour)
	q.step(progress.ReadingPosts, 1, 1)
	q.done()
	if off.Len() != 0 {
		t.Errorf("progress printed when not on a terminal: %q", off.String())
	}
}
