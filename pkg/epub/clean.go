package epub

import (
	"net/url"
)

// cleanerFor returns the cleaner for document d (whose chapter is nil for
// the pages the writer makes itself).
func (p *publication) cleanerFor(d *document) *cleaner {
	return &cleaner{
		href:    func(h string) (string, bool) { return p.resolveHref(d.chapter, h) },
		img:     func(src string) (string, bool) { return p.resolveImage(d, src) },
		summary: p.words.Details,
	}
}

// resolveImage maps an image address in raw HTML to its packaged file.
// Addresses are looked up among the chapter's image references, which the
// book resolved; those the renderer wrote are packaged names already.
func (p *publication) resolveImage(d *document, src string) (string, bool) {
	if c := d.chapter; c != nil {
		for _, ref := range c.Images {
			if ref.URL == src && ref.Asset != nil && p.images[ref.Asset] != "" {
				d.hasImages = true
				return p.images[ref.Asset], true
			}
		}
	}
	return src, p.packaged[src]
}

// checkLink drops the fragment of an internal link when the target
// document has no such id (EPUBCheck rejects a dangling fragment), and the
// whole link when the document does not exist.
func (p *publication) checkLink(from *document, href string) (string, bool) {
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	if u.Scheme != "" || u.Host != "" {
		return href, true
	}
	target := from
	if u.Path != "" {
		if target = p.byHref[u.Path]; target == nil {
			return "", false
		}
	}
	if u.Fragment == "" || target.ids[u.Fragment] {
		return href, true
	}
	if u.Path == "" {
		return "", false
	}
	return u.Path, true
}
