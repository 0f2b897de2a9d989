// Package markdown turns the Markdown body of a Korean Jekyll post into a
// goldmark document tree. It is the one place in publish that configures
// goldmark: the parser options, the extensions, and the constructs of our own.
//
// The tree is goldmark's own (github.com/yuin/goldmark/ast) plus the node
// kinds declared here: [MathInline] and [MathBlock]. On top of CommonMark the
// parser understands
//
//   - GitHub Flavored Markdown: tables, strikethrough, autolinked URLs, task
//     lists; and footnotes;
//   - emphasis next to Korean, Chinese and Japanese text, following the
//     "CommonMark CJK-friendly Amendments" (tats-u/markdown-cjk-friendly,
//     specification.md), so that **"인용"**은 is bold;
//   - kramdown's tables without a separator line (| a | b | rows alone),
//     as tables without a header row;
//   - kramdown's attribute lists: a line {: .class #id key="value"} after a
//     block, {:.class} after an image or a link, {:toc}, {::options /},
//     {::comment}, and heading ids written as ## Title {#id};
//   - kramdown's math: $$…$$, \(…\), \[…\], and the doubled-backslash forms
//     \\(…\\) and \\[…\\] that kramdown users type;
//   - heading ids generated the way Jekyll's kramdown (GFM input) makes them;
//   - kramdown's definition lists and abbreviation definitions (removed),
//     \eqref and \ref in running text (as MathJax typesets them), HTML
//     blocks read through blank lines while a <style>, <script>, <pre> or
//     <table> in them is open (htmlblock.go), an italic line under an
//     image as its caption (caption.go), and, with Options.Emoji, jemoji's
//     shortcodes (emoji.go).
//
// Attributes set by attribute lists are stored with goldmark's
// Node.SetAttribute: names are strings turned to []byte, values are []byte.
// Classes accumulate in one "class" attribute separated by spaces.
//
// Soft line breaks are decided here, not by the renderers: a Text whose
// SoftLineBreak() is true ends with a line break that reads as a space. Where
// CSS Text 3 removes the break (between two wide characters neither of which
// is Hangul: 日本⏎語), the parser has already cleared the flag.
package markdown

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options select features. The zero value gives the defaults for Korean
// Jekyll posts: everything on.
type Options struct {
	// CommonMark limits the parser to plain CommonMark with the CJK-friendly
	// emphasis rules: no GFM, footnotes, kramdown syntax, math or heading
	// ids. It exists to check the emphasis rules against the CommonMark
	// specification, and for callers whose input is not Jekyll's.
	CommonMark bool

	// NoMath leaves $$…$$ and \(…\) as text, for posts about money or shell
	// scripts where dollar signs are not math.
	NoMath bool

	// InlineDollar reads $…$ as inline math, for sites whose MathJax
	// configuration makes single dollars math (see math_dollar.go for the
	// rules, which keep prices and shell variables as text).
	InlineDollar bool

	// Refs reads \eqref{label} and \ref{label} in running text as
	// formulas, as MathJax's processRefs does on the pages it runs on.
	Refs bool

	// DarkImages leaves out the Chirpy theme's dark-mode images
	// ({: .dark }), reported in Report.DarkImages (dark.go).
	DarkImages bool

	// Emoji turns GitHub's emoji shortcodes (:smile:) into emoji, as the
	// jemoji plugin does for sites that list it (emoji.go).
	Emoji bool

	// Typography, when not nil, turns quotes into curly ones and --, ---,
	// ..., << and >> into dashes, an ellipsis and guillemets, as kramdown
	// does (KramdownTypography reads a site's settings).
	Typography *Typography

	// goldmarkFootnotes leaves footnotes to goldmark's extension alone,
	// without the lookups that make it linear (footnote.go): the slow
	// reference that tests compare with.
	goldmarkFootnotes bool
}

// Parser parses Markdown into goldmark trees. It is safe for concurrent use.
type Parser struct {
	opt Options
	md  goldmark.Markdown
	// html is the renderer HTML uses, made on first use.
	html func() renderer.Renderer
}

// New returns a parser configured by opt.
func New(opt Options) *Parser {
	p := &Parser{opt: opt, md: newGoldmark(opt)}
	p.html = sync.OnceValue(func() renderer.Renderer { return p.HTMLRenderer() })
	return p
}

