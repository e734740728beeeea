package arnews

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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
			validateDocument(t, string(src), doc)
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

// validateDocument checks the invariants every Document keeps: spans in
// bounds and on rune boundaries, every text field equal to its span of the
// input, and every ID an agreement names present among the entities.
func validateDocument(t *testing.T, src string, doc *Document) {
	t.Helper()
	// Rune boundaries as utf8.DecodeRuneInString walks the text: an
	// invalid byte is a rune of its own.
	boundary := make([]bool, len(src)+1)
	for i := 0; i < len(src); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(src[i:])
		i += n
	}
	boundary[len(src)] = true
	runeBoundary := func(_ string, i int) bool { return boundary[i] }
	check := func(what string, sp Span, text string) {
		t.Helper()
		if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End {
			t.Fatalf("%s: span %v out of bounds (len %d)", what, sp, len(src))
		}
		if !runeBoundary(src, sp.Start) || !runeBoundary(src, sp.End) {
			t.Fatalf("%s: span %v not on rune boundaries", what, sp)
		}
		if text != src[sp.Start:sp.End] {
			t.Fatalf("%s: text %q != input[%d:%d] %q", what, text, sp.Start, sp.End, src[sp.Start:sp.End])
		}
	}
	for _, s := range doc.Sentences {
		check("sentence", s, src[s.Start:s.End])
	}
	for _, d := range doc.Dates {
		check("date", d.Span, d.Text)
	}
	ids := map[string]bool{}
	for _, e := range doc.Entities {
		if ids[e.ID] {
			t.Errorf("entity %s listed twice", e.ID)
		}
		ids[e.ID] = true
		for _, m := range e.Mentions {
			check("entity "+e.ID, m.Span, m.Text)
		}
	}
	for _, a := range doc.Agreements {
		check("agreement", a.Span, a.Text)
		for _, m := range a.Mentions {
			check("agreement mention", m.Span, m.Text)
		}
		if a.Subject.Text != "" {
			check("subject", a.Subject.Span, a.Subject.Text)
		}
		for _, d := range []*Date{a.Signed, a.Effective} {
			if d != nil {
				check("agreement date", d.Span, d.Text)
			}
		}
		var named []string
		named = append(named, a.Parties...)
		named = append(named, a.Signatories...)
		named = append(named, a.Place, a.Venue, a.Source)
		for _, id := range named {
			if id != "" && !ids[id] {
				t.Errorf("agreement %q names %q, which is not among the entities", a.Text, id)
			}
		}
	}
}

// TestArticleAgreements checks the five facts the seed article reports,
// independently of the golden file.
func TestArticleAgreements(t *testing.T) {
	src := readArticle(t)
	doc := Extract(src, WithRef(mustDate(t, "2021-11-12")))
	type fact struct {
		kind, status, text string
		parties            []string
		subjectHas         string
		signed, effective  string
		source             string
		mentions           []string
		signatories        int
		place              string
	}
	want := []fact{
		{kind: "agreement", status: "signed", text: "اتفاقا", parties: []string{"US", "QA"},
			subjectHas: "رعاية المصالح الدبلوماسية الأمريكية في أفغانستان", signed: "2021-11-12", effective: "2021-12-31",
			mentions: []string{"الاتفاقية", "الاتفاقية", "الاتفاق", "ترتيبات"}, signatories: 2, place: "city:US:washington"},
		{kind: "agreement", status: "mentioned", text: "اتفاق", subjectHas: "لانسحاب القوات الأمريكية من أفغانستان", signed: "2020"},
		{kind: "arrangement", status: "signed", text: "ترتيبًا", parties: []string{"QA", "US"},
			subjectHas: "لحماية المصالح الأمريكية في أفغانستان", signed: "2021-11-12", source: "org:qna"},
		{kind: "memorandum", status: "signed", text: "مذكرة تفاهم", parties: []string{"QA", "US"},
			subjectHas: "الاستضافة المؤقتة للأفراد المعرضين للخطر", signed: "2021-11-12", source: "org:qna"},
		{kind: "agreement", status: "signed", text: "اتفاقية", parties: []string{"QA", "US"},
			subjectHas: "تبادل المعلومات المتعلقة بتأشيرات السفر", signed: "2021-11-12", source: "org:qna"},
	}
	var got []fact
	for _, a := range doc.Agreements {
		f := fact{kind: a.Kind, status: a.Status, text: a.Text, parties: a.Parties, source: a.Source,
			signatories: len(a.Signatories), place: a.Place}
		for _, w := range want {
			if w.text == a.Text && strings.Contains(a.Subject.Text, w.subjectHas) {
				f.subjectHas = w.subjectHas
			}
		}
		if a.Signed != nil {
			f.signed = a.Signed.Value()
		}
		if a.Effective != nil {
			f.effective = a.Effective.Value()
		}
		for _, m := range a.Mentions {
			f.mentions = append(f.mentions, m.Text)
		}
		got = append(got, f)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(fact{})); diff != "" {
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
	}
}

func TestDocumentJSON(t *testing.T) {
	doc := Extract("", WithRef(mustDate(t, "2021-11-12")))
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ref":"2021-11-12","sentences":[],"dates":[],"entities":[],"agreements":[]}`
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
	x := NewExtractor(WithRef(mustDate(t, "2021-11-12")))
	want, _ := json.Marshal(x.Extract(src))
	done := make(chan []byte)
	for range 8 {
		go func() {
			b, _ := json.Marshal(x.Extract(src))
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
	x := NewExtractor()
	b.Run("article", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			x.Extract(src, ref)
		}
	})
	b.Run("1MB", func(b *testing.B) {
		var sb strings.Builder
		var all []string
		for _, a := range goldenArticles {
			s, err := os.ReadFile(filepath.Join("testdata", a.name+".txt"))
			if err != nil {
				b.Fatal(err)
			}
			all = append(all, string(s))
		}
		for i := 0; sb.Len() < 1<<20; i++ {
			sb.WriteString(all[i%len(all)])
			sb.WriteString("\n\n")
		}
		text := sb.String()
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			x.Extract(text, ref)
		}
	})
}
