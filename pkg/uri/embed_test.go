package uri

import (
	"net/url"
	"strings"
	"testing"
)

func TestEmbedPage(t *testing.T) {
	for src, want := range map[string]string{
		"https://www.youtube.com/embed/XsxDH4HcOWA?si=abc": "https://www.youtube.com/watch?v=XsxDH4HcOWA",
		"https://www.youtube-nocookie.com/embed/abc":       "https://www.youtube.com/watch?v=abc",
		"//player.vimeo.com/video/76979871":                "https://vimeo.com/76979871",
		"https://www.youtube.com/embed/":                   "https://www.youtube.com/embed/",
		"https://codepen.io/a/embed/b":                     "https://codepen.io/a/embed/b",
		" http://example.com/x ":                           "http://example.com/x",
		"javascript:alert(1)":                              "",
		"data:text/html,x":                                 "",
		"/local/page.html":                                 "",
		"":                                                 "",
	} {
		if got := EmbedPage(src); got != want {
			t.Errorf("EmbedPage(%q) = %q, want %q", src, got, want)
		}
	}
}

// FuzzEmbedPage: whatever an iframe's src holds, what is printed is
// nothing or an http(s) address with a host.
func FuzzEmbedPage(f *testing.F) {
	for _, s := range []string{"https://www.youtube.com/embed/x", "//player.vimeo.com/video/1", "javascript:x", "http://a b", "https://x/%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got := EmbedPage(src)
		if got == "" {
			return
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(got, " \n<>\"") {
			t.Fatalf("EmbedPage(%q) = %q", src, got)
		}
	})
}
