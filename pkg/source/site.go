package source

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/hangul-press/publish/pkg/diag"
)

// Site is a Jekyll site: its root folder and _config.yml.
type Site struct {
	Root      string         // absolute, symlinks resolved; "" when the book has no site
	URL       string         // site.url (the caller may override from the manifest)
	BaseURL   string         // site.baseurl
	Config    map[string]any // all of _config.yml, for {{ site.* }}
	Permalink string         // _config.yml permalink style; default Jekyll's "date" style

	defaults []frontDefault // _config.yml defaults, least specific first
}

// LoadSite reads root/_config.yml through files. A missing file gives an
// empty configuration; a YAML error is reported in diags with the file's
// line and also returned.
func LoadSite(root string, files Files, diags *diag.List) (*Site, error) {
	s := &Site{Root: root, Config: map[string]any{}, Permalink: "date"}
	name := filepath.Join(root, "_config.yml")
	data, err := files.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err == nil {
		err = s.readConfig(name, data, diags)
	} else {
		err = diag.Errorf(diag.Pos{File: name}, "cannot read site configuration: %v", err)
	}
	if err != nil {
		if e, ok := err.(*diag.Err); ok {
			diags.Add(e.Pos, e.Severity, "%s", e.Message)
		}
		return nil, err
	}
	return s, nil
}

func (s *Site) readConfig(name string, data []byte, diags *diag.List) error {
	src, err := normalize(name, data)
	if err != nil {
		return err
	}
	cfg, _, err := parseFront(src, name, 1, diags)
	if err != nil {
		return err
	}
	s.Config = cfg
	s.defaults = readDefaults(cfg)
	s.URL = frontString(cfg["url"])
	s.BaseURL = frontString(cfg["baseurl"])
	if p := frontString(cfg["permalink"]); p != "" {
		s.Permalink = p
	}
	return nil
}
