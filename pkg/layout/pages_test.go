package layout

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/tools/txtar"
)

// updating reports whether -update was given (the flag is declared in
// paragraph_test.go).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// testBook writes the chapters (name → Markdown) into a temporary folder
// with a manifest listing them in name order, and loads the book.
func testBook(t testing.TB, chapters map[string]string, extra string) *book.Book {
	t.Helper()
	return testBookWith(t, t.TempDir(), chapters, extra)
}

// testBookIn is testBook in a folder the test has filled already.
func testBookIn(t testing.TB, dir string, chapters map[string]string) *book.Book {
	t.Helper()
	return testBookWith(t, dir, chapters, "")
}

func testBookWith(t testing.TB, dir string, chapters map[string]string, extra string) *book.Book {
	names := make([]string, 0, len(chapters))
	for name := range chapters {
		names = append(names, name)
	}
	sort.Strings(names)
	var m strings.Builder
	m.WriteString("title: 시험용 책\nauthors: [홍길동]\ndate: 2024-01-02\n" + extra + "chapters:\n")
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(chapters[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&m, "  - %s\n", name)
	}
	var diags diag.List
	man, err := manifest.Parse("book.yaml", dir, []byte(m.String()), &diags)
	if err != nil {
		t.Fatalf("manifest: %v\n%s", err, diags.Summary())
	}
	b, err := book.Load(man, book.Options{Rel: func(p string) string { return filepath.Base(p) }}, &diags)
	if err != nil {
		t.Fatalf("book: %v\n%s", err, diags.Summary())
	}
	return b
}

// smallPaper is the manifest text for a 문고판 page (105×148 mm), so that
// short texts break across pages.
const smallPaper = "pdf:\n  paper: mungo\n"

// dumpLines prints each page's text, one line per baseline, pieces in
// order of x and separated by a space where a gap lies between them.
func dumpLines(doc *Document) string {
	var b strings.Builder
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "== page %d (folio %d) ==\n", i+1, p.Number)
		for _, l := range pageLines(p) {
			b.WriteString(l.text + "\n")
		}
	}
	return b.String()
}

// textLine is the text on one baseline of a page.
type textLine struct {
	y     Length
	texts []Text
	text  string
}

// placedText is a Text element or a glyph run, with its width.
type placedText struct {
	Text
	w      Length
	glyphs bool // a glyph run, shown by its glyphs' texts
}

// pageTexts lists a page's Text elements and its glyph runs, each run as
// the characters its glyphs stand for, on the baseline of its first glyph.
func pageTexts(p *Page) []placedText {
	var out []placedText
	for _, el := range p.Elements {
		switch t := el.(type) {
		case Text:
			out = append(out, placedText{t, textWidth(t), false})
		case Glyphs:
			if len(t.Glyphs) == 0 {
				continue
			}
			var s strings.Builder
			for _, g := range t.Glyphs {
				s.WriteString(g.Text)
			}
			first, last := t.Glyphs[0], t.Glyphs[len(t.Glyphs)-1]
			end := last.X + perMille(t.Size, mathAdvance1000(last.ID))
			out = append(out, placedText{Text{X: t.X + first.X, Y: t.Y + first.Y, Font: t.Font, Size: t.Size, Text: s.String()}, end - first.X, true})
		}
	}
	return out
}

// mathAdvance1000 is a math glyph's advance in thousandths of an em.
func mathAdvance1000(g uint16) int {
	f, err := texmath.DefaultFont()
	if err != nil {
		panic(err)
	}
	return f.TrueType().AdvanceThousandths(g)
}

// pageLines groups a page's Text elements and glyph runs by baseline, top
// to bottom. Pieces raised off the baseline (footnote references) join the
// line whose baseline lies within half an em below them; the glyph runs
// of a formula (scripts, numerators, limits) chain onto a line when they
// lie within mathChain of the piece above them.
func pageLines(p *Page) []textLine {
	texts := pageTexts(p)
	sort.SliceStable(texts, func(i, j int) bool { return texts[i].Y < texts[j].Y })
	var lines []textLine
	var placed [][]placedText
	var hasText []bool
	for _, t := range texts {
		if n := len(lines) - 1; n >= 0 {
			last := placed[n][len(placed[n])-1]
			math := isGlyphs(t) || isGlyphs(last)
			if t.Y-lines[n].y < t.Size/2 || math && t.Y-last.Y < Length(mathChain*float64(max(t.Size, last.Size))) {
				if !isGlyphs(t) && !hasText[n] {
					lines[n].y, hasText[n] = t.Y, true // text stands on the baseline
				}
				placed[n] = append(placed[n], t)
				continue
			}
		}
		lines = append(lines, textLine{y: t.Y})
		placed = append(placed, []placedText{t})
		hasText = append(hasText, !isGlyphs(t))
	}
	for i := range lines {
		ts := placed[i]
		sort.SliceStable(ts, func(a, b int) bool { return ts[a].X < ts[b].X })
		var s strings.Builder
		var end Length
		for k, t := range ts {
			if k > 0 && t.X > end+t.Size/10 {
				s.WriteByte(' ')
			}
			s.WriteString(t.Text.Text)
			end = t.X + t.w
			lines[i].texts = append(lines[i].texts, t.Text)
		}
		lines[i].text = s.String()
	}
	return lines
}

// mathChain is how close, in sizes, a formula's glyph runs stand to the
// piece above them to be dumped on its line.
const mathChain = 0.75

// isGlyphs reports a piece made from a glyph run.
func isGlyphs(t placedText) bool { return t.glyphs }

// testFonts measures Text elements in tests.
var testFonts *fontSet

