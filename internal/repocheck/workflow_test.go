package repocheck

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow this test reads.
type workflow struct {
	Name string         `yaml:"name"`
	On   map[string]any `yaml:"on"`
	Jobs map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Needs  any    `yaml:"needs"`
		Steps  []struct {
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// allowedActions are the only actions the workflow may use: checkout,
// setup-go and upload-artifact; the release uses the runner's gh CLI.
var allowedActions = map[string]bool{"actions/checkout": true, "actions/setup-go": true, "actions/upload-artifact": true}

func TestWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/books.yml")
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(false)
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("books.yml is not valid YAML: %v", err)
	}
	for _, trigger := range []string{"pull_request", "push"} {
		if _, ok := w.On[trigger]; !ok {
			t.Errorf("workflow does not run on %s", trigger)
		}
	}
	if len(w.Jobs) == 0 {
		t.Fatal("no jobs")
	}
	targets := makeTargets(t)
	called := 0
	for name, job := range w.Jobs {
		if job.RunsOn == "" || len(job.Steps) == 0 {
			t.Errorf("job %s has no runs-on or no steps", name)
		}
		for _, s := range job.Steps {
			if s.Uses != "" {
				action := strings.SplitN(s.Uses, "@", 2)[0]
				if !allowedActions[action] || !strings.Contains(s.Uses, "@") {
					t.Errorf("job %s uses %q: only pinned checkout, setup-go and upload-artifact are allowed", name, s.Uses)
				}
			}
			for _, target := range makeCalls(s.Run) {
				called++
				if !targets[target] {
					t.Errorf("job %s runs make %s, but the Makefile has no such target", name, target)
				}
			}
		}
	}
	if called < 5 {
		t.Errorf("found only %d make targets called; the workflow should lint, test, check, build and release", called)
	}
	checkToolsRequired(t, w)
}

// checkToolsRequired: the step that runs the tests sets
// PUBLISH_REQUIRE_TOOLS=1, and the job installs, before it, every
// validator .ci/run installs, so that a pull request cannot pass with
// the validator tests skipped (issue 9).
func checkToolsRequired(t *testing.T, w workflow) {
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, m := range regexp.MustCompile(`need\+=\(([\w-]+)\)`).FindAllStringSubmatch(string(ci), -1) {
		pkgs = append(pkgs, m[1])
	}
	if len(pkgs) < 4 {
		t.Fatalf(".ci/run installs only %v", pkgs)
	}
	for name, job := range w.Jobs {
		installed := ""
		for _, s := range job.Steps {
			if strings.Contains(s.Run, "apt-get install") {
				installed += s.Run
			}
			runsTests := false
			for _, target := range makeCalls(s.Run) {
				runsTests = runsTests || target == "test"
			}
			if !runsTests {
				continue
			}
			if s.Env["PUBLISH_REQUIRE_TOOLS"] != "1" {
				t.Errorf("job %s runs make test without PUBLISH_REQUIRE_TOOLS=1", name)
			}
			for _, p := range pkgs {
				if !regexp.MustCompile(`\b` + regexp.QuoteMeta(p) + `\b`).MatchString(installed) {
					t.Errorf("job %s runs the tests without installing %s first (.ci/run installs it)", name, p)
				}
			}
		}
	}
}

// makeCall finds "make a b c" in a run script.
var makeCall = regexp.MustCompile(`(?m)(?:^|[;&|])[ \t]*make((?:[ \t]+[A-Za-z][\w.-]*)+)`)

func makeCalls(script string) []string {
	var out []string
	for _, m := range makeCall.FindAllStringSubmatch(script, -1) {
		out = append(out, strings.Fields(m[1])...)
	}
	return out
}

// makeTargets lists the targets the Makefile defines.
func makeTargets(t *testing.T) map[string]bool {
	data, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^([A-Za-z][\w.-]*)\s*:([^=]|$)`).FindAllStringSubmatch(string(data), -1) {
		targets[m[1]] = true
	}
	return targets
}

func TestMakeCallsParser(t *testing.T) {
	got := makeCalls("make lint test check-books books\necho x && make release\nsudo apt-get install make-doc")
	if strings.Join(got, " ") != "lint test check-books books release" {
		t.Errorf("%q", got)
	}
}
