package texmath

import (
	"fmt"
	"strings"
)

// DumpLayout writes a layout as text, lengths in Length units (1/65536
// em): the form the golden tests compare.
func DumpLayout(lay *Layout) string {
	var b strings.Builder
	fmt.Fprintf(&b, "box w=%d h=%d d=%d\n", lay.Width, lay.Height, lay.Depth)
	for _, it := range lay.Items {
		switch it.Kind {
		case ItemGlyph:
			fmt.Fprintf(&b, "  glyph %d size=%d at %d,%d\n", it.Glyph, it.Size, it.X, it.Y)
		case ItemRule:
			fmt.Fprintf(&b, "  rule %dx%d at %d,%d\n", it.W, it.H, it.X, it.Y)
		case ItemText:
			fmt.Fprintf(&b, "  text %q size=%d w=%d at %d,%d\n", it.Text, it.Size, it.W, it.X, it.Y)
		}
	}
	for _, br := range lay.Breaks {
		fmt.Fprintf(&b, "  break at %d resume %d penalty %d\n", br.X, br.Resume, br.Penalty)
	}
	for _, t := range lay.Tags {
		fmt.Fprintf(&b, "  tag %d %q y=%d w=%d\n", t.Eq, t.Text, t.Y, t.Width)
	}
	return b.String()
}
