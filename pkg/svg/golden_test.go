package svg

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/hangul-press/publish/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the drawing sections of testdata/golden/*.txtar")

// TestGolden parses the "input.svg" section of every
// testdata/golden/*.txtar and compares the drawing (or the error) with
// its "drawing" section.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, ok := testtool.Section(ar, "input.svg")
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
				testtool.SetSection(ar, "drawing", []byte(got))
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := testtool.Section(ar, "drawing"); string(want) != got {
				t.Errorf("drawing differs\n--- got ---\n%s--- want ---\n%s", got, want)
			}
		})
	}
}
