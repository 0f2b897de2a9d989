package book

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/highlight"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/source"
	"github.com/yuin/goldmark/ast"
)

// Options adjust how a book is loaded.
type Options struct {
	// Rel turns an absolute path into the form used in messages, usually
	// relative to the working directory. Nil keeps paths as they are.
	Rel func(abs string) string
	// Progress, when not nil, is told how many posts of a chapters entry
	// have been read. It is called from several goroutines.
	Progress progress.Func
	// FS, when not nil, is where every file is read from instead of the
	// disk; the manifest's paths (Dir, chapters, site root…) are then
	// slash-separated paths in FS, such as "books/site/_posts/x.md".
	FS fs.FS
	// NoLiquid reads the posts' bodies as written, without Liquid: for
	// Markdown that does not come from Jekyll.
	NoLiquid bool
}

// loader holds the state of one Load.
type loader struct {
	m     *manifest.Manifest
	opt   Options
	diags *diag.List
	box   *Sandbox
	// outside are the files the manifest names that were read from
	// outside the book's folders (readNamed).
	outside []string
	files   *siteFiles
	md      *markdown.Parser
	// mdJax reads \ref and \eqref in running text, for the posts MathJax
	// runs on; mdDollar also reads $…$ as math, for the posts where it is.
	mdJax, mdDollar *markdown.Parser
	// now is Liquid's clock and seed makes its sample and shuffle
	// repeatable (source.Options).
	now    time.Time
	seed   string
	book   *Book
	seen   map[string]diag.Pos // chapters already in the book, by real path
	assets map[string]*Asset   // by real path
	byPath map[string]assetResult
	names  map[string]bool // asset names taken
}

// Load reads every post the manifest names and builds the book. Problems
// are reported in diags; the error is non-nil when the book cannot be
// built correctly (a listed post is missing or unreadable, for example).
//
// m is the resolved configuration (start a hand-made one from
// manifest.Default); the book keeps it as Config. A manifest without a
// title makes a book of posts: its title and authors come from the first
// post, then the site's _config.yml.
func Load(m *manifest.Manifest, opt Options, diags *diag.List) (*Book, error) {
	if err := m.Check(); err != nil {
		diags.Errorf(diag.Pos{File: m.Path}, "%v", err)
		return nil, err
	}
	l := &loader{m: m, opt: opt, diags: diags, book: &Book{Config: m},
		seen: map[string]diag.Pos{}, assets: map[string]*Asset{}, names: map[string]bool{}}
	before := diags.Count(diag.Error)
	roots := []string{m.Dir}
	if m.Site != nil {
		roots = append(roots, m.Site.Root)
	}
	if opt.FS != nil {
		l.box = NewFSSandbox(opt.FS, roots...)
	} else {
		l.box = NewSandbox(roots...)
	}
	defer l.box.Close()
	if err := l.loadSite(); err != nil {
		return nil, err
	}
	l.makeParsers()
	l.loadMath()
	l.now, l.seed = l.clock(), l.bookSeed()
	l.loadEntries(m.Chapters)
	l.fillMeta()
	l.loadCover()
	l.loadStylesheet()
	l.loadFonts()
	l.checkLinks()
	l.book.Inputs = append(l.box.Read(), l.outside...)
	sort.Strings(l.book.Inputs)
	if diags.Count(diag.Error) > before {
		return l.book, errors.New("the book has errors")
	}
	return l.book, nil
}

// makeParsers configures the Markdown parsers as the site's kramdown
// settings say (its typography), its plugins (jemoji's emoji shortcodes)
// and its theme (Chirpy's dark-mode images left out); for posts MathJax
// runs on, one reads references in running text and one single dollars
// too.
func (l *loader) makeParsers() {
	var cfg map[string]any
	if l.book.Site != nil {
		cfg = l.book.Site.Config
	}
	emoji, dark := l.book.Site.HasPlugin("jemoji"), l.book.Site.Chirpy()
	l.book.Emoji = emoji
	typo, problems := markdown.KramdownTypography(cfg)
	for _, p := range problems {
		l.diags.Warnf(diag.Pos{File: l.rel(l.box.join(l.files.root, "_config.yml"))}, "%s; kramdown's default is used", p)
	}
	opt := markdown.Options{Typography: typo, Emoji: emoji, DarkImages: dark}
	l.md = markdown.New(opt)
	opt.Refs = true
	l.mdJax = markdown.New(opt)
	opt.InlineDollar = true
	l.mdDollar = markdown.New(opt)
}

