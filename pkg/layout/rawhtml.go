package layout

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// Raw HTML in a post is set with the structure a reader sees in a browser,
// as far as a page can hold it, and as the EPUB keeps it:
//
//   - paragraphs and headings (<p>, <div>, <h1>–<h6>), line breaks,
//     rules, preformatted text as code;
//   - inline styles: <b>, <strong>, <i>, <em>, <code>, <sub>, <sup>, <s>,
//     <u>, <small>, links; in raw HTML blocks and in Markdown paragraphs
//     alike (a Markdown paragraph's raw tags are separate inline nodes,
//     applied to the text between them by applyRawTags);
//   - lists with their markers, block quotes with their rule;
//   - tables, set like Markdown tables (setTable), their header the rows in
//     <thead> or the leading rows of <th> cells; a colspan widens a cell
//     over its columns, a rowspan keeps its column empty below it
//     (htmltable.go);
//   - <center> and blocks aligned center: their text, and the Markdown
//     blocks inside them, is centred;
//   - <img> as figures (after the table, for images in table cells);
//   - the content of markdown.HiddenElement elements (scripts, styles, a
//     pasted page's <title>) is left out, as the EPUB leaves it out;
//   - a <div> a script would have filled (markdown.ScriptFigures) is a
//     framed note, with a warning.

// rawBlock is an open block element of raw HTML.
type rawBlock struct {
	tag    string
	center bool
}

// rawLocal is an element of one HTML block that changes the context
// (a list's or a quotation's indent): its end tag, or the block's end,
// restores the context saved when it opened.
type rawLocal struct {
	tag     string
	saved   blockCtx
	ordered bool
	num     int // the next item's number in an ordered list
	leave   func()
}

// Inline element sizes, in the size of the text around them: sub- and
// superscripts as a word processor sets them (superscripts like footnote
// references), <small> a step down.
const (
	subScale   = footnoteScale
	subDrop    = 0.15
	smallScale = 0.85
)

// paragraphTags end the paragraph before and after them; they may be
// aligned center.
var paragraphTags = map[string]bool{"p": true, "div": true, "center": true, "details": true,
	"summary": true, "figure": true, "figcaption": true, "section": true, "article": true,
	"header": true, "footer": true, "aside": true, "main": true, "nav": true, "address": true,
	"dl": true, "dt": true, "dd": true}

// htmlSetter sets one raw HTML block.
type htmlSetter struct {
	e     *engine
	n     ast.Node
	refs  []*book.ImageRef
	figs  []markdown.ScriptFigure
	spans []span       // the paragraph being collected
	style []html.Token // open inline elements that style text
	local []rawLocal
	// hidden is how deep the tokens are inside left-out elements.
	hidden  int
	pre     *strings.Builder // the text of an open <pre>
	heading int              // the level of an open <h1>–<h6>
	table   *htmlTable
	// after are images of table cells, set as figures after the table.
	after []*book.ImageRef
	// row are images with nothing but white space between them, set
	// together (side by side when they fit) before what follows them.
	row []*book.ImageRef
	// fig is an open <figure>: its images are set when it closes, with
	// its <figcaption> as the caption.
	fig *htmlFigure
}

// htmlFigure collects a raw HTML <figure>: its images and its caption's
// text.
type htmlFigure struct {
	refs      []*book.ImageRef
	caption   strings.Builder
	captioned bool // a <figcaption> was seen
	inCaption bool
}

// htmlBlock sets a raw HTML block.
func (e *engine) htmlBlock(n *ast.HTMLBlock) {
	raw, _ := markdown.RawHTML(n, e.src)
	s := &htmlSetter{e: e, n: n, refs: e.images[n], figs: markdown.ScriptFigures(n, e.src)}
	z := html.NewTokenizer(strings.NewReader(raw))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		at := off
		off += len(z.Raw())
		tok := z.Token()
		switch {
		case s.hidden > 0:
			s.inHidden(tt, tok)
		case tt == html.TextToken:
			s.text(tok.Data)
		case tt == html.StartTagToken || tt == html.SelfClosingTagToken:
			s.start(tok, at)
		case tt == html.EndTagToken:
			s.end(tok.Data)
		}
	}
	s.finish()
}

