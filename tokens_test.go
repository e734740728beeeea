package arnews

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestClitics(t *testing.T) {
	tests := []struct {
		word  string
		stems []string // the stem of each cut, whole word first
		spans []string // the original text of each stem's span
	}{
		{"وقطر", []string{"وقطر", "قطر"}, []string{"وقطر", "قطر"}},
		{"بواشنطن", []string{"بواشنطن", "واشنطن"}, []string{"بواشنطن", "واشنطن"}},
		{"لطالبان", []string{"لطالبان", "طالبان"}, []string{"لطالبان", "طالبان"}},
		{"للولايات", []string{"للولايات", "لولايات", "ولايات"}, []string{"للولايات", "لولايات", "ولايات"}},
		{"وبالولايات", []string{"وبالولايات", "بالولايات", "الولايات", "ولايات"}, []string{"وبالولايات", "بالولايات", "الولايات", "ولايات"}},
		{"والدوحة", []string{"والدوحه", "الدوحه", "دوحه"}, []string{"والدوحة", "الدوحة", "دوحة"}},
		{"فالاتفاقية", []string{"فالاتفاقيه", "الاتفاقيه", "اتفاقيه"}, []string{"فالاتفاقية", "الاتفاقية", "اتفاقية"}},
		{"كالعادة", []string{"كالعاده", "العاده", "عاده"}, []string{"كالعادة", "العادة", "عادة"}},
		{"وَقَطَر", []string{"وقطر", "قطر"}, []string{"وَقَطَر", "قَطَر"}},
		{"ول", []string{"ول"}, []string{"ول"}},
		{"Qatar", []string{"Qatar"}, []string{"Qatar"}},
	}
	for _, tc := range tests {
		tx := prepare(tc.word)
		if len(tx.toks) != 1 {
			t.Fatalf("%q: %d tokens", tc.word, len(tx.toks))
		}
		tk := &tx.toks[0]
		var stems, spans []string
		for _, c := range tk.stems() {
			stems = append(stems, tk.stem(c))
			sp := tx.spanOf(0, c, 0)
			spans = append(spans, tc.word[sp.Start:sp.End])
		}
		if diff := cmp.Diff(tc.stems, stems); diff != "" {
			t.Errorf("%q stems (-want +got):\n%s", tc.word, diff)
		}
		if diff := cmp.Diff(tc.spans, spans); diff != "" {
			t.Errorf("%q stem spans (-want +got):\n%s", tc.word, diff)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	tx := prepare("في 2.5 مليون، و١٤كانون 2020م (قنا)")
	var got []string
	for _, tk := range tx.toks {
		got = append(got, []string{"w", "n", "p"}[tk.kind]+":"+tk.norm)
	}
	want := []string{"w:في", "n:2.5", "w:مليون", "p:،", "w:و", "n:14", "w:كانون", "n:2020", "w:م", "p:(", "w:قنا", "p:)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
}

func BenchmarkPrepare(b *testing.B) {
	s := readArticle(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		prepare(s)
	}
}

// TestRuneClassesFast checks the fast paths of isWordRune and isMarkRune
// against their definitions (a letter or nonspacing mark; a punctuation
// mark or symbol) over every code point.
func TestRuneClassesFast(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		word := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != word {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, word)
		}
		mark := r < utf8.RuneSelf && r > ' ' && r < 0x7f ||
			r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsPunct(r) || unicode.IsSymbol(r))
		if got := isMarkRune(r); got != mark {
			t.Errorf("isMarkRune(%U) = %v, want %v", r, got, mark)
		}
	}
}

// TestWordEndFast checks wordEnd, which reads Arabic letters and ASCII
// by their bytes, against decoding rune by rune: on every code point of
// the BMP (and a sample beyond) and on every pair of bytes, ill-formed
// ones included.
func TestWordEndFast(t *testing.T) {
	slow := func(s string) int {
		j := 0
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		return j
	}
	check := func(s string) {
		t.Helper()
		if got, want := wordEnd(s, 0), slow(s); got != want {
			t.Fatalf("wordEnd(% x) = %d, want %d", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r > 0xFFFF && r%61 != 0 {
			continue // beyond the BMP, a sample: wordEnd decodes those
		}
		check(string(r) + "!")
		check("ب" + string(r))
	}
	for a := range 256 {
		for b := range 256 {
			check(string([]byte{byte(a), byte(b), '!'}))
			check(string([]byte{byte(a), byte(b)}))
		}
	}
}

// TestSpanOfMatchesOffsetMap checks that spanOf, which reads the tokens'
// own spans, gives what the offset map gives for the same normalized
// range, on the testdata articles and text that normalization changes.
func TestSpanOfMatchesOffsetMap(t *testing.T) {
	texts := append(taggerTexts(t), "وَقَطَر، والدوحة ــ أمـريكا «ب» وبالولايات 14كانون")
	for _, text := range texts {
		tx := prepare(text)
		for i := range tx.toks {
			for j := i; j < min(i+3, len(tx.toks)); j++ {
				for _, c := range tx.toks[i].stems() {
					a, b := &tx.toks[i], &tx.toks[j]
					want := tx.omap.Span(Span{a.nStart + int(c.at), b.nStart + len(b.norm)})
					if got := tx.spanOf(i, c, j); got != want {
						t.Fatalf("tokens %d–%d %q, cut %d: spanOf %v, offset map %v", i, j, a.norm, c.at, got, want)
					}
				}
			}
		}
	}
}

// TestClassifyLongText checks that classify, which remembers the classes
// of the words of a long text, gives every token the classes and date
// cuts that looking the token up gives.
func TestClassifyLongText(t *testing.T) {
	tx := prepare(taggerCorpus(t, 100<<10))
	if len(tx.toks) < memoTokens {
		t.Fatalf("%d tokens: the text is too short to test the memo", len(tx.toks))
	}
	lx := builtinLexicon()
	for i := range tx.toks {
		tk := &tx.toks[i]
		if tk.kind == tokNumber {
			continue
		}
		want, wantCuts := wordClassesOf(tk, lx)
		if tk.classes() != want || tk.dateCuts != wantCuts {
			t.Fatalf("token %d %q: classes %+v, date cuts %b; looked up: %+v, %b", i, tk.norm, tk.classes(), tk.dateCuts, want, wantCuts)
		}
	}
}
