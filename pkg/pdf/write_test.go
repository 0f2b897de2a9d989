package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

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

func TestSubsetNames(t *testing.T) {
	out := writeDoc(t, testDoc(t))
	for _, name := range []string{"body", "heading-bold", "code"} {
		re := regexp.MustCompile(`/BaseFont/[A-Z]{6}\+` + name + "/")
		if n := len(re.FindAll(out, -1)); n != 2 {
			t.Errorf("%d /BaseFont entries for %s, want 2 (Type0 and CIDFont)", n, name)
		}
		re = regexp.MustCompile(`/FontName/[A-Z]{6}\+` + name + "/")
		if n := len(re.FindAll(out, -1)); n != 1 {
			t.Errorf("%d /FontName entries for %s, want 1", n, name)
		}
	}
}

// TestSubsetTagFollowsGlyphs: the tag is six capitals, stable, and differs
// between subsets of other glyphs or of another face.
func TestSubsetTagFollowsGlyphs(t *testing.T) {
	tag := func(name string, text string) string {
		fu := faceFor(t, name, fonts.MyeongjoRegular)
		for _, r := range text {
			g, _ := fu.lookup(r)
			fu.use(g, string(r))
		}
		s, err := fu.font.SubsetGlyphs(fu.glyphs)
		if err != nil {
			t.Fatal(err)
		}
		fu.subset = s
		return fu.subsetTag()
	}
	ta, tb, tc := tag("body", "가a"), tag("body", "가b"), tag("code", "가a")
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(ta) {
		t.Fatalf("tag %q is not six capital letters", ta)
	}
	if ta == tb || ta == tc {
		t.Errorf("tags %s %s %s: different subsets share a tag", ta, tb, tc)
	}
	if tag("body", "a가a") != ta {
		t.Error("tag changes with the order glyphs are met")
	}
}

// faceFor parses a font as a face of the document named name.
func faceFor(t testing.TB, name string, data []byte) *faceUse {
	t.Helper()
	faces, err := parseFaces([]layout.Face{{Name: name, Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	return faces[0]
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
// problem, that nothing is printed, and that nothing reaches the writer.
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
		{"restricted licence", func(d *layout.Document) { d.Fonts[2].Data = patchFont(t, fonts.CodingRegular, "OS/2", 8, 2) }, "forbid embedding"},
		{"no-subsetting licence", func(d *layout.Document) { d.Fonts[0].Data = patchFont(t, fonts.MyeongjoRegular, "OS/2", 8, 0x100) }, "forbid embedding"},
		{"no glyph", func(d *layout.Document) { addText(d, layout.Text{Font: fontCode, Size: layout.Pt(10), Text: "✓"}) }, `face "code" has no glyph for '✓' (U+2713)`},
		{"glyph id", func(d *layout.Document) {
			addGlyphs(d, layout.Glyphs{Size: layout.Pt(10), Glyphs: []layout.GlyphPos{{ID: 0xFFFF}}})
		}, `glyph 65535 is past the last glyph of face "body"`},
		{"glyphs font", func(d *layout.Document) { addGlyphs(d, layout.Glyphs{Font: 9, Size: layout.Pt(10)}) }, "glyphs: unknown font id 9"},
		{"glyph text", func(d *layout.Document) {
			addGlyphs(d, layout.Glyphs{Size: layout.Pt(10), Glyphs: []layout.GlyphPos{{ID: 3, Text: "\xff"}}})
		}, "invalid UTF-8"},
		{"stroke width", func(d *layout.Document) { addText(d, layout.Rect{W: 1, H: 1, Stroke: true}) }, "line width"},
		{"image box", func(d *layout.Document) { addText(d, layout.Image{Key: "x", Data: png, MediaType: "image/png"}) }, "empty box"},
		{"image key", func(d *layout.Document) { addImage(d, "", png, "image/png") }, "without a key"},
		{"link box", func(d *layout.Document) { addLink(d, layout.Link{URL: "x"}) }, "empty rectangle"},
		{"link to nothing", func(d *layout.Document) { addLink(d, layout.Link{W: 1, H: 1}) }, "neither"},
		{"outline nil", func(d *layout.Document) { d.Outline[0].Children[0] = nil }, "nil entry"},
		{"outline y", func(d *layout.Document) { d.Outline[0].Y = -1 }, "negative y"},
		{"nil page", func(d *layout.Document) { d.Pages[1] = nil }, "page 2 is nil"},
		{"unknown font id", func(d *layout.Document) { addText(d, layout.Text{Font: 7, Size: layout.Pt(10), Text: "x"}) }, "unknown font id 7"},
		{"negative font id", func(d *layout.Document) { addText(d, layout.Text{Font: -1, Size: layout.Pt(10), Text: "x"}) }, "unknown font id -1"},
		{"zero size", func(d *layout.Document) { addText(d, layout.Text{Size: 0, Text: "x"}) }, "not positive"},
		{"astral character not in the face", func(d *layout.Document) { addText(d, layout.Text{Size: layout.Pt(10), Text: "웃음😀"}) }, "U+1F600"},
		{"invalid UTF-8", func(d *layout.Document) { addText(d, layout.Text{Size: layout.Pt(10), Text: "\xff"}) }, "invalid UTF-8"},
		{"truncated PNG", func(d *layout.Document) { addImage(d, "t.png", png[:len(png)/2], "image/png") }, "does not decode"},
		{"garbage JPEG", func(d *layout.Document) { addImage(d, "g.jpg", []byte("\xff\xd8\xff\xe0 not really"), "image/jpeg") }, "does not decode"},
		{"PNG labelled JPEG", func(d *layout.Document) { addImage(d, "p.jpg", png, "image/jpeg") }, "is png, not jpeg"},
		{"GIF", func(d *layout.Document) { addImage(d, "a.gif", png, "image/gif") }, "media type"},
		{"decompression bomb", func(d *layout.Document) { addImage(d, "bomb.png", hugePNG(png), "image/png") }, "100000x100000 pixels; the PDF writer takes at most"},
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

// hugePNG returns a copy of a PNG whose header declares 100000 × 100000
// pixels, its checksum made right.
func hugePNG(data []byte) []byte {
	out := bytes.Clone(data)
	binary.BigEndian.PutUint32(out[16:], 100000)
	binary.BigEndian.PutUint32(out[20:], 100000)
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

func addText(d *layout.Document, el layout.Element) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, el)
}

func addGlyphs(d *layout.Document, g layout.Glyphs) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, g)
}

func addImage(d *layout.Document, key string, data []byte, typ string) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, layout.Image{W: 10, H: 10, Key: key, Data: data, MediaType: typ})
}

func addLink(d *layout.Document, l layout.Link) {
	d.Pages[1].Elements = append(d.Pages[1].Elements, l)
}

// TestEveryFaceTruncated gives the writer a Nanum face cut short at many
// lengths: Write must return an error each time, never panic or print.
func TestEveryFaceTruncated(t *testing.T) {
	for _, n := range []int{0, 11, 12, 100, 300, 1000, 20000, 200000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			doc := testDoc(t)
			// Cloned, so that nothing can read past the cut into the
			// rest of the shipped font.
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
