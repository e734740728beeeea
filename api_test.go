package arnews

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestNewExtractorChecksEntries(t *testing.T) {
	tests := []struct {
		name  string
		entry GazetteerEntry
		want  string // in the error
	}{
		{"British spelling", GazetteerEntry{ID: "org:qia", Kind: "organisation", Name: "جهاز قطر للاستثمار"}, `Kind "organisation" is not one of`},
		{"capitalised", GazetteerEntry{Kind: "Organization", Name: "جهاز قطر للاستثمار"}, `Kind "Organization"`},
		{"short", GazetteerEntry{Kind: "org", Name: "جهاز قطر للاستثمار"}, `Kind "org"`},
		{"empty kind", GazetteerEntry{Name: "جهاز قطر للاستثمار"}, `Kind ""`},
		{"no name", GazetteerEntry{Kind: KindCity}, "no Name, Names or Acronyms"},
		{"bad country", GazetteerEntry{Kind: KindCity, Name: "الوكرة", Country: "Qatar"}, `Country "Qatar"`},
		{"country without code", GazetteerEntry{Kind: KindCountry, Name: "قطرستان"}, "a country's ID must be its ISO"},
		{"demonym without country", GazetteerEntry{Kind: KindDemonym, Name: "قطرستاني"}, "a demonym needs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			good := GazetteerEntry{Kind: KindCity, Name: "الوكرة", Country: "QA"}
			x, err := NewExtractor(WithEntries(good, tc.entry))
			if err == nil {
				t.Fatalf("no error; extractor %v", x)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "arnews: gazetteer entry 1 ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q, want entry 1 and %q", msg, tc.want)
			}
		})
	}
}

func TestNewExtractorIDs(t *testing.T) {
	x, err := NewExtractor(WithEntries(
		GazetteerEntry{Kind: KindOrganization, Name: "مؤسسة الواحة للاختبار", Country: "QA"},
		GazetteerEntry{Kind: KindCity, Name: "نخيلستان", Country: "QA"},
		GazetteerEntry{Kind: KindRegion, Name: "إقليم كردستان", Country: "IQ"},
	))
	if err != nil {
		t.Fatal(err)
	}
	got := x.FindEntities("زار وفد من مؤسسة الواحة للاختبار مدينة نخيلستان ثم إقليم كردستان.")
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID+" "+string(e.Kind))
	}
	want := []string{"org:مؤسسه-الواحه-للاختبار organization", "city:QA:نخيلستان city", "region:اقليم-كردستان region"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	// The package-level functions share one Extractor of the built-in
	// gazetteer: it is built once.
	if a, _ := NewExtractor(); a != defaultExtractor() {
		t.Error("NewExtractor() without options builds a new gazetteer")
	}
	for _, e := range FindEntities("مدينة نخيلستان") {
		if e.ID == "city:QA:نخيلستان" {
			t.Errorf("built-in gazetteer has the user's entry: %v", e)
		}
	}
}

func TestKindsText(t *testing.T) {
	for _, k := range entityKindNames {
		var back EntityKind
		b, err := k.MarshalText()
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("%q does not round-trip: %s, %v", k, b, err)
		}
	}
	for _, k := range agreementKindNames {
		var back AgreementKind
		b, err := k.MarshalText()
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("%q does not round-trip: %s, %v", k, b, err)
		}
	}
	for _, s := range statusNames {
		var back Status
		b, err := s.MarshalText()
		if err != nil || back.UnmarshalText(b) != nil || back != s {
			t.Errorf("%q does not round-trip: %s, %v", s, b, err)
		}
	}
	var k EntityKind
	var a AgreementKind
	var s Status
	for _, err := range []error{k.UnmarshalText([]byte("organisation")), a.UnmarshalText([]byte("mou")), s.UnmarshalText([]byte("done"))} {
		if err == nil || !strings.HasPrefix(err.Error(), "arnews: unknown") {
			t.Errorf("bad value accepted: %v", err)
		}
	}
	if _, err := json.Marshal(Entity{Kind: "org"}); err == nil {
		t.Error("an Entity of kind org marshals")
	}
}

func TestGrains(t *testing.T) {
	order := []Grain{GrainDay, GrainWeek, GrainMonth, GrainYear}
	names := []string{"day", "week", "month", "year"}
	for i, g := range order {
		if i > 0 && g <= order[i-1] {
			t.Errorf("%v is not finer than %v", order[i-1], g)
		}
		if g.String() != names[i] {
			t.Errorf("Grain(%d).String() = %q, want %q", g, g, names[i])
		}
		var back Grain
		if err := back.UnmarshalText([]byte(names[i])); err != nil || back != g {
			t.Errorf("UnmarshalText(%q) = %v, %v", names[i], back, err)
		}
	}
	if _, err := Grain(9).MarshalText(); err == nil {
		t.Error("Grain(9) marshals")
	}
}

