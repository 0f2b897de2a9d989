package layout

import (
	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/progress"
)

// Chapters are set in parallel. Setting a chapter (its paragraphs broken
// into lines, its code, tables, formulas and figures made into boxes)
// depends on nothing another chapter does; only pagination, which comes
// after, runs through the book in order. So each chapter is set by an
// engine of its own (forChapter), on any goroutine, and the results are
// joined into the book's engine in reading order (join): its boxes, its
// outline and contents entries, its diagnostics, the characters it
// reported missing and its image sources. What is shared while chapters
// are set is read-only (the book, the settings) or safe for concurrent
// use (the fonts' caches, runeTable), so the boxes, and the document, are
// the same whatever the number of processors.

// body sets every part and chapter into boxes. A part's title page is set
// first, in order, by an engine of its own (partUnit); the chapters are
// set in parallel (chapterUnit); both are joined in reading order.
func (e *engine) body() {
	units := e.units()
	set := func(i int) *engine {
		u := units[i]
		if u.c == nil {
			return u.e // a part's title page, set already
		}
		ce := e.forChapter()
		ce.missing = u.missing
		ce.chapter(u.c)
		return ce
	}
	done, total := 0, len(e.b.Chapters())
	join := func(i int, ue *engine) {
		if units[i].c == nil {
			e.joinPart(ue, units[i].entry)
			return
		}
		e.join(ue, units[i].part)
		if done++; e.opt.Progress != nil {
			e.opt.Progress(progress.SettingChapters, done, total)
		}
	}
	if e.opt.lines != nil {
		// The tests' line hook hears lines in reading order, on one
		// goroutine.
		for i := range units {
			join(i, set(i))
		}
	} else {
		parallel.Ordered(len(units), nil, set, join)
	}
	// The TOC, running heads and front pages repeat chapter titles whose
	// characters have been reported already (missingChar).
	e.ch = nil
}

// unit is a part's title page or a chapter, in reading order.
type unit struct {
	// A part's title page: the engine that set it and its outline entry.
	e     *engine
	entry *OutlineEntry
	// A chapter, the entry of its part (nil outside a titled part), and
	// the count of missing characters it starts with (below).
	c       *book.Chapter
	part    *OutlineEntry
	missing missingChars
}

// units sets the parts' title pages and lists them with the chapters, in
// reading order. A part's title is set as it was when one engine set the
// whole book: after the chapter before it, whose file its messages name,
// and the characters of it that no face has are counted with the next
// chapter's (reportMissing); before any chapter, they are reported at
// once.
func (e *engine) units() []unit {
	var units []unit
	var prev *book.Chapter
	var carry missingChars
	for i, p := range e.b.Parts {
		var part *OutlineEntry
		if p.Title != "" {
			pe := e.forChapter()
			pe.ch, pe.missing = prev, carry.clone()
			if prev != nil {
				pe.src = prev.Src()
			}
			part = pe.partBoxes(p, i+1)
			units = append(units, unit{e: pe, entry: part})
			carry = pe.missing
		}
		for _, c := range p.Chapters {
			units = append(units, unit{c: c, part: part, missing: carry.clone()})
			carry, prev = missingChars{}, c
		}
	}
	return units
}

// joinPart adds a part's title page, set by pe, to e.
func (e *engine) joinPart(pe *engine, entry *OutlineEntry) {
	e.boxes = append(e.boxes, pe.boxes...)
	e.toc = append(e.toc, pe.toc...)
	e.outline = append(e.outline, entry)
	e.diags.Append(pe.diags)
	e.joinReported(pe)
	e.head, e.ctx = pe.head, pe.ctx
}

// joinReported notes the characters ue reported missing.
func (e *engine) joinReported(ue *engine) {
	if e.missing.reported == nil {
		e.missing.reported = map[rune]bool{}
	}
	for r := range ue.missing.reported {
		e.missing.reported[r] = true
	}
}

// forChapter returns an engine that sets one chapter: it shares the book,
// the settings and the fonts with e and has its own boxes, entries,
// diagnostics and image sources, which join adds to e.
func (e *engine) forChapter() *engine {
	return &engine{b: e.b, opt: e.opt, set: e.set, size: e.size, fs: e.fs, diags: &diag.List{},
		sink: e.sink, geo: e.geo, pitch: e.pitch, chapterOnly: true}
}

// join adds what chapter engine ce set to e, after what e holds: as if e
// had set the chapter itself, under part (nil outside a part).
func (e *engine) join(ce *engine, part *OutlineEntry) {
	base := len(e.boxes)
	e.boxes = append(e.boxes, ce.boxes...)
	e.addChapterEntry(ce.chEntry, part)
	e.toc = append(e.toc, ce.toc...)
	e.diags.Append(ce.diags)
	if ce.mathErr != nil && !e.mathWarned {
		e.mathWarned = true
		e.diags.Warnf(ce.pos(nil), "%s", mathFontMessage(ce.mathErr))
	}
	e.joinReported(ce)
	e.joinSources(ce)
	e.joinVectors(ce)
	// The state a chapter leaves behind, as setting it here would have
	// left it (the contents and running heads come after).
	e.ch, e.src, e.head, e.skipH1, e.depth = ce.ch, ce.src, ce.head, ce.skipH1, ce.depth
	e.images, e.notes, e.figuresAfter, e.ctx, e.chEntry = ce.images, ce.notes, ce.figuresAfter, ce.ctx, ce.chEntry
	e.para = paraSpan{ce.para.start + base, ce.para.end + base}
	if ce.math != nil {
		e.math = ce.math
	}
}

// joinSources makes the image sources of a chapter the book's: a content
// at a pixel width that an earlier chapter shows already keeps the
// earlier source, which takes this chapter's references to it (in order)
// and its Image elements.
func (e *engine) joinSources(ce *engine) {
	if e.sources == nil {
		e.sources = map[string]*imageSource{}
	}
	var same map[string]*imageSource
	for key, s := range ce.sources {
		first, ok := e.sources[key]
		if !ok {
			e.sources[key] = s
			continue
		}
		first.refs = append(first.refs, s.refs...)
		if same == nil {
			same = map[string]*imageSource{}
		}
		same[key] = first
	}
	if same == nil {
		return
	}
	for _, b := range ce.boxes {
		repoint(b, func(im Image) (Image, bool) {
			if s, ok := same[im.Key]; ok {
				im.Source = s
				return im, true
			}
			return im, false
		})
	}
}

// repoint passes the Image elements of b (its footnotes and repeated
// table headers too) to f and keeps what f changed.
func repoint(b *vbox, f func(Image) (Image, bool)) {
	for i, el := range b.els {
		if im, ok := el.(Image); ok {
			if im, ok := f(im); ok {
				b.els[i] = im
			}
		}
	}
	for _, n := range b.more().notes {
		repoint(n, f)
	}
	for _, h := range b.more().header {
		repoint(h, f)
	}
}
