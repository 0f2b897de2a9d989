package initcmd

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/site.txtar")

// TestGolden runs init on the archive's site from the folder holding it,
// with the default output path, and compares the manifest and the
// diagnostics with the archive's.
func TestGolden(t *testing.T) {
	ar := readArchive(t)
	archive, err := filepath.Abs(siteArchive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	buildSite(t, ar, dir)
	t.Chdir(dir)
	opt := goldenOptions(t, ar)
	var d diag.List
	text, out, err := Generate(opt, &d)
	if err != nil {
		t.Fatalf("Generate: %v %v", err, d.Items())
	}
	got := map[string]string{
		"output":      out + "\n",
		"manifest":    string(text),
		"diagnostics": diagText(&d),
	}
	changed := false
	for _, name := range []string{"output", "manifest", "diagnostics"} {
		want, _ := testtool.Section(ar, name)
		if string(want) == got[name] {
			continue
		}
		changed = true
		if !*update {
			t.Errorf("%s:\n--- got ---\n%s--- want ---\n%s", name, got[name], want)
		}
		testtool.SetSection(ar, name, []byte(got[name]))
	}
	if changed && *update {
		if err := os.WriteFile(archive, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// goldenOptions reads the archive's options section: lines such as
// "category: dev" or "since: 2020-01-01".
func goldenOptions(t *testing.T, ar *txtar.Archive) Options {
	opt := Options{Site: "site"}
	data, _ := testtool.Section(ar, "options")
	text := string(data)
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch key {
		case "category":
			opt.Category = val
		case "tag":
			opt.Tag = val
		case "since", "until":
			d, err := time.Parse("2006-01-02", val)
			if err != nil {
				t.Fatal(err)
			}
			if key == "since" {
				opt.Since, opt.HasSince = d, true
			} else {
				opt.Until, opt.HasUntil = d, true
			}
		default:
			t.Fatalf("unknown option %q", key)
		}
	}
	return opt
}

func diagText(d *diag.List) string {
	var b strings.Builder
	for _, x := range d.Items() {
		fmt.Fprintln(&b, x)
	}
	return b.String()
}
