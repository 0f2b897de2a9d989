package layout

import "github.com/hangul-press/publish/pkg/manifest"

// TextBlock gives the tests of package layout_test the text block of the
// page with folio n under the settings set: its left and top edges, width
// and height. Running heads and folios lie outside it; everything else
// lies inside.
func TextBlock(set manifest.PDFOptions, n int) (x, y, w, h Length) {
	g := newGeometry(Mm(set.Paper.Width), Mm(set.Paper.Height))
	return g.left(n), g.top, g.textW, g.textH
}
