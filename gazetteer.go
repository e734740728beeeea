package arnews

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// This file holds the gazetteer: the built-in lexicon of countries,
// demonyms, cities and organisations read from the embedded gazetteer.tsv
// (its header says where the facts come from), and the matcher compiled
// from it.
//
// The matcher is keyed on normalized token sequences. Every surface form is
// normalized with [Normalize] and cut into tokens exactly as documents are;
// its first token, without a leading ال, is the key of a hash map whose
// values are the phrases starting with that token, longest first. A
// document is matched in one pass over its tokens: for each token, each of
// its clitic readings (وقطر → قطر, للولايات → ولايات with the article) is
// looked up once, and the longest phrase whose remaining tokens follow in
// the text wins. No search is ever run once per entry.

//go:embed data/gazetteer.tsv
var gazetteerTSV string

// parseGazetteer reads the rows of data/gazetteer.tsv. Rows with too few
// columns are skipped; the validation test checks the embedded file row by
// row.
func parseGazetteer(src string) []GazetteerEntry {
	var out []GazetteerEntry
	for _, f := range tsvRows(src, 4, 8) {
		out = append(out, GazetteerEntry{
			Kind:      f[0],
			ID:        f[1],
			Country:   f[2],
			Name:      f[3],
			Names:     splitBar(f[4]),
			Acronyms:  splitBar(f[5]),
			Ambiguous: hasFlag(f[6], "ambiguous"),
		})
	}
	return out
}

// builtinEntries returns the parsed rows of the embedded gazetteer.tsv.
var builtinEntries = sync.OnceValue(func() []GazetteerEntry { return parseGazetteer(gazetteerTSV) })

// builtinGazetteer returns the matcher of the built-in gazetteer, built on
// first use; it is safe for concurrent use.
var builtinGazetteer = sync.OnceValue(func() *gazetteer { return compileGazetteer(builtinEntries(), nil) })

// newGazetteer returns a matcher of the built-in entries plus extra. An
// extra entry whose ID (and, for demonyms, kind) is already known adds its
// names to that entry; an entry without any name is skipped.
func newGazetteer(extra []GazetteerEntry) *gazetteer {
	return compileGazetteer(builtinEntries(), extra)
}

// phraseKind says what a phrase of the matcher names.
type phraseKind uint8

const (
	pEntity  phraseKind = iota // a name of a country, city or organisation
	pAcronym                   // an acronym of an entity, matched as a whole word
	pDemonym                   // a demonym: gives a country, names nothing
	pInst                      // the head of a national institution (entities.go)
)

// phrase is one surface form in the matcher, indexed by its first token.
type phrase struct {
	rest    []string // normalized tokens after the first
	ref     int32    // index of the entity in gazetteer.ents, or of the institution
	country string   // for demonyms, the country code
	cidx    uint16   // for demonyms, 1 + the index of country in gazetteer.codes
	kind    phraseKind
	def     bool // the first token carries the article ال
	ambig   bool // a one-word form of an ambiguous entry: needs context
}

// lexEntry is everything the matcher knows about one normalized word
// (without its article): the phrases starting with it and its word classes.
type lexEntry struct {
	phrases   []phrase
	bare, def wclass // word classes of the word without and with ال
}

// gazEntity is a compiled gazetteer entry.
type gazEntity struct {
	id, kind, name, country string
	ambiguous               bool
	agency                  bool // a news agency: الوكالة may refer back to it
}

// gazetteer is the compiled lexicon: entities, and a map from a word to
// the phrases starting with it and its word classes (titles, function
// words, speech verbs… from entities.go). It is immutable once built.
type gazetteer struct {
	ents []gazEntity
	lex  map[string]*lexEntry
	// codes are the countries of the demonyms, indexed by phrase.cidx-1.
	codes []string
	// counts by kind, for tests and documentation.
	countries, cities, orgs, demonyms int
}

// entityKinds are the kinds a GazetteerEntry may have.
var entityKinds = map[string]bool{"country": true, "city": true, "organization": true, "demonym": true}

