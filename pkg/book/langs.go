package book

import (
	"sort"
	"strings"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/yuin/goldmark/ast"
)

// Multilingual posts. Some blogs write each post in several languages,
// each in a block of raw HTML marked with its language, which a script on
// the blog shows one at a time:
//
//	<section class="post-translation" data-lang="ko" markdown="1">
//	…
//	</section>
//
// A book is in one language: when a post has such sections for more than
// one language, the sections of the book's languages (the manifest's
// language, or its languages list) are kept and the others left out, with
// a note.

// langSection is a run of top-level blocks that a marked opening tag
// starts and its closing tag ends.
type langSection struct {
	lang  string
	nodes []ast.Node
}

// filterLanguages removes from doc the language sections of languages
// the book does not keep, when the post has sections in more than one
// language, and reports what it kept and left out.
func (l *loader) filterLanguages(j *job) {
	sections := langSections(j.doc, j.post.Body)
	langs := map[string]bool{}
	for _, s := range sections {
		langs[s.lang] = true
	}
	if len(langs) < 2 {
		return
	}
	var kept, dropped []string
	for _, s := range sections {
		if l.keepsLanguage(s.lang) {
			kept = appendOnce(kept, s.lang)
			continue
		}
		dropped = appendOnce(dropped, s.lang)
		for _, n := range s.nodes {
			n.Parent().RemoveChild(n.Parent(), n)
		}
	}
	sort.Strings(kept)
	sort.Strings(dropped)
	if len(kept) == 0 {
		kept = []string{"none"}
	}
	j.diags.Notef(j.post.Pos(0), "the post has sections in %d languages: kept %s, left out %s (the book's languages: %s)",
		len(langs), strings.Join(kept, ", "), strings.Join(dropped, ", "), strings.Join(l.bookLanguages(), ", "))
}

// bookLanguages are the languages whose sections a book keeps.
func (l *loader) bookLanguages() []string {
	if len(l.m.Languages) > 0 {
		return l.m.Languages
	}
	return []string{l.m.Language}
}

// keepsLanguage reports whether the book keeps a section in lang: the
// primary subtags match (ko keeps ko-KR).
func (l *loader) keepsLanguage(lang string) bool {
	for _, keep := range l.bookLanguages() {
		if primaryTag(keep) == primaryTag(lang) {
			return true
		}
	}
	return false
}

func primaryTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// langSections finds the language sections among the top-level blocks of
// doc: an HTML block whose first tag carries data-lang or lang, up to the
// block that closes that tag (the same block when it holds both).
func langSections(doc ast.Node, src []byte) []langSection {
	var out []langSection
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		raw, ok := markdown.RawHTML(n, src)
		if !ok {
			continue
		}
		tag, lang := openingLang(raw)
		if lang == "" {
			continue
		}
		s := langSection{lang: lang, nodes: []ast.Node{n}}
		closer := "</" + tag
		if !strings.Contains(strings.ToLower(raw), closer) {
			for m := n.NextSibling(); m != nil; m = m.NextSibling() {
				s.nodes = append(s.nodes, m)
				if r, ok := markdown.RawHTML(m, src); ok && strings.Contains(strings.ToLower(r), closer) {
					break
				}
			}
		}
		out = append(out, s)
		n = s.nodes[len(s.nodes)-1]
	}
	return out
}

// openingLang returns the first tag of raw HTML and its data-lang or lang
// attribute; "" when it has neither.
func openingLang(raw string) (tag, lang string) {
	for t := range markdown.StartTags(raw) {
		for _, a := range t.Attr {
			if a.Key == "data-lang" || a.Key == "lang" {
				return t.Data, strings.TrimSpace(a.Val)
			}
		}
		return t.Data, ""
	}
	return "", ""
}
