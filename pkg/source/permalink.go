package source

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// permalinkStyles are Jekyll's built-in permalink styles.
var permalinkStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// placeholderRE matches a :name placeholder in a permalink template.
var placeholderRE = regexp.MustCompile(`:[a-z_]+`)

// PermalinkOf returns the post's URL path as Jekyll makes it, with the
// base URL in front, e.g. /blog/2019/07/23/get-a-job.html. A post's own
// permalink front matter wins over the site's style. Each placeholder's
// value is percent-encoded as Jekyll's URL.escape_path does (a category
// "machine learning" is machine%20learning, Hangul its UTF-8 bytes), so
// the URL is valid in a Markdown link. A nil site means Jekyll's defaults.
func (s *Site) PermalinkOf(p *Post) string {
	tmpl, base := "date", ""
	if s != nil {
		tmpl, base = s.Permalink, s.BaseURL
	}
	if !p.HasDate {
		tmpl = "none" // no date to put in the URL
	}
	if own := frontString(p.Front["permalink"]); own != "" {
		tmpl = own
	}
	if style, ok := permalinkStyles[tmpl]; ok {
		tmpl = style
	}
	values := p.urlPlaceholders()
	url := placeholderRE.ReplaceAllStringFunc(tmpl, func(ph string) string {
		if v, ok := values[ph[1:]]; ok {
			return escapePath(v)
		}
		return ph
	})
	return strings.TrimSuffix(base, "/") + sanitizeURL(url)
}

// sanitizeURL does what Jekyll's URL#sanitize_url does: a leading slash,
// no "..", no "./", no doubled slashes.
func sanitizeURL(u string) string {
	u = strings.ReplaceAll("/"+u, "..", "/")
	u = strings.ReplaceAll(u, "./", "")
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	return u
}

// urlPlaceholders gives the value of every permalink placeholder.
func (p *Post) urlPlaceholders() map[string]string {
	d := p.Date
	_, week := d.ISOWeek()
	return map[string]string{
		"year": fmt.Sprintf("%04d", d.Year()), "short_year": fmt.Sprintf("%02d", d.Year()%100),
		"month": fmt.Sprintf("%02d", d.Month()), "i_month": fmt.Sprint(int(d.Month())),
		"short_month": d.Format("Jan"), "long_month": d.Format("January"),
		"day": fmt.Sprintf("%02d", d.Day()), "i_day": fmt.Sprint(d.Day()),
		"y_day": fmt.Sprintf("%03d", d.YearDay()), "week": fmt.Sprintf("%02d", week),
		"short_day": d.Format("Mon"), "long_day": d.Format("Monday"),
		"hour": fmt.Sprintf("%02d", d.Hour()), "minute": fmt.Sprintf("%02d", d.Minute()),
		"second": fmt.Sprintf("%02d", d.Second()),
		"title":  slugify(p.Slug, "pretty"), "slug": slugify(p.Slug, "default"),
		"name": slugify(p.Slug, "default"), "categories": categoryPath(p.Categories),
		"output_ext": ".html",
	}
}

// categoryPath joins the categories as Jekyll's :categories does:
// lower-cased, duplicates dropped, joined by slashes.
func categoryPath(cats []string) string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cats {
		c = strings.ToLower(c)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return strings.Join(out, "/")
}

// slugify follows Jekyll's Utils.slugify in its modes. "pretty" (for
// :title) keeps case and the characters ._~!$&'()+,;=@; "default" (for
// :slug, and the filter's default) lower-cases and keeps only letters and
// digits; Hangul counts as letters in both, as in Ruby's [[:alnum:]].
// "raw" only joins runs of white space with hyphens; "ascii" and "latin"
// keep ASCII letters and digits only (Jekyll's latin first transliterates
// accented Latin letters, which is not done here); "none" changes
// nothing. Every mode but pretty lower-cases, as the filter does.
func slugify(s, mode string) string {
	keep := func(r rune) bool {
		switch mode {
		case "raw":
			return !unicode.IsSpace(r)
		case "ascii", "latin":
			return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
			mode == "pretty" && strings.ContainsRune("._~!$&'()+,;=@", r)
	}
	switch mode {
	case "default", "pretty", "raw", "ascii", "latin":
	default:
		return s // "none", and modes Jekyll does not know
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		if keep(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if mode == "pretty" {
		return b.String()
	}
	return strings.ToLower(b.String())
}

// escapePath percent-encodes a URL path segment as Jekyll's
// URL.escape_path does (Addressable's encode_component with the segment
// characters and "/"): unreserved characters, sub-delimiters, ":", "@"
// and "/" stay, every other byte becomes %XX.
func escapePath(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if pathSafe(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// pathSafe reports the bytes a path segment keeps as they are (RFC 3986
// pchar without pct-encoded, and "/").
func pathSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}
