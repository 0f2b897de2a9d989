package initcmd

import (
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/source"
)

// post is one post of the site as init sees it.
type post struct {
	path  string // below the site folder as given, for messages
	abs   string // absolute and clean, to compare with glob matches
	title string
	date  time.Time
	front map[string]any
}

// selection is the outcome of reading a site's posts.
type selection struct {
	// chosen are the posts of the book, in book order.
	chosen []*post
	// dropped are the absolute paths of posts the book leaves out by
	// itself (published: false), so a glob may match them harmlessly.
	dropped map[string]bool
	// found counts every post file of the site.
	found int
}

// selectPosts reads every post of the site and keeps those the options
// select, in the order the book sorts glob matches: date, then file name.
func selectPosts(files *siteFiles, site *source.Site, opt Options, diags *diag.List) *selection {
	paths := files.posts.Paths()
	sel := &selection{dropped: map[string]bool{}, found: len(paths)}
	for _, abs := range paths {
		p := files.shown(abs)
		pp := readPost(files, site, p, diags)
		if pp == nil {
			continue
		}
		if !pp.Published {
			sel.dropped[abs] = true
			diags.Notef(diag.Pos{File: p}, "published: false; left out of the book")
			continue
		}
		if matches(pp, opt) {
			sel.chosen = append(sel.chosen, &post{path: p, abs: abs, title: pp.Title, date: pp.Date, front: pp.Front})
		}
	}
	sortPosts(sel.chosen)
	return sel
}

// readPost reads one post's front matter. A post the book could not use
// is left out with a warning, so the manifest never names it.
func readPost(files *siteFiles, site *source.Site, p string, diags *diag.List) *source.Post {
	data, err := files.ReadFile(p)
	if err != nil {
		diags.Warnf(diag.Pos{File: p}, "cannot read post: %v; left out of the book", err)
		return nil
	}
	// Liquid and Markdown problems are check's to report, with the book
	// around them; init only needs the front matter, so they go to a
	// scratch list and only a post that cannot be read at all is told.
	var scratch diag.List
	pp, err := source.Read(p, data, site, source.Options{Files: files, Dir: filepath.Dir(p)}, &scratch)
	if err != nil {
		pos, msg := diag.Pos{File: p}, err.Error()
		if e, ok := err.(*diag.Err); ok {
			pos, msg = e.Pos, e.Message
		}
		diags.Warnf(pos, "%s; left out of the book", msg)
		return nil
	}
	return pp
}

// matches applies the category, tag and date filters.
func matches(p *source.Post, opt Options) bool {
	if opt.Category != "" && !containsFold(p.Categories, opt.Category) {
		return false
	}
	if opt.Tag != "" && !containsFold(p.Tags, opt.Tag) {
		return false
	}
	d := day(p.Date)
	if opt.HasSince && d < day(opt.Since) {
		return false
	}
	return !opt.HasUntil || d <= day(opt.Until)
}

// day is a calendar date as a number that orders like the date, taken in
// the time's own zone: the day the author wrote down.
func day(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// sortPosts orders posts as pkg/book orders a glob's matches (date, then
// file name); the full path breaks the remaining ties the way
// filepath.Glob's lexical order does.
func sortPosts(ps []*post) {
	sort.SliceStable(ps, func(i, j int) bool { return postLess(ps[i], ps[j]) })
}

func postLess(a, b *post) bool {
	if !a.date.Equal(b.date) {
		return a.date.Before(b.date)
	}
	if ba, bb := filepath.Base(a.path), filepath.Base(b.path); ba != bb {
		return ba < bb
	}
	return a.abs < b.abs
}