// inHidden follows the tags inside a left-out element: nested hidden
// elements, and images, which the book counted among the node's images.
func (s *htmlSetter) inHidden(tt html.TokenType, tok html.Token) {
	switch {
	case tt == html.StartTagToken && tok.Data == "img", tt == html.SelfClosingTagToken && tok.Data == "img":
		s.image(tok) // consumed, not shown
	case tt == html.StartTagToken && markdown.HiddenElement(tok.Data) && !markdown.VoidElement(tok.Data):
		s.hidden++
	case tt == html.EndTagToken && markdown.HiddenElement(tok.Data):
		s.hidden--
	}
}

// start handles a start tag at offset at of the raw HTML.
func (s *htmlSetter) start(tok html.Token, at int) {
	name := tok.Data
	for len(s.figs) > 0 && s.figs[0].At <= at {
		if s.figs[0].At == at {
			s.flush()
			s.e.interactiveNote(s.figs[0], s.n)
		}
		s.figs = s.figs[1:]
	}
	frame := markdown.FramePage(tok)
	switch {
	case frame != "":
		// the link the EPUB prints in the frame's place
		s.style = append(s.style, html.Token{Type: html.StartTagToken, Data: "a", Attr: []html.Attribute{{Key: "href", Val: frame}}})
		s.add(frame)
		s.style = s.style[:len(s.style)-1]
		s.hidden++
	case markdown.HiddenElement(name):
		if !markdown.VoidElement(name) {
			s.hidden++
		}
	case s.pre != nil:
		if name == "br" {
			s.pre.WriteByte('\n')
		}
	case name == "br" && s.fig != nil && s.fig.inCaption:
		s.fig.caption.WriteByte(' ')
	case name == "br":
		s.add("\n")
	case name == "img" && s.fig != nil && s.table == nil:
		if ref := s.image(tok); ref != nil {
			s.fig.refs = append(s.fig.refs, ref)
		}
	case name == "figure" && s.table == nil:
		if s.fig == nil {
			s.flush()
			s.fig = &htmlFigure{}
		}
	case name == "figcaption" && s.fig != nil:
		s.fig.inCaption, s.fig.captioned = true, true
	case name == "img":
		if ref := s.image(tok); ref != nil {
			if s.table != nil {
				s.after = append(s.after, ref)
				return
			}
			if s.hasText() {
				s.flush()
			}
			s.row = append(s.row, ref) // images with only white space between stand side by side
		}
	case name == "input" && markdown.TagAttr(tok.Attr, "type") == "checkbox":
		box := &extast.TaskCheckBox{IsChecked: markdown.HasTagAttr(tok.Attr, "checked")}
		s.add(checkBox(box) + " ")
	case s.table != nil && s.table.start(s, tok):
	case name == "table":
		s.flush()
		s.table = &htmlTable{}
	case name == "hr":
		s.flush()
		s.e.thematicBreak()
	case name == "pre":
		s.flush()
		s.pre = &strings.Builder{}
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		s.flush()
		s.heading = int(name[1] - '0')
	case name == "ul", name == "ol":
		s.list(tok)
	case name == "li":
		s.item(tok)
	case name == "blockquote":
		s.flush()
		s.local = append(s.local, rawLocal{tag: name, saved: s.e.ctx, leave: s.e.enterQuote(quoteColor)})
	case paragraphTags[name]:
		s.flush()
		s.e.ctx.raw = append(slices.Clip(s.e.ctx.raw), rawBlock{tag: name, center: name == "center" || alignedCenter(tok)})
	case inlineStyle(name):
		s.style = append(s.style, tok)
	}
}

// end handles an end tag.
func (s *htmlSetter) end(name string) {
	switch {
	case s.pre != nil:
		if name == "pre" {
			s.setPre()
		}
	case s.table != nil && s.table.end(s, name):
	case name == "figcaption" && s.fig != nil:
		s.fig.inCaption = false
	case name == "figure" && s.fig != nil:
		s.endFigure()
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		s.flush()
		s.heading = 0
	case inlineStyle(name):
		for i := len(s.style) - 1; i >= 0; i-- {
			if s.style[i].Data == name {
				s.style = s.style[:i]
				break
			}
		}
	case name == "ul", name == "ol", name == "blockquote":
		for i := len(s.local) - 1; i >= 0; i-- {
			if s.local[i].tag == name {
				s.flush()
				s.restore(i)
				break
			}
		}
	case paragraphTags[name]:
		s.flush()
		raw := s.e.ctx.raw
		for i := len(raw) - 1; i >= 0; i-- {
			if raw[i].tag == name {
				s.e.ctx.raw = raw[:i:i]
				break
			}
		}
	case name == "li", name == "br":
		s.flush()
	}
}

