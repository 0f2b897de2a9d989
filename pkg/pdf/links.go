package pdf

import (
	"errors"
	"fmt"

	"github.com/hangul-press/publish/pkg/layout"
)

// anchorPos is where a named anchor lies: a page index into Document.Pages
// and a y position on it.
type anchorPos struct {
	page int
	y    layout.Length
}

// collectAnchors builds the table of named destinations from every page
// before anything is painted, so that a link may point at an anchor on a
// later page. Names must be unique: a link to a name defined twice would
// have no single target.
func collectAnchors(pages []*layout.Page) (map[string]anchorPos, error) {
	anchors := map[string]anchorPos{}
	for i, page := range pages {
		if page == nil {
			return nil, fmt.Errorf("page %d is nil", i+1)
		}
		for _, a := range page.Anchors {
			if a.Name == "" {
				return nil, fmt.Errorf("page %d: anchor with an empty name", i+1)
			}
			if prev, dup := anchors[a.Name]; dup {
				return nil, fmt.Errorf("page %d: anchor %q is already defined on page %d", i+1, a.Name, prev.page+1)
			}
			anchors[a.Name] = anchorPos{page: i, y: a.Y}
		}
	}
	return anchors, nil
}

// linkID returns fpdf's internal link for an anchor, making it on first
// use. fpdf's SetLink takes any page number, so the target page need not
// have been painted yet.
func (p *painter) linkID(name string) (int, error) {
	if id, ok := p.links[name]; ok {
		return id, nil
	}
	pos, ok := p.anchors[name]
	if !ok {
		return 0, fmt.Errorf("link to unknown anchor %q", name)
	}
	id := p.f.AddLink()
	p.f.SetLink(id, pos.y.Pt(), pos.page+1)
	p.links[name] = id
	return id, nil
}

// link makes a rectangle clickable, to a URL or to an anchor; exactly one
// of the two must be given.
func (p *painter) link(l layout.Link) error {
	if l.W <= 0 || l.H <= 0 {
		return fmt.Errorf("link %q%q: empty rectangle %gx%g pt", l.URL, l.Anchor, l.W.Pt(), l.H.Pt())
	}
	switch {
	case l.URL != "" && l.Anchor != "":
		return fmt.Errorf("link has both a URL (%q) and an anchor (%q)", l.URL, l.Anchor)
	case l.URL != "":
		p.f.LinkString(l.X.Pt(), l.Y.Pt(), l.W.Pt(), l.H.Pt(), l.URL)
	case l.Anchor != "":
		id, err := p.linkID(l.Anchor)
		if err != nil {
			return err
		}
		p.f.Link(l.X.Pt(), l.Y.Pt(), l.W.Pt(), l.H.Pt(), id)
	default:
		return errors.New("link has neither a URL nor an anchor")
	}
	return nil
}
