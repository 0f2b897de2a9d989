// Package truetype checks, measures and subsets TrueType fonts (sfnt files
// with glyf outlines), by hand and without dependencies.
//
// Parse validates what the PDF writer and the layout engine rely on: a
// TrueType (not CFF) outline format, the required tables, a bounds-checked
// table directory and loca, and a Unicode cmap subtable of format 4 (Basic
// Multilingual Plane) or format 12 (all of Unicode); a font with only a
// format 12 subtable is valid. The Font it returns answers rune coverage,
// advance widths, vertical metrics and what a PDF font descriptor needs
// (Descriptor, CheckEmbedding), and is safe for concurrent use because
// nothing in it changes after Parse.
//
// For math, Font.Math reads the OpenType MATH table (constants, italics
// corrections, accent attachments, cut-in kerns, size variants and glyph
// assemblies; see mathtable.go), and GlyphAdvance, GlyphBounds and
// GlyphOutline answer by glyph id, since size variants and assembly parts
// have no character.
//
// There are two ways to subset. Subset writes a standalone TrueType font
// that holds the glyphs of a set of runes, for embedding in an EPUB.
// SubsetGlyphs chooses glyphs by id, for the PDF writer, which draws glyphs
// by id (math fonts have glyphs no character maps to): it renumbers them
// compactly and GlyphSubset.Font writes them. Both write the same tables.
// What they keep and drop:
//
//   - kept: head, hhea, maxp and OS/2, with only the fields that describe
//     the glyph set recomputed (bounding box, loca format and checksum
//     adjustment; numberOfHMetrics, advanceWidthMax and the side bearing
//     extremes; numGlyphs; first and last character index), and cvt, fpgm,
//     prep and gasp unchanged, so TrueType hinting still runs. OS/2's
//     Unicode and code page range bits still describe the whole font;
//     fontconfig and browsers read coverage from cmap instead;
//   - rebuilt: glyf, loca, hmtx, cmap (format 4, plus format 12 when a rune
//     lies outside the Basic Multilingual Plane; format 12 alone when the
//     runes are too scattered for format 4's 64 KB), post (version 3.0: no
//     glyph names) and name (see below);
//   - dropped: kern, GSUB, GPOS, GDEF, MATH, hdmx, LTSH, VDMX and every
//     other table. The subset therefore has no kerning, ligatures or other
//     OpenType layout features, and renumbered glyph ids would make the old
//     tables wrong anyway. What the shipped Nanum fonts lose is Latin pair
//     kerning only: Nanum Gothic's kern table has 113 pairs (A–T, A–V, …),
//     Nanum Myeongjo's GPOS one 'kern' lookup for pairs starting with A F L
//     P R T V W Y; their GSUB is empty, and no Hangul is kerned. The layout
//     engine applies no kerning either.
//
// # Licence: subsets are renamed
//
// The Nanum fonts are under the SIL Open Font License 1.1 with Reserved Font
// Names ("Nanum", "NanumMyeongjo", …). OFL clause 3 forbids a Modified
// Version to use a Reserved Font Name. Subsetting inside a document counts as
// embedding, which the licence allows freely, when the font cannot readily be
// taken out of the document (a PDF font program, say). But the OFL FAQ (1.15)
// counts a font placed as a file inside a zipped document structure, which is
// what an EPUB is, as bundling rather than embedding; and the SIL paper
// "Webfonts and Reserved Font Names" (2013) lets a changed font keep its
// Reserved Font Name only while it stays functionally equivalent, preserving
// the completeness of the original. A subset drops glyphs, so it is a
// Modified Version. Subset therefore always asks for a new family name and
// writes it into the name table (family, full name, unique id, PostScript
// name; the Korean-language 나눔명조 records go too), while keeping the
// copyright notice, trademark, designer, licence description and licence URL
// records: the OFL requires the copyright notice and licence to travel with
// every copy. The result stays under the OFL.
package truetype
