package pdf

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/layout"
)

// plan is what the painter knows before it paints a page: every face with
// the glyphs drawn in it, the images in the order they are first drawn,
// and the anchors. Making it checks every element, so that painting itself
// cannot fail on the document's content, and an error names the page and
// element at fault.
type plan struct {
	doc     *layout.Document
	faces   []*faceUse // by layout.FontID
	anchors map[string]anchorPos
	// linked lists the anchors some link points to, in the order first
	// linked; only they become named destinations.
	linked []string
	images *imageSet
	// vectors are the vectors checked so far (vector.go).
	vectors map[*layout.Vector]bool
}

// newPlan checks doc and collects what painting needs.
func newPlan(doc *layout.Document) (*plan, error) {
	faces, err := parseFaces(doc.Fonts)
	if err != nil {
		return nil, err
	}
	anchors, err := collectAnchors(doc.Pages)
	if err != nil {
		return nil, err
	}
	if len(doc.Pages) == 0 {
		return nil, errors.New("document has no pages")
	}
	p := &plan{doc: doc, faces: faces, anchors: anchors, images: newImageSet()}
	linked := map[string]bool{}
	for i, page := range doc.Pages {
		for j, el := range page.Elements {
			if err := p.check(el, linked); err != nil {
				return nil, fmt.Errorf("page %d, element %d: %w", i+1, j+1, err)
			}
			if im, ok := el.(layout.Image); ok {
				p.images.use(im, i, j)
			}
		}
	}
	if err := checkOutline(doc.Outline, len(doc.Pages), 0); err != nil {
		return nil, err
	}
	return p, nil
}

// check checks one element and records the glyphs, images and anchors it
// uses.
func (p *plan) check(el layout.Element, linked map[string]bool) error {
	switch el := el.(type) {
	case layout.Text:
		return p.checkText(el)
	case layout.Glyphs:
		return p.checkGlyphs(el)
	case layout.Rule:
		if el.Width <= 0 {
			return fmt.Errorf("rule width %g pt is not positive", el.Width.Pt())
		}
	case layout.Rect:
		if el.Stroke && el.LineWidth <= 0 {
			return fmt.Errorf("stroked rectangle line width %g pt is not positive", el.LineWidth.Pt())
		}
	case layout.Image:
		if err := p.images.check(el); err != nil {
			return fmt.Errorf("image %q: %w", el.Key, err)
		}
		if el.Vector != nil {
			if err := p.checkVector(el.Vector); err != nil {
				return fmt.Errorf("image %q: %w", el.Key, err)
			}
		}
		// The fallback's glyphs go into the subsets whether or not it is
		// drawn: which images fail is known only once they are written.
		for _, f := range el.Fallback {
			if err := p.check(f, linked); err != nil {
				return fmt.Errorf("image %q: fallback: %w", el.Key, err)
			}
		}
	case layout.Link:
		if err := checkLink(el, p.anchors); err != nil {
			return err
		}
		if el.Anchor != "" && !linked[el.Anchor] {
			linked[el.Anchor] = true
			p.linked = append(p.linked, el.Anchor)
		}
	default:
		return fmt.Errorf("unknown element type %T", el)
	}
	return nil
}

// checkFont refuses a font id outside the document's faces and a size that
// is not positive.
func (p *plan) checkFont(id layout.FontID, size layout.Length) error {
	if id < 0 || int(id) >= len(p.faces) {
		return fmt.Errorf("unknown font id %d (document has %d faces)", id, len(p.faces))
	}
	if size <= 0 {
		return fmt.Errorf("font size %g pt is not positive", size.Pt())
	}
	return nil
}

// checkText checks a text run and records its glyphs: every character must
// be valid UTF-8 and have a glyph in the run's face.
func (p *plan) checkText(t layout.Text) error {
	if err := p.checkFont(t.Font, t.Size); err != nil {
		return fmt.Errorf("text %q: %w", t.Text, err)
	}
	if !utf8.ValidString(t.Text) {
		return fmt.Errorf("text %q: invalid UTF-8", t.Text)
	}
	if err := p.faces[t.Font].useText(t.Text); err != nil {
		return fmt.Errorf("text %q: %w", t.Text, err)
	}
	return nil
}

// checkGlyphs checks a run of glyphs by id and records them: each id must
// be a glyph of the face, and each text valid UTF-8.
func (p *plan) checkGlyphs(g layout.Glyphs) error {
	if err := p.checkFont(g.Font, g.Size); err != nil {
		return fmt.Errorf("glyphs: %w", err)
	}
	fu := p.faces[g.Font]
	n := fu.font.NumGlyphs()
	for _, gp := range g.Glyphs {
		if int(gp.ID) >= n {
			return fmt.Errorf("glyphs: glyph %d is past the last glyph of face %q (%d glyphs)", gp.ID, fu.source, n)
		}
		if !utf8.ValidString(gp.Text) {
			return fmt.Errorf("glyphs: text %q of glyph %d: invalid UTF-8", gp.Text, gp.ID)
		}
		fu.use(gp.ID, gp.Text)
	}
	return nil
}
