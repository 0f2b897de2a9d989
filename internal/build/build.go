// Package build runs publish's pipeline for the command line. It owns what
// the libraries below it must not touch: the working directory, the
// environment (SOURCE_DATE_EPOCH) and the choice of input files.
package build

import (
	"errors"
	"fmt"
	"github.com/hangul-press/publish/pkg/progress"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// Env is what the pipeline takes from the outside world.
type Env struct {
	// WorkDir is the folder paths in messages are made relative to.
	WorkDir string
	// Getenv reads an environment variable; nil reads none.
	Getenv func(string) string
	// Progress, when not nil, hears how far a long build has come.
	Progress progress.Func
	// Strict makes warnings count as errors: a build with warnings writes
	// nothing.
	Strict bool
}

// Rel formats an absolute path for messages: relative to WorkDir when it
// lies below it, else as it is.
func (e Env) Rel(abs string) string {
	if e.WorkDir == "" {
		return abs
	}
	r, err := filepath.Rel(e.WorkDir, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return abs
	}
	return r
}

func (e Env) getenv(k string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(k)
}

// Input is a loaded book with the manifest it came from.
type Input struct {
	// Manifest is the manifest read, or the one made for posts named on
	// the command line; its Timestamp is SOURCE_DATE_EPOCH, zero when unset.
	Manifest *manifest.Manifest
	// Book is the book loaded from Manifest: nil when it could not be
	// loaded at all, and as far as it loaded when Load returns an error.
	Book *book.Book
}

// Load reads a book from the command line's arguments: one manifest
// (.yaml or .yml), or one or more Markdown posts that make a book by
// themselves. The error is non-nil when the book cannot be built right;
// the details are in diags.
func Load(env Env, args []string, diags *diag.List) (*Input, error) {
	if len(args) == 0 {
		return nil, errors.New("no input: name a manifest (books/x.yaml) or Markdown posts")
	}
	var m *manifest.Manifest
	var err error
	if isManifest(args[0]) {
		if len(args) > 1 {
			return nil, errors.New("give one manifest, or Markdown posts, not both")
		}
		m, err = manifest.Load(args[0], diags)
	} else {
		m, err = postsManifest(env, args)
	}
	if err != nil {
		return nil, err
	}
	if m.Timestamp, err = sourceDate(env); err != nil {
		diags.Errorf(diag.Pos{File: "(environment)"}, "%v", err)
		return nil, err
	}
	b, err := book.Load(m, book.Options{Rel: env.Rel, Progress: env.Progress}, diags)
	return &Input{Manifest: m, Book: b}, err
}

func isManifest(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// postsManifest makes a manifest for posts named on the command line. The
// site root is the nearest folder above the first post that holds a
// _config.yml; without a title, book.Load takes title and author from the
// posts.
func postsManifest(env Env, posts []string) (*manifest.Manifest, error) {
	m := manifest.Default()
	m.Path = commandLine
	for _, p := range posts {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		m.Chapters = append(m.Chapters, manifest.Entry{Pattern: abs, Pos: diag.Pos{File: p}})
	}
	first := m.Chapters[0].Pattern
	m.Dir = filepath.Dir(first)
	if root := findSiteRoot(m.Dir); root != "" {
		m.Site = &manifest.Site{Root: root, RootPos: diag.Pos{File: env.Rel(filepath.Join(root, "_config.yml"))}}
		m.Dir = root
	}
	return m, nil
}

// maxSiteDepth bounds the walk up from a post looking for _config.yml;
// _posts/2020/x.md is three levels below the site root.
const maxSiteDepth = 4

func findSiteRoot(dir string) string {
	for i := 0; i < maxSiteDepth; i++ {
		if st, err := os.Stat(filepath.Join(dir, "_config.yml")); err == nil && st.Mode().IsRegular() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return ""
}

// sourceDate reads SOURCE_DATE_EPOCH, the reproducible-builds convention
// for the time stamped into outputs; zero when it is not set.
func sourceDate(env Env) (time.Time, error) {
	s := env.getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxEpoch {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a count of seconds since 1970 before the year 10000", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// maxEpoch is the last second of the year 9999: EPUB and PDF dates have
// four-digit years.
const maxEpoch = 253402300799

// commandLine is the manifest path of a book made from posts named on the
// command line.
const commandLine = "(command line)"
