package markdown

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// randomFootnotes builds a document with footnotes in every arrangement
// goldmark handles: references out of order, repeated, to missing
// labels, as images (![^x]), definitions repeated, unreferenced, inside
// quotes and lists.
func randomFootnotes(r *rand.Rand, n int) string {
	var b strings.Builder
	label := func() string { return fmt.Sprintf("n%d", r.IntN(n+2)) }
	for i := range n {
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "> 인용 %d[^%s]\n\n", i, label())
		case 1:
			fmt.Fprintf(&b, "- 항목 %d![^%s] 그리고 [^%s]\n", i, label(), label())
		case 2:
			fmt.Fprintf(&b, "-\t탭 %d[^%s]\n\t이어서 [^%s]\n\n", i, label(), label())
		default:
			fmt.Fprintf(&b, "문장 %d[^%s].\n\n", i, label())
		}
	}
	for range n {
		switch r.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "> [^%s]: 인용 안의 주석\n\n", label())
		case 1:
			fmt.Fprintf(&b, "[^%s]:\n    여러 줄\n    주석\n\n", label())
		default:
			fmt.Fprintf(&b, "[^%s]: 주석 *강조*\n", label())
		}
	}
	return b.String()
}

// TestFootnotesAsGoldmark is the abstract test of footnote.go: on random
// documents, the tree is the one goldmark's extension makes alone.
func TestFootnotesAsGoldmark(t *testing.T) {
	ours, ref := New(Options{}), New(Options{goldmarkFootnotes: true})
	r := rand.New(rand.NewPCG(11, 3))
	for i := range 300 {
		src := []byte(randomFootnotes(r, 1+i%40))
		if got, want := footnoteDump(ours.Parse(src), src), footnoteDump(ref.Parse(src), src); got != want {
			t.Fatalf("document %d differs:\n%s\n--- ours ---\n%s\n--- goldmark ---\n%s", i, src, got, want)
		}
	}
}

// footnoteDump is Dump with the reference counts of footnote links and
// backlinks, which Dump leaves out.
func footnoteDump(doc ast.Node, src []byte) string {
	var b strings.Builder
	b.WriteString(Dump(doc, src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *east.FootnoteLink:
			fmt.Fprintf(&b, "link %d %d/%d\n", n.Index, n.RefIndex, n.RefCount)
		case *east.FootnoteBacklink:
			fmt.Fprintf(&b, "backlink %d %d/%d\n", n.Index, n.RefIndex, n.RefCount)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// footnotePost is a post of n paragraphs, each with its own footnote.
func footnotePost(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "문장 %d[^%d].\n\n", i, i)
	}
	b.WriteString("\n")
	for i := range n {
		fmt.Fprintf(&b, "[^%d]: 주석 %d.\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkFootnotes is issue 11 item 3 (goldmark's part): 60,000
// footnotes took 51 s with goldmark's extension alone. Sizes double:
// time must double too. BenchmarkFootnotesGoldmark is goldmark alone,
// quadratic, kept small so that it runs in seconds.
func BenchmarkFootnotes(b *testing.B) {
	benchmarkFootnotes(b, Options{}, 15000, 30000, 60000)
}

// BenchmarkFootnotesGoldmark is goldmark's footnote extension alone.
func BenchmarkFootnotesGoldmark(b *testing.B) {
	benchmarkFootnotes(b, Options{goldmarkFootnotes: true}, 2500, 5000, 10000)
}

func benchmarkFootnotes(b *testing.B, opt Options, sizes ...int) {
	p := New(opt)
	for _, n := range sizes {
		src := footnotePost(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				p.Parse(src)
			}
		})
	}
}
