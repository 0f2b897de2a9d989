package epub

import (
	"github.com/hangul-press/publish/pkg/manifest"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/source"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// fragment is a chapter rendered in memory, without files: a post of its
// own, no images, links to https:// and #fragments kept.
type fragment struct {
	p *publication
	d *document
	r *renderer
}

func newFragment(t testing.TB, md string) *fragment {
	t.Helper()
	var diags diag.List
	post, err := source.Read("post.md", []byte(md), nil, source.Options{}, &diags)
	if err != nil {
		t.Fatalf("source.Read: %v", err)
	}
	c := &book.Chapter{Post: post, Source: "post.md", Title: "제목", Doc: markdown.New(markdown.Options{}).Parse(post.Body)}
	b := &book.Book{Config: manifest.Default(), Meta: book.Meta{Title: "책", Language: "ko"}, Time: fixedTime,
		Parts: []*book.Part{{Chapters: []*book.Chapter{c}}}}
	p := newPublication(b, Options{}, &diag.List{})
	p.images, p.packaged = map[*book.Asset]string{}, map[string]bool{}
	d := &document{id: "c001", href: "c001.xhtml", title: c.Title, chapter: c}
	p.addDoc(d)
	return &fragment{p: p, d: d, r: p.newRenderer()}
}

// renderMarkdown renders md as a chapter and returns what follows the
// chapter's title inside its section, and the messages.
func renderMarkdown(t testing.TB, md string) (string, string) {
	f := newFragment(t, md)
	f.p.render(f.r, f.d)
	section := f.d.body.FirstChild
	return f.serialize(section.FirstChild.NextSibling), listText(&f.d.diags)
}

// sanitizeHTML reads s as one piece of raw HTML in the body of a chapter
// and returns the cleaned XHTML.
func sanitizeHTML(t testing.TB, s string) string {
	f := newFragment(t, "x\n")
	f.sanitize(s)
	return f.serialize(f.d.body.FirstChild)
}

func (f *fragment) sanitize(s string) {
	f.r.start(f.d)
	f.r.feed(s, []text.Segment{text.NewSegment(0, 1)})
	f.d.body = f.r.t.finish()
	f.d.ids = f.r.t.ids
}

// serialize writes n and its following siblings as the serializer does.
func (f *fragment) serialize(n *html.Node) string {
	s := &serializer{link: func(h string) (string, bool) { return f.p.checkLink(f.d, h) }}
	for ; n != nil; n = n.NextSibling {
		s.node(n, serif)
	}
	return s.b.String()
}
