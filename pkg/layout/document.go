package layout

import (
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"

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

// Options adjust one run of Layout. The book's settings (trim size, type
// size, line breaking, fonts) come from the book: b.Config.PDF and
// b.Fonts; the document date from b.Time.
type Options struct {
	// Creator names the program, for the PDF's metadata.
	Creator string
	// Progress, when not nil, is told how many chapters of the total
	// have been set.
	Progress progress.Func

	// lines, when set, hears every line of text set, with whether it is
	// justified: the tests' measure of spacing (export_test.go).
	lines func(ln Line, justified bool)
	// body, when set, sets the parts and chapters instead of
	// engine.body: the tests' reference, one engine for the whole book
	// (export_test.go).
	body func(e *engine)
	// apart, when set, places every piece of a line as a Text of its
	// own: the tests' reference for the words and letters one Text joins
	// (lineBox).
	apart bool
}

// settingPos is where the manifest sets the trim size or the body size,
// for a message about the text block they make; the manifest itself when
// it sets neither.
func settingPos(b *book.Book) diag.Pos {
	switch set := b.Config.PDF; {
	case set.PaperPos.File != "":
		return set.PaperPos
	case set.FontSizePos.File != "":
		return set.FontSizePos
	}
	return diag.Pos{File: b.Config.Path}
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
	if b.Config == nil {
		return nil, errors.New("layout: the book has no configuration (load it with book.Load)")
	}
	if diags == nil {
		diags = &diag.List{}
	}
	if err := checkGeometry(b.Config.PDF); err != nil {
		diags.Errorf(settingPos(b), "%v", err)
		return nil, err
	}
	fs, err := newFontSet(b.Fonts)
	if err != nil {
		return nil, err
	}
	e := newEngine(b, opt, fs, diags)
	return e.document(), nil
}
