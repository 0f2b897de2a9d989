// Package texmath typesets TeX math: it parses the TeX that blog posts
// write for MathJax into one tree of its own node types, lays the tree out
// with the rules of TeX's Appendix G driven by an OpenType MATH table, and
// writes MathML (from the tree) and SVG (from the layout). It has no
// dependencies besides pkg/truetype and the shipped fonts, never prints,
// and gives the same output bytes on every machine.
//
// # Parsing
//
// Parse(tex, display, macros) reads one formula the way MathJax's TeX
// input with the AMS extensions reads it: letters, digits, symbols, the
// usual commands (Greek, relations, arrows, big operators, named
// operators, \frac \binom \sqrt, \left \middle \right and \big…, accents,
// braces, \mathbb \mathcal \mathbf \boldsymbol \mathrm \operatorname,
// \text with Korean inside), the environments matrix, pmatrix, bmatrix,
// Bmatrix, vmatrix, Vmatrix, cases, aligned, align, gather, split,
// equation, array and their starred forms, and \tag, \label, \eqref,
// \ref. \newcommand, \renewcommand, \def and \DeclareMathOperator add to
// the Macros, so a post's later formulas see its earlier definitions;
// Macros.Define adds a site's MathJax macros. A formula that cannot be
// typeset as written (an unknown command, an unbalanced brace) gives nil
// and Problems with byte offsets into the source; the caller reports them
// at file:line:col and shows the TeX source marked. MaxInput,
// MaxExpansions, MaxTokens and MaxDepth bound the work of one formula.
//
// # Layout
//
// Formula.Layout sets the tree in display or text style with the MATH
// table's constants: TeX's inter-atom spacing by style, scripts with the
// table's shifts and gaps (and cut-in kerns where the font has them),
// limits, fractions, radicals, delimiters and accents from the font's
// size variants and glyph assemblies, tables centred on the math axis.
// The result is a flat list of positioned items — glyphs by glyph id (size
// variants and assembly parts have no character), rules, and text runs
// that the caller's TextMeasurer measured and that the caller draws in the
// text font — plus the break opportunities of an inline formula and the
// equation tags of a display formula.
//
// All lengths are Length: integers in 1/65536 em of the base size (the
// size of the surrounding text). A painter at S points converts a Length
// l to l·S/65536 points; pkg/layout's scaled points are l·S exactly for a
// whole number of points. Glyphs carry their size as a percentage of the
// base size (100 in text and display style, the MATH table's script
// percentages in scripts).
//
// # Output
//
// Formula.MathML writes presentation MathML 3 with the TeX in alttext.
// Layout.SVG writes an inline SVG sized in em, glyph outlines defined once
// per SVG and placed with <use>, rules as <rect>, \text as <text> fitted to
// the measured width, and the baseline as an inline vertical-align.
package texmath
