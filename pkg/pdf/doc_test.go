package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
	"time"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/truetype"
)

// Font ids of the synthetic document.
const (
	fontBody layout.FontID = iota
	fontHeading
	fontCode
)

// testDate is the document date: 2024-01-02 03:04:05 UTC.
var testDate = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// Lines of the synthetic document, in reading order; pdftotext must return
// them in this order.
var (
	chapter1  = "제1장 시작하며"
	body1     = "맥북프로를 던짐. 이것은 본문입니다."
	latin1    = "Hello, PDF world (Latin text)."
	spaced    = "가 나 다 라"
	unspaced  = "가 나 다 라"
	decorated = "밑줄과 취소선"
	code2     = "func main() { fmt.Println(\"안녕\") }"
	chapter2  = "제2장 끝맺으며"
	body3     = "마지막 쪽의 본문."
	glyphs3   = "가나다"
)

// glyphRun draws s in Nanum Myeongjo at 10 pt as a Glyphs run by glyph
// id, each glyph 10 pt (its advance) after the last, below body3.
func glyphRun(t testing.TB, s string) layout.Glyphs {
	f, err := truetype.Parse(fonts.MyeongjoRegular)
	if err != nil {
		t.Fatal(err)
	}
	run := layout.Glyphs{X: layout.Pt(50), Y: layout.Pt(130), Font: fontBody, Size: layout.Pt(10)}
	for i, r := range []rune(s) {
		g, _ := f.GlyphIndex(r)
		run.Glyphs = append(run.Glyphs, layout.GlyphPos{ID: g, X: layout.Pt(float64(10 * i)), Text: string(r)})
	}
	return run
}

// testDoc builds a three-page A5 document with Korean and Latin text in
// three faces, a run of glyphs by id, a rule, filled and stroked rectangles, a PNG and a JPEG, an
// external link, a link to an anchor on a later page and a two-level
// outline.
func testDoc(t testing.TB) *layout.Document {
	black := layout.Color{}
	txt := func(font layout.FontID, size float64, x, y float64, s string) layout.Text {
		return layout.Text{X: layout.Pt(x), Y: layout.Pt(y), Font: font, Size: layout.Pt(size), Color: black, Text: s}
	}
	spacedRun := txt(fontBody, 10, 50, 190, spaced)
	spacedRun.WordSpacing = layout.Pt(10)
	deco := txt(fontBody, 10, 50, 220, decorated)
	deco.Underline = true
	deco2 := txt(fontBody, 10, 150, 220, decorated)
	deco2.Strike = true
	deco2.Color = layout.Color{R: 200}
	page1 := &layout.Page{Number: 1, Elements: []layout.Element{
		txt(fontHeading, 18, 50, 80, chapter1),
		layout.Rule{X1: layout.Pt(50), Y1: layout.Pt(90), X2: layout.Pt(370), Y2: layout.Pt(90), Width: layout.Pt(0.5), Color: black},
		layout.Rect{X: layout.Pt(45), Y: layout.Pt(115), W: layout.Pt(330), H: layout.Pt(20), Fill: layout.Color{R: 230, G: 230, B: 250}},
		txt(fontBody, 10, 50, 130, body1),
		txt(fontBody, 10, 50, 160, latin1),
		layout.Link{X: layout.Pt(50), Y: layout.Pt(150), W: layout.Pt(150), H: layout.Pt(12), URL: "https://example.com/a(b)"},
		spacedRun,
		txt(fontBody, 10, 50, 205, unspaced),
		deco, deco2,
		layout.Link{X: layout.Pt(50), Y: layout.Pt(70), W: layout.Pt(150), H: layout.Pt(14), Anchor: "chapter-2"},
		layout.Image{X: layout.Pt(50), Y: layout.Pt(250), W: layout.Pt(120), H: layout.Pt(90), Key: "grad.png", Data: testPNG(t), MediaType: "image/png"},
	}}
	page2 := &layout.Page{Number: 2, Elements: []layout.Element{
		layout.Rect{X: layout.Pt(45), Y: layout.Pt(60), W: layout.Pt(330), H: layout.Pt(30), Fill: layout.Color{R: 120, G: 120, B: 120}, Stroke: true, LineWidth: layout.Pt(1)},
		txt(fontCode, 9, 50, 80, code2),
		layout.Image{X: layout.Pt(50), Y: layout.Pt(120), W: layout.Pt(160), H: layout.Pt(120), Key: "photo.jpg", Data: testJPEG(t), MediaType: "image/jpeg"},
		// The same PNG again: registered once.
		layout.Image{X: layout.Pt(250), Y: layout.Pt(120), W: layout.Pt(60), H: layout.Pt(45), Key: "grad.png", Data: testPNG(t), MediaType: "image/png"},
	}}
	page3 := &layout.Page{Number: 3, Anchors: []layout.Anchor{{Name: "chapter-2", Y: layout.Pt(60)}}, Elements: []layout.Element{
		txt(fontHeading, 18, 50, 80, chapter2),
		txt(fontBody, 10, 50, 110, body3),
		glyphRun(t, glyphs3),
	}}
	return &layout.Document{
		Width: layout.Mm(148), Height: layout.Mm(210),
		Pages: []*layout.Page{page1, page2, page3},
		Outline: []*layout.OutlineEntry{
			{Title: chapter1, Page: 0, Y: layout.Pt(60), Children: []*layout.OutlineEntry{
				{Title: "1.1 코드", Page: 1, Y: layout.Pt(60)},
			}},
			{Title: chapter2, Page: 2, Y: layout.Pt(60), Children: []*layout.OutlineEntry{
				{Title: "2.1 본문", Page: 2, Y: layout.Pt(100)},
			}},
		},
		Info: layout.Info{Title: "한글 책 시험", Author: "홍길동", Subject: "pdf 시험", Keywords: "한글 PDF",
			Creator: "publish test", Lang: "ko", Date: testDate.Unix()},
		Fonts: []layout.Face{
			{Name: "body", Data: fonts.MyeongjoRegular},
			{Name: "heading bold", Data: fonts.GothicBold},
			{Name: "code", Data: fonts.CodingRegular},
		},
	}
}

// testPNG encodes a small gradient with an alpha channel, which the writer
// embeds with a soft mask.
func testPNG(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 6), G: uint8(y * 8), B: 160, A: uint8(255 - x*3)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testJPEG encodes a small colour pattern as a baseline JPEG.
func testJPEG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{R: uint8(x * 4), G: 90, B: uint8(y * 5), A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeDoc paints doc and fails the test on error.
func writeDoc(t testing.TB, doc *layout.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
