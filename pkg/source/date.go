package source

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the front-matter date forms that Jekyll (Ruby's
// Time.parse) accepts and authors write. A date without a zone is in the
// site's time zone (_config.yml's timezone, else UTC), as in Jekyll; the
// machine's zone is never used, so output stays the same everywhere.
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

// parseDate reads a front-matter date from the text the author wrote; a
// date without a zone is taken in loc.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Dates must lie in years 1 to 9999, both as written and in UTC: EPUB
// (W3CDTF, ISO 8601 without expansion) and PDF (D:YYYYMMDD…) dates have
// four-digit years, and both outputs state dates in UTC somewhere, so
// 9999-12-31 23:00 -0500 (10000-01-01 in UTC) is refused too.
const (
	minYear = 1
	maxYear = 9999
)

// checkDateRange returns an error when t lies outside the years books can
// state.
func checkDateRange(t time.Time) error {
	for _, y := range []int{t.Year(), t.UTC().Year()} {
		if y < minYear || y > maxYear {
			return fmt.Errorf("lies outside the years %d to %d that EPUB and PDF dates can hold", minYear, maxYear)
		}
	}
	return nil
}

// longYearRE recognises a date written with a year of five digits or
// more, which parseDate cannot read, so that the message names the range.
var longYearRE = regexp.MustCompile(`^\s*[+-]?\d{5,}-\d`)
