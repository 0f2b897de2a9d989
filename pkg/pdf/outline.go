package pdf

import (
	"fmt"
	"unicode/utf16"

	"github.com/hangul-press/publish/pkg/layout"
)

// addOutline writes the bookmark tree. fpdf's Bookmark records the current
// page, and fpdf derives the hierarchy from the order and levels of the
// calls, so the tree is walked depth first after all pages are painted,
// turning to each entry's page with SetPage before bookmarking it. The last
// page must be made current again afterwards: fpdf takes the current page
// number as the page count when it writes the file.
func (p *painter) addOutline() error {
	if err := p.bookmarks(p.doc.Outline, 0); err != nil {
		return err
	}
	p.f.SetPage(len(p.doc.Pages))
	return nil
}

// bookmarks adds entries and their children at the given depth.
func (p *painter) bookmarks(entries []*layout.OutlineEntry, level int) error {
	for _, e := range entries {
		if e == nil {
			return fmt.Errorf("outline: nil entry at level %d", level)
		}
		if e.Page < 0 || e.Page >= len(p.doc.Pages) {
			return fmt.Errorf("outline entry %q: page index %d out of range (%d pages)", e.Title, e.Page, len(p.doc.Pages))
		}
		if e.Y < 0 {
			return fmt.Errorf("outline entry %q: negative y %g pt", e.Title, e.Y.Pt())
		}
		p.f.SetPage(e.Page + 1)
		p.f.Bookmark(p.bookmarkTitle(e.Title), level, e.Y.Pt())
		if err := p.bookmarks(e.Children, level+1); err != nil {
			return err
		}
	}
	return nil
}

// bookmarkTitle returns the title as Bookmark must get it. fpdf converts a
// title to UTF-16 only while a UTF-8 font is selected, which is the case
// once any text has been drawn; a document without text gets the
// conversion done here, with the byte order mark that marks a PDF text
// string as UTF-16BE.
func (p *painter) bookmarkTitle(title string) string {
	if p.curFont >= 0 {
		return title
	}
	units := utf16.Encode([]rune(title))
	b := make([]byte, 2, 2+2*len(units))
	b[0], b[1] = 0xFE, 0xFF
	for _, u := range units {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
