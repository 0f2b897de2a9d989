package source

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
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
	ev.addTag("include", ev.includeTheme)
	ev.addTag("include_relative", ev.includeRelative)
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

// includeTheme names a file of the theme's _includes folder, which is
// not part of the book.
func (ev *evaluator) includeTheme(ctx render.Context) (string, error) {
	ev.diags.Warnf(ev.at.tagPos(), "include is not supported (theme file); dropped")
	return "", nil
}

// includeRelative inlines a file next to the post, with its own Liquid
// evaluated (Jekyll renders included files). Each inclusion and its bytes
// count against the post's budget: a file may include itself or fan out.
func (ev *evaluator) includeRelative(ctx render.Context) (string, error) {
	if err := ev.include(); err != nil {
		return "", err
	}
	if err := ev.charge(tagCost); err != nil {
		return "", err
	}
	args, err := ctx.ExpandTagArg()
	if err != nil {
		return "", err
	}
	name := firstField(args)
	data, err := ev.readRelative(name)
	if err != nil {
		ev.diags.Warnf(ev.at.tagPos(), "include_relative %s: %v; dropped", name, err)
		return "", nil
	}
	if err := ev.included(len(data)); err != nil {
		return "", err
	}
	shown := filepath.Join(filepath.Dir(ev.post.Path), filepath.FromSlash(name))
	src, err := normalize(shown, data)
	if err != nil {
		ev.diags.Warnf(ev.at.tagPos(), "include_relative %s: %v; dropped", name, err)
		return "", nil
	}
	out := ev.evalIncluded(newLineIndex(shown, src))
	if ev.spent != nil {
		return "", ev.spent
	}
	return out, nil
}

// readRelative reads a file beside the post. Like Jekyll, it refuses
// names that climb out of the folder.
func (ev *evaluator) readRelative(name string) ([]byte, error) {
	switch {
	case name == "":
		return nil, errors.New("no file named")
	case path.IsAbs(name) || filepath.IsAbs(name) || strings.Contains(name, ".."):
		return nil, errors.New("only files beside or below the post may be included")
	case ev.opt.Files == nil || ev.opt.Dir == "":
		return nil, errors.New("no file access")
	case ev.depth >= maxIncludeDepth:
		return nil, fmt.Errorf("included files nest more than %d deep", maxIncludeDepth)
	}
	return ev.opt.Files.ReadFile(filepath.Join(ev.opt.Dir, filepath.FromSlash(name)))
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
