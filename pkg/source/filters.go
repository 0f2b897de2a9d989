package source

import (
	"fmt"
	"regexp"
	"strings"
)

// schemeRE recognizes an absolute URL (one with a scheme), which Jekyll's
// URL filters leave alone.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*:`)

func (ev *evaluator) registerFilters() {
	ev.eng.RegisterFilter("relative_url", func(in any) any { return relativeURL(ev.site, in) })
	ev.eng.RegisterFilter("absolute_url", func(in any) any { return absoluteURL(ev.site, in) })
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
