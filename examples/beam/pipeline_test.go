package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/google/go-cmp/cmp"

	"github.com/arnews/arnews"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// input is an article the test gives the pipeline, and what the library
// says about it when called directly.
type input struct {
	text string
	ref  string // YYYY-MM-DD
}

// outputs are what a run of the pipeline wrote: the lines of its three
// files (nil for a file not written) and its counters by name.
type outputs struct {
	docs, pairs, bad []string
	counters         map[string]int64
}

// runPipeline runs the pipeline with o on prism, in this process.
func runPipeline(t *testing.T, o options) outputs {
	t.Helper()
	dir := t.TempDir()
	o.Output = filepath.Join(dir, "documents.jsonl")
	o.Pairs = filepath.Join(dir, "pairs.jsonl")
	o.Errors = filepath.Join(dir, "errors.jsonl")
	if err := o.check(); err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, o)
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
	out := outputs{
		docs:     readLines(t, o.Output),
		pairs:    readLines(t, o.Pairs),
		bad:      readLines(t, o.Errors),
		counters: map[string]int64{},
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == "arnews" {
			out.counters[c.Key.Name] += c.Result()
		}
	}
	return out
}

// checkCounters checks the pipeline's counters.
func checkCounters(t *testing.T, got map[string]int64, articles, bad int) {
	t.Helper()
	want := map[string]int64{"articles": int64(articles)}
	if bad > 0 {
		want["bad_lines"] = int64(bad)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counters (-want +got):\n%s", diff)
	}
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// direct returns the Document the library gives for in, called directly.
func direct(t *testing.T, in input) *arnews.Document {
	t.Helper()
	ref, err := time.Parse(time.DateOnly, in.ref)
	if err != nil {
		t.Fatal(err)
	}
	return arnews.Extract(in.text, arnews.WithRef(ref))
}

// checkDocuments checks that there is one Document line per article of
// want (keyed by id as JSON text) and that each, once decoded, equals the
// library's own JSON for the article, agreements first.
func checkDocuments(t *testing.T, lines []string, want map[string]input) {
	t.Helper()
	if len(lines) != len(want) {
		t.Errorf("got %d documents, want %d", len(lines), len(want))
	}
	seen := map[string]bool{}
	for _, line := range lines {
		var got map[string]any
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Errorf("document line %.80q: %v", line, err)
			continue
		}
		idJSON, _ := json.Marshal(got["id"])
		id := string(idJSON)
		in, ok := want[id]
		if !ok || seen[id] {
			t.Errorf("unexpected or repeated document id %s", id)
			continue
		}
		seen[id] = true
		delete(got, "id")
		var wantDoc map[string]any
		b, err := json.Marshal(direct(t, in))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &wantDoc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantDoc["agreements"], got["agreements"]); diff != "" {
			t.Errorf("document %s: agreements differ from the library's (-want +got):\n%s", id, diff)
		} else if diff := cmp.Diff(wantDoc, got); diff != "" {
			t.Errorf("document %s differs from the library's (-want +got):\n%s", id, diff)
		}
	}
}

// wantPairs counts, from direct library calls, the agreements per unordered
// pair of states per month: the signing month when the signing date has
// one, else the publication month. Keys are "A B YYYY-MM" with A < B.
func wantPairs(t *testing.T, articles map[string]input) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, in := range articles {
		doc := direct(t, in)
		kind := map[string]arnews.EntityKind{}
		for _, e := range doc.Entities {
			kind[e.ID] = e.Kind
		}
		for _, a := range doc.Agreements {
			month := in.ref[:7]
			if d := a.Signed; d != nil && d.Grain != arnews.GrainYear {
				month = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
			}
			states := map[string]bool{}
			for _, p := range a.Parties {
				if kind[p] == arnews.KindCountry {
					states[p] = true
				}
			}
			for x := range states {
				for y := range states {
					if x < y {
						counts[x+" "+y+" "+month]++
					}
				}
			}
		}
	}
	return counts
}

// checkPairs compares the pair lines the pipeline wrote with want.
func checkPairs(t *testing.T, lines []string, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	for _, line := range lines {
		var p struct {
			Parties    []string `json:"parties"`
			Month      string   `json:"month"`
			Agreements int      `json:"agreements"`
		}
		if err := json.Unmarshal([]byte(line), &p); err != nil || len(p.Parties) != 2 {
			t.Errorf("pair line %q: want {\"parties\":[A,B],\"month\":…,\"agreements\":N} (%v)", line, err)
			continue
		}
		got[p.Parties[0]+" "+p.Parties[1]+" "+p.Month] += p.Agreements
	}
	if len(want) == 0 {
		t.Fatal("the articles name no agreement between two states: the test checks nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pair counts (-want +got):\n%s", diff)
	}
}

