package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/hangul-press/publish/pkg/markdown"
	"github.com/hangul-press/publish/pkg/uri"
	"github.com/osteele/liquid/values"
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
			m := "default"
			if len(mode) > 0 && str(mode[0]) != "" {
				m = str(mode[0])
			}
			return strings.ToLower(slugify(str(in), m))
		},
		"xml_escape":               xmlEscape,
		"cgi_escape":               func(in any) string { return url.QueryEscape(str(in)) },
		"uri_escape":               func(in any) string { return uri.Escape(str(in)) },
		"normalize_whitespace":     func(in any) string { return strings.Join(strings.Fields(str(in)), " ") },
		"number_of_words":          numberOfWords,
		"jsonify":                  jsonify,
		"array_to_sentence_string": arrayToSentence,
		"date_to_xmlschema":        ev.dateLayout(time.RFC3339, false),
		"date_to_rfc822":           ev.dateLayout(time.RFC1123Z, false),
		"date_to_string":           ev.dateLayout("Jan", true),
		"date_to_long_string":      ev.dateLayout("January", true),
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
	return markdownParser.HTML([]byte(str(in)))
}

// xmlEscape is Jekyll's xml_escape: the five characters XML reserves.
func xmlEscape(in any) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(str(in))
}

// jsonify writes a value as JSON, as Ruby's to_json does: "<" and "&"
// as they are, dates as Ruby writes them, maps with keys of any type
// (their keys in sorted order: YAML's order is not kept), ranges as their
// text ("1..3").
func jsonify(in any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonValue(in, 0)); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// maxJSONDepth bounds how deep jsonValue follows nested values (front
// matter may nest deeply; sizeOf has charged for them already).
const maxJSONDepth = 64

// jsonValue converts a Liquid value for encoding/json.
func jsonValue(v any, depth int) any {
	if depth > maxJSONDepth {
		return nil
	}
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02 15:04:05 -0700")
	case values.Range:
		// Ruby writes a range as its text: "1..3"
		first, _ := v.Index(0).(int)
		return fmt.Sprintf("%d..%d", first, first+v.Len()-1)
	case sortedMap:
		return jsonValue(map[string]any(v), depth)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = jsonValue(x, depth+1)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[fmt.Sprint(k)] = jsonValue(x, depth+1)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonValue(x, depth+1)
		}
		return out
	case []string:
		return v
	}
	return v
}

// list is a filter's input as a list: a Liquid list of any element type.
func list(in any) []string {
	rv := reflect.ValueOf(in)
	if in == nil || rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil
	}
	out := make([]string, rv.Len())
	for i := range out {
		out[i] = str(rv.Index(i).Interface())
	}
	return out
}

// arrayToSentence joins a list as Jekyll's array_to_sentence_string does:
// "a, b, and c", "a and b"; the connector may be given ("그리고").
func arrayToSentence(in any, args ...any) string {
	words := list(in)
	connector := "and"
	if len(args) > 0 {
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

// numberOfWords is Jekyll's number_of_words: words between white space;
// in mode "cjk" each Han, kana or Hangul character counts as a word of its
// own, and in "auto" so when the text holds any.
func numberOfWords(in any, mode ...any) int {
	s := str(in)
	m := ""
	if len(mode) > 0 {
		m = str(mode[0])
	}
	if m != "cjk" && m != "auto" {
		return len(strings.Fields(s))
	}
	cjk := 0
	rest := strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			cjk++
			return ' '
		}
		return r
	}, s)
	if cjk == 0 && m == "auto" {
		return len(strings.Fields(s))
	}
	return cjk + len(strings.Fields(rest))
}

// dateLayout makes a Jekyll date filter that writes a date in a Go
// layout, reading its input as date does (a time, a Unix time, a date
// string, in the site's zone). With day, the layout is the month's name
// and the day and year are placed as Jekyll's date_to_string and
// date_to_long_string do: "07 Nov 2008", or with "ordinal" "7th Nov 2008",
// and with "ordinal", "US" "Nov 7th, 2008".
func (ev *evaluator) dateLayout(layout string, day bool) func(in any, args ...any) (any, error) {
	return func(in any, args ...any) (any, error) {
		t, ok, err := ev.timeOf(in)
		if err != nil || !ok {
			return in, err
		}
		if !day {
			return t.Format(layout), nil
		}
		month := t.Format(layout)
		ordinal := len(args) > 0 && str(args[0]) == "ordinal"
		us := len(args) > 1 && str(args[1]) == "US"
		switch {
		case ordinal && us:
			return fmt.Sprintf("%s %s, %d", month, ordinalDay(t.Day()), t.Year()), nil
		case ordinal:
			return fmt.Sprintf("%s %s %d", ordinalDay(t.Day()), month, t.Year()), nil
		}
		return fmt.Sprintf("%02d %s %d", t.Day(), month, t.Year()), nil
	}
}

// ordinalDay writes a day of the month as an English ordinal: 1st, 22nd.
func ordinalDay(d int) string {
	suffix := "th"
	if d < 11 || d > 13 {
		switch d % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", d, suffix)
}
