package epub

import (
	"fmt"
	"strings"
)

// ncx writes toc.ncx, the EPUB 2 table of contents that older reading
// systems still read. It mirrors the navigation document.
func (p *publication) ncx() []byte {
	toc := p.toc()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="` + xmlAttr(p.lang) + `">` + "\n<head>\n")
	fmt.Fprintf(&b, `<meta name="dtb:uid" content="%s"/>`+"\n", xmlAttr(p.identifier()))
	fmt.Fprintf(&b, `<meta name="dtb:depth" content="%d"/>`+"\n", tocDepth(toc))
	b.WriteString(`<meta name="dtb:totalPageCount" content="0"/>` + "\n" + `<meta name="dtb:maxPageNumber" content="0"/>` + "\n</head>\n")
	b.WriteString("<docTitle><text>" + xmlEsc(orDefault(p.book.Meta.Title, "Untitled")) + "</text></docTitle>\n<navMap>\n")
	order := 0
	writeNavPoints(&b, toc, &order)
	b.WriteString("</navMap>\n</ncx>\n")
	return []byte(b.String())
}

func tocDepth(es []*tocEntry) int {
	if len(es) == 0 {
		return 0
	}
	d := 0
	for _, e := range es {
		d = max(d, tocDepth(e.children))
	}
	return d + 1
}

// writeNavPoints writes entries depth first, numbering them in reading
// order as playOrder requires.
func writeNavPoints(b *strings.Builder, es []*tocEntry, order *int) {
	for _, e := range es {
		*order++
		fmt.Fprintf(b, `<navPoint id="np%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/>`+"\n",
			*order, *order, xmlEsc(e.title), xmlAttr(e.href))
		writeNavPoints(b, e.children, order)
		b.WriteString("</navPoint>\n")
	}
}
