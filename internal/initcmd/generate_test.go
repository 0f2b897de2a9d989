package initcmd

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// filterCases are selections of the test site with the chapters the book
// must hold, in order, and the manifest entries (relative to books/)
// that name them: globs where one matches exactly, paths elsewhere.
var filterCases = []struct {
	name     string
	opt      Options
	chapters []string
	entries  []string
}{
	{
		name: "all",
		chapters: []string{"2019-07-23-first-job.md", "2019-10-10-what?[1].md", "2019-12-01-retro.md",
			"2020-03-01-go-modules.md", "2020-08-15-jeju.md",
			"2021-02-02-new-year.md", "2021-01-10-typesetting.md", "2021-03-03-spring.markdown"},
		entries: []string{"../site/_posts/2019-*.md", "../site/_posts/2020/2020-03-01-go-modules.md",
			"../site/travel/_posts/2020-08-15-jeju.md", "../site/_posts/2021-*"},
	},
	{
		name:     "category dev",
		opt:      Options{Category: "dev"},
		chapters: []string{"2020-03-01-go-modules.md", "2021-01-10-typesetting.md"},
		entries:  []string{"../site/_posts/2020/2020-03-01-go-modules.md", "../site/_posts/2021-01-10-typesetting.md"},
	},
	{
		name:     "category life",
		opt:      Options{Category: "life"},
		chapters: []string{"2019-07-23-first-job.md", "2019-12-01-retro.md", "2021-03-03-spring.markdown"},
		entries: []string{"../site/_posts/2019-07-23-first-job.md", "../site/_posts/2019-12-01-retro.md",
			"../site/_posts/2021-03-03-spring.markdown"},
	},
	{
		name:     "category from folder",
		opt:      Options{Category: "travel"},
		chapters: []string{"2020-08-15-jeju.md"},
		entries:  []string{"../site/travel/_posts/2020-08-15-jeju.md"},
	},
	{
		name:     "tag go",
		opt:      Options{Tag: "go"},
		chapters: []string{"2020-03-01-go-modules.md", "2021-02-02-new-year.md", "2021-01-10-typesetting.md"},
		entries:  []string{"../site/_posts/2020/2020-03-01-go-modules.md", "../site/_posts/2021-*.md"},
	},
	{
		// new-year is 2021-01-01 00:30 +0900: the first of January where
		// it was written, though the 31st of December in UTC.
		name:     "tag go since",
		opt:      Options{Tag: "go", Since: date("2021-01-01"), HasSince: true},
		chapters: []string{"2021-02-02-new-year.md", "2021-01-10-typesetting.md"},
		entries:  []string{"../site/_posts/2021-*.md"},
	},
	{
		name:     "tag go until",
		opt:      Options{Tag: "go", Until: date("2020-12-31"), HasUntil: true},
		chapters: []string{"2020-03-01-go-modules.md"},
		entries:  []string{"../site/_posts/2020/2020-03-01-go-modules.md"},
	},
	{
		name:     "tag any case",
		opt:      Options{Tag: "KOREAN"},
		chapters: []string{"2020-08-15-jeju.md", "2021-01-10-typesetting.md"},
		entries:  []string{"../site/travel/_posts/2020-08-15-jeju.md", "../site/_posts/2021-01-10-typesetting.md"},
	},
	{
		name:     "glob characters in a name",
		opt:      Options{Tag: "memo"},
		chapters: []string{"2019-10-10-what?[1].md"},
		entries:  []string{`../site/_posts/2019-10-10-what\?\[1].md`},
	},
	{
		name:     "until",
		opt:      Options{Until: date("2019-12-31"), HasUntil: true},
		chapters: []string{"2019-07-23-first-job.md", "2019-10-10-what?[1].md", "2019-12-01-retro.md"},
		entries:  []string{"../site/_posts/2019-*.md"},
	},
	{
		name:     "since and until, both days included",
		opt:      Options{Since: date("2020-03-01"), HasSince: true, Until: date("2020-08-15"), HasUntil: true},
		chapters: []string{"2020-03-01-go-modules.md", "2020-08-15-jeju.md"},
		entries:  []string{"../site/_posts/2020/2020-03-01-go-modules.md", "../site/travel/_posts/2020-08-15-jeju.md"},
	},
}

