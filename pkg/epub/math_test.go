package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/hangul-press/publish/pkg/truetype"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"
)

// mathModes are the three values of epub.math, by name.
var mathModes = []struct {
	name string
	mode manifest.EPUBMath
}{{"svg", manifest.MathSVG}, {"mathml", manifest.MathML}, {"both", manifest.MathBoth}}

// TestMath builds a book of the sample's two chapters with math and the
// math fixture (testdata/math.txtar) in every epub.math mode, and checks
// that every formula of the source is math in the EPUB (formulas that
// cannot be set are marked TeX, and only those), that no TeX is left in
// the text, that the manifest declares what the documents hold, and that
// two builds give the same bytes. EPUBCheck validates the mathml and both
// modes here; svg, the default, is validated in TestEPUBCheck (the sample,
// and the fixture inside the rich book).
func TestMath(t *testing.T) {
	for _, m := range mathModes {
		t.Run(m.name, func(t *testing.T) {
			b := mathBook(t)
			b.Config.EPUB.Math = m.mode
			data, _, diags := build(t, b, Options{})
			if diags.Len() != 0 {
				t.Errorf("writer's diagnostics:\n%v", diags)
			}
			counts := checkFormulas(t, b, data, m.mode, true)
			if counts.formulas < 45 || counts.errors != 3 {
				t.Errorf("%d formulas, %d marked as TeX; want at least 45 and 3", counts.formulas, counts.errors)
			}
			again, _, _ := build(t, b, Options{})
			if !bytes.Equal(data, again) {
				t.Error("two builds differ")
			}
			if m.mode != manifest.MathSVG {
				t.Parallel()
				epubcheck(t, data)
			}
		})
	}
}

// mathBook loads the sample's chapters with math and the math fixture as
// one book, under the sample site (its MathJax macros and numbering).
func mathBook(t *testing.T) *book.Book {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/math.txtar")
	if err != nil {
		t.Fatal(err)
	}
	post, ok := testtool.Section(ar, "math.md")
	if !ok {
		t.Fatal("no math.md in math.txtar")
	}
	dir := t.TempDir()
	writeFixture(t, filepath.Join(dir, "math.md"), post)
	site, err := filepath.Abs("../../books/sample/site")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(dir, site)
	if err != nil {
		t.Fatal(err)
	}
	manifest := fmt.Sprintf(`title: 수식 책
authors: [시험]
language: ko
date: 2024-01-02
site:
  root: %[1]s
math:
  inline: dollar
chapters:
  - %[1]s/_posts/2020-06-01-softmax-and-gradients.md
  - %[1]s/_posts/2020-1-5-go-concurrency.md
  - math.md
`, filepath.ToSlash(rel))
	writeFixture(t, filepath.Join(dir, "book.yaml"), []byte(manifest))
	b, _ := loadBook(t, filepath.Join(dir, "book.yaml"))
	return b
}

// formulaCounts are what checkFormulas found in a book.
type formulaCounts struct{ formulas, errors int }

