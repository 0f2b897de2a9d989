package svg

import (
	"flag"
	"os"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/hangul-press/publish/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the drawing sections of testdata/golden/*.txtar")

// TestGolden parses the "input.svg" section of every
// testdata/golden/*.txtar and compares the drawing (or the error) with
// its "drawing" section.
func TestGolden(t *testing.T) {
	for _, ar := range testtool.Archives(t, "testdata/golden/*.txtar") {
		t.Run(ar.Name, func(t *testing.T) {
			in, ok := testtool.Section(ar.Archive, "input.svg")
			if !ok {
				t.Fatal("no input.svg section")
			}
			var got string
			d, err := Parse(in, Options{Lang: "ko"})
			if err != nil {
				got = "error: " + err.Error() + "\n"
			} else {
				got = dump(d)
			}
			if *update {
				testtool.SetSection(ar.Archive, "drawing", []byte(got))
				if err := os.WriteFile(ar.Path, txtar.Format(ar.Archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := testtool.Section(ar.Archive, "drawing"); string(want) != got {
				t.Errorf("drawing differs\n--- got ---\n%s--- want ---\n%s", got, want)
			}
		})
	}
}