func TestGenerateFilters(t *testing.T) {
	ar := readArchive(t)
	for _, tc := range filterCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opt := tc.opt
			opt.Site = buildSite(t, ar, dir)
			opt.Output = filepath.Join(dir, "books", "x.yaml")
			var diags diag.List
			text, out, err := Generate(opt, &diags)
			if err != nil {
				t.Fatalf("Generate: %v\n%v", err, diags.Items())
			}
			if out != opt.Output {
				t.Errorf("out = %s, want %s", out, opt.Output)
			}
			m := parseClean(t, out, text)
			if got := relEntries(t, m); strings.Join(got, "\n") != strings.Join(tc.entries, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.entries, "\n"))
			}
			if got := loadChapters(t, m); strings.Join(got, "\n") != strings.Join(tc.chapters, "\n") {
				t.Errorf("chapters:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.chapters, "\n"))
			}
		})
	}
}

// parseClean reads a generated manifest and fails on any diagnostic.
func parseClean(t *testing.T, out string, text []byte) *manifest.Manifest {
	t.Helper()
	var d diag.List
	m, err := manifest.Parse(out, filepath.Dir(out), text, &d)
	if err != nil || d.Len() > 0 {
		t.Fatalf("manifest.Parse: %v %v\n%s", err, d.Items(), text)
	}
	return m
}

