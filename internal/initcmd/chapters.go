package initcmd

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
)

// entry is one item of the manifest's chapters list.
type entry struct {
	pattern string  // relative to the manifest's folder, slash-separated
	glob    bool    // pattern is a glob rather than one post's path
	posts   []*post // the posts it names, in book order
}

// planner chooses the chapters list. Every glob it proposes is expanded
// as pkg/book expands it, and kept only when it yields exactly the next
// posts of the selection, in order.
type planner struct {
	dir     string // the manifest's folder, absolute
	siteRel string // the site folder relative to dir, slash-separated
	siteAbs string // the site folder, absolute
	box     *book.Sandbox
	sel     *selection
	byAbs   map[string]*post
}

func newPlanner(dir string, files *siteFiles, sel *selection) *planner {
	p := &planner{dir: dir, siteAbs: files.abs, box: files.box, sel: sel, byAbs: map[string]*post{}}
	p.siteRel = relSlash(dir, files.abs)
	for _, c := range sel.chosen {
		p.byAbs[c.abs] = c
	}
	return p
}

// relSlash is target relative to dir in slash form, or target itself
// when no relative path exists (another Windows volume).
func relSlash(dir, target string) string {
	if r, err := filepath.Rel(dir, target); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(target)
}

// minGlobPosts is the fewest posts a glob must name to be written: for
// one post its path says more than a pattern.
const minGlobPosts = 2

// plan covers the selection greedily from the front: at each post it
// takes the candidate glob that names the most posts, or the post alone.
func (pl *planner) plan() ([]entry, error) {
	var out []entry
	rest := pl.sel.chosen
	for len(rest) > 0 {
		e, err := pl.next(rest)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		rest = rest[len(e.posts):]
	}
	return out, nil
}

func (pl *planner) next(rest []*post) (entry, error) {
	best := entry{}
	for _, g := range pl.candidates(rest[0]) {
		if posts, ok := pl.expand(g); ok && len(posts) >= minGlobPosts && len(posts) > len(best.posts) && prefixOf(posts, rest) {
			best = entry{pattern: g, glob: true, posts: posts}
		}
	}
	if best.posts != nil {
		return best, nil
	}
	lit, err := pl.literal(rest[0])
	if err != nil {
		return entry{}, err
	}
	return entry{pattern: lit, posts: rest[:1]}, nil
}

// candidates are the globs worth trying for a post, most general first:
// its whole folder, then its year (from the file name). The exact
// extension comes first since "*.md" reads better than "*"; "*" also
// covers a folder mixing .md, .markdown and .html posts.
func (pl *planner) candidates(p *post) []string {
	rel := pl.rel(p)
	dir, base := path.Split(rel)
	dir, ok := escapeGlob(dir)
	if !ok {
		return nil
	}
	ext, _ := escapeGlob(path.Ext(base))
	out := []string{dir + "*" + ext, dir + "*"}
	if i := strings.IndexByte(base, '-'); i > 0 {
		out = append(out, dir+base[:i]+"-*"+ext, dir+base[:i]+"-*")
	}
	return out
}

// rel is a post's path relative to the manifest's folder.
func (pl *planner) rel(p *post) string {
	r, err := filepath.Rel(pl.siteAbs, p.abs)
	if err != nil {
		return filepath.ToSlash(p.abs)
	}
	return path.Join(pl.siteRel, filepath.ToSlash(r))
}

// literal names one post. A path holding *, ? or [ is a glob to the book,
// so those characters are escaped to make it match the file alone; the
// expansion check proves it does.
func (pl *planner) literal(p *post) (string, error) {
	rel := pl.rel(p)
	if isGlob(rel) {
		var ok bool
		if rel, ok = escapeGlob(rel); !ok {
			return "", fmt.Errorf("%s: the manifest cannot name a post whose path holds *, ? or [ on this system", p.path)
		}
	}
	if posts, ok := pl.expand(rel); !ok || len(posts) != 1 || posts[0] != p {
		return "", fmt.Errorf("%s: cannot name this post in a manifest (its path %q does not lead back to it)", p.path, rel)
	}
	return rel, nil
}

// expand names the chosen posts a manifest entry yields, the way pkg/book
// loads it: in date then file-name order, leaving out the posts the book
// leaves out by itself. ok is false when the entry yields no post or
// anything that is not a chosen post.
func (pl *planner) expand(pattern string) (posts []*post, ok bool) {
	files, err := pl.matches(pattern)
	if err != nil {
		return nil, false
	}
	for _, m := range files {
		switch {
		case pl.sel.dropped[m]:
		case pl.byAbs[m] != nil:
			posts = append(posts, pl.byAbs[m])
		default:
			return nil, false
		}
	}
	sortPosts(posts)
	return posts, len(posts) > 0
}

// matches lists the files a manifest entry names, as pkg/book finds them:
// a plain path is itself; a glob's are Sandbox.ExpandGlob's.
func (pl *planner) matches(pattern string) ([]string, error) {
	abs := resolve(pl.dir, pattern)
	if !isGlob(abs) {
		return []string{abs}, nil
	}
	posts, _, err := pl.box.ExpandGlob(abs, pl.siteAbs)
	return posts, err
}

// resolve makes a manifest path absolute as pkg/manifest does.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

func prefixOf(posts, rest []*post) bool {
	if len(posts) > len(rest) {
		return false
	}
	for i, p := range posts {
		if rest[i] != p {
			return false
		}
	}
	return true
}

// isGlob is pkg/book's test for a pattern.
func isGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

// escapeGlob quotes the characters filepath.Match treats specially. On
// Windows the backslash separates folders and cannot escape, so a name
// holding them cannot be part of a pattern there.
func escapeGlob(s string) (string, bool) {
	if runtime.GOOS == "windows" {
		return s, !isGlob(s)
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

// errMismatch reports a generated chapters list that does not yield the
// selection; it means a bug here, not a problem of the site.
var errMismatch = errors.New("internal error: the chapters written do not yield the selected posts")
