package layout

// tocEntry is one line of the table of contents: a part (level 0), a
// chapter (1) or a ## heading (2), with the page it was placed on.
type tocEntry struct {
	title  string
	anchor string
	level  int
	page   int // index into Document.Pages, once placed
}

// tocTitle heads the table of contents.
const tocTitle = "차례"

// Leaders: dots at a fixed pitch on a grid shared by every line, so that
// the dots of all entries line up in columns, with a gap of leaderGap
// (in body sizes) on either side.
const (
	leaderDot = ". "
	leaderGap = 0.6
	// tocIndent is how far ## headings stand in, in body sizes.
	tocIndent = 1.5
)

// tocBoxes sets the table of contents with the page numbers folio gives.
func (e *engine) tocBoxes(folio func(page int) string) []*vbox {
	brk := pageBreak
	if e.set.RectoChapters {
		brk = rectoBreak
	}
	boxes := []*vbox{{h: chapterSink * e.pitch, brk: brk, opening: true, keep: true, x: &boxExtra{anchors: []Anchor{{Name: tocAnchor}}}}}
	st := textStyle{role: RoleHeading, bold: true, size: Length(chapterTitleScale * float64(e.size))}
	e.ctx = blockCtx{}
	boxes = append(boxes, e.setText([]span{{text: tocTitle, st: st}}, textOpts{size: st.size, pitch: Length(float64(st.size) * headingLineRatio)})...)
	boxes = append(boxes, &vbox{h: chapterAfter * e.pitch, space: true})
	for _, t := range e.toc {
		if t.level == 0 {
			boxes = append(boxes, &vbox{h: e.pitch / 2, space: true})
		}
		boxes = append(boxes, e.tocEntryBoxes(t, folio(t.page))...)
	}
	return boxes
}

// tocAnchor names the table of contents.
const tocAnchor = "toc"

// tocEntryBoxes sets one entry: its title (wrapped if long), dot leaders
// and the page number flush right, all of it a link to the entry.
func (e *engine) tocEntryBoxes(t *tocEntry, num string) []*vbox {
	st := e.bodyStyle()
	switch t.level {
	case 0:
		st.role, st.bold = RoleHeading, true
	case 1:
		st.role = RoleHeading
	}
	var indent Length
	if t.level == 2 {
		indent = Length(tocIndent * float64(e.size))
	}
	numSt := e.bodyStyle() // every page number in one face
	numRuns, numStyles := e.runs([]span{{text: num, st: numSt}})
	numW := runsWidth(numRuns)
	gap := Length(leaderGap * float64(e.size))
	w := e.geo.textW - indent - numW - 3*gap
	lines := e.setText([]span{{text: t.title, st: st}}, textOpts{size: st.size, pitch: e.pitch, width: w, x: indent})
	if len(lines) == 0 {
		return nil
	}
	last := lines[len(lines)-1]
	x := e.geo.textW - numW
	for i, r := range numRuns {
		last.els = append(last.els, Text{X: x, Y: last.base, Font: numStyles[i].font, Size: numSt.size, Color: textColor, Text: r.Text})
		x += r.M.(faceMeasurer).width(r.Text)
	}
	e.leaders(last, indent+last.lineW+gap, e.geo.textW-numW-gap)
	for _, l := range lines {
		l.keep = true
		l.els = append(l.els, Link{X: 0, Y: 0, W: e.geo.textW, H: l.h, Anchor: t.anchor})
	}
	lines[len(lines)-1].keep = false
	return lines
}

// leaders draws dots between from and to on the leader grid.
func (e *engine) leaders(b *vbox, from, to Length) {
	st := e.bodyStyle()
	st.color = grayColor
	runs, styles := e.runs([]span{{text: leaderDot, st: st}})
	if len(runs) != 1 {
		return
	}
	pitch := runsWidth(runs)
	if pitch <= 0 {
		return
	}
	start := (from + pitch - 1) / pitch * pitch
	n := int((to - start) / pitch)
	if n <= 0 {
		return
	}
	text := ""
	for range n {
		text += leaderDot
	}
	b.els = append(b.els, Text{X: start, Y: b.base, Font: styles[0].font, Size: st.size, Color: grayColor, Text: text[:len(text)-1]})
}

// runsWidth is the natural width of runs.
func runsWidth(runs []Run) Length {
	var w Length
	for _, r := range runs {
		w += r.M.(faceMeasurer).width(r.Text)
	}
	return w
}
