package source

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// Post is one Jekyll post, read and with its Liquid evaluated.
type Post struct {
	Path        string         // path for messages (as given to Read)
	Front       map[string]any // every front-matter key (lenient)
	Title       string         // front matter title ("" if none; the caller falls back to first H1, then Slug)
	Date        time.Time      // front matter date, else the file name's
	HasDate     bool           // whether Date came from somewhere
	Slug        string         // front matter slug, else the file name's title part
	Categories  []string       // folders above _posts, then categories/category
	Tags        []string       // tags/tag
	Description string         // description or excerpt
	Published   bool           // false when `published: false`
	Body        []byte         // Markdown after Liquid

	src       *lineIndex          // the normalized file, for positions
	bodyStart int                 // where the body begins in src
	chunks    []chunk             // Body offset → src offset
	frontAt   map[string]diag.Pos // where each front-matter value sits
}

// Options carry what Read needs beyond the post's own bytes.
type Options struct {
	// Files reads the files that Liquid tags name; nil refuses them all.
	Files Files
	// Dir is the post's folder as Files understands it, for
	// include_relative and for categories taken from folders.
	Dir string
	// Now is the build's time: what Liquid's "now" and "today" and
	// {{ site.time }} show, in the site's time zone. Callers pass
	// SOURCE_DATE_EPOCH or the manifest's date, never the wall clock, so
	// that the same input gives the same book. The zero value means the
	// time is unknown: "now" is then left as written with a warning, and
	// site.time is empty unless _config.yml sets it.
	Now time.Time
	// Seed makes the sample and shuffle filters repeatable: their choices
	// depend only on Seed and the post's file name. Callers pass the
	// book's identifier; the zero value "" is a seed like any other.
	Seed string
	// NoLiquid keeps the body as written: for Markdown that is not a
	// Jekyll post, where {{ and {% are text.
	NoLiquid bool
}

// Pos returns the original file:line:col of a byte offset into Body.
func (p *Post) Pos(bodyOffset int) diag.Pos {
	return p.src.pos(srcOffset(p.chunks, bodyOffset, p.bodyStart))
}

// FrontPos returns where the value of a front-matter key sits, or the
// whole file when the key is absent.
func (p *Post) FrontPos(key string) diag.Pos {
	if pos, ok := p.frontAt[key]; ok {
		return pos
	}
	return diag.Pos{File: p.Path}
}

// Read reads one post from its bytes. path names it in messages (and
// gives the file-name date and slug). Problems go to diags; the error is
// non-nil (and also in diags) when the post cannot be used at all:
// invalid UTF-8, bad front matter.
func Read(path string, data []byte, site *Site, opt Options, diags *diag.List) (*Post, error) {
	p, err := readMeta(path, data, site, opt, diags)
	if err != nil {
		if e, ok := err.(*diag.Err); ok {
			diags.Add(e.Pos, e.Severity, "%s", e.Message)
		}
		return nil, err
	}
	if opt.NoLiquid {
		var b builder
		b.literal(p.src.src, p.bodyStart, len(p.src.src))
		p.Body, p.chunks = b.buf, b.chunks
		if p.Body == nil {
			p.Body = []byte{}
		}
		return p, nil
	}
	newEvaluator(p, site, opt, diags).run()
	return p, nil
}

// readMeta does everything but Liquid: post_url reads other posts this way.
func readMeta(path string, data []byte, site *Site, opt Options, diags *diag.List) (*Post, error) {
	src, err := normalize(path, data)
	if err != nil {
		return nil, err
	}
	p := &Post{Path: path, Published: true, src: newLineIndex(path, src)}
	fm, ok := splitFrontMatter(src)
	if !ok {
		return nil, diag.Errorf(diag.Pos{File: path, Line: 1}, "front matter opened here is never closed by a --- line")
	}
	p.Front, p.frontAt = map[string]any{}, map[string]diag.Pos{}
	if fm.present {
		line0 := p.src.pos(fm.yamlStart).Line
		p.Front, p.frontAt, err = parseFront(src[fm.yamlStart:fm.yamlEnd], path, line0, site.zone(), diags)
		if err != nil {
			return nil, err
		}
		p.bodyStart = fm.bodyStart
	}
	p.Front = site.withDefaults(site.relPath(opt.Dir, path), p.Front)
	p.fill(site, opt.Dir, diags)
	return p, nil
}

