package source

import (
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/uri"
	"github.com/osteele/liquid/render"
)

// The names of the tags that instrument (instrument.go) weaves into every
// piece; no author writes them.
const (
	keepVarsTag = "publish_keep_vars__"
	atTag       = "publish_at__"
	loopTag     = "publish_loop__"
)

// tagCost is what a call of a tag that reads another file or lists the
// site's posts (include_relative, post_url, link) takes from the budget,
// on top of its text: such a call costs far more than its output.
const tagCost = 1 << 10

func (ev *evaluator) registerTags() {
	ev.addSilentTag(keepVarsTag, func(string) (func(render.Context) error, error) { return ev.keepVars, nil })
	ev.addSilentTag(atTag, ev.atCompiler)
	ev.addSilentTag(loopTag, ev.loopCompiler)
	ev.cfg.AddBlock("highlight").Renderer(func(w io.Writer, ctx render.Context) error {
		s, err := ev.highlightInBlock(ctx)
		if err == nil {
			_, err = io.WriteString(w, s)
		}
		return err
	})
	ev.addTag("include", ev.includeSite)
	ev.addTag("include_relative", ev.includeRelative)
	ev.addTag("gist", ev.gist)
	ev.addTag("youtube", ev.videoTag("youtube"))
	ev.addTag("vimeo", ev.videoTag("vimeo"))
	ev.addTag("post_url", ev.postURL)
	ev.addTag("link", ev.link)
}

// addTag defines a tag whose output is the text fn returns.
func (ev *evaluator) addTag(name string, fn func(render.Context) (string, error)) {
	ev.cfg.AddTag(name, func(string) (func(io.Writer, render.Context) error, error) {
		return func(w io.Writer, ctx render.Context) error {
			s, err := fn(ctx)
			if err == nil {
				_, err = io.WriteString(w, s)
			}
			return err
		}, nil
	})
}

// addSilentTag defines a tag that never writes, not even an empty
// string: the library's writer takes any write as the text that a
// pending {%- -%} trim applies to, so an empty one would undo the trim.
// compile reads the tag's arguments once, when the piece is parsed.
func (ev *evaluator) addSilentTag(name string, compile func(args string) (func(render.Context) error, error)) {
	ev.cfg.AddTag(name, func(args string) (func(io.Writer, render.Context) error, error) {
		run, err := compile(args)
		if err != nil {
			return nil, err
		}
		return func(_ io.Writer, ctx render.Context) error { return run(ctx) }, nil
	})
}

// keepVars copies the variables of a finished piece into the post's
// variables. The library forgets assign and capture when a template ends;
// every piece is its own template here, but Jekyll's variables live for
// the whole post, so each piece ends with this tag.
func (ev *evaluator) keepVars(ctx render.Context) error {
	ev.kept = true
	for k, v := range ctx.Bindings() {
		ev.vars[k] = v
	}
	return nil
}

// highlightInBlock renders a highlight inside another block (an if, a
// for), where its output maps to the outer block's start.
func (ev *evaluator) highlightInBlock(ctx render.Context) (string, error) {
	code, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	out, ok := highlightText(ctx.TagArgs(), code)
	if !ok {
		return "", fmt.Errorf("highlight %s: expected a language and options such as linenos", ctx.TagArgs())
	}
	return out, ev.charge(int64(len(out)))
}

// includeSite inlines a file of the site's _includes folder (or the
// folder _config.yml's includes_dir names), as Jekyll does: its Liquid is
// evaluated with the tag's parameters as include.*, which are visible in
// that file only. A file that is not in the site (a theme's include, such
// as a footer) is dropped with a warning: the theme is not part of the
// book. Inclusions count against the post's budget as include_relative's
// do.
func (ev *evaluator) includeSite(ctx render.Context) (string, error) {
	return ev.includeTag(ctx, "include", func(name string) (file, dir string, err error) {
		dir, file, err = ev.includeFile(name)
		return file, dir, err
	})
}

