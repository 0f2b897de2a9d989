package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/uri"
)

// Jekyll's own filters, beside relative_url, absolute_url and date
// (filters.go, clock.go): what posts and the site's _includes use. Each is
// metered like the library's (registerFilters). Their output is what
// Jekyll's gives for the same input, except markdownify, which renders
// with publish's Markdown (the post's text is read by it afterwards in any
// case) in its plain configuration.

// jekyllFilters are the filters by name, for registerFilters.
func (ev *evaluator) jekyllFilters() map[string]any {
	return map[string]any{
		"markdownify": markdownify,
		"slugify": func(in any, mode ...any) string { // permalink.go's; the filter lower-cases in every mode
			return strings.ToLower(slugify(str(in), len(mode) > 0 && str(mode[0]) == "pretty"))
		},
		"xml_escape":               xmlEscape,
		"cgi_escape":               func(in any) string { return url.QueryEscape(str(in)) },
		"uri_escape":               func(in any) string { return uri.Escape(str(in)) },
		"normalize_whitespace":     func(in any) string { return strings.Join(strings.Fields(str(in)), " ") },
		"number_of_words":          func(in any) int { return len(strings.Fields(str(in))) },
		"jsonify":                  jsonify,
		"array_to_sentence_string": arrayToSentence,
		"date_to_xmlschema":        ev.dateLayout(time.RFC3339),
		"date_to_rfc822":           ev.dateLayout(time.RFC1123Z),
		"date_to_string":           ev.dateLayout("02 Jan 2006"),
		"date_to_long_string":      ev.dateLayout("02 January 2006"),
	}
}

// str is a filter's input as text; nil is "".
func str(in any) string {
	if in == nil {
		return ""
	}
	if s, ok := in.(string); ok {
		return s
	}
	return fmt.Sprint(in)
}

// markdownParser renders markdownify's input.
var markdownParser = markdown.New(markdown.Options{})

// markdownify renders Markdown as HTML, as Jekyll's filter does (a
// paragraph comes in <p>).
func markdownify(in any) (string, error) {
	src := []byte(str(in))
	var b bytes.Buffer
	if err := markdownParser.HTMLRenderer().Render(&b, src, markdownParser.Parse(src)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// xmlEscape is Jekyll's xml_escape: the five characters XML reserves.
func xmlEscape(in any) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(str(in))
}

// jsonify writes a value as JSON.
func jsonify(in any) (string, error) {
	b, err := json.Marshal(in)
	return string(b), err
}

// arrayToSentence joins a list as Jekyll's array_to_sentence_string does:
// "a, b, and c", "a and b"; the connector may be given ("그리고").
func arrayToSentence(in any, args ...any) string {
	list, _ := in.([]any)
	words := make([]string, len(list))
	for i, v := range list {
		words[i] = str(v)
	}
	connector := "and"
	if len(args) > 0 && str(args[0]) != "" {
		connector = str(args[0])
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	case 2:
		return words[0] + " " + connector + " " + words[1]
	}
	return strings.Join(words[:len(words)-1], ", ") + ", " + connector + " " + words[len(words)-1]
}

// dateLayout makes a Jekyll date filter that writes a date in a Go
// layout, reading its input as date does (a time, a Unix time, a date
// string, in the site's zone).
func (ev *evaluator) dateLayout(layout string) func(in any) (any, error) {
	return func(in any) (any, error) {
		t, ok, err := ev.timeOf(in)
		if err != nil || !ok {
			return in, err
		}
		return t.Format(layout), nil
	}
}
