package build

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/progress"
)

// TestProgressStages builds the sample book as EPUB and PDF and checks
// that every stage of a build reports progress and finishes at its total.
func TestProgressStages(t *testing.T) {
	var mu sync.Mutex
	last := map[progress.Stage][2]int{}
	env := Env{Progress: func(stage progress.Stage, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done < 1 || done > total {
			t.Errorf("%s: %d of %d", stage, done, total)
		}
		if prev := last[stage]; done > prev[0] {
			last[stage] = [2]int{done, total}
		}
	}}
	var d diag.List
	in, err := Load(env, []string{"../../books/sample.yaml"}, &d)
	if err != nil {
		t.Fatalf("%v %v", err, d.Items())
	}
	dir := t.TempDir()
	if _, err := EPUB(env, in, filepath.Join(dir, "s.epub"), "test", &d); err != nil {
		t.Fatal(err)
	}
	if _, err := PDF(env, in, filepath.Join(dir, "s.pdf"), "test", &d); err != nil {
		t.Fatal(err)
	}
	for _, stage := range progress.Stages {
		got, ok := last[stage]
		if !ok || got[0] != got[1] {
			t.Errorf("stage %q: last report %v (reported: %v)", stage, got, ok)
		}
	}
}
