// Package pdf paints a laid-out document (layout.Document) as a PDF 1.7
// file that it writes itself. It decides nothing about typesetting: every
// glyph run, rule, image and link is drawn where the layout engine put it.
//
// The file:
//
//   - a classic cross-reference table; objects in a fixed order (fonts in
//     FontID order, images in the order first drawn, then each page's
//     links, content and dictionary, the outline, the named destinations,
//     the information dictionary, the page tree and the catalog); every
//     stream Flate-compressed at one level; a trailer /ID hashed from the
//     content. The same Document always gives the same bytes; nothing
//     reads the clock or depends on map order or scheduling.
//   - each face drawn with is a Type0 font with Identity-H encoding over a
//     CIDFontType2 font whose program is a TrueType subset by glyph id
//     (truetype.Font.SubsetGlyphs): CIDs are the subset's compact glyph ids
//     (CIDToGIDMap /Identity), the name carries a subset tag derived from
//     the glyphs, /W holds the rounded thousandths of an em the layout
//     engine measured with, and a ToUnicode CMap gives each glyph the
//     characters it was first drawn for, surrogate pairs beyond the Basic
//     Multilingual Plane.
//   - a Text run is one text object with one TJ: glyphs by subset id, the
//     run's word spacing as an adjustment after each U+0020 (PDF's Tw
//     would not apply to two-byte codes). A Glyphs run places glyphs by id
//     at their own offsets, for math.
//   - PNGs are decoded with image/png; opaque 8-bit (or 1–4-bit grey and
//     palette) ones that are not interlaced go in as their own Flate data
//     with PNG predictors, the rest as 8-bit grey or RGB samples with the
//     alpha channel as a soft mask. JPEGs are decoded too, then passed
//     through as DCTDecode when their header allows (grey, RGB, CMYK with
//     Adobe's inversion; baseline or progressive), else written as
//     samples. One XObject per distinct image. An image may come from a
//     layout.ImageSource instead of bytes: it is opened only when the
//     writer reaches it, ahead of need and within a raster.Budget, and one
//     that cannot be used is drawn as its Fallback (a framed alt text), the
//     source being told why.
//   - an Image with a Vector (an SVG image) is a Form XObject, one per
//     Key, placed like an image: its paths with their clips, matrices,
//     DeviceRGB colours and line styles, an ExtGState for alpha below 1,
//     and its text in the document's fonts (vector.go).
//   - links are URI actions or GoTo actions to named destinations; the
//     outline is the document's, closed below the top level.
//
// Every element is checked before anything is painted, so that an error
// names the page and element at fault; a panic becomes an error. Fonts are
// parsed and checked by package truetype, which also refuses fonts whose
// licence bits forbid embedding. Pages, font programs and images are made
// in parallel on internal/parallel's pool and written in order. The file
// is streamed to its writer as it is made (images first, before the pages
// that draw them are painted), so a book of many large images is never in
// memory whole.
package pdf