// checkFormulas checks every chapter document of an EPUB against the
// formulas of its chapter: one element of class "math" per formula, in
// order, holding what the mode writes (or, for a formula book.Load could
// not parse, its TeX in a code.math-error and nothing else), and, when
// the posts write no TeX outside formulas (text), no TeX of a formula in
// the text outside them.
func checkFormulas(t *testing.T, b *book.Book, data []byte, mode manifest.EPUBMath, text bool) formulaCounts {
	t.Helper()
	files := zipFiles(t, data)
	opf := string(files["EPUB/package.opf"])
	var counts formulaCounts
	for i, c := range b.Chapters() {
		name := fmt.Sprintf("c%03d.xhtml", i+1)
		doc := readMathDoc(t, files["EPUB/"+name])
		want := formulasOf(c)
		if len(doc.formulas) != len(want) {
			t.Errorf("%s: %d math elements, the chapter has %d formulas", name, len(doc.formulas), len(want))
			continue
		}
		set := 0
		// A label anchors the last formula that carries it, when that
		// equation has a number or a tag (one without shows nothing to
		// refer to, and \eqref to it shows (??)).
		owner := map[string]int{}
		for j, f := range want {
			for _, eq := range equationsOf(f) {
				switch {
				case eq.Label == "":
				case eq.Tag != nil || eq.Number != "":
					owner[eq.Label] = j
				default:
					delete(owner, eq.Label)
				}
			}
		}
		for label, j := range owner {
			if !slices.Contains(doc.formulas[j].labels, mathIDPrefix+"eq."+idText(label)) {
				t.Errorf("%s formula %d (%q): no anchor for label %s (ids %v)", name, j+1, want[j].TeX, label, doc.formulas[j].labels)
			}
		}
		for j, f := range want {
			checkFormula(t, fmt.Sprintf("%s formula %d (%q)", name, j+1, f.TeX), doc.formulas[j], f, mode)
			switch {
			case f.Tree == nil:
				counts.errors++
			case len(f.Tree.Root.Kids) > 0:
				set++
			}
		}
		counts.formulas += len(want)
		for _, f := range want {
			if !text {
				break
			}
			if tex := strings.TrimSpace(f.TeX); f.Tree != nil && strings.ContainsAny(tex, `\^_{`) && strings.Contains(doc.text, tex) {
				t.Errorf("%s: the TeX %q is in the text", name, tex)
			}
		}
		if m := texInText.FindString(doc.text); text && m != "" {
			t.Errorf("%s: TeX %q is in the text", name, m)
		}
		props := regexp.MustCompile(`href="` + name + `"[^>]*?(?: properties="([^"]*)")?/>`).FindStringSubmatch(opf)
		wantProps := map[manifest.EPUBMath]string{manifest.MathSVG: "svg", manifest.MathML: "mathml", manifest.MathBoth: "mathml svg"}[mode]
		if set == 0 {
			wantProps = ""
		}
		if props == nil || props[1] != wantProps {
			t.Errorf("%s: manifest properties %q, want %q", name, props, wantProps)
		}
	}
	return counts
}

// texInText finds TeX left in running text.
var texInText = regexp.MustCompile(`\\(frac|sum|begin|end|mathbf|mathbb|eqref|label|text|left|right|hat|sigma|theta)\b|\$\$|\\\(|\\\[`)

