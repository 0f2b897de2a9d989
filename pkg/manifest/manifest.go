// Package manifest reads and validates book manifests: the small YAML files
// under books/ that name a book's title, authors, posts and output options.
//
// Reading is strict: an unknown key, a value of the wrong type or a missing
// required field is an error naming the file, line and column. Paths in the
// manifest are relative to the manifest file; Load makes them absolute.
package manifest

import (
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// Manifest is a validated book manifest.
type Manifest struct {
	// Path is the manifest's path as the user gave it, used in messages.
	Path string
	// Dir is the absolute folder that holds the manifest; relative paths
	// in the manifest are resolved against it.
	Dir string

	// Title is the book's title (title:). It is required in a manifest;
	// a book made from posts alone leaves it empty, and book.Load takes
	// the title and authors from the first post.
	Title string
	// Subtitle is the optional subtitle (subtitle:).
	Subtitle string
	// Authors are the book's authors (authors:, or author:; a single
	// string is a list of one).
	Authors []string
	// Language is the book's language (language:), a BCP 47 tag,
	// DefaultLanguage unless set.
	Language string
	// Languages are the languages whose sections a multilingual post
	// keeps (data-lang or lang on a block of raw HTML); empty means
	// Language alone.
	Languages []string
	// Date is the book's date (date:), with its time and zone when the
	// manifest gives them.
	Date    time.Time
	HasDate bool // Date was given; otherwise the book takes its newest chapter's date
	// Identifier is the book's unique identifier (identifier:); when
	// empty, book.Load derives a stable urn:uuid from the title and
	// authors.
	Identifier string
	// Publisher, Description and Rights are optional metadata for the
	// EPUB's package document (the PDF's subject is the subtitle, else
	// the description).
	Publisher   string // publisher:, "" when absent
	Description string // description:, "" when absent
	Rights      string // rights:, "" when absent

	// Cover is the absolute path of the cover image, or "".
	Cover string
	// CoverPos is where the manifest names the cover, for messages.
	CoverPos diag.Pos

	// Site is the Jekyll site the posts come from, or nil.
	Site *Site

	// Chapters lists the book's content in order.
	Chapters []Entry

	// MaxImagePixels bounds width×height of any image the book reads, so
	// that a decompression bomb is refused before it is decoded.
	MaxImagePixels int64

	// EPUB, PDF and Math are the settings under epub:, pdf: and math:.
	EPUB EPUBOptions // epub:, with every default applied
	PDF  PDFOptions  // pdf:, with every default applied
	Math MathOptions // math:, with every default applied

	// Timestamp, when not zero, is the time stamped into the outputs and
	// the clock Liquid reads; the command line sets it from
	// SOURCE_DATE_EPOCH. When zero, the book's date serves.
	Timestamp time.Time
}

// Site names a Jekyll site and overrides parts of its _config.yml.
type Site struct {
	// Root is the absolute path of the site's folder (site.root), where
	// _config.yml, /assets/… and the posts that {% post_url %} names are
	// found.
	Root string
	// RootPos is where the manifest names the root, for messages.
	RootPos diag.Pos
	// URL and BaseURL replace _config.yml's url and baseurl when HasURL
	// and HasBaseURL say the manifest sets them (to "" too); a trailing
	// slash is removed.
	URL        string // site.url without its trailing slash
	HasURL     bool   // the manifest sets url (possibly to "")
	BaseURL    string // site.baseurl without its trailing slash
	HasBaseURL bool   // the manifest sets baseurl (possibly to "")
}

// Entry is one item of a chapters list: either a path or glob naming
// posts, or a part with chapters of its own.
type Entry struct {
	// Pattern is an absolute path or glob; "" for a part.
	Pattern string
	// Part is the part's title when the entry is a part.
	Part string
	// Chapters are the part's own entries.
	Chapters []Entry
	// Pos is where the entry stands in the manifest.
	Pos diag.Pos
}

// IsPart reports whether the entry is a part.
func (e Entry) IsPart() bool { return e.Pattern == "" }

// EPUBOptions are the options of the EPUB writer.
type EPUBOptions struct {
	// CSS is an absolute path of a stylesheet added after the default one.
	CSS string
	// CSSPos is where the manifest names it.
	CSSPos diag.Pos
	// EmbedFonts embeds the shipped fonts, subset to the characters used.
	EmbedFonts bool
	// TOCDepth is how many heading levels the table of contents shows:
	// 1 lists chapters, 2 adds their ## headings.
	TOCDepth int
	// MaxImagePx is the longest side, in pixels, an image is scaled down to.
	MaxImagePx int
	// Math is how formulas are written: SVG pictures, MathML, or both.
	Math EPUBMath
}

// MathOptions say what is math in the posts.
type MathOptions struct {
	// Inline decides whether $…$ is inline math.
	Inline MathInline
	// Numbering decides whether equations are numbered.
	Numbering MathNumbering
	// Macros are TeX macros for every formula of the book, after the
	// site's MathJax macros (a macro named in both is the manifest's).
	Macros []MathMacro
	// MacrosPos is where they are given, for messages about them.
	MacrosPos diag.Pos
}

// MathMacro is a macro: \Name stands for Body, with Args arguments.
type MathMacro struct {
	// Name is the control word without its backslash (RR for \RR).
	Name string
	// Body is the TeX the macro stands for, with #1…#9 for its arguments.
	Body string
	// Args is how many arguments the macro takes, 0 to 9.
	Args int
}

// PDFOptions are the options of the PDF writer.
type PDFOptions struct {
	// Paper is the trim size.
	Paper Paper
	// PaperPos and FontSizePos are where the manifest sets the paper and
	// the body size (zero for a default or a command-line flag): the
	// layout, which decides whether a text block is large enough to set
	// a book in, reports settings it refuses there.
	PaperPos, FontSizePos diag.Pos
	// LineBreak is KeepAll (word basis, the default) or Normal.
	LineBreak LineBreak
	// Indent is the first-line indent of paragraphs in em; 0 separates
	// paragraphs by space instead.
	Indent float64
	// FontSize is the body size in points.
	FontSize float64
	// LineHeight is the body line height as a multiple of FontSize.
	LineHeight float64
	// RectoChapters starts every chapter on an odd page.
	RectoChapters bool
	// Fonts are TrueType files per role, regular then bold (a lone file
	// serves both weights), tried before the shipped faces.
	Fonts map[FontRole][]FontFile
}

// FontFile is a font file the manifest names.
type FontFile struct {
	// Path is absolute.
	Path string
	// Pos is where the manifest names it.
	Pos diag.Pos
}
