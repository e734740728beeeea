package eval

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/arnews/arnews"
)

func TestReadCoNLL(t *testing.T) {
	f, err := os.Open("testdata/mini.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadCoNLL(f, "mini.conll")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d sentences, want 2", len(got))
	}
	// The byte order mark and the CRs are gone; two blank lines are one
	// boundary.
	if got[0].Text() != "وصل الرئيس محمود عباس إلى القاهرة ." || got[0].Line != 1 {
		t.Errorf("first sentence %q at line %d", got[0].Text(), got[0].Line)
	}
	if got[1].Line != 10 || got[1].Tokens[1] != (Token{"وكالة", "B-ORG"}) {
		t.Errorf("second sentence at line %d, second token %+v", got[1].Line, got[1].Tokens[1])
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"one field", "قطر B-LOC\nوالأردن\n", "x.conll:2: want \"token TAG\", got 1 fields"},
		{"three fields", "قطر B-LOC\n\nفي O O\n", "x.conll:3: want \"token TAG\", got 3 fields"},
		{"bad prefix", "قطر S-LOC\n", `x.conll:1: bad tag "S-LOC"`},
		{"no type", "قطر B-\n", `x.conll:1: bad tag "B-"`},
		{"bare tag", "قطر LOC\n", `x.conll:1: bad tag "LOC"`},
		{"empty", "\n\n", "x.conll: no sentences"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLL(strings.NewReader(tc.in), "x.conll")
			if err == nil || !strings.HasPrefix(err.Error(), "arnews: "+tc.want) {
				t.Errorf("error %v, want it to start with %q", err, "arnews: "+tc.want)
			}
		})
	}
}

// sentence builds a sentence from "token/TAG" words.
func sentence(words ...string) Sentence {
	var s Sentence
	for _, w := range words {
		text, tag, _ := strings.Cut(w, "/")
		s.Tokens = append(s.Tokens, Token{text, tag})
	}
	return s
}

func TestEntities(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Sentence
		want []TokenSpan
	}{
		{"B then I", sentence("في/O", "الأمم/B-ORG", "المتحدة/I-ORG", "./O"),
			[]TokenSpan{{"ORG", 1, 3}}},
		{"two B in a row", sentence("محمد/B-PERS", "علي/B-PERS"),
			[]TokenSpan{{"PERS", 0, 1}, {"PERS", 1, 2}}},
		{"I after O starts an entity", sentence("في/O", "بغداد/I-LOC", "اليوم/O"),
			[]TokenSpan{{"LOC", 1, 2}}},
		{"I of another type starts an entity", sentence("جامعة/B-ORG", "بغداد/I-LOC"),
			[]TokenSpan{{"ORG", 0, 1}, {"LOC", 1, 2}}},
		{"entity at the end", sentence("زار/O", "عمان/B-LOC", "الأردنية/I-LOC"),
			[]TokenSpan{{"LOC", 1, 3}}},
		{"none", sentence("قال/O", "إنه/O"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.s.Entities()); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestPredictedSpans(t *testing.T) {
	s := sentence("وقالت/O", "وكالة/B-ORG", "الأنباء/I-ORG", "إن/O", "وعباس/B-PERS", "زار/O", "القاهرة/B-LOC")
	text := s.Text()
	at := func(sub string) arnews.Mention {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, text)
		}
		return arnews.Mention{Text: sub, Span: arnews.Span{Start: i, End: i + len(sub)}}
	}
	doc := &arnews.Document{Entities: []arnews.Entity{
		{Kind: "organization", Mentions: []arnews.Mention{at("وكالة الأنباء"), at("الأنباء")}},
		// A mention without its clitic covers the whole token.
		{Kind: "person", Mentions: []arnews.Mention{at("عباس")}},
		{Kind: "city", Mentions: []arnews.Mention{at("القاهرة")}},
		// Two kinds on one token; a country counts as LOC.
		{Kind: "country", Mentions: []arnews.Mention{at("عباس")}},
		// Part of two tokens covers both.
		{Kind: "region", Mentions: []arnews.Mention{at("اء إن")}},
		// The same span twice is one prediction.
		{Kind: "person", Mentions: []arnews.Mention{at("وعباس")}},
		{Kind: "unknown", Mentions: []arnews.Mention{at("زار")}},
		// A span between tokens covers none.
		{Kind: "city", Mentions: []arnews.Mention{{Text: " ", Span: arnews.Span{Start: len("وقالت"), End: len("وقالت") + 1}}}},
	}}
	want := []TokenSpan{{"ORG", 1, 3}, {"ORG", 2, 3}, {"LOC", 2, 4}, {"LOC", 4, 5}, {"PERS", 4, 5}, {"LOC", 6, 7}}
	if diff := cmp.Diff(want, PredictedSpans(s, doc)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestScoreCoNLLSentence(t *testing.T) {
	s := sentence("وقالت/O", "وكالة/B-ORG", "الأنباء/I-ORG", "إن/O", "كأس/B-MISC", "العالم/I-MISC", "في/O", "عمان/B-LOC")
	gold := scoredSpans(s.Entities())
	pred := []TokenSpan{{"ORG", 1, 2}, {"LOC", 7, 8}, {"PERS", 4, 6}}
	rep := CoNLLReport{Scores: map[string]Score{}}
	rep.add(s, gold, pred)
	want := map[string]Score{
		"LOC":  {Gold: 1, Predicted: 1, Found: 1, Right: 1},
		"ORG":  {Gold: 1, Predicted: 1},
		"PERS": {Predicted: 1},
		"all":  {Gold: 2, Predicted: 3, Found: 1, Right: 1},
	}
	if diff := cmp.Diff(want, rep.Scores); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var texts []string
	for _, is := range rep.Issues {
		texts = append(texts, is.Entity.Type+" "+is.Text)
	}
	if diff := cmp.Diff([]string{"ORG وكالة الأنباء", "ORG وكالة", "PERS كأس العالم"}, texts); diff != "" {
		t.Errorf("issues (-want +got)\n%s", diff)
	}
}

// sentencesOf returns sentences of the given token counts.
func sentencesOf(lengths ...int) []Sentence {
	out := make([]Sentence, len(lengths))
	for i, n := range lengths {
		out[i] = Sentence{Tokens: make([]Token, n), Line: i + 1}
	}
	return out
}

func TestSplitCoNLL(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lengths  []int
		trainLen int
	}{
		// 60 tokens: dev starts where at least 50 come before.
		{"exact boundary", []int{10, 10, 10, 10, 10, 10}, 5},
		{"first boundary after 5/6", []int{10, 10, 10, 15, 10, 5}, 5},
		{"just below 5/6 is not enough", []int{10, 10, 10, 10, 9, 1, 10}, 6},
		{"last sentence too long: dev empty", []int{1, 1, 10}, 3},
		{"one sentence", []int{7}, 1},
		{"twelve equal sentences", []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all := sentencesOf(tc.lengths...)
			train, dev := SplitCoNLL(all)
			if len(train) != tc.trainLen || len(train)+len(dev) != len(all) {
				t.Fatalf("train %d, dev %d sentences, want train %d of %d", len(train), len(dev), tc.trainLen, len(all))
			}
			if len(dev) > 0 && dev[0].Line != tc.trainLen+1 {
				t.Errorf("dev starts with sentence %d, want %d", dev[0].Line, tc.trainLen+1)
			}
		})
	}
}
