package epub

import (
	"html"
	"strings"

	"github.com/hangul-press/publish/internal/parallel"
)

// serializeDocs writes every content document as XHTML, checking internal
// links against the ids the documents hold.
func (p *publication) serializeDocs() {
	runes := make([]*faceRunes, len(p.docs))
	parallel.For(len(p.docs), func(i int) {
		d := p.docs[i]
		s := &serializer{}
		if p.runes != nil {
			s.runes = &faceRunes{}
			runes[i] = s.runes
		}
		s.link = func(href string) (string, bool) { return p.checkLink(d, href) }
		s.runes.add(serif, d.title)
		s.b.Grow(estimateSize(d))
		s.b.WriteString(p.docHead(d))
		s.children(d.body, serif)
		s.b.WriteString("</body>\n</html>\n")
		d.data = s.b.Bytes()
	})
	for _, r := range runes {
		p.runes.merge(r)
	}
}

// docHead is the start of a content document, up to its body tag.
func (p *publication) docHead(d *document) string {
	lang := html.EscapeString(p.lang)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	b.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` +
		lang + `" xml:lang="` + lang + `">` + "\n<head>\n")
	b.WriteString("<title>" + escapeText(xmlText(d.title)) + "</title>\n")
	b.WriteString(`<link rel="stylesheet" type="text/css" href="` + cssFile + `"/>` + "\n</head>\n<body>\n")
	return b.String()
}

// estimateSize guesses the size of a document's XHTML, to allocate its
// buffer once: markup about doubles a chapter's Markdown.
func estimateSize(d *document) int {
	if d.chapter == nil {
		return 4096
	}
	return 4096 + 2*len(d.chapter.Src())
}