// rel formats an absolute path for messages.
func (l *loader) rel(abs string) string {
	if l.opt.Rel == nil {
		return abs
	}
	return l.opt.Rel(abs)
}

func (l *loader) loadSite() error {
	l.files = &siteFiles{box: l.box}
	s := l.m.Site
	if s == nil {
		return nil
	}
	root, err := l.box.Resolve(s.Root)
	if err != nil {
		l.diags.Errorf(s.RootPos, "site root %s: %v", l.rel(s.Root), plainErr(err))
		return errors.New("site root not found")
	}
	l.files.root = root
	if dir, err := l.box.clean(l.m.Dir); err == nil {
		if _, inside := l.box.below(dir, root); !inside {
			l.diags.Notef(s.RootPos, "the site root %s lies outside the manifest's folder; the book reads files below it", l.rel(root))
		}
	}
	site, err := source.LoadSite(root, l.files, l.diags)
	if err != nil {
		return err
	}
	if s.HasURL {
		site.URL = s.URL
	}
	if s.HasBaseURL {
		site.BaseURL = s.BaseURL
	}
	l.book.Site = site
	return nil
}

func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (l *loader) loadEntries(entries []manifest.Entry) {
	errorsBefore := l.diags.Count(diag.Error)
	loose := &Part{}
	for _, e := range entries {
		if e.IsPart() {
			if len(loose.Chapters) > 0 {
				l.book.Parts = append(l.book.Parts, loose)
				loose = &Part{}
			}
			p := &Part{Title: e.Part, Pos: e.Pos}
			for _, c := range e.Chapters {
				p.Chapters = append(p.Chapters, l.loadPattern(c)...)
			}
			l.book.Parts = append(l.book.Parts, p)
			continue
		}
		loose.Chapters = append(loose.Chapters, l.loadPattern(e)...)
	}
	if len(loose.Chapters) > 0 {
		l.book.Parts = append(l.book.Parts, loose)
	}
	n := 0
	for _, c := range l.book.Chapters() {
		n++
		c.ID = fmt.Sprintf("c%03d", n)
	}
	if n == 0 && l.diags.Count(diag.Error) == errorsBefore {
		// (When a chapter could not be read, its error says why.)
		pos := diag.Pos{File: l.m.Path}
		if len(entries) > 0 {
			pos = entries[0].Pos
		}
		l.diags.Errorf(pos, "the book has no chapters: the chapters the manifest names match no file or were all left out")
	}
}

// isGlob reports whether a manifest path is a pattern.
func isGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

// ExpandGlob lists the files a chapters glob names, as Load reads them:
// the Markdown files among its matches inside the sandbox, and of those
// below a _posts folder of the site at siteRoot ("" for none), only the
// posts Jekyll publishes (source.IsPostFile: no undated README.md, no
// theme demo posts in _posts/_example); skipped lists the Markdown files
// those rules leave out. publish init checks the globs it writes with it.
func (s *Sandbox) ExpandGlob(pattern, siteRoot string) (posts, skipped []string, err error) {
	matches, err := s.Glob(pattern)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range matches {
		if !source.IsPostText(p) {
			continue
		}
		rel, inSite := s.below(siteRoot, p)
		if siteRoot != "" && inSite && strings.Contains("/"+rel, "/_posts/") && !source.IsPostFile(rel) {
			skipped = append(skipped, p)
			continue
		}
		posts = append(posts, p)
	}
	return posts, skipped, nil
}
func (l *loader) loadPattern(e manifest.Entry) []*Chapter {
	if !isGlob(e.Pattern) {
		if !source.IsPostText(e.Pattern) {
			l.diags.Errorf(e.Pos, "%s is not a post (.md, .markdown, or .html for an HTML post)", l.rel(e.Pattern))
			return nil
		}
		return l.loadPosts([]string{e.Pattern}, e.Pos)
	}
	posts, skipped, err := l.box.ExpandGlob(e.Pattern, l.files.root)
	if err != nil {
		l.diags.Errorf(e.Pos, "bad pattern %s: %v", l.rel(e.Pattern), err)
		return nil
	}
	for _, p := range skipped {
		l.diags.Notef(diag.Pos{File: l.rel(p)}, "Jekyll does not publish this file (no date in its name, or a folder Jekyll skips); left out of the book")
	}
	out := l.loadPosts(posts, e.Pos)
	if len(out) == 0 {
		l.diags.Warnf(e.Pos, "pattern %s matches no posts", l.rel(e.Pattern))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return filepath.Base(out[i].Source) < filepath.Base(out[j].Source)
	})
	return out
}

