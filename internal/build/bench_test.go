package build

import (
	"io"
	"testing"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
)

// load500 generates a 500-post site with 50 images and loads it.
func load500(b *testing.B) (*Input, int64) {
	b.Helper()
	s, err := gensite.Write(b.TempDir(), gensite.Options{Posts: 500, Images: 50})
	if err != nil {
		b.Fatal(err)
	}
	var d diag.List
	in, err := Load(Env{}, []string{s.Manifest}, &d)
	if err != nil {
		b.Fatalf("%v %v", err, d.Items())
	}
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
		var d diag.List
		doc, err := layout.Layout(in.Book, layout.Options{}, &d)
		if err != nil {
			b.Fatal(err)
		}
		if err := pdf.Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
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
			s, err := gensite.Write(b.TempDir(), c.opt)
			if err != nil {
				b.Fatal(err)
			}
			var d diag.List
			in, err := Load(Env{}, []string{s.Manifest}, &d)
			if err != nil {
				b.Fatalf("%v %v", err, d.Items())
			}
			b.SetBytes(s.PostBytes)
			pages := 0
			for b.Loop() {
				doc, err := layout.Layout(in.Book, layout.Options{}, &diag.List{})
				if err != nil {
					b.Fatal(err)
				}
				if err := pdf.Write(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			if c.opt.Math {
				b.ReportMetric(float64(s.Formulas*b.N)/b.Elapsed().Seconds(), "formulas/s")
			}
		})
	}
}