// finish ends the block: what is open in it closes, except the block
// elements that may wrap the Markdown after it (ctx.raw).
func (s *htmlSetter) finish() {
	if s.pre != nil {
		s.setPre()
	}
	if s.fig != nil {
		s.endFigure()
	}
	if s.table != nil {
		s.table.finish(s)
	}
	s.flush()
	if len(s.local) > 0 {
		s.restore(0)
	}
}

// restore closes the local elements from i on and restores the context
// that the i-th found.
func (s *htmlSetter) restore(i int) {
	l := s.local[i]
	if l.leave != nil {
		l.leave()
	}
	marker := s.e.ctx.marker
	s.e.ctx = l.saved
	s.e.ctx.marker = marker
	// what the element held was set: the block after it is not the first
	// (a list right under a heading would leave its context's "first
	// block", and the paragraph after the list would lose its space)
	s.e.ctx.firstBlock = false
	s.local = s.local[:i]
}

// list opens a <ul> or <ol>: its items stand in, their markers in the
// indent.
func (s *htmlSetter) list(tok html.Token) {
	s.flush()
	l := rawLocal{tag: tok.Data, saved: s.e.ctx, ordered: tok.Data == "ol", num: 1}
	if n, err := strconv.Atoi(markdown.TagAttr(tok.Attr, "start")); err == nil && l.ordered {
		l.num = n
	}
	if s.depth() > 0 {
		s.e.blockSpace(0)
	} else {
		s.e.blockSpace(parSkip)
	}
	s.local = append(s.local, l)
	s.e.ctx.left += Length(listIndent * float64(s.e.size))
}

// depth counts the open raw lists.
func (s *htmlSetter) depth() int {
	d := 0
	for _, l := range s.local {
		if l.tag == "ul" || l.tag == "ol" {
			d++
		}
	}
	return d
}

// item starts a list item: its marker hangs before its first line.
func (s *htmlSetter) item(tok html.Token) {
	s.flush()
	var list *rawLocal
	for i := len(s.local) - 1; i >= 0 && list == nil; i-- {
		if s.local[i].tag == "ul" || s.local[i].tag == "ol" {
			list = &s.local[i]
		}
	}
	if list == nil {
		return // an item outside a list is a paragraph
	}
	label := bullets[(s.depth()-1)%len(bullets)]
	if list.ordered {
		if n, err := strconv.Atoi(markdown.TagAttr(tok.Attr, "value")); err == nil {
			list.num = n
		}
		label = strconv.Itoa(list.num) + "."
		list.num++
	}
	s.e.ctx.marker = s.e.marker(label, s.n)
	s.e.ctx.firstBlock = true
}

// image finds the book's reference for an <img> of the node, in order;
// nil when the book has none (no src).
func (s *htmlSetter) image(tok html.Token) *book.ImageRef {
	src := markdown.TagAttr(tok.Attr, "src")
	for i, ref := range s.refs {
		if ref.URL == src {
			s.refs = s.refs[i+1:]
			return ref
		}
	}
	return nil
}

// text adds the text of a text token: verbatim in <pre>, else with its
// white space collapsed, as HTML does.
func (s *htmlSetter) text(t string) {
	if s.pre != nil {
		s.pre.WriteString(t)
		return
	}
	if s.e.b.Emoji && !s.inCode() {
		t = markdown.Emojify(t)
	}
	if s.fig != nil && s.fig.inCaption {
		s.fig.caption.WriteString(t)
		return
	}
	s.add(collapseSpace(t))
}

// inCode reports whether the text is inside an element where jemoji
// leaves shortcodes alone (markdown.NoEmojiIn; <pre> is set apart before
// this).
func (s *htmlSetter) inCode() bool {
	for _, tok := range s.style {
		if markdown.NoEmojiIn(tok.Data) {
			return true
		}
	}
	return false
}

// add adds text in the current style to the cell or paragraph being
// collected.
func (s *htmlSetter) add(t string) {
	st := s.e.bodyStyle()
	if s.heading > 0 {
		st = s.e.headingStyle(s.heading)
	}
	if s.table != nil && s.table.cell != nil {
		st = s.table.cell.base
	}
	for _, tok := range s.style {
		st = s.e.rawStyle(tok, st)
	}
	sp := span{text: t, st: st, node: s.n}
	if s.table != nil && s.table.cell != nil {
		s.table.cell.spans = append(s.table.cell.spans, sp)
		return
	}
	s.spans = append(s.spans, sp)
}

