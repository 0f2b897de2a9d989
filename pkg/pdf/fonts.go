package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/truetype"
)

// maxFaces bounds the number of faces in a document; each is a font
// resource of every page that uses it.
const maxFaces = 1000

// maxNameLen bounds the name part of a font's PostScript name; with the
// seven-character subset tag it stays far below PDF's 127-byte limit on
// names.
const maxNameLen = 48

// tagLen is the length of a subset tag, without the plus sign.
const tagLen = 6

// faceUse is one face of the document as the painter sees it: the parsed
// font, the glyphs drawn with it and the text each stands for, and, once
// planned, its subset.
type faceUse struct {
	source string // the face's name in the document
	name   string // the name part of its PDF font name
	font   *truetype.Font
	// bmp caches the glyph of each Basic Multilingual Plane rune met so
	// far, plus one (0: not looked up yet); nil until the face is used.
	bmp []uint16
	// glyphs are the distinct glyph ids drawn, and seen marks them by id.
	glyphs []uint16
	seen   []bool
	// text holds the characters each glyph stands for: the first non-empty
	// text it was drawn for; hasText marks the glyphs it has, by id.
	text    map[uint16]string
	hasText []bool
	// subset and widths (in thousandths of an em, by subset id) are set by
	// planSubsets.
	subset *truetype.GlyphSubset
	widths []int
}

// used reports whether anything is drawn with the face; unused faces are
// not embedded.
func (fu *faceUse) used() bool { return len(fu.glyphs) > 0 }

// parseFaces parses and checks every face of the document, used or not.
func parseFaces(faces []layout.Face) ([]*faceUse, error) {
	if len(faces) > maxFaces {
		return nil, fmt.Errorf("%d font faces; at most %d are supported", len(faces), maxFaces)
	}
	out := make([]*faceUse, len(faces))
	seen := map[string]bool{}
	for i, face := range faces {
		f, err := truetype.Parse(face.Data)
		if err == nil {
			err = f.CheckEmbedding()
		}
		if err != nil {
			return nil, fmt.Errorf("font %q: %w", face.Name, err)
		}
		out[i] = &faceUse{source: face.Name, name: uniqueName(psName(face.Name), i, seen), font: f}
	}
	return out, nil
}

// lookup returns the glyph of r in the face, caching runes of the Basic
// Multilingual Plane. It is called while planning, on one goroutine.
func (fu *faceUse) lookup(r rune) (uint16, bool) {
	if r < 0 || r > 0xFFFF {
		return fu.font.GlyphIndex(r)
	}
	if fu.bmp == nil {
		fu.bmp = make([]uint16, 0x10000)
	}
	if g := fu.bmp[r]; g != 0 {
		return g - 1, true
	}
	g, ok := fu.font.GlyphIndex(r)
	if ok {
		fu.bmp[r] = g + 1
	}
	return g, ok
}

// glyphOf returns the glyph of a rune the plan has met. It only reads, so
// pages may be painted in parallel.
func (fu *faceUse) glyphOf(r rune) uint16 {
	if r >= 0 && r <= 0xFFFF {
		return fu.bmp[r] - 1
	}
	g, _ := fu.font.GlyphIndex(r)
	return g
}

// use records that glyph g is drawn for text.
func (fu *faceUse) use(g uint16, text string) {
	fu.mark(g)
	if text != "" && !fu.hasText[g] {
		fu.hasText[g] = true
		fu.text[g] = text
	}
}

// useText records the glyph of every character of s, or says which
// character the face has no glyph for.
func (fu *faceUse) useText(s string) error {
	for _, r := range s {
		g, ok := fu.lookup(r)
		if !ok {
			return fmt.Errorf("face %q has no glyph for %q (U+%04X)", fu.source, r, r)
		}
		fu.useRune(g, r)
	}
	return nil
}

// useRune records that glyph g is drawn for r; the string is made only
// the first time, as this runs for every character of the book.
func (fu *faceUse) useRune(g uint16, r rune) {
	fu.mark(g)
	if !fu.hasText[g] {
		fu.hasText[g] = true
		fu.text[g] = string(r)
	}
}

