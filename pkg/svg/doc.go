// Package svg reads SVG images for the book's writers.
//
// It is the one home of what the project knows about SVG:
//
//   - how an SVG file is read as XML (Decoder: encoding/xml in strict
//     mode, so that no entity a DTD declares is ever used and nothing is
//     fetched, a root that must be <svg>), with one wording of the
//     errors for both writers;
//   - SVG's static drawing vocabulary (StaticElement, StaticAttribute),
//     which the EPUB's sanitiser keeps and of which the PDF draws a
//     subset, naming the rest;
//   - what a reference may point to (LocalRef: fragments of the image
//     itself, never another file or the network);
//   - the drawing model (Parse, Drawing): shapes as paths of lines and
//     cubic Bézier curves with their paint, and texts to be set by the
//     caller in its own fonts, every loop over the input within Limits.
//
// The package prints nothing, reads no clock and fetches nothing.
// Arithmetic that feeds the drawing rounds every product explicitly
// (float64(a*b)), so that no platform fuses a multiply and an add
// differently and the same file gives the same drawing everywhere.
package svg
