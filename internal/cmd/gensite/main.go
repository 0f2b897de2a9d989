// Command gensite writes a generated Jekyll site and manifest for
// benchmarks: go run ./internal/cmd/gensite -posts 500 -images 50 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hangul-press/publish/internal/gensite"
)

func main() {
	posts := flag.Int("posts", 500, "number of posts")
	images := flag.Int("images", 50, "number of distinct images")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gensite [-posts N] [-images N] DIR")
		os.Exit(2)
	}
	s, err := gensite.Write(flag.Arg(0), gensite.Options{Posts: *posts, Images: *images})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
	fmt.Printf("%s (%d posts, %d bytes of Markdown)\n", s.Manifest, *posts, s.PostBytes)
}
