package manifest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

func parse(t *testing.T, text string) (*Manifest, []string) {
	t.Helper()
	var d diag.List
	m, _ := Parse("books/x.yaml", "/work/books", []byte(text), &d)
	var msgs []string
	for _, x := range d.Items() {
		msgs = append(msgs, x.String())
	}
	return m, msgs
}

func TestFullManifest(t *testing.T) {
	m, msgs := parse(t, `title: 블로그에서 책으로
subtitle: 부제
authors: 김하늘
language: ko
date: 2021-02-02
identifier: urn:isbn:9791100000000
publisher: 출판사
description: 설명
rights: © 2021
cover: images/cover.jpg
site:
  root: ../site
  url: https://example.github.io/
  baseurl: ""
chapters:
  - ../site/_posts/2019-07-23-get-a-job.md
  - part: 제2부 기록
    chapters: [../site/_posts/2020-*.md]
epub: {css: extra.css, embed_fonts: true, toc_depth: 3, max_image_px: 1600}
pdf: {paper: 150x220mm, linebreak: normal, indent: 1, font_size: 9.5, line_height: 1.6, recto_chapters: true, fonts: {body: a.ttf}}
`)
	if len(msgs) > 0 {
		t.Fatalf("unexpected diagnostics: %v", msgs)
	}
	if m.Title != "블로그에서 책으로" || len(m.Authors) != 1 || m.Authors[0] != "김하늘" {
		t.Errorf("title/authors: %q %q", m.Title, m.Authors)
	}
	if m.Date.Format("2006-01-02") != "2021-02-02" || !m.HasDate {
		t.Errorf("date: %v", m.Date)
	}
	if m.Cover != filepath.FromSlash("/work/books/images/cover.jpg") {
		t.Errorf("cover: %s", m.Cover)
	}
	if m.Site.Root != "/work/site" || m.Site.URL != "https://example.github.io" || !m.Site.HasBaseURL {
		t.Errorf("site: %+v", m.Site)
	}
	if len(m.Chapters) != 2 || m.Chapters[0].Pattern != "/work/site/_posts/2019-07-23-get-a-job.md" {
		t.Fatalf("chapters: %+v", m.Chapters)
	}
	p := m.Chapters[1]
	if !p.IsPart() || p.Part != "제2부 기록" || len(p.Chapters) != 1 || p.Chapters[0].Pattern != "/work/site/_posts/2020-*.md" {
		t.Errorf("part: %+v", p)
	}
	if p.Pos.Line != 17 || p.Pos.Col != 5 {
		t.Errorf("part position %v, want 17:5", p.Pos)
	}
	if !m.EPUB.EmbedFonts || m.EPUB.TOCDepth != 3 || m.EPUB.MaxImagePx != 1600 || m.EPUB.CSS != "/work/books/extra.css" {
		t.Errorf("epub: %+v", m.EPUB)
	}
	if m.PDF.Paper != (Paper{Name: "150x220mm", Width: 150, Height: 220}) || m.PDF.LineBreak != Normal || m.PDF.FontSize != 9.5 ||
		!m.PDF.RectoChapters || m.PDF.Fonts[RoleBody][0].Path != "/work/books/a.ttf" || m.PDF.Fonts[RoleBody][0].Pos.Line != 20 {
		t.Errorf("pdf: %+v", m.PDF)
	}
}

func TestDefaults(t *testing.T) {
	m, msgs := parse(t, "title: t\nauthors: [a, b]\nchapters: [x.md]\n")
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	if m.Language != "ko" || m.HasDate || m.PDF.Paper.Name != "a5" || m.PDF.LineHeight != 1.7 || m.EPUB.TOCDepth != 2 || m.MaxImagePixels != DefaultMaxImagePixels {
		t.Errorf("defaults: %+v", m)
	}
	// The reader's defaults are Default's, field for field.
	d := Default()
	d.Path, d.Dir, d.Title, d.Authors, d.Chapters = m.Path, m.Dir, m.Title, m.Authors, m.Chapters
	if !reflect.DeepEqual(m, d) {
		t.Errorf("manifest defaults differ from Default():\n%+v\n%+v", m, d)
	}
	if err := d.Check(); err != nil {
		t.Errorf("Default() does not pass Check: %v", err)
	}
}

