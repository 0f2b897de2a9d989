package uri

import (
	"net/url"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"c002.xhtml#절-제목", "c002.xhtml#%EC%A0%88-%EC%A0%9C%EB%AA%A9"},
		{"https://example.com/경로?q=한글", "https://example.com/%EA%B2%BD%EB%A1%9C?q=%ED%95%9C%EA%B8%80"},
		// issue 14 item 3: brackets in a path
		{"https://x.org/Recommender-Systems-[Netflix].pdf", "https://x.org/Recommender-Systems-%5BNetflix%5D.pdf"},
		{"http://[::1]:8080/a[b]", "http://[::1]:8080/a%5Bb%5D"},
		{"//[fe80::1]/", "//[fe80::1]/"},
		{"a b\tc", "a%20b%09c"},
		{"already%20encoded%2fx", "already%20encoded%2fx"},
		{"100%", "100%25"},
		{"%zz", "%25zz"},
		{"#a#b", "#a%23b"},
		{`"<>\^` + "`{|}", "%22%3C%3E%5C%5E%60%7B%7C%7D"},
		{"mailto:a@b.c?subject=x&body=y", "mailto:a@b.c?subject=x&body=y"},
		{"\x00\x7f\xff", "%00%7F%FF"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// uriChars are the characters a URI reference may hold (RFC 3986,
// section 2), '%' only as the start of an escape.
func validURI(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			continue
		}
		if !allowed(c) {
			return false
		}
	}
	return strings.Count(s, "#") <= 1
}

// FuzzEscape: the result is a valid URI reference that Go's URL parser
// accepts, escaping twice changes nothing, and decoding gives back the
// input wherever the input held no escape of its own.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a b", "x[1].pdf", "http://[::1]/[", "%", "%4", "%41", "#a#b", "한글", "\\\\server"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if !validURI(e) {
			t.Fatalf("Escape(%q) = %q is not a valid URI", s, e)
		}
		if Escape(e) != e {
			t.Fatalf("not idempotent: %q → %q → %q", s, e, Escape(e))
		}
		// Go's parser is stricter than RFC 3986 about hosts (it refuses
		// "//%20") and schemes; paths, queries and fragments it must take.
		if _, err := url.Parse(e); err != nil && !strings.ContainsAny(s, ":[") && !strings.Contains(s, "//") {
			t.Fatalf("url.Parse(%q): %v", e, err)
		}
		if !strings.Contains(s, "%") {
			if d, err := url.PathUnescape(e); err != nil || d != s {
				t.Fatalf("decoding %q gives %q (%v), want %q", e, d, err, s)
			}
		}
	})
}
