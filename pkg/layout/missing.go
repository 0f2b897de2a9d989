package layout

import (
	"fmt"
	"maps"
	"sort"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/yuin/goldmark/ast"
)

// missingChars counts the characters that no face draws. Each post gets
// one warning per such character, with its first position and a count
// (issue 14 item 9: one book printed 4,587 warnings, one per occurrence).
type missingChars struct {
	// chars are the current post's characters, by rune.
	chars map[rune]*missingChar
	// seen holds the occurrences counted, so that text set twice (a
	// table cell is measured, then set) counts once.
	seen map[missingAt]bool
	// reported are the characters reported in any post: after the body,
	// the contents and running heads repeat chapter titles.
	reported map[rune]bool
}

// clone returns a copy of m that shares no map with it.
func (m missingChars) clone() missingChars {
	if m.reported == nil {
		return missingChars{}
	}
	c := missingChars{chars: map[rune]*missingChar{}, seen: maps.Clone(m.seen), reported: maps.Clone(m.reported)}
	for r, mc := range m.chars {
		copied := *mc
		c.chars[r] = &copied
	}
	return c
}

// missingChar is one character of a post that no face draws.
type missingChar struct {
	first diag.Pos
	count int
}

// missingAt is one occurrence: a byte of the text of a node.
type missingAt struct {
	node ast.Node
	at   int
	r    rune
}

// missingChar counts r, at byte at of span sp's text. Outside a chapter
// (the contents, running heads, after the body) a character not reported
// before is reported at once.
func (e *engine) missingChar(sp span, at int, r rune) {
	m := &e.missing
	if m.reported == nil {
		m.reported, m.chars, m.seen = map[rune]bool{}, map[rune]*missingChar{}, map[missingAt]bool{}
	}
	if e.ch == nil {
		if !m.reported[r] {
			m.reported[r] = true
			e.diags.Warnf(diag.Pos{}, "%s", missingMessage(r, 1))
		}
		return
	}
	key := missingAt{sp.node, at, r}
	if m.seen[key] {
		return
	}
	m.seen[key] = true
	mc := m.chars[r]
	if mc == nil {
		mc = &missingChar{first: e.charPos(sp, at)}
		m.chars[r] = mc
	}
	mc.count++
}

// charPos is the position of byte at of a span's text: exact when the
// span is the verbatim text of an ast.Text node, else its node's position.
func (e *engine) charPos(sp span, at int) diag.Pos {
	if t, ok := sp.node.(*ast.Text); ok && t.Segment.Stop-t.Segment.Start == len(sp.text) &&
		t.Segment.Stop <= len(e.src) && string(e.src[t.Segment.Start:t.Segment.Stop]) == sp.text {
		return e.ch.Post.Pos(t.Segment.Start + at)
	}
	return e.pos(sp.node)
}

// reportMissing warns once for each character of the chapter just set
// that no face draws, and starts the next chapter's count.
func (e *engine) reportMissing() {
	m := &e.missing
	runes := make([]rune, 0, len(m.chars))
	for r := range m.chars {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	for _, r := range runes {
		mc := m.chars[r]
		e.diags.Warnf(mc.first, "%s", missingMessage(r, mc.count))
		m.reported[r] = true
	}
	clear(m.chars)
	clear(m.seen)
}

// missingMessage says that r is in no font, and how often the post has it.
func missingMessage(r rune, count int) string {
	times := "once, here"
	if count > 1 {
		times = fmt.Sprintf("%d times, first here", count)
	}
	return fmt.Sprintf("character %s (U+%04X) is in no font: %s; left out of the PDF", string(r), r, times)
}
