package texmath

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// FuzzParse: Parse never panics or hangs; problems lie inside the source;
// a formula it accepts has node offsets inside the source, lays out, and
// writes well-formed MathML and SVG. Seeds are the golden formulas.
func FuzzParse(f *testing.F) {
	for _, ar := range testtool.Archives(f, "testdata/golden/*.txtar") {
		tex, _ := testtool.Section(ar.Archive, "tex")
		for _, line := range strings.Split(string(tex), "\n") {
			f.Add(line, true)
		}
	}
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		m := NewMacros()
		form, probs := Parse(tex, display, m)
		for _, p := range probs {
			if p.Pos < 0 || p.Pos > p.End || p.End > len(tex) {
				t.Fatalf("problem %+v outside %d bytes", p, len(tex))
			}
		}
		if form == nil {
			if len(probs) == 0 {
				t.Fatal("no formula and no problem")
			}
			return
		}
		checkOffsets(t, form.Root, len(tex))
		lay, err := form.Layout(Options{Text: fixedMeasurer{}})
		if err != nil {
			t.Fatal(err)
		}
		svg, err := lay.SVG(nil, tex, SVGOptions{IDPrefix: "f-", Tags: true})
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, svg.Markup)
		wellFormed(t, form.MathML(MathMLOptions{}))
		// The EPUB's forms: shared outlines, links, tags apart, MathML Core.
		link := func(l string) (string, bool) { return "#" + l, true }
		shared, err := lay.SVG(nil, tex, SVGOptions{IDPrefix: "f-", SharedDefs: true, Link: link})
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, shared.Markup)
		if tags := lay.TagsSVG(SVGOptions{}); tags.Markup != "" {
			wellFormed(t, tags.Markup)
		}
		wellFormed(t, form.MathML(MathMLOptions{Core: true, Link: link}))
	})
}

// checkOffsets checks that every node's span lies in the source.
func checkOffsets(t *testing.T, n *Node, size int) {
	if n == nil {
		return
	}
	if n.Pos < 0 || n.End < n.Pos || n.End > size {
		t.Fatalf("node %s %d:%d outside %d bytes", kindNames[n.Kind], n.Pos, n.End, size)
	}
	for _, k := range n.Kids {
		checkOffsets(t, k, size)
	}
}

// wellFormed fails unless s is one well-formed XML element.
func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
	}
}
