package layout

import (
	"fmt"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
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

// LayoutOneByOne is Layout with every part and chapter set by one engine,
// one after the other, as Layout did before chapters were set in parallel
// (issue 13): the reference the parallel setting must match.
func LayoutOneByOne(b *book.Book, opt Options, diags *diag.List) (*Document, error) {
	opt.body = func(e *engine) {
		for i, p := range e.b.Parts {
			var part *OutlineEntry
			if p.Title != "" {
				part = e.partBoxes(p, i+1)
				e.outline = append(e.outline, part)
			}
			for _, c := range p.Chapters {
				e.chapter(c)
				e.addChapterEntry(e.chEntry, part)
			}
		}
		e.ch = nil
	}
	return Layout(b, opt, diags)
}
