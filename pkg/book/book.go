// Package book is publish's document model: a book's metadata, its parts
// and chapters with their Markdown syntax trees, every asset the book will
// read, the anchors chapters define and the links between them.
//
// Load builds a Book from a manifest. It is the only step that reads input
// files, and it reads them through a sandbox that refuses anything outside
// the site root and the manifest's folder, so the writers (EPUB, PDF) never
// touch the file system on their own.
package book

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/highlight"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/source"
	"github.com/hangul-press/publish/pkg/truetype"
	"github.com/yuin/goldmark/ast"
)

// Book is a loaded, checked book.
type Book struct {
	// Config is the resolved configuration the book was loaded with; the
	// writers take their settings from it (Config.EPUB, Config.PDF).
	Config *manifest.Manifest
	// Emoji is true when the site lists the jemoji plugin: emoji
	// shortcodes (:smile:) are emoji in Markdown text, which the parser
	// turns, and in the text of raw HTML, which the writers turn with
	// markdown.Emojify, outside pre, code and tt as jemoji does.
	Emoji bool
	// Meta is the book's metadata: the manifest's, with what the chapters
	// give filled in (date, subjects, identifier; title and authors for
	// a book of posts).
	Meta Meta
	// Time is stamped into the outputs and is the clock of Liquid's
	// "now": Config.Timestamp when set, else the book's date; for a book
	// with neither (Undated), the Unix epoch, as SOURCE_DATE_EPOCH=0 would
	// give.
	Time time.Time
	// Undated is set when nothing gives the book a date: no Timestamp, no
	// date in the manifest, no dated post. Writers leave out the
	// publication date then (Time still stamps what needs a time).
	Undated bool
	// Parts holds the book's content in order. Chapters that belong to no
	// part sit in parts whose Title is "".
	Parts []*Part
	// Assets are the files the book uses, in first-use order, one each.
	Assets []*Asset
	// Cover is the cover image, or nil.
	Cover *Asset
	// Site is the Jekyll site the posts come from; nil when there is none.
	Site *source.Site
	// Stylesheet is the manifest's epub.css, read and checked at load
	// time; nil when there is none. StylesheetName names it in messages.
	Stylesheet     []byte
	StylesheetName string // the stylesheet's path as shown in messages; "" when there is none
	// Fonts are the manifest's pdf.fonts, read and checked at load time,
	// per role, regular then bold.
	Fonts map[manifest.FontRole][]*FontFile
	// Math is how the book reads math: the site's MathJax configuration
	// and the manifest's settings over it.
	Math Math
	// Inputs are the files Load read (posts, included files, images, the
	// stylesheet, fonts, _config.yml), sorted, in the form of the
	// sandbox's paths; the manifest itself is not among them.
	Inputs []string

	links linkIndex
}

// Meta is the book's metadata, from the manifest with defaults filled in.
type Meta struct {
	// Title is the manifest's title; for a book of posts (no title in
	// the configuration), the first chapter's title.
	Title    string
	Subtitle string // "" when the manifest gives none
	// Authors are the manifest's authors; for a book of posts without
	// them, the first post's front matter author, else _config.yml's
	// author; empty when none of these names one.
	Authors  []string
	Language string // the manifest's language, a BCP 47 tag ("ko" unless set)
	// Date is the manifest's date, else the newest chapter's date; zero
	// when neither gives one (Book.Undated).
	Date time.Time
	// Identifier is the manifest's identifier, else a urn:uuid derived
	// from Title and Authors; never empty.
	Identifier  string
	Publisher   string // the manifest's publisher; "" when absent
	Description string // the manifest's description; "" when absent
	Rights      string // the manifest's rights statement; "" when absent
	// Subjects are the tags and categories of all chapters, sorted, once each.
	Subjects []string
}

// Part is a titled group of chapters. A Part with an empty Title groups
// chapters that stand outside any part.
type Part struct {
	Title    string     // the part's title from the manifest; "" for chapters outside any part
	Pos      diag.Pos   // where the manifest names the part; the zero Pos when Title is ""
	Chapters []*Chapter // the part's chapters in book order
}

