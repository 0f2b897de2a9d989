package layout

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/svg"
)

// SVG images are drawn as vectors: pkg/svg parses each content once into
// a drawing, the layout sets its texts in the book's fonts (which only it
// can measure), and the painter draws the result once per content, scaled
// into every box that shows it.

// svgMediaType is the media type book.Load gives SVG assets.
const svgMediaType = "image/svg+xml"

// mostLeftOut is how many things left out one warning names.
const mostLeftOut = 8

// vectorImage is one SVG content of the book: its drawing, or why it
// cannot be drawn, and, once placed, its vector.
type vectorImage struct {
	d   *svg.Drawing
	err error
	v   *Vector
	key string
	// first is the first reference to the content in the engine that
	// set it: what the drawing leaves out is reported there, by a
	// chapter's engine once the chapter joins the book (joinVectors).
	first *book.ImageRef
}

// vectorOf parses an SVG asset, once per content.
func (e *engine) vectorOf(a *book.Asset) *vectorImage {
	if vi, ok := e.vectors[a.Sum]; ok {
		return vi
	}
	if e.vectors == nil {
		e.vectors = map[[32]byte]*vectorImage{}
	}
	vi := &vectorImage{key: fmt.Sprintf("svg:%x", a.Sum[:12])}
	e.vectors[a.Sum] = vi
	data, err := a.Bytes()
	if err == nil {
		vi.d, err = svg.Parse(data, svg.Options{Lang: e.b.Config.Language})
	}
	vi.err = err
	return vi
}

// sizeVector decides the printed size of an SVG image and makes its
// vector. One that cannot be drawn is reported at the reference: a file
// the shared SVG reader refuses in the words the EPUB uses for it (so
// that check, which runs both writers, says it once), one past a limit
// as the PDF's own problem.
func (e *engine) sizeVector(ref *book.ImageRef) (placedImage, bool) {
	vi := e.vectorOf(ref.Asset)
	if vi.err != nil {
		var le *svg.LimitError
		if errors.As(vi.err, &le) {
			e.diags.Warnf(ref.Pos, "image %s cannot be drawn in the PDF: %v; the alt text is shown instead", ref.URL, vi.err)
		} else {
			ref.WarnUnusable(e.diags, vi.err)
		}
		return placedImage{}, false
	}
	d := vi.d
	if vi.first == nil {
		vi.first = ref
		if !e.chapterOnly {
			e.warnLeftOut(vi)
		}
	}
	if vi.v == nil {
		vi.v = e.vector(d, ref)
	}
	w := e.vectorWidth(ref, d)
	im := e.placed(ref, w, d.Height/d.Width)
	im.vector, im.key = vi.v, vi.key
	return im, true
}

// joinVectors makes the SVG images of chapter ce the book's: a content
// that an earlier chapter shows already keeps the earlier vector, which
// ce's images are pointed at, since the painter draws one vector per
// key. What a drawing leaves out is reported once, at its first
// reference in reading order.
func (e *engine) joinVectors(ce *engine) {
	if e.vectors == nil {
		e.vectors = map[[32]byte]*vectorImage{}
	}
	var same map[*Vector]*Vector
	for sum, vi := range ce.vectors {
		first, ok := e.vectors[sum]
		if !ok {
			e.vectors[sum] = vi
			e.warnLeftOut(vi)
			continue
		}
		if vi.v != nil && first.v != nil {
			if same == nil {
				same = map[*Vector]*Vector{}
			}
			same[vi.v] = first.v
		} else if first.v == nil && vi.v != nil {
			// The earlier chapter refused or never placed it.
			e.vectors[sum] = vi
		}
	}
	if same == nil {
		return
	}
	for _, b := range ce.boxes {
		repoint(b, func(im Image) (Image, bool) {
			if v, ok := same[im.Vector]; ok && im.Vector != nil {
				im.Vector = v
				return im, true
			}
			return im, false
		})
	}
}

// warnLeftOut reports what a drawing leaves out, at its first reference.
func (e *engine) warnLeftOut(vi *vectorImage) {
	if vi.d != nil && vi.first != nil && len(vi.d.Skipped) > 0 {
		e.diags.Warnf(vi.first.Pos, "SVG image %s: left out of the PDF: %s", path.Base(vi.first.Asset.Path), leftOutList(vi.d.Skipped))
	}
}

