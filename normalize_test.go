package arnews

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/transform"
)

// normCases has at least one case for every row of the normalization table,
// with real Arabic words.
var normCases = []struct {
	name string
	form Form
	in   string
	want string
}{
	// Diacritics.
	{"diacritics/harakat", StripDiacritics, "كَتَبَ", "كتب"},
	{"diacritics/tanween", StripDiacritics, "قسمًا", "قسما"},
	{"diacritics/shadda-sukun", StripDiacritics, "محمّدْ", "محمد"},
	{"diacritics/superscript-alef", StripDiacritics, "هٰذا", "هذا"},
	{"diacritics/quranic", StripDiacritics, "الرَّحِيمِ \u06dd \u0610", "الرحيم  "},
	{"diacritics/quranic-small-high", StripDiacritics, "قۖال", "قال"},
	{"diacritics/hamza-above-alef", StripDiacritics, "سا\u0654ل", "سأل"},
	{"diacritics/hamza-below-alef", StripDiacritics, "ا\u0655لى", "إلى"},
	{"diacritics/madda-alef", StripDiacritics, "ا\u0653خر", "آخر"},
	{"diacritics/hamza-waw", StripDiacritics, "مو\u0654تمر", "مؤتمر"},
	{"diacritics/hamza-ya", StripDiacritics, "ري\u0654يس", "رئيس"},
	{"diacritics/hamza-behind-fatha", StripDiacritics, "ا\u064E\u0654مل", "أمل"},
	{"diacritics/stray-hamza", StripDiacritics, "ب\u0654ب", "بب"},
	{"diacritics/off", 0, "كَتَبَ", "كَتَبَ"},
	// Tatweel.
	{"tatweel", StripTatweel, "قطـــر", "قطر"},
	{"tatweel/after-number", StripTatweel, "1443هـ", "1443ه"},
	// Alef.
	{"alef/hamza-above", FoldAlef, "أحمد", "احمد"},
	{"alef/hamza-below", FoldAlef, "إسلام", "اسلام"},
	{"alef/madda", FoldAlef, "آب", "اب"},
	{"alef/wasla", FoldAlef, "ٱلحمد", "الحمد"},
	{"alef/wavy", FoldAlef, "ٲ ٳ ٵ", "ا ا ا"},
	{"alef+ya/ila", FoldAlef | FoldYa, "إلى", "الي"},
	// Ya.
	{"ya/maqsura", FoldYa, "مستشفى", "مستشفي"},
	{"ya/persian", FoldYa, "تشرین", "تشرين"},
	{"ya/urdu-barree", FoldYa, "ے", "ي"},
	{"ya/never-alef", FoldYa | FoldAlef, "موسى", "موسي"},
	// Teh marbuta.
	{"teh-marbuta", FoldTehMarbuta, "الدوحة", "الدوحه"},
	// Hamza carriers.
	{"hamza/waw", FoldHamza, "مؤتمر", "موتمر"},
	{"hamza/ya", FoldHamza, "رئيس", "رييس"},
	{"hamza/off-in-search", Search, "مؤتمر رئيس", "مؤتمر رئيس"},
	// Persian and Urdu letters.
	{"persian/keheh", FoldPersian, "کابل", "كابل"},
	{"persian/heh-doachashmee", FoldPersian, "ھذا", "هذا"},
	{"persian/ae", FoldPersian, "ە ہ ۀ", "ه ه ه"},
	// Digits.
	{"digits/arabic-indic", FoldDigits, "٣١ ديسمبر ٢٠٢١", "31 ديسمبر 2021"},
	{"digits/persian", FoldDigits, "۱۴۰۰", "1400"},
	{"digits/decimal", FoldDigits, "٢٫٥ مليون", "2.5 مليون"},
	{"digits/thousands", FoldDigits, "١٬٠٠٠", "1,000"},
	{"digits/separator-not-between-digits", FoldDigits, "٫ و٬", "٫ و٬"},
	{"digits/mixed-systems", FoldDigits, "2٫٥", "2.5"},
	// Presentation forms.
	{"presentation/letters", FoldPresentation, "ﻗﻄﺮ", "قطر"},
	{"presentation/lam-alef-hamza-above", FoldPresentation, "ﻷ", "لأ"},
	{"presentation/lam-alef-hamza-below", FoldPresentation, "ﻹ", "لإ"},
	{"presentation/lam-alef-madda", FoldPresentation, "ﻵ", "لآ"},
	{"presentation/lam-alef", FoldPresentation, "ﻻ", "لا"},
	{"presentation/yeh-hamza", FoldPresentation, "ﺉ", "ئ"},
	{"presentation/allah", FoldPresentation, "ﷲ", "الله"},
	{"presentation/then-alef", FoldPresentation | FoldAlef, "ﻷ", "لا"},
	// Invisible marks.
	{"invisible/zwnj", StripInvisible, "می\u200cخواهم", "میخواهم"},
	{"invisible/bidi", StripInvisible, "\u202bقطر\u202c \u200fو\u200e \u2067x\u2069", "قطر و x"},
	{"invisible/alm-bom-shy", StripInvisible, "\ufeff\u061cقط\u00adر\u200d", "قطر"},
	// Punctuation.
	{"punctuation", FoldPunctuation, "قال: «نعم»، لماذا؟ نعم؛ “لا” „و“", "قال: \"نعم\", لماذا? نعم; \"لا\" \"و\""},
	{"punctuation/off-in-search", Search, "«نعم»، لماذا؟", "«نعم»، لماذا؟"},
	// Spaces.
	{"spaces/nbsp", FoldSpaces, "قطر\u00a0و\u2009مصر\u3000x", "قطر و مصر x"},
	{"spaces/runs", FoldSpaces, "قطر   و  \u00a0 مصر", "قطر و مصر"},
	{"spaces/run-through-invisible", FoldSpaces | StripInvisible, "قطر \u200c و", "قطر و"},
	{"spaces/newline-kept", FoldSpaces, "قطر \n و", "قطر \n و"},
	{"spaces/off-in-search", Search, "a  b", "a  b"},
	// Ill-formed UTF-8.
	{"invalid", 0, "a\xffb\xd8", "a\ufffdb\ufffd"},
	{"invalid/search", Search, "قطر\xc0\x80", "قطر\ufffd\ufffd"},
	// Search form as a whole.
	{"search/article-word", Search, "أُقيمت", "اقيمت"},
	{"search/mixed", Search, "وَقَّعَتْ الإمارات ﻹ ٢٠٢١", "وقعت الامارات لا 2021"},
}