// Chapter is one post of the book.
type Chapter struct {
	// ID is unique in the book and safe as a file name: c001, c002, …
	ID string
	// Post is the post the chapter was read from: its front matter,
	// body after Liquid, and the map back to its original lines.
	Post *source.Post
	// Title is the front matter title, else the first H1, else the slug.
	Title string
	// TitleHeading is the first H1 of the body when Title came from it;
	// writers then leave that heading out rather than print it twice (its
	// id stays the title's). Nil when the title came from elsewhere.
	TitleHeading *Heading
	// Date is the post's date (front matter, else file name); zero when
	// the post has neither.
	Date time.Time
	// Tags are the post's tag/tags, once each, in the order written;
	// empty when it has none.
	Tags []string
	// Categories are the folders above _posts, then the post's
	// category/categories, once each; empty when there are none.
	Categories []string
	// Source is the path of the post as given in messages.
	Source string
	// Doc is the Markdown syntax tree of Post.Body.
	Doc ast.Node
	// Headings lists the chapter's headings in order, with their IDs.
	Headings []Heading
	// Images are the image references in the chapter, in order.
	Images []*ImageRef
	// Code holds every code block's highlighting, by its node.
	Code map[ast.Node]*highlight.Code
	// Math holds every formula (a markdown.MathInline or MathBlock), by
	// its node.
	Math map[ast.Node]*Formula
	// Stats counts what the chapter holds, for outlines.
	Stats Stats

	realPath string
	anchors  map[string]bool
	labels   map[string]string // equation labels and what \eqref shows
}

// Src returns the Markdown text the chapter's syntax tree refers to.
func (c *Chapter) Src() []byte { return c.Post.Body }

// Heading is a heading of a chapter.
type Heading struct {
	// Level is the level as written: 1 for #, 2 for ##…
	Level int
	// Depth is the level in the book's structure, the one rule both
	// outputs' tables of contents and outlines follow: the chapter title
	// is 1, and the shallowest level among the chapter's other headings
	// is 2, whether the post writes its sections as ## or ###.
	Depth int
	// Text is the heading's plain text, trimmed, with its formulas as
	// Unicode text; it may be empty.
	Text string
	// ID is the heading's id attribute: the one written ({#id}), else the
	// one generated from its text as Jekyll's kramdown would.
	ID   string
	Node ast.Node // the *ast.Heading in Chapter.Doc
}

// Stats counts a chapter's content.
type Stats struct {
	// Chars counts the characters of text, spaces excluded.
	Chars  int
	Images int // counts image references (Markdown and raw HTML <img>), missing ones included
}

// Asset is an image the book uses, read and checked. Load reads each file
// once, to learn its type, size and checksum, and keeps none of its bytes:
// a book of a thousand photographs would otherwise hold them all at once.
// A writer reads the bytes again when it needs them (Bytes), one image at
// a time.
type Asset struct {
	// Path is the absolute, symlink-free path of the file.
	Path string
	// Name is a zip-safe name unique in the book, such as images/a.png.
	Name string
	// MediaType is sniffed from the bytes, not taken from the file name.
	MediaType string
	// Width and Height are the image's size in pixels, from its header (0
	// for SVG).
	Width  int
	Height int // in pixels; 0 for SVG
	// Size is the file's length in bytes and Sum its SHA-256: the
	// identity of its content, which writers use to do the work of one
	// content once however many files and references hold it.
	Size int64
	Sum  [sha256.Size]byte // SHA-256 of the file's bytes
	// DecodeBytes estimates the memory that decoding the image takes at
	// its peak (raster.Info); 0 for SVG.
	DecodeBytes int64

	// read reads the file again; data holds the bytes of an asset made
	// in memory (NewAsset).
	read func() ([]byte, error)
	data []byte

	mu      sync.Mutex
	problem error
}

