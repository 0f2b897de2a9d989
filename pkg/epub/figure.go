package epub

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// figure writes an image that stands alone in its paragraph as a figure,
// captioned with its title, else its alt text (book.FigureAlt).
func (r *renderer) figure(img *ast.Image) {
	r.t.open("figure", nil, false, "")
	r.writeImage(img)
	caption := string(img.Title)
	if caption == "" && r.packaged(img) {
		caption = book.FigureAlt(r.alt(img))
	}
	if caption != "" {
		r.t.open("figcaption", nil, false, "")
		r.t.text(caption)
		r.t.close()
	}
	r.t.close()
	r.t.text("\n")
}

// writeImage writes the packaged image, or its alt text in a frame when
// the book could not use it (the book has warned already).
func (r *renderer) writeImage(img *ast.Image) {
	alt := r.alt(img)
	if !r.packaged(img) {
		r.missingImage(alt, string(img.Destination))
		return
	}
	name := r.p.images[r.refs[img].Asset]
	attrs := []html.Attribute{kv("src", name), kv("alt", alt)}
	r.image(append(attrs, r.attrs("img", "img", astAttrs(img), "")...), false)
}

// image writes an img element (attrs hold its src and alt).
func (r *renderer) image(attrs []html.Attribute, raw bool) {
	if r.t.leaf("img", attrs, raw, "img") != nil {
		r.d.hasImages = true
	}
}

// packaged reports whether the image's file is in the EPUB.
func (r *renderer) packaged(img *ast.Image) bool {
	ref := r.refs[img]
	return ref != nil && ref.Asset != nil && r.p.images[ref.Asset] != ""
}

func (r *renderer) alt(img *ast.Image) string {
	if ref := r.refs[img]; ref != nil {
		return ref.Alt
	}
	return string(img.Text(r.src)) // only for images the book did not record
}

// missingImage writes the visible stand-in for an image the EPUB lacks:
// its alt text, else the file name it asked for, in a frame.
func (r *renderer) missingImage(alt, src string) {
	r.t.open("span", []html.Attribute{kv("class", "image-missing")}, false, "")
	r.t.text(book.StandIn(alt, src))
	r.t.close()
}
