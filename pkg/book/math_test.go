package book

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// formulas lists a chapter's formulas as "tex" (or "!tex" when it could
// not be typeset), in order.
func formulas(c *Chapter) []string {
	var out []string
	_ = ast.Walk(c.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := c.Math[n]; f != nil && entering {
			s := f.TeX
			if f.Tree == nil {
				s = "!" + s
			}
			out = append(out, s)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Issue 10: $…$ is math where the blog's MathJax made it math: the site's
// configuration loads MathJax on posts with use_math, reading single
// dollars; other posts keep their dollars as text; a formula that cannot
// be typeset is a warning at its place; macros and labels follow the post.
func TestMathFollowsTheSiteIssue10(t *testing.T) {
	f := newFixture(t)
	f.write("site/_includes/mathjax.html", `<script>MathJax = {tex: {inlineMath: [['$','$']], tags: 'ams', macros: {RR: "\\mathbb{R}"}}};</script>
<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js"></script>`)
	f.write("site/_layouts/post.html", "{% if page.use_math %}{% include mathjax.html %}{% endif %}{{ content }}")
	f.write("site/_posts/2020-01-01-math.md", "---\ntitle: 수식\nuse_math: true\n---\n"+
		"$x \\in \\RR^n$이고 $5와 $10 사이.\n\n$$\n\\begin{equation}\\label{eq:a} a = b \\end{equation}\n$$\n\n"+
		"식 $\\eqref{eq:a}$ 참고, 틀린 식 $\\frac{1}{$ 끝.\n")
	f.write("site/_posts/2020-01-02-money.md", "---\ntitle: 가계부\n---\n$5와 $10, 그리고 $x$는 그냥 글.\n")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	got := messages(ds)
	math, money := b.Chapters()[0], b.Chapters()[1]
	if fs := formulas(math); len(fs) != 4 || fs[0] != `x \in \RR^n` {
		t.Errorf("math post formulas %q, want 4 starting with x \\in \\RR^n", fs)
	}
	if fs := formulas(money); len(fs) != 0 {
		t.Errorf("a post without use_math has formulas %q", fs)
	}
	for _, want := range []string{
		"book.yaml: note: math: the site's MathJax configuration is in _includes/mathjax.html: $…$ is inline math, in posts where {% if page.use_math %} holds, equations are numbered",
		`site/_posts/2020-01-01-math.md:5:17: warning: "$5와 $" is text here, but MathJax on the blog set it as math`,
		"site/_posts/2020-01-01-math.md:11:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if n, ok := math.Ref("eq:a"); !ok || n != "1" {
		t.Errorf(`\eqref{eq:a} shows %q, %v; want "1"`, n, ok)
	}
	var broken int
	for _, s := range formulas(math) {
		if strings.HasPrefix(s, "!") {
			broken++
		}
	}
	if broken != 1 {
		t.Errorf("%d formulas not typeset, want 1 (the unbalanced one): %q", broken, formulas(math))
	}
}

// Issue 10: an \eqref to a label no equation of the post has is a warning
// at the reference (a forward reference to a label further on is not),
// and the reference shows (??) as LaTeX prints it.
func TestUnknownEquationLabelIssue10(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-refs.md", "---\ntitle: 참조\n---\n"+
		"앞의 식 $$\\eqref{eq:later}$$ 과 없는 식 $$\\eqref{eq:none}$$.\n\n"+
		"$$\n\\begin{equation}\\label{eq:later} a = b \\tag{가} \\end{equation}\n$$\n")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	got := messages(ds)
	if want := "site/_posts/2020-01-01-refs.md:4:36: warning: math: no equation in this post has the label eq:none"; !strings.Contains(got, want) {
		t.Errorf("missing %q in:\n%s", want, got)
	}
	if strings.Contains(got, "eq:later") {
		t.Errorf("a forward reference is reported:\n%s", got)
	}
	if _, ok := b.Chapters()[0].Ref("eq:none"); ok {
		t.Error("an unknown label resolves")
	}
}

// Issue 10: a heading's text (the table of contents, the bookmarks, the
// EPUB's navigation) shows its formulas as text a reader can read, not as
// TeX; its id stays the one kramdown makes from the TeX.
func TestFormulaInHeadingTextIssue10(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-h.md", "---\ntitle: 제목\n---\n## 정리 $$\\nabla f = 0$$ 의 조건\n\n## $$x^2 + \\frac{1}{n}$$\n")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	hs := b.Chapters()[0].Headings
	if len(hs) != 2 || hs[0].Text != "정리 ∇f = 0 의 조건" || hs[1].Text != "x² + 1/n" {
		t.Fatalf("headings %+v", hs)
	}
	if hs[0].ID != "정리-nabla-f--0-의-조건" {
		t.Errorf("id %q", hs[0].ID)
	}
}

// Issue 10: \begin{…}…\end{…} written without dollars is math, as MathJax's
// processEnvironments makes it on the blog: alone in its paragraph and
// inside one. An \eqref to a labelled equation that has no number (the
// site does not number equations) is a warning and shows (??), not ().
func TestBareEnvironmentsIssue10(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-env.md", "---\ntitle: 환경\n---\n"+
		"\\begin{align}\nf &= x^2 \\label{eq:f} \\\\\ng &= 1\n\\end{align}\n\n"+
		"글 \\begin{equation*} a = b \\end{equation*} 과 식 $$\\eqref{eq:f}$$.\n")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	c := b.Chapters()[0]
	fs := formulas(c)
	if len(fs) != 3 || !strings.HasPrefix(fs[0], `\begin{align}`) || !strings.HasSuffix(fs[0], `\end{align}`) || fs[1] != `\begin{equation*} a = b \end{equation*}` {
		t.Fatalf("formulas %q", fs)
	}
	got := messages(ds)
	if want := "site/_posts/2020-01-01-env.md:9:49: warning: math: the equation labelled eq:f has no number"; !strings.Contains(got, want) {
		t.Errorf("missing %q in:\n%s", want, got)
	}
	if _, ok := c.Ref("eq:f"); ok {
		t.Error("an unnumbered equation's label resolves")
	}
}

// Issue 10: a site whose _config.yml turns MathJax on (mathjax: true) but
// whose MathJax configuration is in a theme gem, not in the site, gets a
// note saying $…$ stays text and how to change that, not silence.
func TestMathJaxOnlyInConfigIssue10(t *testing.T) {
	f := newFixture(t)
	f.write("site/_config.yml", "mathjax: true\n")
	f.write("site/_posts/2020-01-01-a.md", "---\ntitle: 가\n---\n$x$는 글.\n")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	if want := "note: math: the site's _config.yml says mathjax: true, but its MathJax configuration is not in the site"; !strings.Contains(messages(ds), want) {
		t.Errorf("missing %q in:\n%s", want, messages(ds))
	}
	if fs := formulas(b.Chapters()[0]); len(fs) != 0 {
		t.Errorf("formulas %q", fs)
	}
}
