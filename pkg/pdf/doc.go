// Package pdf paints a laid-out document (layout.Document) as a PDF file
// with fpdf. It decides nothing about typesetting: every glyph run, rule,
// image and link is drawn where the layout engine put it.
//
// What it adds on top of fpdf:
//
//   - fonts are checked before fpdf parses them, because fpdf prints font
//     errors to standard output and carries on; a font fpdf would refuse is
//     an error returned here, and fpdf's panics on malformed input are
//     turned into errors too;
//   - embedded font subsets get a subset tag (ABCDEF+Name), which fpdf does
//     not write, so that preflight tools and pdffonts see them as subsets;
//   - links to named anchors work across pages in both directions, and
//     bookmarks may point at any page;
//   - word spacing is applied to UTF-8 fonts, where PDF's Tw operator has no
//     effect;
//   - the output depends only on the Document: no clock, no map order.
package pdf
