// Package gensite writes generated Jekyll sites for benchmarks: posts of
// the size and mix of a real Korean tech blog (front matter, Liquid,
// emphasis next to particles, tables, code, math, footnotes, images) and a
// manifest that names them all.
package gensite

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// Options shape a generated site.
type Options struct {
	// Posts is how many posts to write.
	Posts int
	// Images is how many distinct images the posts share (0: none).
	Images int
	// Sections is how many ## sections each post has; 0 means 12, which
	// makes posts of about 5 KB, a typical blog post.
	Sections int
	// Photos and Screenshots make the site image-heavy (photos.go): how
	// many distinct large photographs (JPEG, 2400–4032 px wide) and
	// screenshots (PNG, 1280–1920 px wide) the posts show. Each post shows
	// its own photo and screenshot (cycling when there are fewer than
	// posts), one of five shared photos at half width, two screenshots
	// side by side and a small formula GIF.
	Photos, Screenshots int
}

// Site describes what Write produced.
type Site struct {
	Manifest  string // path of book.yaml
	Root      string // the Jekyll site folder
	PostBytes int64  // total size of the posts
}

// Write writes a site under dir: dir/site (with _config.yml, _posts,
// assets) and dir/book.yaml.
func Write(dir string, opt Options) (Site, error) {
	if opt.Sections == 0 {
		opt.Sections = 12
	}
	s := Site{Manifest: filepath.Join(dir, "book.yaml"), Root: filepath.Join(dir, "site")}
	files := map[string][]byte{
		"site/_config.yml": []byte("title: 생성된 블로그\nauthor: 벤치\nurl: https://bench.example.com\nbaseurl: \"\"\n"),
		"book.yaml":        []byte("title: 생성된 책\nauthors: [벤치]\nsite:\n  root: site\nchapters:\n  - site/_posts/*.md\n"),
	}
	for i := 0; i < opt.Images; i++ {
		data, err := pngImage(i)
		if err != nil {
			return s, err
		}
		files[fmt.Sprintf("site/assets/img/figure-%03d.png", i)] = data
	}
	if err := heavyFiles(files, opt); err != nil {
		return s, err
	}
	for i := 0; i < opt.Posts; i++ {
		post := Post(i, opt)
		s.PostBytes += int64(len(post))
		files[fmt.Sprintf("site/_posts/%s-post-%04d.md", date(i), i)] = []byte(post)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return s, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return s, err
		}
	}
	return s, nil
}

// date spreads posts over the days of 2020 so that they sort by date.
func date(i int) string {
	return fmt.Sprintf("2020-%02d-%02d", i/28%12+1, i%28+1)
}

// Post returns the text of post i.
func Post(i int, opt Options) string {
	sections, images := opt.Sections, opt.Images
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"글 %d: 동시성과 조판\"\ndate: %s 10:00:00 +0900\ntags: [go, 조판]\ncategories: dev\n---\n\n", i, date(i))
	for p := 0; p < sections; p++ {
		fmt.Fprintf(&b, "## 절 %d\n\n", p+1)
		b.WriteString("한국어 문장은 어절 단위로 줄을 바꾼다. **\"인용\"**은 굵게, **중요(重要)**한 말도 굵게 쓴다. ")
		b.WriteString("가격은 12,000원이고 지연 시간은 200ms, 비율은 97.5%다. [링크](https://example.com/a/b)도 있다.[^n]\n")
		b.WriteString("긴 문단은 여러 줄에 걸쳐 이어진다. 줄 바꿈은 빈칸으로 읽히고, 문장 부호는 줄 머리에 오지 않는다.\n\n")
		b.WriteString(heavySection(i, p, opt))
		if images > 0 && p%4 == 0 {
			fmt.Fprintf(&b, "![그림 %d]({{ \"/assets/img/figure-%03d.png\" | relative_url }})\n\n", p, (i+p)%images)
		}
		if p%3 == 0 {
			b.WriteString("| 열 | 값 | 설명 |\n|---|--:|---|\n| 가 | 1 | 첫째 |\n| 나 | 22 | 둘째 |\n\n")
		}
		if p%3 == 1 {
			b.WriteString("{% highlight go %}\nfunc main() {\n\tfmt.Println(\"안녕\") // 인사\n}\n{% endhighlight %}\n\n")
		}
		if p%3 == 2 {
			b.WriteString("수식 $$a_1 + b^2$$ 이 있다.\n\n> 인용문은 들여 쓴다.\n\n- 목록 하나\n- 목록 둘\n\n")
		}
	}
	b.WriteString("[^n]: 각주는 쪽 아래에 놓인다.\n")
	return b.String()
}

// pngImage draws a 1200×800 figure, different for each i.
func pngImage(i int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for y := 0; y < 800; y++ {
		for x := 0; x < 1200; x++ {
			img.Set(x, y, color.RGBA{uint8(x/5 + i*13), uint8(y/4 + i*7), uint8(128 + i), 255})
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}
