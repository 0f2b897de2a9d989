package uri

import (
	"net"
	"net/url"
	"strings"
)

// EmbedPage is the page an embedded player or frame shows (an <iframe>'s
// src, a theme's video include), as a link a reader of a book can follow:
// a book plays and loads nothing. A YouTube player becomes the video's
// page (with its playlist and start time), a YouTube playlist player the
// playlist's page, a Vimeo player the video's page (with the hash an
// unlisted video needs); another http(s) address (or one starting with
// //) stays as it is, escaped. It returns "" for anything else: no
// address, script: or data: URLs, a host with characters no host has.
func EmbedPage(src string) string {
	src = strings.TrimSpace(src)
	if strings.HasPrefix(src, "//") {
		src = "https:" + src
	}
	u, err := url.Parse(src)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !validHost(u) {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	q := u.Query()
	id := func(prefix string) string {
		v, ok := strings.CutPrefix(u.Path, prefix)
		if !ok || !word(v) {
			return ""
		}
		return v
	}
	switch {
	case host == "youtube.com" || host == "youtube-nocookie.com":
		v := id("/embed/")
		list := q.Get("list")
		switch {
		case v == "videoseries" && word(list):
			return "https://www.youtube.com/playlist?list=" + list
		case v != "" && v != "videoseries":
			out := "https://www.youtube.com/watch?v=" + v
			if word(list) {
				out += "&list=" + list
			}
			if t := q.Get("start"); t != "" && strings.Trim(t, "0123456789") == "" {
				out += "&t=" + t + "s"
			}
			return out
		}
	case host == "player.vimeo.com":
		if v := id("/video/"); v != "" {
			out := "https://vimeo.com/" + v
			if h := q.Get("h"); word(h) {
				out += "/" + h
			}
			return out
		}
	}
	return Escape(u.String())
}

// validHost reports whether u has a host name (letters, digits, '.' and
// '-') or a bracketed IP address, with at most a port after it.
func validHost(u *url.URL) bool {
	h := u.Hostname()
	if h == "" || strings.Trim(u.Port(), "0123456789") != "" {
		return false
	}
	if strings.HasPrefix(u.Host, "[") {
		return net.ParseIP(h) != nil
	}
	return strings.Trim(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == ""
}

// word reports whether s is an id as video sites write them: letters,
// digits, '-' and '_', and not empty.
func word(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == ""
}
