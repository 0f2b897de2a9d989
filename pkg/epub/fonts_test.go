package epub

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/truetype"
	"golang.org/x/net/html"
)

// TestSubsetsHoldWhatTheyDraw builds the sample book with fonts embedded
// and checks characters that CSS draws with a face other than the body's:
// the chapter date (sans-serif), a summary (bold), the title page's
// subtitle (sans-serif). Before the face rules followed classes, these
// showed as empty boxes.
func TestSubsetsHoldWhatTheyDraw(t *testing.T) {
	b, _ := loadBook(t, "../../books/sample.yaml")
	b.Config.EPUB.EmbedFonts = true
	data, _, _ := build(t, b, Options{})
	files := zipFiles(t, data)
	has := func(file string, text string) {
		t.Helper()
		f, err := truetype.Parse(files["EPUB/fonts/"+file])
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, r := range text {
			if r != ' ' && !f.HasRune(r) {
				t.Errorf("%s lacks %q (of %q)", file, r, text)
			}
		}
	}
	has("gothic-regular.ttf", "년월일")       // <p class="chapter-date">
	has("myeongjo-bold.ttf", "더 읽을거리")     // <summary>
	has("gothic-regular.ttf", "한 개발자의 기록") // the subtitle
	c003 := string(files["EPUB/c003.xhtml"])
	if !strings.Contains(c003, "<summary>더 읽을거리</summary>") {
		t.Errorf("the sample's summary moved:\n%s", c003)
	}
}

func TestFaceInside(t *testing.T) {
	el := func(name, class string) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: name}
		if class != "" {
			n.Attr = []html.Attribute{{Key: "class", Val: class}}
		}
		return n
	}
	titlePage := el("section", "titlepage")
	subtitle := el("p", "subtitle")
	titlePage.AppendChild(subtitle)
	tests := []struct {
		n          *html.Node
		from, want face
	}{
		{el("th", ""), serif, sansBold},
		{el("summary", ""), serif, serifBold},
		{el("p", "chapter-date"), serif, sans},
		{el("span", "nl"), mono, monoBold},
		{el("span", "nl"), serif, serif},
		{el("p", "subtitle"), serif, serif},
		{subtitle, serif, sans},
		{el("span", "math"), serifBold, serifBold}, // \text in a formula is drawn in the text face
		{el("code", "math-error"), serif, mono},
		{el("h2", ""), serif, sansBold},
		{el("code", ""), sansBold, monoBold},
	}
	for _, tt := range tests {
		if got := tt.from.inside(tt.n); got != tt.want {
			t.Errorf("<%s %v> in face %d: face %d, want %d", tt.n.Data, tt.n.Attr, tt.from, got, tt.want)
		}
	}
}

// fallbackPost is the fixture of the fallback fonts (issue 14 item 9,
// issue 12 items 2–4), shared with the PDF's tests.
const fallbackPost = "../../testdata/fallback-fonts/2026-11-29-fallback-fonts.md"

// TestFallbackSubsets builds the fallback fixture with fonts embedded: the
// subsets hold every character the book draws (but the one no shipped
// face has, which the text keeps for the reader's own fonts), each in the
// file the chain gives it, and the stylesheet lists the families in the
// chain's order.
func TestFallbackSubsets(t *testing.T) {
	b, _ := loadBook(t, "../../testdata/fallback-fonts/book.yaml")
	if !b.Config.EPUB.EmbedFonts {
		t.Fatal("the fixture's manifest does not embed fonts")
	}
	data, _, _ := build(t, b, Options{})
	files := zipFiles(t, data)
	subsets := map[string]*truetype.Font{}
	for name, data := range files {
		if strings.HasPrefix(name, "EPUB/fonts/") {
			f, err := truetype.Parse(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			subsets[strings.TrimPrefix(name, "EPUB/fonts/")] = f
		}
	}
	text := documentText(t, files)
	if !strings.ContainsRune(text, '🥺') {
		t.Error("the EPUB dropped the character no font has")
	}
	for _, r := range text {
		if r == '🥺' || r == '\n' {
			continue
		}
		found := false
		for _, f := range subsets {
			found = found || f.HasRune(r)
		}
		if !found {
			t.Errorf("no embedded subset has %q (U+%04X)", r, r)
		}
	}
	for _, tt := range []struct {
		file  string
		r     rune
		wants bool
	}{
		{"cjk-serif-regular.ttf", '漢', true}, // Hanja in body text
		{"cjk-serif-regular.ttf", '学', true},
		{"cjk-serif-regular.ttf", '机', true},
		{"gothic-bold.ttf", '漢', true}, // the heading
		{"myeongjo-regular.ttf", '\\', false},
		{"dejavu-serif-regular.ttf", '\\', true},
		{"coding-regular.ttf", '\\', true},
		{"myeongjo-regular.ttf", '₩', true},
		{"myeongjo-regular.ttf", 'Д', false},
		{"dejavu-serif-regular.ttf", 'Д', true},
		{"dejavu-sans-regular.ttf", '✓', true},
		{"symbols-regular.ttf", '🙂', true},
	} {
		f := subsets[tt.file]
		if got := f != nil && f.HasRune(tt.r); got != tt.wants {
			t.Errorf("%s has %q: %v, want %v", tt.file, tt.r, got, tt.wants)
		}
	}
	css := string(files["EPUB/style.css"])
	wantBody := `font-family: "Publish Myeongjo", "Publish DejaVu Serif", "Publish CJK Serif", "Publish Gothic", "Publish DejaVu Sans", "Publish Gothic Coding", "Publish Symbols", "Nanum Myeongjo", "NanumMyeongjo", serif;`
	if !strings.Contains(css, wantBody) {
		t.Errorf("the body's font-family is not the chain of the embedded families:\n%s", css)
	}
}

// documentText is the text of every content document but the navigation.
func documentText(t *testing.T, files map[string][]byte) string {
	t.Helper()
	var b strings.Builder
	for name, data := range files {
		if !strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, "nav.xhtml") {
			continue
		}
		z := html.NewTokenizer(bytes.NewReader(data))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.TextToken {
				b.Write(z.Text())
			}
		}
	}
	return b.String()
}
