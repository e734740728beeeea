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

// mention returns the mention of the first occurrence of text in body.
func mention(t *testing.T, body, text string) arnews.Mention {
	t.Helper()
	i := strings.Index(body, text)
	if i < 0 {
		t.Fatalf("%q not in %q", text, body)
	}
	return arnews.Mention{Text: text, Span: arnews.Span{Start: i, End: i + len(text)}}
}

// day returns a predicted date of body at day grain.
func day(t *testing.T, body, text string, y, m, d int) arnews.Date {
	t.Helper()
	mn := mention(t, body, text)
	return arnews.Date{Text: text, Span: mn.Span, Year: y, Month: m, Day: d, Grain: arnews.GrainDay}
}

// rangeOf returns the range from a to the day last.
func rangeOf(a, last arnews.Date) arnews.Date {
	last.Grain = arnews.GrainDay
	a.Until = &last
	return a
}

// month returns a predicted date of body at month grain.
func month(t *testing.T, body, text string, y, m int) arnews.Date {
	t.Helper()
	mn := mention(t, body, text)
	return arnews.Date{Text: text, Span: mn.Span, Year: y, Month: m, Grain: arnews.GrainMonth}
}

func TestCheckSpans(t *testing.T) {
	const body = "وقعت قطر اتفاقية للتعاون في الطاقة"
	good := mention(t, body, "قطر")
	shifted := good
	shifted.Start++
	shifted.End++
	outOfRange := arnews.Mention{Text: "الطاقة", Span: arnews.Span{Start: len(body) - 4, End: len(body) + 8}}
	agreement := mention(t, body, "اتفاقية")
	for _, tc := range []struct {
		name string
		doc  arnews.Document
		want Ratio
	}{
		{"all good", arnews.Document{
			Entities: []arnews.Entity{{ID: "QA", Kind: "country", Mentions: []arnews.Mention{good}}},
			Agreements: []arnews.Agreement{{Text: agreement.Text, Span: agreement.Span,
				Subject: mention(t, body, "للتعاون في الطاقة")}},
		}, Ratio{3, 3}},
		{"off by one byte", arnews.Document{
			Entities: []arnews.Entity{{ID: "QA", Kind: "country", Mentions: []arnews.Mention{shifted}}},
		}, Ratio{0, 1}},
		{"out of range", arnews.Document{
			Agreements: []arnews.Agreement{{Text: agreement.Text, Span: agreement.Span,
				Mentions: []arnews.Mention{outOfRange}}},
		}, Ratio{1, 2}},
		{"date and signing date", arnews.Document{
			Dates: []arnews.Date{{Text: "قطر", Span: good.Span}},
			Agreements: []arnews.Agreement{{Text: agreement.Text, Span: agreement.Span,
				Signed: &arnews.Date{Text: "قطر", Span: shifted.Span}}},
		}, Ratio{2, 3}},
		{"empty subject and textless date are not spans", arnews.Document{
			Agreements: []arnews.Agreement{{Text: agreement.Text, Span: agreement.Span,
				Signed: &arnews.Date{Year: 2021, Grain: arnews.GrainYear}}},
		}, Ratio{1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, issues := checkSpans(body, &tc.doc)
			if got != tc.want {
				t.Errorf("good spans %v, want %v", got, tc.want)
			}
			if len(issues) != tc.want.N-tc.want.K {
				t.Errorf("%d issues, want one per bad span: %+v", len(issues), issues)
			}
		})
	}
}