// formulasOf lists a chapter's formulas in reading order.
func formulasOf(c *book.Chapter) []*book.Formula {
	var out []*book.Formula
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := c.Math[n]; entering && f != nil {
			out = append(out, f)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// mathElement is what one element of class "math" holds.
type mathElement struct {
	svg, hiddenSVG, mathml, hiddenMathML, tagged int
	wbr                                          int // break opportunities between pieces
	errorTeX                                     *string
	labels                                       []string
}

// mathDocument is a chapter as checkFormulas sees it.
type mathDocument struct {
	formulas []*mathElement
	// text is the text outside the math elements and code.
	text string
}

// readMathDoc reads a chapter's XHTML.
func readMathDoc(t *testing.T, data []byte) mathDocument {
	t.Helper()
	var doc mathDocument
	var text strings.Builder
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// The open elements, with the formula each belongs to (nil outside)
	// and whether it is code.
	type open struct {
		f          *mathElement
		code, a11y bool
	}
	var stack []open
	cur := func() open {
		if len(stack) == 0 {
			return open{}
		}
		return stack[len(stack)-1]
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			o := cur()
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			classes := " " + attr("class") + " "
			switch {
			case o.f == nil && strings.Contains(classes, " math "):
				o.f = &mathElement{}
				doc.formulas = append(doc.formulas, o.f)
				if id := attr("id"); id != "" {
					o.f.labels = append(o.f.labels, id)
				}
				if strings.Contains(classes, " tagged ") {
					o.f.tagged++
				}
			case o.f != nil && tok.Name.Local == "svg" && o.f.errorTeX == nil:
				if attr("aria-hidden") == "true" {
					o.f.hiddenSVG++
				} else if attr("role") == "img" && attr("aria-label") != "" {
					o.f.svg++
				}
			case o.f != nil && tok.Name.Local == "wbr":
				o.f.wbr++
			case o.f != nil && tok.Name.Local == "math":
				if o.a11y {
					o.f.hiddenMathML++
				} else {
					o.f.mathml++
				}
			case o.f != nil && strings.Contains(classes, " math-a11y "):
				o.a11y = true
			case o.f != nil && strings.Contains(classes, " math-error "):
				empty := ""
				o.f.errorTeX = &empty
				o.code = true
			case tok.Name.Local == "code" || tok.Name.Local == "pre":
				o.code = true
			}
			if o.f != nil && tok.Name.Local == "span" && attr("id") != "" && attr("class") == "" {
				o.f.labels = append(o.f.labels, attr("id"))
			}
			stack = append(stack, o)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			o := cur()
			switch {
			case o.f != nil && o.f.errorTeX != nil && o.code:
				*o.f.errorTeX += string(tok)
			case o.f == nil && !o.code:
				text.Write(tok)
			}
		}
	}
	doc.text = text.String()
	return doc
}

// checkFormula checks the element of one formula.
func checkFormula(t *testing.T, where string, el *mathElement, f *book.Formula, mode manifest.EPUBMath) {
	t.Helper()
	if f.Tree == nil {
		if el.errorTeX == nil || *el.errorTeX != xmlText(f.TeX) || el.svg+el.hiddenSVG+el.mathml+el.hiddenMathML != 0 {
			t.Errorf("%s: not set, but its element is not its marked TeX alone: %+v", where, el)
		}
		return
	}
	if el.errorTeX != nil {
		t.Errorf("%s: marked as TeX, but it was parsed", where)
	}
	tags := el.tagged
	// An inline formula's picture is one SVG per piece between its
	// breaks, a <wbr/> between two: the first labelled, the rest hidden.
	breaks := 0
	if mode != manifest.MathML && len(f.Tree.Root.Kids) > 0 {
		m, err := (&publication{}).mathMeasurer()
		if err != nil {
			t.Fatal(err)
		}
		lay, err := f.Tree.Layout(texmath.Options{Text: m})
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		breaks = len(lay.Breaks)
	}
	var ok bool
	switch {
	case len(f.Tree.Root.Kids) == 0:
		ok = el.svg+el.hiddenSVG+el.mathml+el.hiddenMathML+el.wbr == 0
	case mode == manifest.MathSVG:
		ok = el.svg == 1+tags && el.hiddenSVG == breaks && el.wbr == breaks && el.mathml+el.hiddenMathML == 0
	case mode == manifest.MathML:
		ok = el.mathml == 1 && el.svg+el.hiddenSVG+el.hiddenMathML+el.wbr == 0
	case mode == manifest.MathBoth:
		// The tags' picture is read aloud when the MathML leaves the tag to
		// the page (a formula's own tag).
		ok = el.hiddenMathML == 1 && el.mathml == 0 && el.hiddenSVG+el.svg == 1+tags+breaks && el.hiddenSVG >= 1+breaks && el.wbr == breaks
	}
	if !ok {
		t.Errorf("%s: element holds %+v", where, el)
	}
}

// equationsOf are a formula's equations, none when it was not parsed.
func equationsOf(f *book.Formula) []texmath.Equation {
	if f.Tree == nil {
		return nil
	}
	return f.Tree.Equations
}

// TestMathInRichBook keeps the rich book's math honest: the fixture's
// formulas are math there too (the rich book takes the fixture's math
// settings), so that TestEPUBCheck/rich validates the SVG of all of them
// with the fonts embedded.
func TestMathInRichBook(t *testing.T) {
	data, _ := richBook(t)
	files := zipFiles(t, data)
	svgs := 0
	for name, body := range files {
		if strings.HasSuffix(name, ".xhtml") {
			svgs += bytes.Count(body, []byte(`role="img" aria-label=`))
		}
	}
	if svgs < 30 {
		t.Errorf("the rich book holds %d formula pictures; the math fixture alone has more", svgs)
	}
}

// TestMathTextInSubsets checks that the characters of \text in a formula
// (drawn by the reader in the text face, inside the SVG) and of its tag
// are in the embedded subsets, regular and bold.
func TestMathTextInSubsets(t *testing.T) {
	ar := txtar.Parse([]byte(`-- book.yaml --
title: 글꼴
authors: [시험]
math:
  inline: dollar
chapters:
  - a.md
-- a.md --
---
title: 가
---
수식 $\text{똠} + \textbf{뷁}$.

$$ x \tag{퐁} $$
`))
	b, _, _ := loadArchive(t, ar)
	b.Config.EPUB.EmbedFonts = true
	data, _, _ := build(t, b, Options{})
	files := zipFiles(t, data)
	for file, text := range map[string]string{"myeongjo-regular.ttf": "똠퐁()", "myeongjo-bold.ttf": "뷁"} {
		f, err := truetype.Parse(files["EPUB/fonts/"+file])
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, r := range text {
			if !f.HasRune(r) {
				t.Errorf("%s lacks %q", file, r)
			}
		}
	}
}

// FuzzMath writes posts with math in every epub.math mode, through
// book.Load and Write, and checks each chapter: well-formed, every
// formula math or marked TeX (checkFormulas), ids unique, and every
// fragment a document links to (HTML, SVG and MathML links, the <use> of
// glyph outlines) an id it holds.
func FuzzMath(f *testing.F) {
	if ar, err := txtar.ParseFile("testdata/math.txtar"); err == nil {
		post, _ := testtool.Section(ar, "math.md")
		f.Add(string(post), uint8(0))
	}
	if post, err := os.ReadFile("../../books/sample/site/_posts/2020-06-01-softmax-and-gradients.md"); err == nil {
		f.Add(string(post), uint8(2))
	}
	f.Add("$\\eqref{a}$ $$x \\label{a}\\tag{1}$$ $\\label{a}$\n\n$$\\label{b}\\begin{align}a\\label{c}\\\\b\\end{align}$$", uint8(1))
	f.Add("[$\\eqref{a}$ and $x=\\eqref{a}$](#x)\n\n$$a \\label{a}$$\n", uint8(2))
	f.Fuzz(func(t *testing.T, post string, mode uint8) {
		if !utf8.ValidString(post) || len(post) > 4096 {
			t.Skip("posts are UTF-8; long ones add nothing")
		}
		site := fstest.MapFS{
			"blog/_config.yml":               {Data: []byte("title: 블로그\n")},
			"blog/_posts/2024-01-02-math.md": {Data: []byte("---\ntitle: 수식\n---\n" + post)},
		}
		cfg := manifest.Default()
		cfg.Title, cfg.Authors, cfg.Dir = "책", []string{"가"}, "blog"
		cfg.Site = &manifest.Site{Root: "blog"}
		cfg.Chapters = []manifest.Entry{{Pattern: "blog/_posts/*.md"}}
		cfg.Math.Inline, cfg.Math.Numbering = manifest.InlineDollar, manifest.NumberingAMS
		cfg.EPUB.Math = mathModes[int(mode)%len(mathModes)].mode
		cfg.Timestamp = fixedTime
		b, err := book.Load(cfg, book.Options{FS: site}, &diag.List{})
		if err != nil {
			t.Skip(err)
		}
		data, _, _ := build(t, b, Options{})
		checkFormulas(t, b, data, cfg.EPUB.Math, false)
		for name, body := range zipFiles(t, data) {
			if strings.HasSuffix(name, ".xhtml") {
				checkFragments(t, name, body)
			}
		}
	})
}

// checkFragments checks that a document's ids are unique and that every
// link to a fragment of the same document finds it.
func checkFragments(t *testing.T, name string, body []byte) {
	t.Helper()
	ids := map[string]bool{}
	var links []string
	d := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed: %v", name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "id":
				if ids[a.Value] {
					t.Errorf("%s: id %q twice", name, a.Value)
				}
				ids[a.Value] = true
			case a.Name.Local == "href" && strings.HasPrefix(a.Value, "#"):
				links = append(links, a.Value[1:])
			}
		}
	}
	for _, l := range links {
		if id, err := url.PathUnescape(l); err != nil || !ids[id] {
			t.Errorf("%s: link to #%s, which is not there", name, l)
		}
	}
}

