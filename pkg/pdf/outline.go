package pdf

import (
	"fmt"

	"github.com/hangul-press/publish/pkg/layout"
)

// maxOutlineDepth bounds the nesting of the outline: books have parts,
// chapters and sections, and the bound keeps the recursion shallow on a
// malformed tree.
const maxOutlineDepth = 64

// checkOutline refuses nil entries, pages out of range and negative
// positions, depth first.
func checkOutline(entries []*layout.OutlineEntry, pages, level int) error {
	if level > maxOutlineDepth {
		return fmt.Errorf("outline nests deeper than %d levels", maxOutlineDepth)
	}
	for _, e := range entries {
		if e == nil {
			return fmt.Errorf("outline: nil entry at level %d", level)
		}
		if e.Page < 0 || e.Page >= pages {
			return fmt.Errorf("outline entry %q: page index %d out of range (%d pages)", e.Title, e.Page, pages)
		}
		if e.Y < 0 {
			return fmt.Errorf("outline entry %q: negative y %g pt", e.Title, e.Y.Pt())
		}
		if err := checkOutline(e.Children, pages, level+1); err != nil {
			return err
		}
	}
	return nil
}

// writeOutline writes the outline (12.3.3) and returns the object number
// of its root, or 0 without entries. Entries with children start closed,
// as fpdf wrote them, so a viewer first lists the top level: an entry's
// /Count is minus its number of children, the root's the number of
// top-level entries.
func (p *plan) writeOutline(w *fileWriter, pageObjs []int, height layout.Length) int {
	if len(p.doc.Outline) == 0 {
		return 0
	}
	root := w.reserve()
	first, last := p.writeEntries(w, p.doc.Outline, root, pageObjs, height)
	b := []byte("<</Type/Outlines/First ")
	b = appendRef(b, first)
	b = append(b, "/Last "...)
	b = appendRef(b, last)
	b = append(b, "/Count "...)
	b = appendInt(b, len(p.doc.Outline))
	w.object(root, append(b, ">>"...))
	return root
}

// writeEntries writes sibling entries under parent, each followed by its
// children, and returns the first and last siblings' object numbers.
func (p *plan) writeEntries(w *fileWriter, entries []*layout.OutlineEntry, parent int, pageObjs []int, height layout.Length) (first, last int) {
	nums := make([]int, len(entries))
	for i := range entries {
		nums[i] = w.reserve()
	}
	for i, e := range entries {
		b := []byte("<</Title")
		b = appendTextString(b, e.Title)
		b = append(b, "/Parent "...)
		b = appendRef(b, parent)
		if i > 0 {
			b = append(b, "/Prev "...)
			b = appendRef(b, nums[i-1])
		}
		if i+1 < len(entries) {
			b = append(b, "/Next "...)
			b = appendRef(b, nums[i+1])
		}
		if len(e.Children) > 0 {
			f, l := p.writeEntries(w, e.Children, nums[i], pageObjs, height)
			b = append(b, "/First "...)
			b = appendRef(b, f)
			b = append(b, "/Last "...)
			b = appendRef(b, l)
			b = append(b, "/Count "...)
			b = appendInt(b, -len(e.Children))
		}
		b = append(b, "/Dest"...)
		b = appendDest(b, pageObjs[e.Page], e.Y, height)
		w.object(nums[i], append(b, ">>"...))
	}
	return nums[0], nums[len(nums)-1]
}
