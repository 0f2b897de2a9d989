package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/layout"
)

func TestSameDocumentSameBytes(t *testing.T) {
	a := writeDoc(t, testDoc(t))
	b := writeDoc(t, testDoc(t))
	if !bytes.Equal(a, b) {
		t.Fatalf("two paintings differ (%d and %d bytes)", len(a), len(b))
	}
	c := writeDoc(t, testDoc(t))
	if !bytes.Equal(a, c) {
		t.Fatal("third painting differs")
	}
}

func TestSubsetNamesReplaceFPDFNames(t *testing.T) {
	out := writeDoc(t, testDoc(t))
	if bytes.Contains(out, []byte("/utf8")) {
		t.Error("an fpdf font name (/utf8…) is left in the file")
	}
	for _, name := range []string{"body", "heading-bold", "code"} {
		re := regexp.MustCompile(`/BaseFont /[A-Z]{6}\+` + name + "\n")
		if n := len(re.FindAll(out, -1)); n != 2 {
			t.Errorf("%d /BaseFont entries for %s, want 2 (Type0 and CIDFont)", n, name)
		}
	}
}

func TestSubsetTagFollowsGlyphs(t *testing.T) {
	a := &plannedFace{name: "body", runes: map[rune]bool{'가': true, 'a': true}}
	b := &plannedFace{name: "body", runes: map[rune]bool{'가': true, 'b': true}}
	c := &plannedFace{name: "code", runes: map[rune]bool{'가': true, 'a': true}}
	ta, tb, tc := subsetTag(a), subsetTag(b), subsetTag(c)
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(ta) {
		t.Fatalf("tag %q is not six capital letters", ta)
	}
	if ta == tb || ta == tc {
		t.Errorf("tags %s %s %s: different subsets share a tag", ta, tb, tc)
	}
	if subsetTag(a) != ta {
		t.Error("tag changes between calls")
	}
}

func TestUnusedFaceIsNotEmbedded(t *testing.T) {
	doc := testDoc(t)
	doc.Fonts = append(doc.Fonts, layout.Face{Name: "unused", Data: fonts.MyeongjoBold})
	out := writeDoc(t, doc)
	if n := bytes.Count(out, []byte("/FontFile2 ")); n != 3 {
		t.Errorf("%d embedded font files, want 3", n)
	}
	if bytes.Contains(out, []byte("+unused")) {
		t.Error("the unused face is in the file")
	}
}

// noStdout runs fn with os.Stdout redirected and fails the test if fn
// printed anything.
func noStdout(t *testing.T, fn func()) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		done <- b
	}()
	defer func() {
		os.Stdout = old
		w.Close()
		if out := <-done; len(out) > 0 {
			t.Errorf("printed to stdout: %q", out)
		}
	}()
	fn()
}

// TestCaptureSeesFPDFPrinting shows that noStdout's way of redirecting would catch fpdf's
// printing: fpdf given a non-font directly prints and sets no error.
func TestCaptureSeesFPDFPrinting(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	f := fpdf.New("P", "pt", "A5", "")
	f.AddUTF8FontFromBytes("x", "", []byte("definitely not a font file at all"))
	os.Stdout = old
	w.Close()
	out, _ := io.ReadAll(r)
	if !strings.Contains(string(out), "get metrics Error") {
		t.Errorf("fpdf printed %q; the behaviour Write guards against has changed", out)
	}
	if f.Err() {
		t.Log("fpdf now reports the error itself:", f.Error())
	}
}

// patchFont returns a copy of a font with a uint16 in table tag at off set
// to v.
func patchFont(t *testing.T, data []byte, tag string, off int, v uint16) []byte {
	t.Helper()
	out := bytes.Clone(data)
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if string(rec[:4]) == tag {
			at := int(binary.BigEndian.Uint32(rec[8:])) + off
			binary.BigEndian.PutUint16(out[at:], v)
			return out
		}
	}
	t.Fatalf("no %s table", tag)
	return nil
}

