package crosscheck_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/pdf"
)

// This file compares the words of each chapter of the PDF with those of
// the same chapter of the EPUB (issue 12 item 1). Both sides are reduced
// to what a reader must find in both:
//
//   - White space is removed on both sides and the characters compared in
//     order. Line breaks, justification and pdftotext's guesses at word
//     spaces make spaces ambiguous in extracted text; every other
//     character, a dropped or changed one included, is compared. (A lost
//     space between two words is not seen.)
//   - The PDF is read with pdftotext -raw -bbox, in the order the page was
//     drawn. Words outside the text block are running heads and folios and
//     are left out; words below Page.NotesTop are footnotes, compared with
//     the EPUB's footnote section (numbers included, back links left out).
//     Footnote reference numbers stay in the text on both sides.
//   - Figures float in the PDF, so each image is compared as a unit: in
//     the PDF, an image's caption is the text right under it; in the EPUB,
//     the figure's figcaption (none when it has none), or the title (else
//     the alt text, unless it only names a format: book.FigureAlt) of an
//     image outside a figure, which the PDF sets as a figure with that
//     caption.
//     Images and captions must agree one for one, in order; they are then
//     taken out of both texts. Words drawn inside a vector image's box are
//     the image's own (the labels of an SVG diagram, which the EPUB keeps
//     in the image file) and are left out.
//   - Formulas are drawn differently by design (SVG or MathML in the EPUB,
//     the PDF's own math): an element of class math, <svg> or <math> is a
//     gap, which matches any text of the PDF between the texts around it.
//   - A list item's marker is CSS in the EPUB and text in the PDF: each
//     item of the EPUB matches a bullet or a number in the PDF. A table's
//     header rows, which the PDF repeats where a table goes on after a
//     page break or a figure, may stand again before any body row.
//   - The chapter's date line (p.chapter-date) is the EPUB's alone; the
//     code continuation mark ↳ is the PDF's alone; the check boxes of task
//     lists are ☐☑ in the EPUB and □▣ in the PDF (the shipped fonts lack
//     ☐☑) and compare as equal.

// papers are the trim sizes every book is checked at: 신국판, A5, 문고판.
var papers = []string{"shinguk", "a5", "mungo"}

// TestWordsAgreeIssue12Item1 checks the sample book and every shared
// fixture at every trim size.
func TestWordsAgreeIssue12Item1(t *testing.T) {
	testtool.Path(t, "pdftotext")
	root := testtool.ModuleRoot(t)
	books := map[string]func(t *testing.T) string{
		"sample": func(*testing.T) string { return filepath.Join(root, "books", "sample.yaml") },
	}
	for _, f := range testtool.Fixtures(t) {
		f := f
		books[strings.TrimSuffix(filepath.Base(f), ".txtar")] = func(t *testing.T) string {
			return filepath.Join(testtool.Site(t, f), "book.yaml")
		}
	}
	for name, manifestPath := range books {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := manifestPath(t)
			want := epubChapters(t, load(t, path, ""))
			for _, paper := range papers {
				t.Run(paper, func(t *testing.T) {
					b := load(t, path, paper)
					got := pdfChapters(t, b)
					for _, c := range b.Chapters() {
						compareChapter(t, c.Source, want[c.ID], got[c.ID])
					}
				})
			}
		})
	}
}

// load reads a book, at the trim size paper unless it is "".
func load(t *testing.T, path, paper string) *book.Book {
	t.Helper()
	var diags diag.List
	m, err := manifest.Load(path, &diags)
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, diags.Summary())
	}
	if paper != "" {
		if err := m.PDF.SetPaper(paper); err != nil {
			t.Fatal(err)
		}
	}
	b, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, diags.Summary())
	}
	return b
}

// chapterText is what one output shows of a chapter.
type chapterText struct {
	body, notes *stream
	// captions are the figures' captions in order, one per image ("" for
	// none), normalised.
	captions []string
}

// stream is normalised text with gaps where the outputs differ by
// design: a formula (any text) or a list item's marker.
type stream struct{ toks []token }

// token is a stretch of text to find as it is, or a gap.
type token struct {
	kind tokenKind
	text string
}

type tokenKind uint8

const (
	literal tokenKind = iota
	// anyGap matches any text: a formula.
	anyGap
	// markerGap matches a list marker of the PDF (markerPattern). The
	// EPUB's markers are CSS list styles, not text.
	markerGap
	// repeated matches its text any number of times, none included: a
	// table's header rows, which the PDF repeats where the table goes on
	// after a page break or a figure.
	repeated
)

// markerPattern is a list item's marker in the PDF: a bullet of some
// depth, or a number with its full stop or parenthesis.
var markerPattern = regexp.MustCompile(`^(?:[•◦▪]|[0-9]{1,9}[.)])`)