// includeTag runs an include or include_relative tag, which differ only in
// where the file is found (find gives its path, and the folder named when
// it is missing): the inclusion counted against the post's budget, the
// name (which may be built with {{ }}) and Jekyll's parameters read, the
// file read and its Liquid evaluated with the parameters as include.*,
// seen by that file only (the outer include's are back after it).
func (ev *evaluator) includeTag(ctx render.Context, tag string, find func(name string) (file, dir string, err error)) (string, error) {
	if err := ev.include(); err != nil {
		return "", err
	}
	if err := ev.charge(tagCost); err != nil {
		return "", err
	}
	raw, params := splitIncludeName(ctx.TagArgs())
	name := raw
	if strings.Contains(raw, "{{") {
		expanded, err := ctx.ExpandTagArg()
		if err != nil {
			return "", err
		}
		name = firstField(expanded)
	}
	vals, err := includeParams(params, ctx.EvaluateString)
	if err != nil {
		return "", fmt.Errorf("%s %s: %v", tag, name, err)
	}
	file, dir, err := find(name)
	if err != nil {
		ev.diags.Warnf(ev.at.tagPos(), "%s %s: %v; dropped", tag, name, err)
		return "", nil
	}
	data, err := ev.opt.Files.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) && tag == "include" {
		if out, ok := ev.themeInclude(name, vals); ok {
			return out, ev.charge(int64(len(out)))
		}
		ev.diags.Warnf(ev.at.tagPos(), "include %s: not in the site's %s folder (a theme's includes are not part of the book); dropped", name, dir)
		return "", nil
	}
	if err != nil {
		ev.diags.Warnf(ev.at.tagPos(), "%s %s: %v; dropped", tag, name, err)
		return "", nil
	}
	if err := ev.included(len(data)); err != nil {
		return "", err
	}
	shown := ev.shownPath(file)
	src, err := normalize(shown, data)
	if err != nil {
		ev.diags.Warnf(ev.at.tagPos(), "%s %s: %v; dropped", tag, name, err)
		return "", nil
	}
	// as in Jekyll, a tag with parameters gives the file its own include.*,
	// and one without leaves the outer file's in place
	outer, had := ev.vars["include"]
	if strings.TrimSpace(params) != "" {
		ev.vars["include"] = vals
	}
	out := ev.evalIncluded(newLineIndex(shown, src))
	if had {
		ev.vars["include"] = outer
	} else {
		delete(ev.vars, "include")
	}
	if ev.spent != nil {
		return "", ev.spent
	}
	return out, nil
}

// includeName checks a name an include tag gives, as Jekyll does: not
// absolute, and no two of '.' and '/' in a row (.., ./, //), so that it
// cannot climb out of its folder, which where names for the message.
func includeName(name, where string) error {
	switch {
	case name == "":
		return errors.New("no file named")
	case path.IsAbs(name) || filepath.IsAbs(name) || strings.ContainsRune(name, '\\') ||
		strings.Contains(name, "..") || strings.Contains(name, "./") || strings.Contains(name, "//") || strings.Contains(name, "/."):
		return fmt.Errorf("only files %s may be included", where)
	}
	return nil
}

// includeFile finds the file an include tag names: under the site's
// includes folder, refusing names that climb out of it (Jekyll refuses
// "..", "./" and "//" in them).
func (ev *evaluator) includeFile(name string) (dir, file string, err error) {
	if ev.site == nil || ev.site.Root == "" || ev.opt.Files == nil {
		return "_includes", "", errors.New("the book has no site root")
	}
	dir = ev.site.includesDir()
	if err := includeName(name, "inside the site's includes folder"); err != nil {
		return dir, "", err
	}
	switch {
	case path.IsAbs(dir) || filepath.IsAbs(dir) || strings.Contains(dir, ".."):
		return dir, "", fmt.Errorf("includes_dir %s is not a folder inside the site", dir)
	case ev.depth >= maxIncludeDepth:
		return dir, "", fmt.Errorf("included files nest more than %d deep", maxIncludeDepth)
	}
	return dir, filepath.Join(ev.site.Root, filepath.FromSlash(dir), filepath.FromSlash(name)), nil
}

// shownPath names a file of the site in messages the way the post's own
// path names the post: relative to the post's folder, joined to the path
// the post was given by.
func (ev *evaluator) shownPath(file string) string {
	rel, err := filepath.Rel(ev.opt.Dir, file)
	if ev.opt.Dir == "" || err != nil {
		return file
	}
	return filepath.Join(filepath.Dir(ev.post.Path), rel)
}

// splitIncludeName splits an include tag's arguments into the file name
// (which may hold {{ }} expressions) and the parameters after it.
func splitIncludeName(args string) (name, params string) {
	args = strings.TrimSpace(args)
	depth := 0
	for i := 0; i < len(args); i++ {
		switch {
		case strings.HasPrefix(args[i:], "{{"):
			depth++
			i++
		case strings.HasPrefix(args[i:], "}}") && depth > 0:
			depth--
			i++
		case depth == 0 && (args[i] == ' ' || args[i] == '\t' || args[i] == '\n' || args[i] == '\r'):
			return args[:i], args[i+1:]
		}
	}
	return args, ""
}