// leftOutList names what a drawing leaves out, at most mostLeftOut things.
func leftOutList(items []string) string {
	if len(items) > mostLeftOut {
		return strings.Join(items[:mostLeftOut], ", ") + fmt.Sprintf(" and %d more", len(items)-mostLeftOut)
	}
	return strings.Join(items, ", ")
}

// vectorWidth is the printed width of an SVG image: the width its author
// asked for, else the width of its root as a share of the measure when it
// is a percentage, else its intrinsic width in CSS pixels at 96 to the
// inch; never wider than the measure. A vector has no pixels to show, so
// unlike a picture it may be enlarged.
func (e *engine) vectorWidth(ref *book.ImageRef, d *svg.Drawing) Length {
	w := Pt(d.Width * cssPxPt)
	if d.RelWidth > 0 {
		w = Length(d.RelWidth * float64(e.width()))
	}
	if aw, ok := e.authorWidth(ref, d.Width/d.Height); ok {
		w = aw
	}
	return max(min(w, e.width()), 1)
}

// vector turns a drawing into the page model's Vector: shapes as they
// are, each text chunk set in the book's fonts.
func (e *engine) vector(d *svg.Drawing, ref *book.ImageRef) *Vector {
	v := &Vector{Width: d.Width, Height: d.Height}
	for _, it := range d.Items {
		switch {
		case it.Shape != nil:
			v.Items = append(v.Items, VectorItem{Shape: it.Shape})
		case it.Text != nil:
			v.Items = e.vectorText(v.Items, it.Text, ref)
		}
	}
	return v
}

// familyRole maps a generic family onto the role whose fonts draw it:
// sans-serif text in the heading face (Nanum Gothic), serif in the body
// face, monospace in the code face, each with its fallback chain.
var familyRole = map[svg.Family]manifest.FontRole{svg.SansSerif: RoleHeading, svg.Serif: RoleBody, svg.Monospace: RoleCode}

// placedRun is a run of one face, placed along a chunk before the chunk
// is moved by its anchor.
type placedRun struct {
	x, y float64
	font FontID
	size float64
	fill svg.Paint
	text string
}

// vectorText sets the chunks of a text: each span's characters are cut
// into runs of one face, as body text is (a character no face draws is
// reported and left out), measured with the widths the PDF draws with,
// placed one after another from the chunk's position, and the chunk is
// then moved by its anchor.
func (e *engine) vectorText(items []VectorItem, t *svg.Text, ref *book.ImageRef) []VectorItem {
	end := 0.0 // where the previous chunk ended
	for _, c := range t.Chunks {
		x, y := c.X, c.Y
		if c.ContinueX {
			x = end
		}
		start := x
		var runs []placedRun
		for _, s := range c.Spans {
			x, y = x+s.DX, y+s.DY
			st := textStyle{role: familyRole[s.Font.Family], bold: s.Font.Bold, size: Pt(max(s.Font.Size, 1))}
			rs, styles := e.runs([]span{{text: s.Text, st: st, node: ref.Node}})
			for _, r := range rs {
				font := styles[r.Style].font
				runs = append(runs, placedRun{x: x, y: y + s.Shift, font: font, size: s.Font.Size, fill: s.Fill, text: r.Text})
				x += e.advance(font, r.Text, s.Font.Size)
			}
		}
		shift := 0.0
		switch c.Anchor {
		case svg.AnchorMiddle:
			shift = (x - start) / 2
		case svg.AnchorEnd:
			shift = x - start
		}
		for _, r := range runs {
			if !r.fill.On || r.size <= 0 || r.text == "" {
				continue
			}
			items = append(items, VectorItem{Text: &VectorText{Matrix: t.Matrix, Clips: t.Clips, X: r.x - shift, Y: r.y, Font: r.font,
				Size: r.size, Color: Color(r.fill.Color), Opacity: r.fill.Opacity, Text: r.text}})
		}
		end = x - shift
	}
	return items
}

// advance is the width of a run of one face at size (in any unit):
// each character's width in thousandths of an em, rounded as the PDF's
// widths are.
func (e *engine) advance(id FontID, text string, size float64) float64 {
	fc := e.fs.faces[id]
	n := 0
	for _, r := range text {
		n += fc.advance1000(r)
	}
	return float64(n) * size / 1000
}
