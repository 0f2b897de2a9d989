package epub

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
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