// mark records that glyph g is drawn.
func (fu *faceUse) mark(g uint16) {
	if fu.seen == nil {
		fu.seen = make([]bool, fu.font.NumGlyphs())
		fu.hasText = make([]bool, fu.font.NumGlyphs())
		fu.text = map[uint16]string{}
	}
	if !fu.seen[g] {
		fu.seen[g] = true
		fu.glyphs = append(fu.glyphs, g)
	}
}

// planSubsets chooses every used face's subset and its widths. It runs
// before any page is painted, because pages are written with the subsets'
// glyph ids.
func (p *plan) planSubsets() error {
	for i, fu := range p.faces {
		if !fu.used() {
			continue
		}
		s, err := fu.font.SubsetGlyphs(fu.glyphs)
		if err != nil {
			return fmt.Errorf("font %q: %w", p.doc.Fonts[i].Name, err)
		}
		fu.subset = s
		fu.widths = make([]int, s.NumGlyphs())
		for n, g := range s.Glyphs() {
			fu.widths[n] = fu.font.AdvanceThousandths(g)
		}
	}
	return nil
}

// newID returns the subset's id of glyph g, which the plan has seen.
func (fu *faceUse) newID(g uint16) uint16 {
	n, _ := fu.subset.NewID(g)
	return n
}

// subsetTag derives a face's subset tag from its name and the glyphs it
// keeps, which together determine the subset: the same document always
// gets the same tag, and two different subsets in one file almost
// certainly get different ones. Each letter is one of 26, taken from a
// SHA-256 digest; PDF 32000-1:2008, 9.6.4 asks for six upper-case letters.
func (fu *faceUse) subsetTag() string {
	h := sha256.New()
	h.Write([]byte(fu.name))
	var buf [2]byte
	for _, g := range fu.subset.Glyphs() {
		binary.BigEndian.PutUint16(buf[:], g)
		h.Write(buf[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, tagLen)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// psName turns a face name into the name part of a PostScript font name:
// ASCII letters, digits and hyphens only.
func psName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
		if b.Len() >= maxNameLen {
			break
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}

// uniqueName returns name, or name with the face index appended when an
// earlier face already took it (two names that differ only in characters
// psName replaced).
func uniqueName(name string, i int, seen map[string]bool) string {
	if seen[strings.ToLower(name)] {
		name = fmt.Sprintf("%s-%d", name, i)
	}
	seen[strings.ToLower(name)] = true
	return name
}

// fontProgram is a used face's embedded data, made in parallel: the
// compressed subset font, its uncompressed length, and the compressed
// ToUnicode CMap.
type fontProgram struct {
	file      []byte
	rawLen    int
	toUnicode []byte
}

// buildFontPrograms writes and compresses every used face's subset and
// ToUnicode CMap, one face per goroutine; unused faces get nil.
func (p *plan) buildFontPrograms() ([]*fontProgram, error) {
	out := make([]*fontProgram, len(p.faces))
	err := inParallel(len(p.faces), func(c *compressor, i int) error {
		fu := p.faces[i]
		if !fu.used() {
			return nil
		}
		runes := map[rune]uint16{}
		for _, g := range fu.glyphs { // first use first: a rune stays with its first glyph
			if rs := []rune(fu.text[g]); len(rs) == 1 {
				if _, ok := runes[rs[0]]; !ok {
					runes[rs[0]] = g
				}
			}
		}
		data, err := fu.subset.Font(fu.name, runes)
		if err != nil {
			return fmt.Errorf("font %q: %w", fu.source, err)
		}
		out[i] = &fontProgram{file: c.deflate(data), rawLen: len(data), toUnicode: c.deflate(toUnicodeCMap(fu))}
		return nil
	})
	return out, err
}

// usedFaces returns the indices of the faces drawn with, in FontID order.
func (p *plan) usedFaces() []int {
	var out []int
	for i, fu := range p.faces {
		if fu.used() {
			out = append(out, i)
		}
	}
	return slices.Clip(out)
}
