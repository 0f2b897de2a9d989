package epub

import (
	"crypto/sha1"
	"fmt"
	"strings"
)

// packageDocument writes package.opf: metadata, manifest, spine.
func (p *publication) packageDocument() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">`+"\n", xmlAttr(p.lang))
	p.metadata(&b)
	p.manifest(&b)
	p.spine(&b)
	b.WriteString("</package>\n")
	return []byte(b.String())
}

func xmlAttr(s string) string { return escapeAttr(xmlText(s)) }
func xmlEsc(s string) string  { return escapeText(xmlText(s)) }

// identifier is the book's identifier, or a urn:uuid made from its title
// and authors, so that it is stable from build to build.
func (p *publication) identifier() string {
	if id := strings.TrimSpace(p.book.Meta.Identifier); id != "" {
		return id
	}
	h := sha1.Sum([]byte(p.book.Meta.Title + "\x00" + strings.Join(p.book.Meta.Authors, "\x00")))
	h[6] = h[6]&0x0f | 0x50 // version 5 (name-based, SHA-1)
	h[8] = h[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (p *publication) metadata(b *strings.Builder) {
	m := p.book.Meta
	b.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	el := func(format string, args ...any) { fmt.Fprintf(b, "  "+format+"\n", args...) }
	el(`<dc:identifier id="pub-id">%s</dc:identifier>`, xmlEsc(p.identifier()))
	el(`<dc:title id="title">%s</dc:title>`, xmlEsc(orDefault(m.Title, "Untitled")))
	el(`<meta refines="#title" property="title-type">main</meta>`)
	if m.Subtitle != "" {
		el(`<dc:title id="subtitle">%s</dc:title>`, xmlEsc(m.Subtitle))
		el(`<meta refines="#subtitle" property="title-type">subtitle</meta>`)
	}
	for i, a := range m.Authors {
		el(`<dc:creator id="creator%d">%s</dc:creator>`, i+1, xmlEsc(a))
		el(`<meta refines="#creator%d" property="role" scheme="marc:relators">aut</meta>`, i+1)
	}
	el(`<dc:language>%s</dc:language>`, xmlEsc(p.lang))
	optional := [][2]string{{"publisher", m.Publisher}, {"description", m.Description}, {"rights", m.Rights}}
	for _, o := range optional {
		if strings.TrimSpace(o[1]) != "" {
			el(`<dc:%s>%s</dc:%s>`, o[0], xmlEsc(o[1]), o[0])
		}
	}
	if !p.book.Undated {
		el(`<dc:date>%s</dc:date>`, p.pubDate())
	}
	for _, s := range m.Subjects {
		el(`<dc:subject>%s</dc:subject>`, xmlEsc(s))
	}
	el(`<meta property="dcterms:modified">%s</meta>`, p.book.Time.Format("2006-01-02T15:04:05Z"))
	if name := p.images[p.book.Cover]; p.book.Cover != nil && name != "" {
		el(`<meta name="cover" content="%s"/>`, p.fileID(name))
	}
	if p.opt.Generator != "" {
		el(`<meta name="generator" content="%s"/>`, xmlAttr(p.opt.Generator))
	}
	p.accessibility(el)
	b.WriteString("</metadata>\n")
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

// pubDate is the book's date, else the build time, as W3CDTF.
func (p *publication) pubDate() string {
	t := p.book.Meta.Date
	if t.IsZero() {
		t = p.book.Time
	}
	return t.Format("2006-01-02") // the day as written, in its own zone
}

// accessibility writes the schema.org accessibility metadata (EPUB
// Accessibility 1.0). The claims are what this writer guarantees: a
// structured text with a table of contents in reading order, nothing that
// flashes or moves. Text alternatives are not claimed: they are only as
// good as the alt texts the posts wrote.
func (p *publication) accessibility(el func(string, ...any)) {
	el(`<meta property="schema:accessMode">textual</meta>`)
	if p.hasImages {
		el(`<meta property="schema:accessMode">visual</meta>`)
		el(`<meta property="schema:accessModeSufficient">textual,visual</meta>`)
	}
	el(`<meta property="schema:accessModeSufficient">textual</meta>`)
	for _, f := range []string{"structuralNavigation", "tableOfContents", "readingOrder"} {
		el(`<meta property="schema:accessibilityFeature">%s</meta>`, f)
	}
	el(`<meta property="schema:accessibilityHazard">none</meta>`)
	el(`<meta property="schema:accessibilitySummary">%s</meta>`, xmlEsc(p.words.Summary))
}

// manifest lists every resource: the content documents in reading order,
// then the others in the order they were added.
func (p *publication) manifest(b *strings.Builder) {
	b.WriteString("<manifest>\n")
	for _, d := range p.docs {
		props := ""
		if all := d.properties(); all != "" {
			props = ` properties="` + all + `"`
		}
		fmt.Fprintf(b, `  <item id="%s" href="%s" media-type="application/xhtml+xml"%s/>`+"\n", d.id, xmlAttr(d.href), props)
	}
	b.WriteString(`  <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>` + "\n")
	for _, f := range p.files {
		props := ""
		if f.props != "" {
			props = ` properties="` + f.props + `"`
		}
		fmt.Fprintf(b, `  <item id="%s" href="%s" media-type="%s"%s/>`+"\n", f.id, xmlAttr(f.href), f.mediaType, props)
	}
	b.WriteString("</manifest>\n")
}

// properties are the manifest properties of a content document: its own
// ("nav"), and "mathml" and "svg" when it holds them inline.
func (d *document) properties() string {
	var props []string
	if d.props != "" {
		props = append(props, d.props)
	}
	if d.mathml {
		props = append(props, "mathml")
	}
	if d.svg {
		props = append(props, "svg")
	}
	return strings.Join(props, " ")
}

func (p *publication) fileID(href string) string {
	for _, f := range p.files {
		if f.href == href {
			return f.id
		}
	}
	return ""
}

// spine is the reading order: every content document, the navigation
// document included so that the table of contents can be read in place.
func (p *publication) spine(b *strings.Builder) {
	b.WriteString(`<spine toc="ncx">` + "\n")
	for _, d := range p.docs {
		fmt.Fprintf(b, `  <itemref idref="%s"/>`+"\n", d.id)
	}
	b.WriteString("</spine>\n")
}