// textWidth measures a Text element with the shipped faces, whose ids
// come first in every document built without user fonts.
func textWidth(t Text) Length {
	if testFonts == nil {
		fs, err := newFontSet(nil)
		if err != nil {
			panic(err)
		}
		testFonts = fs
	}
	if int(t.Font) >= len(testFonts.faces) {
		return 0
	}
	w := faceMeasurer{testFonts.faces[t.Font], t.Size}.width(t.Text) + Length(strings.Count(t.Text, " "))*t.WordSpacing
	if t.LetterSpacing != 0 {
		prev := ' '
		for _, r := range t.Text {
			if prev != ' ' && r != ' ' {
				w += t.LetterSpacing
			}
			prev = r
		}
	}
	return w
}

// textWords splits a Text that draws several words (with WordSpacing at
// each space) into one Text per word at its place. A word's letters
// keep the Text's LetterSpacing, which the painter gives only within
// words.
func textWords(t Text) []Text {
	if !strings.Contains(t.Text, " ") {
		return []Text{t}
	}
	var out []Text
	x := t.X
	for i, w := range strings.Split(t.Text, " ") {
		if i > 0 {
			x += textWidth(Text{Font: t.Font, Size: t.Size, Text: " "}) + t.WordSpacing
		}
		wt := t
		wt.X, wt.Text, wt.WordSpacing = x, w, 0 // LetterSpacing stays: it is within words
		out = append(out, wt)
		x += textWidth(wt)
	}
	return out
}

// goldenBook reads a testdata/pages case: an options section and one
// section per chapter file (name ending in .md).
func goldenBook(t *testing.T, ar *txtar.Archive) *book.Book {
	chapters := map[string]string{}
	extra := smallPaper
	for _, f := range ar.Files {
		switch {
		case strings.HasSuffix(f.Name, ".md"):
			chapters[f.Name] = string(f.Data)
		case f.Name == "options":
			extra = manifestOptions(t, string(f.Data))
		}
	}
	return testBook(t, chapters, extra)
}

// manifestOptions turns an options section's lines, such as "indent 1",
// "recto", "normal", "manifest publisher: X" (a top-level manifest line),
// into manifest text on a 문고판 page.
func manifestOptions(t *testing.T, s string) string {
	top, pdf := "", smallPaper
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch key {
		case "":
		case "indent":
			pdf += "  indent: " + val + "\n"
		case "recto":
			pdf += "  recto_chapters: true\n"
		case "normal":
			pdf += "  linebreak: normal\n"
		case "manifest":
			top += val + "\n"
		default:
			t.Fatalf("unknown option %q", line)
		}
	}
	return top + pdf
}

// TestPagesGolden lays out each book of testdata/pages and compares the
// text of every line of every page, and the diagnostics, with the file.
func TestPagesGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/pages/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			b := goldenBook(t, ar)
			var diags diag.List
			doc, err := Layout(b, Options{}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, b, doc)
			got := dumpLines(doc) + "== diagnostics ==\n" + diagText(&diags)
			compareSection(t, file, ar, "lines", got)
		})
	}
}

// diagText lists diagnostics one a line.
func diagText(l *diag.List) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// compareSection checks or, with -update, rewrites one section.
func compareSection(t *testing.T, file string, ar *txtar.Archive, name, got string) {
	for i, f := range ar.Files {
		if f.Name != name {
			continue
		}
		if updating() {
			ar.Files[i].Data = []byte(got)
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if string(f.Data) != got {
			t.Errorf("%s: lines differ (run with -update to accept)\n--- want\n%s\n--- got\n%s", file, f.Data, got)
		}
		return
	}
	if !updating() {
		t.Fatalf("%s: no %q section (run with -update)", file, name)
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got)})
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkDocument checks the properties every layout must have.
func checkDocument(t *testing.T, b *book.Book, doc *Document) {
	t.Helper()
	checkTextBlock(t, b, doc)
	checkLineStarts(t, doc)
	checkChapterText(t, b, doc)
	checkAnchors(t, doc)
}

// checkTextBlock: no Text lies outside the text block, except running
// heads above it and folios below it; no line runs past its right edge.
func checkTextBlock(t *testing.T, b *book.Book, doc *Document) {
	g := newGeometry(b.Config.PDF)
	slack := Pt(0.5)
	for i, p := range doc.Pages {
		if p.Number <= 2 {
			continue // cover and title page are free
		}
		left := g.left(p.Number)
		for _, el := range p.Elements {
			if gl, ok := el.(Glyphs); ok {
				checkGlyphsInBlock(t, i, gl, left, g)
				continue
			}
			tx, ok := el.(Text)
			if !ok {
				continue
			}
			inY := tx.Y > g.top && tx.Y <= g.top+g.textH
			if !inY && tx.Color != grayColor {
				t.Errorf("page %d: %q at y=%.1fpt lies outside the text block (%.1f–%.1f)", i+1, tx.Text, tx.Y.Pt(), g.top.Pt(), (g.top + g.textH).Pt())
			}
			lead, trail := hanging(tx.Text, tx.Size)
			if tx.X+lead < left-slack || tx.X+textWidth(tx)-trail > left+g.textW+slack {
				t.Errorf("page %d: %q at x=%.1f–%.1fpt sticks out of the text block (%.1f–%.1f)", i+1, tx.Text, tx.X.Pt(), (tx.X + textWidth(tx)).Pt(), left.Pt(), (left + g.textW).Pt())
			}
		}
	}
}

// checkGlyphsInBlock: every glyph of a run (a formula) stands inside the
// text block, its advance included.
func checkGlyphsInBlock(t *testing.T, page int, gl Glyphs, left Length, g geometry) {
	slack := Pt(0.5)
	for _, gp := range gl.Glyphs {
		x, y := gl.X+gp.X, gl.Y+gp.Y
		end := x + perMille(gl.Size, mathAdvance1000(gp.ID))
		if x < left-slack || end > left+g.textW+slack || y < g.top || y > g.top+g.textH {
			t.Errorf("page %d: glyph %q at %.1f–%.1f, %.1fpt lies outside the text block", page+1, gp.Text, x.Pt(), end.Pt(), y.Pt())
		}
	}
}

