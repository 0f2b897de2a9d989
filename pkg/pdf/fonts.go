package pdf

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/layout"
)

// maxFaces bounds the number of faces: a face's fpdf family key starts with
// its index in three digits, which keeps the key exactly three characters
// longer than the subset name (see tagSubsets).
const maxFaces = 1000

// maxNameLen bounds the name part of a font's PostScript name; with the
// seven-character subset tag it stays far below PDF's 127-byte limit on
// names.
const maxNameLen = 48

// fontPlan says, for every face of the document, whether any text uses it,
// under which family key fpdf knows it, and which runes it draws.
type fontPlan struct {
	faces []plannedFace // by layout.FontID
}

// plannedFace is one face of the document as the painter sees it.
type plannedFace struct {
	name  string        // the face's name made safe for a PDF name
	key   string        // fpdf family key: three-digit index + lower-case name
	runes map[rune]bool // every rune drawn with this face
}

// used reports whether any text is drawn with the face; unused faces are not
// embedded.
func (pf *plannedFace) used() bool { return len(pf.runes) > 0 }

// planFonts checks every face and every text element's font and characters,
// and records which runes each face draws. Doing this before fpdf sees
// anything keeps fpdf from printing or panicking on input it cannot handle.
func planFonts(doc *layout.Document) (*fontPlan, error) {
	if len(doc.Fonts) > maxFaces {
		return nil, fmt.Errorf("%d font faces; at most %d are supported", len(doc.Fonts), maxFaces)
	}
	plan := &fontPlan{faces: make([]plannedFace, len(doc.Fonts))}
	seen := map[string]bool{}
	for i, face := range doc.Fonts {
		if err := checkFace(face.Data); err != nil {
			return nil, fmt.Errorf("font %q: %w", face.Name, err)
		}
		name := uniqueName(psName(face.Name), i, seen)
		plan.faces[i] = plannedFace{name: name, key: fmt.Sprintf("%03d%s", i, strings.ToLower(name)), runes: map[rune]bool{}}
	}
	for i, page := range doc.Pages {
		if err := plan.collect(page, len(doc.Fonts)); err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	return plan, nil
}

// collect records the runes of the page's text elements after checking
// them.
func (plan *fontPlan) collect(page *layout.Page, nfonts int) error {
	for _, el := range page.Elements {
		t, ok := el.(layout.Text)
		if !ok {
			continue
		}
		if err := checkText(t, nfonts); err != nil {
			return err
		}
		for _, r := range t.Text {
			plan.faces[t.Font].runes[r] = true
		}
	}
	return nil
}

// checkText refuses text fpdf would draw wrongly: an unknown font, a size
// that is not positive, invalid UTF-8, and characters outside the Basic
// Multilingual Plane. fpdf writes UTF-16 code units as two-byte CIDs with
// a CIDToGIDMap of 65536 entries, so a surrogate pair would come out as
// two wrong glyphs.
func checkText(t layout.Text, nfonts int) error {
	if t.Font < 0 || int(t.Font) >= nfonts {
		return fmt.Errorf("text %q: unknown font id %d (document has %d faces)", t.Text, t.Font, nfonts)
	}
	if t.Size <= 0 {
		return fmt.Errorf("text %q: font size %g pt is not positive", t.Text, t.Size.Pt())
	}
	if !utf8.ValidString(t.Text) {
		return fmt.Errorf("text %q: invalid UTF-8", t.Text)
	}
	for _, r := range t.Text {
		if r > 0xFFFF {
			return fmt.Errorf("text %q: U+%04X lies outside the Basic Multilingual Plane, which fpdf cannot draw", t.Text, r)
		}
	}
	return nil
}

// psName turns a face name into the name part of a PostScript font name:
// ASCII letters, digits and hyphens only, since the name is written into the
// PDF as a name object without escapes.
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

// addFonts registers with fpdf every face that some text uses, in FontID
// order.
func (p *painter) addFonts() error {
	for i, face := range p.doc.Fonts {
		pf := &p.fonts.faces[i]
		if !pf.used() {
			continue
		}
		p.f.AddUTF8FontFromBytes(pf.key, "", face.Data)
		if err := p.f.Error(); err != nil {
			return fmt.Errorf("font %q: %w", face.Name, err)
		}
	}
	return nil
}

// useFont selects a face and size in fpdf unless they are already selected.
func (p *painter) useFont(id layout.FontID, size layout.Length) {
	if id == p.curFont && size == p.curSize {
		return
	}
	p.f.SetFont(p.fonts.faces[id].key, "", size.Pt())
	p.curFont, p.curSize = id, size
}

// sortedRunes returns the runes a face draws in increasing order.
func (pf *plannedFace) sortedRunes() []rune {
	rs := make([]rune, 0, len(pf.runes))
	for r := range pf.runes {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return rs
}
