package source

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// postNameRE is Jekyll's post file name: a date with 2-4 digit year and
// 1-2 digit month and day, a dash, then the title part.
var postNameRE = regexp.MustCompile(`^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$`)

// ParseFileName takes the date and slug from a Jekyll post file name such
// as "2019-07-23-get-a-job.md" or "2019-7-3-x.md" (any folder is ignored).
// ok is false when the name does not start with a valid date.
func ParseFileName(name string) (date time.Time, slug string, ok bool) {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	m := postNameRE.FindStringSubmatch(base)
	if m == nil {
		return time.Time{}, "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	date = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if date.Year() != y || int(date.Month()) != mo || date.Day() != d {
		return time.Time{}, "", false // 2019-02-30 would silently roll over
	}
	return date, m[4], true
}

// IsPostFile reports whether a file is a post as Jekyll reads posts. rel
// is the file's slash-separated path relative to the site root. Jekyll
// reads posts from every folder named _posts: at the root and below
// category folders (blog/_posts), but not below folders whose names start
// with '_' or '.' (a theme's _includes, _site), and within _posts from
// sub-folders too (_posts/2020/x.md), except entries whose first folder
// or file name starts with '.', '_', '#' or '~' (a theme's
// _posts/_example demo posts), backup files ending in '~', and anything in
// a hidden folder. A post's file name starts with its date
// (2020-01-05-title.md) and it is Markdown (.md or .markdown) or HTML
// (.html, .htm), which Jekyll publishes without converting.
func IsPostFile(rel string) bool {
	parts := strings.Split(rel, "/")
	at := -1
	for i, p := range parts[:len(parts)-1] {
		if p == "_posts" {
			at = i
			break
		}
		if specialName(p) {
			return false // a folder Jekyll does not read
		}
	}
	if at < 0 {
		return false
	}
	inside := parts[at+1:]
	name := inside[len(inside)-1]
	if specialName(inside[0]) || specialName(name) || strings.HasSuffix(name, "~") {
		return false
	}
	for _, p := range inside {
		if strings.HasPrefix(p, ".") {
			return false // hidden: Jekyll's glob does not see it
		}
	}
	_, _, dated := ParseFileName(name)
	return dated && IsPostText(name)
}

// specialName reports whether Jekyll's entry filter leaves a name out.
func specialName(name string) bool {
	return name != "" && strings.ContainsRune("._#~", rune(name[0]))
}

// IsPostText reports whether a file name has an extension a post or
// chapter may have: Markdown's or HTML's.
func IsPostText(name string) bool { return IsMarkdown(name) || IsHTML(name) }

// IsHTML reports whether a file name is an HTML post's (.html, .htm):
// Jekyll runs its Liquid but not the Markdown converter.
func IsHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// IsMarkdown reports whether a file name has one of the Markdown
// extensions publish reads (Jekyll's default markdown_ext includes more,
// such as .mkd, which blogs do not use).
func IsMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}