func newStream() *stream { return &stream{} }

func (s *stream) text(v string) {
	v = normalise(v)
	if v == "" {
		return
	}
	if n := len(s.toks) - 1; n >= 0 && s.toks[n].kind == literal {
		s.toks[n].text += v
		return
	}
	s.toks = append(s.toks, token{literal, v})
}

// gap adds a formula's gap; two in a row are one.
func (s *stream) gap() {
	if n := len(s.toks) - 1; n < 0 || s.toks[n].kind != anyGap {
		s.toks = append(s.toks, token{kind: anyGap})
	}
}

func (s *stream) marker() { s.toks = append(s.toks, token{kind: markerGap}) }

func (s *stream) repeat(text string) {
	if text != "" {
		s.toks = append(s.toks, token{repeated, text})
	}
}

// String is the stream's literal text, gaps and repetitions left out.
func (s *stream) String() string {
	var b strings.Builder
	for _, t := range s.toks {
		if t.kind == literal {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// normalise removes white space and what only one output shows, and maps
// the check boxes onto one pair.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\ufeff', r == '\u00ad', r == '↳',
			unicode.Is(unicode.Variation_Selector, r):
			return -1
		case r == '☐':
			return '□'
		case r == '☑':
			return '▣'
		}
		return r
	}, s)
}