// checkLineStarts: no line of running text starts with a character that
// may not start a line (KLREQ). Code and TeX, in the code face, are
// exempt: they are set as written.
func checkLineStarts(t *testing.T, doc *Document) {
	for i, p := range doc.Pages {
		for _, l := range pageLines(p) {
			first := l.texts[0]
			if isCodeFace(doc, first.Font) || isMathFace(doc, first.Font) || first.Text == "" {
				continue
			}
			r := []rune(strings.TrimSpace(l.text))
			if len(r) > 0 && neverStarts(r[0]) {
				t.Errorf("page %d: line starts with %q: %s", i+1, r[0], l.text)
			}
		}
	}
}

// isMathFace reports the math font: a line of a display formula may
// start with any symbol of it (a comma after a fraction).
func isMathFace(doc *Document, id FontID) bool { return doc.Fonts[id].Name == "dejavu-math" }

func isCodeFace(doc *Document, id FontID) bool {
	return strings.HasPrefix(doc.Fonts[id].Name, string(RoleCode))
}

// checkChapterText: the text of every paragraph of every chapter appears
// in the document, in order (spaces ignored; footnotes, which sit at page
// feet, left out; running heads and folios set aside).
func checkChapterText(t *testing.T, b *book.Book, doc *Document) {
	var stream strings.Builder
	g := newGeometry(b.Config.PDF)
	for _, p := range doc.Pages {
		for _, l := range pageLines(p) {
			if l.y > g.top && l.y <= g.top+g.textH { // not a running head or folio
				stream.WriteString(stripSpace(l.text))
			}
		}
	}
	all := stream.String()
	at := 0
	for _, c := range b.Chapters() {
		for _, want := range paragraphTexts(c) {
			i := strings.Index(all[at:], want)
			if i < 0 {
				t.Errorf("%s: text %q missing or out of order", c.Source, want)
				continue
			}
			at += i
		}
	}
}

// paragraphTexts lists the plain texts in a chapter's paragraphs, outside
// footnotes, spaces removed.
func paragraphTexts(c *book.Chapter) []string {
	var out []string
	src := c.Src()
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*extast.Footnote); ok {
			return ast.WalkSkipChildren, nil
		}
		if tx, ok := n.(*ast.Text); ok {
			if _, inPara := tx.Parent().(*ast.Paragraph); inPara {
				if s := drawable(stripSpace(textValue(tx, src))); s != "" {
					out = append(out, s)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// drawable drops the characters no shipped face has, which layout
// reports and leaves out.
func drawable(s string) string {
	textWidth(Text{}) // loads testFonts
	return strings.Map(func(r rune) rune {
		if testFonts.faceFor(fontKey{RoleBody, false}, r) == nil {
			return -1
		}
		return r
	}, s)
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkAnchors: anchor names are unique and every link to an anchor has
// one to go to.
func checkAnchors(t *testing.T, doc *Document) {
	names := map[string]bool{}
	for _, p := range doc.Pages {
		for _, a := range p.Anchors {
			if names[a.Name] {
				t.Errorf("anchor %q defined twice", a.Name)
			}
			names[a.Name] = true
		}
	}
	for i, p := range doc.Pages {
		for _, el := range p.Elements {
			if l, ok := el.(Link); ok && l.Anchor != "" && !names[l.Anchor] {
				t.Errorf("page %d: link to unknown anchor %q", i+1, l.Anchor)
			}
		}
	}
}

// sampleBook loads books/sample.yaml.
func sampleBook(t *testing.T, diags *diag.List) *book.Book {
	t.Helper()
	m, err := manifest.Load("../../books/sample.yaml", diags)
	if err != nil {
		t.Fatal(err)
	}
	b, err := book.Load(m, book.Options{}, diags)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSampleProperties checks the sample book's layout.
func TestSampleProperties(t *testing.T) {
	var diags diag.List
	b := sampleBook(t, &diags)
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, b, doc)
	if got := outlineText(doc.Outline, ""); got != sampleOutline {
		t.Errorf("outline:\n%s\nwant:\n%s", got, sampleOutline)
	}
	compareFile(t, "testdata/sample.lines", dumpLines(doc))
	if n := diags.Count(diag.Warning) + diags.Count(diag.Error); n > 0 {
		t.Errorf("the sample book has %d warnings or errors:\n%s", n, diagText(&diags))
	}
}

// compareFile checks got against a golden file or, with -update, writes it.
func compareFile(t *testing.T, file, got string) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s: lines differ (run with -update to accept)\n--- got\n%s", file, got)
	}
}

// sampleOutline is the sample book's bookmark tree: the TOC, a chapter
// outside any part, a part with its chapters, ## headings under each.
const sampleOutline = `차례
개발자 취업 준비 1년의 기록
  왜 개발자인가
  공부한 것들
  면접에서 배운 것
제2부 기록
  Go 동시성 패턴 정리
    워커 풀
    지연 시간 계산
    템플릿 문법과 겹칠 때
  한국어 조판에서 신경 쓸 것들
    문장 부호
    그래프
    한 줄 요약
  소프트맥스와 역전파를 손으로 풀어 보기
    교차 엔트로피
    행렬과 경우 나누기
    기댓값과 노름
`

// outlineText prints an outline tree, children indented.
func outlineText(entries []*OutlineEntry, indent string) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(indent + e.Title + "\n")
		b.WriteString(outlineText(e.Children, indent+"  "))
	}
	return b.String()
}