// fill sets the typed fields from the front matter and the file name.
func (p *Post) fill(site *Site, dir string, diags *diag.List) {
	f := p.Front
	p.Title = frontString(f["title"])
	p.Description = frontString(f["description"])
	if p.Description == "" {
		p.Description = frontString(f["excerpt"])
	}
	if pub, ok := f["published"].(bool); ok && !pub {
		p.Published = false
	}
	p.fileNameDate(site, diags)
	if s := frontString(f["slug"]); s != "" {
		p.Slug = s
	}
	if v, present := f["date"]; present {
		p.frontDate(v, site.zone(), diags)
	}
	// Jekyll takes the folders' categories when it creates the document
	// (Document#initialize) and adds the front matter's after them.
	p.Categories = append(folderCategories(site, dir), jekyllList(f, "category", "categories")...)
	p.Categories = unique(p.Categories)
	p.Tags = unique(jekyllList(f, "tag", "tags"))
}

// fileNameDate takes the date and slug from the file name; the date is
// midnight in the site's zone, as Jekyll reads it.
func (p *Post) fileNameDate(site *Site, diags *diag.List) {
	date, slug, ok := ParseFileName(p.Path)
	if !ok {
		// an undated file (a page, a draft): Jekyll's slug is its name
		p.Slug = trimExt(filepath.Base(p.Path))
		return
	}
	p.Slug = slug
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, site.zone())
	if err := checkDateRange(date); err != nil {
		diags.Warnf(diag.Pos{File: p.Path}, "the file name's date %s %v; the post has no date", date.Format("2006-01-02"), err)
		return
	}
	p.Date, p.HasDate = date, true
}

// frontDate takes the date from front matter; YAML may already have made
// a time of an unquoted date (parseFront has read it in the site's zone).
// A bad one warns and keeps the file name's.
func (p *Post) frontDate(v any, zone *time.Location, diags *diag.List) {
	instead := "the post has no date"
	if p.HasDate {
		instead = "using the file name's, " + p.Date.Format("2006-01-02")
	}
	t, ok := v.(time.Time)
	if s, isString := v.(string); isString {
		t, ok = parseDate(s, zone)
		if !ok && longYearRE.MatchString(s) {
			diags.Warnf(p.FrontPos("date"), "date %s has a year past %d; %s", s, maxYear, instead)
			return
		}
	}
	if !ok {
		diags.Warnf(p.FrontPos("date"), "date %v is not a date like 2019-07-23 or 2019-07-23 10:11:12 +0900; %s", v, instead)
		return
	}
	if err := checkDateRange(t); err != nil {
		diags.Warnf(p.FrontPos("date"), "date %v %v; %s", v, err, instead)
		return
	}
	p.Date, p.HasDate = t, true
}

// jekyllList reads categories or tags as Jekyll's
// pluralized_array_from_hash does: the singular key wins and a string
// there is one name; a string under the plural key is split at spaces.
func jekyllList(f map[string]any, singular, plural string) []string {
	if v, ok := f[singular]; ok && v != nil {
		return listOf(v, false)
	}
	return listOf(f[plural], true)
}

func listOf(v any, split bool) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if s := frontString(x); s != "" {
				out = append(out, s)
			}
		}
	case string:
		if split {
			return strings.Fields(v)
		}
		return []string{v}
	default:
		if s := frontString(v); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// folderCategories are the folders between the site root and _posts, as
// Jekyll adds them (site/travel/_posts/x.md is in category "travel").
func folderCategories(site *Site, dir string) []string {
	if site == nil || site.Root == "" || dir == "" {
		return nil
	}
	rel, err := filepath.Rel(site.Root, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	var out []string
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "_posts" {
			return out
		}
		if part != "." && part != "" {
			out = append(out, part)
		}
	}
	return nil // not in a _posts folder
}

func unique(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
