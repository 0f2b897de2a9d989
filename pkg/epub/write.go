package epub

import (
	"io"
	"time"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
)

// Options adjust how a book is written.
type Options struct {
	// Time is written as dcterms:modified, and as dc:date when the book has
	// no date. The caller takes it from SOURCE_DATE_EPOCH or the manifest.
	Time time.Time
	// TOCDepth is how deep the table of contents goes: 1 lists chapters,
	// 2 adds their second-level headings, and so on. Zero means 2.
	TOCDepth int
	// MaxImagePx is the longest side, in pixels, an image may keep; larger
	// images are scaled down. Zero means 2000.
	MaxImagePx int
	// CSS is an extra stylesheet, appended after the default one once the
	// CSS sanitiser has cleaned it. CSSFile names it in messages about
	// what was removed (file:line:col); "" writes epub.css.
	CSS     []byte
	CSSFile string
	// EmbedFonts embeds the Nanum fonts, cut down to the characters used.
	EmbedFonts bool
	// Generator names the program, for <meta name="generator">.
	Generator string
	// Progress, when not nil, is told how many chapters of the total
	// have been rendered. It is called from several goroutines.
	Progress func(stage string, done, total int)
}

// Defaults for Options fields left zero.
const (
	defaultTOCDepth = 2
	// defaultMaxImagePx keeps a full-page image sharp on a high-density
	// tablet while bounding the file size.
	defaultMaxImagePx = 2000
)

// Stats counts what Write put into the EPUB, for a closing line.
type Stats struct {
	Chapters int
	Images   int
	// FontBytesBefore is the size of the fonts embedded, before subsetting;
	// FontBytesAfter is what the subsets take in the EPUB.
	FontBytesBefore int64
	FontBytesAfter  int64
}

// Write renders b as an EPUB 3 publication and writes it to w. Problems
// with the content (dropped raw HTML, unreadable images, links that leave
// the book) are reported in diags; the error is non-nil only when the
// EPUB could not be written. diags may be nil to discard the messages.
func Write(w io.Writer, b *book.Book, opt Options, diags *diag.List) (Stats, error) {
	if diags == nil {
		diags = &diag.List{}
	}
	opt = withDefaults(opt, b)
	pub := newPublication(b, opt, diags)
	if err := pub.build(); err != nil {
		return Stats{}, err
	}
	if err := pub.writeZip(w); err != nil {
		return Stats{}, err
	}
	return pub.stats, nil
}

func withDefaults(opt Options, b *book.Book) Options {
	if opt.TOCDepth <= 0 {
		opt.TOCDepth = defaultTOCDepth
	}
	if opt.MaxImagePx <= 0 {
		opt.MaxImagePx = defaultMaxImagePx
	}
	if opt.Time.IsZero() {
		opt.Time = b.Meta.Date
	}
	opt.Time = opt.Time.UTC()
	return opt
}
