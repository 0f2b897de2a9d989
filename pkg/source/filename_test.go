package source

import "testing"

// Jekyll reads posts from _posts folders and their sub-folders, and leaves
// out what its entry filter and date matcher leave out (issues 9 and 14).
func TestIsPostFile(t *testing.T) {
	for rel, want := range map[string]bool{
		"_posts/2020-01-05-a.md":             true,
		"_posts/2020/2020-01-05-a.md":        true, // issue 9, bug 4
		"_posts/2020/01/2020-01-05-a.md":     true,
		"blog/_posts/2020-01-05-a.markdown":  true, // a category folder
		"a/b/_posts/2020-1-5-a.md":           true,
		"_posts/_example/2020-01-05-a.md":    false, // issue 14 item 5
		"_posts/.hidden/2020-01-05-a.md":     false,
		"_posts/2020/.git/2020-01-05-a.md":   false,
		"_posts/_2020-01-05-a.md":            false,
		"_posts/#2020-01-05-a.md":            false,
		"_posts/2020-01-05-a.md~":            false,
		"_posts/README.md":                   false, // no date: Jekyll does not publish it
		"_posts/2020-01-05-a.txt":            false,
		"_drafts/_posts/2020-01-05-a.md":     false,
		"_site/_posts/2020-01-05-a.md":       false,
		".bundle/_posts/2020-01-05-a.md":     false,
		"posts/2020-01-05-a.md":              false,
		"2020-01-05-a.md":                    false,
		"_posts":                             false,
		"_posts/2020-02-30-not-a-date.md":    false,
		"category/_posts/2019-12-31-post.MD": true,
	} {
		if got := IsPostFile(rel); got != want {
			t.Errorf("IsPostFile(%q) = %v, want %v", rel, got, want)
		}
	}
}