// Bytes returns the asset's bytes: read again from the file, through the
// same sandbox rules as Load, and checked against the size and checksum
// Load took, so that every writer sees the bytes that were checked.
func (a *Asset) Bytes() ([]byte, error) {
	if a.data != nil {
		return a.data, nil
	}
	if a.read == nil {
		return nil, errors.New("the image has no data (an asset not made by book.Load or book.NewAsset)")
	}
	data, err := a.read()
	if err != nil {
		return nil, fmt.Errorf("reading it again: %v", err)
	}
	if int64(len(data)) != a.Size || sha256.Sum256(data) != a.Sum {
		return nil, errors.New("the file changed while the book was being made; build again")
	}
	return data, nil
}

// NewAsset makes an asset from bytes in memory, checked as Load checks a
// file: its type and size come from the bytes, and an image above
// maxPixels is refused. name is its zip-safe name, such as images/a.png.
func NewAsset(name string, data []byte, maxPixels int64) (*Asset, error) {
	a := &Asset{Path: name, Name: name, data: data}
	if err := a.sniff(data, maxPixels); err != nil {
		return nil, err
	}
	return a, nil
}

// Problem returns why a writer could not use the asset (SetProblem), or
// nil. When two writers run in one process (publish check runs both), the
// second reports the first one's reason and skips the work.
func (a *Asset) Problem() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.problem
}

// SetProblem records why a writer could not use the asset; the first
// reason recorded stays.
func (a *Asset) SetProblem(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.problem == nil {
		a.problem = err
	}
}

// ImageRef is one use of an image in a chapter.
type ImageRef struct {
	// Node is the image node (an *ast.Image, or the raw HTML node that
	// holds an <img>).
	Node ast.Node
	// URL is the reference as written.
	URL string
	// Alt is the alt text: a Markdown image's description as plain text
	// (formulas as Unicode), or an <img>'s alt attribute; "" when none.
	Alt string
	// Pos is where the reference stands in the post's original file: the
	// "![" of a Markdown image, the start of the raw HTML that holds an
	// <img>; just the file when neither is known.
	Pos diag.Pos
	// Asset is the resolved file, or nil when the image is missing, remote
	// or refused; the writers then show Alt in a frame.
	Asset *Asset
	// Remote is true for http(s) images, which are never fetched.
	Remote bool
	// Width, Height and Style are the size the author asked for, as
	// written: an HTML or kramdown width="50%" or width="500", height,
	// and a style attribute ("width: 60%; max-width: 100%"); "" when
	// absent. The EPUB keeps them as CSS; the PDF reads them as shares of
	// the text block and CSS pixels.
	Width, Height, Style string
}

// FigureAlt is what of an image's alt text its figure shows as a caption:
// the alt text, unless it only names a picture's format or says "image"
// (png, svg, jpeg, image, img, 그림 파일…), as Jupyter's Markdown export
// writes for every plot (![png](output_5_0.png)): a caption "png" under
// each plot says nothing. Both writers ask it.
func FigureAlt(alt string) string {
	switch strings.ToLower(strings.TrimSpace(alt)) {
	case "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "image", "img", "picture", "figure",
		"image/png", "image/jpeg", "image/svg+xml", "이미지", "그림":
		return ""
	}
	return alt
}

// StandIn is the text shown in place of an image that cannot be shown:
// its alt text, else the name of the file it asked for. Both writers show
// the same words.
func StandIn(alt, url string) string {
	if strings.TrimSpace(alt) != "" {
		return alt
	}
	return path.Base(url)
}

// WarnUnusable reports at the reference an image that a writer cannot
// use, in the one wording both writers share (so that check, which runs
// both, says it once).
func (r *ImageRef) WarnUnusable(diags *diag.List, err error) {
	diags.Warnf(r.Pos, "image %s cannot be used: %v; the alt text is shown instead", r.URL, err)
}

// FontFile is a TrueType file the manifest names for a role.
type FontFile struct {
	manifest.FontFile
	Data []byte // the file's bytes as read and checked at load time
	// Font is the parsed face; Parse has checked what the writers need.
	Font *truetype.Font
}

// Chapters returns every chapter of the book in order.
func (b *Book) Chapters() []*Chapter {
	var out []*Chapter
	for _, p := range b.Parts {
		out = append(out, p.Chapters...)
	}
	return out
}
