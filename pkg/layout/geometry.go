package layout

import (
	"fmt"

	"github.com/hangul-press/publish/pkg/manifest"
)

// The page's text block. Each margin is a proportion of the trim size,
// never less than a minimum that holds at any trim size.
//
// The proportions: the inner margin (at the spine) is wider than the
// outer one, because a bound booklet does not open flat; the foot is
// deeper than the head, the classic proportions that set the text block
// a little above the page's centre. On A5 they give 20 mm inner, 16 mm
// outer, 20 mm head, 23 mm foot: a 112 mm measure, about 32 Hangul
// syllables at 10 pt, within the 30–35 that Korean books set.
//
// The minimums matter on small pages (문고판 105×148, where the head and
// foot proportions left the running head 3.3 mm from the top trim): no
// letter, rule or image may come within safeMm of a trim edge, so the head
// margin holds the running head above that band and the foot margin the
// folio, and the side margins keep room for the binding.
const (
	innerFrac  = 0.135
	outerFrac  = 0.108
	topFrac    = 0.095
	bottomFrac = 0.11

	// safeMm is the band along every trim edge that nothing printed
	// enters: guillotines cut a millimetre or two off true, and print
	// shops ask for 5 to 8 mm of safety inside the trim.
	safeMm = 8
	// minInnerMm leaves room for a perfect binding's glue and for the
	// curve of the page into the spine; minOuterMm for the thumb.
	minInnerMm = 15
	minOuterMm = 12
)

// A page must hold a usable text block: at least minMeasureEm body ems
// across (a dozen Hangul syllables; Korean books set 20 to 35) and
// minLines body lines down (enough for a heading kept with two lines and
// a paragraph's widow and orphan rules). Settings that leave less are
// refused (checkGeometry) rather than set into pages where a caption or a
// table has no room.
const (
	minMeasureEm = 12
	minLines     = 8
)

// geometry is the page's text block.
type geometry struct {
	w, h                      Length // trim size
	inner, outer, top, bottom Length
	textW, textH              Length
	// pitch is the body line pitch, which places the running head and
	// the folio.
	pitch Length
}

// newGeometry makes the text block for the PDF settings: the trim size,
// and the body size and line height, which place the running head and
// folio and so set the least head and foot margins.
func newGeometry(set manifest.PDFOptions) geometry {
	w, h := Mm(set.Paper.Width), Mm(set.Paper.Height)
	size := Pt(set.FontSize)
	g := geometry{w: w, h: h, pitch: Length(float64(size) * set.LineHeight)}
	hs := headSize(size)
	g.inner = max(frac(w, innerFrac), Mm(minInnerMm))
	g.outer = max(frac(w, outerFrac), Mm(minOuterMm))
	g.top = max(frac(h, topFrac), Mm(safeMm)+g.headRaise()+Length(textHeight*float64(hs)))
	g.bottom = max(frac(h, bottomFrac), Mm(safeMm)+g.folioDrop()+Length(textDepth*float64(hs)))
	g.textW = w - g.inner - g.outer
	g.textH = h - g.top - g.bottom
	return g
}

func frac(l Length, f float64) Length { return Length(float64(l) * f) }

// headRaise is how far above the text block the running head's baseline
// sits, and folioDrop how far below it the folio's.
func (g geometry) headRaise() Length { return Length(headRaiseLines * float64(g.pitch)) }
func (g geometry) folioDrop() Length { return Length(folioDropLines * float64(g.pitch)) }

// TextBlock returns the text block of the page with folio n under the PDF
// settings set: its left and top edges, width and height, from the
// top-left corner of the trimmed page. Running heads and folios lie
// outside it; everything else on a page of text lies inside.
func TextBlock(set manifest.PDFOptions, n int) (x, y, w, h Length) {
	g := newGeometry(set)
	return g.left(n), g.top, g.textW, g.textH
}

// left returns the x of the text block on the page with folio n: odd
// (recto, right-hand) pages have the spine on their left.
func (g geometry) left(n int) Length {
	if n%2 == 1 {
		return g.inner
	}
	return g.outer
}

// checkGeometry refuses settings whose text block is too small to set a
// book in (minMeasureEm, minLines). The message names what to change.
func checkGeometry(set manifest.PDFOptions) error {
	g := newGeometry(set)
	size := Pt(set.FontSize)
	em := float64(g.textW) / float64(size)
	lines := 0.0
	if g.pitch > 0 && g.textH > 0 {
		lines = float64(g.textH) / float64(g.pitch)
	}
	if em >= minMeasureEm && lines >= minLines {
		return nil
	}
	return fmt.Errorf("pdf.paper %s with font_size %g and line_height %g leaves a text block of %.1f em by %.1f lines "+
		"(margins %.0f, %.0f, %.0f and %.0f mm); a page needs at least %d em and %d lines: choose a larger paper or a smaller font_size",
		paperName(set.Paper), set.FontSize, set.LineHeight, max(em, 0), lines,
		g.inner.Mm(), g.outer.Mm(), g.top.Mm(), g.bottom.Mm(), minMeasureEm, minLines)
}

// paperName names a trim size for messages: a preset with its size.
func paperName(p manifest.Paper) string {
	if size := fmt.Sprintf("%gx%gmm", p.Width, p.Height); p.Name != size {
		return fmt.Sprintf("%s (%g×%g mm)", p.Name, p.Width, p.Height)
	}
	return p.Name
}