// job is one post on its way into the book. Reading, Liquid and Markdown
// parsing need nothing from other posts, so jobs run in parallel, each
// with its own diagnostics; everything that touches the book's shared
// state (assets, names) then runs in order.
type job struct {
	path, real, name string
	post             *source.Post
	doc              ast.Node
	code             map[ast.Node]*highlight.Code
	math             map[ast.Node]*Formula
	labels           map[string]string
	diags            diag.List
	failed           bool
}

func (l *loader) loadPosts(paths []string, at diag.Pos) []*Chapter {
	var jobs []*job
	for _, path := range paths {
		real, err := l.box.Resolve(path)
		if err != nil {
			l.diags.Errorf(at, "chapter %s: %v", l.rel(path), err)
			continue
		}
		if first, dup := l.seen[real]; dup {
			l.diags.Warnf(at, "%s is already in the book (at %s); left out here", l.rel(path), first)
			continue
		}
		l.seen[real] = at
		jobs = append(jobs, &job{path: path, real: real, name: l.rel(path)})
	}
	var done atomic.Int64
	parallel.For(len(jobs), func(i int) {
		l.readContained(jobs[i], at)
		if l.opt.Progress != nil {
			l.opt.Progress(progress.ReadingPosts, int(done.Add(1)), len(jobs))
		}
	})
	var out []*Chapter
	for _, j := range jobs {
		l.diags.Append(&j.diags)
		if j.failed {
			continue
		}
		if !j.post.Published {
			l.diags.Notef(diag.Pos{File: j.name}, "published: false; left out of the book")
			continue
		}
		out = append(out, l.chapter(j))
	}
	return out
}

// readContained reads one post, turning a panic in a library (or ours)
// into an error on that post instead of a crash: posts are read on
// several goroutines, where nothing above could recover it.
func (l *loader) readContained(j *job, at diag.Pos) {
	defer func() {
		if r := recover(); r != nil {
			j.diags.Errorf(diag.Pos{File: j.name}, "internal error while reading this post (please report it with the post): %v", r)
			j.failed = true
		}
	}()
	l.read(j, at)
}

// read does the independent part of loading one post.
func (l *loader) read(j *job, at diag.Pos) {
	data, err := l.box.ReadFile(j.real)
	if err != nil {
		j.diags.Errorf(at, "chapter %s: %v", j.name, plainErr(err))
		j.failed = true
		return
	}
	post, err := source.Read(j.name, data, l.book.Site,
		source.Options{Files: l.files, Dir: filepath.Dir(j.real), Now: l.now, Seed: l.seed, NoLiquid: l.opt.NoLiquid}, &j.diags)
	if err != nil {
		j.failed = true
		return
	}
	j.post = post
	if post.Published {
		doc, report := l.parserFor(post).ParseChecked(post.Body)
		if source.IsHTML(post.Path) {
			doc, report = markdown.ParseHTML(post.Body), markdown.Report{}
		}
		j.doc = doc
		ambiguities(j, post.Body, report.Ambiguities)
		for _, d := range report.Dropped {
			j.diags.Warnf(j.post.Pos(d.Start), "%s: this line is left out of the book", d.Reason)
		}
		for _, d := range report.DarkImages {
			j.diags.Notef(j.post.Pos(d.At), "image %s is shown only in the blog's dark mode (Chirpy's .dark); left out, as its .light twin stands for it", d.Dest)
		}
		l.filterLanguages(j)
		j.code = highlightCode(j.doc, post.Body)
		l.parseFormulas(j)
	}
}

