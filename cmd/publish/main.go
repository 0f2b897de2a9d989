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
// GOGC lets a small book build with almost no collections (400 against
// Go's 100: about 15% faster in make bench-compare; 800 against 400: the
// 500-post EPUB 7% faster, 10% less processor time, 40 MB more at its
// peak); the soft limit makes the collector work harder once the heap
// nears it, so big books peak where they did. A big book keeps 150–230 MB live while
// it is laid out, so its heap runs up to the limit: the process's peak is
// the limit plus the pages of the binary it touched (the fonts), about
// 25 MB. 448 MiB keeps the 500-post PDF under 512 MB (issue 13; 512 MiB
// gave 530–550 MB once chapters were set in parallel) for about 3% more
// processor time. GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent   = 800
	memoryLimit = 448 << 20
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
