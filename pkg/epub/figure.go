package epub

import (
	"html"

	"github.com/yuin/goldmark/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// image writes an image inside running text.
func (r *nodeRenderer) image(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.writeImage(w, src, n.(*ast.Image))
	}
	return ast.WalkSkipChildren, nil
}

// figure writes an image that stands alone in its paragraph as a figure,
// captioned with its title, else its alt text.
func (r *nodeRenderer) figure(w util.BufWriter, src []byte, img *ast.Image) {
	_, _ = w.WriteString("<figure>")
	r.writeImage(w, src, img)
	caption := string(img.Title)
	if caption == "" && r.packaged(img) {
		caption = r.alt(img, src)
	}
	if caption != "" {
		_, _ = w.WriteString("<figcaption>" + html.EscapeString(caption) + "</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
}

// writeImage writes the packaged image, or its alt text in a frame when
// the book could not use it (the book has warned already).
func (r *nodeRenderer) writeImage(w util.BufWriter, src []byte, img *ast.Image) {
	alt := r.alt(img, src)
	if !r.packaged(img) {
		_, _ = w.WriteString(`<span class="image-missing">` + html.EscapeString(missingText(alt, string(img.Destination))) + `</span>`)
		return
	}
	name := r.p.images[r.refs[img].Asset]
	r.d.hasImages = true
	_, _ = w.WriteString(`<img data-epub-asset="" src="` + html.EscapeString(name) + `" alt="` + html.EscapeString(alt) + `"`)
	ghtml.RenderAttributes(w, img, nil)
	_, _ = w.WriteString("/>")
}

// packaged reports whether the image's file is in the EPUB.
func (r *nodeRenderer) packaged(img *ast.Image) bool {
	ref := r.refs[img]
	return ref != nil && ref.Asset != nil && r.p.images[ref.Asset] != ""
}

func (r *nodeRenderer) alt(img *ast.Image, src []byte) string {
	if ref := r.refs[img]; ref != nil {
		return ref.Alt
	}
	return string(img.Text(src)) // only for images the book did not record
}
