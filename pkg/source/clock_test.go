package source

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// clockPost uses every way Liquid reaches a clock, a zone or chance.
const clockPost = `---
title: 시계
date: 2020-05-06 07:08:09
---
now {{ "now" | date: "%Y-%m-%d %H:%M:%S %z" }}
today {{ "today" | date: "%Y-%m-%d" }}
site.time {{ site.time | date: "%F %T %z" }}
page.date {{ page.date | date: "%F %T %z" }} {{ page.date }}
written {{ "2020-01-02 03:04:05" | date: "%H:%M %z" }} {{ "2020-01-02T03:04:05Z" | date: "%H:%M %z" }}
seconds {{ 0 | date: "%F %T %z" }}
{% assign xs = "1,2,3,4,5,6,7,8,9,10" | split: "," -%}
sample {{ xs | sample }} {{ xs | sample: 3 | join: "," }}
shuffle {{ xs | shuffle | join: "," }}
`

// readClockPost reads clockPost in a site whose _config.yml sets
// timezone (none when ""), with the build time 2021-02-02 00:00 UTC.
func readClockPost(t *testing.T, timezone, seed string) (string, []diag.Diagnostic) {
	t.Helper()
	files := MemFiles{}
	if timezone != "" {
		files["/s/_config.yml"] = []byte("timezone: " + timezone + "\n")
	}
	var diags diag.List
	site, err := LoadSite("/s", files, &diags)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Files: files, Dir: "/s/_posts", Now: time.Unix(1612224000, 0), Seed: seed}
	p, err := Read("_posts/2020-05-06-clock.md", []byte(clockPost), site, opt, &diags)
	if err != nil {
		t.Fatal(err)
	}
	return string(p.Body), diags.Items()
}

// TestIssue11Item11Clock is issue 11 item 11: Liquid's clock is the
// build's time, dates without a zone are in the site's timezone (else
// UTC), and sample and shuffle are repeatable; the machine's clock and
// zone play no part. The same post is read in processes run with TZ set
// to UTC, Asia/Seoul and America/New_York, which must agree.
func TestIssue11Item11Clock(t *testing.T) {
	if os.Getenv("PUBLISH_CLOCK_CHILD") != "" {
		seoul, _ := readClockPost(t, "Asia/Seoul", "책")
		none, _ := readClockPost(t, "", "책")
		os.Stdout.WriteString("\x00" + seoul + "\x00" + none + "\x00")
		return
	}
	seoul, items := readClockPost(t, "Asia/Seoul", "책")
	if len(items) != 0 {
		t.Errorf("diagnostics: %v", items)
	}
	for _, want := range []string{
		"now 2021-02-02 09:00:00 +0900\n",
		"today 2021-02-02\n",
		"site.time 2021-02-02 09:00:00 +0900\n",
		"page.date 2020-05-06 07:08:09 +0900 2020-05-06 07:08:09 +0900\n",
		"written 03:04 +0900 03:04 +0000\n",
		"seconds 1970-01-01 09:00:00 +0900\n",
	} {
		if !strings.Contains(seoul, want) {
			t.Errorf("Asia/Seoul: no %q in\n%s", want, seoul)
		}
	}
	none, _ := readClockPost(t, "", "책")
	for _, want := range []string{"now 2021-02-02 00:00:00 +0000\n", "page.date 2020-05-06 07:08:09 +0000", "written 03:04 +0000 03:04 +0000\n"} {
		if !strings.Contains(none, want) {
			t.Errorf("no timezone: no %q in\n%s", want, none)
		}
	}
	if again, _ := readClockPost(t, "Asia/Seoul", "책"); again != seoul {
		t.Errorf("a second read differs:\n%s\n%s", seoul, again)
	}
	if other, _ := readClockPost(t, "Asia/Seoul", "다른 책"); other == seoul {
		t.Errorf("another seed gives the same sample and shuffle:\n%s", other)
	}
	for _, tz := range []string{"UTC", "Asia/Seoul", "America/New_York"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIssue11Item11Clock$")
		cmd.Env = append(os.Environ(), "PUBLISH_CLOCK_CHILD=1", "TZ="+tz)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("TZ=%s: %v\n%s", tz, err, out)
		}
		parts := strings.Split(string(out), "\x00")
		if len(parts) < 4 || parts[1] != seoul || parts[2] != none {
			t.Errorf("TZ=%s gives another output:\n%q", tz, out)
		}
	}
}

// TestClockUnset: without a build time "now" has no value: the tag is
// kept as written with a warning, never the wall clock.
func TestClockUnset(t *testing.T) {
	p, diags := read(t, "2020-01-01-x.md", "{{ \"now\" | date: \"%Y\" }} {{ site.time }}끝")
	if string(p.Body) != "{{ \"now\" | date: \"%Y\" }} 끝" || diags.Count(diag.Warning) != 1 ||
		!strings.Contains(diags.Items()[0].Message, "the build's time is not set") {
		t.Errorf("body %q, diagnostics %v", p.Body, diags.Items())
	}
}

// TestTimezoneConfig: a time zone that is not a zone name, or the
// machine's own, is a warning at its line, and the site keeps UTC.
func TestTimezoneConfig(t *testing.T) {
	for _, tz := range []string{"Mars/Olympus", "Local", "../../etc/passwd"} {
		var diags diag.List
		site, err := LoadSite("/s", MemFiles{"/s/_config.yml": []byte("title: x\ntimezone: " + tz + "\n")}, &diags)
		items := diags.Items()
		if err != nil || site.Zone != nil || len(items) != 1 || items[0].Pos.Line != 2 || items[0].Pos.Col != 11 {
			t.Errorf("timezone %s: zone %v, diagnostics %v, error %v", tz, site.Zone, items, err)
		}
	}
}
