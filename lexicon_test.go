package arnews

import (
	"fmt"
	"iter"
	"maps"
	"strings"
	"testing"
)

// TestLexiconValid checks every row of data/lexicon.tsv: three columns, a
// known class, a word, no row twice, and every class with rows.
func TestLexiconValid(t *testing.T) {
	seen := map[string]bool{}
	used := map[string]bool{}
	for _, l := range tableLines(lexiconTSV, "class") {
		f := l.fields
		where := fmt.Sprintf("data/lexicon.tsv:%d", l.no)
		if len(f) != 3 {
			t.Errorf("%s: %d columns, want 3", where, len(f))
			continue
		}
		class, word := f[0], f[1]
		if word == "" || strings.TrimSpace(word) != word {
			t.Errorf("%s: bad word %q", where, word)
		}
		if seen[class+"\t"+word] {
			t.Errorf("%s: %s %q listed twice", where, class, word)
		}
		seen[class+"\t"+word] = true
		used[class] = true
		_, known := lexClasses[class]
		_, date := dateRoles[class]
		switch {
		case known, date, class == "future-prefix", class == "not-future-prefix":
		case strings.HasPrefix(class, "instrument/"):
			if _, ok := builtinLexicon().nouns[splitText(word).toks[0].norm]; !ok {
				t.Errorf("%s: instrument %q not compiled", where, word)
			}
		default:
			t.Errorf("%s: unknown class %q", where, class)
		}
	}
	for name := range lexClasses {
		if !used[name] {
			t.Errorf("class %q has no row", name)
		}
	}
	for name := range dateRoles {
		if !used[name] {
			t.Errorf("date class %q has no row", name)
		}
	}
}

// TestLexiconClasses checks how tokens read the classes: as written, in a
// stem, and with the article understood.
func TestLexiconClasses(t *testing.T) {
	tests := []struct {
		word string
		is   []class // classes of the word as written
		has  []class // classes of some stem
		no   []class // classes it must not have in any sense
		read []class // classes of a reading with the article understood
	}{
		{word: "في", is: []class{cFunc, cIn}, has: []class{cFunc, cIn}, read: []class{cFunc}},
		{word: "وفي", has: []class{cFunc, cIn}, read: []class{cFunc}},
		{word: "بفي", has: []class{cIn}, no: []class{}},
		{word: "والتوقيع", has: []class{cSign, cSigningNoun}},
		{word: "الوزير", is: []class{cHonor}, read: []class{cHonor}},
		{word: "وزير", is: []class{cOffice}, read: []class{cOffice}},
		{word: "الوكالة", is: []class{cAgencyRef}, read: []class{cAgencyRef}},
		{word: "وكالة", is: []class{cCue}, read: []class{cCue}, no: []class{cAgencyRef}},
		{word: "اتفاقيات", is: []class{cInstrument}, has: []class{cInstrument}},
		{word: "،", is: []class{cClausePunct, cComma}},
	}
	all := func(s wclass, cs []class) bool {
		for _, c := range cs {
			if !s.has(c) {
				return false
			}
		}
		return true
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			toks := prepare(tc.word).toks
			if len(toks) != 1 {
				t.Fatalf("%d tokens", len(toks))
			}
			tk := &toks[0]
			if !all(tk.asWritten(), tc.is) {
				t.Errorf("as written %v, want %v", tk.asWritten(), tc.is)
			}
			if !all(tk.inStems(), tc.has) {
				t.Errorf("in stems %v, want %v", tk.inStems(), tc.has)
			}
			if !all(tk.reads(), tc.read) {
				t.Errorf("reads %v, want %v", tk.reads(), tc.read)
			}
			if tk.asWritten().with(tk.inStems()).with(tk.reads()).has(tc.no...) {
				t.Errorf("has one of %v, which it must not", tc.no)
			}
		})
	}
	if tk := prepare("بفي").toks[0]; tk.reads().has(cFunc) {
		t.Error("في through ب reads as a function word")
	}
}

