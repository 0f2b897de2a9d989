package texmath

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/hangul-press/publish/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/golden/*.txtar")

// fixedMeasurer measures text as if every character were half an em wide,
// 0.7 em tall and 0.2 em deep, so that layout goldens do not depend on a
// text font.
type fixedMeasurer struct{}

func (fixedMeasurer) MeasureText(run TextRun) (w, h, d Length) {
	n := Length(utf8.RuneCountInString(run.Text))
	s := Length(run.Size)
	return n * emUnits / 2 * s / 100, emUnits * 7 / 10 * s / 100, emUnits * 2 / 10 * s / 100
}

// goldenSections are the outputs each golden archive holds.
var goldenSections = []string{"tree", "mathml", "layout"}

// TestGolden parses the "tex" section of every testdata/golden/*.txtar
// (display math unless the archive's comment says "inline"; lines of the
// section are separate formulas of one post, sharing macros) and compares
// the tree dump, the MathML and the layout with the archive's sections. A
// formula with problems writes them in place of its tree.
func TestGolden(t *testing.T) {
	for _, ar := range testtool.Archives(t, "testdata/golden/*.txtar") {
		t.Run(ar.Name, func(t *testing.T) {
			tex, ok := testtool.Section(ar.Archive, "tex")
			if !ok {
				t.Fatal("no tex section")
			}
			got := renderGolden(t, string(tex), !bytes.Contains(ar.Comment, []byte("inline")))
			if *update {
				for _, name := range goldenSections {
					testtool.SetSection(ar.Archive, name, got[name])
				}
				if err := os.WriteFile(ar.Path, txtar.Format(ar.Archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range goldenSections {
				if want, _ := testtool.Section(ar.Archive, name); !bytes.Equal(got[name], want) {
					t.Errorf("%s differs\n--- got ---\n%s--- want ---\n%s", name, got[name], want)
				}
			}
		})
	}
}

// renderGolden renders each formula line of tex in every form.
func renderGolden(t *testing.T, tex string, display bool) map[string][]byte {
	out := map[string]*bytes.Buffer{}
	for _, name := range goldenSections {
		out[name] = &bytes.Buffer{}
	}
	m := NewMacros()
	for _, line := range strings.Split(strings.TrimRight(tex, "\n"), "\n") {
		f, probs := Parse(line, display, m)
		for _, name := range goldenSections {
			fmt.Fprintf(out[name], "# %s\n", line)
		}
		if f == nil {
			for _, p := range probs {
				fmt.Fprintf(out["tree"], "problem %d:%d %q: %s\n", p.Pos, p.End, line[p.Pos:p.End], p.Msg)
			}
			continue
		}
		numberEquations(f)
		out["tree"].WriteString(Dump(f))
		out["mathml"].WriteString(f.MathML(MathMLOptions{Ref: fakeRef}) + "\n")
		lay, err := f.Layout(Options{Text: fixedMeasurer{}, Ref: fakeRef})
		if err != nil {
			t.Fatal(err)
		}
		out["layout"].WriteString(DumpLayout(lay))
	}
	res := map[string][]byte{}
	for k, v := range out {
		res[k] = v.Bytes()
	}
	return res
}

// numberEquations gives the numbered equations numbers 1, 2, … as a
// caller numbering by AMS rules would.
func numberEquations(f *Formula) {
	n := 0
	for i := range f.Equations {
		if f.Equations[i].Numbered && f.Equations[i].Tag == nil {
			n++
			f.Equations[i].Number = itoa(n)
		}
	}
}

// fakeRef resolves the label "known" to 7.
func fakeRef(label string) (string, bool) { return "7", label == "known" }
