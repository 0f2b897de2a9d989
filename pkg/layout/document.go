package layout

import (
	"errors"
	"fmt"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
)

// This file is the entry point of the page layout engine, which turns a
// book into pages. Its phases, a file each:
//
//   - fonts.go, measure.go: the faces of each role and their fallback
//     chains; widths in the rounded thousandths of an em that the PDF's
//     /W arrays carry;
//   - style.go, inline.go: inline Markdown → styled spans → runs, one per
//     face, characters no face has reported and dropped;
//   - text.go: runs → lines (SetParagraph) → boxes of positioned pieces;
//   - blocks.go and a file per construct (heading, list, quote, codeblock,
//     rawhtml, image, table, footnote): block Markdown → a stream of boxes;
//   - pagebreak.go: boxes → pages (keeps, widows, orphans, footnotes);
//   - front.go, toc.go, running.go, assemble.go: cover, title page, table
//     of contents (re-laid out until its page numbers settle), running
//     heads and folios, and the placing of boxes on mirrored pages.

// Options control Layout. Zero values take the defaults below.
type Options struct {
	// PageWidth and PageHeight are the trim size.
	PageWidth, PageHeight Length
	// FontSize is the body text size.
	FontSize Length
	// LineHeight is the body line pitch as a multiple of FontSize.
	LineHeight float64
	// Mode is KeepAll (word basis, the default) or Normal.
	Mode Mode
	// Indent is the first-line indent of paragraphs in em; 0 separates
	// paragraphs by half a line of space instead.
	Indent float64
	// RectoChapters starts every chapter (and part) on an odd page.
	RectoChapters bool
	// Fonts are extra TrueType files per role ("body", "heading", "code"),
	// regular then bold, tried before the shipped faces. A file that does
	// not parse is reported and skipped.
	Fonts map[string][][]byte
	// FontsPos is where each role's files were named, for messages.
	FontsPos map[string]diag.Pos
	// Date is the document date, Unix seconds; Creator names the program.
	Date    int64
	Creator string
	// Progress, when not nil, is told how many chapters of the total
	// have been set.
	Progress func(stage string, done, total int)
}

// Defaults for Options left zero: A5 (148×210 mm, 국판), 10 pt text at
// 170 % line pitch, the middle of the 160–170 % that suits Korean body text
// (KOREAN.md).
const (
	defaultWidthMM   = 148
	defaultHeightMM  = 210
	defaultFontPt    = 10
	defaultLineRatio = 1.7
)

// withDefaults fills in what opt leaves zero.
func (opt Options) withDefaults() Options {
	if opt.PageWidth <= 0 || opt.PageHeight <= 0 {
		opt.PageWidth, opt.PageHeight = Mm(defaultWidthMM), Mm(defaultHeightMM)
	}
	if opt.FontSize <= 0 {
		opt.FontSize = Pt(defaultFontPt)
	}
	if opt.LineHeight <= 0 {
		opt.LineHeight = defaultLineRatio
	}
	return opt
}

// Layout sets the book into pages: a cover (when the book has one), a
// title page, a table of contents, then every part and chapter. Problems
// with the input (a character no font has, an overfull line, a bad font
// file) are reported in diags; the error is non-nil only when no document
// can be made.
func Layout(b *book.Book, opt Options, diags *diag.List) (doc *Document, err error) {
	defer func() {
		// A bug of ours must end the build with a message, not a crash
		// with a stack trace; the chapter being set is named.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("layout: internal error (please report it): %v", r)
		}
	}()
	if b == nil {
		return nil, errors.New("layout: nil book")
	}
	if diags == nil {
		diags = &diag.List{}
	}
	opt = opt.withDefaults()
	fs, err := newFontSet(opt.Fonts, opt.FontsPos, diags)
	if err != nil {
		return nil, err
	}
	e := newEngine(b, opt, fs, diags)
	return e.document(), nil
}
