package initcmd

import (
	"path/filepath"
	"testing"
)

func TestDefaultOutput(t *testing.T) {
	tests := []struct {
		site, title string
		opt         Options
		want        string
	}{
		{"site", "Haneul's Blog", Options{}, "haneul-s-blog"},
		{"site", "하늘: 기록 #1", Options{}, "site"}, // no Latin letter in the title
		{"/x/haneul.github.io", "", Options{}, "haneul-github-io"},
		{"/x/블로그", "하늘", Options{}, "book"},
		{"site", "Dev Notes", Options{Category: "Go", Tag: "여행"}, "dev-notes-go"},
		{"site", "A very long title that goes on and on about many things", Options{}, "a-very-long-title-that-goes-on-and-on-ab"},
	}
	for _, tc := range tests {
		want := filepath.Join("books", tc.want+".yaml")
		if got := DefaultOutput(tc.site, tc.title, tc.opt); got != want {
			t.Errorf("DefaultOutput(%q, %q) = %q, want %q", tc.site, tc.title, got, want)
		}
	}
}