// relEntries lists the manifest's chapter patterns relative to its folder.
func relEntries(t *testing.T, m *manifest.Manifest) []string {
	t.Helper()
	var out []string
	for _, e := range m.Chapters {
		if e.IsPart() {
			t.Fatalf("unexpected part %q", e.Part)
		}
		r, err := filepath.Rel(m.Dir, e.Pattern)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

// loadChapters loads the book as `publish check` does and returns its
// chapters' file names, failing on any error or warning: the manifest
// must pass check as written. Notes (published: false posts that a
// glob matches) are allowed.
func loadChapters(t *testing.T, m *manifest.Manifest) []string {
	t.Helper()
	var d diag.List
	b, err := book.Load(m, book.Options{}, &d)
	if err != nil || d.HasErrors() || d.Count(diag.Warning) > 0 {
		t.Fatalf("book.Load: %v\n%v", err, d.Items())
	}
	var out []string
	for _, c := range b.Chapters() {
		out = append(out, filepath.Base(c.Source))
	}
	return out
}

func TestGenerateMeta(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	opt := Options{Site: buildSite(t, ar, dir), Output: filepath.Join(dir, "x.yaml")}
	var d diag.List
	text, out, err := Generate(opt, &d)
	if err != nil {
		t.Fatal(err)
	}
	m := parseClean(t, out, text)
	if want := `하늘: 기록 #1 "블로그"`; m.Title != want {
		t.Errorf("title %q, want %q", m.Title, want)
	}
	if len(m.Authors) != 1 || m.Authors[0] != "김하늘" {
		t.Errorf("authors %q", m.Authors)
	}
	if want := "개발하며 배운 것들을 적습니다. 'TIL' & 회고"; m.Description != want {
		t.Errorf("description %q, want %q", m.Description, want)
	}
	if m.Language != "ko" || m.HasDate || m.PDF.Paper.Name != "a5" || m.EPUB.TOCDepth != 2 {
		t.Errorf("language %q, date given %v, paper %q, toc_depth %d", m.Language, m.HasDate, m.PDF.Paper.Name, m.EPUB.TOCDepth)
	}
	if m.Site == nil || m.Site.Root != opt.Site || !strings.Contains(string(text), `root: "site"`) {
		t.Errorf("site root not written relative to the manifest:\n%s", text)
	}
}

// keyLine is a YAML key at the start of a line or indented in a mapping.
var keyLine = regexp.MustCompile(`^\s*[a-z_]+:`)

// TestGenerateComments checks that every key is explained by a comment
// on the line before it, and every chapter entry by one beside it.
func TestGenerateComments(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	opt := Options{Site: buildSite(t, ar, dir), Output: filepath.Join(dir, "x.yaml")}
	text, _, err := Generate(opt, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	keys := 0
	for i, l := range lines {
		if keyLine.MatchString(l) && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			keys++
			if i == 0 || !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
				t.Errorf("line %d %q has no comment above it", i+1, l)
			}
		}
		if strings.HasPrefix(l, "  - ") && !strings.Contains(l, "  # ") {
			t.Errorf("line %d %q: chapter without a comment", i+1, l)
		}
	}
	if keys < 8 {
		t.Errorf("found only %d keys:\n%s", keys, text)
	}
}

func TestGenerateAuthorFallbacks(t *testing.T) {
	tests := []struct {
		name, config, front string
		want                string
		warn                bool
	}{
		{"config string", "title: Blog\nauthor: 김하늘\n", "", "김하늘", false},
		{"config list", "title: Blog\nauthor: [{name: 김하늘}, 이바다]\n", "", "김하늘,이바다", false},
		{"first post", "title: Blog\n", "author: 이바다\n", "이바다", false},
		{"site title", "title: 바다 일기\n", "", "바다 일기", true},
		{"folder name", "", "", "myblog", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			site := filepath.Join(dir, "myblog")
			writeFiles(t, site, map[string]string{
				"_config.yml":            tc.config,
				"_posts/2020-01-01-a.md": "---\ntitle: 가\n---\n본문\n",
				"_posts/2020-01-02-b.md": "---\ntitle: 나\n" + tc.front + "---\n본문\n",
				"_posts/2020-01-03-c.md": "---\ntitle: 다\n---\n본문\n",
				// a draft a glob may match: the book leaves it out by itself
				"_posts/2020-01-04-d.md": "---\ntitle: 라\npublished: false\n---\n본문\n",
			})
			var d diag.List
			text, out, err := Generate(Options{Site: site, Output: filepath.Join(dir, "b", "x.yaml")}, &d)
			if err != nil {
				t.Fatal(err, d.Items())
			}
			m := parseClean(t, out, text)
			if got := strings.Join(m.Authors, ","); got != tc.want {
				t.Errorf("authors %q, want %q", got, tc.want)
			}
			if warned := d.Count(diag.Warning) > 0; warned != tc.warn {
				t.Errorf("warning given %v, want %v: %v", warned, tc.warn, d.Items())
			}
			if todo := strings.Contains(string(text), "# TODO"); todo != tc.warn {
				t.Errorf("TODO comment %v, want %v:\n%s", todo, tc.warn, text)
			}
			if got := relEntries(t, m); len(got) != 1 || got[0] != "../myblog/_posts/*.md" {
				t.Errorf("entries %q, want the whole folder as one glob", got)
			}
		})
	}
}

func TestGenerateErrors(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	site := buildSite(t, ar, dir)
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"no such site", Options{Site: filepath.Join(dir, "nope")}, "site folder"},
		{"nothing selected", Options{Site: site, Category: "없는 분류"}, `matches category "없는 분류"`},
		{"no posts", Options{Site: filepath.Join(site, "travel", "_posts", "..", "..", "_posts", "2020")}, "no posts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d diag.List
			text, _, err := Generate(tc.opt, &d)
			if err == nil || text != nil {
				t.Fatalf("err = %v, text %q", err, text)
			}
			if !hasError(&d, tc.want) {
				t.Errorf("diagnostics %v, want one saying %q", d.Items(), tc.want)
			}
		})
	}
}

// hasError reports whether diags hold an error whose message contains s.
func hasError(diags *diag.List, s string) bool {
	for _, d := range diags.Items() {
		if d.Severity == diag.Error && strings.Contains(d.Message, s) {
			return true
		}
	}
	return false
}

