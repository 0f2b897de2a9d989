package epub

import (
	"archive/zip"
	"errors"
	"github.com/hangul-press/publish/pkg/progress"
	"io"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/raster"
)

// Options adjust one run of the writer. The book's settings (table of
// contents depth, image size, fonts, stylesheet) come from the book:
// b.Config.EPUB and b.Stylesheet; its time from b.Time.
type Options struct {
	// Generator names the program, for <meta name="generator">.
	Generator string
	// Progress, when not nil, is told how many chapters of the total
	// have been rendered. It is called from several goroutines.
	Progress progress.Func
	// ImageBudget bounds the memory of the images being converted at
	// once; nil means raster.SharedBudget().
	ImageBudget *raster.Budget
}

// Stats counts what Write put into the EPUB, for a closing line.
type Stats struct {
	Chapters int // chapter documents written (part title pages not counted)
	Images   int // image files packaged (the cover included), one per content however many files share it
	// FontBytesBefore is the size of the fonts embedded, before subsetting;
	// FontBytesAfter is what the subsets take in the EPUB.
	FontBytesBefore int64
	FontBytesAfter  int64 // in bytes; both are 0 when no font is embedded
}

// Write renders b as an EPUB 3 publication and writes it to w. Problems
// with the content (dropped raw HTML, unreadable images, links that leave
// the book) are reported in diags; the error is non-nil only when the
// EPUB could not be written. diags may be nil to discard the messages.
//
// The EPUB is written as it is made, images first, so that a book of many
// large images is never held in memory whole: after an error, what was
// written to w is not an EPUB (write to a temporary file and rename it, as
// the command does).
func Write(w io.Writer, b *book.Book, opt Options, diags *diag.List) (Stats, error) {
	if diags == nil {
		diags = &diag.List{}
	}
	if b.Config == nil {
		return Stats{}, errors.New("epub: the book has no configuration (load it with book.Load)")
	}
	pub := newPublication(b, opt, diags)
	z := zip.NewWriter(w)
	if err := writeHead(z); err != nil {
		return Stats{}, err
	}
	if err := pub.writeImages(z); err != nil {
		return Stats{}, err
	}
	if err := pub.build(); err != nil {
		return Stats{}, err
	}
	if err := pub.writeZip(z); err != nil {
		return Stats{}, err
	}
	return pub.stats, nil
}
