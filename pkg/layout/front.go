package layout

import (
	"github.com/hangul-press/publish/pkg/manifest"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
)

// The title page: the title a third of the way down, larger than a
// chapter title, the subtitle under it, the authors below, the publisher
// at the foot.
const (
	titleScale    = 2.4
	subtitleScale = 1.3
	authorScale   = 1.2
)

// coverPage draws the cover image over the whole trimmed page, scaled to
// fill it (cropped at the edges if its proportions differ), or nil when
// the book has no cover.
func (e *engine) coverPage() *Page {
	a := e.b.Cover
	if a == nil || a.Width <= 0 || a.Height <= 0 {
		return nil
	}
	w, h := e.geo.w, e.geo.h
	// Scale to cover the page: the larger of the two ratios.
	if float64(a.Width)*float64(h) > float64(a.Height)*float64(w) {
		w = Length(float64(h) * float64(a.Width) / float64(a.Height))
	} else {
		h = Length(float64(w) * float64(a.Height) / float64(a.Width))
	}
	x, y := (e.geo.w-w)/2, (e.geo.h-h)/2
	ref := &book.ImageRef{URL: "cover", Alt: e.b.Meta.Title, Pos: diag.Pos{File: a.Path}, Asset: a}
	return &Page{Elements: []Element{e.imageElement(placedImage{ref: ref, w: w, h: h}, x, y)}}
}

// titlePage sets the title page, which is page number n.
func (e *engine) titlePage(n int) *Page {
	m := e.b.Meta
	e.ctx = blockCtx{}
	page := &Page{}
	y := e.geo.top + e.geo.textH/4
	add := func(text string, role manifest.FontRole, bold bool, scale float64, color Color) {
		if strings.TrimSpace(text) == "" {
			return
		}
		st := textStyle{role: role, bold: bold, size: Length(scale * float64(e.size)), color: color}
		for _, b := range e.setText([]span{{text: text, st: st}}, textOpts{center: true, size: st.size, pitch: Length(float64(st.size) * headingLineRatio)}) {
			for _, el := range b.els {
				page.Elements = append(page.Elements, shifted(el, e.geo.left(n), y))
			}
			y += b.h
		}
	}
	add(m.Title, RoleHeading, true, titleScale, textColor)
	y += e.pitch
	add(m.Subtitle, RoleHeading, false, subtitleScale, grayColor)
	y = e.geo.top + e.geo.textH*3/5
	add(strings.Join(m.Authors, ", "), RoleBody, false, authorScale, textColor)
	y = e.geo.top + e.geo.textH - 2*e.pitch
	add(m.Publisher, RoleBody, false, 1, grayColor)
	return page
}

// partBoxes sets a part's title page and returns its outline entry.
func (e *engine) partBoxes(p *book.Part, n int) *OutlineEntry {
	brk := pageBreak
	if e.set.RectoChapters {
		brk = rectoBreak
	}
	anchor := "part" + strconv.Itoa(n)
	entry := &OutlineEntry{Title: p.Title}
	toc := &tocEntry{title: p.Title, anchor: anchor}
	e.toc = append(e.toc, toc)
	e.head = p.Title
	e.ctx = blockCtx{}
	sink := &vbox{h: e.geo.textH / 3, brk: brk, opening: true, keep: true, x: &boxExtra{anchors: []Anchor{{Name: anchor}},
		placed: []func(int, Length){func(page int, y Length) { entry.Page, entry.Y, toc.page = page, y, page }}}}
	e.boxes = append(e.boxes, sink)
	st := textStyle{role: RoleHeading, bold: true, size: Length(chapterTitleScale * float64(e.size))}
	for _, b := range e.setText([]span{{text: p.Title, st: st}}, textOpts{center: true, size: st.size, pitch: Length(float64(st.size) * headingLineRatio)}) {
		b.head = p.Title
		e.boxes = append(e.boxes, b)
	}
	return entry
}