// epubChapters writes the book's EPUB and reads each chapter's text.
func epubChapters(t *testing.T, b *book.Book) map[string]chapterText {
	t.Helper()
	var buf bytes.Buffer
	if _, err := epub.Write(&buf, b, epub.Options{}, &diag.List{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	out := map[string]chapterText{}
	for _, c := range b.Chapters() {
		f := files["EPUB/"+c.ID+".xhtml"]
		if f == nil {
			t.Fatalf("the EPUB has no EPUB/%s.xhtml for %s", c.ID, c.Source)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		root, err := parseXHTML(data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		ct := chapterText{body: newStream(), notes: newStream()}
		ct.walk(root, ct.body)
		out[c.ID] = ct
	}
	return out
}

// xnode is an XHTML element or, with an empty name, a text.
type xnode struct {
	name string
	attr map[string]string
	kids []*xnode
	text string
}

func (n *xnode) hasClass(c string) bool {
	for _, f := range strings.Fields(n.attr["class"]) {
		if f == c {
			return true
		}
	}
	return false
}

// parseXHTML reads a document into a tree of xnodes. Attributes are keyed
// by local name; epub:type is keyed "epub:type".
func parseXHTML(data []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &xnode{name: "#document"}
	stack := []*xnode{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				key := a.Name.Local
				if a.Name.Space != "" && key == "type" {
					key = "epub:type"
				}
				n.attr[key] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &xnode{text: string(tok)})
		}
	}
}

// walk adds the text of n to out, footnotes to c.notes and figures to
// c.captions, following the rules at the top of the file.
func (c *chapterText) walk(n *xnode, out *stream) {
	switch {
	case n.name == "":
		out.text(n.text)
		return
	case n.name == "head", n.hasClass("chapter-date"), n.hasClass("footnote-backref"):
		return
	case n.name == "svg", n.name == "math", n.hasClass("math"):
		out.gap()
		return
	case n.attr["epub:type"] == "footnotes":
		out = c.notes
	case n.name == "img":
		caption := n.attr["title"]
		if caption == "" {
			caption = book.FigureAlt(n.attr["alt"])
		}
		c.captions = append(c.captions, normalise(caption))
		return
	case n.name == "li" && !isTaskItem(n):
		out.marker()
	case n.name == "table":
		c.table(n, out)
		return
	case n.name == "figure" && find(n, "img") != nil:
		caption := ""
		if fc := find(n, "figcaption"); fc != nil {
			s := newStream()
			c.walk(fc, s)
			caption = s.String()
		}
		c.captions = append(c.captions, caption)
		for _, k := range n.kids {
			if k.name != "figcaption" && k.name != "img" {
				c.walk(k, out)
			}
		}
		return
	}
	for _, k := range n.kids {
		c.walk(k, out)
	}
}

// table adds a table's text: its header rows (a thead, else the leading
// rows made of th cells), then each body row, before which the PDF may
// repeat the header.
func (c *chapterText) table(n *xnode, out *stream) {
	var rows []*xnode
	var collect func(*xnode)
	collect = func(n *xnode) {
		for _, k := range n.kids {
			switch k.name {
			case "tr":
				rows = append(rows, k)
			case "thead", "tbody", "tfoot":
				collect(k)
			default:
				if k.name != "" {
					c.walk(k, out) // a caption
				}
			}
		}
	}
	collect(n)
	header := newStream()
	i := 0
	for ; i < len(rows) && isHeaderRow(rows[i]); i++ {
		c.walk(rows[i], header)
	}
	out.text(header.String())
	for _, r := range rows[i:] {
		out.repeat(header.String())
		c.walk(r, out)
	}
}

// isHeaderRow reports a row of th cells only, or one in a thead.
func isHeaderRow(tr *xnode) bool {
	cells := 0
	for _, k := range tr.kids {
		switch k.name {
		case "th":
			cells++
		case "td":
			return false
		}
	}
	return cells > 0
}

// isTaskItem reports a list item that starts with a task's check box,
// which both outputs show in place of the marker.
func isTaskItem(li *xnode) bool {
	for n := li; n != nil; {
		var first *xnode
		for _, k := range n.kids {
			if k.name != "" || strings.TrimSpace(k.text) != "" {
				first = k
				break
			}
		}
		if first == nil || first.name == "" {
			return false
		}
		if first.hasClass("task") {
			return true
		}
		n = first
	}
	return false
}

// find returns the first element called name below n.
func find(n *xnode, name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := find(k, name); f != nil {
			return f
		}
	}
	return nil
}

// imageMark stands for an image in the PDF's text, where the caption
// under it begins.
const imageMark = '\ue000'

// pdfChapters lays out and writes the book's PDF, reads it back with
// pdftotext and returns each chapter's text.
func pdfChapters(t *testing.T, b *book.Book) map[string]chapterText {
	t.Helper()
	doc, err := layout.Layout(b, layout.Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := readWords(t, file)
	if len(pages) != len(doc.Pages) {
		t.Fatalf("pdftotext read %d pages of %d", len(pages), len(doc.Pages))
	}
	starts := map[string]int{} // anchor → page index
	for i, p := range doc.Pages {
		for _, a := range p.Anchors {
			starts[a.Name] = i
		}
	}
	// A chapter runs from its anchor's page to the page before the next
	// chapter or part begins.
	var opens []int
	for name, i := range starts {
		if isChapterOrPart(name) {
			opens = append(opens, i)
		}
	}
	out := map[string]chapterText{}
	for _, c := range b.Chapters() {
		first, ok := starts[c.ID]
		if !ok {
			t.Fatalf("%s: the PDF has no anchor %s", c.Source, c.ID)
		}
		end := len(doc.Pages)
		for _, o := range opens {
			if o > first && o < end {
				end = o
			}
		}
		ct := chapterText{body: newStream(), notes: newStream()}
		var body strings.Builder
		for i := first; i < end; i++ {
			pageText(b.Config.PDF, doc.Pages[i], pages[i], &body, ct.notes)
		}
		ct.body.text(body.String())
		out[c.ID] = ct
	}
	return out
}

// isChapterOrPart reports the anchors that open a chapter (c001) or a
// part (part1), not a heading in one (c001#id).
func isChapterOrPart(name string) bool {
	return !strings.Contains(name, "#") && (strings.HasPrefix(name, "c") || strings.HasPrefix(name, "part"))
}

// pageText adds a page's body words to body, marking where each image's
// caption begins, and its footnote words to notes.
func pageText(set manifest.PDFOptions, p *layout.Page, words []word, body *strings.Builder, notes *stream) {
	_, top, _, h := layout.TextBlock(set, p.Number)
	var images []float64 // bottoms of the page's images, in drawing order
	var boxes []layout.Image
	for _, el := range p.Elements {
		if im, ok := el.(layout.Image); ok {
			images = append(images, (im.Y + im.H).Pt())
			if im.Vector != nil {
				boxes = append(boxes, im)
			}
		}
	}
	for _, w := range words {
		mid := (w.YMin + w.YMax) / 2
		switch {
		case mid < top.Pt() || mid > (top+h).Pt():
			continue // running head or folio
		case inImage(boxes, (w.XMin+w.XMax)/2, mid):
			continue // a label of a drawing
		case p.NotesTop > 0 && mid > p.NotesTop.Pt():
			notes.text(w.Text)
			continue
		}
		for len(images) > 0 && mid >= images[0] {
			body.WriteRune(imageMark)
			images = images[1:]
		}
		body.WriteString(w.Text)
	}
	for range images {
		body.WriteRune(imageMark)
	}
}

// inImage reports whether a point (in points) lies inside one of the
// images' boxes.
func inImage(boxes []layout.Image, x, y float64) bool {
	for _, im := range boxes {
		if x > im.X.Pt() && x < (im.X+im.W).Pt() && y > im.Y.Pt() && y < (im.Y+im.H).Pt() {
			return true
		}
	}
	return false
}

// word is one word of pdftotext -bbox output.
type word struct {
	XMin float64 `xml:"xMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMin float64 `xml:"yMin,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// readWords runs pdftotext -raw -bbox and returns each page's words in
// the order they were drawn.
func readWords(t *testing.T, file string) [][]word {
	t.Helper()
	out, err := exec.Command(testtool.Path(t, "pdftotext"), "-enc", "UTF-8", "-raw", "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Pages []struct {
			Words []word `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	pages := make([][]word, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = p.Words
	}
	return pages
}

// compareChapter reports where the PDF's text of a chapter differs from
// the EPUB's.
func compareChapter(t *testing.T, source string, want, got chapterText) {
	t.Helper()
	body := got.body.String()
	figures := strings.Count(body, string(imageMark))
	if figures != len(want.captions) {
		t.Errorf("%s: the PDF shows %d images, the EPUB %d", source, figures, len(want.captions))
		return
	}
	for i, caption := range want.captions {
		at := strings.IndexRune(body, imageMark)
		rest := body[at+len(string(imageMark)):]
		if !strings.HasPrefix(rest, caption) {
			t.Errorf("%s: image %d: the EPUB's caption %q, the PDF's text under the image %q", source, i+1, caption, excerpt(rest, 0, len(caption)+12))
			return
		}
		body = body[:at] + rest[len(caption):]
	}
	if msg := match(want.body.toks, body); msg != "" {
		t.Errorf("%s: text: %s", source, msg)
	}
	if msg := match(want.notes.toks, got.notes.String()); msg != "" {
		t.Errorf("%s: footnotes: %s", source, msg)
	}
}

// match compares s with the EPUB's tokens and describes the first
// difference ("" when they agree). The tokens between formula gaps form
// blocks; the first block must match at the start, the last at the end,
// and each other one at the leftmost place it matches after the block
// before: for patterns whose only free wildcards are such gaps, the
// leftmost choice never loses a match.
func match(toks []token, s string) string {
	blocks := [][]token{nil}
	for _, t := range toks {
		if t.kind == anyGap {
			blocks = append(blocks, nil)
			continue
		}
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1], t)
	}
	pos := 0
	for i, blk := range blocks {
		last := i == len(blocks)-1
		if i == 0 {
			end, ok, msg := matchBlock(blk, s, 0)
			if !ok || last && end != len(s) {
				if msg == "" {
					msg = fmt.Sprintf("the PDF goes on with %q where the EPUB ends", excerpt(s, end, 40))
				}
				return msg
			}
			pos = end
			continue
		}
		found := false
		for p := pos; p <= len(s) && !found; p++ {
			if !utf8Start(s, p) {
				continue
			}
			if end, ok, _ := matchBlock(blk, s, p); ok && (!last || end == len(s)) {
				pos, found = end, true
			}
		}
		if !found {
			return fmt.Sprintf("the EPUB's %q, after a formula, is not in the PDF after %q", excerpt(blockText(blk), 0, 60), excerpt(s, pos-40, 40))
		}
	}
	return ""
}

// matchBlock matches a block's literals and markers at s[p:] and returns
// where it ends, or a description of the first difference.
func matchBlock(blk []token, s string, p int) (int, bool, string) {
	for _, t := range blk {
		switch t.kind {
		case literal:
			if !strings.HasPrefix(s[p:], t.text) {
				return p, false, differ(t.text, s[p:])
			}
			p += len(t.text)
		case markerGap:
			m := markerPattern.FindString(s[p:])
			if m == "" {
				return p, false, fmt.Sprintf("a list marker is missing in the PDF before %q", excerpt(s, p, 30))
			}
			p += len(m)
		case repeated:
			for strings.HasPrefix(s[p:], t.text) {
				p += len(t.text)
			}
		}
	}
	return p, true, ""
}

func blockText(blk []token) string {
	var b strings.Builder
	for _, t := range blk {
		if t.kind == literal {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// differ describes the first difference between the EPUB's text want and
// the PDF's got.
func differ(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	for i > 0 && !utf8Start(want, i) {
		i--
	}
	before := excerpt(want, i-30, min(i, 30))
	return fmt.Sprintf("differs after %q: the EPUB has %q, the PDF %q", before, excerpt(want, i, 30), excerpt(got, i, 30))
}

func utf8Start(s string, i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }

// excerpt returns about n bytes of s from byte at, cut at character
// boundaries.
func excerpt(s string, at, n int) string {
	at = max(at, 0)
	end := min(at+n, len(s))
	for at < len(s) && !utf8Start(s, at) {
		at++
	}
	for end < len(s) && !utf8Start(s, end) {
		end++
	}
	if at >= end {
		return ""
	}
	return s[at:end]
}