// TestGlueMath checks which words stay on a line with an inline formula.
func TestGlueMath(t *testing.T) {
	tests := []struct{ in, want string }{
		{`벡터 <span class="math">X</span>를 바꾼다`, `벡터 <span class="math-nobr"><span class="math">X</span>를</span> 바꾼다`},
		{`(식<span class="math">Y</span>) 끝`, `<span class="math-nobr">(식<span class="math">Y</span>)</span> 끝`},
		{`a <span class="math">Z</span> b`, `a <span class="math">Z</span> b`},
		{`<span class="math">A</span>,<span class="math">B</span>.`, `<span class="math-nobr"><span class="math">A</span>,</span><span class="math-nobr"><span class="math">B</span>.</span>`},
		{`값 <b>굵게</b><span class="math">C</span>는`, `값 <b>굵게</b><span class="math-nobr"><span class="math">C</span>는</span>`},
		{"줄\n<span class=\"math display\">D</span>로", "줄\n<span class=\"math display\">D</span>로"},
		{`<em>기울임 <span class="math">E</span>와</em>`, `<em>기울임 <span class="math-nobr"><span class="math">E</span>와</span></em>`},
	}
	for _, tt := range tests {
		nodes, err := html.ParseFragment(strings.NewReader(tt.in), &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P})
		if err != nil {
			t.Fatal(err)
		}
		p := &html.Node{Type: html.ElementNode, Data: "p"}
		for _, n := range nodes {
			p.AppendChild(n)
		}
		glueMath(p)
		s := &serializer{}
		s.children(p, serif)
		if got := s.b.String(); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}
