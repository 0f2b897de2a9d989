package epub

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tree builds the body of one content document as the syntax tree is
// walked: the node renderers open and close elements in the order the
// Markdown nests them, and the tags of the post's raw HTML open and close
// elements in between (rawhtml.go). Whatever the tags, what it builds is
// valid EPUB XHTML, because the tree decides where each element may go:
//
//   - An element that the Markdown opened is closed only by the Markdown
//     (close), and closing it first closes every raw element still open
//     inside it: raw HTML never leaks out of the paragraph, list item or
//     block quote it was written in.
//   - A raw end tag (end) closes the nearest raw element of its name
//     opened inside the current Markdown element, with the raw elements
//     opened after it; an end tag that matches nothing is dropped.
//   - Where the content model forbids an element (fit), the tree makes
//     room as an HTML parser would (a block closes a raw <p>; a raw <span>
//     that receives blocks becomes a <div>) or renames the element (a
//     block inside running text becomes a <span>, a list item outside a
//     list a <div>); table parts go into a table or are unwrapped, and
//     what stands in a table outside its cells is moved before it.
//   - Elements nest at most maxDepth deep; what is deeper is flattened
//     into its nearest allowed ancestor, text kept, and reported once.
//   - When a raw element closes, its children are put in the order XHTML
//     requires (structure.go).
type tree struct {
	body  *html.Node
	stack []frame
	// cur is where content goes; depth counts the elements from the body
	// down to it; phrasing is true where only running text may stand.
	cur      *html.Node
	depth    int
	phrasing bool
	// dropping counts the open elements that are left out with their
	// content (scripts, frames): while it is positive, nothing is added.
	dropping int
	// pending is text not yet made a node: a text node is made once per
	// run of text, not once per Markdown text node.
	pending []byte
	// ids are the ids given so far, each once.
	ids map[string]bool
	// summary labels a details element that has none.
	summary string
	// tooDeep is called the first time content is flattened.
	tooDeep func()
	deep    bool
}

// frame is one open element (or one tag that made none).
type frame struct {
	// el is the element; nil when the tag made none (an unwrapped,
	// flattened or dropped tag), which still has to be closed.
	el *html.Node
	// tag is the name a raw tag was written with, which its end tag
	// names; "" for an element of the Markdown.
	tag  string
	raw  bool
	drop bool
	// in, depth and phrasing are the insertion state inside the frame.
	in       *html.Node
	depth    int
	phrasing bool
}

// maxDepth bounds how deep elements nest below a document's body.
// libxml2, with which many reading systems read XHTML, refuses documents
// nested deeper than 256 elements unless told otherwise; html, body, the
// chapter's section and requiredSlack stay well inside that. x/net/html,
// which the EPUB writer used to parse whole chapters with, stopped at 512
// open elements and returned an empty chapter.
const maxDepth = 200

// requiredSlack is how far past maxDepth an element still opens when its
// parent is useless without it (a list's item, a table's row group, row
// and cell), so that a list or table cut by the limit stays valid.
const requiredSlack = 4

func newTree(summary string, tooDeep func()) *tree {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	return &tree{body: body, cur: body, ids: map[string]bool{}, summary: summary, tooDeep: tooDeep}
}

// text adds running text.
func (t *tree) text(s string) {
	if t.dropping > 0 || s == "" {
		return
	}
	if validXML(s) {
		t.pending = append(t.pending, s...)
		return
	}
	t.pending = append(t.pending, xmlText(s)...)
}

// open starts an element of the Markdown (raw false) or of the post's
// HTML (raw true, tag the name as written). attrs are cleaned already,
// except that an id is kept only when the document has none like it. It
// returns the element, or nil when none was made.
func (t *tree) open(name string, attrs []html.Attribute, raw bool, tag string) *html.Node {
	return t.openElement(name, attrs, raw, tag, false)
}

// openElement is open; leaf is true for an element without content (an
// image, a line break), which still opens past the depth limit: what is
// flattened keeps its text, and images are not text.
func (t *tree) openElement(name string, attrs []html.Attribute, raw bool, tag string, leaf bool) *html.Node {
	t.flush()
	if t.dropping > 0 {
		t.push(frame{tag: tag, raw: raw})
		return nil
	}
	if raw {
		t.impliedEnds(name, tag)
	}
	fitted := t.fit(name, raw)
	if fitted != name {
		attrs = allowedAttrs(fitted, attrs)
	}
	name = fitted
	if name == "" {
		t.push(frame{tag: tag, raw: raw})
		return nil
	}
	if t.depth >= maxDepth && !((leaf || required(t.cur.Data, name)) && t.depth < maxDepth+requiredSlack) {
		if !t.deep && t.tooDeep != nil {
			t.tooDeep()
		}
		t.deep = true
		t.push(frame{tag: tag, raw: raw})
		return nil
	}
	el := &html.Node{Type: html.ElementNode, Data: name, Attr: t.keepIDs(attrs)}
	fostered := t.insert(el)
	t.push(frame{el: el, tag: tag, raw: raw, in: el, depth: t.depth + 1,
		phrasing: !fostered && t.phrasing || phrasingOnly[name]})
	return el
}