// Issue 12 item 9: the outline lists the sections of a chapter whose post
// writes them as ###, as the EPUB's navigation does (book.Heading.Depth).
func TestOutlineSectionsByDepthIssue12(t *testing.T) {
	b := testBook(t, map[string]string{
		"a.md": "---\ntitle: 셋째 단계로 쓴 글\n---\n### 첫 절\n\n본문.\n\n#### 작은 절\n\n본문.\n\n### 둘째 절\n\n본문.\n",
	}, smallPaper)
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	want := "차례\n셋째 단계로 쓴 글\n  첫 절\n  둘째 절\n"
	if got := outlineText(doc.Outline, ""); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

// Issue 14 item 3: the PDF's link targets are valid URIs too.
func TestLinkURLsEscapedIssue14(t *testing.T) {
	b := testBook(t, map[string]string{"a.md": "---\ntitle: 링크\n---\n[논문](https://example.org/Recommender-Systems-[Netflix].pdf) 과 [한글](https://example.org/위키 문서)\n"}, smallPaper)
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			if l, ok := el.(Link); ok && l.URL != "" {
				urls = append(urls, l.URL)
			}
		}
	}
	want := "https://example.org/Recommender-Systems-%5BNetflix%5D.pdf"
	if len(urls) == 0 || urls[0] != want {
		t.Errorf("link URLs %q, want the first %q", urls, want)
	}
}

// hanging is how far the blank half of a full-width bracket at the start
// (an opening one) or the end (a closing one) of text at size may lie
// outside the text block: the paragraph builder trims that blank at the
// ends of lines, and only the ink keeps to the block.
func hanging(text string, size Length) (lead, trail Length) {
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if isOpening(first) && markdown.IsWide(first) {
		lead = size / 2
	}
	if isClosing(last) && markdown.IsWide(last) {
		trail = size / 2
	}
	return lead, trail
}

// Issue 12 item 1: backslash escapes and character references print as
// the EPUB shows them, in headings, the outline, body text, table cells
// and alt text; code keeps its backslashes.
func TestBackslashEscapesIssue12Item1(t *testing.T) {
	b := testBook(t, map[string]string{"a.md": "---\ntitle: 이스케이프\n---\n" +
		"## \\>_\\<\n\n" +
		"별표 \\*강조 아님\\*, 역슬래시 \\\\, \\# 샵, \\_밑줄\\_, &amp; 과 &#44032;.\n\n" +
		"| 칸 \\| 하나 | `a\\b` |\n|---|---|\n| \\*셀\\* | ![대체\\_글](없는.png) |\n",
	}, smallPaper)
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	text := dumpLines(doc)
	for _, want := range []string{">_<", "별표 *강조 아님*,", "역슬래시 \\, # 샵, _밑줄_, & 과", "가.", "칸 | 하나", `a\b`, "*셀*", "[대체_글]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pages lack %q:\n%s", want, text)
		}
	}
	if got := outlineText(doc.Outline, ""); !strings.Contains(got, "  >_<\n") {
		t.Errorf("outline:\n%s", got)
	}
}

// Issue 12 item 8: on every trim size, nothing printed comes within
// safeMm of a trim edge (the cover, printed to the edge, aside), and the
// text block keeps its least margins.
func TestMarginsEveryPaperIssue12Item8(t *testing.T) {
	for _, name := range manifest.PaperNames() {
		t.Run(name, func(t *testing.T) {
			var diags diag.List
			m, err := manifest.Load("../../books/sample.yaml", &diags)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.PDF.SetPaper(name); err != nil {
				t.Fatal(err)
			}
			b, err := book.Load(m, book.Options{}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Layout(b, Options{}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			g := newGeometry(b.Config.PDF)
			if g.inner < Mm(minInnerMm) || g.outer < Mm(minOuterMm) {
				t.Errorf("side margins %.1f and %.1f mm", g.inner.Mm(), g.outer.Mm())
			}
			safe := Mm(safeMm)
			for i, p := range doc.Pages {
				if i == 0 && b.Cover != nil {
					continue
				}
				for _, el := range p.Elements {
					x0, y0, x1, y1 := bounds(el)
					if x0 < safe || y0 < safe || x1 > doc.Width-safe || y1 > doc.Height-safe {
						t.Errorf("page %d: %T %s at x %.1f–%.1f, y %.1f–%.1f mm comes within %d mm of the trim (%.0f×%.0f mm)",
							i+1, el, elementText(el), x0.Mm(), x1.Mm(), y0.Mm(), y1.Mm(), safeMm, doc.Width.Mm(), doc.Height.Mm())
					}
				}
			}
		})
	}
}

// bounds is the box an element covers on the page.
func bounds(el Element) (x0, y0, x1, y1 Length) {
	switch e := el.(type) {
	case Text:
		lo, hi, _ := extent(e)
		return e.X, lo, e.X + textWidth(e), hi
	case Rule:
		return min(e.X1, e.X2), min(e.Y1, e.Y2), max(e.X1, e.X2), max(e.Y1, e.Y2)
	case Rect:
		return e.X, e.Y, e.X + e.W, e.Y + e.H
	case Image:
		return e.X, e.Y, e.X + e.W, e.Y + e.H
	case Link:
		return e.X, e.Y, e.X + e.W, e.Y + e.H
	case Glyphs:
		return e.X, e.Y - e.Size, e.X, e.Y
	}
	return 0, 0, 0, 0
}

func elementText(el Element) string {
	if t, ok := el.(Text); ok {
		return strconv.Quote(t.Text)
	}
	return ""
}

// Issue 11 item 12: settings whose text block cannot hold a book are
// refused at the manifest's line, and small pages that are accepted are
// set without a box of negative size.
func TestSmallPagesIssue11Item12(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 60, 40))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	md := "---\ntitle: 작은 쪽\n---\n작은 쪽에 큰 글자로 쓴 문단이다.\n\n![그림 설명이 꽤 길게 붙어 있는 그림](a.png \"그림 설명이 꽤 길게 붙어 있어서 여러 줄로 넘어가는 그림 제목\")\n\n끝.\n"
	for _, c := range []struct {
		pdf    string
		refuse bool
	}{
		{"  paper: 50x70mm\n  font_size: 24\n", true},
		{"  paper: 50x70mm\n  font_size: 14\n", true},
		{"  paper: mungo\n  font_size: 30\n", true},
		{"  paper: 50x70mm\n  font_size: 5\n", false},
		{"  paper: mungo\n  font_size: 18\n", false},
	} {
		b := testBookWith(t, dir, map[string]string{"a.md": md}, "pdf:\n"+c.pdf)
		var diags diag.List
		doc, err := Layout(b, Options{}, &diags)
		if c.refuse {
			items := diags.Items()
			if err == nil || len(items) != 1 || items[0].Pos.Line != 5 || !strings.Contains(items[0].Message, "a page needs at least") {
				t.Errorf("%s: err %v, diagnostics:\n%s", c.pdf, err, diagText(&diags))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.pdf, err)
		}
		for i, p := range doc.Pages {
			for _, el := range p.Elements {
				x0, y0, x1, y1 := bounds(el)
				im, isImage := el.(Image)
				if x1 < x0 || y1 < y0 || isImage && (im.W <= 0 || im.H <= 0) {
					t.Errorf("%s page %d: %T of empty or negative size", c.pdf, i+1, el)
				}
			}
		}
	}
}

