package epub

import (
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/uri"
	"golang.org/x/net/html"
)

// tocEntry is one line of the table of contents.
type tocEntry struct {
	title, href string
	children    []*tocEntry
}

// toc builds the table of contents: parts, their chapters, and the
// chapters' headings down to Options.TOCDepth.
func (p *publication) toc() []*tocEntry {
	var out []*tocEntry
	for _, d := range p.docs {
		switch {
		case d.part != nil:
			out = append(out, &tocEntry{title: d.title, href: d.href})
		case d.chapter != nil:
			e := &tocEntry{title: d.title, href: d.href, children: p.headingEntries(d)}
			if n := len(out); n > 0 && d.chapter != nil && p.inPart(d.chapter, out[n-1]) {
				out[n-1].children = append(out[n-1].children, e)
			} else {
				out = append(out, e)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, &tocEntry{title: p.book.Meta.Title, href: "title.xhtml"})
	}
	return out
}

// inPart reports whether chapter c belongs to the part whose entry is e.
func (p *publication) inPart(c *book.Chapter, e *tocEntry) bool {
	d := p.byHref[e.href]
	return d != nil && d.part != nil && containsChapter(d.part.Chapters, c)
}

func containsChapter(cs []*book.Chapter, c *book.Chapter) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// headingEntries nests a chapter's headings under it, by their depth in
// the book (book.Heading.Depth), down to toc_depth.
func (p *publication) headingEntries(d *document) []*tocEntry {
	hs := p.tocHeadings(d)
	if len(hs) == 0 || p.book.Config.EPUB.TOCDepth < 2 {
		return nil
	}
	var root tocEntry
	stack := []*tocEntry{&root}
	levels := []int{1}
	for _, h := range hs {
		if h.Depth > p.book.Config.EPUB.TOCDepth {
			continue
		}
		for len(levels) > 1 && levels[len(levels)-1] >= h.Depth {
			stack, levels = stack[:len(stack)-1], levels[:len(levels)-1]
		}
		e := &tocEntry{title: h.Text, href: d.href + "#" + uri.Escape(h.ID)}
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, e)
		stack, levels = append(stack, e), append(levels, h.Depth)
	}
	return root.children
}

// tocHeadings are the chapter's headings that can be linked to, without
// the one that became the title.
func (p *publication) tocHeadings(d *document) []book.Heading {
	var out []book.Heading
	for _, h := range d.chapter.Headings {
		if h.Depth == 1 {
			continue // the title
		}
		if h.ID != "" && d.ids[h.ID] && strings.TrimSpace(h.Text) != "" {
			out = append(out, h)
		}
	}
	return out
}

// navPage is the navigation document: the table of contents, shown in
// the reading order, and the landmarks, hidden.
func (r *renderer) navPage() {
	t, p := r.t, r.p
	t.open("nav", []html.Attribute{kv("epub:type", "toc"), kv("id", "toc")}, false, "")
	r.heading1("h1", p.words.Contents)
	r.tocList(p.toc())
	t.close()
	t.open("nav", []html.Attribute{kv("epub:type", "landmarks"), kv("hidden", "hidden")}, false, "")
	r.heading1("h2", p.words.Landmarks)
	t.open("ol", nil, false, "")
	for _, l := range p.landmarks() {
		t.open("li", nil, false, "")
		t.open("a", []html.Attribute{kv("epub:type", l[0]), kv("href", l[1])}, false, "")
		t.text(l[2])
		t.close()
		t.close()
	}
	t.close()
	t.close()
}

func (r *renderer) heading1(name, text string) {
	r.t.open(name, nil, false, "")
	r.t.text(text)
	r.t.close()
}

func (r *renderer) tocList(es []*tocEntry) {
	t := r.t
	t.open("ol", nil, false, "")
	for _, e := range es {
		t.open("li", nil, false, "")
		t.open("a", []html.Attribute{kv("href", e.href)}, false, "")
		t.text(e.title)
		t.close()
		if len(e.children) > 0 {
			r.tocList(e.children)
		}
		t.close()
	}
	t.close()
}

// landmarks are the cover, the table of contents and the start of the
// text, as (epub:type, href, label).
func (p *publication) landmarks() [][3]string {
	var out [][3]string
	if d := p.byHref["cover.xhtml"]; d != nil {
		out = append(out, [3]string{"cover", d.href, p.words.Cover})
	}
	out = append(out, [3]string{"toc", "nav.xhtml#toc", p.words.Contents})
	for _, d := range p.docs {
		if d.chapter != nil || d.part != nil {
			out = append(out, [3]string{"bodymatter", d.href, p.words.Start})
			break
		}
	}
	return out
}
