// Package layout decides where the lines and pages of the print edition
// break, and where every piece of text sits on them. The PDF painter only
// draws what layout has placed.
//
// The core of the package is free of fonts: widths arrive through the
// Measurer interface, so the line breaker can be tested on abstract widths.
// Its parts are
//
//   - units.go: Length, fixed-point scaled points;
//   - breakrules.go: where Korean text may break (W3C KLREQ, CSS Text 3);
//   - linebreak.go: Knuth–Plass total-fit line breaking over boxes, glue
//     and penalties (Knuth & Plass, "Breaking Paragraphs into Lines", 1981),
//     and a first-fit fallback;
//   - paragraph.go: SetParagraph, which turns styled runs into positioned
//     lines using the three above.
//
// The library never prints, logs or reads the clock; problems the user should
// hear about (an overfull line, say) come back as values.
package layout
