package cli

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes the program in-process with args and returns exit code,
// stdout and stderr.
func run(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), append([]string{"publish"}, args...), IO{
		Stdout: &out, Stderr: &errb, WorkDir: dir,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errb.String()
}

// chdir makes relative arguments resolve against dir for one test.
func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestCheckSampleBook(t *testing.T) {
	root := repoRoot(t)
	chdir(t, root)
	code, out, errs := run(t, root, nil, "check", "books/sample.yaml")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"블로그에서 책으로 — 한 개발자의 기록 모음",
		"제2부 기록",
		"2019-07-23  개발자 취업 준비 1년의 기록",
		"2020-01-05  Go 동시성 패턴 정리",
		"2020-04-15  한국어 조판에서 신경 쓸 것들",
		"4 chapters",
		"2020-06-01  소프트맥스와 역전파를 손으로 풀어 보기",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q:\n%s", want, out)
		}
	}
	// The draft is left out with a note; nothing else is reported.
	if !strings.Contains(errs, "2021-02-02-draft.md: note: published: false") || !strings.Contains(errs, "sample.yaml: note: math: the site's MathJax configuration is in _includes/mathjax.html") || !strings.Contains(errs, "publish: 2 notes") {
		t.Errorf("diagnostics:\n%s", errs)
	}
	// Go 동시성 comes before 한국어 조판 although its file name sorts after it:
	// glob matches are ordered by post date.
	if strings.Index(out, "Go 동시성") > strings.Index(out, "한국어 조판") {
		t.Errorf("glob matches not sorted by date:\n%s", out)
	}
}