// TestErrors checks that each kind of bad input is an error that names the
// problem, that fpdf prints nothing, and that nothing reaches the writer.
func TestErrors(t *testing.T) {
	png := testPNG(t)
	tests := []struct {
		name   string
		change func(d *layout.Document)
		want   string
	}{
		{"not a font", func(d *layout.Document) { d.Fonts[0].Data = []byte("definitely not a font file at all") }, "not a TrueType font"},
		{"truncated font", func(d *layout.Document) { d.Fonts[0].Data = bytes.Clone(fonts.MyeongjoRegular[:4000]) }, "past the end"},
		{"CFF font", func(d *layout.Document) { d.Fonts[0].Data = append([]byte("OTTO"), make([]byte, 64)...) }, "CFF"},
		{"name format 1", func(d *layout.Document) { d.Fonts[1].Data = patchFont(t, fonts.GothicBold, "name", 0, 1) }, "name table format 1"},
		{"restricted licence", func(d *layout.Document) { d.Fonts[2].Data = patchFont(t, fonts.CodingRegular, "OS/2", 8, 2) }, "forbid embedding"},
		{"metric format", func(d *layout.Document) { d.Fonts[0].Data = patchFont(t, fonts.MyeongjoRegular, "hhea", 32, 1) }, "metric data format"},
		{"unknown font id", func(d *layout.Document) { addText(d, layout.Text{Font: 7, Size: layout.Pt(10), Text: "x"}) }, "unknown font id 7"},
		{"negative font id", func(d *layout.Document) { addText(d, layout.Text{Font: -1, Size: layout.Pt(10), Text: "x"}) }, "unknown font id -1"},
		{"zero size", func(d *layout.Document) { addText(d, layout.Text{Size: 0, Text: "x"}) }, "not positive"},
		{"astral character", func(d *layout.Document) { addText(d, layout.Text{Size: layout.Pt(10), Text: "웃음😀"}) }, "U+1F600"},
		{"invalid UTF-8", func(d *layout.Document) { addText(d, layout.Text{Size: layout.Pt(10), Text: "\xff"}) }, "invalid UTF-8"},
		{"truncated PNG", func(d *layout.Document) { addImage(d, "t.png", png[:len(png)/2], "image/png") }, "does not decode"},
		{"garbage JPEG", func(d *layout.Document) { addImage(d, "g.jpg", []byte("\xff\xd8\xff\xe0 not really"), "image/jpeg") }, "does not decode"},
		{"PNG labelled JPEG", func(d *layout.Document) { addImage(d, "p.jpg", png, "image/jpeg") }, "is png, not jpeg"},
		{"GIF", func(d *layout.Document) { addImage(d, "a.gif", png, "image/gif") }, "media type"},
		{"key reused", func(d *layout.Document) { addImage(d, "grad.png", testJPEG(t), "image/jpeg") }, "two different images"},
		{"unknown anchor", func(d *layout.Document) { addLink(d, layout.Link{W: 1, H: 1, Anchor: "nowhere"}) }, `unknown anchor "nowhere"`},
		{"link to both", func(d *layout.Document) { addLink(d, layout.Link{W: 1, H: 1, Anchor: "chapter-2", URL: "x"}) }, "both"},
		{"duplicate anchor", func(d *layout.Document) { d.Pages[0].Anchors = []layout.Anchor{{Name: "chapter-2"}} }, "already defined"},
		{"outline page", func(d *layout.Document) { d.Outline[1].Children[0].Page = 3 }, "out of range"},
		{"language", func(d *layout.Document) { d.Info.Lang = "ko) /Evil (" }, "BCP 47"},
		{"no pages", func(d *layout.Document) { d.Pages = nil; d.Outline = nil }, "no pages"},
		{"page size", func(d *layout.Document) { d.Width = 0 }, "page size"},
		{"rule width", func(d *layout.Document) { d.Pages[1].Elements = append(d.Pages[1].Elements, layout.Rule{}) }, "rule width"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc(t)
			tt.change(doc)
			var out bytes.Buffer
			var err error
			noStdout(t, func() { err = Write(&out, doc) })
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if out.Len() > 0 {
				t.Errorf("%d bytes written despite the error", out.Len())
			}
		})
	}
	if err := Write(io.Discard, nil); err == nil {
		t.Error("nil document: no error")
	}
}

func addText(d *layout.Document, t layout.Text) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, t)
}

func addImage(d *layout.Document, key string, data []byte, typ string) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, layout.Image{W: 10, H: 10, Key: key, Data: data, MediaType: typ})
}

func addLink(d *layout.Document, l layout.Link) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, l)
}

// TestEveryFaceTruncated feeds fpdf's parser each Nanum face cut short at
// many lengths: Write must return an error each time, never panic or print.
func TestEveryFaceTruncated(t *testing.T) {
	for _, n := range []int{0, 11, 12, 100, 300, 1000, 20000, 200000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			doc := testDoc(t)
			// Cloned: fpdf slices its input past len up to cap, so a
			// plain re-slice would still hand it the whole font.
			doc.Fonts[2].Data = bytes.Clone(fonts.CodingRegular[:n])
			noStdout(t, func() {
				if err := Write(io.Discard, doc); err == nil {
					t.Errorf("font cut to %d bytes: no error", n)
				}
			})
		})
	}
}

// BenchmarkDensePages paints 200 pages of 40 lines of Korean body text.
func BenchmarkDensePages(b *testing.B) {
	const pages, lines = 200, 40
	line := strings.Repeat("한국어 본문을 촘촘하게 채운 줄입니다. ", 2)
	doc := &layout.Document{
		Width: layout.Mm(148), Height: layout.Mm(210),
		Fonts: []layout.Face{{Name: "body", Data: fonts.MyeongjoRegular}},
		Info:  layout.Info{Title: "bench", Date: testDate.Unix()},
	}
	for p := range pages {
		page := &layout.Page{Number: p + 1}
		for l := range lines {
			page.Elements = append(page.Elements, layout.Text{
				X: layout.Pt(40), Y: layout.Pt(50 + float64(l)*13), Size: layout.Pt(9.5),
				Text: line, WordSpacing: layout.Pt(float64(l%3) * 0.5),
			})
		}
		doc.Pages = append(doc.Pages, page)
	}
	b.ResetTimer()
	var size int
	for range b.N {
		var buf bytes.Buffer
		if err := Write(&buf, doc); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(size), "bytes")
}