// flush sets the text collected so far as a paragraph, or as a heading
// inside <h1>–<h6>.
func (s *htmlSetter) flush() {
	if len(s.row) > 0 {
		s.e.figures(s.row)
		s.row = nil
	}
	spans := trimSpans(trimSpans(s.spans, true), false)
	s.spans = nil
	if len(spans) == 0 {
		return
	}
	if s.heading > 0 {
		s.e.setHeading(spans, spans[0].st, nil)
		return
	}
	start := len(s.e.boxes)
	s.e.rawParagraph(spans)
	if raw := s.e.ctx.raw; len(raw) > 0 && raw[len(raw)-1].tag == "summary" {
		// a <details>' summary introduces what follows it, like a heading:
		// no page ends after it
		for _, b := range s.e.boxes[start:] {
			b.keep = true
		}
		s.e.space(Length(parSkip * float64(s.e.pitch)))
		s.e.keepLast()
		s.e.ctx.firstBlock = true
	}
}

// hasText reports whether the paragraph being collected holds more than
// white space.
func (s *htmlSetter) hasText() bool {
	for _, sp := range s.spans {
		if sp.math != nil || strings.TrimSpace(sp.text) != "" {
			return true
		}
	}
	return false
}

// endFigure sets a <figure>'s images as the EPUB shows them: the
// <figcaption> is the first image's caption, and no image has another
// (a title or an alt text is not shown in a figure). A figure without
// images shows its caption as a paragraph.
func (s *htmlSetter) endFigure() {
	f := s.fig
	s.fig = nil
	text := strings.TrimSpace(collapseSpace(f.caption.String()))
	if len(f.refs) == 0 {
		s.add(text)
		s.flush()
		return
	}
	s.flush()
	if s.e.figCaptions == nil {
		s.e.figCaptions = map[*book.ImageRef]string{}
	}
	for i, ref := range f.refs {
		if f.captioned && i == 0 {
			s.e.figCaptions[ref] = text
		} else {
			s.e.figCaptions[ref] = ""
		}
	}
	s.e.figures(f.refs)
}

// setPre sets the text of a <pre> as a code block.
func (s *htmlSetter) setPre() {
	text := strings.TrimPrefix(s.pre.String(), "\n") // as HTML drops it
	text = strings.TrimRight(strings.ReplaceAll(text, "\t", strings.Repeat(" ", tabWidth)), "\n ")
	s.pre = nil
	if text == "" {
		return
	}
	st := s.e.codeStyle()
	var lines [][]span
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, []span{{text: l, st: st, node: s.n}})
	}
	s.e.blockSpace(parSkip)
	s.e.codeLines(lines, codeShade, false)
}

// rawParagraph sets text from raw HTML as a paragraph: justified, or
// centred inside a centring element.
func (e *engine) rawParagraph(spans []span) {
	e.blockSpace(parSkip)
	o := textOpts{justify: true, size: e.size, pitch: e.pitch}
	if e.ctx.centered() {
		o.justify, o.center = false, true
	}
	boxes := e.setText(spans, o)
	keepShape(boxes)
	for _, b := range boxes {
		e.emit(b)
	}
}

// interactiveNote warns that a script would have drawn a figure here, and
// frames markdown.InteractiveNote in its place.
func (e *engine) interactiveNote(f markdown.ScriptFigure, n ast.Node) {
	e.diags.Warnf(e.ch.Post.Pos(f.Source), "%s", f.Message())
	e.blockSpace(parSkip)
	e.emit(e.framed(markdown.InteractiveNote, n))
}

// collapseSpace turns runs of white space into one space, as HTML does.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// inlineStyle reports the inline elements whose style rawStyle applies.
func inlineStyle(name string) bool {
	switch name {
	case "b", "strong", "i", "em", "code", "kbd", "samp", "tt", "sub", "sup", "s", "del",
		"strike", "u", "ins", "small", "a":
		return true
	}
	return false
}

// rawStyle is st inside the inline element of start tag tok: bold,
// emphasis as Markdown's (the gothic face), code, sub- and superscripts,
// lines through or under, a smaller size, a link.
func (e *engine) rawStyle(tok html.Token, st textStyle) textStyle {
	switch tok.Data {
	case "b", "strong":
		st.bold = true
	case "i", "em":
		if st.role == RoleBody {
			st.role = RoleHeading
		}
	case "code", "kbd", "samp", "tt":
		st.role, st.bold = RoleCode, false
	case "sub":
		st.rise -= Length(subDrop * float64(st.size))
		st.size = Length(subScale * float64(st.size))
	case "sup":
		st.rise += Length(footnoteRise * float64(st.size))
		st.size = Length(subScale * float64(st.size))
	case "s", "del", "strike":
		st.strike = true
	case "u", "ins":
		st.underline = true
	case "small":
		st.size = Length(smallScale * float64(st.size))
	case "a":
		if href := markdown.TagAttr(tok.Attr, "href"); href != "" {
			st = e.linkStyle(st, href)
		}
	}
	return st
}

