package build

import (
	"sort"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/pkg/diag"
)

// TestRichSiteLoads loads a small rich site (the benchmarks' blog-like
// posts, issue 13) and checks that it reads as the real blogs it stands
// for: code highlighted in many languages and left plain under the names
// that mean plain text, every image found, the site's include included,
// and nothing said but the note on a mermaid diagram shown as its source.
func TestRichSiteLoads(t *testing.T) {
	var d diag.List
	in, _ := loadSite(t, gensite.Options{Posts: 6, Rich: true}, &d)
	for _, it := range d.Items() {
		if it.Severity != diag.Note || !strings.Contains(it.Message, "a mermaid diagram") {
			t.Errorf("unexpected diagnostic: %v", it)
		}
	}
	langs := map[string]int{}
	images := 0
	for _, c := range in.Book.Chapters() {
		if !strings.Contains(string(c.Post.Body), "저장소에서 내려받을 수 있습니다") {
			t.Errorf("%s: the site's _includes/note.html is not included", c.Post.Path)
		}
		for _, hl := range c.Code {
			langs[hl.Lang]++
		}
		for _, ref := range c.Images {
			if ref.Asset == nil {
				t.Errorf("%v: image %s not found", ref.Pos, ref.URL)
			}
			images++
		}
	}
	var names []string
	for l := range langs {
		names = append(names, l)
	}
	sort.Strings(names)
	got := strings.Join(names, ",")
	// "" is the plain blocks: unlabelled, text, none and unknown names.
	want := ",Bash,Bash Session,C++,Docker,Go,JSON,JavaScript,Python,SQL,YAML"
	if got != want {
		t.Errorf("languages highlighted: %s, want %s", got, want)
	}
	if images < 6*6 {
		t.Errorf("%d images in 6 posts, want at least 36", images)
	}
}