// includeParams reads an include tag's parameters, key=value separated
// by white space, as Jekyll does: a value is a string in double or single
// quotes (a backslash before the quote keeps it), or a variable such as
// page.title, looked up with lookup.
func includeParams(s string, lookup func(string) (any, error)) (map[string]any, error) {
	vals := map[string]any{}
	isKey := func(c byte) bool {
		return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	isVar := func(c byte) bool { return isKey(c) || c == '.' || c == '[' || c == ']' }
	for i := 0; ; {
		for i < len(s) && strings.IndexByte(" \t\r\n", s[i]) >= 0 {
			i++
		}
		if i == len(s) {
			return vals, nil
		}
		k := i
		for i < len(s) && isKey(s[i]) {
			i++
		}
		key := s[k:i]
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if key == "" || i == len(s) || s[i] != '=' {
			return nil, fmt.Errorf("parameters must be key=\"value\" or key=variable, not %q", diag.Clip(s[k:], 40))
		}
		i++
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		switch {
		case i < len(s) && (s[i] == '"' || s[i] == '\''):
			q := s[i]
			var b strings.Builder
			j := i + 1
			for ; j < len(s) && s[j] != q; j++ {
				if s[j] == '\\' && j+1 < len(s) && s[j+1] == q {
					j++
				}
				b.WriteByte(s[j])
			}
			if j == len(s) {
				return nil, fmt.Errorf("the value of %s is never closed by %c", key, q)
			}
			vals[key] = b.String()
			i = j + 1
		default:
			v := i
			for i < len(s) && isVar(s[i]) {
				i++
			}
			if v == i {
				return nil, fmt.Errorf("%s= has no value", key)
			}
			val, err := lookup(s[v:i])
			if err != nil {
				return nil, err
			}
			vals[key] = val
		}
	}
}

// gist stands in for jekyll-gist's {% gist [user/]id [file] %}, which
// embeds a GitHub gist with a script (and, at build time, fetches its
// code): a book fetches nothing, so the gist's address is printed as a
// link, with a warning that says how to show the code.
func (ev *evaluator) gist(ctx render.Context) (string, error) {
	args, err := ctx.ExpandTagArg()
	if err != nil {
		return "", err
	}
	f := strings.Fields(args)
	if len(f) == 0 || len(f) > 2 || !gistID(f[0]) || len(f) == 2 && !gistFile(f[1]) {
		return "", errors.New("gist: expected a gist id (user/id or id) and at most a file name")
	}
	u := "https://gist.github.com/" + f[0]
	out := linkHTML(u)
	if len(f) == 2 {
		out += " (" + f[1] + ")"
	}
	ev.diags.Warnf(ev.at.tagPos(), "gist %s: a book cannot embed a gist (it would be fetched from GitHub); its address is printed as a link; paste the code into the post to show it", f[0])
	return out, ev.charge(int64(len(out)))
}

// videoTag stands for the video tags of Jekyll plugins ({% youtube ID %},
// {% youtube "https://youtu.be/ID" %}, {% vimeo ID %}): a book plays
// nothing, so the video's page is printed as a link (uri.EmbedPage, the
// one home of video pages), with a warning.
func (ev *evaluator) videoTag(provider string) func(render.Context) (string, error) {
	return func(ctx render.Context) (string, error) {
		args, err := ctx.ExpandTagArg()
		if err != nil {
			return "", err
		}
		f := strings.Fields(args)
		if len(f) == 0 {
			return "", fmt.Errorf("%s: expected a video id or address", provider)
		}
		id := strings.Trim(f[0], `"'`)
		var page string
		switch {
		case strings.Contains(id, "://") || strings.HasPrefix(id, "//"):
			page = uri.EmbedPage(id)
		case provider == "youtube":
			page = uri.EmbedPage("https://www.youtube.com/embed/" + url.PathEscape(id))
		default:
			page = uri.EmbedPage("https://player.vimeo.com/video/" + url.PathEscape(id))
		}
		if page == "" {
			return "", fmt.Errorf("%s: %s is not a video id or address", provider, id)
		}
		ev.diags.Warnf(ev.at.tagPos(), "%s: a book cannot play a video; its address is printed as a link", provider)
		out := linkHTML(page)
		return out, ev.charge(int64(len(out)))
	}
}

// linkHTML writes an address as a link that reads as one both in
// Markdown text and inside raw HTML (where a Markdown autolink is not
// read): an <a> showing the address, of the class both writers give
// written-out addresses.
func linkHTML(u string) string {
	e := html.EscapeString(u)
	return `<a href="` + e + `" class="url">` + e + `</a>`
}

// gistID reports whether s is a gist id as jekyll-gist takes it: a user
// name (letters, digits and hyphens) and a slash, optionally, then
// letters and digits.
func gistID(s string) bool {
	user, id, found := strings.Cut(s, "/")
	if !found {
		user, id = "", s
	}
	word := func(w string, extra string) bool {
		for _, c := range w {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(extra, c)) {
				return false
			}
		}
		return w != ""
	}
	return word(id, "") && (!found || word(user, "-"))
}

