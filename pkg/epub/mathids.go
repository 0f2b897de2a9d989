package epub

import (
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/hangul-press/publish/pkg/uri"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// mathIDPrefix starts every id the math writer gives: the anchors of
// labelled equations and the glyph outlines of the SVG. The tree refuses
// ids starting with it from posts (keepIDs), so these can never collide
// with one a post wrote; Jekyll's heading ids never hold a dot.
const mathIDPrefix = "m."

// mathDoc is what the formulas of one document share.
type mathDoc struct {
	// glyphs are the glyphs drawn, for the shared outlines.
	glyphs []uint16
	// ids maps each label to its anchor's id; taken holds those ids.
	ids   map[string]string
	taken map[string]bool
	// placed holds the ids an element carries; linked lists, in order,
	// the ids that SVG or MathML markup links to.
	placed map[string]bool
	linked []string
	// owner is the formula each label anchors: the last that carries it,
	// whose number \eqref shows (book.Load warns of the others).
	owner map[string]ast.Node
}

func (m *mathDoc) reset() {
	m.glyphs, m.linked = m.glyphs[:0], m.linked[:0]
	clear(m.ids)
	clear(m.taken)
	clear(m.placed)
	m.owner = nil
}

// eqID is the id of the anchor of the equation labelled label in this
// chapter; false when the chapter has no such label.
func (r *renderer) eqID(label string) (string, bool) {
	if _, ok := r.c.Ref(label); !ok {
		return "", false
	}
	if id, ok := r.m.ids[label]; ok {
		return id, true
	}
	if r.m.ids == nil {
		r.m.ids, r.m.taken, r.m.placed = map[string]string{}, map[string]bool{}, map[string]bool{}
	}
	if r.m.owner == nil {
		r.m.owner = labelOwners(r.c)
	}
	base := mathIDPrefix + "eq." + idText(label)
	id := base
	for i := 2; r.m.taken[id]; i++ {
		id = base + "." + strconv.Itoa(i)
	}
	r.m.ids[label], r.m.taken[id] = id, true
	return id, true
}

// idText makes a label usable in an id: white space (which no id may
// hold) becomes "-", and what XML cannot hold goes.
func idText(label string) string {
	return strings.Join(strings.Fields(xmlText(label)), "-")
}

// eqLink is the href of an \eqref to label, remembered so that its
// target is sure to exist (finishMath).
func (r *renderer) eqLink(label string) (string, bool) {
	id, ok := r.eqID(label)
	if !ok {
		return "", false
	}
	r.m.linked = append(r.m.linked, id)
	return uri.Escape("#" + id), true
}

// wholeRef reports whether a formula is a lone \eqref or \ref, and the
// href of its target: such a formula is written inside an HTML link,
// which every reading system follows.
func (r *renderer) wholeRef(f *texmath.Formula) (string, bool) {
	kids := f.Root.Kids
	if len(kids) != 1 || kids[0].Kind != texmath.KRef {
		return "", false
	}
	id, ok := r.eqID(kids[0].Text)
	if !ok {
		return "", false
	}
	return "#" + id, true
}

// labelOwners finds, for each label of a chapter, the formula that
// carries it last.
func labelOwners(c *book.Chapter) map[string]ast.Node {
	owners := map[string]ast.Node{}
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := c.Math[n]; entering && f != nil {
			if f.Tree != nil {
				for _, eq := range f.Tree.Equations {
					if eq.Label != "" {
						owners[eq.Label] = n
					}
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return owners
}

// placeLabels gives the element of formula n the ids of its labelled
// equations: the first as its own id, the others on empty spans inside.
// A label used twice in a chapter (book.Load warns) anchors the formula
// whose number \eqref shows: the last.
func (r *renderer) placeLabels(el *html.Node, n ast.Node, f *texmath.Formula) {
	first := true
	for _, eq := range f.Equations {
		if eq.Label == "" {
			continue
		}
		id, ok := r.eqID(eq.Label)
		if !ok || r.m.placed[id] || r.m.owner[eq.Label] != n {
			continue
		}
		r.place(id)
		if first {
			el.Attr = append(el.Attr, kv("id", id))
			first = false
			continue
		}
		el.AppendChild(&html.Node{Type: html.ElementNode, Data: "span", Attr: []html.Attribute{kv("id", id)}})
	}
}

// place records that an element carries id.
func (r *renderer) place(id string) {
	r.m.placed[id] = true
	r.t.ids[id] = true
}

// finishMath ends the math of a chapter: an anchor for every id that SVG
// or MathML links to but no element carries (the labelled formula stood
// in content that was left out), so that no link dangles, and the shared
// glyph outlines at the start of the body.
func (r *renderer) finishMath() error {
	for _, id := range r.m.linked {
		if !r.m.placed[id] {
			if el := r.t.open("span", nil, false, ""); el != nil {
				el.Attr = []html.Attribute{kv("id", id)}
				r.place(id)
			}
			r.t.close()
		}
	}
	return r.sharedDefs()
}
