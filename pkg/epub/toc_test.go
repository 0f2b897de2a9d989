package epub

import (
	"github.com/hangul-press/publish/pkg/manifest"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

const tocArchive = `-- a.md --
---
title: 장
---
## 둘 {#two}
### 셋 {#three}
#### 넷 {#four}
## 또 둘 {#two-b}
`

func TestTOCDepth(t *testing.T) {
	tests := []struct {
		depth      int
		want, lack []string
	}{
		{1, []string{`c001.xhtml"`}, []string{"#two"}},
		{2, []string{`c001.xhtml#two"`, `c001.xhtml#two-b"`}, []string{"#three"}},
		{3, []string{`c001.xhtml#three"`}, []string{"#four"}},
	}
	for _, tt := range tests {
		data, _ := buildArchive(t, txtar.Parse([]byte(tocArchive)), func(m *manifest.Manifest) { m.EPUB.TOCDepth = tt.depth })
		files := zipFiles(t, data)
		for _, doc := range []string{"EPUB/nav.xhtml", "EPUB/toc.ncx"} {
			nav := string(files[doc])
			for _, w := range tt.want {
				if !strings.Contains(nav, w) {
					t.Errorf("depth %d: %s lacks %s:\n%s", tt.depth, doc, w, nav)
				}
			}
			if tt.depth == 3 && doc == "EPUB/nav.xhtml" && !strings.Contains(nav, `<ol><li><a href="c001.xhtml#three">`) {
				t.Errorf("depth 3: ### not nested under ##:\n%s", nav)
			}
			for _, l := range tt.lack {
				if strings.Contains(nav, l) {
					t.Errorf("depth %d: %s holds %s", tt.depth, doc, l)
				}
			}
		}
	}
}