func TestNormalizeTable(t *testing.T) {
	for _, tc := range normCases {
		t.Run(tc.name, func(t *testing.T) {
			n := NewNormalizer(tc.form)
			if got := n.String(tc.in); got != tc.want {
				t.Errorf("String(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if got := string(n.Bytes([]byte(tc.in))); got != tc.want {
				t.Errorf("Bytes(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if got := string(n.AppendString([]byte("x"), tc.in)); got != "x"+tc.want {
				t.Errorf("AppendString(x, %+q) = %+q, want %+q", tc.in, got, "x"+tc.want)
			}
			got, m := n.StringMap(tc.in)
			if got != tc.want {
				t.Errorf("StringMap(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if sp := m.Span(Span{0, len(got)}); len(got) > 0 && (sp.Start < 0 || sp.Start >= sp.End || sp.End > len(tc.in)) {
				t.Errorf("whole span maps to %v, want a non-empty span within [0, %d]", sp, len(tc.in))
			}
			checkStreaming(t, n, tc.in)
			if again := n.String(got); again != got {
				t.Errorf("not idempotent: %+q -> %+q", got, again)
			}
		})
	}
}

// checkStreaming runs s through transform.NewReader at many read sizes and
// with a tiny destination buffer, and compares with String.
func checkStreaming(t *testing.T, n *Normalizer, s string) {
	t.Helper()
	want := n.String(s)
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 4095, 4096, 4097}
	for _, size := range sizes {
		r := transform.NewReader(strings.NewReader(s), n)
		var out bytes.Buffer
		buf := make([]byte, size)
		for {
			k, err := r.Read(buf)
			out.Write(buf[:k])
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("read size %d: %v", size, err)
			}
		}
		if out.String() != want {
			t.Errorf("read size %d: got %+q, want %+q", size, out.String(), want)
		}
	}
	// A tiny destination buffer and a source given in growing pieces.
	for _, dstSize := range []int{1, 4, 8} {
		got, err := transformSmall(n, []byte(s), dstSize)
		if err != nil {
			t.Fatalf("dst %d: %v", dstSize, err)
		}
		if got != want {
			t.Errorf("dst %d: got %+q, want %+q", dstSize, got, want)
		}
	}
	if k, err := n.Span([]byte(s), true); (k == len(s)) != (want == s) {
		t.Errorf("Span = %d, %v; the text changes: %v", k, err, want != s)
	}
}

// transformSmall drives Transform directly with a destination of dstSize
// bytes (or the smallest size that fits one unit) and a source that grows
// one byte at a time.
func transformSmall(n *Normalizer, src []byte, dstSize int) (string, error) {
	var out []byte
	dst := make([]byte, dstSize)
	pos, end := 0, 0
	for pos < len(src) {
		if end < len(src) {
			end++
		}
		atEOF := end == len(src)
		nd, ns, err := n.Transform(dst, src[pos:end], atEOF)
		out = append(out, dst[:nd]...)
		pos += ns
		switch err {
		case nil, transform.ErrShortSrc:
			if atEOF && err != nil {
				return "", err
			}
		case transform.ErrShortDst:
			if nd == 0 && ns == 0 {
				dst = make([]byte, 2*len(dst)) // one unit needs more room
			}
		default:
			return "", err
		}
	}
	return string(out), nil
}

func TestNormalizeOffsets(t *testing.T) {
	article := readArticle(t)
	norm, m := NewNormalizer(Search).StringMap(article)
	// The normalized word قسما maps back to the whole قسمًا.
	i := strings.Index(norm, "قسما")
	if i < 0 {
		t.Fatal("قسما not in the normalized article")
	}
	sp := m.Span(Span{i, i + len("قسما")})
	if got := article[sp.Start:sp.End]; got != "قسمًا" {
		t.Errorf("قسما maps to %q, want %q", got, "قسمًا")
	}
	// Every word of the normalized text maps to a span that normalizes
	// back to the word.
	for _, f := range strings.Fields(norm) {
		j := strings.Index(norm, f)
		sp := m.Span(Span{j, j + len(f)})
		if got := Normalize(article[sp.Start:sp.End]); got != f {
			t.Errorf("%q maps to %q which normalizes to %q", f, article[sp.Start:sp.End], got)
		}
	}
}

func TestOffsetMapCases(t *testing.T) {
	tests := []struct {
		in, word, want string
	}{
		{"وأُقيمت هنا", "اقيمت", "أُقيمت"},
		{"x ﻷجل", "لاجل", "ﻷجل"},
		{"قطـــرُ", "قطر", "قطـــرُ"},
		{"ا\u0654مل", "امل", "ا\u0654مل"},
		{"و\u200cقطر", "قطر", "قطر"},
		{"٢٠٢١م", "2021", "٢٠٢١"},
	}
	for _, tc := range tests {
		norm, m := NewNormalizer(Search).StringMap(tc.in)
		i := strings.Index(norm, tc.word)
		if i < 0 {
			t.Errorf("%q: %q not in %q", tc.in, tc.word, norm)
			continue
		}
		sp := m.Span(Span{i, i + len(tc.word)})
		if got := tc.in[sp.Start:sp.End]; got != tc.want {
			t.Errorf("%q: %q maps to %q, want %q", tc.in, tc.word, got, tc.want)
		}
	}
}

func TestNormalizeNoChangeNoAlloc(t *testing.T) {
	s := Normalize(readArticle(t))
	if got := Normalize(s); got != s {
		t.Fatal("normalized article changes again")
	}
	allocs := testing.AllocsPerRun(20, func() { _ = Normalize(s) })
	if allocs != 0 {
		t.Errorf("Normalize of normalized text: %v allocs, want 0", allocs)
	}
}

func TestNormalizeZeroValue(t *testing.T) {
	var n Normalizer
	if got := n.String("أَ\xff"); got != "أَ\ufffd" {
		t.Errorf("zero Normalizer: got %+q", got)
	}
	var np *Normalizer
	if got := np.String("قطر"); got != "قطر" {
		t.Errorf("nil Normalizer: got %+q", got)
	}
}

func TestNormalizeGolden(t *testing.T) {
	article := readArticle(t)
	got := Normalize(article)
	golden := "testdata/qatar-us-protecting-power.normalized.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("Normalize(article) mismatch (-want +got):\n%s", diff)
	}
	checkStreaming(t, NewNormalizer(Search), article)
	checkStreaming(t, NewNormalizer(All), article)
}

