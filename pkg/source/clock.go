package source

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/osteele/liquid/values"
)

// The Liquid library reads the machine's clock for "now" and the
// machine's zone for dates without one. Here the clock is the build's
// (Options.Now) and the zone the site's (Site.Zone, else UTC), so two
// builds of the same input give the same bytes wherever they run.

// errNoClock is the error of "now" when the caller gave no build time.
var errNoClock = errors.New(`the build's time is not set, so "now" has no value`)

// filterDateLayouts are the further forms the library's date filter
// reads (values.ParseDate), beyond the front-matter ones.
var filterDateLayouts = []string{
	time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
	time.RFC1123, time.RFC1123Z, "20060102T150405Z", "2006-01-02 15:04:05 MST",
	"02 January 2006", "02 Jan 2006", "January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006",
}

// dateFilter is Liquid's date filter: strftime, as the library does it,
// of the input read as a time. Like Ruby's Liquid it takes a time, "now"
// or "today", a number of seconds since 1970, or a date in words; nil
// and "" print nothing.
func (ev *evaluator) dateFilter(in any, format func(string) string) (any, error) {
	t, ok, err := ev.timeOf(in)
	if err != nil || !ok {
		return in, err
	}
	f := format("%a, %b %d, %y")
	if err := ev.charge(strftimeWidth(f)); err != nil {
		return nil, err
	}
	return values.Call(reflect.ValueOf(ev.std["date"]), []any{t, f})
}

// timeOf reads a date filter's input; ok is false for nil and "".
func (ev *evaluator) timeOf(in any) (t time.Time, ok bool, err error) {
	zone := ev.site.zone()
	switch v := in.(type) {
	case nil:
		return t, false, nil
	case time.Time:
		return v, true, nil
	case int:
		return time.Unix(int64(v), 0).In(zone), true, nil
	case int64:
		return time.Unix(v, 0).In(zone), true, nil
	case float64:
		return time.Unix(int64(v), 0).In(zone), true, nil
	case string:
		return ev.parseFilterDate(strings.TrimSpace(v), zone)
	}
	return t, false, fmt.Errorf("date: %v is not a date", in)
}

// parseFilterDate reads a date filter's string input.
func (ev *evaluator) parseFilterDate(s string, zone *time.Location) (time.Time, bool, error) {
	switch {
	case s == "":
		return time.Time{}, false, nil
	case s == "now" || s == "today":
		if ev.opt.Now.IsZero() {
			return time.Time{}, false, errNoClock
		}
		return ev.opt.Now.In(zone), true, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0).In(zone), true, nil
	}
	if t, ok := parseDate(s, zone); ok {
		return t, true, nil
	}
	for _, layout := range filterDateLayouts {
		if t, err := time.ParseInLocation(layout, s, zone); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("date: %q is not a date", s)
}

// strftimeWidthRE finds the field widths of a strftime format (%10Y).
var strftimeWidthRE = regexp.MustCompile(`%(?:[-_^#0]|:{1,3})?(\d+)`)

// strftimeWidth is the text that the padding of a strftime format asks
// for: "%1000000000d" is a gigabyte of zeros from fourteen bytes.
func strftimeWidth(f string) int64 {
	total := int64(0)
	for _, m := range strftimeWidthRE.FindAllStringSubmatch(f, -1) {
		w, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || w > maxLiquidBytes {
			return maxLiquidBytes + 1
		}
		total += w
	}
	return total
}

// random returns the post's random source, seeded from Options.Seed and
// the post's file name (not its folder, which differs between machines).
func (ev *evaluator) random() *rand.Rand {
	if ev.rand == nil {
		h := sha256.Sum256([]byte(ev.opt.Seed + "\x00" + filepath.Base(ev.post.Path)))
		ev.rand = rand.New(rand.NewPCG(binary.LittleEndian.Uint64(h[:8]), binary.LittleEndian.Uint64(h[8:16])))
	}
	return ev.rand
}

// sample is Jekyll's sample filter: one item of a list at random, or with
// a count, that many distinct items. Anything but a list is returned as
// it is.
func (ev *evaluator) sample(in any, count func(int) int) any {
	list, ok := anyList(in)
	if !ok {
		return in
	}
	n := count(1)
	if n == 1 {
		if len(list) == 0 {
			return nil
		}
		return list[ev.random().IntN(len(list))]
	}
	shuffled := ev.shuffle(list).([]any)
	return shuffled[:min(max(n, 0), len(shuffled))]
}

// shuffle returns the items of a list in random order; anything but a
// list is returned as it is.
func (ev *evaluator) shuffle(in any) any {
	list, ok := anyList(in)
	if !ok {
		return in
	}
	out := append([]any(nil), list...)
	ev.random().Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// anyList returns a list value (a YAML list, a range, split's strings) as
// the []any that filters work on.
func anyList(in any) ([]any, bool) {
	switch v := in.(type) {
	case []any:
		return v, true
	case values.Range:
		return v.AsArray(), true
	}
	rv := reflect.ValueOf(in)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, true
}
