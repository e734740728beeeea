package arnews

import (
	"fmt"
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
		is   wclass // classes of the word as written
		has  wclass // classes of some stem
		no   wclass // classes it must not have in any sense
		read wclass // classes of a reading with the article understood
	}{
		{word: "في", is: cFunc | cIn, has: cFunc | cIn, read: cFunc},
		{word: "وفي", has: cFunc | cIn, read: cFunc},
		{word: "بفي", has: cIn, no: 0, read: 0},
		{word: "والتوقيع", has: cSign | cSigningNoun},
		{word: "الوزير", is: cHonor, read: cHonor},
		{word: "وزير", is: cOffice, read: cOffice},
		{word: "الوكالة", is: cAgencyRef, read: cAgencyRef},
		{word: "وكالة", is: cCue, read: cCue, no: cAgencyRef},
		{word: "اتفاقيات", is: cInstrument, has: cInstrument},
		{word: "،", is: cClausePunct | cComma},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			toks := prepare(tc.word).toks
			if len(toks) != 1 {
				t.Fatalf("%d tokens", len(toks))
			}
			tk := &toks[0]
			if tc.is != 0 && tk.asWritten&tc.is != tc.is {
				t.Errorf("as written %x, want %x", tk.asWritten, tc.is)
			}
			if tc.has != 0 && tk.inStems&tc.has != tc.has {
				t.Errorf("in stems %x, want %x", tk.inStems, tc.has)
			}
			if tc.read != 0 && tk.reads&tc.read != tc.read {
				t.Errorf("reads %x, want %x", tk.reads, tc.read)
			}
			if all := tk.asWritten | tk.inStems | tk.reads; all&tc.no != 0 {
				t.Errorf("has %x, which it must not", all&tc.no)
			}
		})
	}
	if tk := prepare("بفي").toks[0]; tk.reads&cFunc != 0 {
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
			if fl != "" && fl != "ministry" && fl != "bare" && fl != "news-agency" {
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
	for _, l := range tableLines(numbersTSV, "word") {
		i := l.no - 1
		rows++
		if f := l.fields; len(f) != 4 {
			t.Errorf("data/numbers.tsv:%d: %d columns, want 4", i+1, len(f))
		} else if _, ok := numberKinds[f[2]]; !ok {
			t.Errorf("data/numbers.tsv:%d: unknown kind %q", i+1, f[2])
		}
	}
	if got := len(numberWords(numbersTSV)); got != rows {
		t.Errorf("parsed %d rows of %d", got, rows)
	}
}