// rawInline handles inline HTML in a Markdown paragraph: <br> is a line
// break, <img> shows its alternative text, a checkbox its box, an <iframe>
// the link the EPUB prints for it (markdown.FramePage); a tag that
// styles text leaves an empty span that applyRawTags reads. The parser
// keeps the text between tags as text nodes, set as usual.
func (e *engine) rawInline(n *ast.RawHTML, st textStyle, out *[]span) {
	raw, _ := markdown.RawHTML(n, e.src)
	z := html.NewTokenizer(strings.NewReader(raw))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		frame := markdown.FramePage(tok)
		switch {
		case tok.Data == "br":
			*out = append(*out, span{text: "\n", st: st, node: n})
		case tok.Data == "img" && tt != html.EndTagToken && !e.shownAfter(n):
			st.color = grayColor
			*out = append(*out, span{text: "[" + book.StandIn(markdown.TagAttr(tok.Attr, "alt"), markdown.TagAttr(tok.Attr, "src")) + "]", st: st, node: n})
		case tok.Data == "input" && tt != html.EndTagToken && markdown.TagAttr(tok.Attr, "type") == "checkbox":
			box := &extast.TaskCheckBox{IsChecked: markdown.HasTagAttr(tok.Attr, "checked")}
			*out = append(*out, span{text: checkBox(box) + " ", st: st, node: n})
		case tt != html.EndTagToken && frame != "":
			*out = append(*out, span{text: frame, st: e.linkStyle(st, frame), node: n})
		case inlineStyle(tok.Data) && (tt == html.StartTagToken || tt == html.EndTagToken):
			*out = append(*out, span{st: st, node: n})
		}
	}
}

// applyRawTags applies the inline raw HTML tags among spans (the empty
// spans rawInline left) to the spans between each start tag and its end
// tag, or the end of the spans: a tag left open ends with its paragraph,
// as in the EPUB.
func (e *engine) applyRawTags(spans []span) []span {
	marked := false
	for _, sp := range spans {
		if _, ok := sp.node.(*ast.RawHTML); ok && sp.text == "" {
			marked = true
			break
		}
	}
	if !marked {
		return spans
	}
	var open []html.Token
	out := spans[:0]
	for _, sp := range spans {
		if raw, ok := sp.node.(*ast.RawHTML); ok && sp.text == "" {
			open = e.rawTags(raw, open)
			continue
		}
		for _, tok := range open {
			sp.st = e.rawStyle(tok, sp.st)
		}
		out = append(out, sp)
	}
	return out
}

// rawTags opens and closes the styling tags of an inline raw node.
func (e *engine) rawTags(n *ast.RawHTML, open []html.Token) []html.Token {
	raw, _ := markdown.RawHTML(n, e.src)
	z := html.NewTokenizer(strings.NewReader(raw))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		switch {
		case !inlineStyle(tok.Data):
		case tt == html.StartTagToken:
			open = append(slices.Clip(open), tok)
		case tt == html.EndTagToken:
			for i := len(open) - 1; i >= 0; i-- {
				if open[i].Data == tok.Data {
					open = open[:i:i]
					break
				}
			}
		}
	}
	return open
}

// alignedCenter reports a block tag with align="center" or a style that
// centres its text.
func alignedCenter(tok html.Token) bool {
	return alignOf(tok) == extast.AlignCenter
}

// alignOf reads a tag's horizontal alignment: its align attribute, or
// text-align in its style.
func alignOf(tok html.Token) extast.Alignment {
	v := strings.ToLower(strings.TrimSpace(markdown.TagAttr(tok.Attr, "align")))
	for _, decl := range strings.Split(markdown.TagAttr(tok.Attr, "style"), ";") {
		if k, val, ok := strings.Cut(decl, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "text-align") {
			v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "!important")))
		}
	}
	switch v {
	case "center":
		return extast.AlignCenter
	case "right":
		return extast.AlignRight
	case "left":
		return extast.AlignLeft
	}
	return extast.AlignNone
}
