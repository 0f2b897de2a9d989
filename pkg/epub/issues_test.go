package epub

import (
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/markdown"
	"golang.org/x/net/html"
)

// Issue 14 item 12: an empty link is called so, not a link that leaves
// the book.
func TestEmptyLinkIssue14Item12(t *testing.T) {
	for _, md := range []string{"[빈 링크]() 하나.\n", "<a href=\"\">빈 링크</a> 하나.\n"} {
		_, msgs := renderMarkdown(t, md)
		if !strings.Contains(msgs, "empty link; only its text is kept") || strings.Contains(msgs, "outside the book") {
			t.Errorf("%q: messages %q", md, msgs)
		}
	}
	if _, msgs := renderMarkdown(t, "[밖](/about/) 하나.\n"); !strings.Contains(msgs, "link to /about/ leads outside the book") {
		t.Errorf("messages %q", msgs)
	}
}

// Issue 12 item 13: a task list item shows its check box in place of the
// bullet: the item is marked so that the stylesheet hides the bullet and
// hangs the box where it stood.
func TestTaskItemsIssue12Item13(t *testing.T) {
	out, _ := renderMarkdown(t, "- [x] 끝낸 일\n- [ ] 남은 일\n- 보통 항목\n")
	for _, want := range []string{`<li class="task-item"><span class="task">☑</span> 끝낸 일</li>`,
		`<li class="task-item"><span class="task">☐</span> 남은 일</li>`, "<li>보통 항목</li>"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %s:\n%s", want, out)
		}
	}
	css := defaultCSS
	if !strings.Contains(css, "li.task-item { list-style: none; }") {
		t.Error("the stylesheet does not hide the bullet of task items")
	}
}

// Issue 12 item 14: emphasis is upright gothic, as in the PDF, and the
// heading levels have styles of their own; the font subsets follow the
// same rules (em in the gothic face, h5 and h6 regular).
func TestEmphasisAndHeadingsIssue12Item14(t *testing.T) {
	for _, rule := range []string{"em, i { font-style: normal; font-family: @sans@; }",
		"h5, h6 { font-weight: normal; }", "h6 { font-size: 0.9em; color: #6b6b6b; }"} {
		if !strings.Contains(defaultCSS, rule) {
			t.Errorf("the stylesheet lacks %q", rule)
		}
	}
	for _, c := range []struct {
		el   string
		want face
	}{{"em", sans}, {"i", sans}, {"strong", serifBold}, {"h4", sansBold}, {"h5", sans}, {"h6", sans}} {
		if got := serif.inside(&html.Node{Type: html.ElementNode, Data: c.el}); got != c.want {
			t.Errorf("<%s> in body text: face %d, want %d", c.el, got, c.want)
		}
	}
}

// Issue 14 item 6: a figure a script would have drawn (Bokeh) is left
// out with a warning and a framed note in its place; a pasted page's
// <title> leaves no stray text.
func TestInteractiveFigureIssue14Item6(t *testing.T) {
	md := "앞 글.\n\n<title>Bokeh Plot</title>\n<div class=\"bk-root\" id=\"e1b2\" data-root-id=\"1002\"></div>\n" +
		"<script type=\"text/javascript\">Bokeh.embed.embed_items(docs_json);</script>\n\n뒤 글.\n"
	out, msgs := renderMarkdown(t, md)
	if !strings.Contains(out, `<span class="interactive-missing">`+markdown.InteractiveNote+`</span>`) {
		t.Errorf("no note in the figure's place:\n%s", out)
	}
	if strings.Contains(out, "Bokeh Plot") {
		t.Errorf("the page title shows:\n%s", out)
	}
	if !strings.Contains(msgs, `raw HTML: <div class="bk-root" id="e1b2" data-root-id="1002"> is filled by a script`) {
		t.Errorf("messages %q", msgs)
	}
}
