package epub_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing/fstest"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/manifest"
)

// A program that holds a Jekyll site in memory builds an EPUB from it:
// a configuration with the defaults a manifest would get, a book read
// from an fs.FS, and the writer.
func Example() {
	site := fstest.MapFS{
		"blog/_config.yml":                {Data: []byte("title: 하늘의 블로그\nurl: https://sky.example.com\n")},
		"blog/_posts/2024-01-02-hello.md": {Data: []byte("---\ntitle: 안녕하세요\n---\n첫 글의 **본문**입니다. [다음 글]({% post_url 2024-01-03-next %})\n")},
		"blog/_posts/2024-01-03-next.md":  {Data: []byte("---\ntitle: 다음 글\n---\n둘째 글.\n")},
	}
	cfg := manifest.Default()
	cfg.Title, cfg.Authors = "하늘의 책", []string{"김하늘"}
	cfg.Dir = "blog"
	cfg.Site = &manifest.Site{Root: "blog"}
	cfg.Chapters = []manifest.Entry{{Pattern: "blog/_posts/*.md"}}

	var diags diag.List
	b, err := book.Load(cfg, book.Options{FS: site}, &diags)
	if err != nil {
		fmt.Println(err, diags.Items())
		return
	}
	var out bytes.Buffer
	st, err := epub.Write(&out, b, epub.Options{Generator: "example"}, &diags)
	if err != nil {
		fmt.Println(err)
		return
	}
	zr, _ := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	fmt.Println(st.Chapters, "chapters,", len(diags.Items()), "problems; first entry:", zr.File[0].Name)
	for _, f := range zr.File {
		if f.Name == "EPUB/c001.xhtml" {
			rc, _ := f.Open()
			var page bytes.Buffer
			_, _ = page.ReadFrom(rc)
			fmt.Println("links to the next chapter:", bytes.Contains(page.Bytes(), []byte(`href="c002.xhtml"`)))
		}
	}
	// Output:
	// 2 chapters, 0 problems; first entry: mimetype
	// links to the next chapter: true
}