// TestVerifyCatchesWrongChapters feeds verify manifests that name other
// posts than the selection, to show that the self-check can fail.
func TestVerifyCatchesWrongChapters(t *testing.T) {
	ar := readArchive(t)
	dir := t.TempDir()
	site := buildSite(t, ar, dir)
	out := filepath.Join(dir, "books", "x.yaml")
	var d diag.List
	files, err := openSite(site)
	if err != nil {
		t.Fatal(err)
	}
	sel := selectPosts(files, siteOf(t, files), Options{Tag: "go"}, &d)
	pl := newPlanner(filepath.Dir(out), files, sel)
	entries, err := pl.plan()
	if err != nil {
		t.Fatal(err)
	}
	m := meta{title: "t", authors: []string{"a"}}
	good := (&draft{meta: m, siteRel: pl.siteRel, entries: entries, language: "ko"}).render()
	if err := pl.verify(out, good, m); err != nil {
		t.Fatalf("verify refuses the planned manifest: %v\n%s", err, good)
	}
	for name, edit := range map[string][2]string{
		"glob too wide":  {`"../site/_posts/2021-*.md"`, `"../site/_posts/2021-*"`},
		"glob reordered": {`  - "../site/_posts/2020/2020-03-01-go-modules.md"`, `  - "../site/_posts/2021-01-10-typesetting.md"`},
		"post twice":     {`"../site/_posts/2021-*.md"  # 2 posts`, `"../site/_posts/2021-*.md"` + "\n  - " + `"../site/_posts/2021-01-10-typesetting.md"`},
		"draft twice":    {`  - "../site/_posts/2020/2020-03-01-go-modules.md"`, `  - "../site/_posts/2020/*.md"` + "\n  - " + `"../site/_posts/2020/2020-0*.md"`},
		"other title":    {`title: "t"`, `title: "u"`},
	} {
		bad := strings.Replace(string(good), edit[0], edit[1], 1)
		if bad == string(good) {
			t.Fatalf("%s: edit did not apply to\n%s", name, good)
		}
		if err := pl.verify(out, []byte(bad), m); err == nil {
			t.Errorf("%s: verify accepted\n%s", name, bad)
		}
	}
}

// TestGenerateInterleavedFolders: a glob whose posts are all selected is
// still wrong when another folder's post falls between them by date.
func TestGenerateInterleavedFolders(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeFiles(t, site, map[string]string{
		"_config.yml":                  "title: Blog\nauthor: 김하늘\n",
		"_posts/2020-01-01-a.md":       "---\ntitle: 가\n---\n본문\n",
		"other/_posts/2020-02-01-b.md": "---\ntitle: 나\n---\n본문\n",
		"_posts/2020-03-01-c.md":       "---\ntitle: 다\n---\n본문\n",
		"_posts/2021-01-01-d.md":       "---\ntitle: 라\n---\n본문\n",
		"_posts/2021-02-01-e.md":       "---\ntitle: 마\n---\n본문\n",
	})
	var d diag.List
	text, out, err := Generate(Options{Site: site, Output: filepath.Join(dir, "x.yaml")}, &d)
	if err != nil {
		t.Fatal(err, d.Items())
	}
	m := parseClean(t, out, text)
	want := []string{"site/_posts/2020-01-01-a.md", "site/other/_posts/2020-02-01-b.md",
		"site/_posts/2020-03-01-c.md", "site/_posts/2021-*.md"}
	if got := relEntries(t, m); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("entries %q, want %q", got, want)
	}
	chapters := []string{"2020-01-01-a.md", "2020-02-01-b.md", "2020-03-01-c.md", "2021-01-01-d.md", "2021-02-01-e.md"}
	if got := loadChapters(t, m); strings.Join(got, " ") != strings.Join(chapters, " ") {
		t.Errorf("chapters %q, want %q", got, chapters)
	}
}
