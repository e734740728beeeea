package bench

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	dps "github.com/markusmobius/go-dateparser"

	"github.com/arnews/arnews"
)

// articlePath is the seed article of the main module.
const articlePath = "../testdata/qatar-us-protecting-power.txt"

// bleveForm is the arnews Form that does what bleve's normalize_ar filter
// does: delete tatweel and the harakat U+064B–U+0652, fold آ أ إ to ا, ى to
// ي and ة to ه.
const bleveForm = arnews.StripDiacritics | arnews.StripTatweel | arnews.FoldAlef |
	arnews.FoldYa | arnews.FoldTehMarbuta

// ref is the publication date both date parsers resolve against.
var ref = time.Date(2021, time.November, 12, 0, 0, 0, 0, time.UTC)

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// tokens cuts the article once at whitespace: the token stream bleve's
// filter wants, and the same tokens as strings for arnews.
func tokens(tb testing.TB, text string) (analysis.TokenStream, []string) {
	words := strings.Fields(text)
	ts := make(analysis.TokenStream, len(words))
	pos := 0
	for i, w := range words {
		start := strings.Index(text[pos:], w) + pos
		ts[i] = &analysis.Token{Term: []byte(w), Start: start, End: start + len(w), Position: i + 1, Type: analysis.AlphaNumeric}
		pos = start + len(w)
	}
	return ts, words
}

func bleveNormalize(s string) string {
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(s)}}
	return string(ar.NewArabicNormalizeFilter().Filter(ts)[0].Term)
}

// TestNormalizeDifferential checks that, on the characters bleve's filter
// covers, arnews with bleveForm gives the same output: on random strings
// over those characters and on every token of the article.
func TestNormalizeDifferential(t *testing.T) {
	n := arnews.NewNormalizer(bleveForm)
	alphabet := []rune("آأإاىيةهـ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652بتسملونقطرع abc123.،")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		r := make([]rune, 1+rng.IntN(12))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(r)
		if got, want := n.String(s), bleveNormalize(s); got != want {
			t.Fatalf("%+q: arnews %+q, bleve %+q", s, got, want)
		}
	}
	_, words := tokens(t, readArticle(t))
	for _, w := range words {
		if got, want := n.String(w), bleveNormalize(w); got != want {
			t.Errorf("article token %+q: arnews %+q, bleve %+q", w, got, want)
		}
	}
}

// TestNormalizeDeliberateDifferences lists where arnews with bleveForm
// deliberately differs from bleve: characters bleve does not cover.
func TestNormalizeDeliberateDifferences(t *testing.T) {
	n := arnews.NewNormalizer(bleveForm)
	for _, tc := range []struct {
		why, in, arnews, bleve string
	}{
		{"alef wasla ٱ folds to ا", "ٱلله", "الله", "ٱلله"},
		{"other alef variants ٲ ٳ ٵ fold to ا", "ٲٳٵ", "ااا", "ٲٳٵ"},
		{"combining hamza above composes with alef (أ), then folds", "ا\u0654حمد", "احمد", "ا\u0654حمد"},
		{"combining hamza below composes with alef (إ), then folds", "ا\u0655سلام", "اسلام", "ا\u0655سلام"},
		{"combining madda composes with alef (آ), then folds", "ا\u0653خر", "اخر", "ا\u0653خر"},
		{"combining hamza composes with waw (ؤ), kept", "سو\u0654ال", "سؤال", "سو\u0654ال"},
		{"superscript (dagger) alef U+0670 deleted", "هٰذا", "هذا", "هٰذا"},
		{"marks U+0653–U+065F beyond sukun deleted", "ب\u0656\u0657\u065f", "ب", "ب\u0656\u0657\u065f"},
		{"Quranic marks U+0610–U+061A, U+06D6–U+06ED deleted", "ص\u0610\u06d6\u06ed", "ص", "ص\u0610\u06d6\u06ed"},
		{"Persian yeh ی and Urdu ے fold to ي", "ایران ے", "ايران ي", "ایران ے"},
		{"stray combining hamza with no base deleted", "\u0654ب", "ب", "\u0654ب"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			got, b := n.String(tc.in), bleveNormalize(tc.in)
			if got != tc.arnews || b != tc.bleve {
				t.Errorf("%+q: arnews %+q (want %+q), bleve %+q (want %+q)", tc.in, got, tc.arnews, b, tc.bleve)
			}
		})
	}
}

// BenchmarkNormalize runs bleve's filter and arnews over the same tokens:
// the article as written, and the article's tokens already normalized
// (where arnews should not allocate).
func BenchmarkNormalize(b *testing.B) {
	art := readArticle(b)
	n := arnews.NewNormalizer(bleveForm)
	normalized := n.String(art)
	for _, input := range []struct{ name, text string }{{"article", art}, {"normalized", normalized}} {
		ts, words := tokens(b, input.text)
		orig := make([][]byte, len(ts))
		size := 0
		for i, tk := range ts {
			orig[i] = tk.Term
			size += len(tk.Term)
		}
		b.Run("input="+input.name+"/impl=peer", func(b *testing.B) {
			f := ar.NewArabicNormalizeFilter()
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for i, tk := range ts {
					tk.Term = orig[i] // the filter replaces Term; start again from the input
				}
				f.Filter(ts)
			}
		})
		b.Run("input="+input.name+"/impl=arnews", func(b *testing.B) {
			out := make([]string, len(words))
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for i, w := range words {
					out[i] = n.String(w)
				}
			}
		})
		// The buffer-reusing API: every normalized token is kept, one
		// after the other in one buffer, as bleve keeps every Term.
		b.Run("input="+input.name+"/impl=arnews-append", func(b *testing.B) {
			buf := make([]byte, 0, 2*size)
			ends := make([]int, len(words))
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				buf = buf[:0]
				for i, w := range words {
					buf = n.AppendString(buf, w)
					ends[i] = len(buf)
				}
			}
		})
	}
}