func TestCheckJSON(t *testing.T) {
	root := repoRoot(t)
	chdir(t, root)
	code, out, errs := run(t, root, nil, "check", "--json", "books/sample.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Book struct {
			Title    string   `json:"title"`
			Authors  []string `json:"authors"`
			Subjects []string `json:"subjects"`
		} `json:"book"`
		Chapters []struct {
			Title, Source, Date, Part string
			Images                    int
		} `json:"chapters"`
		Diagnostics []struct {
			Severity, File, Message string
			Line, Column            int
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if doc.Book.Title != "블로그에서 책으로" || len(doc.Chapters) != 4 || doc.Chapters[1].Part != "제2부 기록" {
		t.Errorf("json: %+v", doc)
	}
	if doc.Chapters[0].Images != 1 || doc.Chapters[2].Images != 2 {
		t.Errorf("image counts: %+v", doc.Chapters)
	}
	if len(doc.Diagnostics) != 2 || doc.Diagnostics[0].Severity != "note" {
		t.Errorf("diagnostics: %+v", doc.Diagnostics)
	}
	if errs != "" {
		t.Errorf("--json printed on stderr: %q", errs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"check"}, {"check", "--nope", "x.yaml"}, {"--bogus"}} {
		code, _, errs := run(t, t.TempDir(), nil, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, ExitUsage, errs)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := run(t, t.TempDir(), nil, "version")
	if code != 0 || !strings.HasPrefix(out, "publish ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = run(t, t.TempDir(), nil, "help", "check")
	if code != 0 || !strings.Contains(out, "--json") {
		t.Errorf("help check: %d %q", code, out)
	}
}

// site is a throwaway Jekyll site with a manifest, for end-to-end cases.
type site struct {
	t   *testing.T
	dir string
}

func newSite(t *testing.T) *site {
	s := &site{t: t, dir: t.TempDir()}
	s.write("site/_config.yml", "title: 시험\nurl: https://me.example.com\nbaseurl: /b\n")
	return s
}

func (s *site) write(rel, content string) string {
	s.t.Helper()
	p := filepath.Join(s.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
	return p
}

func (s *site) manifest(chapters ...string) {
	var b strings.Builder
	b.WriteString("title: 시험 책\nauthors: 나\nsite:\n  root: site\nchapters:\n")
	for _, c := range chapters {
		b.WriteString("  - site/_posts/" + c + "\n")
	}
	s.write("book.yaml", b.String())
}

func (s *site) check(t *testing.T, extra ...string) (int, string, string) {
	t.Helper()
	chdir(t, s.dir)
	return run(t, s.dir, nil, append(append([]string{"check"}, extra...), "book.yaml")...)
}

// pngHeader returns the first bytes of a PNG that declares w×h pixels: a
// decompression bomb needs no more than that to be recognised.
func pngHeader(w, h uint32) []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	chunk := append([]byte("IHDR"), ihdr[:]...)
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&buf, binary.BigEndian, uint32(13))
	buf.Write(chunk)
	binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return buf.Bytes()
}

func TestHostileImages(t *testing.T) {
	s := newSite(t)
	outside := filepath.Join(t.TempDir(), "secret.png")
	os.WriteFile(outside, pngHeader(10, 10), 0o644)
	os.MkdirAll(filepath.Join(s.dir, "site/assets"), 0o755)
	if err := os.Symlink(outside, filepath.Join(s.dir, "site/assets/link.png")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	s.write("site/assets/bomb.png", string(pngHeader(100000, 100000)))
	s.write("site/_posts/2020-01-01-a.md", strings.Join([]string{
		"---", "title: 이미지", "---",
		"![탈출](../../../../../etc/passwd)",
		"![링크](/assets/link.png)",
		"![폭탄](/assets/bomb.png)",
		"![원격](https://cdn.example.org/x.png)",
		"![없음](/assets/none.png)",
		"![파일](file:///etc/passwd)",
		`<img src="/b/assets/none2.png" alt="html">`,
		""}, "\n"))
	s.manifest("2020-01-01-a.md")
	code, _, errs := s.check(t)
	if code != 0 {
		t.Errorf("warnings alone must not fail: exit %d\n%s", code, errs)
	}
	want := []string{
		"site/_posts/2020-01-01-a.md:4:", "outside the book",
		"site/_posts/2020-01-01-a.md:5:", // the symlink pointing out
		"site/_posts/2020-01-01-a.md:6:", "above the limit",
		"site/_posts/2020-01-01-a.md:7:", "remote image https://cdn.example.org/x.png is not fetched",
		"site/_posts/2020-01-01-a.md:8:", "not found",
		"site/_posts/2020-01-01-a.md:9:", "file: addresses are not read",
		"site/_posts/2020-01-01-a.md:10:",
		"publish: 7 warnings",
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, "secret") {
		t.Errorf("message reveals the outside file:\n%s", errs)
	}
	// --strict turns the warnings into a failure.
	if code, _, _ := s.check(t, "--strict"); code != ExitInput {
		t.Errorf("--strict: exit %d", code)
	}
	code, _, _ = func() (int, string, string) {
		chdir(t, s.dir)
		return run(t, s.dir, nil, "--strict", "check", "book.yaml")
	}()
	if code != ExitInput {
		t.Errorf("--strict before the command: exit %d", code)
	}
}

func TestHostilePosts(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-bad-utf8.md", "---\ntitle: x\n---\n좋은 줄\n나쁜 \xff 줄\n")
	s.write("site/_posts/2020-01-02-deep.md", "---\ntitle: 깊이\n---\n"+strings.Repeat(">", 20000)+" 인용\n\n"+strings.Repeat("[", 20000)+"\n")
	s.write("site/_posts/2020-01-03-long.md", "---\ntitle: 긴 문단\n---\n"+strings.Repeat("가나다라마바사", 5000)+"\n")
	s.manifest("2020-01-01-bad-utf8.md", "2020-01-02-deep.md", "2020-01-03-long.md")
	code, out, errs := s.check(t)
	if code != ExitInput {
		t.Errorf("invalid UTF-8 must fail the build: exit %d", code)
	}
	if !strings.Contains(errs, "site/_posts/2020-01-01-bad-utf8.md:5:") || !strings.Contains(errs, "UTF-8") {
		t.Errorf("diagnostics:\n%s", errs)
	}
	_ = out
}

func TestMissingChapterAndBadManifest(t *testing.T) {
	s := newSite(t)
	s.manifest("2020-01-01-nope.md")
	code, _, errs := s.check(t)
	if code != ExitInput || !strings.Contains(errs, "book.yaml:6:5: error: chapter site/_posts/2020-01-01-nope.md") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	s.write("book.yaml", "title: x\nauthors: y\nchapters: [a.md]\ncolour: red\n")
	code, _, errs = s.check(t)
	if code != ExitInput || !strings.Contains(errs, `book.yaml:4:1: error: unknown key "colour"`) {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

func TestLiquidAndLinks(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: 첫 글\n---\n## 소개\n\n[둘째]({% post_url 2020-01-02-b %}#없는-절)\n{% include footer.html %}\n{{ \"unterminated\n")
	s.write("site/_posts/2020-01-02-b.md", "---\ntitle: 둘째 글\n---\n[처음](/b/2020/01/01/a.html#소개) [나쁨](2020-01-01-a.md#없음)\n")
	s.manifest("2020-01-01-a.md", "2020-01-02-b.md")
	code, _, errs := s.check(t)
	if code != 0 {
		t.Errorf("exit %d\n%s", code, errs)
	}
	for _, w := range []string{
		"site/_posts/2020-01-01-a.md:6:", "no such heading or anchor",
		"site/_posts/2020-01-01-a.md:7:", "include",
		"site/_posts/2020-01-01-a.md:8:",
		"site/_posts/2020-01-02-b.md:4:", "#없음",
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, "#소개") {
		t.Errorf("a valid heading link was reported:\n%s", errs)
	}
}

func TestGitHubAnnotations(t *testing.T) {
	s := newSite(t)
	s.write("site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n![x](/assets/none.png)\n")
	s.manifest("2020-01-01-a.md")
	chdir(t, s.dir)
	_, out, _ := run(t, s.dir, map[string]string{"GITHUB_ACTIONS": "true"}, "check", "book.yaml")
	if !strings.Contains(out, "::warning file=site/_posts/2020-01-01-a.md,line=4,col=") {
		t.Errorf("no annotation:\n%s", out)
	}
}

func TestPostsWithoutManifest(t *testing.T) {
	root := repoRoot(t)
	chdir(t, root)
	code, out, errs := run(t, root, nil, "check", "books/sample/site/_posts/2020-1-5-go-concurrency.md")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.HasPrefix(out, "Go 동시성 패턴 정리\n  김하늘") {
		t.Errorf("title/author not taken from the post and _config.yml:\n%s", out)
	}
}
