package pdf

import (
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"io"

	"github.com/hangul-press/publish/pkg/layout"
)

// Write paints doc as a PDF onto w. The same Document always gives the same
// bytes. Nothing is written to w unless the whole file was made, so a
// failure leaves w untouched.
func Write(w io.Writer, doc *layout.Document) error {
	return WriteOptions(w, doc, Options{})
}

// Options are the settings of WriteOptions.
type Options struct {
	// Progress, when not nil, is told how many pages of the total have
	// been painted. It may be called from several goroutines, one call at
	// a time.
	Progress progress.Func
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, doc *layout.Document, opt Options) error {
	if doc == nil {
		return errors.New("pdf: nil document")
	}
	out, err := contain(func() ([]byte, error) { return render(doc, opt) })
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// contain runs fn and turns a panic into an error: a library must not crash
// the program that calls it, whatever document it is given.
func contain(fn func() ([]byte, error)) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return fn()
}

// render checks doc, plans the fonts and images, paints the pages and
// assembles the file in memory.
func render(doc *layout.Document, opt Options) ([]byte, error) {
	if doc.Width <= 0 || doc.Height <= 0 {
		return nil, fmt.Errorf("page size %gx%g pt is not positive", doc.Width.Pt(), doc.Height.Pt())
	}
	if err := checkInfo(doc.Info); err != nil {
		return nil, err
	}
	p, err := newPlan(doc)
	if err != nil {
		return nil, err
	}
	if err := p.planSubsets(); err != nil {
		return nil, err
	}
	progs, err := p.buildFontPrograms()
	if err != nil {
		return nil, err
	}
	if err := p.images.encodeImages(); err != nil {
		return nil, err
	}
	pt := &painter{plan: p, height: doc.Height}
	pages, err := pt.paintPages(opt.Progress)
	if err != nil {
		return nil, err
	}
	return pt.assemble(progs, pages)
}

// assemble writes the objects in a fixed order: catalog and page tree
// numbers first, then fonts in FontID order, images in first-use order,
// each page's links, content and dictionary, the outline, the named
// destinations, the information dictionary, the page tree and the
// catalog.
func (p *painter) assemble(progs []*fontProgram, pages []*paintedPage) ([]byte, error) {
	size := 0
	for _, pg := range pages {
		size += len(pg.content) + 256
	}
	w := newFileWriter(size)
	catalog, tree := w.reserve(), w.reserve()
	fontObjs := make([]int, len(p.faces))
	for _, i := range p.usedFaces() {
		fontObjs[i] = writeFont(w, p.faces[i], progs[i])
	}
	imageObjs := make([]int, len(p.images.list))
	for i, im := range p.images.list {
		imageObjs[i] = writeImage(w, im.x)
	}
	pageObjs := make([]int, len(pages))
	for i := range pageObjs {
		pageObjs[i] = w.reserve()
	}
	for i, pg := range pages {
		p.writePage(w, pageObjs[i], tree, pg, fontObjs, imageObjs)
	}
	refs := catalogRefs{pages: tree}
	refs.outline = p.writeOutline(w, pageObjs, p.height)
	refs.dests = p.writeDests(w, pageObjs, p.height)
	info := writeInfo(w, p.doc.Info)
	writePageTree(w, tree, pageObjs)
	writeCatalog(w, catalog, p.doc.Info.Lang, refs)
	return w.finish(catalog, info)
}

// writePage writes a page's link annotations, its content stream and its
// dictionary, with the fonts and images it uses as resources.
func (p *painter) writePage(w *fileWriter, n, tree int, pg *paintedPage, fontObjs, imageObjs []int) {
	var annots []int
	for _, l := range pg.links {
		annots = append(annots, writeLink(w, l, p.height))
	}
	contents := w.reserve()
	w.stream(contents, []byte("/Filter/FlateDecode"), pg.content)
	b := []byte("<</Type/Page/Parent ")
	b = appendRef(b, tree)
	b = append(b, "/MediaBox[0 0 "...)
	b = appendLength(b, p.doc.Width)
	b = append(b, ' ')
	b = appendLength(b, p.height)
	b = append(b, "]/Resources<<"...)
	b = appendResources(b, "/Font", "/F", pg.fonts, fontObjs)
	b = appendResources(b, "/XObject", "/Im", pg.images, imageObjs)
	b = append(b, ">>/Contents "...)
	b = appendRef(b, contents)
	if len(annots) > 0 {
		b = append(b, "/Annots["...)
		for i, a := range annots {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, a)
		}
		b = append(b, ']')
	}
	w.object(n, append(b, ">>"...))
}

// appendResources writes one resource category: the used entries, named
// prefix + index, to their objects. Nothing is written when none is used.
func appendResources(b []byte, category, prefix string, used []bool, objs []int) []byte {
	open := false
	for i, u := range used {
		if !u {
			continue
		}
		if !open {
			b = append(b, category...)
			b = append(b, "<<"...)
			open = true
		}
		b = append(b, prefix...)
		b = appendInt(b, i)
		b = append(b, ' ')
		b = appendRef(b, objs[i])
	}
	if open {
		b = append(b, ">>"...)
	}
	return b
}

// writePageTree writes the page tree: one node with every page as a kid.
func writePageTree(w *fileWriter, n int, pageObjs []int) {
	b := []byte("<</Type/Pages/Kids[")
	for i, pg := range pageObjs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendRef(b, pg)
	}
	b = append(b, "]/Count "...)
	b = appendInt(b, len(pageObjs))
	w.object(n, append(b, ">>"...))
}
