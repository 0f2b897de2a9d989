package layout

import (
	"github.com/hangul-press/publish/pkg/uri"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Emphasis. Korean has no italic: slanted Hangul is a distortion that
// Korean typography does not use. Korean books set emphasis in a contrasting
// face, most often a gothic (sans-serif) word in a myeongjo text, and strong
// emphasis in bold. So *강조* is set in the heading face (Nanum Gothic) and
// **강조** in the bold of the current face; both together give gothic bold.

// footnoteRise lifts a footnote reference number and footnoteScale shrinks
// it, the proportions of a word processor's superscript.
const (
	footnoteRise  = 0.35
	footnoteScale = 0.65
)

// inlines collects the inline content of n as spans in style st, the
// styles of raw HTML tags among them applied (rawhtml.go).
func (e *engine) inlines(n ast.Node, st textStyle) []span {
	var out []span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		e.inline(c, st, &out)
	}
	return e.applyRawTags(out)
}

// inline adds the spans of one inline node.
func (e *engine) inline(n ast.Node, st textStyle, out *[]span) {
	add := func(s string, st textStyle) { *out = append(*out, span{text: s, st: st, node: n}) }
	switch n := n.(type) {
	case *ast.Text:
		add(textValue(n, e.src), st)
		switch {
		case n.HardLineBreak():
			add("\n", st)
		case n.SoftLineBreak():
			add(" ", st)
		}
		return
	case *ast.String:
		add(stringValue(n), st)
		return
	case *ast.CodeSpan:
		st.role, st.bold = RoleCode, false
		add(nodeText(n, e.src), st)
		return
	case *ast.Emphasis:
		if n.Level >= 2 {
			st.bold = true
		} else if st.role == RoleBody {
			st.role = RoleHeading
		}
	case *ast.Link:
		st = e.linkStyle(st, string(n.Destination))
	case *ast.AutoLink:
		url := string(n.URL(e.src))
		dest := url
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
			dest = "mailto:" + url
		}
		add(string(n.Label(e.src)), e.linkStyle(st, dest))
		return
	case *ast.Image:
		if !e.shownAfter(n) {
			st.color = grayColor
			add("["+book.StandIn(nodeText(n, e.src), string(n.Destination))+"]", st)
		}
		return
	case *ast.RawHTML:
		e.rawInline(n, st, out)
		return
	case *markdown.MathInline:
		*out = append(*out, span{st: st, node: n, math: e.formula(n, string(n.TeX(e.src)), n.Display)})
		return
	case *extast.Strikethrough:
		st.strike = true
	case *extast.TaskCheckBox:
		return // the item's marker (list.go)
	case *extast.FootnoteLink:
		st.size = Length(float64(st.size) * footnoteScale)
		st.rise = Length(float64(st.size) * footnoteRise / footnoteScale)
		st.note = n.Index
		add(strconv.Itoa(st.note), st)
		return
	case *extast.FootnoteBacklink:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		e.inline(c, st, out)
	}
}

// shownAfter reports whether an inline image will be set as a figure
// after its paragraph (images in headings and table cells are not); one that cannot be shown leaves its alt text in the
// line instead.
func (e *engine) shownAfter(n ast.Node) bool {
	if !e.figuresAfter {
		return false
	}
	for _, ref := range e.images[n] {
		if ref.Asset != nil {
			return true
		}
	}
	return false
}

// linkStyle makes a span a link to dest: an anchor when the link leads
// into the book, a URL when it leaves it with a scheme a reader can open.
// Links to site pages that are not in the book stay plain text.
func (e *engine) linkStyle(st textStyle, dest string) textStyle {
	if t, ok := e.b.ResolveLink(e.ch, dest); ok {
		st.anchor = chapterAnchor(t.Chapter.ID, t.Fragment)
		st.color = linkColor
		return st
	}
	lower := strings.ToLower(dest)
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(lower, scheme) {
			st.url = uri.Escape(dest)
			st.color = linkColor
		}
	}
	return st
}

// chapterAnchor names a chapter's start ("c001") or a heading in it
// ("c001#id").
func chapterAnchor(id, fragment string) string {
	if fragment == "" {
		return id
	}
	return id + "#" + fragment
}

// nodeText is the text of an inline node's children as a reader sees it:
// escapes and character references resolved (not in code), line ends as
// spaces.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.WriteString(textValue(t, src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		} else if s, ok := c.(*ast.String); ok && entering {
			b.WriteString(stringValue(s))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// textValue is what a text node shows: its backslash escapes and
// character references resolved as the EPUB writer resolves them
// (markdown.Unescape), unless the node is raw (code). A raw segment's line
// end, inside a code span, reads as a space, as in the EPUB.
func textValue(t *ast.Text, src []byte) string {
	v := t.Segment.Value(src)
	if t.IsRaw() {
		if s, ok := strings.CutSuffix(string(v), "\n"); ok {
			return s + " "
		}
		return string(v)
	}
	return string(markdown.Unescape(v))
}

// stringValue is what a string node shows, resolved like a text node's
// unless it holds code or raw text.
func stringValue(s *ast.String) string {
	if s.IsCode() || s.IsRaw() {
		return string(s.Value)
	}
	return string(markdown.Unescape(s.Value))
}
