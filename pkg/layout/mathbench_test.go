package layout

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// loadGenerated writes a generated site and loads its book.
func loadGenerated(b *testing.B, opt gensite.Options) (*book.Book, gensite.Site) {
	b.Helper()
	s, err := gensite.Write(b.TempDir(), opt)
	if err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	m, err := manifest.Load(s.Manifest, &diags)
	if err != nil {
		b.Fatal(err)
	}
	bk, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		b.Fatalf("%v\n%s", err, diags.Summary())
	}
	if n := diags.Count(diag.Warning); n > 0 {
		b.Fatalf("the generated book has %d warnings:\n%s", n, diags.Summary())
	}
	return bk, s
}

// BenchmarkMathBook lays out a generated book of 50 posts whose every
// section has a paragraph of four inline formulas and a display (math),
// and the same book with that TeX written as code instead (code): the
// ratio of their times is what typesetting math costs over setting its
// source. It reports pages/s and, for math, formulas/s (book.Load has
// parsed them already).
func BenchmarkMathBook(b *testing.B) {
	for _, c := range []struct {
		name string
		opt  gensite.Options
	}{{"math", gensite.Options{Posts: 50, Math: true}}, {"code", gensite.Options{Posts: 50, MathAsCode: true}}} {
		b.Run(c.name, func(b *testing.B) {
			bk, s := loadGenerated(b, c.opt)
			pages := 0
			cpu := cpuTime()
			for b.Loop() {
				doc, err := Layout(bk, Options{}, &diag.List{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
			if c.opt.Math {
				b.ReportMetric(float64(s.Formulas*b.N)/b.Elapsed().Seconds(), "formulas/s")
			}
		})
	}
}

// BenchmarkFormulas lays out a chapter of nothing but formulas (two
// hundred, inline and display, of the generated books' kinds) and reports
// formulas per second through layout: texmath's layout, the mapping onto
// the page, line and page breaking.
func BenchmarkFormulas(b *testing.B) {
	var md strings.Builder
	md.WriteString("---\ntitle: 수식\n---\n")
	formulas := 0
	for p := 0; formulas < 200; p++ {
		post, n := gensite.Post(p, gensite.Options{Sections: 1, Math: true})
		_, body, _ := strings.Cut(post, "## 절 1\n\n")
		body, _, _ = strings.Cut(body, "[^n]:")
		// keep the formulas' paragraphs: drop the section's plain text
		paras := strings.Split(body, "\n\n")
		for _, para := range paras {
			if strings.Contains(para, "$") {
				md.WriteString(para + "\n\n")
			}
		}
		formulas += n
	}
	bk := testBook(b, map[string]string{"a.md": md.String()}, mathOptions)
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Layout(bk, Options{}, &diag.List{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(formulas*b.N)/b.Elapsed().Seconds(), "formulas/s")
	b.ReportMetric(float64(formulas*b.N)/(cpuTime()-cpu).Seconds(), "formulas/cpu-s")
}

// cpuTime is the CPU time the process has used, user and system: on a
// machine shared with other work it varies far less than wall time (the
// garbage collector's work on the other core is counted too).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
