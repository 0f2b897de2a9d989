package initcmd

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/source"
)

// draft is everything the manifest text is made from.
type draft struct {
	opt      Options
	out      string // the manifest's path, for the header
	siteRel  string // the site folder relative to the manifest
	meta     meta
	entries  []entry
	chosen   int
	found    int
	language string
	newest   time.Time // the newest chapter's date, shown as the default
}

// defaultLanguage is Korean, as in pkg/manifest: the tool exists for
// Korean books. _config.yml's lang is not trusted for it, since themes
// ship "en" by default on many Korean blogs.
const defaultLanguage = manifest.DefaultLanguage

// render writes the manifest. Each key is preceded by a comment saying
// what it does and where its value came from, so the file teaches its
// own format.
func (d *draft) render() []byte {
	var b bytes.Buffer
	d.header(&b)
	d.book(&b)
	d.site(&b)
	d.chapters(&b)
	d.outputs(&b)
	return b.Bytes()
}

func (d *draft) header(b *bytes.Buffer) {
	site := filepath.ToSlash(d.opt.Site)
	if !strings.HasSuffix(site, "/") {
		site += "/"
	}
	fmt.Fprintf(b, "# Made by `publish init` from the Jekyll site in %s\n", comment(site))
	fmt.Fprintf(b, "# Posts: %s.\n", comment(d.selected()))
	b.WriteString("# Paths are relative to this file. Change what you like, then run\n")
	fmt.Fprintf(b, "# `publish check %s`; README.md describes every key.\n", comment(filepath.ToSlash(d.out)))
}

// selected describes the selection in words.
func (d *draft) selected() string {
	f := filters(d.opt)
	if len(f) == 0 {
		return fmt.Sprintf("every published post, %d of the %d posts Jekyll finds", d.chosen, d.found)
	}
	return fmt.Sprintf("%s; %d of the %d posts Jekyll finds", strings.Join(f, ", "), d.chosen, d.found)
}

// filters names the filters the options set.
func filters(opt Options) []string {
	var f []string
	if opt.Category != "" {
		f = append(f, fmt.Sprintf("category %q", opt.Category))
	}
	if opt.Tag != "" {
		f = append(f, fmt.Sprintf("tag %q", opt.Tag))
	}
	if opt.HasSince {
		f = append(f, "from "+opt.Since.Format("2006-01-02"))
	}
	if opt.HasUntil {
		f = append(f, "until "+opt.Until.Format("2006-01-02"))
	}
	return f
}

func (d *draft) book(b *bytes.Buffer) {
	m := d.meta
	fmt.Fprintf(b, "\n# The title, from %s.\n", comment(m.titleFrom))
	fmt.Fprintf(b, "title: %s\n", quote(m.title))
	b.WriteString("# subtitle: a line under the title\n")
	fmt.Fprintf(b, "\n# The authors, from %s.\n", comment(m.authorsFrom))
	if m.authorsGuessed {
		b.WriteString("# TODO: put the author's name here.\n")
	}
	fmt.Fprintf(b, "authors: [%s]\n", quoteAll(m.authors))
	b.WriteString("\n# A paragraph about the book for readers' libraries")
	if m.description == "" {
		b.WriteString(".\n# description: …\n")
	} else {
		fmt.Fprintf(b, ", from %s.\ndescription: %s\n", comment(m.descFrom), quote(m.description))
	}
	b.WriteString("\n# The language of the text, as a BCP 47 tag (ko, en, ja…).\n")
	fmt.Fprintf(b, "language: %s\n", quote(d.language))
	b.WriteString("\n# The book's date; without one it is the newest chapter's date.\n")
	fmt.Fprintf(b, "# date: %s\n", d.newest.Format("2006-01-02"))
	b.WriteString("# Also possible: identifier, publisher, rights, cover (a JPEG or PNG).\n")
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

func (d *draft) site(b *bytes.Buffer) {
	b.WriteString("\n# The Jekyll site the posts come from. Its _config.yml gives site.url and\n")
	b.WriteString("# site.baseurl unless url: and baseurl: are set here beside root.\n")
	b.WriteString("site:\n")
	b.WriteString("  # The site's folder: /assets/… and {% post_url %} resolve under it.\n")
	fmt.Fprintf(b, "  root: %s\n", quote(d.siteRel))
}

func (d *draft) chapters(b *bytes.Buffer) {
	b.WriteString("\n# The chapters, in book order: post paths, or globs whose posts are sorted\n")
	b.WriteString("# by date, then file name (files other than .md, .markdown and .html are skipped).\n")
	b.WriteString("# To group chapters, replace entries with parts:\n")
	b.WriteString("#   - part: 제1부 …\n#     chapters: [ … ]\n")
	b.WriteString("chapters:\n")
	for _, e := range d.entries {
		fmt.Fprintf(b, "  - %s  # %s\n", quote(e.pattern), comment(entryNote(e)))
	}
}

// entryNote says what an entry names: a glob's count, a post's title.
func entryNote(e entry) string {
	if e.glob {
		if len(e.posts) == 1 {
			return "1 post"
		}
		return fmt.Sprintf("%d posts", len(e.posts))
	}
	p := e.posts[0]
	if p.title != "" {
		return p.title
	}
	_, slug, _ := source.ParseFileName(p.path)
	return slug
}

func (d *draft) outputs(b *bytes.Buffer) {
	b.WriteString("\n# The EPUB ebook.\nepub:\n")
	b.WriteString("  # Levels in the table of contents: 1 lists chapters, 2 adds their ##\n")
	b.WriteString("  # headings, and so on up to 6.\n")
	fmt.Fprintf(b, "  toc_depth: %d\n", manifest.DefaultTOCDepth)
	b.WriteString("  # Also possible: css, embed_fonts, max_image_px.\n")
	b.WriteString("\n# The print PDF.\npdf:\n")
	b.WriteString("  # The trim size:")
	for _, p := range paperList() {
		fmt.Fprintf(b, "\n  #   %s,", p)
	}
	b.WriteString("\n  #   or any size such as 150x220mm.\n")
	fmt.Fprintf(b, "  paper: %s\n", quote(manifest.DefaultPaper))
	b.WriteString("  # Also possible: linebreak, indent, font_size, line_height, recto_chapters, fonts.\n")
}

// paperList names the paper presets pkg/manifest knows, smallest first,
// so the comment never offers a size the reader would refuse.
func paperList() []string {
	var parts []string
	for _, n := range manifest.PaperNames() {
		p, _ := manifest.ParsePaper(n)
		parts = append(parts, fmt.Sprintf("%s (%g×%g mm)", n, p.Width, p.Height))
	}
	return parts
}