// highlightCode highlights every code block of a post once, for both
// outputs, within the post's budget.
func highlightCode(doc ast.Node, src []byte) map[ast.Node]*highlight.Code {
	out := map[ast.Node]*highlight.Code{}
	budget := highlight.NewBudget()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock) {
			lang, _ := markdown.CodeInfo(n, src)
			out[n] = highlight.Highlight(lang, markdown.CodeText(n, src), budget)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// clock is the time Liquid reads as "now" while the posts are read: the
// configuration's Timestamp (SOURCE_DATE_EPOCH), else the manifest's date,
// else the newest date among the chapters' file names, so that the same
// input gives the same book. (The book's own date, which may come from a
// post's front matter, is known only once every post is read.)
func (l *loader) clock() time.Time {
	switch {
	case !l.m.Timestamp.IsZero():
		return l.m.Timestamp
	case l.m.HasDate:
		return l.m.Date
	}
	var newest time.Time
	var walk func([]manifest.Entry)
	walk = func(entries []manifest.Entry) {
		for _, e := range entries {
			walk(e.Chapters)
			paths := []string{e.Pattern}
			if isGlob(e.Pattern) {
				paths, _ = l.box.Glob(e.Pattern)
			}
			for _, p := range paths {
				if d, _, ok := source.ParseFileName(p); ok && d.After(newest) {
					newest = d
				}
			}
		}
	}
	walk(l.m.Chapters)
	return newest
}

// bookSeed is what makes Liquid's sample and shuffle repeatable: the
// manifest's identifier, else its title and authors, else its chapters.
func (l *loader) bookSeed() string {
	if l.m.Identifier != "" {
		return l.m.Identifier
	}
	if l.m.Title != "" {
		return l.m.Title + "\x00" + strings.Join(l.m.Authors, "\x00")
	}
	var b strings.Builder
	for _, e := range l.m.Chapters {
		b.WriteString(filepath.Base(e.Pattern) + "\x00")
	}
	return b.String()
}

// identifier derives a stable UUID (version 5 layout, SHA-1 based, per
// RFC 9562) from the title and authors, so that rebuilding a book keeps
// its identity and readers keep their place and notes.
func identifier(title string, authors []string) string {
	h := sha1.Sum([]byte("publish-book\x00" + title + "\x00" + strings.Join(authors, "\x00")))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// fillMeta sets the book's metadata from the configuration, with what the
// chapters give: the newest date, the subjects, and for a book of posts its
// title and authors. The identifier is derived last, from the final title
// and authors.
func (l *loader) fillMeta() {
	m := l.m
	meta := Meta{Title: m.Title, Subtitle: m.Subtitle, Authors: m.Authors, Language: m.Language,
		Date: m.Date, Identifier: m.Identifier, Publisher: m.Publisher, Description: m.Description, Rights: m.Rights}
	if meta.Title == "" {
		l.adoptPostMeta(&meta)
	}
	subjects := map[string]bool{}
	for _, c := range l.book.Chapters() {
		if !m.HasDate && c.Date.After(meta.Date) {
			meta.Date = c.Date
		}
		for _, s := range append(append([]string(nil), c.Tags...), c.Categories...) {
			subjects[s] = true
		}
	}
	for s := range subjects {
		meta.Subjects = append(meta.Subjects, s)
	}
	sort.Strings(meta.Subjects)
	if meta.Identifier == "" {
		meta.Identifier = identifier(meta.Title, meta.Authors)
	}
	l.book.Meta = meta
	l.book.Time = m.Timestamp
	if l.book.Time.IsZero() {
		l.book.Time = meta.Date
	}
	if l.book.Time.IsZero() {
		l.book.Time, l.book.Undated = time.Unix(0, 0), true
		l.diags.Notef(diag.Pos{File: m.Path}, "the book has no date (no date: in the manifest, no dated post, no SOURCE_DATE_EPOCH): it carries no publication date, and 1970-01-01 where a time is required")
	}
	l.book.Time = l.book.Time.UTC()
}

// adoptPostMeta gives a book of posts (a configuration without a title)
// the first chapter's title, and the author of its front matter, else of
// the site's _config.yml.
func (l *loader) adoptPostMeta(meta *Meta) {
	chapters := l.book.Chapters()
	if len(chapters) == 0 {
		return
	}
	first := chapters[0]
	meta.Title = first.Title
	if len(meta.Authors) > 0 {
		return
	}
	// a book of posts is the first post's, so its author comes first
	// (publish init, writing a manifest for the whole site, asks the site
	// first)
	if a := l.book.Site.PostAuthors(first.Post.Front); len(a) > 0 {
		meta.Authors = a
	} else if a, _ := l.book.Site.SiteAuthors(); len(a) > 0 {
		meta.Authors = a
	}
}