func compileGazetteer(builtin, extra []GazetteerEntry) *gazetteer {
	g := &gazetteer{lex: make(map[string]*lexEntry, 8192)}
	type key struct{ kind, id string }
	idx := map[key]int{}
	var entries []GazetteerEntry
	add := func(e GazetteerEntry, user bool) {
		if e.Name == "" && len(e.Names) == 0 && len(e.Acronyms) == 0 {
			return
		}
		if !entityKinds[e.Kind] {
			return
		}
		k := key{e.Kind, e.ID}
		if e.Kind != "demonym" {
			k.kind = ""
		}
		if i, ok := idx[k]; ok {
			p := &entries[i]
			// Copy before appending: the built-in slices are shared.
			p.Names = append(append([]string(nil), p.Names...), e.Name)
			p.Names = append(p.Names, e.Names...)
			p.Acronyms = append(append([]string(nil), p.Acronyms...), e.Acronyms...)
			if p.Country == "" {
				p.Country = e.Country
			}
			return
		}
		if e.Name == "" {
			e.Name = firstNonEmpty(e.Names, e.Acronyms)
		}
		if user && e.ID == "" {
			e.ID = e.Kind + ":" + strings.ReplaceAll(Normalize(e.Name), " ", "-")
		}
		idx[k] = len(entries)
		entries = append(entries, e)
	}
	for _, e := range builtin {
		add(e, false)
	}
	for _, e := range extra {
		add(e, true)
	}
	for _, e := range entries {
		if e.Kind == "demonym" {
			g.demonyms++
			country := e.Country
			if country == "" {
				country = e.ID
			}
			cidx := uint16(0)
			for k, c := range g.codes {
				if c == country {
					cidx = uint16(k + 1)
				}
			}
			if cidx == 0 {
				g.codes = append(g.codes, country)
				cidx = uint16(len(g.codes))
			}
			for _, n := range append([]string{e.Name}, e.Names...) {
				for _, form := range demonymForms(n) {
					g.addPhrase(form, phrase{kind: pDemonym, country: country, cidx: cidx})
				}
			}
			continue
		}
		switch e.Kind {
		case "country":
			g.countries++
		case "city":
			g.cities++
		case "organization":
			g.orgs++
		}
		ref := int32(len(g.ents))
		g.ents = append(g.ents, gazEntity{id: e.ID, kind: e.Kind, name: e.Name, country: e.Country, ambiguous: e.Ambiguous,
			agency: e.Kind == "organization" && strings.HasPrefix(Normalize(e.Name), "وكاله")})
		for _, n := range append([]string{e.Name}, e.Names...) {
			g.addPhrase(n, phrase{kind: pEntity, ref: ref, ambig: e.Ambiguous})
		}
		for _, a := range e.Acronyms {
			g.addPhrase(a, phrase{kind: pAcronym, ref: ref, ambig: e.Ambiguous || isCommonWord(a)})
		}
	}
	g.addWordClasses()
	g.addInstitutions()
	for _, e := range g.lex {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].rest) > len(e.phrases[j].rest) })
	}
	return g
}

func firstNonEmpty(lists ...[]string) string {
	for _, l := range lists {
		for _, s := range l {
			if s != "" {
				return s
			}
		}
	}
	return ""
}

// phraseTokens normalizes s and cuts it into tokens as documents are cut.
// It returns the key (the first token without a leading ال), whether the
// article was cut off, and the other tokens.
func phraseTokens(s string) (key string, def bool, rest []string) {
	t := prepare(s)
	var toks []string
	for i := range t.toks {
		toks = append(toks, t.toks[i].norm)
	}
	if len(toks) == 0 {
		return "", false, nil
	}
	key = toks[0]
	if t.toks[0].kind == tokWord {
		for _, c := range t.toks[0].stems() {
			if c.def && c.at == 4 {
				key, def = key[4:], true
			}
		}
	}
	return key, def, toks[1:]
}

func (g *gazetteer) entry(key string) *lexEntry {
	e := g.lex[key]
	if e == nil {
		e = &lexEntry{}
		g.lex[key] = e
	}
	return e
}

// addPhrase adds the surface form s. One-word forms of an ambiguous entry
// keep their ambig mark; longer forms are specific enough on their own.
func (g *gazetteer) addPhrase(s string, p phrase) {
	key, def, rest := phraseTokens(s)
	if key == "" {
		return
	}
	p.def, p.rest = def, rest
	if len(rest) > 0 && p.kind == pEntity {
		p.ambig = false
	}
	e := g.entry(key)
	for _, q := range e.phrases {
		if q.kind == p.kind && q.ref == p.ref && q.country == p.country && q.def == p.def && equalStrings(q.rest, p.rest) {
			return
		}
	}
	e.phrases = append(e.phrases, p)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// demonymSuffixes are the regular endings generated from a masculine
// singular demonym: feminine, masculine plural (nominative and oblique),
// dual (masculine and feminine, nominative and oblique).
var demonymSuffixes = []string{"", "ة", "ون", "ين", "ان", "تان", "تين"}

// demonymForms returns the regular inflections of the demonym n (every
// word ending in ي takes the ending: كوري جنوبي → كورية جنوبية), or n
// alone when no word ends in ي (a broken plural such as أفغان). The forms
// with ال need no generation: the matcher keys words without the article.
func demonymForms(n string) []string {
	words := strings.Fields(n)
	inflects := false
	for _, w := range words {
		if strings.HasSuffix(w, "ي") {
			inflects = true
		}
	}
	if !inflects {
		return []string{n}
	}
	out := make([]string, 0, len(demonymSuffixes))
	for _, suf := range demonymSuffixes {
		ws := make([]string, len(words))
		for i, w := range words {
			if strings.HasSuffix(w, "ي") {
				w += suf
			}
			ws[i] = w
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// isFunctionWord reports whether w is a preposition, pronoun or particle
// (على، بعد، منذ…), from the word classes the gazetteer keeps.
func (g *gazetteer) isFunctionWord(w string) bool {
	e := g.lex[w]
	return e != nil && e.bare&wFunc != 0
}

// demonym returns the country of the demonym token tk (الأردني،
// القطرية), or "".
func (g *gazetteer) demonym(tk *token) string {
	for _, c := range tk.stems() {
		if e := g.lex[tk.stem(c)]; e != nil {
			for _, p := range e.phrases {
				if p.kind == pDemonym && len(p.rest) == 0 {
					return p.country
				}
			}
		}
	}
	return ""
}

// countryName returns the canonical name of the country code, or "".
func (g *gazetteer) countryName(code string) string {
	for _, e := range g.ents {
		if e.kind == "country" && e.id == code {
			return e.name
		}
	}
	return ""
}