// HTML parses src and renders it as XHTML, raw HTML passed through
// (Jekyll's markdownify filter). The renderer is made once per parser.
func (p *Parser) HTML(src []byte) (string, error) {
	var b bytes.Buffer
	err := p.html().Render(&b, src, p.Parse(src))
	return b.String(), err
}

// Parse parses src and returns the document node. The tree refers to src
// through text segments: keep src alive and unchanged while the tree is used.
func (p *Parser) Parse(src []byte) ast.Node {
	doc, _ := p.ParseChecked(src)
	return doc
}

// Report is what ParseChecked found worth telling the author.
type Report struct {
	// Ambiguities are $ … $ pairs that MathJax would have set as math
	// but the parser kept as text (with InlineDollar).
	Ambiguities []Ambiguity
	// Dropped are lines left out because they pass the parser's limits
	// (limits.go).
	Dropped []Dropped
	// DarkImages are the dark-mode images left out (Options.DarkImages).
	DarkImages []DarkImage
}

// ParseChecked is Parse, and also reports what the caller should warn
// about. The tree's segments point into src even where a line was
// dropped.
func (p *Parser) ParseChecked(src []byte) (ast.Node, Report) {
	read, dropped := guard(src)
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := p.md.Parser().Parse(text.NewReader(read), parser.WithContext(ctx))
	amb, _ := ctx.Get(ambiguitiesKey).([]Ambiguity)
	dark, _ := ctx.Get(darkImagesKey).([]DarkImage)
	return doc, Report{Ambiguities: amb, Dropped: dropped, DarkImages: dark}
}

// ParseHTML reads an HTML post (Jekyll publishes _posts/*.html without
// converting them): a document holding the whole text as one HTML block,
// which the writers read as they read raw HTML in a Markdown post.
func ParseHTML(src []byte) ast.Node {
	doc := ast.NewDocument()
	b := ast.NewHTMLBlock(ast.HTMLBlockType7)
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		b.Lines().Append(text.NewSegment(start, end))
		start = end
	}
	if b.Lines().Len() > 0 {
		doc.AppendChild(doc, b)
	}
	return doc
}

// HTMLRenderer returns a renderer that writes XHTML for every node kind the
// parser produces. Raw HTML passes through unchanged: the caller sanitises.
// The extra node renderers take precedence over the built-in ones, so the
// EPUB writer can replace how any kind, ours or goldmark's, is written.
func (p *Parser) HTMLRenderer(extra ...renderer.NodeRenderer) renderer.Renderer {
	// Priority 1000 is goldmark's own HTML renderer and 500 its extensions';
	// lower numbers register later and win, so extras get 100 and our math
	// renderer sits between them at 400.
	const extraPriority, mathPriority = 100, 400
	nrs := []util.PrioritizedValue{util.Prioritized(mathHTMLRenderer{}, mathPriority)}
	for _, nr := range extra {
		nrs = append(nrs, util.Prioritized(nr, extraPriority))
	}
	md := newGoldmark(p.opt, goldmark.WithRendererOptions(renderer.WithNodeRenderers(nrs...)))
	return md.Renderer()
}

// newGoldmark builds the goldmark configuration for opt. Extra options go
// last, after ours.
func newGoldmark(opt Options, extra ...goldmark.Option) goldmark.Markdown {
	po := []parser.Option{
		parser.WithBlockParsers(blockParsers(opt)...),
		parser.WithInlineParsers(inlineParsers(opt)...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithASTTransformers(util.Prioritized(softBreakTransformer{}, softBreakPriority)),
	}
	var exts []goldmark.Extender
	if !opt.CommonMark {
		po = append(po, jekyllParserOptions(opt)...)
		exts = append(exts, extension.GFM, extension.Footnote, extension.DefinitionList)
	}
	options := []goldmark.Option{
		goldmark.WithParser(parser.NewParser(po...)),
		goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe()),
		goldmark.WithExtensions(exts...),
	}
	return goldmark.New(append(options, extra...)...)
}

