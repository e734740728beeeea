package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hand-made inputs of package internal/eval's tests.
const (
	miniCorpus      = "../../internal/eval/testdata/corpus"
	miniCoNLL       = "../../internal/eval/testdata/mini.conll"
	miniRecognizers = "../../internal/eval/testdata/recognizers"
)

func TestEvalHelp(t *testing.T) {
	code, out, errOut := runCLI(t, "", "eval", "-h")
	if code != 0 || errOut != "" {
		t.Errorf("exit status %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"gold.jsonl", "-conll FILE", "-recognizers DIR", "one-to-one", "5/6", "-declined"} {
		if !strings.Contains(out, want) {
			t.Errorf("help does not mention %q", want)
		}
	}
}

func TestEvalTables(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string // lines of the output start with these
	}{
		{"corpus", []string{miniCorpus}, []string{"figure", "spans", "dates", "countries", "people", "organisations",
			"agreements found with parties", "agreements one-to-one", "of the matched: status"}},
		{"corpus -v", []string{"-v", missCorpus(t)}, []string{"figure", "02.txt", `miss  date         "أمس" want 1999-01-01`}},
		{"conll", []string{"-conll", miniCoNLL}, []string{"type", "LOC", "ORG", "PERS", "all"}},
		{"conll train", []string{"-conll", miniCoNLL, "-split", "train"}, []string{"type", "LOC"}},
		{"recognizers", []string{"-recognizers", miniRecognizers, "-v"}, []string{"file", "MiniExtractor.json", "all", "MiniModel.json:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"eval"}, tc.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit status %d, stderr %q", code, errOut)
			}
			lines := strings.Split(out, "\n")
			for _, want := range tc.want {
				found := false
				for _, l := range lines {
					found = found || strings.HasPrefix(strings.TrimSpace(l), want)
				}
				if !found {
					t.Errorf("no line starts with %q in\n%s", want, out)
				}
			}
		})
	}
}

// missCorpus copies the hand-made corpus with a gold date value no
// extractor gives, so that -v has a miss to list.
func missCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"gold.jsonl", "01.txt", "02.txt"} {
		b, err := os.ReadFile(filepath.Join(miniCorpus, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "gold.jsonl" {
			b = []byte(strings.Replace(string(b), `"value": "2020-03-09"`, `"value": "1999-01-01"`, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalJSON(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // a figure that must be there
	}{
		{[]string{miniCorpus}, "corpus/dates/f1"},
		{[]string{"-conll", miniCoNLL, "-split", "train"}, "conll/train/all/f1"},
		{[]string{"-recognizers", miniRecognizers}, "recognizers/all/found"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"eval", "-json"}, tc.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit status %d, stderr %q", code, errOut)
			}
			var got struct {
				Figures map[string]float64 `json:"figures"`
				Counts  json.RawMessage    `json:"counts"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v in %s", err, out)
			}
			if _, ok := got.Figures[tc.want]; !ok || len(got.Counts) < 3 {
				t.Errorf("figures %v lack %q, or no counts", got.Figures, tc.want)
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	badGold := filepath.Join(dir, "corpus")
	if err := os.Mkdir(badGold, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(badGold, "gold.jsonl"), []byte(`{"file": "01.txt", "ref": "2021-11-12"}`+"\n{oops\n"), 0o644)
	os.WriteFile(filepath.Join(badGold, "01.txt"), []byte("# header\nنص"), 0o644)
	badCoNLL := filepath.Join(dir, "bad.conll")
	os.WriteFile(badCoNLL, []byte("قطر B-LOC\n\nقطر\n"), 0o644)
	badDeclined := filepath.Join(dir, "declined.tsv")
	os.WriteFile(badDeclined, []byte("file\tinput\treason\nMiniParser.json\tلا يوجد\tx\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		want string // the message starts with "arnews: " and this
		code int    // exitUsage for the command line, exitInput for the data
	}{
		{"no argument", nil, "eval: want one corpus DIR", exitUsage},
		{"two modes", []string{"-conll", "x", "-recognizers", "y"}, "eval: give one of", exitUsage},
		{"mode and folder", []string{"-conll", "x", "dir"}, `eval: unexpected argument "dir"`, exitUsage},
		{"bad split", []string{"-conll", "x", "-split", "test"}, `eval: -split "test"`, exitUsage},
		{"split without conll", []string{"-split", "dev", "dir"}, "eval: -split goes with -conll", exitUsage},
		{"declined without recognizers", []string{"-declined", "x", "dir"}, "eval: -declined goes with", exitUsage},
		{"bad flag", []string{"-nope"}, "flag provided but not defined", exitUsage},
		{"gold line that does not parse", []string{badGold}, filepath.Join(badGold, "gold.jsonl") + ":2: bad JSON", exitInput},
		{"missing corpus", []string{filepath.Join(dir, "none")}, "open " + filepath.Join(dir, "none", "gold.jsonl"), exitInput},
		{"CoNLL line of the wrong shape", []string{"-conll", badCoNLL}, badCoNLL + `:3: want "token TAG"`, exitInput},
		{"empty split", []string{"-conll", miniCoNLL, "-split", "dev"}, miniCoNLL + ": the dev split is empty", exitInput},
		{"missing CoNLL file", []string{"-conll", filepath.Join(dir, "none.conll")}, "open ", exitInput},
		{"stale declined list", []string{"-recognizers", miniRecognizers, "-declined", badDeclined}, badDeclined + ":2: no case of MiniParser.json", exitInput},
		{"missing specs", []string{"-recognizers", dir}, dir + ": no *.json spec files", exitInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"eval"}, tc.args...)...)
			if code != tc.code || out != "" {
				t.Errorf("exit status %d, stdout %q; want %d and nothing", code, out, tc.code)
			}
			if !strings.HasPrefix(errOut, "arnews: "+tc.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", errOut, "arnews: "+tc.want)
			}
		})
	}
}
