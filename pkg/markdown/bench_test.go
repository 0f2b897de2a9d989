package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// longKoreanPost builds a post of about 100 KB in the shape of a Korean
// technical blog: headings, paragraphs with emphasis next to particles,
// lists, code, a table, math and attribute lists.
func longKoreanPost() []byte {
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "## %d장. **모델**의 편향과 분산\n\n", i)
		b.WriteString("기계 학습에서 **\"편향(bias)\"**은 모델이 단순해서 생기는 오차이고, " +
			"*분산*은 데이터에 지나치게 맞춰서 생기는 오차이다. 두 값은\n" +
			"서로 반대로 움직이므로 **Bias-Variance**가 균형을 이루는 지점을 찾는다. " +
			"손실은 $$L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2$$ 로 쓴다.[^n]\n\n")
		b.WriteString("- 첫째, 데이터를 **늘린다**.\n- 둘째, 모델을 `regularize` 한다.\n- 셋째, [교차 검증](https://example.com/cv)을 쓴다.\n{: .tips}\n\n")
		b.WriteString("```python\nfor x in data:\n    print(x)\n```\n\n")
		b.WriteString("| 모델 | 편향 | 분산 |\n|---|---|---|\n| 선형 | 큼 | 작음 |\n| 트리 | 작음 | 큼 |\n\n")
		b.WriteString("$$\n\\mathbb{E}[(y-\\hat f)^2] = \\mathrm{Bias}^2 + \\mathrm{Var} + \\sigma^2\n$$\n\n")
		b.WriteString("![그림](/assets/img/a.png){: width=\"60%\" .center}\n\n")
	}
	b.WriteString("[^n]: 평균 제곱 오차.\n")
	return []byte(b.String())
}

// BenchmarkParseKoreanPost parses a long Korean post.
func BenchmarkParseKoreanPost(b *testing.B) {
	src := longKoreanPost()
	p := New(Options{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(src)
	}
}

// TestLongKoreanPost checks the benchmark's input parses as intended, so
// that the benchmark measures what it claims to.
func TestLongKoreanPost(t *testing.T) {
	src := longKoreanPost()
	d := Dump(New(Options{}).Parse(src), src)
	for _, want := range []string{"MathBlock", "MathInline", "Table", `@class="tips"`, `@width="60%"`, "Emphasis level=2\n      Text \"\\\"편향(bias)\\\"\""} {
		if !strings.Contains(d, want) {
			t.Errorf("tree lacks %q", want)
		}
	}
}