// raw adds markup the writer made itself and wrote whole (a formula's SVG
// or MathML), as it is; text and bold are the characters in it that the
// text face draws, regular and bold, for the font subsets.
func (t *tree) raw(markup, text, bold string) {
	t.flush()
	if t.dropping > 0 || markup == "" {
		return
	}
	n := &html.Node{Type: html.RawNode, Data: markup}
	if text != "" || bold != "" {
		n.Attr = []html.Attribute{{Key: "text", Val: text}, {Key: "bold", Val: bold}}
	}
	t.insert(n)
}

// leaf adds an element that has no content of its own (img, br, hr).
func (t *tree) leaf(name string, attrs []html.Attribute, raw bool, tag string) *html.Node {
	el := t.openElement(name, attrs, raw, tag, true)
	t.pop()
	return el
}

// unwrapped opens a raw tag that makes no element: its content is kept
// where it stands.
func (t *tree) unwrapped(tag string) {
	t.flush()
	t.push(frame{tag: tag, raw: true})
}

// dropped opens a raw element that is left out with its content.
func (t *tree) dropped(tag string) {
	t.flush()
	t.push(frame{tag: tag, raw: true, drop: true})
}

// close closes the innermost element of the Markdown, and the raw
// elements still open inside it.
func (t *tree) close() {
	for len(t.stack) > 0 {
		raw := t.stack[len(t.stack)-1].raw
		t.pop()
		if !raw {
			return
		}
	}
}

// end closes the raw element that a raw end tag names, if one is open
// inside the innermost element of the Markdown, and reports whether one
// was.
func (t *tree) end(tag string) bool {
	for i := len(t.stack) - 1; i >= 0 && t.stack[i].raw; i-- {
		if t.stack[i].tag == tag {
			t.popTo(i)
			return true
		}
	}
	return false
}

// finish closes whatever is open and returns the body.
func (t *tree) finish() *html.Node {
	t.popTo(0)
	t.flush()
	return t.body
}

// push opens f; a frame that made no element keeps the insertion state.
func (t *tree) push(f frame) {
	if f.el == nil {
		f.in, f.depth, f.phrasing = t.cur, t.depth, t.phrasing
	}
	if f.drop {
		t.dropping++
	}
	t.stack = append(t.stack, f)
	t.cur, t.depth, t.phrasing = f.in, f.depth, f.phrasing
}

// pop closes the innermost frame.
func (t *tree) pop() {
	t.flush()
	f := t.stack[len(t.stack)-1]
	t.stack = t.stack[:len(t.stack)-1]
	if f.drop {
		t.dropping--
	}
	if f.el != nil && f.raw {
		t.fixStructure(f.el)
	}
	t.restore()
}

// popTo closes frames until i frames are left.
func (t *tree) popTo(i int) {
	for len(t.stack) > i {
		t.pop()
	}
}

func (t *tree) restore() {
	if len(t.stack) == 0 {
		t.cur, t.depth, t.phrasing = t.body, 0, false
		return
	}
	f := t.stack[len(t.stack)-1]
	t.cur, t.depth, t.phrasing = f.in, f.depth, f.phrasing
}

// flush makes the pending text a node. Text that stands in a table
// outside its cells goes before the table, as a browser shows it; white
// space there goes.
func (t *tree) flush() {
	if len(t.pending) == 0 {
		return
	}
	s := string(t.pending)
	t.pending = t.pending[:0]
	n := &html.Node{Type: html.TextNode, Data: s}
	if tableParts[t.cur.Data] {
		if strings.Trim(s, " \t\n\r\f") == "" {
			if t.cur.Data != "table" && t.cur.Data != "colgroup" {
				t.cur.AppendChild(n)
			}
			return
		}
		table := tableOf(t.cur)
		table.Parent.InsertBefore(n, table)
		return
	}
	t.cur.AppendChild(n)
}

// insert adds el at the insertion point, or before the table when the
// insertion point is a table's structure that may not hold it, and
// reports the latter.
func (t *tree) insert(el *html.Node) (fostered bool) {
	if tableParts[t.cur.Data] && !tableChild(t.cur.Data, el.Data) {
		table := tableOf(t.cur)
		table.Parent.InsertBefore(el, table)
		return true
	}
	t.cur.AppendChild(el)
	return false
}

// tableOf returns the table that n (a table or one of its parts) is in.
func tableOf(n *html.Node) *html.Node {
	for n.Data != "table" && n.Parent != nil {
		n = n.Parent
	}
	return n
}

// keepIDs drops an id that is empty, not a valid id, taken already in
// the document, or one of those the math writer gives (mathIDPrefix): a
// duplicate id is an EPUBCheck error, and the first one is the one links
// were written for.
func (t *tree) keepIDs(attrs []html.Attribute) []html.Attribute {
	for i, a := range attrs {
		if a.Key != "id" {
			continue
		}
		id := a.Val
		if id == "" || strings.ContainsAny(id, " \t\n\r\f") || t.ids[id] || xmlText(id) != id || strings.HasPrefix(id, mathIDPrefix) {
			return append(attrs[:i:i], attrs[i+1:]...)
		}
		t.ids[id] = true
	}
	return attrs
}

// allowedAttrs keeps the attributes that an element renamed to name may
// still have.
func allowedAttrs(name string, attrs []html.Attribute) []html.Attribute {
	var out []html.Attribute
	for _, a := range attrs {
		if globalAttrs[a.Key] || elementAttrs[name][a.Key] {
			out = append(out, a)
		}
	}
	return out
}
