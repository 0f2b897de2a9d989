package source

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/osteele/liquid/filters"
	"github.com/osteele/liquid/values"
)

// schemeRE recognizes an absolute URL (one with a scheme), which Jekyll's
// URL filters leave alone.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*:`)

// filterTable collects the Liquid library's standard filters by name.
type filterTable map[string]any

// AddFilter records one filter.
func (t filterTable) AddFilter(name string, fn any) { t[name] = fn }

// registerFilters defines every filter a post can use: the library's
// standard ones and Jekyll's that we support, each metered (see metered),
// and the meter that instrument puts after every {{ }}.
func (ev *evaluator) registerFilters() {
	ev.std = filterTable{}
	filters.AddStandardFilters(filterTable(ev.std))
	for name, fn := range ev.std {
		ev.cfg.AddFilter(name, ev.metered(name, fn))
	}
	ours := map[string]any{
		"relative_url": func(in any) any { return relativeURL(ev.site, in) },
		"absolute_url": func(in any) any { return absoluteURL(ev.site, in) },
		"date":         ev.dateFilter,
		"sample":       ev.sample,
		"shuffle":      ev.shuffle,
	}
	for name, fn := range ev.jekyllFilters() {
		ours[name] = fn
	}
	for name, fn := range ours {
		ev.cfg.AddFilter(name, ev.metered(name, fn))
	}
	ev.cfg.AddFilter(meterFilter, ev.meter)
}

// metered wraps a filter so that it takes from the post's budget the
// size of its inputs before it runs (and, for the filters that can give
// far more than they take, the size of the result as estimated by
// amplifiers), then the size of its result. The wrapper takes its
// arguments as the library evaluated them and converts them for fn the
// way the library would have; so a range such as (1..1000000000) is
// refused by its size before it is made into a list.
func (ev *evaluator) metered(name string, fn any) func(in any, args ...any) (any, error) {
	f := reflect.ValueOf(fn)
	estimate := amplifiers[name]
	return func(in any, args ...any) (any, error) {
		all := append([]any{in}, args...)
		cost := int64(0)
		for _, a := range all {
			cost += sizeOf(a, ev.left.bytes)
		}
		if estimate != nil {
			cost += estimate(all)
		}
		if err := ev.charge(cost); err != nil {
			return nil, err
		}
		out, err := values.Call(f, all)
		if err != nil {
			return nil, err
		}
		return out, ev.charge(sizeOf(out, ev.left.bytes))
	}
}

// meter is the filter that ends every {{ }}: it takes the size of what
// the object prints from the budget.
func (ev *evaluator) meter(v any) (any, error) {
	if r, ok := v.(values.Range); ok {
		return v, ev.charge(int64(len(fmt.Sprint(r)))) // printed as {1 10}
	}
	return v, ev.charge(sizeOf(v, ev.left.bytes))
}

// amplifiers estimate, before the filter runs, the size of results that
// can be far larger than the inputs: replace multiplies, join repeats
// its separator, split makes an element of every piece.
var amplifiers = map[string]func(args []any) int64{
	"replace": func(a []any) int64 {
		return int64(occurrences(argString(a, 0), argString(a, 1))) * int64(len(argString(a, 2)))
	},
	"join": func(a []any) int64 {
		sep := " "
		if len(a) > 1 {
			sep = argString(a, 1)
		}
		return int64(values.Length(a[0])) * int64(len(sep)+elementSize)
	},
	"split": func(a []any) int64 {
		return int64(occurrences(argString(a, 0), argString(a, 1))) * elementSize
	},
}

// argString is argument i as the library would convert it to a string.
func argString(a []any, i int) string {
	if i >= len(a) {
		return ""
	}
	return str(a[i])
}

// occurrences counts the places where sep matches in s: between every
// character when sep is empty.
func occurrences(s, sep string) int {
	if sep == "" {
		return utf8.RuneCountInString(s) + 1
	}
	return strings.Count(s, sep)
}

// relativeURL is Jekyll's relative_url: the base URL, then the input with
// a leading slash.
func relativeURL(s *Site, in any) any {
	if in == nil {
		return nil
	}
	str := fmt.Sprint(in)
	if schemeRE.MatchString(str) {
		return str
	}
	base := ""
	if s != nil {
		base = strings.TrimSuffix(s.BaseURL, "/")
	}
	return leadingSlash(base) + leadingSlash(str)
}

// absoluteURL is Jekyll's absolute_url: site.url, then relative_url.
func absoluteURL(s *Site, in any) any {
	rel := relativeURL(s, in)
	str, ok := rel.(string)
	if !ok || schemeRE.MatchString(str) || s == nil || s.URL == "" {
		return rel
	}
	return strings.TrimSuffix(s.URL, "/") + str
}

func leadingSlash(s string) string {
	if s == "" || strings.HasPrefix(s, "/") {
		return s
	}
	return "/" + s
}
