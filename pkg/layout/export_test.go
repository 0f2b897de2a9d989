package layout

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
)

// TextBlock gives the tests of package layout_test the text block of the
// page with folio n under the settings set: its left and top edges, width
// and height. Running heads and folios lie outside it; everything else
// lies inside.
func TextBlock(set manifest.PDFOptions, n int) (x, y, w, h Length) {
	g := newGeometry(Mm(set.Paper.Width), Mm(set.Paper.Height))
	return g.left(n), g.top, g.textW, g.textH
}

// SpacingStats lays out b and returns, over its justified lines that are
// not the last of their paragraph, the greatest adjustment ratio of the
// word spaces and of the syllable spacing, and how many lines there were.
func SpacingStats(b *book.Book) (spaces, letters float64, lines int, err error) {
	_, err = Layout(b, Options{lines: func(ln Line, justified bool) {
		if !justified || ln.Hard {
			return
		}
		lines++
		spaces, letters = max(spaces, ln.Ratio), max(letters, ln.LetterRatio)
	}}, nil)
	return spaces, letters, lines, err
}

// LooseLines lists the justified lines of b whose word spaces stretch past
// ratio, as "ratio letters: text".
func LooseLines(b *book.Book, ratio float64) []string {
	var out []string
	_, _ = Layout(b, Options{lines: func(ln Line, justified bool) {
		if justified && !ln.Hard && ln.Ratio > ratio {
			var t string
			for _, p := range ln.Pieces {
				t += p.Text + "|"
			}
			out = append(out, fmt.Sprintf("%.2f %.2f: %s", ln.Ratio, ln.LetterRatio, t))
		}
	}}, nil)
	return out
}
