package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updateFloors = flag.Bool("update-floors", false, "raise testdata/accuracy-floors.json to the figures measured now (floors never fall)")

// floorEpsilon absorbs float noise only: every figure is a ratio of counts.
const floorEpsilon = 1e-9

// floorsFile is the checked-in floors, relative to the repository root.
const floorsFile = "testdata/accuracy-floors.json"

// floors is the content of the floors file.
type floors struct {
	About  string  `json:"about"`
	Floors Figures `json:"floors"`
}

// repoRoot returns the root of the arnews module: the nearest folder up
// from the test's folder whose go.mod declares it.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(b, []byte("module github.com/arnews/arnews\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of github.com/arnews/arnews above the test's folder")
		}
		dir = parent
	}
}

// measure runs the three scorers on the shared data: the corpus, the
// ANERcorp development split and the Recognizers-Text specs with the
// built-in declined list.
func measure(shared string) (Figures, error) {
	arts, err := ReadCorpus(filepath.Join(shared, "corpus"))
	if err != nil {
		return nil, err
	}
	all := ScoreCorpus(arts).Figures()
	conllPath := filepath.Join(shared, "data", "anercorp", "ANERCorp_CamelLab_train.txt")
	f, err := os.Open(conllPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sentences, err := ReadCoNLL(f, conllPath)
	if err != nil {
		return nil, err
	}
	_, dev := SplitCoNLL(sentences)
	for k, v := range ScoreCoNLL(dev).Figures("anercorp/dev") {
		all[k] = v
	}
	files, err := ReadRecognizers(filepath.Join(shared, "data", "recognizers-text"))
	if err != nil {
		return nil, err
	}
	declined, err := BuiltinDeclined()
	if err != nil {
		return nil, err
	}
	if err := ApplyDeclined(files, declined, "recognizers-declined.tsv"); err != nil {
		return nil, err
	}
	for k, v := range ScoreRecognizers(files).Figures() {
		all[k] = v
	}
	return all, nil
}

// TestAccuracyFloors measures every figure on ../shared and fails when one
// falls below its floor in testdata/accuracy-floors.json. Run it with
// -update-floors after an improvement to raise the floors.
func TestAccuracyFloors(t *testing.T) {
	root := repoRoot(t)
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus", "gold.jsonl")); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not present: the shared data lives outside the module", shared)
	}
	got, err := measure(shared)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, floorsFile)
	var want floors
	b, err := os.ReadFile(path)
	if err != nil && !(*updateFloors && errors.Is(err, os.ErrNotExist)) {
		t.Fatal(err)
	}
	if err == nil {
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	if *updateFloors {
		writeFloors(t, path, raise(want.Floors, got))
		return
	}
	for _, msg := range compareFloors(want.Floors, got) {
		t.Error(msg)
	}
}

// compareFloors returns a message for each figure below its floor, each
// floor no longer measured and each figure without a floor.
func compareFloors(floor, got Figures) []string {
	var msgs []string
	for _, name := range sortedNames(floor) {
		v, ok := got[name]
		switch {
		case !ok:
			msgs = append(msgs, fmt.Sprintf("%s: has a floor (%.4f) but is no longer measured", name, floor[name]))
		case v < floor[name]-floorEpsilon:
			msgs = append(msgs, fmt.Sprintf("%s: %.4f, below its floor %.4f", name, v, floor[name]))
		}
	}
	for _, name := range sortedNames(got) {
		if _, ok := floor[name]; !ok {
			msgs = append(msgs, fmt.Sprintf("%s: measured %.4f but has no floor (run the test with -update-floors)", name, got[name]))
		}
	}
	return msgs
}

// raise returns the floors for the figures measured now: each the higher
// of its old floor and the figure, so that floors never fall.
func raise(old, got Figures) Figures {
	out := Figures{}
	for name, v := range got {
		out[name] = max(v, old[name])
	}
	return out
}

func writeFloors(t *testing.T, path string, f Figures) {
	t.Helper()
	b, err := json.MarshalIndent(floors{
		About: "Accuracy floors: the lowest value each figure of arnews eval may take (see internal/eval). " +
			"They only rise: go test ./internal/eval -run TestAccuracyFloors -update-floors raises each to the figure measured now.",
		Floors: f,
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

func sortedNames(f Figures) []string {
	names := make([]string, 0, len(f))
	for k := range f {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func TestCompareFloors(t *testing.T) {
	floor := Figures{"a": 0.5, "b": 0.7, "gone": 0.1}
	got := Figures{"a": 0.5 - floorEpsilon/2, "b": 0.69, "new": 0.3}
	msgs := compareFloors(floor, got)
	want := []string{"b: 0.6900, below", "gone: has a floor", "new: measured"}
	if len(msgs) != len(want) {
		t.Fatalf("messages %q, want %d", msgs, len(want))
	}
	for i, m := range msgs {
		if !strings.HasPrefix(m, want[i]) {
			t.Errorf("message %q, want it to start with %q", m, want[i])
		}
	}
	if r := raise(Figures{"a": 0.6, "b": 0.1}, Figures{"a": 0.5, "b": 0.2, "c": 0.3}); r["a"] != 0.6 || r["b"] != 0.2 || r["c"] != 0.3 {
		t.Errorf("raise = %v", r)
	}
}
