package markdown

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark's footnote extension (v1.8.7) is quadratic in the number of
// footnotes, twice over (docs/library-notes.md): its inline parser looks
// each reference up by walking the list of definitions from the start,
// and its tree transformer orders the list with an insertion sort that
// walks the sorted part for every note when notes come in order. 60,000
// footnotes took most of a minute. The two helpers here keep goldmark's
// own parsing and output, and make both walks short:
//
//   - footnoteLookup runs just before goldmark's footnote parser on every
//     "[^label]" and moves the definition it will find (the first with
//     that label, from an index made once per document) to the front of
//     the list, where goldmark's walk ends at once;
//   - footnoteOrder runs just before goldmark's transformer and orders the
//     list by descending number, for which that insertion sort takes one
//     step per note.
//
// The result is the same tree goldmark makes alone (TestFootnotesAsGoldmark).

// Priorities around goldmark's footnote extension: its inline parser has
// 101 and its transformer 999; lower numbers run first.
const (
	footnoteLookupPriority = 100
	footnoteOrderPriority  = 998
)

// footnoteLabelLimit is goldmark's limit on a footnote label's length
// (that of CommonMark link labels), which the lookup must read alike.
const footnoteLabelLimit = 999

// footnoteIndexKey keeps a document's footnoteIndex in the parser context.
var footnoteIndexKey = parser.NewContextKey()

// footnoteIndex is the document's list of definitions and, by label, the
// first definition with it (goldmark uses the first).
type footnoteIndex struct {
	list  *east.FootnoteList
	first map[string]*east.Footnote
}

// footnoteLookup is the inline parser described above. It never makes a
// node: goldmark's parser, next, does.
type footnoteLookup struct{}

// Trigger is goldmark's footnote parser's: "[^x]" and "![^x]".
func (footnoteLookup) Trigger() []byte { return []byte{'!', '['} }

// Parse moves the definition that the reference at the reader names to
// the front of the list.
func (footnoteLookup) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	label, ok := footnoteLabel(block)
	if !ok {
		return nil
	}
	ix := documentFootnotes(parent, pc)
	def := ix.first[string(label)]
	if def == nil || ix.list.FirstChild() == ast.Node(def) {
		return nil
	}
	ix.list.RemoveChild(ix.list, def)
	ix.list.InsertBefore(ix.list, ix.list.FirstChild(), def)
	return nil
}

// footnoteLabel reads the label of "[^label]" (or "![^label]") at the
// reader the way goldmark's footnote parser does, without moving it.
func footnoteLabel(block text.Reader) ([]byte, bool) {
	line, segment := block.PeekLine()
	pos := 1
	if len(line) > 0 && line[0] == '!' {
		pos++
	}
	if pos+1 >= len(line) || line[pos] != '^' {
		return nil, false
	}
	open := pos + 1
	closure := util.FindClosure(line[open:min(len(line), open+footnoteLabelLimit)], '[', ']', false, false) //nolint:staticcheck // goldmark's own reading
	if closure < 0 {
		return nil, false
	}
	if segment.Padding == 0 {
		// the bytes Value would copy, without its walk over the
		// paragraph's lines (goldmark's Value is linear in them)
		return line[open : open+closure], true
	}
	return block.Value(text.NewSegment(segment.Start+open, segment.Start+open+closure)), true
}

// documentFootnotes returns the footnote index of the document being
// parsed, making it on first use: block parsing has finished by then, so
// the list of definitions is complete.
func documentFootnotes(n ast.Node, pc parser.Context) *footnoteIndex {
	if ix, ok := pc.Get(footnoteIndexKey).(*footnoteIndex); ok {
		return ix
	}
	ix := &footnoteIndex{first: map[string]*east.Footnote{}}
	for n.Parent() != nil {
		n = n.Parent()
	}
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if list, ok := n.(*east.FootnoteList); ok && entering {
			ix.list = list
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if ix.list != nil {
		for c := ix.list.FirstChild(); c != nil; c = c.NextSibling() {
			if def, ok := c.(*east.Footnote); ok && ix.first[string(def.Ref)] == nil {
				ix.first[string(def.Ref)] = def
			}
		}
	}
	pc.Set(footnoteIndexKey, ix)
	return ix
}

// footnoteOrder is the transformer described above.
type footnoteOrder struct{}

// Transform orders the footnote list by descending number, definitions
// that no reference numbered last.
func (footnoteOrder) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ix, ok := pc.Get(footnoteIndexKey).(*footnoteIndex)
	if !ok || ix.list == nil {
		return
	}
	var defs []*east.Footnote
	for c := ix.list.FirstChild(); c != nil; c = c.NextSibling() {
		if def, ok := c.(*east.Footnote); ok && ix.first[string(def.Ref)] == nil {
			defs = append(defs, def)
		}
	}
	if len(defs) != ix.list.ChildCount() {
		return // not only definitions: leave the list to goldmark
	}
	sort.SliceStable(defs, func(i, j int) bool { return defs[i].Index > defs[j].Index })
	ix.list.RemoveChildren(ix.list)
	for _, def := range defs {
		ix.list.AppendChild(ix.list, def)
	}
}