// A zero value is never a setting by accident: Check refuses a Manifest
// that was not started from Default.
func TestCheckRefusesZeroValues(t *testing.T) {
	err := (&Manifest{}).Check()
	if err == nil {
		t.Fatal("a zero Manifest passed Check")
	}
	for _, want := range []string{"max_image_pixels", "language", "toc_depth", "max_image_px", "pdf.paper", "font_size", "line_height"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check's error does not mention %s: %v", want, err)
		}
	}
}

// Issue 9, bug 2: the paper the PDF writer refuses is refused by the
// manifest, at its position, and the command line's --paper goes through
// the same parser.
func TestPaperRangeIssue9(t *testing.T) {
	for _, tc := range []struct{ paper, want string }{
		{"10x10mm", `books/x.yaml:5:10: error: paper "10x10mm": each side must be from 50 to 1000 mm`},
		{"150x2000mm", `books/x.yaml:5:10: error: paper "150x2000mm": each side must be from 50 to 1000 mm`},
	} {
		_, msgs := parse(t, "title: t\nauthors: a\nchapters: [x.md]\npdf:\n  paper: "+tc.paper+"\n")
		if len(msgs) != 1 || msgs[0] != tc.want {
			t.Errorf("paper %s: got %q, want %q", tc.paper, msgs, tc.want)
		}
		var o PDFOptions
		if err := o.SetPaper(tc.paper); err == nil {
			t.Errorf("SetPaper(%s) accepted what the manifest refuses", tc.paper)
		}
	}
	for _, ok := range []string{"A5", "mungo", "50x50mm", "1000x1000mm", "152.5x225mm"} {
		if _, err := ParsePaper(ok); err != nil {
			t.Errorf("ParsePaper(%s): %v", ok, err)
		}
	}
}