func TestDateValueAndString(t *testing.T) {
	if v := (Date{}).Value(); v != "" {
		t.Errorf("zero Date value %q, want empty", v)
	}
	d := Date{Text: "31 ديسمبر", Year: 2021, Month: 12, Day: 31}
	if s := d.String(); s != "2021-12-31 (31 ديسمبر)" {
		t.Errorf("String() = %q", s)
	}
	r := Date{Year: 2021, Month: 3, Day: 5, Until: &Date{Year: 2021, Month: 3, Day: 10}}
	if v := r.Value(); v != "2021-03-05/2021-03-10" {
		t.Errorf("range value %q", v)
	}
	w := Date{Year: 2021, Month: 11, Day: 8, Grain: GrainWeek}
	for _, d := range []Date{d, r, w, {Year: 2020, Grain: GrainYear}} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", b, diff)
		}
	}
}

func TestNoClock(t *testing.T) {
	if _, err := ParseDate("أمس", time.Time{}); !errors.Is(err, ErrNoRef) {
		t.Errorf("ParseDate(أمس, zero) error %v, want ErrNoRef", err)
	}
	if d, err := ParseDate("12 نوفمبر 2021", time.Time{}); err != nil || d.Value() != "2021-11-12" {
		t.Errorf("a full date needs no reference: %v, %v", d, err)
	}
	if got := FindDates("وقعت أمس اتفاقية في 12 نوفمبر 2021 وأخرى في مارس.", time.Time{}); len(got) != 1 {
		t.Errorf("without a reference only the full date is found: %v", got)
	}
	tests := []struct {
		name, text string
		from       RefSource
		ref        string // of the Document, "" for none
		yesterday  string // the value of أمس, "" when left out
	}{
		{"dateline", "الدوحة 12 نوفمبر 2021 (قنا) - وقعت قطر وتركيا أمس اتفاقية.", RefText, "2021-11-12", "2021-11-11"},
		{"date stamp", "الجمعة 12 نوفمبر 2021\nوقعت قطر وتركيا أمس اتفاقية.", RefText, "2021-11-12", "2021-11-11"},
		{"date in the lead", "في 15 مارس 2019 وقعت قطر وتركيا اتفاقية، وأعلنتا أمس تمديدها حتى عام 2030 بعد مفاوضات طويلة.", RefNone, "", ""},
		{"no date", "وقعت قطر وتركيا أمس اتفاقية.", RefNone, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Extract(tc.text)
			if doc.RefFrom != tc.from {
				t.Errorf("RefFrom %q, want %q", doc.RefFrom, tc.from)
			}
			if got := dateValue(&Date{Year: doc.Ref.Year(), Month: int(doc.Ref.Month()), Day: doc.Ref.Day()}); doc.Ref.IsZero() && tc.ref != "" || !doc.Ref.IsZero() && got != tc.ref {
				t.Errorf("Ref %v, want %q", doc.Ref, tc.ref)
			}
			got := ""
			for _, d := range doc.Dates {
				if d.Text == "أمس" {
					got = d.Value()
				}
			}
			if got != tc.yesterday {
				t.Errorf("أمس = %q, want %q", got, tc.yesterday)
			}
		})
	}
}

func TestFormString(t *testing.T) {
	tests := []struct {
		f    Form
		want string
	}{
		{0, "0"},
		{Search, "Search"},
		{All, "All"},
		{Search | FoldSpaces, "Search|FoldSpaces"},
		{FoldAlef | FoldYa, "FoldAlef|FoldYa"},
		{1 << 20, "0x100000"},
	}
	for _, tc := range tests {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("Form(%d).String() = %q, want %q", uint32(tc.f), got, tc.want)
		}
	}
}

// TestFrontMatter checks what a user adopting the module looks for first:
// a licence pkg.go.dev recognises, an install line, the fuzzing command,
// the versioning policy with its changelog, and the licences of the data.
func TestFrontMatter(t *testing.T) {
	licence, err := os.ReadFile("LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(licence), "MIT License") {
		t.Errorf("LICENSE does not start with \"MIT License\"")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"go get github.com/arnews/arnews@latest",
		"## Fuzzing", "-fuzz", "## Versioning", "CHANGELOG.md", "## Licences", "CC BY-SA 4.0",
		"## At scale", "examples/beam",
	} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
	if _, err := os.Stat("CHANGELOG.md"); err != nil {
		t.Error(err)
	}
}
