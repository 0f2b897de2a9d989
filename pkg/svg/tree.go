package svg

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// node is an element of the file, or a piece of text inside <text>.
type node struct {
	// name is the local name of an SVG element; "" for text, and for an
	// element of another namespace, whose ns is then set.
	name, ns string
	attrs    map[string]string
	text     string
	parent   *node
	kids     []*node
	// decls are the node's declared properties after the cascade
	// (cascade.go); classes its class attribute split.
	decls   map[string]string
	classes []string
}

// document is a parsed file: its root, its ids, its style sheet.
type document struct {
	root  *node
	ids   map[string]*node
	sheet []rule
	// skipped collects what was left out, by description.
	skipped map[string]bool
}

// readTree reads the file into a tree of nodes within the limits: its
// size, the number of elements, their depth. Text is kept only inside
// text elements, and the text of <style> elements becomes the style
// sheet.
func readTree(data []byte, lim Limits) (*document, error) {
	if len(data) > lim.Bytes {
		return nil, &LimitError{What: "bytes", Limit: lim.Bytes}
	}
	doc := &document{ids: map[string]*node{}, skipped: map[string]bool{}}
	d := NewDecoder(data)
	var stack []*node
	elements, skip := 0, 0
	var css strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if elements++; elements > lim.Elements {
				return nil, &LimitError{What: "elements", Limit: lim.Elements}
			}
			if len(stack)+skip >= lim.Depth {
				return nil, &LimitError{What: "levels of nesting", Limit: lim.Depth}
			}
			if skip > 0 {
				skip++
				continue
			}
			n := doc.element(d, t)
			if len(stack) > 0 {
				n.parent = stack[len(stack)-1]
				n.parent.kids = append(n.parent.kids, n)
			} else {
				doc.root = n
			}
			if n.name == "" || n.name == "foreignObject" {
				skip = 1 // kept for what it says, not for what it holds
				continue
			}
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			switch top := stack[len(stack)-1]; top.name {
			case "text", "tspan", "a":
				if inText(top) {
					top.kids = append(top.kids, &node{text: string(t), parent: top})
				}
			case "style":
				css.Write(t)
			}
		}
	}
	doc.sheet = doc.parseSheet(css.String())
	return doc, nil
}

// inText reports whether a node lies inside a <text> element.
func inText(n *node) bool {
	for ; n != nil; n = n.parent {
		if n.name == "text" {
			return true
		}
	}
	return false
}

// element makes the node of a start tag: SVG attributes by local name;
// xlink:href as href unless href itself is given (SVG 2); xml:space.
func (doc *document) element(d *Decoder, t xml.StartElement) *node {
	n := &node{attrs: map[string]string{}}
	if d.InSVG(t.Name) {
		n.name = t.Name.Local
	} else {
		n.ns = t.Name.Space
	}
	for _, a := range t.Attr {
		switch a.Name.Space {
		case "":
			n.attrs[a.Name.Local] = a.Value
		case XLinkNS, "xlink":
			if a.Name.Local == "href" {
				if _, ok := n.attrs["href"]; !ok {
					n.attrs["xlink:href"] = a.Value
				}
			}
		case XMLNS, "xml":
			if a.Name.Local == "space" {
				n.attrs["xml:space"] = a.Value
			}
		}
	}
	if h, ok := n.attrs["xlink:href"]; ok {
		if _, plain := n.attrs["href"]; !plain {
			n.attrs["href"] = h
		}
		delete(n.attrs, "xlink:href")
	}
	if id := strings.TrimSpace(n.attrs["id"]); id != "" && n.name != "" {
		if _, taken := doc.ids[id]; !taken {
			doc.ids[id] = n // the first of an id wins, as in browsers
		}
	}
	n.classes = strings.Fields(n.attrs["class"])
	return n
}

// skip notes something left out of the drawing.
func (doc *document) skip(what string) { doc.skipped[what] = true }
