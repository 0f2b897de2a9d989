package pdf

import (
	"github.com/hangul-press/publish/pkg/progress"
	"sync"

	"github.com/hangul-press/publish/pkg/layout"
)

// painter turns checked pages into content streams. It only reads the
// plan, so pages are painted in parallel.
type painter struct {
	*plan
	height layout.Length
}

// paintedPage is a page's compressed content stream, the fonts and images
// its resources must list, and its links.
type paintedPage struct {
	content       []byte
	fonts, images []bool
	links         []layout.Link
}

// paintPages paints every page, in parallel, and reports progress as pages
// are done.
func (p *painter) paintPages(report progress.Func) ([]*paintedPage, error) {
	pages := make([]*paintedPage, len(p.doc.Pages))
	var mu sync.Mutex
	done := 0
	err := inParallel(len(pages), func(cmp *compressor, i int) error {
		pages[i] = p.paintPage(cmp, p.doc.Pages[i])
		if report != nil {
			mu.Lock()
			done++
			report(progress.WritingPages, done, len(pages))
			mu.Unlock()
		}
		return nil
	})
	return pages, err
}

// paintPage draws one page's elements in order.
func (p *painter) paintPage(cmp *compressor, page *layout.Page) *paintedPage {
	c := newContent(p.height, len(p.faces), len(p.images.list))
	out := &paintedPage{}
	for _, el := range page.Elements {
		p.element(c, out, el)
	}
	out.content = cmp.deflate(c.b)
	out.fonts, out.images = c.fonts, c.images
	return out
}

// element draws one element.
func (p *painter) element(c *content, out *paintedPage, el layout.Element) {
	switch el := el.(type) {
	case layout.Text:
		p.text(c, el)
	case layout.Glyphs:
		p.glyphs(c, el)
	case layout.Rule:
		c.setStroke(el.Color, el.Width.Pt())
		c.line(el.X1, el.Y1, el.X2, el.Y2)
	case layout.Rect:
		p.rect(c, el)
	case layout.Image:
		p.image(c, out, el)
	case layout.Link:
		out.links = append(out.links, el)
	}
}

// rect fills a rectangle, or strokes its outline in the same colour when
// Stroke is set.
func (p *painter) rect(c *content, r layout.Rect) {
	if r.Stroke {
		c.setStroke(r.Fill, r.LineWidth.Pt())
	} else {
		c.setFill(r.Fill)
	}
	c.point(r.X, r.Y+r.H)
	c.length(r.W)
	c.length(r.H)
	if r.Stroke {
		c.op("re S")
	} else {
		c.op("re f")
	}
}

// image draws an image XObject scaled into its box, or the image's
// Fallback when it could not be used.
func (p *painter) image(c *content, out *paintedPage, im layout.Image) {
	k := p.images.byKey[im.Key]
	if p.images.list[k].failed {
		for _, el := range im.Fallback {
			p.element(c, out, shift(el, im.X, im.Y))
		}
		return
	}
	c.images[k] = true
	c.b = append(c.b, "q "...)
	c.length(im.W)
	c.b = append(c.b, "0 0 "...)
	c.length(im.H)
	c.point(im.X, im.Y+im.H)
	c.b = append(c.b, "cm /Im"...)
	c.b = appendInt(c.b, k)
	c.op(" Do Q")
}

// shift moves a fallback element from its image's corner onto the page.
func shift(el layout.Element, dx, dy layout.Length) layout.Element {
	switch e := el.(type) {
	case layout.Text:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case layout.Glyphs:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	case layout.Rule:
		e.X1, e.Y1, e.X2, e.Y2 = e.X1+dx, e.Y1+dy, e.X2+dx, e.Y2+dy
		return e
	case layout.Rect:
		e.X, e.Y = e.X+dx, e.Y+dy
		return e
	}
	return el
}
