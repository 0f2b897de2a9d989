package pdf

import (
	"errors"
	"fmt"
	"slices"

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

// checkLink refuses a link without a rectangle, and one that names both or
// neither of a URL and an anchor, or an anchor no page defines.
func checkLink(l layout.Link, anchors map[string]anchorPos) error {
	if l.W <= 0 || l.H <= 0 {
		return fmt.Errorf("link %q%q: empty rectangle %gx%g pt", l.URL, l.Anchor, l.W.Pt(), l.H.Pt())
	}
	switch {
	case l.URL != "" && l.Anchor != "":
		return fmt.Errorf("link has both a URL (%q) and an anchor (%q)", l.URL, l.Anchor)
	case l.URL == "" && l.Anchor == "":
		return errors.New("link has neither a URL nor an anchor")
	case l.Anchor != "":
		if _, ok := anchors[l.Anchor]; !ok {
			return fmt.Errorf("link to unknown anchor %q", l.Anchor)
		}
	}
	return nil
}

// writeLink writes a link annotation and returns its object number: a URI
// action for a URL, a GoTo action to a named destination for an anchor.
// There is no border, as in a printed book.
func writeLink(w *fileWriter, l layout.Link, height layout.Length) int {
	n := w.reserve()
	b := []byte("<</Type/Annot/Subtype/Link/Rect[")
	for i, v := range []layout.Length{l.X, height - (l.Y + l.H), l.X + l.W, height - l.Y} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendLength(b, v)
	}
	b = append(b, "]/Border[0 0 0]/A<<"...)
	if l.URL != "" {
		b = append(b, "/S/URI/URI"...)
		b = appendLiteral(b, []byte(asciiURI(l.URL)))
	} else {
		b = append(b, "/S/GoTo/D"...)
		b = appendLiteral(b, []byte(l.Anchor))
	}
	w.object(n, append(b, ">>>>"...))
	return n
}

// asciiURI percent-encodes the bytes of u that a URI may not hold as they
// are: controls, spaces and non-ASCII bytes. A PDF URI action's string is
// ASCII (ISO 32000-1:2008, 12.6.4.7); characters a URL already encodes
// stay as they are.
func asciiURI(u string) string {
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7F {
			if b == nil {
				b = []byte(u[:i])
			}
			b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
		} else if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return u
	}
	return string(b)
}

// appendDest writes an explicit destination: the page, left edge, at y
// below the page's top, zoom unchanged.
func appendDest(b []byte, page int, y, height layout.Length) []byte {
	b = append(b, '[')
	b = appendRef(b, page)
	b = append(b, "/XYZ 0 "...)
	b = appendLength(b, height-y)
	return append(b, " null]"...)
}

// writeDests writes the name tree of destinations (7.9.6, 12.3.2.3) that
// links go to, one leaf with the names in byte order as the tree requires,
// and returns its object number, or 0 when no link goes to an anchor.
func (p *plan) writeDests(w *fileWriter, pageObjs []int, height layout.Length) int {
	if len(p.linked) == 0 {
		return 0
	}
	names := slices.Clone(p.linked)
	slices.Sort(names) // Go compares strings bytewise
	n := w.reserve()
	b := []byte("<</Names[")
	for _, name := range names {
		pos := p.anchors[name]
		b = appendLiteral(b, []byte(name))
		b = appendDest(b, pageObjs[pos.page], pos.y, height)
	}
	w.object(n, append(b, "]>>"...))
	return n
}
