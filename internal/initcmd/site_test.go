package initcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/source"
	"golang.org/x/tools/txtar"
)

// siteArchive holds the test site and the golden answer for it.
const siteArchive = "testdata/site.txtar"

// readArchive parses the test archive.
func readArchive(t *testing.T) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(siteArchive)
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// buildSite writes the archive's site/ files below dir and returns the
// site folder.
func buildSite(t *testing.T, ar *txtar.Archive, dir string) string {
	t.Helper()
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "site/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "site")
}

// writeFiles writes files (slash paths relative to dir) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// siteOf loads the site's _config.yml.
func siteOf(t *testing.T, files *siteFiles) *source.Site {
	t.Helper()
	s, err := source.LoadSite(files.root, files, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
