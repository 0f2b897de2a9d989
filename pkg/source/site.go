package source

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

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

	// authorIDs are the names of _data/authors.yml by id: the Chirpy
	// theme's posts name their authors by id (author: cotes).
	authorIDs map[string]string

	// Zone is _config.yml's timezone (an IANA name such as Asia/Seoul):
	// dates written without a zone are in it, as in Jekyll. nil means UTC;
	// the machine's own zone is never used.
	Zone *time.Location
}

// HasPlugin reports whether _config.yml lists a Jekyll plugin by name,
// under plugins (Jekyll 3.5 and later) or gems (before).
func (s *Site) HasPlugin(name string) bool {
	if s == nil {
		return false
	}
	for _, key := range []string{"plugins", "gems"} {
		list, _ := s.Config[key].([]any)
		for _, v := range list {
			if p, ok := v.(string); ok && strings.TrimSpace(p) == name {
				return true
			}
		}
	}
	return false
}

// includesDir is the folder of the site's include files, from the site's
// root: _config.yml's includes_dir, else Jekyll's _includes.
func (s *Site) includesDir() string {
	if d := strings.Trim(frontString(s.Config["includes_dir"]), "/"); d != "" {
		return d
	}
	return "_includes"
}

// zone returns the site's time zone, UTC when there is none.
func (s *Site) zone() *time.Location {
	if s == nil || s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

// LoadSite reads root/_config.yml through files. A missing file gives an
// empty configuration; a YAML error is reported in diags with the file's
// line and also returned.
func LoadSite(root string, files Files, diags *diag.List) (*Site, error) {
	s := &Site{Root: root, Config: map[string]any{}, Permalink: "date"}
	s.readAuthors(files, diags)
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
	cfg, at, err := parseFront(src, name, 1, time.UTC, diags)
	if err != nil {
		return err
	}
	s.Zone = loadZone(cfg["timezone"], at["timezone"], diags)
	s.Config = cfg
	s.defaults = readDefaults(cfg)
	s.URL = frontString(cfg["url"])
	s.BaseURL = frontString(cfg["baseurl"])
	if p := frontString(cfg["permalink"]); p != "" {
		s.Permalink = p
	}
	return nil
}

// loadZone resolves _config.yml's timezone. An unknown name is a warning
// and the site keeps UTC. "Local" (the machine's zone) is refused: the
// same site must give the same book everywhere. The time zone database is
// the system's, else the copy Go embeds (time/tzdata, imported in zone.go).
func loadZone(v any, at diag.Pos, diags *diag.List) *time.Location {
	name := frontString(v)
	if name == "" {
		return nil
	}
	if strings.EqualFold(name, "Local") {
		diags.Warnf(at, "timezone %s would depend on the machine; using UTC (name a zone such as Asia/Seoul)", name)
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		diags.Warnf(at, "timezone %s is not a time zone name such as Asia/Seoul; using UTC", name)
		return nil
	}
	return loc
}
