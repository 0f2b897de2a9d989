package book

import (
	"io/fs"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/source"
	"github.com/hangul-press/publish/pkg/texmath"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Formula is a formula of a chapter, parsed once for both outputs.
type Formula struct {
	// TeX is the source between the delimiters.
	TeX string
	// Display is set for display math: a formula standing alone as a
	// paragraph (a MathBlock), or \[…\] inside a paragraph; false for
	// inline math.
	Display bool
	// Tree is the parsed formula, with its equations numbered; nil when
	// it cannot be typeset (the writers then show TeX, marked, and Load
	// has warned at its position).
	Tree *texmath.Formula
}

// Math is how the book reads math: the site's MathJax configuration (what
// the blog's readers saw) and the manifest's math settings over it.
type Math struct {
	// Site is the site's MathJax configuration; Found is "" when the site
	// has none.
	Site source.MathConfig
	// Numbered is whether equations get automatic numbers.
	Numbered bool
	// macros are the site's and the manifest's macros, cloned for each
	// post.
	macros *texmath.Macros
}

// Ref returns the number an \eqref to label shows, for the writers.
func (c *Chapter) Ref(label string) (string, bool) {
	n, ok := c.labels[label]
	return n, ok
}

// Template files read to find a site's MathJax configuration: bounded,
// since a theme's folders are not the book's content.
const (
	maxTemplates     = 500
	maxTemplateBytes = 256 << 10
)

// loadMath reads the site's MathJax configuration and settles how the
// book reads math.
func (l *loader) loadMath() {
	m := &l.book.Math
	if l.files.root != "" {
		m.Site = source.DetectMath(l.templates(), l.book.Site.Config)
	}
	switch l.m.Math.Numbering {
	case manifest.NumberingAMS:
		m.Numbered = true
	case manifest.NumberingAuto:
		m.Numbered = m.Site.Numbered
	}
	m.macros = texmath.NewMacros()
	for _, mac := range m.Site.Macros {
		if err := m.macros.Define(mac.Name, mac.Body, mac.Args); err != nil {
			l.diags.Warnf(diag.Pos{File: l.m.Path}, "the site's MathJax macro in %s: %v; left out", m.Site.Found, err)
		}
	}
	for _, mac := range l.m.Math.Macros {
		if err := m.macros.Define(mac.Name, mac.Body, mac.Args); err != nil {
			l.diags.Errorf(l.m.Math.MacrosPos, "math.macros: %v", err)
		}
	}
	if m.Site.Found != "" {
		l.diags.Notef(diag.Pos{File: l.m.Path}, "math: the site's MathJax configuration is in %s%s", m.Site.Found, mathSummary(m.Site))
	} else if key := mathKey(l.book.Site); key != "" && l.m.Math.Inline == manifest.InlineAuto {
		// The theme loads MathJax from its gem, where we cannot see how
		// it reads dollars: say so rather than guess.
		l.diags.Notef(diag.Pos{File: l.m.Path}, "math: the site's _config.yml says %s: true, but its MathJax configuration is not in the site (a theme's?); $…$ stays text: set math.inline: dollar if single dollars are math on the blog", key)
	}
}

// mathKey returns the _config.yml key by which a theme turns MathJax on
// (mathjax, use_math, math) when it is true, else "".
func mathKey(site *source.Site) string {
	if site == nil {
		return ""
	}
	for _, k := range []string{"mathjax", "use_math", "math"} {
		if v, ok := site.Config[k].(bool); ok && v {
			return k
		}
	}
	return ""
}

// mathSummary says in a few words what a configuration means for the book.
func mathSummary(c source.MathConfig) string {
	var parts []string
	if c.InlineDollar {
		parts = append(parts, "$…$ is inline math")
	}
	if c.Gate != "" {
		parts = append(parts, "in posts where {% if "+c.Gate+" %} holds")
	}
	if c.Numbered {
		parts = append(parts, "equations are numbered")
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// templates reads the site's _includes and _layouts, where blogs load and
// configure MathJax.
func (l *loader) templates() map[string][]byte {
	out := map[string][]byte{}
	for _, dir := range []string{"_includes", "_layouts"} {
		root := l.box.join(l.files.root, dir)
		_ = l.box.Walk(root, func(p string, d fs.DirEntry) error {
			if d.IsDir() || len(out) >= maxTemplates {
				return nil
			}
			if !strings.HasSuffix(p, ".html") {
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > maxTemplateBytes {
				return nil
			}
			if data, err := l.box.ReadFile(p); err == nil {
				rel, _ := l.box.below(l.files.root, p)
				out[rel] = data
			}
			return nil
		})
	}
	return out
}

// parser returns the Markdown parser for a post: with single-dollar math
// where the manifest, else the site's MathJax, makes $…$ math for it; with
// references in running text (\eqref) where MathJax runs on it or the
// manifest asks for dollars.
func (l *loader) parserFor(post *source.Post) *markdown.Parser {
	var cfg map[string]any
	if l.book.Site != nil {
		cfg = l.book.Site.Config
	}
	site := l.book.Math.Site
	jax := site.On(post.Front, cfg)
	dollar := false
	switch l.m.Math.Inline {
	case manifest.InlineDollar:
		dollar = true
	case manifest.InlineAuto:
		dollar = site.InlineDollar && jax
	}
	switch {
	case dollar:
		return l.mdDollar
	case jax:
		return l.mdJax
	}
	return l.md
}

// ambiguities warns about $ … $ pairs the blog's MathJax set as math but
// the book keeps as text.
func ambiguities(j *job, src []byte, amb []markdown.Ambiguity) {
	for _, a := range amb {
		j.diags.Warnf(j.post.Pos(a.Start), "%q is text here, but MathJax on the blog set it as math: write \\$ for a dollar sign, or put the math right against its dollars ($x$) if it is math",
			string(src[a.Start:a.End+1]))
	}
}

// parseFormulas parses every formula of a post once, in order, with the
// post's own macros (a \newcommand applies to the formulas after it),
// numbers its equations and collects its labels. A formula that cannot be
// typeset is a warning at the exact place in the post.
func (l *loader) parseFormulas(j *job) {
	macros := l.book.Math.macros.Clone()
	src := j.post.Body
	j.math = map[ast.Node]*Formula{}
	j.labels = map[string]string{}
	number := 0
	type parsed struct {
		tree *texmath.Formula
		at   func(off int) int // the post offset of an offset in the TeX
	}
	var all []parsed
	unnumbered := map[string]bool{} // labels of equations without a number
	_ = ast.Walk(j.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var segs *text.Segments
		display := false
		switch m := n.(type) {
		case *markdown.MathInline:
			segs, display = m.Segments, m.Display
		case *markdown.MathBlock:
			segs, display = m.Lines(), true
		default:
			return ast.WalkContinue, nil
		}
		f := &Formula{Display: display}
		f.TeX = segmentsText(segs, src)
		pieces := segs.Sliced(0, segs.Len())
		at := func(off int) int { return markdown.SegmentsOffset(pieces, off) }
		tree, problems := texmath.Parse(f.TeX, display, macros)
		for _, p := range problems {
			j.diags.Warnf(j.post.Pos(at(p.Pos)), "math: %s; the formula's TeX is shown instead", p.Msg)
		}
		if tree != nil {
			for i := range tree.Equations {
				eq := &tree.Equations[i]
				if l.book.Math.Numbered && eq.Numbered && eq.Tag == nil {
					number++
					eq.Number = strconv.Itoa(number)
				}
				if eq.Label != "" {
					if _, dup := j.labels[eq.Label]; dup || unnumbered[eq.Label] {
						j.diags.Warnf(j.post.Pos(at(eq.LabelPos)), "math: label %s is used twice in this post", eq.Label)
					}
					if tag := equationTag(eq); tag != "" {
						j.labels[eq.Label] = tag
						delete(unnumbered, eq.Label)
					} else {
						unnumbered[eq.Label] = true
						delete(j.labels, eq.Label)
					}
				}
			}
		}
		f.Tree = tree
		j.math[n] = f
		if tree != nil {
			all = append(all, parsed{tree, at})
		}
		return ast.WalkSkipChildren, nil
	})
	// An \eqref may point forward, so labels are checked once all are known.
	for _, p := range all {
		for _, r := range p.tree.Refs() {
			switch _, ok := j.labels[r.Text]; {
			case ok:
			case unnumbered[r.Text]:
				j.diags.Warnf(j.post.Pos(p.at(r.Pos)), "math: the equation labelled %s has no number (equations are numbered only with math.numbering: ams, or a \\tag); the reference shows (??)", r.Text)
			default:
				j.diags.Warnf(j.post.Pos(p.at(r.Pos)), "math: no equation in this post has the label %s; the reference shows (??)", r.Text)
			}
		}
	}
}

// equationTag is what \eqref shows for an equation: its \tag, else its
// number.
func equationTag(eq *texmath.Equation) string {
	if eq.Tag != nil {
		return eq.Tag.Text
	}
	return eq.Number
}

// segmentsText is the text of segs in src.
func segmentsText(segs *text.Segments, src []byte) string {
	var b strings.Builder
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}
