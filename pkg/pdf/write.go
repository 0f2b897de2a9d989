package pdf

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"io"

	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/raster"
)

// Write paints doc as a PDF onto w. The same Document always gives the same
// bytes.
//
// The file is written as it is made, so that a book of many large images
// is never held in memory whole: the document is checked and its fonts
// made before anything is written, but an error after that (a failed
// write) leaves what was written to w incomplete. Write to a temporary
// file and rename it, as the command does.
func Write(w io.Writer, doc *layout.Document) error {
	return WriteOptions(w, doc, Options{})
}

// Options are the settings of WriteOptions.
type Options struct {
	// Progress, when not nil, is told how many pages of the total have
	// been painted. It may be called from several goroutines, one call at
	// a time.
	Progress progress.Func
	// ImageBudget bounds the memory of the images being opened and
	// encoded at once; nil means raster.SharedBudget().
	ImageBudget *raster.Budget
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, doc *layout.Document, opt Options) error {
	if doc == nil {
		return errors.New("pdf: nil document")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := contain(func() error { return render(bw, doc, opt) }); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return bw.Flush()
}

// contain runs fn and turns a panic into an error: a library must not crash
// the program that calls it, whatever document it is given.
func contain(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return fn()
}

// render checks doc, plans the fonts and images, and writes the file:
// catalog and page tree numbers first, then fonts in FontID order, images
// in first-use order (streamed: writeImages), each page's links, content
// and dictionary, the outline, the named destinations, the information
// dictionary, the page tree and the catalog. Pages are painted after the
// images are written, when it is known which images could not be used.
func render(out io.Writer, doc *layout.Document, opt Options) error {
	if doc.Width <= 0 || doc.Height <= 0 {
		return fmt.Errorf("page size %gx%g pt is not positive", doc.Width.Pt(), doc.Height.Pt())
	}
	if err := checkInfo(doc.Info); err != nil {
		return err
	}
	p, err := newPlan(doc)
	if err != nil {
		return err
	}
	if err := p.planSubsets(); err != nil {
		return err
	}
	progs, err := p.buildFontPrograms()
	if err != nil {
		return err
	}
	w := newFileWriter(out)
	catalog, tree := w.reserve(), w.reserve()
	fontObjs := make([]int, len(p.faces))
	for _, i := range p.usedFaces() {
		fontObjs[i] = writeFont(w, p.faces[i], progs[i])
	}
	budget := opt.ImageBudget
	if budget == nil {
		budget = raster.SharedBudget()
	}
	p.images.faces, p.images.fontObjs = p.faces, fontObjs
	if err := p.images.writeImages(w, budget); err != nil {
		return err
	}
	pt := &painter{plan: p, height: doc.Height}
	pages, err := pt.paintPages(opt.Progress)
	if err != nil {
		return err
	}
	return pt.assemble(w, catalog, tree, fontObjs, pages)
}

// assemble writes the pages and everything after them (render).
func (p *painter) assemble(w *fileWriter, catalog, tree int, fontObjs []int, pages []*paintedPage) error {
	imageObjs := make([]int, len(p.images.list))
	for i, im := range p.images.list {
		imageObjs[i] = im.obj
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