func TestScoreDates(t *testing.T) {
	const body = "وصل الوفد يوم الجمعة 12 نوفمبر 2021 على أن يعود الشهر المقبل"
	for _, tc := range []struct {
		name string
		gold []GoldDate
		pred []arnews.Date
		want Score
	}{
		{"predicted contains gold",
			[]GoldDate{{Text: "12 نوفمبر 2021", Value: "2021-11-12"}},
			[]arnews.Date{day(t, body, "الجمعة 12 نوفمبر 2021", 2021, 11, 12)},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"gold contains predicted",
			[]GoldDate{{Text: "يوم الجمعة 12 نوفمبر 2021", Value: "2021-11-12"}},
			[]arnews.Date{day(t, body, "12 نوفمبر 2021", 2021, 11, 12)},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"same text, other value",
			[]GoldDate{{Text: "الشهر المقبل", Value: "2021-12"}},
			[]arnews.Date{month(t, body, "الشهر المقبل", 2022, 1)},
			Score{Gold: 1, Predicted: 1}},
		{"same value, unrelated text",
			[]GoldDate{{Text: "الجمعة", Value: "2021-11-12"}},
			[]arnews.Date{day(t, body, "12 نوفمبر 2021", 2021, 11, 12)},
			Score{Gold: 1, Predicted: 1}},
		{"one prediction finds two gold dates",
			[]GoldDate{{Text: "الجمعة", Value: "2021-11-12"}, {Text: "12 نوفمبر", Value: "2021-11-12"}},
			[]arnews.Date{day(t, body, "الجمعة 12 نوفمبر 2021", 2021, 11, 12)},
			Score{Gold: 2, Predicted: 1, Found: 2, Right: 1}},
		{"a range has the values of its ends",
			[]GoldDate{{Text: "12 نوفمبر", Value: "2021-11-12"}, {Text: "الجمعة", Value: "2021-11-12"}},
			[]arnews.Date{rangeOf(day(t, body, "12 نوفمبر 2021", 2021, 11, 12), arnews.Date{Year: 2021, Month: 11, Day: 20})},
			Score{Gold: 2, Predicted: 1, Found: 1, Right: 1}},
		{"a range within a gold period",
			[]GoldDate{{Text: "الشهر المقبل", Value: "2021-12"}},
			[]arnews.Date{rangeOf(day(t, body, "الشهر المقبل", 2021, 12, 1), arnews.Date{Year: 2021, Month: 12, Day: 10})},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"a range beyond a gold period",
			[]GoldDate{{Text: "الشهر المقبل", Value: "2021-12"}},
			[]arnews.Date{rangeOf(day(t, body, "الشهر المقبل", 2021, 12, 21), arnews.Date{Year: 2022, Month: 1, Day: 10})},
			Score{Gold: 1, Predicted: 1}},
		{"nothing predicted",
			[]GoldDate{{Text: "الشهر المقبل", Value: "2021-12"}}, nil,
			Score{Gold: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{Gold: Gold{Dates: tc.gold}, Body: body}
			got, issues := scoreDates(a, &arnews.Document{Dates: tc.pred})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if want := tc.want.Gold - tc.want.Found + tc.want.Predicted - tc.want.Right; len(issues) != want {
				t.Errorf("%d issues, want %d", len(issues), want)
			}
		})
	}
}

