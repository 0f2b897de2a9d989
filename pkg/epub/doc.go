// Package epub renders a loaded book to an EPUB 3 publication that
// EPUBCheck accepts without errors or warnings.
//
// Each chapter becomes one XHTML content document, rendered from its
// goldmark tree with goldmark's HTML renderer plus the node renderers in
// this package (figures, links into the book, highlighted code, math, raw
// HTML). The rendered HTML of a chapter is then parsed again with
// golang.org/x/net/html and rebuilt from an allow-list (sanitize.go), so
// every document is well-formed XHTML whatever the post's raw HTML held,
// and so that footnotes become EPUB popup notes in one place.
//
// # Why the container is written here and not by go-epub
//
// go-epub v1.2.1 was the first choice, and its facts decided against it:
// WriteTo always builds the book in a directory named by a random UUID under
// os.TempDir (through a package-level file system), stamps time.Now() into
// dcterms:modified, draws a random urn:uuid identifier, logs with
// log.Println, nests the table of contents one level, has no setters for
// publisher, subjects, rights, subtitle or accessibility metadata, writes
// no landmarks, and wraps every section in a template without the epub
// namespace or a lang attribute, so epub:type (needed for popup footnotes)
// would be an undeclared prefix. Keeping it would have meant rewriting
// package.opf, nav.xhtml, toc.ncx and every content document afterwards:
// everything but META-INF/container.xml. So this package writes the
// OCF zip itself with archive/zip (zip.go), in a fixed order with fixed
// timestamps, and nothing of go-epub remains but the layout it taught:
// mimetype stored first, then container.xml, then the package.
//
// # Reproducibility
//
// The output depends only on the book and the Options: the modification
// date comes from Options.Time, zip entries carry one fixed timestamp and
// are written in a fixed order, and no map iteration reaches the output.
package epub