// bothParse are expressions arnews.ParseDate and go-dateparser both parse,
// to the same day (or month, for month-grain expressions).
var bothParse = []string{
	"12 نوفمبر 2021",
	"31 ديسمبر 2021",
	"15 أغسطس 2021",
	"1 يناير 2020",
	"5 مارس 2019",
	"28 فبراير 2022",
	"3 يونيو 2020",
	"10 أكتوبر 2021",
	"الخميس 11 نوفمبر 2021",
	"السبت 1 مايو 2021",
	"أغسطس 2021",
	"نوفمبر 2021",
	"12/11/2021",
	"2021-11-12",
	"الجمعة",
	"أمس",
	"اليوم",
}

// onlyArnews are expressions arnews.ParseDate reads and go-dateparser's
// Parse, with Arabic enabled and default settings, rejects: dual month
// names, Levantine (Syriac) months, Maghreb months, Hijri month names.
var onlyArnews = []struct {
	expr, want string
	hijri      bool
}{
	{"أغسطس/آب 2021", "2021-08", false},
	{"31 ديسمبر/كانون الأول 2021", "2021-12-31", false},
	{"27 يونيو/حزيران 2021", "2021-06-27", false},
	{"8 أيلول 2021", "2021-09-08", false},
	{"كانون الثاني 2022", "2022-01", false},
	{"شباط 2022", "2022-02", false},
	{"تشرين الأول 2019", "2019-10", false},
	{"12 جانفي 2021", "2021-01-12", false},
	{"أفريل 2021", "2021-04", false},
	{"1 يوليوز 2022", "2022-07-01", false},
	{"15 محرم 1443 هـ", "2021-08-23", true},
	{"3 ربيع الأول 1443هـ", "2021-10-09", true},
	{"20 جمادى الآخرة 1444 هـ", "2023-01-13", true},
}

func dpsConfig() *dps.Configuration {
	return &dps.Configuration{Languages: []string{"ar"}, CurrentTime: ref}
}

// TestDateExpressions checks the two lists: both parsers agree on
// bothParse; arnews parses each of onlyArnews and go-dateparser's Parse
// fails. It logs what dateparser.ParseHijri, a separate entry point, makes
// of the Hijri ones.
func TestDateExpressions(t *testing.T) {
	cfg := dpsConfig()
	for _, s := range bothParse {
		d, err := arnews.ParseDate(s, ref)
		if err != nil {
			t.Errorf("arnews.ParseDate(%q): %v", s, err)
			continue
		}
		p, err := dps.Parse(cfg, s)
		if err != nil {
			t.Errorf("dateparser.Parse(%q): %v", s, err)
			continue
		}
		layout := "2006-01-02"
		if d.Grain == arnews.GrainMonth {
			layout = "2006-01"
		}
		if got := p.Time.Format(layout); got != d.Value() {
			t.Errorf("%q: arnews %s, dateparser %s", s, d.Value(), got)
		}
	}
	for _, tc := range onlyArnews {
		d, err := arnews.ParseDate(tc.expr, ref)
		if err != nil || d.Value() != tc.want {
			t.Errorf("arnews.ParseDate(%q) = %s, %v; want %s", tc.expr, d.Value(), err, tc.want)
		}
		p, err := dps.Parse(cfg, tc.expr)
		if err == nil {
			t.Errorf("dateparser.Parse(%q) = %s, want an error", tc.expr, p.Time.Format(time.DateOnly))
		}
		if tc.hijri {
			if h, err := dps.ParseHijri(cfg, tc.expr); err == nil {
				t.Logf("dateparser.ParseHijri(%q) = %s (arnews: %s)", tc.expr, h.Time.Format(time.DateOnly), tc.want)
			} else {
				t.Logf("dateparser.ParseHijri(%q): %v", tc.expr, err)
			}
		}
	}
}

func exprBytes(exprs []string) int64 {
	n := 0
	for _, s := range exprs {
		n += len(s)
	}
	return int64(n)
}

// BenchmarkParseDate parses every expression of bothParse once per op.
func BenchmarkParseDate(b *testing.B) {
	b.Run("impl=peer", func(b *testing.B) {
		cfg := dpsConfig()
		b.SetBytes(exprBytes(bothParse))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range bothParse {
				if _, err := dps.Parse(cfg, s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("impl=arnews", func(b *testing.B) {
		b.SetBytes(exprBytes(bothParse))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range bothParse {
				if _, err := arnews.ParseDate(s, ref); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
