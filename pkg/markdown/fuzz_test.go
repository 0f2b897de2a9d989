package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzParse parses arbitrary input: it must not panic, every segment in the
// tree must lie within the source, and dumping and rendering must work.
// Emoji shortcodes, dark images and references are on, as on a Chirpy
// site with jemoji and MathJax.
func FuzzParse(f *testing.F) {
	for _, seed := range seeds(f) {
		f.Add(seed)
	}
	p := New(Options{Emoji: true, DarkImages: true, Refs: true})
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := p.Parse(src)
		if err := checkSegments(doc, src); err != nil {
			t.Fatal(err)
		}
		_ = Dump(doc, src)
		if err := p.HTMLRenderer().Render(&bytes.Buffer{}, src, doc); err != nil {
			t.Fatal(err)
		}
	})
}

// seeds returns the inputs of the golden files and the amendment's cases.
func seeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, ar := range testtool.Archives(tb, "testdata/*.txtar") {
		out = append(out, inputOf(ar.Archive))
	}
	mds, _ := filepath.Glob("testdata/cjkfriendly/*.md")
	for _, file := range mds {
		b, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// checkSegments reports the first segment under n that does not lie within
// src.
func checkSegments(n ast.Node, src []byte) error {
	return ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		for _, seg := range nodeSegments(n) {
			if seg.Start < 0 || seg.Start > seg.Stop || seg.Stop > len(src) {
				return ast.WalkStop, fmt.Errorf("%s: segment [%d,%d) outside source of %d bytes", n.Kind(), seg.Start, seg.Stop, len(src))
			}
		}
		return ast.WalkContinue, nil
	})
}

// nodeSegments lists the segments a node refers to.
func nodeSegments(n ast.Node) []text.Segment {
	var segs []text.Segment
	add := func(s *text.Segments) {
		if s != nil {
			segs = append(segs, s.Sliced(0, s.Len())...)
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		segs = append(segs, n.Segment)
	case *ast.RawHTML:
		add(n.Segments)
	case *MathInline:
		add(n.Segments)
	case *ast.FencedCodeBlock:
		if n.Info != nil {
			segs = append(segs, n.Info.Segment)
		}
	}
	if n.Type() == ast.TypeBlock {
		add(n.Lines())
	}
	return segs
}

// TestHostile parses inputs built to be slow or deep. It asserts nothing
// about time: it must finish, the tree must be sound, and the memory it
// allocates must stay proportional to the input (goldmark's tree costs a
// few hundred bytes per byte of deeply nested input, less otherwise).
// Issue 11 item 3's shapes are here at the sizes it names (the 61 MB line
// at 1 MB; BenchmarkHostile runs it whole and shows how time grows).
func TestHostile(t *testing.T) {
	const deep = 20000
	const long = 100 << 10
	inputs := map[string]string{
		"nested >":             strings.Repeat(">", deep) + " x\n",
		"nested [":             strings.Repeat("[", deep) + "x",
		"nested *":             strings.Repeat("*", deep) + "x" + strings.Repeat("*", deep),
		"alternating *a":       strings.Repeat("*a ", deep),
		"openers and closers":  strings.Repeat("*a_ ", deep),
		"nested lists":         strings.Repeat("- ", deep/4) + "x\n", // goldmark is quadratic in list depth
		"long line":            strings.Repeat("가", long/3),
		"unclosed \\(":         strings.Repeat(`\(`, long/2),
		"unclosed \\\\[":       strings.Repeat(`\\[`, long/3),
		"many $$":              strings.Repeat("$$a ", long/4),
		"many {:":              strings.Repeat("{: .a}\n", long/7),
		"span ial":             strings.Repeat("![](a){:.b}", long/11),
		"long ial":             "x\n{:" + strings.Repeat(" a='b'", long/6) + "}\n",
		"math lines":           "$$\n" + strings.Repeat("x\n", long/2),
		"headings":             strings.Repeat("## a\n", long/5),
		"issue 11.3 long line": hostileShapes["long line"](1 << 20),
		"issue 11.3 long list": hostileShapes["long list"](100000),
		"issue 11.3 footnotes": hostileShapes["footnotes"](60000),
		// the HTML-block rule of htmlblock.go: blank lines inside an open
		// <pre>, comment openers, tables, all in one block
		"html pre blank lines": "<div><pre>\n" + strings.Repeat("x\n\n", long/3),
		"html comments":        "<div>\n" + strings.Repeat("<!-- a --> <!-- <pre> -->\n", long/26),
		"html tables":          "<div>\n" + strings.Repeat("<table>\n\n", long/9),
		// emoji shortcodes and references at every colon and backslash
		"many colons": strings.Repeat(":smile::x", long/9),
		"many refs":   strings.Repeat(`\eqref{a} \ref{`, long/16),
	}
	p := New(Options{Emoji: true, Refs: true, DarkImages: true})
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			src := []byte(in)
			var doc ast.Node
			if n, limit := allocatedBy(func() { doc = p.Parse(src) }), 512*uint64(len(src))+1<<20; n > limit {
				t.Errorf("%d bytes allocated %d MiB, more than %d MiB", len(src), n>>20, limit>>20)
			}
			if err := checkSegments(doc, src); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestConcurrentParse parses on one Parser from many goroutines; run with
// -race to check that Parse shares no mutable state.
func TestConcurrentParse(t *testing.T) {
	p := New(Options{})
	inputs := seeds(t)
	want := make([]string, len(inputs))
	for i, in := range inputs {
		want[i] = Dump(p.Parse(in), in)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i, in := range inputs {
				if got := Dump(p.Parse(in), in); got != want[i] {
					t.Errorf("goroutine %d, input %d: tree differs", g, i)
				}
			}
		})
	}
	wg.Wait()
}

// TestConcurrentHTML renders on one Parser from many goroutines; run with
// -race: HTML shares one renderer.
func TestConcurrentHTML(t *testing.T) {
	p := New(Options{})
	want, err := p.HTML([]byte("**굵게** [링크](/x) `code`"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got, _ := p.HTML([]byte("**굵게** [링크](/x) `code`")); got != want {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		})
	}
	wg.Wait()
}
