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