// Every bad manifest gives exactly these diagnostics, with positions.
func TestErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "title: t\nauthors: a\nchapters: [x.md]\ntitel: oops\n",
			`books/x.yaml:4:1: error: unknown key "titel"`},
		{"missing required", "title: t\nchapters: [x.md]\n",
			`books/x.yaml:1:1: error: missing required key "authors"`},
		{"wrong type", "title: [a, b]\nauthors: a\nchapters: [x.md]\n",
			`books/x.yaml:1:8: error: expected a string, found a list`},
		{"bad date", "title: t\nauthors: a\ndate: 2021-13-45\nchapters: [x.md]\n",
			`books/x.yaml:3:7: error: date "2021-13-45" is not of the form`},
		{"bad paper", "title: t\nauthors: a\nchapters: [x.md]\npdf:\n  paper: b7\n",
			`books/x.yaml:5:10: error: unknown paper "b7"`},
		{"bad bool", "title: t\nauthors: a\nchapters: [x.md]\nepub:\n  embed_fonts: maybe\n",
			`books/x.yaml:5:16: error: epub.embed_fonts: expected true or false, found "maybe"`},
		{"nested part", "title: t\nauthors: a\nchapters:\n  - part: A\n    chapters:\n      - part: B\n        chapters: [x.md]\n",
			`books/x.yaml:6:9: error: parts cannot contain parts`},
		{"part without title", "title: t\nauthors: a\nchapters:\n  - chapters: [x.md]\n",
			`books/x.yaml:4:5: error: a part needs a title`},
		{"empty chapters", "title: t\nauthors: a\nchapters: []\n",
			`books/x.yaml:3:11: error: chapters must not be empty`},
		{"syntax", "title: t\nauthors: [a\nchapters: [x.md]\n",
			`books/x.yaml:2: error: YAML syntax: did not find expected`},
		{"duplicate", "title: t\ntitle: u\nauthors: a\nchapters: [x.md]\n",
			`books/x.yaml:2:1: error: duplicate key "title"`},
		{"not a mapping", "- a\n- b\n",
			`books/x.yaml:1:1: error: manifest must be a mapping`},
		{"empty", "", `books/x.yaml: error: manifest is empty`},
		{"invalid utf8", "title: \xff\n", `books/x.yaml:1: error: manifest is not valid UTF-8`},
		{"site without root", "title: t\nauthors: a\nchapters: [x.md]\nsite: {url: x}\n",
			`books/x.yaml:4:7: error: site needs root`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, msgs := parse(t, tc.text)
			if m != nil {
				t.Errorf("Parse returned a manifest despite errors")
			}
			if len(msgs) != 1 || !strings.HasPrefix(msgs[0], tc.want) {
				t.Errorf("got %q\nwant one diagnostic starting %q", msgs, tc.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	var d diag.List
	_, err := Load(filepath.Join(t.TempDir(), "none.yaml"), &d)
	if err == nil || !strings.Contains(d.Items()[0].Message, "no such file") {
		t.Fatalf("err=%v diags=%v", err, d.Items())
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title: t\nauthors: a\nchapters: [x.md, {part: p, chapters: [y.md]}]\npdf: {paper: a5}\n"))
	f.Add([]byte("title: [\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d diag.List
		m, err := Parse("x.yaml", "/b", data, &d)
		if (err == nil) != (m != nil) {
			t.Fatalf("err=%v but manifest=%v", err, m != nil)
		}
		if err != nil && !d.HasErrors() {
			t.Fatalf("error %v without a diagnostic", err)
		}
		for _, x := range d.Items() {
			if x.Pos.File != "x.yaml" || x.Pos.Line < 0 {
				t.Fatalf("bad position %v", x.Pos)
			}
		}
	})
}

func TestMathSettings(t *testing.T) {
	m, msgs := parse(t, "title: t\nauthors: a\nchapters: [x.md]\nepub: {math: mathml}\nmath:\n  inline: dollar\n  numbering: ams\n  macros:\n    RR: \\mathbb{R}\n    norm: ['\\left\\lVert #1 \\right\\rVert', 1]\n")
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	if m.EPUB.Math != MathML || m.Math.Inline != InlineDollar || m.Math.Numbering != NumberingAMS {
		t.Errorf("math settings %+v, epub %v", m.Math, m.EPUB.Math)
	}
	want := []MathMacro{{Name: "RR", Body: `\mathbb{R}`}, {Name: "norm", Body: `\left\lVert #1 \right\rVert`, Args: 1}}
	if !reflect.DeepEqual(m.Math.Macros, want) {
		t.Errorf("macros %+v", m.Math.Macros)
	}
	if d := Default(); d.EPUB.Math != MathSVG || d.Math.Inline != InlineAuto || d.Math.Numbering != NumberingAuto {
		t.Errorf("math defaults %+v %v", d.Math, d.EPUB.Math)
	}
	for text, want := range map[string]string{
		"math: {inline: maybe}\n":        `books/x.yaml:4:16: error: math.inline must be auto, dollar, none, found "maybe"`,
		"epub: {math: png}\n":            `books/x.yaml:4:14: error: epub.math must be svg, mathml, both, found "png"`,
		"math: {macros: {'1x': y}}\n":    `books/x.yaml:4:17: error: macro name "1x" must be letters`,
		"math: {macros: {f: [x, 10]}}\n": `books/x.yaml:4:24: error: math.macros.f: expected a whole number from 0 to 9, found "10"`,
		"math: {numbering: 1}\n":         `books/x.yaml:4:19: error: math.numbering must be auto, ams, none, found "1"`,
		"math: {color: red}\n":           `books/x.yaml:4:8: error: unknown key "color" in math`,
	} {
		_, msgs := parse(t, "title: t\nauthors: a\nchapters: [x.md]\n"+text)
		if len(msgs) != 1 || !strings.HasPrefix(msgs[0], want) {
			t.Errorf("%q: got %q, want %q", text, msgs, want)
		}
	}
}

func TestDateRange(t *testing.T) {
	for text, want := range map[string]string{
		"date: 0000-01-01\n":                    `books/x.yaml:4:7: error: date "0000-01-01": the year must be from 1 to 9999`,
		"date: \"9999-12-31 23:00:00 -0500\"\n": `books/x.yaml:4:7: error: date "9999-12-31 23:00:00 -0500": the year must be from 1 to 9999`,
	} {
		_, msgs := parse(t, "title: t\nauthors: a\nchapters: [x.md]\n"+text)
		if len(msgs) != 1 || msgs[0] != want {
			t.Errorf("%q: %q, want %q", text, msgs, want)
		}
	}
}