// Issue 14 item 10 and issue 12 item 8: nothing leaves its box. A long
// URL of percent escapes and an over-long identifier break at any
// character as the last resort; a cell's text stays in its column; a
// remote image without alt text shows its file name wrapped inside its
// frame.
func TestNothingLeavesItsBoxIssue14Item10(t *testing.T) {
	url := "https://ko.wikipedia.org/wiki/" + strings.Repeat("%EC%9E%90%EC%97%B0%EC%96%B4_", 8) + "end"
	ident := "AbstractSingletonProxyFactoryBeanConfigurationRegistryPostProcessorAdapterImpl"
	md := "---\ntitle: 넘침\n---\n" +
		"주소는 <" + url + "> 이다.\n\n" +
		"이름이 `" + ident + "` 인 클래스와 " + ident + " 그대로.\n\n" +
		"| 왼쪽 | 오른쪽 |\n|---|---|\n| `" + ident + "` | 짧음 |\n\n" +
		"![](https://cdn.example.com/uploads/2020/01/" + strings.Repeat("very-long-file-name-", 6) + "figure.png)\n"
	for _, paper := range []string{"mungo", "a5"} {
		b := testBook(t, map[string]string{"a.md": md}, "pdf:\n  paper: "+paper+"\n")
		var diags diag.List
		doc, err := Layout(b, Options{}, &diags)
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, b, doc)
		for _, d := range diags.Items() {
			if strings.Contains(d.Message, "too wide") {
				t.Errorf("%s: %s", paper, d)
			}
		}
		text := dumpLines(doc)
		if !strings.Contains(stripSpace(text), stripSpace(url)) || !strings.Contains(stripSpace(text), "very-long-file-name-figure.png") {
			t.Errorf("%s: the URL or the image's file name is not all there:\n%s", paper, text)
		}
		checkCells(t, doc, "오른쪽")
		for _, p := range doc.Pages {
			for _, el := range p.Elements {
				if r, ok := el.(Rect); ok && r.Stroke {
					for _, el := range p.Elements {
						if tx, ok := el.(Text); ok && tx.Y > r.Y && tx.Y < r.Y+r.H && (tx.X < r.X || tx.X+textWidth(tx) > r.X+r.W) {
							t.Errorf("%s: %q sticks out of the missing image's frame", paper, tx.Text)
						}
					}
				}
			}
		}
	}
}

// checkCells checks that the text of a table's first column ends before
// the column whose header is right begins, on every row.
func checkCells(t *testing.T, doc *Document, right string) {
	t.Helper()
	for _, p := range doc.Pages {
		var col Length
		for _, el := range p.Elements {
			if tx, ok := el.(Text); ok && tx.Text == right {
				col = tx.X
			}
		}
		if col == 0 {
			continue
		}
		// the table lies between its first and last horizontal rules
		top, bottom := Length(1<<40), Length(0)
		for _, el := range p.Elements {
			if r, ok := el.(Rule); ok && r.Y1 == r.Y2 {
				top, bottom = min(top, r.Y1), max(bottom, r.Y1)
			}
		}
		for _, el := range p.Elements {
			if tx, ok := el.(Text); ok && tx.Y > top && tx.Y < bottom && tx.X < col && tx.X+textWidth(tx) > col {
				t.Errorf("%q runs into the next column (x %.1f–%.1f pt, column at %.1f)", tx.Text, tx.X.Pt(), (tx.X + textWidth(tx)).Pt(), col.Pt())
			}
		}
	}
}

// Issue 14 item 12: a line less than a point too wide shows to no reader
// and is not reported; one wider is.
func TestTooWideUnderAPointIssue14Item12(t *testing.T) {
	b := testBook(t, map[string]string{"a.md": "---\ntitle: 가\n---\n글.\n"}, "")
	fs, err := newFontSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		over Length
		warn bool
	}{{Pt(0.5), false}, {Pt(0.99), false}, {Pt(1.5), true}} {
		var diags diag.List
		e := newEngine(b, Options{}, fs, &diags)
		e.ch = b.Chapters()[0]
		sp := []span{{text: "가", st: e.bodyStyle()}}
		runs, _ := e.runs(sp)
		w := runsWidth(runs) - c.over
		e.setText(sp, textOpts{justify: true, size: e.size, pitch: e.pitch, width: w})
		if got := diags.Len() > 0; got != c.warn {
			t.Errorf("a line %.2f pt too wide: warned %v, want %v (%s)", c.over.Pt(), got, c.warn, diagText(&diags))
		}
	}
}

