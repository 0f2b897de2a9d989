package source

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// siteRoot is where golden archives' files live in memory.
const siteRoot = "/site"

// outputs are the sections a golden archive expects; every other section
// is a file of the site, and the first one is the post.
var outputs = map[string]bool{"body": true, "diagnostics": true, "meta": true}

func TestGolden(t *testing.T) {
	for _, ar := range testtool.Archives(t, "testdata/*.txtar") {
		t.Run(ar.Name, func(t *testing.T) { runGolden(t, ar.Path, ar.Archive) })
	}
}

// runGolden runs one golden archive, read from file name.
func runGolden(t *testing.T, name string, ar *txtar.Archive) {
	files, post := goldenFiles(ar)
	if post == "" {
		t.Fatal("archive has no post")
	}
	got := readGolden(files, post)
	changed := false
	for _, sec := range []string{"body", "diagnostics", "meta"} {
		want, ok := testtool.Section(ar, sec)
		if !ok && sec == "meta" {
			continue
		}
		if string(want) != got[sec] {
			if !*update {
				t.Errorf("%s:\n--- got ---\n%s--- want ---\n%s", sec, got[sec], want)
			}
			testtool.SetSection(ar, sec, []byte(got[sec]))
			changed = true
		}
	}
	if changed && *update {
		if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func goldenFiles(ar *txtar.Archive) (MemFiles, string) {
	files, post := MemFiles{}, ""
	for _, f := range ar.Files {
		if outputs[f.Name] {
			continue
		}
		if post == "" {
			post = f.Name
		}
		files[filepath.Join(siteRoot, f.Name)] = f.Data
	}
	return files, post
}

// readGolden reads the post as the book package would, and prints what
// a golden file compares.
func readGolden(files MemFiles, post string) map[string]string {
	var diags diag.List
	out := map[string]string{}
	site, err := LoadSite(siteRoot, files, &diags)
	if err == nil {
		p, err := Read(post, files[filepath.Join(siteRoot, post)], site,
			Options{Files: files, Dir: filepath.Dir(filepath.Join(siteRoot, post))}, &diags)
		if err == nil {
			out["body"] = string(p.Body)
			out["meta"] = meta(p, site)
		}
	}
	var b strings.Builder
	for _, d := range diags.Items() {
		fmt.Fprintln(&b, d)
	}
	out["diagnostics"] = b.String()
	return out
}

func meta(p *Post, site *Site) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "title: %s\n", p.Title)
	if p.HasDate {
		fmt.Fprintf(&b, "date: %s\n", p.Date.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "slug: %s\n", p.Slug)
	fmt.Fprintf(&b, "categories: %q\n", p.Categories)
	fmt.Fprintf(&b, "tags: %q\n", p.Tags)
	fmt.Fprintf(&b, "description: %s\n", p.Description)
	fmt.Fprintf(&b, "published: %v\n", p.Published)
	fmt.Fprintf(&b, "url: %s\n", site.PermalinkOf(p))
	return b.String()
}
