package epub

import (
	"strconv"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// The block renderers write what goldmark's HTML renderer writes,
// newlines between blocks included, so that the text of a chapter reads
// as it always has; the elements are made directly.

// paragraph writes a paragraph, or a figure when the paragraph holds
// nothing but an image.
func (r *renderer) paragraph(n *ast.Paragraph) {
	if img, ok := n.FirstChild().(*ast.Image); ok && n.ChildCount() == 1 {
		r.figure(img)
		return
	}
	r.block("p", n)
}

// block writes n as the element name followed by a newline.
func (r *renderer) block(name string, n ast.Node) {
	r.t.open(name, r.nodeAttrs(name, n, ""), false, "")
	r.children(n)
	r.t.close()
	r.t.text("\n")
}

// textBlock writes the text of a tight list item, without a paragraph.
func (r *renderer) textBlock(n *ast.TextBlock) {
	r.children(n)
	if n.NextSibling() != nil && n.FirstChild() != nil {
		r.t.text("\n")
	}
}

// heading writes a heading with its id and attributes, except the one
// that became the chapter title.
func (r *renderer) heading(n *ast.Heading) {
	if ast.Node(n) == r.skip {
		return
	}
	r.block("h"+strconv.Itoa(n.Level), n)
}

func (r *renderer) blockquote(n *ast.Blockquote) {
	r.t.open("blockquote", r.nodeAttrs("blockquote", n, ""), false, "")
	if n.Attributes() == nil {
		r.t.text("\n")
	}
	r.children(n)
	r.t.close()
	r.t.text("\n")
}

func (r *renderer) list(n *ast.List) {
	name := "ul"
	var attrs []html.Attribute
	if n.IsOrdered() {
		name = "ol"
		if n.Start != 1 {
			attrs = append(attrs, kv("start", strconv.Itoa(n.Start)))
		}
	}
	r.t.open(name, r.attrs(name, name, append(attrs, astAttrs(n)...), ""), false, "")
	r.t.text("\n")
	r.children(n)
	r.t.close()
	r.t.text("\n")
}

func (r *renderer) listItem(n *ast.ListItem) {
	class := ""
	if markdown.TaskBox(n) != nil {
		class = "task-item" // the check box stands where the bullet would
	}
	r.t.open("li", r.nodeAttrs("li", n, class), false, "")
	if fc := n.FirstChild(); fc != nil {
		if _, ok := fc.(*ast.TextBlock); !ok {
			r.t.text("\n")
		}
	}
	r.children(n)
	r.t.close()
	r.t.text("\n")
}
