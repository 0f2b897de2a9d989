package layout

import (
	"strconv"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Footnotes are set at the foot of the page that refers to them, in a
// smaller size under a short rule, numbered per chapter as the markdown
// parser numbered them (in order of first reference). The page breaker
// reserves their room when it places the line that refers to them.
const (
	noteScale     = 0.85
	noteLineRatio = 1.5
	// noteRuleFrac is the length of the rule above the notes, a third of
	// the measure as in most books.
	noteRuleFrac = 3
)

// findNotes records the chapter's footnote bodies by number.
func (e *engine) findNotes(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*extast.Footnote); ok && entering {
			e.notes[fn.Index] = n
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// attachNotes gives a box the notes its references point to, each once.
func (e *engine) attachNotes(b *vbox) {
	for _, ref := range b.more().refs {
		n, ok := e.notes[ref]
		if !ok {
			continue
		}
		delete(e.notes, ref)
		b.grow().notes = append(b.more().notes, e.noteBoxes(ref, n)...)
	}
}

// noteBoxes sets one footnote: its number hanging, its paragraphs at the
// full measure.
func (e *engine) noteBoxes(num int, n ast.Node) []*vbox {
	saved := e.ctx
	defer func() { e.ctx = saved }()
	e.ctx = blockCtx{}
	st := e.bodyStyle()
	st.size = Length(noteScale * float64(e.size))
	var spans []span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if len(spans) > 0 {
			spans = append(spans, span{text: "\n", st: st, node: c})
		}
		if m, ok := c.(*markdown.MathBlock); ok {
			// a display in a note is set on a line of its own
			spans = append(spans, span{st: st, node: c, math: e.formula(c, string(m.TeX(e.src)), true)})
			continue
		}
		spans = append(spans, e.inlines(c, st)...)
	}
	label := strconv.Itoa(num) + ". "
	runs, _ := e.runs([]span{{text: label, st: st}})
	var indent Length
	for _, r := range runs {
		indent += r.M.(faceMeasurer).width(r.Text)
	}
	pitch := Length(noteLineRatio * float64(st.size))
	lines := e.setText(spans, textOpts{justify: true, size: st.size, pitch: pitch, x: indent})
	if len(lines) > 0 {
		num := e.setText([]span{{text: label, st: st, node: n}}, textOpts{size: st.size, pitch: pitch})
		if len(num) > 0 {
			// drawn first, so that the note reads in order when its
			// text is copied or extracted
			lines[0].els = append(num[0].els, lines[0].els...)
		}
	}
	return lines
}
