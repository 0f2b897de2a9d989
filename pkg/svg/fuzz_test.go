package svg

import (
	"errors"
	"math"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
)

// FuzzParse feeds files to Parse, seeded with the golden inputs and the
// hostile ones, and checks that it never panics, stays within small
// limits, gives the same drawing twice, and gives only what a painter can
// draw: a positive finite viewport, finite numbers within range, paths
// that start with a moveto, opacities within 0..1.
func FuzzParse(f *testing.F) {
	for _, ar := range testtool.Archives(f, "testdata/golden/*.txtar") {
		if in, ok := testtool.Section(ar.Archive, "input.svg"); ok {
			f.Add(in)
		}
	}
	for _, h := range hostile() {
		if len(h.data) < 4096 {
			f.Add(h.data)
		}
	}
	small := Limits{Bytes: 1 << 16, Elements: 2000, Depth: 64, Instances: 5000, Segments: 20000, Runes: 5000, StyleSteps: 200000}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data, Options{Limits: small, Lang: "ko"})
		if err != nil {
			var le *LimitError
			if errors.As(err, &le) && le.Limit <= 0 {
				t.Fatalf("limit error without a limit: %v", err)
			}
			return
		}
		checkDrawing(t, d, small)
		again, err := Parse(data, Options{Limits: small, Lang: "ko"})
		if err != nil || dump(again) != dump(d) {
			t.Fatalf("a second parse differs: %v", err)
		}
	})
}

// checkDrawing checks what a painter relies on.
func checkDrawing(t *testing.T, d *Drawing, lim Limits) {
	t.Helper()
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= 1e12 }
	if !(d.Width > 0 && d.Height > 0) || !ok(d.Width) || !ok(d.Height) || !ok(d.RelWidth) {
		t.Fatalf("viewport %v x %v", d.Width, d.Height)
	}
	segs := 0
	paint := func(p Paint) {
		if p.On && !(p.Opacity > 0 && p.Opacity <= 1) {
			t.Fatalf("paint opacity %v", p.Opacity)
		}
	}
	for _, it := range d.Items {
		if (it.Shape == nil) == (it.Text == nil) {
			t.Fatal("an item must be a shape or a text")
		}
		if s := it.Shape; s != nil {
			if !s.Matrix.usable() {
				t.Fatalf("unusable matrix %v", s.Matrix)
			}
			paint(s.Fill)
			paint(s.Stroke)
			if !s.Fill.On && !s.Stroke.On {
				t.Fatal("a shape that paints nothing")
			}
			if s.Stroke.On && !(s.Line.Width > 0 && ok(s.Line.Width)) || s.Line.MiterLimit < 0 || len(s.Line.Dash)%2 != 0 {
				t.Fatalf("line %+v", s.Line)
			}
			for _, v := range s.Line.Dash {
				if !ok(v) || v < 0 {
					t.Fatalf("dash %v", s.Line.Dash)
				}
			}
			if len(s.Path) == 0 || s.Path[0].Op != MoveTo {
				t.Fatalf("path does not start with a moveto: %v", s.Path)
			}
			for _, seg := range s.Path {
				for _, p := range seg.Pts {
					if !ok(p.X) || !ok(p.Y) {
						t.Fatalf("point %v", p)
					}
				}
			}
			segs += len(s.Path)
		}
		if tx := it.Text; tx != nil {
			if !tx.Matrix.usable() {
				t.Fatalf("unusable text matrix %v", tx.Matrix)
			}
			for _, c := range tx.Chunks {
				if !ok(c.X) || !ok(c.Y) || len(c.Spans) == 0 {
					t.Fatalf("chunk %+v", c)
				}
				for _, s := range c.Spans {
					paint(s.Fill)
					if s.Text == "" || !ok(s.DX) || !ok(s.DY) || !ok(s.Shift) || !ok(s.Font.Size) || s.Font.Size < 0 {
						t.Fatalf("span %+v", s)
					}
				}
			}
		}
	}
	if segs > lim.Segments {
		t.Fatalf("%d segments past the limit of %d", segs, lim.Segments)
	}
}
