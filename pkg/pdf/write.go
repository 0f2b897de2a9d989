package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"io"

	"codeberg.org/go-pdf/fpdf"

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
	// been painted.
	Progress progress.Func
}

// WriteOptions is Write with options.
func WriteOptions(w io.Writer, doc *layout.Document, opt Options) error {
	if doc == nil {
		return errors.New("pdf: nil document")
	}
	out, err := render(doc, opt)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// render checks doc, paints it into memory and tags the font subsets. The
// file is built in memory because the subset tags are written over fpdf's
// output afterwards.
func render(doc *layout.Document, opt Options) ([]byte, error) {
	if doc.Width <= 0 || doc.Height <= 0 {
		return nil, fmt.Errorf("page size %gx%g pt is not positive", doc.Width.Pt(), doc.Height.Pt())
	}
	if err := checkInfo(doc.Info); err != nil {
		return nil, err
	}
	fonts, err := planFonts(doc)
	if err != nil {
		return nil, err
	}
	anchors, err := collectAnchors(doc.Pages)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = contain(func() error {
		p := &painter{doc: doc, fonts: fonts, anchors: anchors, progress: opt.Progress}
		return p.run(&buf)
	})
	if err != nil {
		return nil, err
	}
	return tagSubsets(buf.Bytes(), fonts)
}

// contain runs fn and turns a panic into an error. fpdf indexes its input
// without bounds checks in places (font tables, glyph widths past the end
// of the cmap), and a library must not crash the program that calls it.
func contain(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("fpdf failed: %v", r)
		}
	}()
	return fn()
}

// painter holds what painting the pages needs: the fpdf document, the font
// plan, the anchor table and the images already registered.
type painter struct {
	doc     *layout.Document
	f       *fpdf.Fpdf
	fonts   *fontPlan
	anchors map[string]anchorPos
	links   map[string]int // fpdf link id by anchor name, made on first use
	images  *imageRegistry

	// curFont and curSize are the font selected in fpdf, so that it is
	// selected again only when it changes: fpdf writes a Tf operator on
	// every SetFont call.
	curFont layout.FontID
	curSize layout.Length

	progress progress.Func
}

// run paints the whole document into out.
func (p *painter) run(out io.Writer) error {
	p.f = newFpdf(p.doc)
	p.links = map[string]int{}
	p.images = newImageRegistry()
	p.curFont = -1
	steps := []func() error{p.setInfo, p.addFonts, p.paintPages, p.addOutline}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if err := p.f.Error(); err != nil {
			return err
		}
	}
	return p.f.Output(out)
}

// newFpdf makes an empty fpdf document in points with the document's page
// size. Automatic page breaks are off: the layout engine has placed
// everything, and fpdf must not move anything to a new page.
func newFpdf(doc *layout.Document) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: doc.Width.Pt(), Ht: doc.Height.Pt()},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCompression(true)
	return f
}
