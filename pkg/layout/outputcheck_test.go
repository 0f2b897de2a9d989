package layout_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/pdf"
)

// This file checks the sample book's real PDF, read back with poppler's
// pdftotext -bbox-layout, against the rules of KOREAN.md: no word outside
// the text block but the running heads and folios, no line that starts
// with a character that may not start one, and no eojeol split across
// lines unless it is longer than a line (issue 12 item 5: a loose line is
// spread between syllables instead). qpdf and pdffonts check the file
// itself. Each check is also run on output made wrong on purpose, so that
// a check that has stopped seeing anything fails too.

// bboxTolerance is how far, in points, a word's box may reach past the
// text block: pdftotext makes word boxes from the font's ascent and
// descent, which a line's glyphs need not reach, and rounds to 1/100 pt.
const bboxTolerance = 0.5

// bboxDoc is pdftotext -bbox-layout's output: pages of blocks of lines of
// words, each with its box in points, y down. At our line pitch pdftotext
// makes most lines a block of their own, so blocks do not mark paragraphs.
type bboxDoc struct {
	Pages []struct {
		Blocks []bboxBlock `xml:"flow>block"`
	} `xml:"body>doc>page"`
}

type bboxBlock struct {
	Lines []bboxLine `xml:"line"`
}

type bboxBox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type bboxLine struct {
	bboxBox
	Words []bboxWord `xml:"word"`
}

type bboxWord struct {
	bboxBox
	Text string `xml:",chardata"`
}

