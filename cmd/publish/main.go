// Command publish turns Korean Jekyll blog posts into EPUB ebooks and PDF
// booklets. See README.md, or run "publish help".
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/hangul-press/publish/internal/cli"
)

func main() {
	tuneGC()
	go cleanUpOnSignal()
	wd, _ := os.Getwd()
	st, err := os.Stderr.Stat()
	terminal := err == nil && st.Mode()&os.ModeCharDevice != 0
	os.Exit(cli.Main(context.Background(), os.Args, cli.IO{
		Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, WorkDir: wd, Terminal: terminal,
	}))
}

// gcPercent and memoryLimit tune the garbage collector for what publish
// is: a short batch job that allocates much and keeps little. A high
// GOGC lets a small book build with almost no collections (about 15%
// faster in make bench-compare); the soft limit makes the collector work
// harder once the heap nears it, so a 500-post PDF peaks near the same
// memory as with Go's defaults. GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent   = 400
	memoryLimit = 512 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// cleanUpOnSignal waits for an interrupt (Ctrl-C) or SIGTERM, removes the
// temporary files of outputs being written, and exits as a shell expects
// of a program killed by that signal (128 + its number).
func cleanUpOnSignal() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	sig := <-sigs
	cli.RemoveTemporaryFiles()
	code := 130
	if sig == syscall.SIGTERM {
		code = 143
	}
	os.Exit(code)
}
