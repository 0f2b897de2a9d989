package source

import (
	"strings"
	"time"
)

// dateLayouts are the front-matter date forms that Jekyll (Ruby's
// Time.parse) accepts and authors write. A date without a zone is taken
// as UTC: we do not read the machine's zone, so output stays the same
// everywhere; the calendar date and clock time stay as written.
var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-1-2",
	"2006-1-2 15:04:05",
	"2006-1-2 15:04:05 -0700",
}

// parseDate reads a front-matter date from the text the author wrote.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
