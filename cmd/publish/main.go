// Command publish turns Korean Jekyll blog posts into EPUB ebooks and PDF
// booklets. See README.md, or run "publish help".
package main

import (
	"context"
	"os"

	"github.com/hangul-press/publish/internal/cli"
)

func main() {
	wd, _ := os.Getwd()
	st, err := os.Stderr.Stat()
	terminal := err == nil && st.Mode()&os.ModeCharDevice != 0
	os.Exit(cli.Main(context.Background(), os.Args, cli.IO{
		Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, WorkDir: wd, Terminal: terminal,
	}))
}
