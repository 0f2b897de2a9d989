package epub

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/texmath"
)

// mathML writes a formula as MathML with its TeX in alttext, display
// formulas with display="block", in what MathML Core renderers show
// (texmath's Core option: Unicode math alphabets, no mlabeledtr). A
// display formula's own tag is HTML text at the right margin, as in the
// SVG; the tags of table rows are their last cells. links says whether an
// \eqref inside may be a link (href on its mtext, MathML 3). hidden hides
// the MathML from the eye but not from assistive technology, beside an SVG
// that shows it (which then sets the tag).
func (r *renderer) mathML(f *book.Formula, links, hidden bool) (mathOut, error) {
	opt := texmath.MathMLOptions{Ref: r.c.Ref, Core: true}
	if links {
		opt.Link = r.eqLink
	}
	out := mathOut{markup: f.Tree.MathML(opt)}
	r.d.mathml = true
	if hidden {
		out.markup = `<span class="math-a11y">` + out.markup + `</span>`
		return out, nil
	}
	if tag := f.Tree.OwnTag(); tag != "" && f.Display {
		measure, err := r.p.mathMeasurer()
		if err != nil {
			return mathOut{}, err
		}
		w, _, _ := measure.MeasureText(texmath.TextRun{Text: tag, Size: 100})
		out.tags, out.tagText = escapeText(xmlText(tag)), tag
		out.pad = emLength(float64(w)/float64(texmath.Em(1, 1)) + tagGap)
	}
	return out, nil
}
