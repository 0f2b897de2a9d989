package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// hostileArchive is a post that tries everything a post should not get
// into a book.
const hostileArchive = `-- evil.md --
---
title: 나쁜 글
---
<script>document.write("x")</script><style>body{display:none}</style>

<iframe src="https://frame.example/"></iframe><object data="x.swf"></object>

<p onclick="steal()" onmouseover="x()">클릭 <a href="javascript:alert(1)">링크</a>

<a href=" JaVaScRiPt:alert(2)">공백 링크</a> <a href="data:text/html,x">데이터</a></p>

<img src="../../../../../../etc/passwd" alt="비밀">

<img src="/etc/hostname" onerror="alert(1)" alt="호스트">

<svg><script>alert(1)</script><circle r="1"/></svg>

<math><mi>x</mi></math>

<div id="dup">하나</div><div id="dup">둘</div>

<a href="file:///etc/passwd">파일</a> [로컬](file:///etc/shadow)

![위](../../../../etc/passwd)

<form action="https://evil.example"><input type="text" name="q"><button>보내기</button></form>

<div style="position: fixed; width: expression(alert(1)); color: blue">스타일</div>

<!-- 주석 -- 안의 -- 대시 -->

<![CDATA[ x ]]>

<p>제어 문자 ` + "\x01\x08\x0b" + ` 끝</p>

<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">

<link rel="stylesheet" href="https://evil.example/x.css">

<video src="https://evil.example/v.mp4"></video><audio src="a.mp3"></audio>

<table><tr><td><div>칸 속 블록</div></td></tr></table>

<ul><li>목록</li></ul><li>목록 밖 항목</li>
`

func TestHostile(t *testing.T) {
	ar := txtar.Parse([]byte(hostileArchive))
	long := strings.Repeat("아주 긴 문단의 한국어 문장입니다. ", 100*1024/50)
	ar.Files = append(ar.Files, txtar.File{Name: "long.md", Data: []byte("# 긴 문단\n\n" + long + "\n")})
	data, diags := buildArchive(t, ar, nil)
	files := zipFiles(t, data)
	checkNames(t, files)
	for name, body := range files {
		if strings.HasSuffix(name, ".xhtml") {
			checkXHTML(t, name, body)
		}
	}
	evil := string(files["EPUB/c001.xhtml"])
	for _, bad := range []string{"<script", "<style", "<iframe", "<object", "onclick", "onerror", "javascript",
		"data:text", "file:", "evil.example", "<svg", "<math", "<form", "<input", "expression", "position", "<!--", "\x01"} {
		if strings.Contains(strings.ToLower(evil), strings.ToLower(bad)) {
			t.Errorf("c001.xhtml still holds %q", bad)
		}
	}
	// an iframe loads nothing: the page it showed is a link (uri.EmbedPage)
	if !strings.Contains(evil, `<a href="https://frame.example/" class="url">https://frame.example/</a>`) {
		t.Error("the iframe is not a link to its page")
	}
	if n := strings.Count(evil, `id="dup"`); n != 1 {
		t.Errorf("id dup appears %d times, want 1", n)
	}
	if !strings.Contains(string(files["EPUB/c002.xhtml"]), long[:1000]) {
		t.Error("the long paragraph is missing")
	}
	for _, want := range []string{"<script> is not allowed", "event handler onclick", "javascript:alert(1)"} {
		if !strings.Contains(diags.String(), want) {
			t.Errorf("no warning about %q in\n%s", want, diags)
		}
	}
}

var entryName = regexp.MustCompile(`^(mimetype|META-INF/container\.xml|EPUB/(package\.opf|toc\.ncx|style\.css|[a-z]+[0-9]*\.xhtml|images/[A-Za-z0-9_][A-Za-z0-9._-]*|fonts/[a-z-]+\.ttf))$`)

// checkNames checks that every entry is one the writer makes.
func checkNames(t *testing.T, files map[string][]byte) {
	t.Helper()
	for name := range files {
		if !entryName.MatchString(name) || strings.Contains(name, "..") {
			t.Errorf("unexpected entry %q", name)
		}
	}
}

// checkXHTML checks that a document is well-formed XML.
func checkXHTML(t *testing.T, name string, body []byte) {
	t.Helper()
	if err := wellFormed(body); err != nil {
		t.Errorf("%s is not well-formed: %v", name, err)
	}
}

func wellFormed(body []byte) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%v", err)
		}
	}
}

func TestOddAssetName(t *testing.T) {
	ar := txtar.Parse([]byte("-- p.md --\n# 그림\n\n![가](a.png)\n\n![나](b.png)\n-- a.png --\npng 10 10\n-- b.png --\npng 12 12\n"))
	dir := t.TempDir()
	for _, f := range ar.Files {
		writeFixture(t, dir+"/"+f.Name, f.Data)
	}
	writeFixture(t, dir+"/book.yaml", []byte("title: 이름\nauthors: [가]\nchapters:\n  - p.md\n"))
	b, _ := loadBook(t, dir+"/book.yaml")
	b.Assets[0].Name = "images/../../../evil name 한글.png"
	b.Assets[1].Name = "/etc/images/b.png"
	data, _, _ := build(t, b, Options{})
	files := zipFiles(t, data)
	checkNames(t, files)
	c := string(files["EPUB/c001.xhtml"])
	for _, img := range regexp.MustCompile(`src="([^"]+)"`).FindAllStringSubmatch(c, -1) {
		if files["EPUB/"+img[1]] == nil {
			t.Errorf("image %s is not in the EPUB", img[1])
		}
	}
	if strings.Count(c, "<img") != 2 {
		t.Errorf("want 2 images in\n%s", c)
	}
}
