// Command gensite writes a generated Jekyll site and manifest for
// benchmarks: go run ./internal/cmd/gensite -posts 500 -images 50 [-math | -math-as-code] DIR,
// or an image-heavy one: -posts 200 -images 0 -photos 300 -screenshots 200,
// or one that looks like a real ML blog: -rich -posts 120.
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
	math := flag.Bool("math", false, "add inline and display formulas to every section")
	asCode := flag.Bool("math-as-code", false, "add the same formulas' TeX as code instead")
	photos := flag.Int("photos", 0, "number of distinct large photos (JPEG), for an image-heavy site")
	shots := flag.Int("screenshots", 0, "number of distinct screenshots (PNG), for an image-heavy site")
	rich := flag.Bool("rich", false, "posts like a real ML/dev blog: code in many languages, Liquid, footnotes, tables, math, raw HTML, mixed images (other image flags ignored)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gensite [-posts N] [-images N] [-math | -math-as-code] [-photos N] [-screenshots N] [-rich] DIR")
		os.Exit(2)
	}
	s, err := gensite.Write(flag.Arg(0), gensite.Options{Posts: *posts, Images: *images, Math: *math, MathAsCode: *asCode, Photos: *photos, Screenshots: *shots, Rich: *rich})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
	fmt.Printf("%s (%d posts, %d bytes of Markdown, %d formulas)\n", s.Manifest, *posts, s.PostBytes, s.Formulas)
}
