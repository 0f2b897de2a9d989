package epub

import (
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// renderer builds the body of content documents straight from the
// chapters' syntax trees: each node renderer opens and closes elements of
// a tree (tree.go), which keeps the result valid XHTML; only the post's
// raw HTML is parsed (rawhtml.go). Documents render on several goroutines,
// each with a renderer of its own, because a renderer keeps the state of
// the document it is in.
type renderer struct {
	p   *publication
	d   *document
	c   *book.Chapter
	src []byte
	t   *tree
	// refs finds the book's record of each image node.
	refs map[ast.Node]*book.ImageRef
	// skip is the heading that became the chapter title.
	skip ast.Node
	// at is the node being rendered and rawAt, when not negative, the
	// source offset of the raw tag being read: where messages point.
	at    ast.Node
	rawAt int
	// m is what the document's formulas share.
	m mathDoc
}

func (p *publication) newRenderer() *renderer { return &renderer{p: p} }

// render fills the body of d.
func (p *publication) render(r *renderer, d *document) {
	r.start(d)
	switch {
	case d.chapter != nil:
		r.chapter()
	case d.part != nil:
		r.partPage(d.part)
	case d.id == "cover":
		r.coverPage()
	case d.id == "titlepage":
		r.titlePage()
	case d.id == "nav":
		r.navPage()
	}
	d.body = r.t.finish()
	d.ids = r.t.ids
}

// start prepares r for document d.
func (r *renderer) start(d *document) {
	r.d, r.c, r.skip, r.at, r.rawAt, r.src = d, d.chapter, nil, nil, -1, nil
	r.t = newTree(r.p.words.Details, r.tooDeep)
	r.m.reset()
	clear(r.refs)
	if r.c == nil {
		return
	}
	r.src = r.c.Src()
	if r.refs == nil {
		r.refs = map[ast.Node]*book.ImageRef{}
	}
	for _, ref := range r.c.Images {
		if _, ok := ref.Node.(*ast.Image); ok {
			r.refs[ref.Node] = ref
		}
	}
}

// pos is where the node or raw tag being rendered stands in its post.
func (r *renderer) pos() diag.Pos {
	switch {
	case r.c == nil:
		return diag.Pos{File: r.d.href}
	case r.rawAt >= 0:
		return r.c.Post.Pos(r.rawAt)
	case r.at != nil:
		return r.c.NodePos(r.at)
	}
	return diag.Pos{File: r.c.Source}
}

func (r *renderer) warnf(format string, args ...any) { r.d.diags.Warnf(r.pos(), format, args...) }

func (r *renderer) tooDeep() {
	r.warnf("elements nested more than %d deep: what lies deeper is flattened into its parent, its text kept", maxDepth)
}

// kv is one attribute.
func kv(key, val string) html.Attribute { return html.Attribute{Key: key, Val: val} }

// chapter renders a chapter: its title, its date, its body.
func (r *renderer) chapter() {
	r.t.open("section", []html.Attribute{kv("epub:type", "chapter")}, false, "")
	r.titleHeading()
	r.date()
	r.children(r.c.Doc)
	if err := r.finishMath(); err != nil {
		r.warnf("math: %v", err)
	}
	r.t.close()
	if len(r.c.Math) > 0 {
		glueMath(r.t.body)
	}
}

// titleHeading writes the chapter title as its h1 and remembers the
// heading node it replaces, if the title came from one: that heading is
// not printed a second time, but its id stays the title's.
func (r *renderer) titleHeading() {
	var attrs []html.Attribute
	if h := r.c.TitleHeading; h != nil {
		r.skip = h.Node
		if h.ID != "" {
			attrs = append(attrs, kv("id", h.ID))
		}
	}
	attrs = append(attrs, kv("class", "chapter-title"))
	r.t.open("h1", attrs, false, "")
	r.t.text(r.d.title)
	r.t.close()
}

func (r *renderer) date() {
	t := r.c.Date
	if t.IsZero() {
		return
	}
	r.t.open("p", []html.Attribute{kv("class", "chapter-date")}, false, "")
	r.t.open("time", []html.Attribute{kv("datetime", t.Format("2006-01-02"))}, false, "")
	r.t.text(r.p.words.date(t))
	r.t.close()
	r.t.close()
}

// children renders the children of n.
func (r *renderer) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.node(c)
	}
}

// node renders one node of the syntax tree. Kinds without a renderer of
// their own (the document, kinds an extension may add) render their
// children.
func (r *renderer) node(n ast.Node) {
	r.at = n
	switch n := n.(type) {
	case *ast.Text:
		r.textNode(n)
	case *ast.String:
		r.stringNode(n)
	case *ast.Paragraph:
		r.paragraph(n)
	case *ast.TextBlock:
		r.textBlock(n)
	case *ast.Heading:
		r.heading(n)
	case *ast.Emphasis:
		r.emphasis(n)
	case *ast.CodeSpan:
		r.codeSpan(n)
	case *ast.Link:
		r.link(n)
	case *ast.AutoLink:
		r.autoLink(n)
	case *ast.Image:
		r.writeImage(n)
	case *ast.RawHTML, *ast.HTMLBlock:
		r.rawHTML(n)
	case *ast.List:
		r.list(n)
	case *ast.ListItem:
		r.listItem(n)
	case *ast.Blockquote:
		r.blockquote(n)
	case *ast.ThematicBreak:
		r.t.leaf("hr", r.nodeAttrs("hr", n, ""), false, "")
		r.t.text("\n")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		r.codeBlock(n)
	case *ast.LinkReferenceDefinition:
	case *east.Table:
		r.table(n)
	case *east.DefinitionList:
		r.block("dl", n)
	case *east.DefinitionTerm:
		r.block("dt", n)
	case *east.DefinitionDescription:
		r.block("dd", n)
	case *east.Strikethrough:
		r.inline("del", n)
	case *east.TaskCheckBox:
		r.taskBox(n.IsChecked)
		r.t.text(" ")
	case *east.FootnoteLink:
		r.noteref(n)
	case *east.FootnoteBacklink:
		r.backlink(n)
	case *east.Footnote:
		r.footnote(n)
	case *east.FootnoteList:
		r.footnotes(n)
	case *markdown.MathInline:
		r.mathInline(n)
	case *markdown.MathBlock:
		r.mathBlock(n)
	default:
		r.children(n)
	}
}
