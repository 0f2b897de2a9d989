package epub

import (
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
