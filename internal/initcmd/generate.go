package initcmd

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/source"
)

// result is a generated manifest with what Write reports.
type result struct {
	text  []byte
	out   string
	posts int
}

// Generate reads the site and returns the text of its manifest and the
// path it is meant for (opt.Output, else DefaultOutput). It reads the
// site but writes nothing. Problems go to diags; the error is non-nil,
// and the reason also in diags, when no manifest can be made: the site
// folder is missing, _config.yml is broken, or no post is selected.
func Generate(opt Options, diags *diag.List) (manifestText []byte, outPath string, err error) {
	r, err := generate(opt, diags)
	if err != nil {
		return nil, "", err
	}
	return r.text, r.out, nil
}

func generate(opt Options, diags *diag.List) (*result, error) {
	files, err := openSite(opt.Site)
	if err != nil {
		diags.Errorf(diag.Pos{File: opt.Site}, "site folder: %v", err)
		return nil, errors.New("no site folder")
	}
	defer files.Close()
	site, err := source.LoadSite(files.root, files, diags)
	if err != nil {
		return nil, err
	}
	sel := selectPosts(files, site, opt, diags)
	if len(sel.chosen) == 0 {
		diags.Errorf(diag.Pos{File: opt.Site}, "%s", noPosts(opt, sel))
		return nil, errors.New("no posts selected")
	}
	m := bookMeta(site, files.root, sel.chosen, diags)
	out := opt.Output
	if out == "" {
		out = DefaultOutput(opt.Site, m.title, opt)
	}
	dir, err := filepath.Abs(filepath.Dir(out))
	if err != nil {
		diags.Errorf(diag.Pos{File: out}, "%v", err)
		return nil, err
	}
	pl := newPlanner(dir, files, sel)
	entries, err := pl.plan()
	if err != nil {
		diags.Errorf(diag.Pos{File: opt.Site}, "%v", err)
		return nil, err
	}
	d := &draft{opt: opt, out: out, siteRel: pl.siteRel, meta: m, entries: entries,
		chosen: len(sel.chosen), found: sel.found, language: defaultLanguage, newest: newest(sel.chosen)}
	text := d.render()
	if err := pl.verify(out, text, m); err != nil {
		diags.Errorf(diag.Pos{File: out}, "%v", err)
		return nil, err
	}
	return &result{text: text, out: out, posts: len(sel.chosen)}, nil
}

// newest is the date of the newest post, in the zone it was written in.
func newest(ps []*post) time.Time {
	var t time.Time
	for _, p := range ps {
		if p.date.After(t) {
			t = p.date
		}
	}
	return t
}

// noPosts explains an empty selection.
func noPosts(opt Options, sel *selection) string {
	if sel.found == 0 {
		return "no posts: the site has no posts Jekyll would publish (.md, .markdown or .html files named YYYY-MM-DD-title under a _posts folder)"
	}
	if f := filters(opt); len(f) > 0 {
		return fmt.Sprintf("no published post of the %d posts matches %s", sel.found, strings.Join(f, ", "))
	}
	return fmt.Sprintf("none of the %d posts can go in a book (see the notes and warnings)", sel.found)
}

// verify reads the text back with pkg/manifest and expands its chapters
// as pkg/book would, so that a manifest this package writes is known to
// parse, to keep its strings, and to yield exactly the selected posts in
// order, each once. A failure is a bug of this package.
func (pl *planner) verify(out string, text []byte, want meta) error {
	var d diag.List
	m, err := manifest.Parse(out, pl.dir, text, &d)
	if err != nil || d.Len() > 0 {
		return fmt.Errorf("internal error: the manifest written does not read back: %v", d.Items())
	}
	if m.Title != want.title || strings.Join(m.Authors, "\x00") != strings.Join(want.authors, "\x00") ||
		m.Description != want.description || m.Site == nil || m.Site.Root != pl.siteAbs {
		return errors.New("internal error: the manifest written reads back with other values")
	}
	var got []*post
	seen := map[string]bool{}
	for _, e := range m.Chapters {
		posts, ok := pl.expand(e.Pattern)
		files, _ := pl.matches(e.Pattern)
		for _, f := range files {
			if seen[f] {
				ok = false // the book would warn "already in the book"
			}
			seen[f] = true
		}
		if e.IsPart() || !ok {
			return errMismatch
		}
		got = append(got, posts...)
	}
	if !prefixOf(got, pl.sel.chosen) || len(got) != len(pl.sel.chosen) {
		return errMismatch
	}
	return nil
}
