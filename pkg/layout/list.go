package layout

import (
	"strconv"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// listIndent is how far list items stand in, in body sizes: room for a
// marker such as "10." and a gap after it. markerGap is that gap.
const (
	listIndent = 1.8
	markerGap  = 0.5
)

// bullets are the unordered markers by nesting depth. All are in every
// shipped face.
var bullets = []string{"•", "◦", "▪"}

// list sets a list: every item indented, its marker hanging in the indent
// on the item's first line. Loose lists have space between items.
func (e *engine) list(n *ast.List) {
	depth := e.listDepth(n)
	if depth > 0 {
		e.blockSpace(0) // a nested list follows its item's text closely
	} else {
		e.blockSpace(parSkip)
	}
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if item != n.FirstChild() && !n.IsTight {
			e.space(Length(parSkip * float64(e.pitch)))
		}
		label := bullets[depth%len(bullets)]
		if n.IsOrdered() {
			label = strconv.Itoa(num) + string(n.Marker)
			num++
		}
		if box := markdown.TaskBox(item); box != nil {
			label = checkBox(box)
		}
		e.listItem(item, label)
	}
}

// checkBox is a task list item's box, which stands in the place of its
// bullet (the item's text does not repeat it). ☐ and ☑ (U+2610, U+2611)
// are in none of the shipped faces; □ and ▣ (U+25A1, U+25A3) are in all
// of them.
func checkBox(n *extast.TaskCheckBox) string {
	if n.IsChecked {
		return "▣"
	}
	return "□"
}

// listDepth counts the lists that enclose n.
func (e *engine) listDepth(n ast.Node) int {
	d := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.List); ok {
			d++
		}
	}
	return d
}

// listItem sets one item's blocks in an indented context and hangs its
// marker, right-aligned, before the first line.
func (e *engine) listItem(item ast.Node, label string) {
	saved := e.ctx
	e.ctx.left += Length(listIndent * float64(e.size))
	e.ctx.marker = e.marker(label, item)
	e.ctx.firstBlock = true
	e.blocks(item)
	e.ctx = saved
}

// marker sets an item's label right-aligned in the indent before the
// current context's left edge, for the item's first line.
func (e *engine) marker(label string, node ast.Node) []Element {
	st := e.bodyStyle()
	runs, styles := e.runs([]span{{text: label, st: st, node: node}})
	var marker []Element
	x := e.ctx.left - Length(markerGap*float64(e.size))
	for i := len(runs) - 1; i >= 0; i-- {
		m := runs[i].M.(faceMeasurer)
		x -= m.width(runs[i].Text)
		marker = append(marker, Text{X: x, Font: styles[i].font, Size: st.size, Color: textColor, Text: runs[i].Text})
	}
	return marker
}