// Issue 12 item 12: a code block that runs across pages never starts a
// page with the continuation of a wrapped line, nor with a blank line.
func TestCodeAcrossPagesIssue12Item12(t *testing.T) {
	var code strings.Builder
	for i := range 60 {
		switch i % 5 {
		case 0:
			code.WriteString("\n")
		case 3:
			fmt.Fprintf(&code, "\tresult%d := compute(ctx, request.WithTimeout(%d*time.Second), options.Retry(3), logger.With(\"step\", %d))\n", i, i, i)
		default:
			fmt.Fprintf(&code, "\tstep%d()\n", i)
		}
	}
	for _, shift := range []int{0, 1, 2, 3, 4, 5, 6, 7} {
		md := "---\ntitle: 코드\n---\n" + strings.Repeat("앞 문단이 한 줄 있다.\n\n", shift) + "```go\nfunc main() {\n" + code.String() + "}\n```\n\n끝.\n"
		b := testBook(t, map[string]string{"a.md": md}, smallPaper)
		doc, err := Layout(b, Options{}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		g := newGeometry(b.Config.PDF)
		codePitch := Length(codeLineRatio * codeScale * float64(Pt(b.Config.PDF.FontSize)))
		for i, p := range doc.Pages {
			var first *Text
			shade := false
			for _, el := range p.Elements {
				switch el := el.(type) {
				case Text:
					if el.Y > g.top && el.Y < g.top+g.textH && (first == nil || el.Y < first.Y) {
						first = &el
					}
				case Rect:
					shade = shade || el.Fill == codeShade && el.Y == g.top
				}
			}
			if first == nil || !shade {
				continue
			}
			if strings.HasPrefix(first.Text, continuation) {
				t.Errorf("shift %d, page %d starts with a wrapped line's continuation %q", shift, i+1, first.Text)
			}
			// a block that starts on the page has its padding above
			// the first line; a blank line would push it a pitch further
			if first.Y-g.top > codePitch+Length(codePad*codeScale*float64(Pt(b.Config.PDF.FontSize))) {
				t.Errorf("shift %d, page %d starts with a blank line of code (first text %.1f pt down)", shift, i+1, (first.Y - g.top).Pt())
			}
		}
	}
}

// Issue 12 item 14: every heading level has a style of its own (size,
// weight, colour), in the order of the levels; emphasis is the upright
// gothic face, strong emphasis bold.
func TestHeadingLevelsIssue12Item14(t *testing.T) {
	md := "---\ntitle: 제목들\n---\n"
	for l := 1; l <= 6; l++ {
		md += strings.Repeat("#", l) + " 단계" + strconv.Itoa(l) + "\n\n본문.\n\n"
	}
	md += "*강조*와 **굵게**.\n"
	b := testBook(t, map[string]string{"a.md": md}, "")
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	type look struct {
		face  string
		size  Length
		color Color
	}
	looks := map[string]look{}
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			if tx, ok := el.(Text); ok {
				looks[tx.Text] = look{doc.Fonts[tx.Font].Name, tx.Size, tx.Color}
			}
		}
	}
	seen := map[look]int{}
	var prev look
	for l := 1; l <= 6; l++ {
		lk, ok := looks["단계"+strconv.Itoa(l)]
		if !ok {
			t.Fatalf("heading %d not found", l)
		}
		if !strings.HasPrefix(lk.face, string(RoleHeading)) {
			t.Errorf("level %d set in %s, want the heading face", l, lk.face)
		}
		if o, dup := seen[lk]; dup {
			t.Errorf("levels %d and %d look the same: %+v", o, l, lk)
		}
		seen[lk] = l
		if l > 1 && lk.size > prev.size {
			t.Errorf("level %d is larger than level %d", l, l-1)
		}
		prev = lk
	}
	if em := looks["강조"]; em.face != string(RoleHeading) {
		t.Errorf("emphasis set in %q, want the regular gothic face %q", em.face, RoleHeading)
	}
	if strong := looks["굵게"]; strong.face != string(RoleBody)+"-bold" {
		t.Errorf("strong emphasis set in %q, want the bold body face", strong.face)
	}
}

// fixtureDoc lays out a shared fixture (testdata/sites) at its paper.
func fixtureDoc(t *testing.T, name string) (*book.Book, *Document, *diag.List) {
	t.Helper()
	dir := testtool.Site(t, filepath.Join(testtool.ModuleRoot(t), "testdata", "sites", name+".txtar"))
	var diags diag.List
	m, err := manifest.Load(filepath.Join(dir, "book.yaml"), &diags)
	if err != nil {
		t.Fatal(err)
	}
	b, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, b, doc)
	return b, doc, &diags
}

