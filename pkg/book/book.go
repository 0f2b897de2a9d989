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
	Meta   Meta
	// Time is stamped into the outputs and is the clock of Liquid's
	// "now": Config.Timestamp when set, else the book's date.
	Time time.Time
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
	StylesheetName string
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
	Title       string
	Subtitle    string
	Authors     []string
	Language    string
	Date        time.Time
	Identifier  string
	Publisher   string
	Description string
	Rights      string
	// Subjects are the tags and categories of all chapters, sorted, once each.
	Subjects []string
}

// Part is a titled group of chapters. A Part with an empty Title groups
// chapters that stand outside any part.
type Part struct {
	Title    string
	Pos      diag.Pos
	Chapters []*Chapter
}

// Chapter is one post of the book.
type Chapter struct {
	// ID is unique in the book and safe as a file name: c001, c002, …
	ID   string
	Post *source.Post
	// Title is the front matter title, else the first H1, else the slug.
	Title string
	// TitleHeading is the first H1 of the body when Title came from it;
	// writers then leave that heading out rather than print it twice (its
	// id stays the title's). Nil when the title came from elsewhere.
	TitleHeading *Heading
	Date         time.Time
	Tags         []string
	Categories   []string
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
	Text  string
	ID    string
	Node  ast.Node
}

// Stats counts a chapter's content.
type Stats struct {
	// Chars counts the characters of text, spaces excluded.
	Chars  int
	Images int
}

// Asset is a file the book uses, read and checked.
type Asset struct {
	// Path is the absolute, symlink-free path of the file.
	Path string
	// Name is a zip-safe name unique in the book, such as images/a.png.
	Name string
	// MediaType is sniffed from the bytes, not taken from the file name.
	MediaType string
	Width     int
	Height    int
	Data      []byte
}

// ImageRef is one use of an image in a chapter.
type ImageRef struct {
	// Node is the image node (an *ast.Image, or the raw HTML node that
	// holds an <img>).
	Node ast.Node
	// URL is the reference as written.
	URL string
	Alt string
	Pos diag.Pos
	// Asset is the resolved file, or nil when the image is missing, remote
	// or refused; the writers then show Alt in a frame.
	Asset *Asset
	// Remote is true for http(s) images, which are never fetched.
	Remote bool
}

// FontFile is a TrueType file the manifest names for a role.
type FontFile struct {
	manifest.FontFile
	Data []byte
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
