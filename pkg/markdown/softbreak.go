package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// softBreakTransformer decides, once for every renderer, whether a soft line
// break reads as a space. It clears SoftLineBreak where CSS Text Module
// Level 3, §4.1.2 "Segment Break Transformation Rules", removes the break:
//
//  1. next to U+200B ZERO WIDTH SPACE;
//  2. between two characters whose East Asian Width is F, W or H, when
//     neither is Hangul (日本⏎語 joins, 맥북프로⏎던짐 keeps its space).
//
// goldmark's own EastAsianLineBreaksCSS3Draft renderer option was not used:
// in v1.8.7 it also drops the break after any punctuation, gluing
// "끝났다.⏎다음" into "끝났다.다음" (and "end.⏎next" into "end.next").
type softBreakTransformer struct{}

// Transform implements parser.ASTTransformer.
func (softBreakTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if entering && ok && t.SoftLineBreak() && !breakIsSpace(lastRune(t, src), firstRuneAfter(t, src)) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
}

// breakIsSpace applies the two rules above to the characters either side of a
// soft line break; utf8.RuneError stands for "no character" and keeps the
// space.
func breakIsSpace(before, after rune) bool {
	if before == utf8.RuneError || after == utf8.RuneError {
		return true
	}
	if before == '\u200b' || after == '\u200b' {
		return false
	}
	if !IsWide(before) || !IsWide(after) {
		return true
	}
	return unicode.Is(unicode.Hangul, before) || unicode.Is(unicode.Hangul, after)
}

// IsWide reports whether r's East Asian Width (UAX #11) is F, W or H: the
// characters between which a soft line break is dropped (CSS Text 3) and
// a line may break without a space (UAX #14's ideographic classes). It is
// the one East Asian width predicate of publish.
func IsWide(r rune) bool {
	switch util.EastAsianWidth(r) {
	case "F", "W", "H":
		return true
	}
	return false
}

// lastRune returns the last character of t's text or, when t is empty (as
// after **강조**), of the inline content before it in its block.
func lastRune(t *ast.Text, src []byte) rune {
	if r, _ := utf8.DecodeLastRune(t.Segment.Value(src)); r != utf8.RuneError {
		return r
	}
	for n := ast.Node(t); n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if r := edgeRune(s, src, true); r != utf8.RuneError {
				return r
			}
		}
	}
	return utf8.RuneError
}

// firstRuneAfter returns the first character of the inline content that
// follows n in its block, or utf8.RuneError if there is none.
func firstRuneAfter(n ast.Node, src []byte) rune {
	for ; n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if r := edgeRune(s, src, false); r != utf8.RuneError {
				return r
			}
		}
	}
	return utf8.RuneError
}

// edgeRune returns the first (or, if last is set, the last) character of
// n's text, looking into its children, or utf8.RuneError if it has none.
func edgeRune(n ast.Node, src []byte, last bool) rune {
	decode := utf8.DecodeRune
	if last {
		decode = utf8.DecodeLastRune
	}
	switch n := n.(type) {
	case *ast.Text:
		r, _ := decode(n.Segment.Value(src))
		return r
	case *ast.String:
		r, _ := decode(n.Value)
		return r
	case *MathInline:
		// TeX reads like Latin text: a break next to it stays a space.
		return 'x'
	}
	c, next := n.FirstChild(), ast.Node.NextSibling
	if last {
		c, next = n.LastChild(), ast.Node.PreviousSibling
	}
	for ; c != nil; c = next(c) {
		if r := edgeRune(c, src, last); r != utf8.RuneError {
			return r
		}
	}
	return utf8.RuneError
}