// findText returns the Text elements whose text is s, with their pages.
func findText(doc *Document, s string) (out []Text) {
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			tx, ok := el.(Text)
			if !ok {
				continue
			}
			if tx.Text == s {
				out = append(out, tx)
				continue
			}
			for _, w := range textWords(tx) {
				if w.Text == s {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// Issue 14 item 6: raw HTML keeps its structure in the PDF: a table
// written in HTML is a table (header shaded, cells on one baseline per
// row, aligned as written), sub- and superscripts are set small off the
// baseline, a kramdown table without a separator line is a table, lists
// have their markers, <pre> is code, and a figure a script would have
// drawn is a framed note with a warning, the page's <title> left out.
func TestRawHTMLIssue14Item6(t *testing.T) {
	_, doc, diags := fixtureDoc(t, "rawhtml")
	one := func(s string) Text {
		t.Helper()
		found := findText(doc, s)
		if len(found) != 1 {
			t.Fatalf("%q drawn %d times", s, len(found))
		}
		return found[0]
	}
	model, acc := one("모델"), one("정확도")
	if model.Y != acc.Y || !strings.HasPrefix(doc.Fonts[model.Font].Name, "heading-bold") {
		t.Errorf("HTML table header: %+v, %+v", model, acc)
	}
	if a, b := one("로지스틱"), one("0.81"); a.Y != b.Y || b.X < acc.X {
		t.Errorf("HTML table row: %+v, %+v (the number is aligned right)", a, b)
	}
	if a, b, c := one("하나"), one("둘"), one("셋"); a.Y != b.Y || b.Y != c.Y || a.X >= b.X || b.X >= c.X {
		t.Errorf("a kramdown table without a separator line is not a row of cells: %+v %+v %+v", a, b, c)
	}
	var rises []Length // of the small 2s against the H and the r before them
	for _, letter := range []string{"H", "r"} {
		base := one(letter)
		for _, two := range findText(doc, "2") {
			if two.X > base.X && two.X < base.X+Pt(10) && two.Y-base.Y < Pt(5) && base.Y-two.Y < Pt(5) {
				if two.Size >= base.Size {
					t.Errorf("the 2 after %s at full size", letter)
				}
				rises = append(rises, base.Y-two.Y)
			}
		}
	}
	if len(rises) != 2 || rises[0] >= 0 || rises[1] <= 0 {
		t.Errorf("H₂O and r²: rises %v, want one below the baseline and one above", rises)
	}
	for _, s := range []string{"Bokeh Plot", "Bokeh.embed.embed_items"} {
		for _, p := range doc.Pages {
			for _, l := range pageLines(p) {
				if strings.Contains(l.text, s) {
					t.Errorf("stray text %q: %s", s, l.text)
				}
			}
		}
	}
	if !strings.Contains(stripSpace(dumpLines(doc)), stripSpace(markdown.InteractiveNote)) {
		t.Error("no note where the interactive figure was")
	}
	if !strings.Contains(diagText(diags), "is filled by a script") {
		t.Errorf("no warning about the interactive figure:\n%s", diagText(diags))
	}
	text := dumpLines(doc)
	for _, want := range []string{"• 첫째 항목", "3. 셋째부터 센다", "4. 넷째", "▣ 끝낸 일"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if code := one("for i in range(3):"); !isCodeFace(doc, code.Font) {
		t.Errorf("<pre> is not set as code")
	}
}

// Issue 12 item 13: <center>, and a block aligned center, centre their
// text in the PDF as in the EPUB, the Markdown inside them included.
func TestCenterIssue12Item13(t *testing.T) {
	b, doc, _ := fixtureDoc(t, "rawhtml")
	g := newGeometry(b.Config.PDF)
	for _, want := range []string{"가운데로 맞춘 문단도 있다.", "그림 1. 가운데 맞춘 설명"} {
		found := false
		for _, p := range doc.Pages {
			for _, l := range pageLines(p) {
				if l.text != want {
					continue
				}
				found = true
				last := l.texts[len(l.texts)-1]
				mid := (l.texts[0].X + last.X + textWidth(last)) / 2
				if c := g.left(p.Number) + g.textW/2; mid < c-Pt(1) || mid > c+Pt(1) {
					t.Errorf("%q is not centred: its middle at %.1f pt, the measure's at %.1f", want, mid.Pt(), c.Pt())
				}
			}
		}
		if !found {
			t.Errorf("no line %q", want)
		}
	}
	md := "---\ntitle: 가운데\n---\n<center>\n\n한가운데 놓인 마크다운 문단.\n\n</center>\n\n보통 문단은 왼쪽에서 시작해 양쪽을 맞춘다.\n"
	b2 := testBook(t, map[string]string{"a.md": md}, "")
	doc2, err := Layout(b2, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	g2 := newGeometry(b2.Config.PDF)
	in, out := findText(doc2, "한가운데"), findText(doc2, "보통")
	if len(in) != 1 || len(out) != 1 {
		t.Fatalf("texts not found:\n%s", dumpLines(doc2))
	}
	if in[0].X <= g2.left(3)+Pt(10) || out[0].X != g2.left(3) {
		t.Errorf("Markdown inside <center> at x %.1f, after it at %.1f (left edge %.1f)", in[0].X.Pt(), out[0].X.Pt(), g2.left(3).Pt())
	}
}

// An image inside a line of text that cannot be shown (remote, missing)
// leaves its alt text in the line, else the name of the file it asked
// for, as the EPUB's frame shows it: an empty alt printed "[]".
func TestInlineImageStandIn(t *testing.T) {
	md := "---\ntitle: 그림\n---\n" +
		"앞 ![](https://example.com/x/y/pic.png) 과 ![대체](https://example.com/x/y/pic2.png) 과 <img src=\"https://example.com/raw.png\"> 끝.\n"
	b := testBook(t, map[string]string{"a.md": md}, "")
	var diags diag.List
	doc, err := Layout(b, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	text := stripSpace(dumpLines(doc))
	for _, want := range []string{"앞[pic.png]과[대체]과[raw.png]끝."} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in:\n%s", want, dumpLines(doc))
		}
	}
}

// A <details>' summary introduces what follows: whatever the text before
// it, no page ends with the summary and its content on the next page.
func TestDetailsSummaryKeepsWithContent(t *testing.T) {
	ended := 0
	for n := 1; n <= 24; n++ {
		md := "---\ntitle: 접기\n---\n" + strings.Repeat("채우는 문장이 한 줄을 차지한다.\n\n", n) +
			"<details><summary>요약 제목</summary>\n\n접힌 본문이 여기에 온다.\n\n</details>\n\n" +
			strings.Repeat("뒤에 오는 문장도 한 줄이다.\n\n", 12)
		doc, err := Layout(testBook(t, map[string]string{"a.md": md}, smallPaper), Options{}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(dumpLines(doc), "\n")
		for i, l := range lines {
			if l != "요약 제목" {
				continue
			}
			if i+1 >= len(lines) || lines[i+1] != "접힌 본문이 여기에 온다." {
				t.Errorf("%d lines before: the summary is followed by %q", n, lines[i+1])
			}
			ended++
		}
	}
	if ended != 24 {
		t.Errorf("the summary was found %d times in 24 books", ended)
	}
}

// glyphAt is one character a Text draws, where the painter puts it.
type glyphAt struct {
	page       int
	r          rune
	x, y, size Length
	font       FontID
}

// textGlyphs places every character of the page's Texts as the painter
// does: one advance after another, WordSpacing after each space and
// LetterSpacing between two other characters. Spaces are left out.
func textGlyphs(doc *Document) []glyphAt {
	var out []glyphAt
	for i, p := range doc.Pages {
		for _, el := range p.Elements {
			t, ok := el.(Text)
			if !ok || int(t.Font) >= len(testFonts.faces) {
				continue
			}
			m := faceMeasurer{testFonts.faces[t.Font], t.Size}
			x, prev := t.X, ' '
			for _, r := range t.Text {
				if prev != ' ' && r != ' ' {
					x += t.LetterSpacing
				}
				if r != ' ' {
					out = append(out, glyphAt{i, r, x, t.Y, t.Size, t.Font})
				}
				x += m.Advance(r)
				if r == ' ' {
					x += t.WordSpacing
				}
				prev = r
			}
		}
	}
	return out
}

// TestWordsJoinedAsPlaced: the Texts that join a line's words and
// letters (WordSpacing, LetterSpacing) put every character where placing
// each piece on its own puts it, within 0.01 pt, on the sample book and
// on long justified Korean paragraphs whose lines spread syllables; and
// they are far fewer.
func TestWordsJoinedAsPlaced(t *testing.T) {
	textWidth(Text{}) // loads testFonts
	sample := sampleBook(t, &diag.List{})
	words := []string{"한국어", "문장은", "띄어쓰기", "단위로", "줄을", "바꾼다.", "그리고", "모델의", "손실", "함수를", "(최소화)", "ReLU와", "「정규화」를", "적용했다,", "x_1", "데이터"}
	var md strings.Builder
	md.WriteString("---\ntitle: 양쪽 맞춤\n---\n\n")
	for p := range 40 {
		for w := range 45 + p%7 {
			md.WriteString(words[(p*7+w*w)%len(words)] + " ")
		}
		md.WriteString("끝.\n\n")
	}
	long := testBook(t, map[string]string{"a.md": md.String()}, "")
	for name, b := range map[string]*book.Book{"sample": sample, "justified": long} {
		t.Run(name, func(t *testing.T) {
			joined, err := Layout(b, Options{}, &diag.List{})
			if err != nil {
				t.Fatal(err)
			}
			apart, err := Layout(b, Options{apart: true}, &diag.List{})
			if err != nil {
				t.Fatal(err)
			}
			g1, g2 := textGlyphs(joined), textGlyphs(apart)
			if len(g1) != len(g2) {
				t.Fatalf("%d characters joined, %d apart", len(g1), len(g2))
			}
			tol := Pt(0.01)
			for i := range g1 {
				a, b := g1[i], g2[i]
				if a.page != b.page || a.r != b.r || a.y != b.y || a.font != b.font || a.size != b.size || a.x-b.x > tol || b.x-a.x > tol {
					t.Fatalf("character %d: joined %+v, apart %+v", i, a, b)
				}
			}
			count := func(d *Document) (n int) {
				for _, p := range d.Pages {
					for _, el := range p.Elements {
						if _, ok := el.(Text); ok {
							n++
						}
					}
				}
				return n
			}
			n1, n2 := count(joined), count(apart)
			t.Logf("%d Texts joined, %d apart", n1, n2)
			if n1*2 > n2 {
				t.Errorf("%d Texts joined against %d apart: fewer than half were joined", n1, n2)
			}
		})
	}
}

// TestHTMLTableSpans: a raw HTML table's colspan widens a cell over the
// columns it spans, and a rowspan keeps its column empty in the rows
// below, so that every later cell stands in its own column (as the EPUB
// shows the table); a hostile span is bounded.
func TestHTMLTableSpans(t *testing.T) {
	md := `---
title: 칸 합치기
---

<table>
<tr><th>가</th><th>나</th><th>다</th></tr>
<tr><td colspan="2">두 칸에 걸친 글</td><td>셋</td></tr>
<tr><td rowspan="2">세로</td><td>하나</td><td>둘</td></tr>
<tr><td>아래</td><td>끝</td></tr>
<tr><td colspan="999999">넓음</td></tr>
</table>
`
	b := testBook(t, map[string]string{"a.md": md}, "")
	doc, err := Layout(b, Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	x := func(s string) Length {
		t.Helper()
		found := findText(doc, s)
		if len(found) != 1 {
			t.Fatalf("%q drawn %d times:\n%s", s, len(found), dumpLines(doc))
		}
		return found[0].X
	}
	col1, col2, col3 := x("가"), x("나"), x("다")
	for _, c := range []struct {
		text string
		want Length
	}{{"셋", col3}, {"세로", col1}, {"하나", col2}, {"둘", col3}, {"아래", col2}, {"끝", col3}, {"넓음", col1}} {
		if got := x(c.text); got != c.want {
			t.Errorf("%q at x %.1f pt, want %.1f (the column's)", c.text, got.Pt(), c.want.Pt())
		}
	}
	// The cell over two columns has their width: its text stays on one
	// line, where one column would have broken it.
	if words := findText(doc, "두"); len(words) != 1 || words[0].Y != findText(doc, "글")[0].Y {
		t.Errorf("the cell over two columns broke its line:\n%s", dumpLines(doc))
	}
}
