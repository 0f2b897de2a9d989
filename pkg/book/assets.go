package book

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/raster"
	"github.com/hangul-press/publish/pkg/svg"
	"github.com/hangul-press/publish/pkg/truetype"
)

// resolveImage finds the file an image reference names, reads it, checks
// it, and records it as an asset. Every refusal is a warning at the
// reference; the writers then show the alt text.
//
// src is the address to resolve: ref.URL, or ref.URL behind the post's
// media folder (Chapter.mediaURL); messages name both when they differ.
func (l *loader) resolveImage(ref *ImageRef, dir, src string) {
	raw := strings.TrimSpace(src)
	shown := ref.URL
	if src != ref.URL {
		shown = ref.URL + " (" + src + ")"
	}
	if strings.Contains(raw, `\`) && !strings.Contains(raw, "://") {
		// A Windows path (\assets\a.png): browsers read "\" as "/" in a
		// URL, so the blog showed the image; so does the book.
		raw = strings.ReplaceAll(raw, `\`, "/")
		l.diags.Notef(ref.Pos, "image %s: \\ read as / (a Windows path), as browsers do", shown)
	}
	if len(raw) > 5 && strings.EqualFold(raw[:5], "data:") {
		shown = diag.Clip(ref.URL, 48)
		a, err := l.dataAsset(raw)
		if err != nil {
			l.diags.Warnf(ref.Pos, "image %s: %v", shown, err)
			return
		}
		ref.Asset = a
		return
	}
	target, remote, err := l.imagePath(raw, dir)
	switch {
	case remote:
		ref.Remote = true
		l.diags.Warnf(ref.Pos, "remote image %s is not fetched; the alt text is shown instead", shown)
		return
	case err != nil:
		l.diags.Warnf(ref.Pos, "image %s: %v", shown, err)
		return
	}
	a, err := l.asset(target)
	if err != nil {
		l.diags.Warnf(ref.Pos, "image %s: %v", shown, err)
		return
	}
	ref.Asset = a
}

// maxDataImage bounds the decoded bytes of an image written into a post
// as a data: URL.
const maxDataImage = 16 << 20

// dataAsset makes an asset of an image written into the post as a data:
// URL (data:image/png;base64,…), as notebook exports with embedded images
// and editors that paste pictures write them. Its bytes are checked as a
// file's are; one asset is made per content.
func (l *loader) dataAsset(raw string) (*Asset, error) {
	data, err := decodeDataURL(raw)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	key := fmt.Sprintf("data:%x", sum)
	if a, ok := l.assets[key]; ok {
		return a, nil
	}
	a := &Asset{data: data}
	if err := a.sniff(data, l.m.MaxImagePixels); err != nil {
		return nil, err
	}
	a.Name = l.assetName(fmt.Sprintf("embedded-%x", sum[:4]), a.MediaType)
	a.Path = a.Name
	l.assets[key] = a
	l.book.Assets = append(l.book.Assets, a)
	return a, nil
}

// decodeDataURL returns the bytes of an image's data: URL, at most
// maxDataImage of them: base64 (padded or not, white space ignored) or
// percent-encoded, of an image type or of none.
func decodeDataURL(raw string) ([]byte, error) {
	meta, payload, ok := strings.Cut(raw[len("data:"):], ",")
	if !ok {
		return nil, errors.New("a data: URL without its comma")
	}
	meta = strings.ToLower(strings.TrimSpace(meta))
	b64 := strings.HasSuffix(meta, ";base64")
	if typ, _, _ := strings.Cut(strings.TrimSuffix(meta, ";base64"), ";"); typ != "" && !strings.HasPrefix(typ, "image/") {
		return nil, fmt.Errorf("a data: URL of type %s is not an image", typ)
	}
	if !b64 {
		if len(payload) > maxDataImage {
			return nil, fmt.Errorf("a data: URL of more than %d MB", maxDataImage>>20)
		}
		s, err := url.PathUnescape(payload)
		if err != nil {
			return nil, fmt.Errorf("a data: URL that does not decode: %v", err)
		}
		return []byte(s), nil
	}
	payload = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, payload)
	if base64.StdEncoding.DecodedLen(len(payload)) > maxDataImage {
		return nil, fmt.Errorf("a data: URL of more than %d MB", maxDataImage>>20)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
	}
	if err != nil {
		return nil, fmt.Errorf("a data: URL that does not decode: %v", err)
	}
	return data, nil
}

// imagePath maps an image URL to a file path. Site-absolute paths
// (/assets/x.png, also behind site.url and baseurl) resolve under the site
// root; relative ones beside the post.
func (l *loader) imagePath(raw, dir string) (p string, remote bool, err error) {
	if raw == "" {
		return "", false, errors.New("empty image address")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false, fmt.Errorf("not a valid address: %v", err)
	}
	site := l.book.Site
	if u.Scheme != "" || u.Host != "" {
		local, ok := l.siteLocal(u)
		switch {
		case ok:
			u = local
		case u.Scheme == "http" || u.Scheme == "https" || (u.Scheme == "" && u.Host != ""):
			return "", true, nil
		default:
			return "", false, fmt.Errorf("%s: addresses are not read (only files inside the book)", u.Scheme)
		}
	}
	rel := u.Path
	if strings.HasPrefix(rel, "/") {
		if site == nil || site.Root == "" {
			return "", false, errors.New("site-absolute path but the manifest names no site root")
		}
		if site.BaseURL != "" && strings.HasPrefix(rel, site.BaseURL+"/") {
			rel = strings.TrimPrefix(rel, site.BaseURL)
		}
		return filepath.Join(site.Root, filepath.FromSlash(path.Clean(rel))), false, nil
	}
	return filepath.Join(dir, filepath.FromSlash(rel)), false, nil
}

// siteLocal turns an absolute URL on the book's own site into a path-only
// URL, so that {{ "/a.png" | absolute_url }} finds the file.
func (l *loader) siteLocal(u *url.URL) (*url.URL, bool) {
	site := l.book.Site
	if site == nil || site.URL == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "") {
		return nil, false
	}
	base, err := url.Parse(site.URL)
	if err != nil || !strings.EqualFold(base.Host, u.Host) {
		return nil, false
	}
	return &url.URL{Path: u.Path}, true
}

// asset reads and checks one file, once per real path. What a path
// resolved to is kept, so that a blog's images, each shown by many posts,
// are looked up in the file system once (issue 13).
func (l *loader) asset(p string) (*Asset, error) {
	if r, ok := l.byPath[p]; ok {
		return r.a, r.err
	}
	a, err := l.resolveAsset(p)
	if l.byPath == nil {
		l.byPath = map[string]assetResult{}
	}
	l.byPath[p] = assetResult{a, err}
	return a, err
}

// assetResult is what a path resolved to: an asset, or why not.
type assetResult struct {
	a   *Asset
	err error
}

// resolveAsset finds, reads and checks the file at p.
func (l *loader) resolveAsset(p string) (*Asset, error) {
	real, err := l.box.Resolve(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("not found (looked for %s)", l.rel(p))
	}
	switch {
	case errors.Is(err, ErrOutside):
		return nil, fmt.Errorf("refused: %s is %w", l.rel(p), err)
	case errors.Is(err, errLinkLoop):
		return nil, fmt.Errorf("refused: %s %v", l.rel(p), err)
	case err != nil:
		return nil, fmt.Errorf("refused: %s: %v", l.rel(p), err)
	}
	if a, ok := l.assets[real]; ok {
		return a, nil
	}
	data, err := l.box.ReadFile(real)
	if err != nil {
		return nil, plainErr(err)
	}
	a := &Asset{Path: real, read: l.rereader(real)}
	if err := a.sniff(data, l.m.MaxImagePixels); err != nil {
		return nil, err
	}
	a.Name = l.assetName(real, a.MediaType)
	l.assets[real] = a
	l.book.Assets = append(l.book.Assets, a)
	return a, nil
}

// rereader returns the function that reads an asset's file again for a
// writer: through a sandbox of the same roots, opened for the read and
// closed after it, so that a loaded book holds no open files.
func (l *loader) rereader(real string) func() ([]byte, error) {
	roots := []string{l.m.Dir}
	if l.m.Site != nil {
		roots = append(roots, l.m.Site.Root)
	}
	fsys := l.opt.FS
	return func() ([]byte, error) {
		box := NewSandbox(roots...)
		if fsys != nil {
			box = NewFSSandbox(fsys, roots...)
		}
		defer box.Close()
		data, err := box.ReadFile(real)
		return data, plainErr(err)
	}
}

// sniff sets the media type, size, checksum and decoding cost from the
// bytes: file names lie (a .png that holds a JPEG is common on blogs).
func (a *Asset) sniff(data []byte, maxPixels int64) error {
	a.Size, a.Sum = int64(len(data)), sha256.Sum256(data)
	if svg.Sniff(data) {
		a.MediaType = "image/svg+xml"
		return nil
	}
	info, err := raster.Inspect(data, maxPixels)
	if err != nil {
		return err
	}
	a.MediaType, a.Width, a.Height, a.DecodeBytes = "image/"+info.Format, info.Width, info.Height, info.DecodeBytes
	return nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// extensions gives each media type the extension readers expect.
var extensions = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp", "image/svg+xml": ".svg"}

// assetName makes a name that is safe in a zip and a URL (ASCII letters,
// digits, dot, dash, underscore), with the extension of the real type,
// unique in the book.
func (l *loader) assetName(real, mediaType string) string {
	base := strings.TrimSuffix(filepath.Base(real), filepath.Ext(real))
	base = strings.Trim(unsafeName.ReplaceAllString(base, "-"), "-.")
	if base == "" {
		base = "image"
	}
	ext := extensions[mediaType]
	name := "images/" + base + ext
	for i := 2; l.names[name]; i++ {
		name = fmt.Sprintf("images/%s-%d%s", base, i, ext)
	}
	l.names[name] = true
	return name
}

func (l *loader) loadCover() {
	if l.m.Cover == "" {
		return
	}
	a, err := l.asset(l.m.Cover)
	if errors.Is(err, ErrOutside) {
		a, err = l.outsideAsset(l.m.Cover, l.m.CoverPos)
	}
	if err != nil {
		l.diags.Errorf(l.m.CoverPos, "cover: %v", err)
		return
	}
	if a.MediaType != "image/jpeg" && a.MediaType != "image/png" {
		l.diags.Errorf(l.m.CoverPos, "cover must be a JPEG or PNG image, found %s", a.MediaType)
		return
	}
	l.book.Cover = a
}

// loadStylesheet reads the manifest's epub.css, so that a missing or
// refused stylesheet is reported by check, at the manifest's line.
func (l *loader) loadStylesheet() {
	css := l.m.EPUB.CSS
	if css == "" {
		return
	}
	data, err := l.readNamed(css, l.m.EPUB.CSSPos, "epub.css")
	if err != nil {
		l.diags.Errorf(l.m.EPUB.CSSPos, "epub.css %s: %v", l.rel(css), plainErr(err))
		return
	}
	if !utf8.Valid(data) {
		l.diags.Errorf(l.m.EPUB.CSSPos, "epub.css %s is not UTF-8 text", l.rel(css))
		return
	}
	l.book.Stylesheet, l.book.StylesheetName = data, l.rel(css)
}

// loadFonts reads and checks the manifest's pdf.fonts: each file must be a
// TrueType font the PDF writer can embed.
func (l *loader) loadFonts() {
	for _, role := range manifest.FontRoles {
		for _, ff := range l.m.PDF.Fonts[role] {
			data, err := l.readNamed(ff.Path, ff.Pos, "pdf.fonts")
			if err != nil {
				l.diags.Errorf(ff.Pos, "font %s: %v", l.rel(ff.Path), plainErr(err))
				continue
			}
			f, err := truetype.Parse(data)
			if err != nil {
				l.diags.Errorf(ff.Pos, "font %s: %v", l.rel(ff.Path), err)
				continue
			}
			if l.book.Fonts == nil {
				l.book.Fonts = map[manifest.FontRole][]*FontFile{}
			}
			l.book.Fonts[role] = append(l.book.Fonts[role], &FontFile{FontFile: ff, Data: data, Font: f})
		}
	}
}

// The files the manifest names for the book as a whole (cover, epub.css,
// pdf.fonts) are the user's own choice: one outside the manifest's folder
// and the site root is read all the same, with a note (a shared
// stylesheet or font kept beside several books), through a sandbox over
// its own folder that reads that one file. What posts name never leaves
// the book's folders.

// outsideBox returns a sandbox over the folder of p alone.
func (l *loader) outsideBox(p string) *Sandbox {
	if l.opt.FS != nil {
		return NewFSSandbox(l.opt.FS, path.Dir(filepath.ToSlash(p)))
	}
	return NewSandbox(filepath.Dir(p))
}

// readNamed reads a file the manifest names: through the book's sandbox,
// else, when it lies outside the book's folders, through its own, with a
// note at pos.
func (l *loader) readNamed(p string, pos diag.Pos, what string) ([]byte, error) {
	data, err := l.box.ReadFile(p)
	if !errors.Is(err, ErrOutside) {
		return data, err
	}
	box := l.outsideBox(p)
	defer box.Close()
	if data, err = box.ReadFile(p); err != nil {
		return nil, err
	}
	l.outsideNote(pos, what, p)
	l.outside = append(l.outside, box.Read()...)
	return data, nil
}

// outsideAsset is asset for the cover when it lies outside the book's
// folders: read, and read again by the writers, through its own folder.
func (l *loader) outsideAsset(p string, pos diag.Pos) (*Asset, error) {
	box := l.outsideBox(p)
	defer box.Close()
	real, err := box.Resolve(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.rel(p), plainErr(err))
	}
	data, err := box.ReadFile(real)
	if err != nil {
		return nil, plainErr(err)
	}
	fsys, dir := l.opt.FS, path.Dir(filepath.ToSlash(real))
	if fsys == nil {
		dir = filepath.Dir(real)
	}
	a := &Asset{Path: real, read: func() ([]byte, error) {
		box := NewSandbox(dir)
		if fsys != nil {
			box = NewFSSandbox(fsys, dir)
		}
		defer box.Close()
		data, err := box.ReadFile(real)
		return data, plainErr(err)
	}}
	if err := a.sniff(data, l.m.MaxImagePixels); err != nil {
		return nil, err
	}
	a.Name = l.assetName(real, a.MediaType)
	l.assets[real] = a
	l.book.Assets = append(l.book.Assets, a)
	l.outsideNote(pos, "cover", real)
	l.outside = append(l.outside, box.Read()...)
	return a, nil
}

// outsideNote says that a file the manifest names lies outside the book's
// folders.
func (l *loader) outsideNote(pos diag.Pos, what, p string) {
	l.diags.Notef(pos, "%s %s lies outside the manifest's folder and the site root; read because the manifest names it", what, l.rel(p))
}