// forms lists option sets the fuzz target and tests try.
var testForms = []Form{0, Search, All, StripDiacritics, FoldDigits, FoldSpaces | StripInvisible,
	FoldPresentation, StripDiacritics | FoldPresentation, FoldDigits | StripInvisible | StripDiacritics,
	FoldSpaces | FoldPresentation | StripDiacritics, FoldHamza | FoldYa}

func FuzzNormalize(f *testing.F) {
	for _, s := range articleSentences(f) {
		f.Add(s)
	}
	for _, tc := range normCases {
		f.Add(tc.in)
	}
	normalizers := make([]*Normalizer, len(testForms))
	for i, form := range testForms {
		normalizers[i] = NewNormalizer(form)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k, n := range normalizers {
			form := testForms[k]
			got, m := n.StringMap(s)
			if again := n.String(got); again != got {
				t.Fatalf("form %#x: not idempotent: %+q -> %+q -> %+q", form, s, got, again)
			}
			if !utf8.ValidString(got) {
				t.Fatalf("form %#x: invalid UTF-8 out of %+q", form, s)
			}
			if b := string(n.Bytes([]byte(s))); b != got {
				t.Fatalf("form %#x: Bytes %+q != String %+q", form, b, got)
			}
			// Offsets: monotone, in bounds, and every non-empty span of
			// whole runes maps to a non-empty span.
			prevS, prevE := 0, 0
			for i := 0; i <= len(got); i++ {
				st, en := m.Start(i), m.End(i)
				if st < prevS || en < prevE || st > len(s) || en > len(s) {
					t.Fatalf("form %#x: offset %d maps to start %d, end %d after %d, %d (len %d)", form, i, st, en, prevS, prevE, len(s))
				}
				prevS, prevE = st, en
			}
			for i, r := range got {
				j := i + utf8.RuneLen(r)
				if sp := m.Span(Span{i, j}); sp.Start >= sp.End && r != utf8.RuneError {
					t.Fatalf("form %#x: rune %+q at %d maps to empty %v", form, r, i, sp)
				}
			}
			if len(s) < 300 {
				r := transform.NewReader(strings.NewReader(s), n)
				out, err := io.ReadAll(r)
				if err != nil || string(out) != got {
					t.Fatalf("form %#x: streaming %+q, %v; want %+q", form, out, err, got)
				}
				small, err := transformSmall(n, []byte(s), 1)
				if err != nil || small != got {
					t.Fatalf("form %#x: tiny buffers %+q, %v; want %+q", form, small, err, got)
				}
			}
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	article := readArticle(b)
	b.Run("change", func(b *testing.B) {
		b.SetBytes(int64(len(article)))
		b.ReportAllocs()
		for b.Loop() {
			_ = Normalize(article)
		}
	})
	b.Run("nochange", func(b *testing.B) {
		s := Normalize(article)
		b.SetBytes(int64(len(s)))
		b.ReportAllocs()
		for b.Loop() {
			_ = Normalize(s)
		}
	})
	b.Run("map", func(b *testing.B) {
		b.SetBytes(int64(len(article)))
		b.ReportAllocs()
		n := NewNormalizer(Search)
		for b.Loop() {
			_, _ = n.StringMap(article)
		}
	})
}

// BenchmarkRuneLoop is the floor for BenchmarkNormalize: a bare range loop
// over the article, counting runes.
func BenchmarkRuneLoop(b *testing.B) {
	article := readArticle(b)
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for range article {
			n++
		}
	}
	_ = n
}

func TestOffsetMapLeadingDeletions(t *testing.T) {
	// Marks deleted before the first letter stay out of its span.
	for _, in := range []string{"\u202bقطر\u202c", "\u200f\u200fقطر", "ًقطر"} {
		norm, m := NewNormalizer(Search).StringMap(in)
		sp := m.Span(Span{0, len(norm)})
		if got := in[sp.Start:sp.End]; Normalize(got) != "قطر" || !strings.HasPrefix(got, "ق") {
			t.Errorf("%+q: whole span maps to %+q", in, got)
		}
	}
}
