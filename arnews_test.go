package arnews

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// goldenArticles are the articles under testdata with their publication
// dates. The seed article is real wire copy; the others were written for
// these tests in the style of Arabic wire copy.
var goldenArticles = []struct {
	name string
	ref  string
}{
	{"qatar-us-protecting-power", "2021-11-12"},
	{"levant-jordan-iraq-mou", "2024-01-14"},
	{"maghreb-algeria-tunisia", "2023-01-13"},
	{"gulf-hijri-saudi-uae", "2021-08-24"},
	{"egypt-green-energy-mous", "2023-06-13"},
	// Written to exercise one record per instrument (headline, lead,
	// signatories, later mentions; a background agreement of 2015).
	{"consolidation-oman-kenya", "2024-05-15"},
	// Written to exercise listed instruments (a group of three with its
	// list, an ordinal item, a dual with two subjects, a future package).
	{"listed-mous-morocco-senegal", "2024-03-06"},
}

func mustDate(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// TestGolden compares the whole Document of each golden article with
// testdata/NAME.golden.json. Regenerate with go test -run TestGolden -update
// and review the diff.
func TestGolden(t *testing.T) {
	for _, a := range goldenArticles {
		t.Run(a.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", a.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc := Extract(string(src), WithRef(mustDate(t, a.ref)))
			checkDocument(t, string(src), doc)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", a.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Document mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestArticleAgreements checks the five facts the seed article reports,
// independently of the golden file.
func TestArticleAgreements(t *testing.T) {
	src := readArticle(t)
	doc := Extract(src, WithRef(mustDate(t, "2021-11-12")))
	want := []agreementSummary{
		{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"US", "QA"},
			Subject: "تتولى بموجبه قطر رعاية المصالح الدبلوماسية الأمريكية في أفغانستان", Signed: "2021-11-12", Effective: "2021-12-31",
			Mentions: []string{"الاتفاقية", "الاتفاقية", "الاتفاق", "ترتيبات"}, Signatories: 2, Place: "city:US:washington"},
		{Kind: "agreement", Status: "mentioned", Text: "اتفاق", Subject: "لانسحاب القوات الأمريكية من أفغانستان", Signed: "2020"},
		{Kind: "arrangement", Status: "signed", Text: "ترتيبًا", Parties: []string{"QA", "US"},
			Subject: "لحماية المصالح الأمريكية في أفغانستان", Signed: "2021-11-12", Source: "org:qna"},
		{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Parties: []string{"QA", "US"},
			Subject: "التعاون في الاستضافة المؤقتة للأفراد المعرضين للخطر بسبب الوضع في أفغانستان", Signed: "2021-11-12", Source: "org:qna"},
		{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"QA", "US"},
			Subject: "تبادل المعلومات المتعلقة بتأشيرات السفر", Signed: "2021-11-12", Source: "org:qna"},
	}
	if diff := cmp.Diff(want, summarize(doc)); diff != "" {
		t.Errorf("agreements of the article (-want +got):\n%s", diff)
	}
	if len(doc.Agreements) > 0 {
		var names []string
		for _, id := range doc.Agreements[0].Signatories {
			for _, e := range doc.Entities {
				if e.ID == id {
					names = append(names, e.Name)
				}
			}
		}
		if len(names) != 2 || !strings.Contains(names[0], "بلينكن") || !strings.Contains(names[1], "آل ثاني") {
			t.Errorf("signatories = %q, want Blinken and Sheikh Mohammed bin Abdulrahman Al Thani", names)
		}
		if v := doc.Agreements[0].Venue; v != "org:US:ministry-of-foreign-affairs" {
			t.Errorf("venue = %q, want the State Department", v)
		}
	}
}

func TestDocumentJSON(t *testing.T) {
	doc := Extract("", WithRef(mustDate(t, "2021-11-12")))
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ref":"2021-11-12","ref_from":"given","sentences":[],"dates":[],"entities":[],"agreements":[]}`
	if string(b) != want {
		t.Errorf("empty Document = %s, want %s", b, want)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"article-style", "أبرمت قطر اتفاقا. ووقع الوزير على الاتفاقية.", []string{"أبرمت قطر اتفاقا.", "ووقع الوزير على الاتفاقية."}},
		{"question-marks", "هل وقعت؟ نعم! وماذا بعد?", []string{"هل وقعت؟", "نعم!", "وماذا بعد?"}},
		{"ellipsis", "انتظروا… ثم جاء الخبر", []string{"انتظروا…", "ثم جاء الخبر"}},
		{"three-dots", "انتظروا... ثم جاء الخبر", []string{"انتظروا...", "ثم جاء الخبر"}},
		{"decimal", "بلغ النمو 2.5 في المئة. وارتفع", []string{"بلغ النمو 2.5 في المئة.", "وارتفع"}},
		{"arabic-decimal", "بلغ النمو ٢٫٥ في المئة", []string{"بلغ النمو ٢٫٥ في المئة"}},
		{"abbreviation", "قال د. أحمد إن العام 2020 م. كان صعبا.", []string{"قال د. أحمد إن العام 2020 م. كان صعبا."}},
		{"latin-abbreviation", "وقالت U.S. Army إن", []string{"وقالت U.S. Army إن"}},
		{"line-breaks", "عنوان الخبر\nنص الخبر", []string{"عنوان الخبر", "نص الخبر"}},
		{"closing-quote", "وقال “ستؤسس قطر قسمًا”. ثم غادر", []string{"وقال “ستؤسس قطر قسمًا”.", "ثم غادر"}},
		{"quote-after-stop", "قال: «انتهى.» ثم غادر", []string{"قال: «انتهى.»", "ثم غادر"}},
		{"empty", "", nil},
		{"spaces", "  \n\t ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Extract(tc.in, WithRef(mustDate(t, "2021-11-12")))
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, tc.in[s.Start:s.End])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestArticleSentences(t *testing.T) {
	src := readArticle(t)
	doc := Extract(src, WithRef(mustDate(t, "2021-11-12")))
	paragraphs := strings.Split(strings.TrimSpace(src), "\n\n")
	if len(doc.Sentences) != 12 || len(paragraphs) != 12 {
		t.Fatalf("got %d sentences for %d paragraphs, want 12", len(doc.Sentences), len(paragraphs))
	}
	for i, s := range doc.Sentences {
		if got := src[s.Start:s.End]; got != paragraphs[i] {
			t.Errorf("sentence %d = %q, want %q", i, got, paragraphs[i])
		}
	}
}

func TestExtractorConcurrentUse(t *testing.T) {
	src := readArticle(t)
	x, _ := NewExtractor()
	ref := WithRef(mustDate(t, "2021-11-12"))
	want, _ := json.Marshal(x.Extract(src, ref))
	done := make(chan []byte)
	for range 8 {
		go func() {
			b, _ := json.Marshal(x.Extract(src, ref))
			done <- b
		}()
	}
	for range 8 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent Extract differs from sequential")
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	src := readArticle(b)
	ref := WithRef(time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC))
	x, _ := NewExtractor()
	b.Run("article", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			x.Extract(src, ref)
		}
	})
	b.Run("1MB", func(b *testing.B) {
		text := scalingCorpus(b, 1<<20)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			x.Extract(text, ref)
		}
	})
}