// blockParsers returns goldmark's block parsers, with its HTML block
// parser wrapped (htmlblock.go) unless the parser is plain CommonMark.
func blockParsers(opt Options) []util.PrioritizedValue {
	var bps []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		if v.Value == parser.NewHTMLBlockParser() && !opt.CommonMark {
			v.Value = htmlBlockParser{parser.NewHTMLBlockParser()}
		}
		bps = append(bps, v)
	}
	return bps
}

// inlineParsers returns goldmark's inline parsers with its emphasis parser
// replaced by ours.
func inlineParsers(opt Options) []util.PrioritizedValue {
	var ips []util.PrioritizedValue
	for _, v := range parser.DefaultInlineParsers() {
		if v.Value == parser.NewEmphasisParser() {
			v.Value = newEmphasisParser()
		}
		ips = append(ips, v)
	}
	if !opt.CommonMark && !opt.NoMath {
		// No other inline parser triggers on '$' or '\\', so the priority
		// only places math among the defaults (code spans 100, links 200);
		// single dollars come after $$.
		const mathPriority, dollarPriority = 150, 151
		ips = append(ips, util.Prioritized(mathInlineParser{refs: opt.Refs}, mathPriority))
		if opt.InlineDollar {
			ips = append(ips, util.Prioritized(dollarParser{}, dollarPriority))
		}
	}
	if !opt.CommonMark && opt.Emoji {
		// No other inline parser triggers on ':' (autolinks start at '<';
		// linkify takes a bare URL, colons and all, at the white space
		// or line head before it).
		const emojiPriority = 800
		ips = append(ips, util.Prioritized(emojiParser{}, emojiPriority))
	}
	if !opt.CommonMark && opt.Typography != nil {
		// After raw HTML and autolinks, which also start with '<'.
		const typographyPriority = 900
		ips = append(ips, util.Prioritized(typographyParser{opt.Typography}, typographyPriority))
	}
	return ips
}

// jekyllParserOptions are the parser options beyond CommonMark: kramdown
// syntax, math and heading ids.
func jekyllParserOptions(opt Options) []parser.Option {
	// The span attribute parser runs after links (200) have closed, which
	// happens at ']' and ')', long before the '{' it triggers on.
	const spanIALPriority = 600
	po := []parser.Option{
		parser.WithHeadingAttribute(),
		parser.WithParagraphTransformers(util.Prioritized(pipeTableTransformer{}, pipeTablePriority)),
		parser.WithBlockParsers(util.Prioritized(ialBlockParser{}, ialBlockPriority), util.Prioritized(markdownAttrParser{}, markdownAttrPriority),
			util.Prioritized(abbrBlockParser{}, abbrPriority)),
		parser.WithInlineParsers(util.Prioritized(spanIALParser{}, spanIALPriority)),
		parser.WithASTTransformers(
			util.Prioritized(kramdownTransformer{}, kramdownPriority),
			util.Prioritized(captionTransformer{}, captionPriority),
			util.Prioritized(headingIDTransformer{}, headingIDPriority),
		),
	}
	if opt.DarkImages {
		po = append(po, parser.WithASTTransformers(util.Prioritized(darkTransformer{}, darkPriority)))
	}
	if !opt.NoMath {
		po = append(po, parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, mathBlockPriority)))
	}
	if !opt.goldmarkFootnotes {
		po = append(po,
			parser.WithInlineParsers(util.Prioritized(footnoteLookup{}, footnoteLookupPriority)),
			parser.WithASTTransformers(util.Prioritized(footnoteOrder{}, footnoteOrderPriority)))
	}
	return po
}

// Priorities of our block parsers and tree transformers. goldmark runs block
// parsers that share a trigger character in ascending order, and transformers
// in ascending order.
const (
	// ialBlockPriority runs the attribute-list line parser before the
	// paragraph parser (1000), which would otherwise take the line.
	ialBlockPriority = 950
	// mathBlockPriority runs before the paragraph parser for the same reason.
	mathBlockPriority = 960
	// kramdownPriority applies attribute lists first, because they may set
	// heading ids that the id generator must respect.
	kramdownPriority = 100
	// headingIDPriority generates heading ids after attribute lists.
	headingIDPriority = 200
	// softBreakPriority runs last: removing nodes above may join texts.
	softBreakPriority = 900
)
