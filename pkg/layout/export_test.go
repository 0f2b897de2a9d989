package layout

// TextBlock gives the tests of package layout_test the text block of the
// page with folio n under opt: its left and top edges, width and height.
// Running heads and folios lie outside it; everything else lies inside.
func TextBlock(opt Options, n int) (x, y, w, h Length) {
	opt = opt.withDefaults()
	g := newGeometry(opt.PageWidth, opt.PageHeight)
	return g.left(n), g.top, g.textW, g.textH
}
