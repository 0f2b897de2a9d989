package build

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
	"github.com/hangul-press/publish/pkg/raster"
)

// largeImagesBook is a book of six posts, each with its own 2000×2000
// PNG (16 MB of pixels decoded), like issue 11 item 4's eight large PNGs.
// The EPUB scales them to max_image_px, so it decodes them: a PNG it could
// package as it was read is only checked, without its pixels in memory
// (raster.Check, issue 13).
func largeImagesBook(t *testing.T) *Input {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"book.yaml": "title: 큰 그림\nauthors: [시험]\nchapters:\n  - 2020-*.md\nepub:\n  max_image_px: 1000\n"}
	for i := range 6 {
		m := image.NewNRGBA(image.Rect(0, 0, 2000, 2000))
		for y := range 2000 {
			for x := range 2000 {
				o := m.PixOffset(x, y)
				m.Pix[o], m.Pix[o+1], m.Pix[o+2], m.Pix[o+3] = byte(x+i), byte(y), byte(i*30), 255
			}
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, m); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("big%d.png", i)), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files[fmt.Sprintf("2020-01-%02d-p.md", i+1)] = fmt.Sprintf("---\ntitle: 글 %d\n---\n\n![큰 그림](big%d.png)\n", i, i)
	}
	writeSite(t, dir, files)
	return mustLoad(t, filepath.Join(dir, "book.yaml"), &diag.List{})
}

// peakHeap runs fn and returns the most heap it held above what was held
// before, sampled from runtime.MemStats every millisecond, with the
// collector run often so that the heap is close to what is live.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, ms.HeapAlloc
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak - base
}

// TestIssue11Item4ImageMemoryBound: the memory of image work is bounded by
// the budget, not by the number of processors. With eight processors and
// a budget that holds one decoded image, building the EPUB and the PDF of
// six large images holds little more than one image at a time; with a
// budget that holds all of them, the same builds hold several at once
// (which is what every build did before: one image per processor).
func TestIssue11Item4ImageMemoryBound(t *testing.T) {
	in := largeImagesBook(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	const mb = 1 << 20
	image := in.Book.Assets[0].DecodeBytes // 16 MB of RGBA
	build := func(budget *raster.Budget) (epubPeak, pdfPeak uint64) {
		epubPeak = peakHeap(func() {
			if _, err := epub.Write(io.Discard, in.Book, epub.Options{ImageBudget: budget}, &diag.List{}); err != nil {
				t.Fatal(err)
			}
		})
		pdfPeak = peakHeap(func() {
			doc, err := layout.Layout(in.Book, layout.Options{}, &diag.List{})
			if err != nil {
				t.Fatal(err)
			}
			if err := pdf.WriteOptions(io.Discard, doc, pdf.Options{ImageBudget: budget}); err != nil {
				t.Fatal(err)
			}
		})
		return epubPeak, pdfPeak
	}
	budget := image + image/2
	e, p := build(raster.NewBudget(budget))
	// The budget, one image the collector has not freed yet (a decoded
	// image is allocated at once, faster than a collection ends), and the
	// rest of the build: the PDF's fonts and pages take about 15 MB more
	// than the EPUB's documents.
	epubLimit, pdfLimit := uint64(budget+image+16*mb), uint64(budget+image+32*mb)
	t.Logf("budget %d MB: EPUB held %d MB, PDF %d MB at most", budget/mb, e/mb, p/mb)
	if e > epubLimit || p > pdfLimit {
		t.Errorf("with a budget of %d MB, the EPUB held %d MB (limit %d) and the PDF %d MB (limit %d)", budget/mb, e/mb, epubLimit/mb, p/mb, pdfLimit/mb)
	}
	// Without a bound, several images are decoded at once (how many
	// depends on scheduling): at least one more than with the budget.
	eFree, pFree := build(raster.NewBudget(1 << 40))
	t.Logf("no budget: EPUB held %d MB, PDF %d MB at most", eFree/mb, pFree/mb)
	if eFree < e+uint64(image) || pFree < p+uint64(image) {
		t.Errorf("without a budget the builds held only %d and %d MB: the test does not show the bound", eFree/mb, pFree/mb)
	}
}

// TestLongPostMemoryIssue11: one long post (2 MB of Korean paragraphs,
// about 900 pages) is laid out and painted within a few times its size:
// a line's words are one Text, a box takes 96 bytes and lets go of its
// elements once placed, and the post's text is not held twice. Before
// those changes the PDF held about 37 times the post (4 MB: 146 MB; 4.7
// times after); a 61 MB post peaked at 1.9 GB in the issue, 475 MB now.
func TestLongPostMemoryIssue11(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 900 pages")
	}
	dir := t.TempDir()
	words := []string{"한국어", "문장은", "띄어쓰기", "단위로", "줄을", "바꾼다", "그리고", "모델의", "손실", "함수를", "최소화하는", "방향으로", "학습한다"}
	var post strings.Builder
	post.WriteString("---\ntitle: 아주 긴 글\n---\n\n")
	for i := 0; post.Len() < 2<<20; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&post, "## 절 %d\n\n", i/50+1)
		}
		for w := range 60 {
			post.WriteString(words[(i*7+w*w)%len(words)])
			post.WriteByte(' ')
		}
		post.WriteString("끝.\n\n")
	}
	size := uint64(post.Len())
	writeSite(t, dir, map[string]string{"2020-01-01-long.md": post.String()})
	in := mustLoad(t, filepath.Join(dir, "2020-01-01-long.md"), &diag.List{})
	pages := 0
	peak := peakHeap(func() {
		doc, err := layout.Layout(in.Book, layout.Options{}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		if err := pdf.Write(io.Discard, doc); err != nil {
			t.Fatal(err)
		}
		pages = len(doc.Pages)
	})
	const mb = 1 << 20
	t.Logf("%d MB post, %d pages: the PDF held %d MB at most (%.1f times the post)", size/mb, pages, peak/mb, float64(peak)/float64(size))
	if limit := 10*size + 32*mb; peak > limit {
		t.Errorf("a %d MB post's PDF held %d MB, above %d MB", size/mb, peak/mb, limit/mb)
	}
}
