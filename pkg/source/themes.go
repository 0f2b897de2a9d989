package source

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/hangul-press/publish/pkg/uri"
)

// Theme includes. A theme's _includes are not part of the site, so an
// include the site does not hold is dropped (includeSite). Some themes'
// includes carry a post's content, though: Minimal Mistakes, one of the
// most used Jekyll themes, puts figures, galleries and videos in posts
// with {% include figure image_path=… caption=… %}. For a site on that
// theme, those few are written here as the Markdown that says the same
// thing, so that the book keeps the pictures and their captions.

// themeIncludes are the includes written here, for sites of the Minimal
// Mistakes theme, by the name posts include them with.
var themeIncludes = map[string]func(ev *evaluator, vals map[string]any) string{
	"figure":  (*evaluator).mmFigure,
	"gallery": (*evaluator).mmGallery,
	"video":   (*evaluator).mmVideo,
	"toc":     (*evaluator).mmTOC,
}

// minimalMistakes reports whether the site uses the Minimal Mistakes
// theme, as a gem or as a remote theme.
func (s *Site) minimalMistakes() bool { return s.UsesTheme("minimal-mistakes") }

// themeInclude returns the Markdown that stands for a theme's include,
// and whether there is one.
func (ev *evaluator) themeInclude(name string, vals map[string]any) (string, bool) {
	fn, ok := themeIncludes[strings.TrimSuffix(name, ".html")]
	if !ok || !ev.site.minimalMistakes() {
		return "", false
	}
	return fn(ev, vals), true
}

// mmFigure is Minimal Mistakes' figure: an image (image_path, alt) with
// a caption under it, which the book sets as the figure's caption (an
// italic line under an image, markdown.captionTransformer).
func (ev *evaluator) mmFigure(vals map[string]any) string {
	src := frontString(vals["image_path"])
	if src == "" {
		ev.diags.Warnf(ev.at.tagPos(), "include figure: no image_path; dropped")
		return ""
	}
	out := mdImage(frontString(vals["alt"]), fmt.Sprint(relativeURL(ev.site, src)))
	if c := oneLine(frontString(vals["caption"])); c != "" {
		out += "\n*" + strings.ReplaceAll(c, "*", `\*`) + "*"
	}
	return out
}

// mmGallery is Minimal Mistakes' gallery: the images the page's gallery
// list names (or the list include.id names), side by side, and the
// gallery's caption as a paragraph under them.
func (ev *evaluator) mmGallery(vals map[string]any) string {
	key := frontString(vals["id"])
	if key == "" {
		key = "gallery"
	}
	items, _ := ev.post.Front[key].([]any)
	var lines []string
	for _, it := range items {
		m, _ := it.(map[string]any)
		src := frontString(m["image_path"])
		if src == "" {
			src = frontString(m["url"])
		}
		if src == "" {
			continue
		}
		lines = append(lines, mdImage(frontString(m["alt"]), fmt.Sprint(relativeURL(ev.site, src))))
	}
	if len(lines) == 0 {
		ev.diags.Warnf(ev.at.tagPos(), "include gallery: page.%s lists no images; dropped", key)
		return ""
	}
	out := strings.Join(lines, "\n")
	if c := oneLine(frontString(vals["caption"])); c != "" {
		out += "\n\n" + c
	}
	return out
}

// mmVideo is Minimal Mistakes' video: a book cannot play one, so its
// address is printed as a link, with a warning.
func (ev *evaluator) mmVideo(vals map[string]any) string {
	id, provider := frontString(vals["id"]), strings.ToLower(frontString(vals["provider"]))
	var u string
	switch provider {
	case "youtube":
		u = uri.EmbedPage("https://www.youtube.com/embed/" + url.PathEscape(id))
	case "vimeo":
		u = uri.EmbedPage("https://player.vimeo.com/video/" + url.PathEscape(id))
	case "google-drive":
		u = "https://drive.google.com/file/d/" + url.PathEscape(id) + "/view"
	case "bilibili":
		u = "https://www.bilibili.com/video/" + url.PathEscape(id)
	}
	if id == "" || u == "" {
		ev.diags.Warnf(ev.at.tagPos(), "include video: expected an id and a provider (youtube, vimeo, google-drive, bilibili); dropped")
		return ""
	}
	ev.diags.Warnf(ev.at.tagPos(), "include video: a book cannot play a video; its address is printed as a link")
	return linkHTML(u)
}

// mmTOC is Minimal Mistakes' table of contents of the post: the book has
// its own, so it is left out, with a note.
func (ev *evaluator) mmTOC(map[string]any) string {
	ev.diags.Notef(ev.at.tagPos(), "include toc: the book's own table of contents stands for it; left out")
	return ""
}

// mdImage writes a Markdown image with its alt text escaped and its
// address in angle brackets (which may hold spaces).
func mdImage(alt, src string) string {
	r := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
	src = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "").Replace(src)
	return "![" + r.Replace(oneLine(alt)) + "](<" + src + ">)"
}

// oneLine joins the lines of s with spaces: what a line of Markdown may
// hold.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
