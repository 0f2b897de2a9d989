package layout

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/book"
)

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