func TestScoreCountries(t *testing.T) {
	const body = "وقعت قطر والأردن اتفاقا"
	a := Article{Body: body, Gold: Gold{Entities: []GoldEntity{
		{Kind: "country", ID: "QA", Name: "قطر", Mentions: []string{"قطر"}},
		{Kind: "country", ID: "JO", Name: "الأردن", Mentions: []string{"الأردن"}},
		{Kind: "country", ID: "US", Name: "الولايات المتحدة"}, // no mention: not gold
	}}}
	doc := &arnews.Document{Entities: []arnews.Entity{
		{ID: "QA", Kind: "country", Mentions: []arnews.Mention{mention(t, body, "قطر")}},
		{ID: "EG", Kind: "country"}, // implied, no mention: still predicted
		{ID: "city:QA:doha", Kind: "city", Mentions: []arnews.Mention{mention(t, body, "قطر")}},
	}}
	got, _ := scoreCountries(a, doc)
	want := Score{Gold: 2, Predicted: 2, Found: 1, Right: 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestScoreNames(t *testing.T) {
	const body = "قال الوزير سالم الهاجري إن وكالة AFP و AP و م نقلت الخبر عن محمد"
	person := GoldEntity{Kind: "person", Name: "سالم بن علي الهاجري", Mentions: []string{"سالم الهاجري", "الهاجري"}}
	oneLetter := GoldEntity{Kind: "person", Name: "م", Mentions: []string{"م"}}
	agency := GoldEntity{Kind: "organization", Name: "AP", Mentions: []string{"AP"}}
	pred := func(kind, text string) arnews.Entity {
		return arnews.Entity{ID: kind + ":" + text, Kind: arnews.EntityKind(kind), Mentions: []arnews.Mention{mention(t, body, text)}}
	}
	for _, tc := range []struct {
		name string
		kind string
		gold []GoldEntity
		pred []arnews.Entity
		want Score
	}{
		{"predicted contained in a gold mention", "person", []GoldEntity{person},
			[]arnews.Entity{pred("person", "الهاجري")}, Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"predicted contains a gold mention", "person", []GoldEntity{person},
			[]arnews.Entity{pred("person", "الوزير سالم الهاجري")}, Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"predicted contained in the name only", "person", []GoldEntity{{Kind: "person", Name: "سالم الهاجري"}},
			[]arnews.Entity{pred("person", "سالم")}, Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"a 2-byte prediction takes no part", "person", []GoldEntity{person},
			[]arnews.Entity{pred("person", "س")}, Score{Gold: 1, Predicted: 1}},
		{"a 2-byte gold mention takes no part", "person", []GoldEntity{oneLetter},
			[]arnews.Entity{pred("person", "محمد")}, Score{Gold: 1, Predicted: 1}},
		{"3 bytes take part", "organization", []GoldEntity{{Kind: "organization", Name: "وكالة AFP"}},
			[]arnews.Entity{pred("organization", "AFP")}, Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"2-byte ASCII on both sides", "organization", []GoldEntity{agency},
			[]arnews.Entity{pred("organization", "AP")}, Score{Gold: 1, Predicted: 1}},
		{"a person without mentions is not predicted", "person", []GoldEntity{person},
			[]arnews.Entity{{ID: "person:x", Kind: "person"}}, Score{Gold: 1}},
		{"kinds are kept apart", "organization", []GoldEntity{person, agency},
			[]arnews.Entity{pred("person", "الهاجري")}, Score{Gold: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := Article{Body: body, Gold: Gold{Entities: tc.gold}}
			got, _ := scoreNames(a, &arnews.Document{Entities: tc.pred}, tc.kind)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// agreementResult scores gold against predicted agreements anchored on
// the first word of a fixed body.
func agreementResult(t *testing.T, gold []GoldAgreement, pred []arnews.Agreement) ArticleResult {
	t.Helper()
	const body = "اتفاقية بين البلدين"
	m := mention(t, body, "اتفاقية")
	for i := range pred {
		pred[i].Text, pred[i].Span = m.Text, m.Span
	}
	for i := range gold {
		gold[i].Trigger = "اتفاقية"
	}
	a := Article{Body: body, Gold: Gold{Agreements: gold}}
	return ScoreArticle(a, &arnews.Document{Agreements: pred})
}

func TestOneToOne(t *testing.T) {
	qaUS := GoldAgreement{Kind: "agreement", Status: "signed", Parties: []string{"QA", "US"}}
	for _, tc := range []struct {
		name string
		gold []GoldAgreement
		pred []arnews.Agreement
		want Score
	}{
		{"match", []GoldAgreement{qaUS},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"US", "QA"}}},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"a duplicate lowers precision", []GoldAgreement{qaUS},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"US", "QA"}}, {Kind: "agreement", Parties: []string{"QA", "US"}}},
			Score{Gold: 1, Predicted: 2, Found: 1, Right: 1}},
		{"two gold claim two predictions", []GoldAgreement{qaUS, qaUS},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"US", "QA"}}, {Kind: "agreement", Parties: []string{"QA", "US"}}},
			Score{Gold: 2, Predicted: 2, Found: 2, Right: 2}},
		{"other kind", []GoldAgreement{qaUS},
			[]arnews.Agreement{{Kind: "memorandum", Parties: []string{"QA", "US"}}},
			Score{Gold: 1, Predicted: 1}},
		{"a superset of parties", []GoldAgreement{qaUS},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"QA", "US", "FR"}}},
			Score{Gold: 1, Predicted: 1}},
		{"a subset of parties", []GoldAgreement{qaUS},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"QA"}}},
			Score{Gold: 1, Predicted: 1}},
		{"only two-letter codes are state parties",
			[]GoldAgreement{{Kind: "agreement", Parties: []string{"US", "حركة طالبان", "USA", "qa"}}},
			[]arnews.Agreement{{Kind: "agreement", Parties: []string{"org:taliban", "US", "US"}}},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
		{"no state party on either side",
			[]GoldAgreement{{Kind: "deal", Parties: []string{"حركة فتح", "حركة حماس"}}},
			[]arnews.Agreement{{Kind: "deal", Parties: []string{"org:fatah"}}},
			Score{Gold: 1, Predicted: 1, Found: 1, Right: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := agreementResult(t, tc.gold, tc.pred).OneToOne
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestMatchAgreementsOrder(t *testing.T) {
	gold := []GoldAgreement{
		{Kind: "memorandum", Parties: []string{"MA", "ES"}},
		{Kind: "agreement", Parties: []string{"MA", "ES"}},
		{Kind: "memorandum", Parties: []string{"ES", "MA"}},
	}
	pred := []arnews.Agreement{
		{Kind: "agreement", Parties: []string{"ES", "MA"}},
		{Kind: "memorandum", Parties: []string{"ES", "MA"}},
		{Kind: "memorandum", Parties: []string{"MA", "ES"}},
		{Kind: "memorandum", Parties: []string{"MA"}},
	}
	pairs, claimed := matchAgreements(gold, pred)
	if diff := cmp.Diff(map[int]int{0: 1, 1: 0, 2: 2}, pairs); diff != "" {
		t.Errorf("pairs (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]bool{true, true, true, false}, claimed); diff != "" {
		t.Errorf("claimed (-want +got)\n%s", diff)
	}
}

func TestFoundWithParties(t *testing.T) {
	for _, tc := range []struct {
		name  string
		gold  GoldAgreement
		pred  []arnews.Agreement
		found bool
	}{
		{"superset", GoldAgreement{Parties: []string{"QA", "US"}},
			[]arnews.Agreement{{Parties: []string{"US", "AF", "QA"}}}, true},
		{"kind does not matter", GoldAgreement{Kind: "treaty", Parties: []string{"QA"}},
			[]arnews.Agreement{{Kind: "deal", Parties: []string{"QA"}}}, true},
		{"one party missing", GoldAgreement{Parties: []string{"QA", "US"}},
			[]arnews.Agreement{{Parties: []string{"QA"}}, {Parties: []string{"US"}}}, false},
		{"no state party: any agreement", GoldAgreement{Parties: []string{"حركة حماس"}},
			[]arnews.Agreement{{}}, true},
		{"no prediction", GoldAgreement{Parties: []string{"حركة حماس"}}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := foundWithParties(tc.gold, tc.pred); got != tc.found {
				t.Errorf("found %v, want %v", got, tc.found)
			}
		})
	}
}

func TestOfTheMatched(t *testing.T) {
	signed := &arnews.Date{Year: 2021, Month: 11, Day: 12, Grain: arnews.GrainDay}
	gold := []GoldAgreement{
		{Kind: "agreement", Status: "signed", Parties: []string{"QA"}, Signed: "2021-11-12", Subject: "التعاون في مجال الطاقة"},
		{Kind: "memorandum", Status: "signed", Parties: []string{"QA"}, Signed: "2021-11", Subject: "النقل البحري"},
		{Kind: "protocol", Status: "in_force", Parties: []string{"QA"}},
		{Kind: "treaty", Status: "signed", Parties: []string{"QA"}, Signed: "2021"}, // unmatched
	}
	pred := []arnews.Agreement{
		{Kind: "agreement", Status: "signed", Parties: []string{"QA"}, Signed: signed,
			Subject: arnews.Mention{Text: "للتعاون في مجال الطاقة المتجددة"}},
		{Kind: "memorandum", Status: "approved", Parties: []string{"QA"}, Signed: signed,
			Subject: arnews.Mention{Text: "الربط الكهربائي"}},
		{Kind: "protocol", Status: "in_force", Parties: []string{"QA"}},
	}
	r := agreementResult(t, gold, pred)
	got := []Ratio{r.Status, r.Signed, r.Subject}
	want := []Ratio{{2, 3}, {1, 2}, {1, 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status, signed, subject (-want +got)\n%s", diff)
	}
}

func TestSubjectMatches(t *testing.T) {
	const gold = "التعاون في مجال الطاقة المتجددة"
	for _, tc := range []struct {
		name, pred string
		want       bool
	}{
		{"equal", gold, true},
		{"contains", "مذكرة " + gold + " بين البلدين", true},
		{"contained", "مجال الطاقة", true},
		{"half the gold words", "التعاون الطاقة المتجددة والمياه والنقل والزراعة", true},
		{"half the predicted words", "التعاون العسكري", true},
		{"less than half of either", "للتعاون العسكري والأمني والاقتصادي في البحر", false},
		{"repeated words count once", "في في في في المياه الجوفية", false},
		{"empty", "", false},
		{"unrelated", "تبادل الأسرى", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := subjectMatches(tc.pred, gold); got != tc.want {
				t.Errorf("subjectMatches(%q) = %v, want %v", tc.pred, got, tc.want)
			}
		})
	}
}

func TestReadCorpus(t *testing.T) {
	arts, err := ReadCorpus(filepath.Join("testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	a := arts[1]
	if a.File != "02.txt" || a.Line != 3 || !a.Ref.Equal(time.Date(2020, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("second article: file %q, line %d, ref %v", a.File, a.Line, a.Ref)
	}
	if !strings.HasPrefix(a.Body, "أعلنت وزارة المياه") || strings.Contains(a.Body, "# url") {
		t.Errorf("body %q: want the text after the header line", a.Body)
	}
	first := arts[0]
	got := []string{first.Dates[0].Value, first.Entities[3].Name, first.Agreements[0].Subject, first.Agreements[0].Signed}
	want := []string{"2021-11-12", "سالم الهاجري", "التعاون في مجال الطاقة", "2021-11-12"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first article (-want +got)\n%s", diff)
	}
}

// writeCorpus writes files (name → content) into a new folder.
func writeCorpus(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadCorpusErrors(t *testing.T) {
	const article = "# url: x | y | z\nوقعت قطر اتفاقية"
	good := `{"file": "01.txt", "ref": "2021-11-12", "dates": [], "entities": [], "agreements": []}`
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // in the error, after the folder
	}{
		{"bad JSON", map[string]string{"gold.jsonl": good + "\n\n{\"file\": \"01.txt\",\n", "01.txt": article},
			"gold.jsonl:3: bad JSON"},
		{"missing article", map[string]string{"gold.jsonl": strings.Replace(good, "01.txt", "02.txt", 1), "01.txt": article},
			"gold.jsonl:1: article: open"},
		{"no header line", map[string]string{"gold.jsonl": good, "01.txt": "وقعت قطر"},
			"gold.jsonl:1: 01.txt has no header line"},
		{"bad ref", map[string]string{"gold.jsonl": strings.Replace(good, "2021-11-12", "12/11/2021", 1), "01.txt": article},
			`gold.jsonl:1: bad "ref"`},
		{"file in another folder", map[string]string{"gold.jsonl": strings.Replace(good, "01.txt", "../01.txt", 1)},
			`gold.jsonl:1: bad "file"`},
		{"file twice", map[string]string{"gold.jsonl": good + "\n" + good + "\n", "01.txt": article},
			"gold.jsonl:2: 01.txt is already the file of line 1"},
		{"gold text not in the body", map[string]string{"gold.jsonl": strings.Replace(good, `"dates": []`,
			`"dates": [{"text": "أمس", "value": "2021-11-11", "grain": "day"}]`, 1), "01.txt": article},
			`gold.jsonl:1: date "أمس" is not in the body of 01.txt`},
		{"mention not in the body", map[string]string{"gold.jsonl": strings.Replace(good, `"entities": []`,
			`"entities": [{"kind": "country", "id": "EG", "name": "مصر", "mentions": ["مصر"]}]`, 1), "01.txt": article},
			`gold.jsonl:1: mention of مصر: "مصر" is not in the body`},
		{"empty", map[string]string{"gold.jsonl": "\n"}, "gold.jsonl: no articles"},
		{"no gold", map[string]string{}, "gold.jsonl: no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeCorpus(t, tc.files)
			_, err := ReadCorpus(dir)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "arnews: ") || !strings.Contains(msg, dir+string(filepath.Separator)+tc.want) {
				t.Errorf("error %q, want it to start with arnews: and contain %q", msg, tc.want)
			}
		})
	}
}
