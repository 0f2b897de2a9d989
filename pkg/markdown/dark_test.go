package markdown

import (
	"bytes"
	"testing"
)

// TestDarkImages: on a Chirpy site the dark-mode twin of an image pair is
// left out and reported, whichever comes first, and the italic line under
// the pair becomes the light image's caption; a paragraph of a dark image
// alone goes with it.
func TestDarkImages(t *testing.T) {
	p := New(Options{DarkImages: true})
	for src, want := range map[string]string{
		"![l](l.png){: .light }\n![d](d.png){: .dark }\n_그림 2_":       `<p><img src="l.png" alt="l" title="그림 2" class="light" /></p>` + "\n",
		"![d](d.png){: .dark .w-75 }\n![l](l.png){: .light }\n_그림 2_": `<p><img src="l.png" alt="l" title="그림 2" class="light" /></p>` + "\n",
		"앞\n\n![d](d.png){: .dark }\n\n뒤":                             "<p>앞</p>\n<p>뒤</p>\n",
	} {
		doc, report := p.ParseChecked([]byte(src))
		var out bytes.Buffer
		if err := p.HTMLRenderer().Render(&out, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		if out.String() != want || len(report.DarkImages) != 1 || report.DarkImages[0].Dest != "d.png" {
			t.Errorf("%q\n got %q %+v\nwant %q", src, out.String(), report.DarkImages, want)
		}
	}
}
