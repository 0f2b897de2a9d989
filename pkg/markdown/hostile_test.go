package markdown

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// hostileShapes are the inputs of issue 11 item 3 that must stay bounded,
// made at a given size: one very long line, a very long list, deep
// nesting, many footnotes, one paragraph of many lines with brackets, and
// an HTML block held open through blank lines by a <pre> (htmlblock.go).
var hostileShapes = map[string]func(n int) string{
	"long line":   func(n int) string { return strings.Repeat("가나다 라마 **바사** `아자` [차](/카) ", n/48) },
	"long list":   func(n int) string { return strings.Repeat("- 항목 *하나*\n", n) },
	"deep quote":  func(n int) string { return strings.Repeat("> ", n) + "x\n" },
	"deep list":   func(n int) string { return strings.Repeat("- ", n) + "y\n" },
	"footnotes":   func(n int) string { return string(footnotePost(n)) },
	"bracket par": func(n int) string { return strings.Repeat("문장 [가] 끝\n", n) },
	"html pre":    func(n int) string { return "<div><pre>\n" + strings.Repeat("코드 <b>x</b>\n\n", n) },
}

// allocatedBy returns the bytes f allocates in all (not only the peak).
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkHostile parses each shape at growing sizes: the time per
// input byte (MB/s) stays level for linear shapes and falls in proportion
// to the size for quadratic ones. Measured figures and the goldmark
// functions responsible are in docs/library-notes.md.
func BenchmarkHostile(b *testing.B) {
	sizes := map[string][]int{
		"long line":   {8 << 20, 61 << 20},
		"long list":   {25000, 100000},
		"deep quote":  {5000, 20000},
		"deep list":   {1250, 5000},
		"footnotes":   {15000, 60000},
		"bracket par": {10000, 40000},
		"html pre":    {25000, 100000},
	}
	p := New(Options{})
	for name, shape := range hostileShapes {
		for _, n := range sizes[name] {
			src := []byte(shape(n))
			b.Run(fmt.Sprintf("%s/n=%d", strings.ReplaceAll(name, " ", "-"), n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					p.Parse(src)
				}
			})
		}
	}
}
