package gensite

import (
	"fmt"
	"strings"
)

// The rich mode: posts that look like a Korean machine-learning or
// developer blog (issue 13). Each post has code in several languages —
// fenced, unlabelled, in {% highlight … linenos %}, and under names that
// are plain text (text, console, shell-session, none) or that no
// highlighter knows — a Liquid include and {% post_url %} links to other
// posts, footnotes, tables, the Math option's formulas, raw HTML (a
// <details>, a <center>, an <img> with a width) and images of many sizes:
// small PNG diagrams, screenshots, a formula GIF and a few large photos
// that many posts share, as a blog reuses a header picture.

// richSections is how many ## sections a rich post has: with its code
// and images, a post of about 9 KB and five to seven A5 pages.
const richSections = 5

// richPhotos is how many large photographs (3000×2000 JPEG) the rich
// posts share; every post shows one of them.
const richPhotos = 3

// richFigures are the sizes of the rich site's PNG diagrams, cycled over
// richFigureCount figures: from a small icon-like chart to a full-width
// plot.
var richFigures = [][2]int{{320, 240}, {640, 400}, {960, 600}, {1200, 800}, {480, 480}}

// richFigureCount and richShots are how many distinct diagrams and
// screenshots the rich posts cycle through.
const (
	richFigureCount = 24
	richShots       = 8
)

// richNote is the site's _includes/note.html, which every rich post
// includes, as Jekyll blogs include their own snippets.
const richNote = `<div class="note">
  <p>이 글의 코드는 저장소에서 내려받을 수 있습니다.</p>
</div>
`

// richFiles adds the rich site's include and images to files.
func richFiles(files map[string][]byte) error {
	files["site/_includes/note.html"] = []byte(richNote)
	jobs := formulaJobs()
	for i := range richFigureCount {
		sz := richFigures[i%len(richFigures)]
		jobs = append(jobs, job{richFigurePath(i), func(i int) ([]byte, error) { return pngFigure(i, sz[0], sz[1]) }, i})
	}
	for i := range richShots {
		jobs = append(jobs, job{shotPath(i), screenshot, i})
	}
	for i := range richPhotos {
		jobs = append(jobs, job{richPhotoPath(i), func(i int) ([]byte, error) { return Photo(i, 3000, 2000) }, i})
	}
	return makeFiles(files, jobs)
}

func richFigurePath(i int) string { return fmt.Sprintf("site/assets/img/diagram-%03d.png", i) }
func richPhotoPath(i int) string  { return fmt.Sprintf("site/assets/photos/shared-%d.jpg", i) }

// postName is the name {% post_url %} knows post i by.
func postName(i int) string { return fmt.Sprintf("%s-post-%04d", date(i), i) }

// richPost returns the text of rich post i of n and its formula count.
func richPost(i, n int) (string, int) {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"ML 노트 %d: 어텐션을 서비스에 올리기\"\ndate: %s 10:00:00 +0900\ntags: [ml, python, go]\ncategories: [ml, dev]\nmath: true\n---\n\n", i, date(i))
	b.WriteString("지난번에 만든 모델을 실제 서비스에 올리면서 겪은 일을 정리한다. **\"배포\"**는 학습보다 어렵고, **지연 시간(latency)**이 문제였다.[^1]\n")
	if i > 0 {
		fmt.Fprintf(&b, "앞선 과정은 [이전 글]({%% post_url %s %%})에 있다.", postName(i-1))
	}
	if n > 1 {
		fmt.Fprintf(&b, " 관련된 내용은 [다른 글]({%% post_url %s %%})을 보라.", postName((i+n/2)%n))
	}
	b.WriteString("\n\n{% include note.html %}\n\n")
	formulas := 0
	for p := range richSections {
		fmt.Fprintf(&b, "## %d. %s\n\n", p+1, richHeadings[(i+p)%len(richHeadings)])
		b.WriteString("배치 크기를 늘리면 처리량은 좋아지지만 지연 시간이 늘어난다. `torch.compile`을 켜면 첫 요청이 느리다.[^" + fmt.Sprint(p+2) + "] ")
		b.WriteString("이 절에서는 설정, 코드, 결과를 차례로 본다. 수치는 모두 세 번 잰 값의 중앙값이다.\n\n")
		if (i+p)%2 == 0 {
			formulas += mathSection(&b, p+i, false)
		}
		richCode(&b, i, p)
		richMedia(&b, i, p)
	}
	b.WriteString("[^1]: 여기서 지연 시간은 요청이 들어와서 응답이 나갈 때까지의 시간이다.\n")
	for p := range richSections {
		fmt.Fprintf(&b, "[^%d]: %d절의 측정은 같은 장비에서 했다. 자세한 환경은 부록에 적었다.\n", p+2, p+1)
	}
	return b.String(), formulas
}