// testdataArticles returns the library's test articles, by path.
func testdataArticles(t *testing.T) map[string]string {
	t.Helper()
	names, err := filepath.Glob("../../testdata/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no test articles in ../../testdata (%v)", err)
	}
	texts := map[string]string{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = string(b)
	}
	return texts
}

func TestTextFiles(t *testing.T) {
	const ref = "2021-11-12"
	want := map[string]input{}
	for name, text := range testdataArticles(t) {
		id, _ := json.Marshal(name)
		want[string(id)] = input{text, ref}
	}
	out := runPipeline(t, options{Input: "../../testdata/*.txt", Format: "text", Ref: ref})
	checkDocuments(t, out.docs, want)
	checkPairs(t, out.pairs, wantPairs(t, want))
	checkCounters(t, out.counters, len(want), 0)
	if out.bad != nil {
		t.Errorf("text input wrote error records: %q", out.bad)
	}
}

func TestJSONLines(t *testing.T) {
	const defaultRef = "2024-03-01"
	// Each article once with the publication date of its golden file, so
	// that signing months differ, and once with no "ref".
	want := map[string]input{}
	var lines []string
	add := func(id any, text, ref string) {
		idJSON, _ := json.Marshal(id)
		line := map[string]any{"id": id, "text": text}
		if ref != "" {
			line["ref"] = ref
		} else {
			ref = defaultRef
		}
		b, _ := json.Marshal(line)
		lines = append(lines, string(b))
		want[string(idJSON)] = input{text, ref}
	}
	names, _ := filepath.Glob("../../testdata/*.golden.json")
	for i, golden := range names {
		var g struct {
			Ref string `json:"ref"`
		}
		b, err := os.ReadFile(golden)
		if err == nil {
			err = json.Unmarshal(b, &g)
		}
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(golden, ".golden.json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		add(i+1, string(text), g.Ref)
		add(fmt.Sprintf("no-ref-%d", i+1), string(text), "")
	}
	if len(names) < 3 {
		t.Fatalf("only %d golden articles in ../../testdata", len(names))
	}
	// Bad lines, with the error each must give.
	badLines := []struct{ line, id, err string }{
		{"", "null", "empty line"},
		{`not json`, "null", "bad JSON"},
		{`{"id":"no-text","ref":"2021-11-12"}`, `"no-text"`, `missing "text"`},
		{`{"id":"bad-ref","text":"نص","ref":"12/11/2021"}`, `"bad-ref"`, `ref "12/11/2021"`},
		{`{"id":"bad-type","text":42}`, `"bad-type"`, "bad JSON"},
		{"{\"id\":\"bad-utf8\",\"text\":\"\xff\"}", `"bad-utf8"`, "not valid UTF-8"},
	}
	for i, b := range badLines {
		at := min(2*i+1, len(lines))
		lines = slices.Insert(lines, at, b.line)
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	out := runPipeline(t, options{Input: path, Format: "jsonl", Ref: defaultRef})
	checkDocuments(t, out.docs, want)
	checkPairs(t, out.pairs, wantPairs(t, want))
	checkCounters(t, out.counters, len(want), len(badLines))

	bad := out.bad
	if len(bad) != len(badLines) {
		t.Errorf("got %d error records, want %d: %q", len(bad), len(badLines), bad)
	}
	byID := map[string][]string{}
	for _, line := range bad {
		var r struct {
			ID     json.RawMessage `json:"id"`
			Source string          `json:"source"`
			Error  string          `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Errorf("error record %q: %v", line, err)
			continue
		}
		if r.Source != path {
			t.Errorf("error record %s: source %q, want %q", line, r.Source, path)
		}
		byID[string(r.ID)] = append(byID[string(r.ID)], r.Error)
	}
	for _, b := range badLines {
		errs := byID[b.id]
		i := slices.IndexFunc(errs, func(e string) bool { return strings.Contains(e, b.err) })
		if i < 0 {
			t.Errorf("line %q: no error record with id %s and error %q (got %q)", b.line, b.id, b.err, errs)
			continue
		}
		byID[b.id] = slices.Delete(errs, i, i+1)
	}
}
