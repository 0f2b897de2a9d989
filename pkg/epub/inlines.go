package epub

import (
	"bytes"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// textNode writes text with its escapes resolved, and its line break.
func (r *renderer) textNode(n *ast.Text) {
	v := n.Segment.Value(r.src)
	if !n.IsRaw() {
		v = markdown.Unescape(v)
	}
	r.t.text(string(v))
	switch {
	case n.HardLineBreak():
		r.t.leaf("br", nil, false, "")
		r.t.text("\n")
	case n.SoftLineBreak():
		r.t.text("\n")
	}
}

func (r *renderer) stringNode(n *ast.String) {
	v := n.Value
	if !n.IsCode() && !n.IsRaw() {
		v = markdown.Unescape(v)
	}
	r.t.text(string(v))
}

// inline writes n as the element name around its content.
func (r *renderer) inline(name string, n ast.Node) {
	r.t.open(name, r.nodeAttrs(name, n, ""), false, "")
	r.children(n)
	r.t.close()
}

func (r *renderer) emphasis(n *ast.Emphasis) {
	if n.Level == 2 {
		r.inline("strong", n)
	} else {
		r.inline("em", n)
	}
}

// codeSpan writes inline code as it stands, a line end read as a space.
func (r *renderer) codeSpan(n *ast.CodeSpan) {
	r.t.open("code", r.nodeAttrs("code", n, ""), false, "")
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(r.src)
		if bytes.HasSuffix(v, []byte("\n")) {
			r.t.text(string(v[:len(v)-1]) + " ")
		} else {
			r.t.text(string(v))
		}
	}
	r.t.close()
}

// taskBox writes a task list's check box as a character: form controls
// are interactive content that reading systems show inconsistently.
func (r *renderer) taskBox(checked bool) {
	mark := "☐"
	if checked {
		mark = "☑"
	}
	r.t.open("span", []html.Attribute{kv("class", "task")}, false, "")
	r.t.text(mark)
	r.t.close()
}

// astAttrs returns the attributes a node carries (kramdown attribute
// lists, heading ids) as HTML attributes, to be cleaned like any other.
func astAttrs(n ast.Node) []html.Attribute {
	as := n.Attributes()
	if len(as) == 0 {
		return nil
	}
	out := make([]html.Attribute, 0, len(as))
	for _, a := range as {
		if v, ok := markdown.AttrValue(a.Value); ok {
			out = append(out, html.Attribute{Key: string(a.Name), Val: v})
		}
	}
	return out
}

// nodeAttrs returns the cleaned attributes of a node rendered as name.
func (r *renderer) nodeAttrs(name string, n ast.Node, class string) []html.Attribute {
	if n.Attributes() == nil && class == "" {
		return nil
	}
	return r.attrs(name, name, astAttrs(n), class)
}
