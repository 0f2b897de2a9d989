// Package progress names the stages of a build that report how far they
// have come, so that the packages that report and the command that shows
// progress agree on one list.
package progress

// Stage is a stage of a build that reports progress.
type Stage int

// The stages, in the order a build runs them.
const (
	// ReadingPosts counts posts read, evaluated and parsed (book.Load).
	ReadingPosts Stage = iota + 1
	// RenderingChapters counts EPUB documents rendered (epub.Write).
	RenderingChapters
	// SettingChapters counts chapters set into pages (layout.Layout).
	SettingChapters
	// WritingPages counts PDF pages written (pdf.Write).
	WritingPages
)

// Stages lists every stage in order.
var Stages = []Stage{ReadingPosts, RenderingChapters, SettingChapters, WritingPages}

var names = map[Stage]string{
	ReadingPosts:      "reading posts",
	RenderingChapters: "rendering chapters",
	SettingChapters:   "setting chapters",
	WritingPages:      "writing pages",
}

// String is what a person sees: "reading posts".
func (s Stage) String() string {
	if n, ok := names[s]; ok {
		return n
	}
	return "working"
}

// Func hears that done of total things of a stage are finished. It may be
// called from several goroutines at once.
type Func func(stage Stage, done, total int)
