package initcmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// nasty are strings that break YAML written carelessly.
var nasty = []string{
	"블로그에서 책으로",
	"제목: 부제",
	"#1 첫 글",
	"C# 입문 #태그",
	`"따옴표" 'apostrophe'`,
	`역슬래시 \ 와 \n 글자`,
	"*별표 & 앰퍼샌드",
	"- 대시로 시작",
	"yes", "null", "~", "2020", "0x1F", "1e3", "2021-02-02",
	"{중괄호}", "[대괄호]", "|파이프", ">꺾쇠", "%퍼센트", "@골뱅이", "`백틱`",
	"줄\n바꿈", "탭\t문자", "\u2028줄 구분자\u2029", "\u0085NEL", "\ufeffBOM", "\x00널\x1b",
	"이모지 😀 𝄞",
	"끝에 콜론:",
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range nasty {
		checkQuote(t, s)
	}
}

func FuzzQuote(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("titles come from YAML and front matter, which are UTF-8")
		}
		checkQuote(t, s)
	})
}

// checkQuote puts s in a manifest as the title, as an author and in
// comments, and checks that pkg/manifest reads it back unchanged and
// without a complaint.
func checkQuote(t *testing.T, s string) {
	t.Helper()
	text := "# " + comment(s) + "\n" +
		"title: " + quote(s) + "  # " + comment(s) + "\n" +
		"authors: [" + quote(s) + ", " + quote("둘째") + "]\n" +
		"chapters:\n  - " + quote("a.md") + "  # " + comment(s) + "\n"
	var d diag.List
	m, err := manifest.Parse("m.yaml", "/book", []byte(text), &d)
	want := strings.TrimSpace(s) // the reader trims titles and authors
	if want == "" {
		if err == nil {
			t.Errorf("empty title %q accepted", s)
		}
		return
	}
	if err != nil || d.Len() > 0 {
		t.Fatalf("%q: %v %v\n%s", s, err, d.Items(), text)
	}
	if m.Title != want || len(m.Authors) != 2 || m.Authors[0] != want {
		t.Errorf("%q read back as title %q, authors %q\n%s", s, m.Title, m.Authors, text)
	}
	if len(m.Chapters) != 1 || !strings.HasSuffix(m.Chapters[0].Pattern, "a.md") {
		t.Errorf("%q: a comment swallowed the chapter: %+v", s, m.Chapters)
	}
}

func TestQuoteKeepsHangul(t *testing.T) {
	if got := quote("한글 제목"); got != `"한글 제목"` {
		t.Errorf("quote = %s; Hangul must stay readable", got)
	}
}

func TestComment(t *testing.T) {
	for in, want := range map[string]string{
		"한 줄":                       "한 줄",
		"두\n줄\r\n제목":                "두 줄 제목",
		"  공백   많은  ":               "공백 많은",
		strings.Repeat("가", 70):     strings.Repeat("가", 59) + "…",
		"LS\u2028PS\u2029NEL\u0085": "LS PS NEL",
	} {
		if got := comment(in); got != want {
			t.Errorf("comment(%q) = %q, want %q", in, got, want)
		}
	}
}