// TestFutureVerb checks the one future-tense test the stages share.
func TestFutureVerb(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"سيزور", true}, {"ستوقع", true}, {"وسيوقع", true}, {"سنعمل", true}, {"سوف", true}, {"المقرر", true},
		{"سيارة", false}, {"ستار", false}, {"ستوكهولم", false}, {"سير", false}, {"زار", false}, {"سيد", false},
	}
	lx := builtinLexicon()
	for _, tc := range tests {
		if got := lx.futureVerb(&prepare(tc.word).toks[0]); got != tc.want {
			t.Errorf("futureVerb(%s) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestInstitutionsValid checks every row of data/institutions.tsv.
func TestInstitutionsValid(t *testing.T) {
	heads, portfolios := 0, 0
	for _, l := range tableLines(institutionsTSV, "kind") {
		f, i := l.fields, l.no-1
		if len(f) != 5 || f[1] == "" || f[2] == "" {
			t.Errorf("data/institutions.tsv:%d: want 5 columns with words and slug: %q", i+1, f)
			continue
		}
		for _, fl := range strings.Split(f[3], ",") {
			if fl != "" && fl != "ministry" && fl != "bare" && fl != "news-agency" && fl != "named" && fl != "proper" && fl != "state" && fl != "dual" && fl != "alone" {
				t.Errorf("data/institutions.tsv:%d: unknown flag %q", i+1, fl)
			}
		}
		switch f[0] {
		case "head":
			heads++
		case "portfolio":
			portfolios++
		default:
			t.Errorf("data/institutions.tsv:%d: unknown kind %q", i+1, f[0])
		}
	}
	tb := institutions()
	if len(tb.heads) != heads || len(tb.portfolios) > portfolios || len(tb.portfolios) < portfolios-2 {
		t.Errorf("parsed %d heads and %d portfolios of %d and %d", len(tb.heads), len(tb.portfolios), heads, portfolios)
	}
	// A portfolio written with its article in the text finds its slug.
	got := FindEntities("قالت وزارة الشؤون الخارجية المغربية إن …")
	if len(got) == 0 || got[0].ID != "org:MA:ministry-of-foreign-affairs" {
		t.Errorf("وزارة الشؤون الخارجية المغربية: %v", got)
	}
}

// TestNumbersValid checks every row of data/numbers.tsv.
func TestNumbersValid(t *testing.T) {
	rows := 0
	ordinals := map[string]bool{}
	for _, l := range tableLines(numbersTSV, "word") {
		i := l.no - 1
		rows++
		if f := l.fields; len(f) != 4 {
			t.Errorf("data/numbers.tsv:%d: %d columns, want 4", i+1, len(f))
		} else if _, ok := numberKinds[f[2]]; !ok {
			t.Errorf("data/numbers.tsv:%d: unknown kind %q", i+1, f[2])
		} else if f[2] == "ordinal" && !strings.Contains(f[0], " ") && !strings.HasPrefix(f[1], "-") {
			ordinals[Normalize(f[0])] = true
		}
	}
	if got := len(numberWords(numbersTSV)); got != rows {
		t.Errorf("the dates stage parsed %d rows of %d", got, rows)
	}
	// The one-word ordinals of a positive value are also the ordinals of
	// lists (مذكرة التفاهم الثانية).
	if got, want := len(builtinLexicon().ordinals), len(ordinals); got != want {
		t.Errorf("the lexicon has %d ordinals of lists, want %d", got, want)
	}
}

// TestDateLexiconKeys checks what the date matcher assumes of the keys of
// the date lexicon (see readRoles): each is one word token, so that a
// number or a punctuation mark has no date entries.
func TestDateLexiconKeys(t *testing.T) {
	for k := range dateLexicon().m {
		if toks := splitText(k).toks; len(toks) != 1 || toks[0].kind != tokWord {
			t.Errorf("date lexicon key %q is no single word", k)
		}
	}
}

// TestKeyFilter checks that the filter of the lexicon has every key (no
// false negatives) and rejects most words that are none.
func TestKeyFilter(t *testing.T) {
	lx := builtinLexicon()
	checkKeyFilter(t, &lx.words.filter, func(w string) bool { return lx.words.m[w] != nil }, maps.Keys(lx.words.m))
}

// TestGazetteerFilter checks the filter of the gazetteer's phrase keys,
// built in and with a user's entries.
func TestGazetteerFilter(t *testing.T) {
	user := newGazetteer([]GazetteerEntry{{ID: "org:acme", Kind: KindOrganization, Name: "أكمي للصناعات", Acronyms: []string{"ACME"}}})
	for _, g := range []*gazetteer{builtinGazetteer(), user} {
		checkKeyFilter(t, &g.lex.filter, func(w string) bool { return g.lex.m[w] != nil }, maps.Keys(g.lex.m))
	}
	if key, _, _ := phraseTokens("أكمي للصناعات"); len(user.phrases(key)) == 0 {
		t.Errorf("a user's phrase (key %q) is filtered out", key)
	}
}

// checkKeyFilter checks that f has every key (no false negatives) and
// rejects most words of the seed article that are none.
func checkKeyFilter(t *testing.T, f *keyFilter, isKey func(string) bool, keys iter.Seq[string]) {
	t.Helper()
	for k := range keys {
		if !f.has(k) {
			t.Errorf("filter rejects the key %q", k)
		}
	}
	var pass, n int
	for _, w := range strings.Fields(Normalize(readArticle(t))) {
		if !isKey(w) {
			n++
			if f.has(w) {
				pass++
			}
		}
	}
	if n > 0 && pass*5 > n {
		t.Errorf("filter passes %d of %d words that are no key: more than one in five", pass, n)
	}
}
