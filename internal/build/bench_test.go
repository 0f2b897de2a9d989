package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
)

// load500 generates a 500-post site with 50 images and loads it.
func load500(b *testing.B) (*Input, int64) {
	b.Helper()
	in, s := loadSite(b, gensite.Options{Posts: 500, Images: 50}, &diag.List{})
	return in, s.PostBytes
}

// BenchmarkEPUB500 renders and packages a 500-post book with images (the
// load is outside the timing; BenchmarkLoad1000 in pkg/book measures it).
func BenchmarkEPUB500(b *testing.B) {
	in, size := load500(b)
	b.SetBytes(size)
	for b.Loop() {
		var d diag.List
		if _, err := epub.Write(io.Discard, in.Book, epub.Options{}, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDF500 lays out and paints a 500-post book with images and
// reports pages per second.
func BenchmarkPDF500(b *testing.B) {
	in, size := load500(b)
	b.SetBytes(size)
	pages := 0
	for b.Loop() {
		pages += paint(b, in.Book)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPDFMath lays out and paints a 100-post book whose every section
// has four inline formulas and a display (math), and the same book with
// that TeX written as code (code), and reports pages per second: the
// ratio is what math costs in the whole PDF build after loading.
func BenchmarkPDFMath(b *testing.B) {
	for _, c := range []struct {
		name string
		opt  gensite.Options
	}{{"math", gensite.Options{Posts: 100, Math: true}}, {"code", gensite.Options{Posts: 100, MathAsCode: true}}} {
		b.Run(c.name, func(b *testing.B) {
			in, s := loadSite(b, c.opt, &diag.List{})
			b.SetBytes(s.PostBytes)
			pages := 0
			for b.Loop() {
				pages += paint(b, in.Book)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			if c.opt.Math {
				b.ReportMetric(float64(s.Formulas*b.N)/b.Elapsed().Seconds(), "formulas/s")
			}
		})
	}
}

// sharedPhotoBook is a book of ten short posts that all show one
// 3000×2000 photograph, at the full measure (issue 13: the PDF decoded and
// scaled it again for every post).
func sharedPhotoBook(b *testing.B) *Input {
	b.Helper()
	dir := b.TempDir()
	data, err := gensite.Photo(1, 3000, 2000)
	if err != nil {
		b.Fatal(err)
	}
	files := map[string][]byte{"photo.jpg": data, "book.yaml": []byte("title: 사진\nauthors: [벤치]\nchapters:\n  - posts/*.md\n")}
	for i := range 10 {
		files[fmt.Sprintf("posts/2020-01-%02d-p.md", i+1)] = fmt.Appendf(nil, "---\ntitle: 글 %d\n---\n\n사진을 본다.\n\n![사진](../photo.jpg)\n", i)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return mustLoad(b, filepath.Join(dir, "book.yaml"), &diag.List{})
}

// BenchmarkSharedPhotoPDF lays out and paints the ten posts that share a
// photograph.
func BenchmarkSharedPhotoPDF(b *testing.B) {
	in := sharedPhotoBook(b)
	for b.Loop() {
		paint(b, in.Book)
	}
}

// BenchmarkSharedPhotoEPUB packages the ten posts that share a photograph.
func BenchmarkSharedPhotoEPUB(b *testing.B) {
	in := sharedPhotoBook(b)
	for b.Loop() {
		var d diag.List
		if _, err := epub.Write(io.Discard, in.Book, epub.Options{}, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// wholeBuilds are the sites of issue 13's goals, built whole (load and
// write, as `publish epub` and `publish pdf` do, start-up aside): the
// generated 500-post site and the rich 120-post one.
var wholeBuilds = []struct {
	name string
	opt  gensite.Options
}{
	{"plain500", gensite.Options{Posts: 500, Images: 50}},
	{"rich120", gensite.Options{Posts: 120, Rich: true}},
}

// eachWholeBuild runs build as a sub-benchmark on each site of
// wholeBuilds, written once, with the site's manifest, loaded every
// iteration; the pages build returns are reported per second.
func eachWholeBuild(b *testing.B, build func(b *testing.B, in *Input, d *diag.List) (pages int)) {
	for _, c := range wholeBuilds {
		b.Run(c.name, func(b *testing.B) {
			s, err := gensite.Write(b.TempDir(), c.opt)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(s.PostBytes)
			pages := 0
			for b.Loop() {
				var d diag.List
				pages += build(b, mustLoad(b, s.Manifest, &d), &d)
			}
			if pages > 0 {
				b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			}
		})
	}
}

// BenchmarkWholeEPUB loads each site and writes its EPUB, every iteration.
func BenchmarkWholeEPUB(b *testing.B) {
	eachWholeBuild(b, func(b *testing.B, in *Input, d *diag.List) int {
		if _, err := epub.Write(io.Discard, in.Book, epub.Options{}, d); err != nil {
			b.Fatal(err)
		}
		return 0
	})
}

// BenchmarkWholePDF loads each site, lays it out and paints it, every
// iteration, and reports pages per second.
func BenchmarkWholePDF(b *testing.B) {
	eachWholeBuild(b, func(b *testing.B, in *Input, d *diag.List) int {
		return paint(b, in.Book)
	})
}

// paint lays out a book and paints its PDF, which it drops, and returns
// its number of pages.
func paint(b *testing.B, bk *book.Book) int {
	doc, err := layout.Layout(bk, layout.Options{}, &diag.List{})
	if err != nil {
		b.Fatal(err)
	}
	if err := pdf.Write(io.Discard, doc); err != nil {
		b.Fatal(err)
	}
	return len(doc.Pages)
}
