package epub

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
)

// BenchmarkWrite renders a generated book of 500 chapters, each with two
// sections, a code block, a footnote and its own small PNG, to memory.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	var manifest strings.Builder
	manifest.WriteString("title: 벤치마크\nauthors: [가]\nchapters:\n")
	for i := 1; i <= 500; i++ {
		name := fmt.Sprintf("posts/2020-01-01-post%03d.md", i)
		writeFixture(b, filepath.Join(dir, fmt.Sprintf("posts/img%03d.png", i)), makePNG(32+i%7, 24))
		writeFixture(b, filepath.Join(dir, name), []byte(benchPost(i)))
		manifest.WriteString("  - " + name + "\n")
	}
	writeFixture(b, filepath.Join(dir, "book.yaml"), []byte(manifest.String()))
	bk, _ := loadBook(b, filepath.Join(dir, "book.yaml"))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(io.Discard, bk, Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPost(i int) string {
	para := strings.Repeat("한국어 문단의 **굵은 글씨**와 [링크](https://example.com)가 섞인 문장입니다. ", 20)
	return fmt.Sprintf(`---
title: 글 %d
---
%s

## 첫 절

![그림 %d](img%03d.png "캡션")

%s[^1]

## 둘째 절

`+"```go\nfunc f%d() int { return %d }\n```"+`

[^1]: 각주 %d.
`, i, para, i, i, para, i, i, i)
}

// BenchmarkWriteMath renders a generated book of 100 math-heavy chapters
// (mathPost: 54 formulas each, 12 of them displays, the mix of a Korean
// machine-learning blog) in each epub.math mode, and reports the EPUB's
// size.
func BenchmarkWriteMath(b *testing.B) {
	bk := mathHeavyBook(b, 100)
	for _, m := range mathModes {
		b.Run(m.name, func(b *testing.B) {
			bk.Config.EPUB.Math = m.mode
			var size int
			for b.Loop() {
				var out bytes.Buffer
				if _, err := Write(&out, bk, Options{}, nil); err != nil {
					b.Fatal(err)
				}
				size = out.Len()
			}
			b.ReportMetric(float64(size), "epub-bytes")
			b.ReportMetric(float64(100*mathPostFormulas)*float64(b.N)/b.Elapsed().Seconds(), "formulas/s")
		})
	}
}

// mathHeavyBook writes and loads a book of n chapters made by mathPost.
func mathHeavyBook(b testing.TB, n int) *book.Book {
	dir := b.TempDir()
	var manifest strings.Builder
	manifest.WriteString("title: 수식 벤치마크\nauthors: [가]\nmath:\n  inline: dollar\n  numbering: ams\nchapters:\n")
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("posts/2020-01-01-math%03d.md", i)
		writeFixture(b, filepath.Join(dir, name), []byte(mathPost(i)))
		manifest.WriteString("  - " + name + "\n")
	}
	writeFixture(b, filepath.Join(dir, "book.yaml"), []byte(manifest.String()))
	bk, _ := loadBook(b, filepath.Join(dir, "book.yaml"))
	return bk
}

// mathInlines and mathDisplays are formulas as Korean machine-learning
// blogs write them.
var (
	mathInlines = []string{
		`x \in \mathbb{R}^d`, `\theta`, `\hat{y}_i`, `\mathcal{L}(\theta)`, `\nabla_\theta J`,
		`p(y \mid x)`, `\sigma(z) = 1/(1+e^{-z})`, `\lVert w \rVert_2^2`, `W^{(l)}`, `\alpha = 0.01`,
		`\mathbb{E}[X]`, `\operatorname{softmax}(z)_k`, `O(n \log n)`, `\text{ReLU}(x) = \max(0, x)`, `N(\mu, \sigma^2)`,
	}
	mathDisplays = []string{
		`\mathcal{L}(\theta) = -\frac{1}{N} \sum_{i=1}^{N} \sum_{c=1}^{C} y_{i,c} \log \hat{y}_{i,c}`,
		`\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)`,
		`\begin{aligned} \frac{\partial \mathcal{L}}{\partial z_k} &= \sum_c \frac{\partial \mathcal{L}}{\partial \hat{y}_c} \frac{\partial \hat{y}_c}{\partial z_k} \\ &= \hat{y}_k - y_k \end{aligned}`,
		`p(\theta \mid \mathcal{D}) = \frac{p(\mathcal{D} \mid \theta)\, p(\theta)}{\int p(\mathcal{D} \mid \theta')\, p(\theta')\, d\theta'}`,
		`\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V`,
		`\begin{equation} D_{\mathrm{KL}}(P \parallel Q) = \sum_{x} P(x) \log \frac{P(x)}{Q(x)} \label{eq:kl} \end{equation}`,
		`\Sigma = \begin{bmatrix} \sigma_1^2 & \rho \sigma_1 \sigma_2 \\ \rho \sigma_1 \sigma_2 & \sigma_2^2 \end{bmatrix}`,
		`f(x) = \begin{cases} 1 & \text{if } x \ge 0 \\ 0 & \text{그 외} \end{cases}`,
		`\hat{\beta} = (X^\top X)^{-1} X^\top y \tag{정규방정식}`,
		`\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e`,
	}
)

// mathPostFormulas is how many formulas mathPost writes.
const mathPostFormulas = 6 * (5 + 2 + 2)

// mathPost returns a chapter of six sections, each a paragraph with five
// inline formulas and two display formulas, each followed by an \eqref.
func mathPost(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: 수식 글 %d\n---\n", i)
	labelled := false
	for s := 0; s < 6; s++ {
		fmt.Fprintf(&b, "\n## 절 %d\n\n", s+1)
		for k := 0; k < 5; k++ {
			fmt.Fprintf(&b, "모델의 매개변수 $%s$를 갱신하는 규칙은 다음과 같다. ", mathInlines[(i+s*5+k)%len(mathInlines)])
		}
		b.WriteString("\n")
		for k := 0; k < 2; k++ {
			tex := mathDisplays[(i+s*2+k)%len(mathDisplays)]
			if strings.Contains(tex, `\label`) {
				if labelled {
					tex = strings.Replace(tex, `\label{eq:kl}`, "", 1) // one label per chapter
				}
				labelled = true
			}
			fmt.Fprintf(&b, "\n$$\n%s\n$$\n\n식 $\\eqref{eq:kl}$을 보라.\n", tex)
		}
	}
	return b.String()
}
