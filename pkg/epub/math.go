package epub

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// Math is written as the manifest's epub.math says (mathsvg.go,
// mathml.go): a picture of publish's own layout (svg, the default: every
// reading app shows it), MathML (mathml), or the picture with the MathML
// kept for assistive technology (both). Each formula stands in an element
// of class "math" (a span, or a div when it is a paragraph of its own;
// "math display" for display formulas), which carries the ids of its
// \label's. A formula book.Load could not parse shows its TeX in a
// <code class="math-error">.

// mathInline writes inline math, or display math inside a paragraph.
func (r *renderer) mathInline(n *markdown.MathInline) {
	r.formula(n, "span", n.Display)
}

// mathBlock writes display math that is a paragraph of its own.
func (r *renderer) mathBlock(n *markdown.MathBlock) {
	r.formula(n, "div", true)
	r.t.text("\n")
}

// formula writes one formula in an element name ("span" or "div").
func (r *renderer) formula(n ast.Node, name string, display bool) {
	f := r.c.Math[n]
	if f == nil || f.Tree == nil {
		r.mathError(n, name, display)
		return
	}
	// An \eqref inside a link cannot be a link of its own; a formula that
	// is nothing but one is an HTML link, which every reader follows.
	inLink := hasAncestor(r.t.cur, "a")
	href, whole := r.wholeRef(f.Tree)
	whole = whole && !inLink
	var out mathOut
	var err error
	// A formula of nothing (only definitions, only a \label) shows
	// nothing, as in MathJax; its element still anchors its label.
	if len(f.Tree.Root.Kids) > 0 {
		out, err = r.mathMarkup(f, !whole && !inLink)
	}
	if err != nil {
		r.warnf("math: %v; the formula's TeX is shown instead", err)
		r.mathError(n, name, display)
		return
	}
	class := "math"
	if display {
		class = "math display"
	}
	if out.tags != "" {
		class += " tagged"
	}
	el := r.t.open(name, []html.Attribute{kv("class", class)}, false, "")
	if el != nil {
		r.placeLabels(el, n, f.Tree)
	}
	if whole {
		r.t.open("a", []html.Attribute{kv("href", href)}, false, "")
		r.t.raw(out.markup, out.text, out.bold)
		r.t.close()
	} else {
		r.tagged(out)
	}
	r.t.close()
}

// mathMarkup writes a formula as the manifest's epub.math asks; links
// says whether an \eqref inside it may be a link.
func (r *renderer) mathMarkup(f *book.Formula, links bool) (mathOut, error) {
	switch r.p.book.Config.EPUB.Math {
	case manifest.MathML:
		return r.mathML(f, links, false)
	case manifest.MathBoth:
		// The picture for the eye, hidden from assistive technology; the
		// MathML for assistive technology, hidden from the eye (style.css).
		out, err := r.mathSVG(f, links, true)
		if err != nil {
			return out, err
		}
		mml, err := r.mathML(f, false, true)
		out.markup += mml.markup
		return out, err
	}
	return r.mathSVG(f, links, false)
}

// mathOut is a formula written as markup, with the text that the reader's
// font draws in it (for the font subsets) and its equation tags, if any.
type mathOut struct {
	markup string
	// text and bold are the \text runs drawn in the text face, regular
	// and bold.
	text, bold string
	// tags is the SVG of the equation tags, set at the right margin, and
	// tagText its text; pad is the width of its column, a CSS length.
	tags, tagText, pad string
}

// tagged writes a formula, with its tags at the right margin when it has
// any: three cells side by side (a gap as wide as the tags, the formula
// centred, the tags), aligned on the formula's baseline. CSS tables are
// what reading systems have supported longest.
func (r *renderer) tagged(out mathOut) {
	if out.tags == "" {
		r.t.raw(out.markup, out.text, out.bold)
		return
	}
	width := kv("style", "width:"+out.pad)
	r.t.open("span", []html.Attribute{kv("class", "math-gap"), width}, false, "")
	r.t.close()
	r.t.open("span", []html.Attribute{kv("class", "math-body")}, false, "")
	r.t.raw(out.markup, out.text, out.bold)
	r.t.close()
	r.t.open("span", []html.Attribute{kv("class", "math-tags"), width}, false, "")
	r.t.raw(out.tags, out.tagText, "")
	r.t.close()
}

// mathError shows the TeX of a formula that could not be set, marked.
func (r *renderer) mathError(n ast.Node, name string, display bool) {
	class := "math"
	if display {
		class = "math display"
	}
	r.t.open(name, []html.Attribute{kv("class", class)}, false, "")
	r.t.open("code", []html.Attribute{kv("class", "math-error")}, false, "")
	r.t.text(texOf(n, r.src, r.c.Math[n]))
	r.t.close()
	r.t.close()
}

// texOf is a formula's TeX source.
func texOf(n ast.Node, src []byte, f *book.Formula) string {
	if f != nil {
		return f.TeX
	}
	switch n := n.(type) {
	case *markdown.MathInline:
		return string(n.TeX(src))
	case *markdown.MathBlock:
		return string(n.TeX(src))
	}
	return ""
}
