package pdf

import (
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"

	"github.com/hangul-press/publish/pkg/layout"
)

// paintPages adds one PDF page per layout page and draws its elements in
// order, checking fpdf's error state after each one so that an error names
// the element that caused it.
func (p *painter) paintPages() error {
	if len(p.doc.Pages) == 0 {
		return errors.New("document has no pages")
	}
	for i, page := range p.doc.Pages {
		p.f.AddPage()
		for j, el := range page.Elements {
			err := p.element(el)
			if err == nil {
				err = p.f.Error()
			}
			if err != nil {
				return fmt.Errorf("page %d, element %d: %w", i+1, j+1, err)
			}
		}
		if p.progress != nil {
			p.progress(progress.WritingPages, i+1, len(p.doc.Pages))
		}
	}
	return nil
}

// element draws one element according to its type.
func (p *painter) element(el layout.Element) error {
	switch el := el.(type) {
	case layout.Text:
		return p.text(el)
	case layout.Rule:
		return p.rule(el)
	case layout.Rect:
		return p.rect(el)
	case layout.Image:
		return p.image(el)
	case layout.Link:
		return p.link(el)
	default:
		return fmt.Errorf("unknown element type %T", el)
	}
}

// rule draws a straight line with butt ends (fpdf's and PDF's default cap),
// so that it ends exactly at its end points.
func (p *painter) rule(r layout.Rule) error {
	if r.Width <= 0 {
		return fmt.Errorf("rule width %g pt is not positive", r.Width.Pt())
	}
	p.f.SetDrawColor(int(r.Color.R), int(r.Color.G), int(r.Color.B))
	p.f.SetLineWidth(r.Width.Pt())
	p.f.Line(r.X1.Pt(), r.Y1.Pt(), r.X2.Pt(), r.Y2.Pt())
	return nil
}

// rect fills a rectangle, or strokes its outline in the same colour when
// Stroke is set.
func (p *painter) rect(r layout.Rect) error {
	c := r.Fill
	if !r.Stroke {
		p.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		p.f.Rect(r.X.Pt(), r.Y.Pt(), r.W.Pt(), r.H.Pt(), "F")
		return nil
	}
	if r.LineWidth <= 0 {
		return fmt.Errorf("stroked rectangle line width %g pt is not positive", r.LineWidth.Pt())
	}
	p.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.f.SetLineWidth(r.LineWidth.Pt())
	p.f.Rect(r.X.Pt(), r.Y.Pt(), r.W.Pt(), r.H.Pt(), "D")
	return nil
}
