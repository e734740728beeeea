package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/arnews/arnews"
)

// readMini reads the spec files of testdata/recognizers.
func readMini(t *testing.T) map[string]SpecFile {
	t.Helper()
	files, err := ReadRecognizers(filepath.Join("testdata", "recognizers"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]SpecFile{}
	for _, f := range files {
		out[f.Name] = f
	}
	return out
}

func TestReadRecognizers(t *testing.T) {
	files := readMini(t)
	parser := files["MiniParser.json"].Cases
	if len(parser) != 4 || parser[1].Line != 25 || !parser[1].Ref.Equal(time.Date(2017, 11, 8, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("MiniParser.json: %d cases, second at line %d with ref %v", len(parser), parser[1].Line, parser[1].Ref)
	}
	extractor := files["MiniExtractor.json"].Cases
	if want, _ := time.Parse(time.DateOnly, DefaultRecognizersRef); !extractor[0].Ref.Equal(want) {
		t.Errorf("a case without a reference date gets %v, want %v", extractor[0].Ref, want)
	}
	model := files["MiniModel.json"].Cases
	first := func(cs []Case, i int) Result { return cs[i].Results[0] }
	for _, tc := range []struct {
		name string
		got  Result
		want Result
	}{
		{"a date, past and future", first(parser, 0), Result{Text: "15 مارس", Start: 9, Type: "date", HasValue: true,
			Values: []Expected{{d(t, "2016-03-15"), d(t, "2016-03-15")}, {d(t, "2017-03-15"), d(t, "2017-03-15")}}}},
		{"part of a period, widened", first(parser, 1), Result{Text: "مطلع العام المقبل", Start: 6, Type: "daterange", HasValue: true,
			Values: []Expected{{d(t, "2018-01-01"), d(t, "2018-07-01")}, {d(t, "2018-01-01"), d(t, "2018-12-31")}}}},
		{"Timex only", first(parser, 2), Result{Text: "هذا الصيف", Start: 6, Type: "daterange", HasValue: true,
			Unusable: `Timex only ("2016-SU")`}},
		{"placeholder", first(parser, 3), Result{Text: "عيد الفصح", Start: 9, Type: "date", HasValue: true,
			Unusable: "placeholder 0001-01-01"}},
		{"model values", first(model, 0), Result{Text: " في سبتمبر", Start: 5, Type: "daterange", HasValue: true,
			Values: []Expected{{d(t, "2016-09-01"), d(t, "2016-10-01")}, {d(t, "2017-09-01"), d(t, "2017-10-01")}}}},
		{"a time", model[0].Results[1], Result{Text: "الساعة 5", Start: 16, Type: "time", HasValue: true,
			Unusable: `unreadable dates "05:00:00".."05:00:00"`}},
		{"not resolved", first(model, 1), Result{Text: "أيار", Start: 9, Type: "date", HasValue: true,
			Unusable: `resolution "not resolved"`}},
		{"open range", first(model, 2), Result{Text: "منذ أغسطس", Start: 6, Type: "daterange", HasValue: true,
			Unusable: `open range (Mod "since")`}},
		{"extractor", first(extractor, 0), Result{Text: "اليوم", Start: 6, Type: "date"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseSpecFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"not an array", `{"Input": "x"}`, "1: want a JSON array"},
		{"syntax error", "[\n  {\"Input\": \"x\", \"Results\": []},\n  {\"Input\": \"y\",\n   \"Results\": [}\n]", "4: bad JSON"},
		{"wrong type", "[\n  {\"Input\": \"x\",\n   \"Results\": 3}\n]", "3: bad JSON"},
		{"no input", "[\n  {\"Input\": \"x\"},\n  {\"Results\": []}\n]", `3: case without "Input"`},
		{"bad reference date", "[\n\n  {\"Input\": \"x\", \"Context\": {\"ReferenceDateTime\": \"07/11/2016\"}}]", `3: bad ReferenceDateTime "07/11/2016"`},
		{"unterminated", "[\n  {\"Input\": \"x\"}\n", "3: bad JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSpecFile("x.json", []byte(tc.in))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want it to start with %q", err, tc.want)
			}
		})
	}
}

func TestReadRecognizersErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Bad.json")
	if err := os.WriteFile(path, []byte("\uFEFF[\n  {\"Results\": []}\n]"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadRecognizers(dir)
	if want := "arnews: " + path + `:2: case without "Input"`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if _, err := ReadRecognizers(t.TempDir()); err == nil || !strings.HasPrefix(err.Error(), "arnews: ") {
		t.Errorf("empty folder: error %v", err)
	}
}

func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		name, input, text string
		start             int
		want              string // the input with the span marked, or "" when not found
	}{
		{"nearest occurrence", "اليوم واليوم", "اليوم", 6, "اليوم و⟦اليوم⟧"},
		{"first occurrence", "اليوم واليوم", "اليوم", 0, "⟦اليوم⟧ واليوم"},
		{"no start", "اليوم واليوم", "اليوم", -1, "⟦اليوم⟧ واليوم"},
		{"surrounding spaces", "سأعود أكتوبر/ 2", " أكتوبر/ 2", 5, "سأعود ⟦أكتوبر/ 2⟧"},
		{"not in input", "في 3 أشهر", "في 3 شهور", -1, ""},
		{"empty text", "2016-2-30", "", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp, ok := locate(tc.input, Result{Text: tc.text, Start: tc.start})
			got := ""
			if ok {
				got = excerpt(tc.input, sp)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestResultFound(t *testing.T) {
	date := func(y, m, dd int, g arnews.Grain) arnews.Date {
		return arnews.Date{Year: y, Month: m, Day: dd, Grain: g}
	}
	march15 := []Expected{{d(t, "2016-03-15"), d(t, "2016-03-15")}, {d(t, "2017-03-15"), d(t, "2017-03-15")}}
	for _, tc := range []struct {
		name string
		r    Result
		got  []arnews.Date
		want bool
	}{
		{"past resolution", Result{HasValue: true, Values: march15}, []arnews.Date{date(2016, 3, 15, arnews.GrainDay)}, true},
		{"future resolution", Result{HasValue: true, Values: march15}, []arnews.Date{date(2017, 3, 15, arnews.GrainDay)}, true},
		{"the month only", Result{HasValue: true, Values: march15}, []arnews.Date{date(2016, 3, 0, arnews.GrainMonth)}, false},
		{"the second overlapping date", Result{HasValue: true, Values: march15},
			[]arnews.Date{date(2016, 3, 0, arnews.GrainMonth), date(2017, 3, 15, arnews.GrainDay)}, true},
		{"no overlapping date", Result{HasValue: true, Values: march15}, nil, false},
		{"extractor: any overlap", Result{}, []arnews.Date{date(1999, 1, 1, arnews.GrainYear)}, true},
		{"extractor: none", Result{}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resultFound(tc.r, tc.got); got != tc.want {
				t.Errorf("found %v, want %v", got, tc.want)
			}
		})
	}
}

func TestScoreRecognizersMini(t *testing.T) {
	files := readMini(t)
	rep := ScoreRecognizers([]SpecFile{files["MiniExtractor.json"], files["MiniModel.json"], files["MiniParser.json"]})
	// What FindDates finds may change; what the scorer counts may not.
	want := FileScore{Name: "all", Cases: 10, Results: 10, OtherTypes: 1, Unscored: 5}
	got := rep.Total
	got.Scored, got.Extra = Ratio{}, 0
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if rep.Total.Scored.N != 4 {
		t.Errorf("%d results scored, want 4 (2 dates, 1 model range, 1 extractor)", rep.Total.Scored.N)
	}
	var reasons []string
	for _, o := range rep.Outcomes {
		if o.Status == "unscored" {
			reasons = append(reasons, o.Reason)
		}
		if o.Reason == "text not in input" && (o.Context != "" || !strings.HasSuffix(outcomeLine(o), "| في 3 أشهر")) {
			t.Errorf("a text not in its input: context %q, line %q; want the bare input", o.Context, outcomeLine(o))
		}
	}
	want2 := []string{`resolution "not resolved"`, `open range (Mod "since")`, "text not in input",
		`Timex only ("2016-SU")`, "placeholder 0001-01-01"}
	if diff := cmp.Diff(want2, reasons); diff != "" {
		t.Errorf("unscored reasons (-want +got)\n%s", diff)
	}
}

func TestDeclined(t *testing.T) {
	files := readMini(t)
	all := []SpecFile{files["MiniParser.json"], files["MiniExtractor.json"]}
	list, err := ReadDeclined(strings.NewReader("# comment\nfile\tinput\treason\n\nMiniParser.json\t سأعود في 15 مارس \ttoo English\n"), "d.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if err := ApplyDeclined(all, list, "d.tsv"); err != nil {
		t.Fatal(err)
	}
	if all[0].Cases[0].Declined != "too English" || all[0].Cases[1].Declined != "" {
		t.Errorf("declined: %q, %q", all[0].Cases[0].Declined, all[0].Cases[1].Declined)
	}
	rep := ScoreRecognizers(all)
	if rep.Total.Declined.N != 1 || rep.Files[0].Scored.N != 1 {
		t.Errorf("declined %v, MiniParser scored %v: want 1 declined, 1 scored", rep.Total.Declined, rep.Files[0].Scored)
	}
	stale := []Declined{{File: "MiniParser.json", Input: "سأعود غدا", Reason: "x", Line: 7}}
	if err := ApplyDeclined(all, stale, "d.tsv"); err == nil || !strings.HasPrefix(err.Error(), "arnews: d.tsv:7: no case of MiniParser.json") {
		t.Errorf("stale entry: error %v", err)
	}
	other := []Declined{{File: "DateParser.json", Input: "سأعود غدا", Reason: "x", Line: 8}}
	if err := ApplyDeclined(all, other, "d.tsv"); err != nil {
		t.Errorf("entry for a file not read: error %v", err)
	}
}

func TestReadDeclinedErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"no header", "DateParser.json\tx\ty\n", "arnews: d.tsv:1: want the header"},
		{"two fields", "file\tinput\treason\nDateParser.json\tx\n", "arnews: d.tsv:2: want three non-empty fields"},
		{"empty reason", "# c\nfile\tinput\treason\nDateParser.json\tx\t \n", "arnews: d.tsv:3: want three non-empty fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDeclined(strings.NewReader(tc.in), "d.tsv")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want it to start with %q", err, tc.want)
			}
		})
	}
}

func TestBuiltinDeclined(t *testing.T) {
	list, err := BuiltinDeclined()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatal("the built-in list is empty")
	}
	for _, d := range list {
		if !strings.HasSuffix(d.File, ".json") || len(d.Reason) < 20 {
			t.Errorf("line %d: file %q, reason %q: want a spec file and a real reason", d.Line, d.File, d.Reason)
		}
	}
}