// richHeadings are the rich posts' section titles, cycled.
var richHeadings = []string{"배경", "모델 구조", "서빙 설정", "데이터 준비", "결과와 회고", "로그 읽기", "배포 파이프라인"}

// richCode writes section p's code blocks: one in a labelled language,
// then in turn a Jekyll highlight with line numbers, an unlabelled fence
// or a block under a plain or unknown name.
func richCode(b *strings.Builder, i, p int) {
	k := i*richSections + p
	s := richSnippets[k%len(richSnippets)]
	fmt.Fprintf(b, "```%s\n%s```\n\n", s.lang, s.code)
	switch k % 3 {
	case 0:
		fmt.Fprintf(b, "{%% highlight python linenos %%}\n%s{%% endhighlight %%}\n\n", trainPy)
	case 1:
		b.WriteString("```\n" + treeOut + "```\n\n")
	case 2:
		s = plainSnippets[k/3%len(plainSnippets)]
		fmt.Fprintf(b, "```%s\n%s```\n\n", s.lang, s.code)
	}
}

// richMedia writes section p's table, raw HTML and images.
func richMedia(b *strings.Builder, i, p int) {
	site := func(path string) string { return "/" + strings.TrimPrefix(path, "site/") }
	switch p {
	case 0:
		fmt.Fprintf(b, "![구조도 %d]({{ \"%s\" | relative_url }})\n\n", i, site(richFigurePath(i%richFigureCount)))
		b.WriteString("| 설정 | 처리량 (req/s) | p99 지연 (ms) | 비고 |\n|---|--:|--:|---|\n| 배치 1 | 120 | 18 | 기본값 |\n| 배치 8 | 610 | 42 | **권장** |\n| 배치 32 | 1,480 | 131 | 메모리 부족 위험 |\n\n")
	case 1:
		fmt.Fprintf(b, "<details>\n<summary>전체 학습 로그 보기</summary>\n\n```console\n%s```\n\n</details>\n\n", consoleLog)
		fmt.Fprintf(b, "![손실 곡선]({{ \"%s\" | relative_url }})\n\n", site(richFigurePath((i+7)%richFigureCount)))
	case 2:
		fmt.Fprintf(b, "<center>\n<img src=\"%s\" alt=\"대시보드 화면\" width=\"480\">\n</center>\n\n", site(shotPath(i%richShots)))
		b.WriteString("| 항목 | 값 |\n|---|---|\n| GPU | A100 40GB |\n| 드라이버 | 535.104 |\n| 파이썬 | 3.11 |\n\n")
	case 3:
		fmt.Fprintf(b, "![현장 사진](%s)\n\n", site(richPhotoPath(i%richPhotos)))
		fmt.Fprintf(b, "손실 함수는 블로그에 그림으로도 올렸다. ![수식](/assets/formula/f-%02d.gif)\n\n", i%formulas)
	case 4:
		fmt.Fprintf(b, "<img src=\"%s\" alt=\"작은 도표\" width=\"50%%\">\n\n", site(richFigurePath((i+3)%richFigureCount)))
		b.WriteString("정리하면, 배치 8이 가장 낫다. 다음 글에서는 **양자화(量子化)**를 다룬다.\n\n")
	}
}
