package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// TaskBox returns the check box of a GFM task list item ("- [x] …"), or
// nil when item is not one: the box is the first inline of the item's
// first block. Both writers show the box in place of the item's bullet.
func TaskBox(item ast.Node) *east.TaskCheckBox {
	if _, ok := item.(*ast.ListItem); !ok {
		return nil
	}
	first := item.FirstChild()
	if first == nil {
		return nil
	}
	box, _ := first.FirstChild().(*east.TaskCheckBox)
	return box
}