// text is the line's words joined by single spaces.
func (l bboxLine) text() string {
	ws := make([]string, len(l.Words))
	for i, w := range l.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

// sampleFile lays out the sample book with opt, lets change alter the
// Document (nil: none), and writes the PDF to a temporary file.
func sampleFile(t *testing.T, set func(*manifest.PDFOptions), change func(*layout.Document)) (string, *outputChecker) {
	t.Helper()
	b, _ := loadSample(t)
	if set != nil {
		set(&b.Config.PDF)
	}
	return writeBook(t, b, change)
}

// writeBook lays out b, lets change alter the Document (nil: none), and
// writes the PDF to a temporary file.
func writeBook(t *testing.T, b *book.Book, change func(*layout.Document)) (string, *outputChecker) {
	t.Helper()
	doc, err := layout.Layout(b, sampleOptions, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(doc)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		t.Fatalf("pdf.Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, newOutputChecker(b, doc, b.Config.PDF)
}

// readBBox runs pdftotext -bbox-layout on path and parses its output; ok is
// false when the tool is missing (and PUBLISH_REQUIRE_TOOLS is not set).
func readBBox(t *testing.T, path string) (bboxDoc, bool) {
	t.Helper()
	out := runTool(t, "pdftotext", "-enc", "UTF-8", "-bbox-layout", path, "-")
	var doc bboxDoc
	if out == "" {
		return doc, false
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("pdftotext -bbox-layout output does not parse: %v", err)
	}
	if len(doc.Pages) == 0 {
		t.Fatal("pdftotext -bbox-layout found no pages")
	}
	return doc, true
}

// outputChecker holds what the checks compare the PDF's text with.
type outputChecker struct {
	doc *layout.Document
	set manifest.PDFOptions
	// heads are the texts a running head may show (book and chapter
	// titles), spaces removed.
	heads []string
	// code lists, per page, the baselines (pt) of lines set wholly in a
	// code face: code blocks, where any character may start a line.
	code map[int][]float64
	// math lists, per page, where glyphs of the math face stand (origin x
	// and baseline y, pt): a display formula's symbols may start what
	// pdftotext reads as a line (the comma after a fraction).
	math map[int][][2]float64
	// source is the text of every paragraph, heading and cell of the
	// book as a reader sees it (markup gone), whitespace runs made single
	// spaces, one block a line.
	source string
}

func newOutputChecker(b *book.Book, doc *layout.Document, set manifest.PDFOptions) *outputChecker {
	c := &outputChecker{doc: doc, set: set, heads: []string{noSpace(b.Meta.Title)}, code: codeBaselines(doc), math: mathGlyphs(doc)}
	var src strings.Builder
	for _, p := range b.Parts {
		for _, ch := range p.Chapters {
			c.heads = append(c.heads, noSpace(ch.Title))
			src.WriteString(ch.Title + "\n")
			writeBlockTexts(&src, ch.Doc, ch.Src())
		}
	}
	c.source = src.String()
	return c
}

// codeBaselines finds, per page, the baselines where every text run is in a
// code face.
func codeBaselines(doc *layout.Document) map[int][]float64 {
	out := map[int][]float64{}
	for i, p := range doc.Pages {
		code := map[layout.Length]bool{}
		for _, el := range p.Elements {
			if t, ok := el.(layout.Text); ok {
				isCode := strings.HasPrefix(doc.Fonts[t.Font].Name, "code")
				if prev, seen := code[t.Y]; !seen || prev {
					code[t.Y] = isCode
				}
			}
		}
		for y, isCode := range code {
			if isCode {
				out[i] = append(out[i], y.Pt())
			}
		}
	}
	return out
}

// mathGlyphs finds, per page, the origins of the math face's glyphs.
func mathGlyphs(doc *layout.Document) map[int][][2]float64 {
	out := map[int][][2]float64{}
	for i, p := range doc.Pages {
		for _, el := range p.Elements {
			if g, ok := el.(layout.Glyphs); ok && doc.Fonts[g.Font].Name == "dejavu-math" {
				for _, gp := range g.Glyphs {
					out[i] = append(out[i], [2]float64{(g.X + gp.X).Pt(), (g.Y + gp.Y).Pt()})
				}
			}
		}
	}
	return out
}

// startsWithMath reports whether a line of page i starts with a glyph of
// the math face.
func (c *outputChecker) startsWithMath(i int, l bboxLine) bool {
	if len(l.Words) == 0 {
		return false
	}
	w := l.Words[0]
	for _, g := range c.math[i] {
		if math.Abs(g[0]-w.XMin) < bboxTolerance && g[1] >= w.YMin && g[1] <= w.YMax {
			return true
		}
	}
	return false
}

// isCodeLine reports whether a line of page i is a line of a code block.
func (c *outputChecker) isCodeLine(i int, l bboxLine) bool {
	for _, y := range c.code[i] {
		if y >= l.YMin && y <= l.YMax {
			return true
		}
	}
	return false
}

// writeBlockTexts writes the text of each block of n that holds inlines,
// one a line.
func writeBlockTexts(b *strings.Builder, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock && c.Kind().String() != "TableCell" {
			return ast.WalkContinue, nil
		}
		if c.FirstChild() == nil || c.FirstChild().Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		b.WriteString(strings.Join(strings.Fields(inlineText(c, src)), " "))
		b.WriteByte('\n')
		return ast.WalkSkipChildren, nil
	})
}

// inlineText is the text of a node's inlines, soft and hard line breaks
// as spaces.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = markdown.Unescape(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// outside reports words outside the text block. A line wholly in the top
// margin must be a running head (a title, or the start of one cut to a
// line); one wholly in the bottom margin must be the folio.
func (c *outputChecker) outside(bb bboxDoc) []string {
	var out []string
	for i, p := range bb.Pages {
		folio := i + 1
		x, y, w, h := layout.TextBlock(c.set, folio)
		x0, y0, x1, y1 := x.Pt()-bboxTolerance, y.Pt()-bboxTolerance, (x+w).Pt()+bboxTolerance, (y+h).Pt()+bboxTolerance
		for _, blk := range p.Blocks {
			for _, l := range blk.Lines {
				switch {
				case l.YMax <= y0 && c.isHead(l.text()):
				case l.YMin >= y1 && l.text() == strconv.Itoa(folio):
				default:
					for _, wd := range l.Words {
						lead, trail := bracketHang(wd)
						if wd.XMin+lead < x0 || wd.XMax-trail > x1 || wd.YMin < y0 || wd.YMax > y1 {
							out = append(out, fmt.Sprintf("page %d: %q at x %.1f–%.1f y %.1f–%.1f lies outside the text block x %.1f–%.1f y %.1f–%.1f",
								folio, wd.Text, wd.XMin, wd.XMax, wd.YMin, wd.YMax, x0, x1, y0, y1))
						}
					}
				}
			}
		}
	}
	return out
}

func (c *outputChecker) isHead(s string) bool {
	s = noSpace(s)
	for _, h := range c.heads {
		if s != "" && strings.HasPrefix(h, s) {
			return true
		}
	}
	return false
}

// neverFirst are the characters that may not start a line (KOREAN.md):
// closing brackets and quotes, stops, middle dot, ellipses, per cent,
// tilde, hyphens and dashes.
const neverFirst = ")]}」』》〉”’.,?!:;·…‥%~-‐‑‒–—―"

// leader matches the dot leaders of the table of contents, which
// pdftotext reads as a line of their own between a title and its page
// number, or with the number.
var leader = regexp.MustCompile(`^\.( \.)+( [0-9]+)?$`)

// badStarts reports lines, outside code blocks and leaders, that start
// with a character of neverFirst.
func (c *outputChecker) badStarts(bb bboxDoc) []string {
	var out []string
	for i, p := range bb.Pages {
		for _, blk := range p.Blocks {
			for _, l := range blk.Lines {
				r, _ := utf8.DecodeRuneInString(l.text())
				if strings.ContainsRune(neverFirst, r) && !c.isCodeLine(i, l) && !c.startsWithMath(i, l) && !leader.MatchString(l.text()) {
					out = append(out, fmt.Sprintf("page %d: line starts with %q: %q", i+1, r, l.text()))
				}
			}
		}
	}
	return out
}

var (
	trailingHangul = regexp.MustCompile(`[가-힣]+$`)
	leadingHangul  = regexp.MustCompile(`^[가-힣]+`)
)

// splitEojeols reports pairs of consecutive lines where the first ends
// and the next starts with Hangul syllables that the source writes
// together and never with a space between: an eojeol split across lines.
// pdftotext makes a block of each line at our line pitch, so lines pair by
// position: the next line in reading order, starting below the first by
// less than two line heights and overlapping it across; and the last line
// of a page with the first of the next. Only an eojeol wider than both
// lines may be split (it is then wider than its measure, which is at least
// as wide as they are). Words are taken at line ends only, since pdftotext
// may join words of one line.
func (c *outputChecker) splitEojeols(bb bboxDoc) []string {
	var out []string
	var prev *bboxLine
	for i, p := range bb.Pages {
		lines := c.bodyLines(i, p.Blocks)
		for j := range lines {
			a, b := prev, &lines[j]
			prev = b
			if a == nil || j > 0 && !adjacent(*a, *b) {
				continue
			}
			if msg := c.splitAt(i, *a, *b); msg != "" {
				out = append(out, fmt.Sprintf("page %d: %s", i+1, msg))
			}
		}
	}
	return out
}

// bodyLines lists the lines of page i in reading order, leaving out
// running heads, folios and code.
func (c *outputChecker) bodyLines(i int, blocks []bboxBlock) []bboxLine {
	_, top, _, h := layout.TextBlock(c.set, i+1)
	var out []bboxLine
	for _, blk := range blocks {
		for _, l := range blk.Lines {
			if l.YMax > top.Pt() && l.YMin < (top+h).Pt() && len(l.Words) > 0 && !c.isCodeLine(i, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// adjacent reports whether b is the line right under a.
func adjacent(a, b bboxLine) bool {
	height := a.YMax - a.YMin
	return b.YMin > a.YMin && b.YMin-a.YMin < 2*height && b.XMin < a.XMax && a.XMin < b.XMax
}

// splitAt checks the break between lines a and b.
func (c *outputChecker) splitAt(page int, a, b bboxLine) string {
	last, first := a.Words[len(a.Words)-1], b.Words[0]
	tail, head := trailingHangul.FindString(last.Text), leadingHangul.FindString(first.Text)
	if tail == "" || head == "" {
		return ""
	}
	joined := tail + head
	at := strings.Index(c.source, joined)
	if at < 0 || strings.Contains(c.source, tail+" "+head) {
		return ""
	}
	eojeol := wordAround(c.source, at, len(joined))
	// Hangul syllables are all one width: estimate the eojeol's from the
	// two words at the break.
	perRune := (last.XMax - last.XMin + first.XMax - first.XMin) / float64(utf8.RuneCountInString(last.Text+first.Text))
	widest := max(a.XMax-a.XMin, b.XMax-b.XMin)
	if perRune*float64(utf8.RuneCountInString(eojeol)) > widest {
		return ""
	}
	return fmt.Sprintf("%q | %q splits the eojeol %q, which fits a line", a.text(), b.text(), eojeol)
}

// wordAround returns the run of non-space characters of s around s[at:at+n].
func wordAround(s string, at, n int) string {
	start := strings.LastIndexAny(s[:at], " \n") + 1
	end := at + n
	if k := strings.IndexAny(s[end:], " \n"); k >= 0 {
		end += k
	} else {
		end = len(s)
	}
	return s[start:end]
}

// checkTools runs qpdf --check and pdffonts on path.
func checkTools(t *testing.T, path string) {
	if out := runTool(t, "qpdf", "--check", path); out != "" && !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	out := runTool(t, "pdffonts", path)
	rows := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 || !strings.Contains(f[0], "+") {
			continue
		}
		rows++
		// name type type encoding emb sub uni object ID: the three yes/no
		// columns come before the object number.
		n := len(f)
		if f[n-5] != "yes" || f[n-4] != "yes" {
			t.Errorf("pdffonts: %s is not embedded as a subset: %s", f[0], line)
		}
	}
	if out != "" && rows == 0 {
		t.Errorf("pdffonts lists no subset fonts:\n%s", out)
	}
}

// outputPapers are the trim sizes the output checks run at: 신국판, A5
// and 문고판.
var outputPapers = []string{"shinguk", "a5", "mungo"}

// TestSampleOutput runs every check on the sample book's PDF, and on the
// shared fixtures' (testdata/sites), at each of outputPapers.
func TestSampleOutput(t *testing.T) {
	books := map[string]func(*testing.T) *book.Book{"sample": func(t *testing.T) *book.Book { b, _ := loadSample(t); return b }}
	for _, f := range testtool.Fixtures(t) {
		books[strings.TrimSuffix(filepath.Base(f), ".txtar")] = func(t *testing.T) *book.Book {
			var diags diag.List
			m, err := manifest.Load(filepath.Join(testtool.Site(t, f), "book.yaml"), &diags)
			if err != nil {
				t.Fatal(err)
			}
			b, err := book.Load(m, book.Options{}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	for name, load := range books {
		for _, paper := range outputPapers {
			t.Run(name+"/"+paper, func(t *testing.T) {
				t.Parallel()
				b := load(t)
				if err := b.Config.PDF.SetPaper(paper); err != nil {
					t.Fatal(err)
				}
				path, c := writeBook(t, b, nil)
				checkTools(t, path)
				bb, ok := readBBox(t, path)
				if !ok {
					t.Skip("pdftotext not installed")
				}
				checks := map[string]func(bboxDoc) []string{"outside": c.outside, "badStarts": c.badStarts, "splitEojeols": c.splitEojeols}
				for name, check := range checks {
					for _, p := range check(bb) {
						t.Errorf("%s: %s", name, p)
					}
				}
			})
		}
	}
}

// TestOutputChecksSeeFaults runs each check on output made wrong on
// purpose and requires it to complain: text moved into the margin, a line
// made to start with a closing bracket, and the sample set on a syllable
// basis (Normal mode), which splits eojeols that fit a line.
func TestOutputChecksSeeFaults(t *testing.T) {
	tests := []struct {
		name   string
		set    func(*manifest.PDFOptions)
		change func(*layout.Document)
		check  func(*outputChecker) func(bboxDoc) []string
	}{
		{"outside", nil, shiftText(layout.Mm(10)), func(c *outputChecker) func(bboxDoc) []string { return c.outside }},
		{"badStarts", nil, startLineWith(")"), func(c *outputChecker) func(bboxDoc) []string { return c.badStarts }},
		{"splitEojeols", normalMode, nil, func(c *outputChecker) func(bboxDoc) []string { return c.splitEojeols }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, c := sampleFile(t, tt.set, tt.change)
			bb, ok := readBBox(t, path)
			if !ok {
				t.Skip("pdftotext not installed")
			}
			if got := tt.check(c)(bb); len(got) == 0 {
				t.Errorf("%s found nothing wrong in output made wrong on purpose", tt.name)
			}
		})
	}
}

func normalMode(o *manifest.PDFOptions) { o.LineBreak = manifest.Normal }

// shiftText moves every text run of the body pages (after the cover,
// title page and contents) right by dx.
func shiftText(dx layout.Length) func(*layout.Document) {
	return func(doc *layout.Document) {
		for _, p := range doc.Pages[3:] {
			for i, el := range p.Elements {
				if t, ok := el.(layout.Text); ok {
					t.X += dx
					p.Elements[i] = t
				}
			}
		}
	}
}

// startLineWith puts s before the first run of text of the body pages'
// first lines in the body face.
func startLineWith(s string) func(*layout.Document) {
	return func(doc *layout.Document) {
		for _, p := range doc.Pages[3:] {
			for i, el := range p.Elements {
				if t, ok := el.(layout.Text); ok && doc.Fonts[t.Font].Name == "body" {
					t.Text = s + t.Text
					p.Elements[i] = t
					break
				}
			}
		}
	}
}

// Issue 12 item 5: with no syllable splits, the sample's word spaces are
// no looser than they were when eojeols were split to avoid loose lines
// (the widest spacing of any justified line then, measured per paper on
// the code before syllable spacing), and the syllable spacing stays within
// its cap.
func TestSpacingNoLooserIssue12(t *testing.T) {
	before := map[string]float64{"shinguk": 7.64, "a5": 6.68, "mungo": 9.31}
	for paper, limit := range before {
		b, _ := loadSample(t)
		if err := b.Config.PDF.SetPaper(paper); err != nil {
			t.Fatal(err)
		}
		spaces, letters, lines, err := layout.SpacingStats(b)
		if err != nil || lines < 20 {
			t.Fatalf("%s: %v, %d lines", paper, err, lines)
		}
		if spaces > limit || letters > 1.5 {
			t.Errorf("%s: widest word spacing ratio %.2f (before: %.2f), syllable spacing %.2f (cap 1.5)", paper, spaces, limit, letters)
		}
	}
}

// bracketHang is how far a word's first or last character, when it is a
// full-width bracket, may hang outside the text block: the blank half the
// paragraph builder trims at the ends of lines (half the word's height,
// about half an em). A comma or full stop after a closing bracket sits in
// its trimmed blank, so the bracket still ends the word's box.
func bracketHang(w bboxWord) (lead, trail float64) {
	first, _ := utf8.DecodeRuneInString(w.Text)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w.Text, ".,;:!?"))
	half := (w.YMax - w.YMin) / 2
	if markdown.IsWide(first) && unicode.In(first, unicode.Ps, unicode.Pi) {
		lead = half
	}
	if markdown.IsWide(last) && unicode.In(last, unicode.Pe, unicode.Pf) {
		trail = half
	}
	return lead, trail
}
