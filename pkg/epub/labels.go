package epub

import (
	"fmt"
	"strings"
	"time"
)

// labels are the words the EPUB writes itself, in the book's language.
type labels struct {
	Contents, Cover, TitlePage, Start, Landmarks string
	// Details labels a <details> element that has no summary.
	Details string
	// Summary is the accessibility summary.
	Summary string
	date    func(time.Time) string
}

var korean = labels{
	Contents: "차례", Cover: "표지", TitlePage: "속표지", Start: "본문", Landmarks: "길잡이", Details: "자세히",
	Summary: "본문은 제목 구조와 차례를 갖춘 텍스트입니다.",
	date: func(t time.Time) string {
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), int(t.Month()), t.Day())
	},
}

var english = labels{
	Contents: "Contents", Cover: "Cover", TitlePage: "Title page", Start: "Start", Landmarks: "Landmarks", Details: "Details",
	Summary: "The text is structured with headings and a table of contents.",
	date:    func(t time.Time) string { return t.Format("2 January 2006") },
}

// labelsFor picks the labels for a BCP 47 language tag.
func labelsFor(lang string) labels {
	if strings.HasPrefix(strings.ToLower(lang), "ko") {
		return korean
	}
	return english
}