// gistFile reports whether s is a file name the book may print as it is
// (letters, digits, '.', '-' and '_'): it goes into the post's Markdown.
func gistFile(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// includeRelative inlines a file next to the post, with its own Liquid
// evaluated (Jekyll renders included files). Each inclusion and its bytes
// count against the post's budget: a file may include itself or fan out.
func (ev *evaluator) includeRelative(ctx render.Context) (string, error) {
	return ev.includeTag(ctx, "include_relative", func(name string) (file, dir string, err error) {
		if err := includeName(name, "beside or below the post"); err != nil {
			return "", "", err
		}
		switch {
		case ev.opt.Files == nil || ev.opt.Dir == "":
			return "", "", errors.New("no file access")
		case ev.depth >= maxIncludeDepth:
			return "", "", fmt.Errorf("included files nest more than %d deep", maxIncludeDepth)
		}
		return filepath.Join(ev.opt.Dir, filepath.FromSlash(name)), "", nil
	})
}

// evalIncluded evaluates an included file piece by piece; its warnings
// name the included file, its output maps to the include tag.
func (ev *evaluator) evalIncluded(ix *lineIndex) string {
	ev.depth++
	defer func() { ev.depth-- }()
	var b builder
	ev.eval(&b, ix, tokenize(ix.src, 0, len(ix.src)))
	return string(b.buf)
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// postURL gives the permalink of another post of the site, named by its
// file name without extension (optionally with folders before _posts).
func (ev *evaluator) postURL(ctx render.Context) (string, error) {
	if err := ev.charge(tagCost); err != nil {
		return "", err
	}
	args, err := ctx.ExpandTagArg()
	if err != nil {
		return "", err
	}
	name := firstField(args)
	var file string
	ok := false
	if ev.opt.Files != nil && name != "" {
		file, ok = ev.opt.Files.Posts().Find(name)
	}
	if !ok {
		return "", fmt.Errorf("post_url: no post named %s in the site", name)
	}
	return ev.permalinkOfFile(file)
}

func trimExt(p string) string { return strings.TrimSuffix(p, path.Ext(p)) }

// permalinkOfFile reads another post's front matter (not its Liquid) for
// its permalink. Its own problems are reported when it is itself read.
func (ev *evaluator) permalinkOfFile(file string) (string, error) {
	if u, ok := ev.posts[file]; ok {
		return u, nil
	}
	data, err := ev.opt.Files.ReadFile(file)
	if err != nil {
		return "", err
	}
	other, err := readMeta(file, data, ev.site, Options{Dir: filepath.Dir(file)}, &diag.List{})
	if err != nil {
		return "", fmt.Errorf("%s: %v", filepath.Base(file), err)
	}
	ev.posts[file] = ev.site.PermalinkOf(other)
	return ev.posts[file], nil
}

// link gives the URL of a file of the site, named from the site root:
// posts their permalink, Markdown pages .html (or their own permalink),
// other files themselves; the base URL in front, as Jekyll 4 does.
func (ev *evaluator) link(ctx render.Context) (string, error) {
	if err := ev.charge(tagCost); err != nil {
		return "", err
	}
	args, err := ctx.ExpandTagArg()
	if err != nil {
		return "", err
	}
	name := strings.TrimPrefix(firstField(args), "/")
	if ev.site == nil || ev.site.Root == "" || ev.opt.Files == nil {
		return "", errors.New("link: the book has no site root")
	}
	if strings.Contains(name, "..") || name == "" {
		return "", fmt.Errorf("link %s: not a path inside the site", name)
	}
	file := filepath.Join(ev.site.Root, filepath.FromSlash(name))
	if ev.opt.Files.Posts().Has(file) {
		return ev.permalinkOfFile(file)
	}
	data, err := ev.opt.Files.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("link %s: %v", name, err)
	}
	return pageURL(ev.site, name, data), nil
}

// pageURL is the URL of a page: its own permalink, else its path with a
// Markdown extension made .html and index.html dropped.
func pageURL(s *Site, name string, data []byte) string {
	base := strings.TrimSuffix(s.BaseURL, "/")
	ext := strings.ToLower(path.Ext(name))
	if ext != ".md" && ext != ".markdown" && ext != ".html" {
		return base + "/" + name
	}
	if p, err := readMeta(name, data, s, Options{}, &diag.List{}); err == nil {
		if own := frontString(p.Front["permalink"]); own != "" {
			return base + sanitizeURL(own)
		}
	}
	u := "/" + trimExt(name) + ".html"
	return base + strings.TrimSuffix(u, "index.html")
}
