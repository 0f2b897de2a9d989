package layout

import (
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/manifest"
)

// maxTOCPasses bounds the re-layouts that settle the table of contents:
// its length moves every later page number, and the numbers it prints
// may change its length. Two passes settle any real book; the bound only
// guards against a pathological oscillation.
const maxTOCPasses = 5

// document lays out the whole book.
func (e *engine) document() *Document {
	if e.opt.body != nil {
		e.opt.body(e)
	} else {
		e.body()
	}
	var front []*Page
	if p := e.coverPage(); p != nil {
		front = append(front, p)
	}
	front = append(front, e.titlePage(len(front)+1))
	body := e.boxes
	// Each pass paginates and tells the entries their pages; only the
	// last pass's pages are assembled (issue 13: assembling placed every
	// element of the book once per pass).
	var pb []pageBoxes
	prev := ""
	for pass := 0; pass < maxTOCPasses; pass++ {
		used := e.tocNumbers(len(front))
		all := append(e.tocBoxes(func(p int) string { return folioText(p, len(front)) }), body...)
		pb = paginate(all, e.geo.textH, e.pitch, len(front)+1)
		e.number(len(front), pb)
		if used == prev || used == e.tocNumbers(len(front)) {
			break
		}
		prev = used
	}
	pages := e.assemble(front, pb)
	doc := &Document{Width: e.geo.w, Height: e.geo.h, Pages: pages, Fonts: e.fs.decl, Info: e.info()}
	doc.Outline = append([]*OutlineEntry{{Title: tocTitle, Page: e.tocPage(pages)}}, e.outline...)
	dropDeadLinks(pages)
	return doc
}

// folioText prints the folio of page index p; before the first pass has
// placed anything, a placeholder of typical width.
func folioText(p, front int) string {
	if p < front {
		return "000"
	}
	return strconv.Itoa(p + 1)
}

// tocNumbers lists the page numbers the TOC would print now.
func (e *engine) tocNumbers(front int) string {
	var b strings.Builder
	for _, t := range e.toc {
		b.WriteString(folioText(t.page, front))
		b.WriteByte(' ')
	}
	return b.String()
}

// tocPage finds the page that holds the table of contents.
func (e *engine) tocPage(pages []*Page) int {
	for i, p := range pages {
		for _, a := range p.Anchors {
			if a.Name == tocAnchor {
				return i
			}
		}
	}
	return 0
}

// assemble places the pages of boxes after the front pages: each box at
// its place in the text block, mirrored margins, footnotes at the foot,
// running heads and folios.
func (e *engine) assemble(front []*Page, pb []pageBoxes) []*Page {
	pages := make([]*Page, 0, len(front)+len(pb))
	for i, p := range front {
		p.Number = i + 1
		pages = append(pages, p)
	}
	for _, pg := range pb {
		page := &Page{Number: len(pages) + 1}
		pages = append(pages, page)
		if pg.blank {
			continue
		}
		e.placeBoxes(page, len(pages)-1, pg)
	}
	return pages
}

// number calls the placed functions of the boxes of pages pb (outline
// entries, contents page numbers) with where assemble will place them,
// after front pages, without placing anything.
func (e *engine) number(front int, pb []pageBoxes) {
	for k, pg := range pb {
		if pg.blank {
			continue
		}
		e.eachBox(pg, func(b *vbox, y Length) {
			for _, f := range b.more().placed {
				f(front+k, y)
			}
		})
	}
}

// eachBox calls do with each box of a page, repeated table header rows
// first, and the y of its top on the page.
func (e *engine) eachBox(pg pageBoxes, do func(b *vbox, y Length)) {
	y := e.geo.top
	for _, b := range pg.header {
		do(b, y)
		y += b.h
	}
	for _, b := range pg.boxes {
		do(b, y)
		y += b.h
	}
}

// placeBoxes moves a page's boxes onto it.
func (e *engine) placeBoxes(page *Page, index int, pg pageBoxes) {
	x := e.geo.left(page.Number)
	head, opening := "", false
	e.eachBox(pg, func(b *vbox, y Length) {
		for _, el := range b.els {
			page.Elements = append(page.Elements, shifted(el, x, y))
		}
		for _, a := range b.more().anchors {
			page.Anchors = append(page.Anchors, Anchor{Name: a.Name, Y: y + a.Y})
		}
		for _, f := range b.more().placed {
			f(index, y)
		}
		if head == "" {
			head = b.head
		}
		opening = opening || b.opening
	})
	e.placeNotes(page, x, pg.notes)
	e.runningHead(page, x, head, !opening)
	// A box of the text is placed once, on this page: its elements are
	// the page's now, and letting go of them keeps a long chapter from
	// being held twice (a table's header rows, repeated, are kept).
	for _, b := range pg.boxes {
		if !b.repeated {
			b.els = nil
		}
	}
	for _, b := range pg.notes {
		b.els = nil
	}
}

// placeNotes sets footnotes at the foot of the text block under a rule.
func (e *engine) placeNotes(page *Page, x Length, notes []*vbox) {
	if len(notes) == 0 {
		return
	}
	y := e.geo.top + e.geo.textH - height(notes)
	page.NotesTop = y
	ry := y - e.pitch*noteGapLines/2
	page.Elements = append(page.Elements, Rule{X1: x, Y1: ry, X2: x + e.geo.textW/noteRuleFrac, Y2: ry, Width: Pt(0.5), Color: ruleColor})
	for _, b := range notes {
		for _, el := range b.els {
			page.Elements = append(page.Elements, shifted(el, x, y))
		}
		y += b.h
	}
}

// dropDeadLinks removes links to anchors that no page defines (a link to
// a heading that does not exist, which the book has already reported):
// the painter refuses them.
func dropDeadLinks(pages []*Page) {
	known := map[string]bool{}
	for _, p := range pages {
		for _, a := range p.Anchors {
			known[a.Name] = true
		}
	}
	for _, p := range pages {
		els := p.Elements[:0]
		for _, el := range p.Elements {
			if l, ok := el.(Link); ok && l.Anchor != "" && !known[l.Anchor] {
				continue
			}
			els = append(els, el)
		}
		p.Elements = els
	}
}

// info is the document metadata.
func (e *engine) info() Info {
	m := e.b.Meta
	subject := m.Subtitle
	if subject == "" {
		subject = m.Description
	}
	lang := m.Language
	if lang == "" {
		lang = manifest.DefaultLanguage // a book put together without book.Load
	}
	return Info{Title: m.Title, Author: strings.Join(m.Authors, ", "), Subject: subject,
		Keywords: strings.Join(m.Subjects, ", "), Creator: e.opt.Creator, Lang: lang, Date: e.b.Time.Unix()}
}
