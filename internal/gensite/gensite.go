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
	// Math adds to every section a paragraph with inline formulas and a
	// display formula of the kinds machine-learning posts write (sums,
	// fractions, an aligned derivation, a matrix, cases, a numbered
	// equation and its \eqref), and makes $…$ math in the manifest. With
	// MathAsCode instead, the same TeX is written as code (`…` and fenced
	// blocks): the same book without math, to compare with.
	Math, MathAsCode bool
	// Photos and Screenshots make the site image-heavy (photos.go): how
	// many distinct large photographs (JPEG, 2400–4032 px wide) and
	// screenshots (PNG, 1280–1920 px wide) the posts show. Each post shows
	// its own photo and screenshot (cycling when there are fewer than
	// posts), one of five shared photos at half width, two screenshots
	// side by side and a small formula GIF.
	Photos, Screenshots int
	// Rich makes posts that look like a real Korean ML or developer blog
	// (rich.go): several code blocks a section in many languages,
	// unlabelled and plain-text fences, {% highlight … linenos %}, a
	// Liquid include and {% post_url %} links, footnotes, tables, the
	// formulas of Math, raw HTML, and images of mixed sizes with a few
	// large photos shared between posts. Sections, Images, Math and the
	// image-heavy options do not apply to rich posts.
	Rich bool
}

// Site describes what Write produced.
type Site struct {
	Manifest  string // path of book.yaml
	Root      string // the Jekyll site folder
	PostBytes int64  // total size of the posts
	Formulas  int    // formulas written (Options.Math)
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
	if opt.Rich {
		opt.Images, opt.Photos, opt.Screenshots = 0, 0, 0
	}
	for i := 0; i < opt.Images; i++ {
		data, err := pngImage(i)
		if err != nil {
			return s, err
		}
		files[fmt.Sprintf("site/assets/img/figure-%03d.png", i)] = data
	}
	if opt.Rich {
		if err := richFiles(files); err != nil {
			return s, err
		}
	}
	if opt.Math || opt.Rich {
		files["book.yaml"] = append(files["book.yaml"], "math:\n  inline: dollar\n  numbering: ams\n"...)
	}
	if err := heavyFiles(files, opt); err != nil {
		return s, err
	}
	for i := 0; i < opt.Posts; i++ {
		post, formulas := Post(i, opt)
		s.PostBytes += int64(len(post))
		s.Formulas += formulas
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

// Post returns the text of post i and the number of formulas in it (with
// opt.Math; the existing $$a_1 + b^2$$ of every third section is not
// counted, as it is written either way). Sections and images are
// opt.Sections and opt.Images; with opt.Rich, it is a rich post of a site
// of opt.Posts posts (rich.go).
func Post(i int, opt Options) (string, int) {
	if opt.Rich {
		return richPost(i, opt.Posts)
	}
	sections, images := opt.Sections, opt.Images
	formulas := 0
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
		if opt.Math || opt.MathAsCode {
			formulas += mathSection(&b, p, opt.MathAsCode)
		}
	}
	b.WriteString("[^n]: 각주는 쪽 아래에 놓인다.\n")
	return b.String(), formulas
}

// mathInline are inline formulas of the kinds machine-learning posts
// write, four to a paragraph.
var mathInline = []string{
	`\theta`, `\mathbf{x}_i \in \mathbb{R}^d`, `p(y \mid x)`, `\hat{y} = \sigma(Wx + b)`,
	`\lambda \|w\|_2^2`, `\nabla_\theta \mathcal{L}`, `O(n \log n)`, `\eta = 0.01`,
	`\frac{\partial L}{\partial w}`, `\sum_{i=1}^{n} x_i`, `e^{z_k}`, `\mathbb{E}[X]`,
}

// mathDisplay are display formulas of the same posts, one a section.
var mathDisplay = []string{
	`\mathcal{L}(\theta) = -\frac{1}{N}\sum_{i=1}^{N} \left[ y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i) \right]`,
	`\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)`,
	"\\begin{aligned}\np(\\theta \\mid D) &= \\frac{p(D \\mid \\theta)\\, p(\\theta)}{p(D)} \\\\\n&\\propto p(D \\mid \\theta)\\, p(\\theta)\n\\end{aligned}",
	`\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right) V`,
	`\Sigma = \begin{bmatrix} \sigma_1^2 & \rho \sigma_1 \sigma_2 \\ \rho\sigma_1\sigma_2 & \sigma_2^2 \end{bmatrix}`,
	`\operatorname{ReLU}(x) = \max(0, x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{그 외} \end{cases}`,
}

// mathSection writes section p's paragraph of inline formulas and its
// display, every third one a numbered equation referred to after it, as
// math or, asCode, as code; it returns how many formulas it wrote.
func mathSection(b *strings.Builder, p int, asCode bool) int {
	inline := func(tex string) string {
		if asCode {
			return "`" + tex + "`"
		}
		return "$" + tex + "$"
	}
	display := func(tex string) string {
		if asCode {
			return "```\n" + tex + "\n```\n\n"
		}
		return "$$\n" + tex + "\n$$\n\n"
	}
	var f [4]string
	for k := range f {
		f[k] = mathInline[(4*p+k)%len(mathInline)]
	}
	fmt.Fprintf(b, "모수 %s를 갱신할 때 입력 %s와 조건부 확률 %s를 함께 쓴다. 예측은 %s이고, 학습은 다음 식을 따른다.\n\n",
		inline(f[0]), inline(f[1]), inline(f[2]), inline(f[3]))
	if p%3 == 0 {
		label := fmt.Sprintf("eq:mc-%d", p)
		b.WriteString(display(`\begin{equation} \mathbb{E}_{x \sim p}[f(x)] \approx \frac{1}{S} \sum_{s=1}^{S} f(x^{(s)}) \label{` + label + `} \end{equation}`))
		fmt.Fprintf(b, "식 %s는 몬테카를로 근사다.\n\n", inline(`\eqref{`+label+`}`))
		return 6
	}
	b.WriteString(display(mathDisplay[p%len(mathDisplay)]))
	return 5
}

// pngImage draws a 1200×800 figure, different for each i.
func pngImage(i int) ([]byte, error) { return pngFigure(i, 1200, 800) }

// pngFigure draws a w×h figure, different for each i.
func pngFigure(i, w, h int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x/5 + i*13), uint8(y/4 + i*7), uint8(128 + i), 255})
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}
