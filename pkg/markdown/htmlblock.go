package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// htmlBlockParser is goldmark's HTML block parser with one change. In
// CommonMark an HTML block started by a block element's tag (types 6 and
// 7) ends at the first blank line; kramdown, which Jekyll uses, reads a
// block element to its end tag. The difference shows where HTML holds
// blank lines that are not Markdown: the <style scoped> that Jupyter
// writes before every pandas DataFrame (blank lines between its rules),
// inside <div>. CommonMark ends the block inside the style sheet, reads
// its indented rules as code and the table after it as a block of its
// own, and the style element, never closed, swallows the table. Here such
// a block goes on through blank lines while a <style>, <script>,
// <textarea> or <pre> in it is open, or a <table>, or a comment: where a
// blank line cannot start Markdown. Tags inside comments are text. Everywhere else the block ends as CommonMark
// says, so that Markdown between HTML lines stays Markdown.
type htmlBlockParser struct{ parser.BlockParser }

// openHTML is what is open at the end of the lines of an HTML block read
// so far: a raw-text element (its name) and tables.
type openHTML struct {
	block   *ast.HTMLBlock
	raw     []byte // "style", "script", "textarea" or "pre", lower case; nil when none
	tables  int
	comment bool // inside <!-- … -->
}

var openHTMLKey = parser.NewContextKey()

// rawElements are the elements whose content a blank line does not end.
var rawElements = [][]byte{[]byte("style"), []byte("script"), []byte("textarea"), []byte("pre")}

// Open implements parser.BlockParser: goldmark's, and for a block that a
// blank line would end, what the first lines leave open.
func (p htmlBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, st := p.BlockParser.Open(parent, reader, pc)
	if b, ok := n.(*ast.HTMLBlock); ok && (b.HTMLBlockType == ast.HTMLBlockType6 || b.HTMLBlockType == ast.HTMLBlockType7) {
		o := &openHTML{block: b}
		lines := b.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			o.scan(seg.Value(reader.Source()))
		}
		pc.Set(openHTMLKey, o)
	}
	return n, st
}

// Continue implements parser.BlockParser: a blank line goes into the
// block while something in it is open; otherwise goldmark decides.
func (p htmlBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	o, _ := pc.Get(openHTMLKey).(*openHTML)
	if b, ok := node.(*ast.HTMLBlock); !ok || o == nil || o.block != b {
		return p.BlockParser.Continue(node, reader, pc)
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) && (o.raw != nil || o.tables > 0 || o.comment) {
		node.Lines().Append(seg)
		reader.AdvanceToEOL()
		return parser.Continue | parser.NoChildren
	}
	st := p.BlockParser.Continue(node, reader, pc)
	if st&parser.Close == 0 {
		o.scan(line)
	}
	return st
}

// scan follows the tags of one line: raw-text elements opened and closed,
// tables opened and closed. It looks for tag names only; what is inside a
// raw-text element is passed over up to its end tag.
func (o *openHTML) scan(line []byte) {
	low := bytes.ToLower(line)
	for i := 0; i < len(low); i++ {
		if o.comment {
			end := bytes.Index(low[i:], []byte("-->"))
			if end < 0 {
				return
			}
			o.comment, i = false, i+end+2
			continue
		}
		if low[i] != '<' {
			continue
		}
		rest := low[i+1:]
		if o.raw == nil && bytes.HasPrefix(rest, []byte("!--")) {
			// a comment's tags are text: <!-- 예전에는 <pre> 로 -->
			o.comment, i = true, i+3
			continue
		}
		if o.raw != nil {
			if bytes.HasPrefix(rest, []byte("/")) && tagNamed(rest[1:], o.raw) {
				o.raw = nil
			}
			continue
		}
		switch {
		case tagNamed(rest, []byte("table")):
			o.tables++
		case bytes.HasPrefix(rest, []byte("/")) && tagNamed(rest[1:], []byte("table")):
			o.tables = max(o.tables-1, 0)
		default:
			for _, name := range rawElements {
				if tagNamed(rest, name) && !selfClosing(rest) {
					o.raw = name
					break
				}
			}
		}
	}
}

// tagNamed reports whether s starts with the tag name name, ended by
// white space, '>' or '/', or by the end of the line.
func tagNamed(s, name []byte) bool {
	if !bytes.HasPrefix(s, name) {
		return false
	}
	if len(s) == len(name) {
		return true
	}
	switch s[len(name)] {
	case ' ', '\t', '\n', '\r', '>', '/':
		return true
	}
	return false
}

// selfClosing reports whether the tag that s starts inside (after its
// '<') ends with "/>" on this line.
func selfClosing(s []byte) bool {
	end := bytes.IndexByte(s, '>')
	return end > 0 && s[end-1] == '/'
}
