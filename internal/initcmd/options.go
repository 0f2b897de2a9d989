package initcmd

import (
	"path/filepath"
	"strings"
	"time"
)

// Options say which site to read, which of its posts make the book and
// where the manifest goes.
type Options struct {
	// Site is the site folder as the user gave it; messages name files
	// below it in the same form.
	Site string
	// Output is the manifest path to write; "" picks DefaultOutput.
	Output string
	// Category and Tag, when not "", keep only the posts that carry them
	// (compared without regard to case). Categories include the folders
	// above _posts, as Jekyll adds them.
	Category, Tag string
	// Since and Until bound the posts' dates, both days included. Only
	// the calendar day counts: a post dated 2020-12-31 23:00 +0900 is
	// within Until 2020-12-31.
	Since, Until       time.Time
	HasSince, HasUntil bool // whether Since and Until are given; a bound not given does not filter
	// Force lets Write replace an existing file.
	Force bool
}

// outputFolder is where manifests live by the project's convention.
const outputFolder = "books"

// maxSlug keeps generated file names short enough to type.
const maxSlug = 40

// DefaultOutput names the manifest when Options.Output is empty:
// books/<slug>.yaml, where the slug comes from the site title when that
// has Latin letters, else from the site's folder name, else "book", followed by the category and tag
// filters so that books cut from one site do not collide. Slugs keep
// ASCII letters and digits only: Hangul file names are awkward to type
// in a shell and change form (NFC/NFD) between file systems.
func DefaultOutput(site, title string, opt Options) string {
	base := slug(title)
	if !hasLetter(base) {
		base = slug(siteFolderName(site))
	}
	if base == "" {
		base = "book"
	}
	for _, f := range []string{opt.Category, opt.Tag} {
		if s := slug(f); s != "" {
			base += "-" + s
		}
	}
	return filepath.Join(outputFolder, base+".yaml")
}

// siteFolderName is the last element of the site path, made absolute
// first so that "." names the folder rather than nothing.
func siteFolderName(site string) string {
	if abs, err := filepath.Abs(site); err == nil {
		site = abs
	}
	return filepath.Base(site)
}

// slug lowercases s and keeps runs of ASCII letters and digits joined by
// single dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > maxSlug {
		out = strings.TrimRight(out[:maxSlug], "-")
	}
	return out
}

// hasLetter reports whether a slug holds a letter: a Korean title
// reduced to "1" (from "기록 #1") names nothing.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0
}
