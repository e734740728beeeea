package arnews

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// This file holds the gazetteer: the built-in list of countries, demonyms,
// cities and organisations read from the embedded data/gazetteer.tsv (its
// header says where the facts come from), the national institutions of
// data/institutions.tsv, and the matcher compiled from them.
//
// The matcher is keyed on normalized token sequences. Every surface form is
// normalized with [Normalize] and cut into tokens exactly as documents are;
// its first token, without a leading ال, is the key of a hash map whose
// values are the phrases starting with that token, longest first. A
// document is matched in one pass over its tokens: for each token, each of
// its clitic readings (وقطر → قطر, للولايات → ولايات with the article) is
// looked up once, and the longest phrase whose remaining tokens follow in
// the text wins. No search is ever run once per entry.

// GazetteerEntry is an entry a user adds to the gazetteer with
// [WithEntries]. Names are matched after normalization (diacritics,
// hamza forms of alef, ة/ه and ى/ي do not matter) and through the
// proclitics و ف ب ل ك ال لل, so list each name once, with ال where the
// name has it.
type GazetteerEntry struct {
	ID       string     // the entity's ID; an existing ID adds names to it
	Kind     EntityKind // KindCountry, KindCity, KindRegion, KindOrganization, or KindDemonym (masculine singular, e.g. قطري; Country says whose)
	Name     string     // canonical Arabic name
	Country  string     // ISO code of its state, if any
	Names    []string   // other surface forms
	Acronyms []string   // acronyms (قنا), matched as whole words only
	// Ambiguous marks a name that is also a common word or another
	// entity's name: its one-word forms are only taken with context (see
	// [FindEntities]).
	Ambiguous bool

	newsAgency bool // the flag news-agency of data/gazetteer.tsv
	kingdom    bool // the flag kingdom of data/gazetteer.tsv
}

//go:embed data/gazetteer.tsv
var gazetteerTSV string

// parseGazetteer reads the rows of data/gazetteer.tsv. Rows with too few
// columns are skipped; the validation test checks the embedded file row by
// row.
func parseGazetteer(src string) []GazetteerEntry {
	var out []GazetteerEntry
	for _, f := range tsvRows(src, 4, 8) {
		out = append(out, GazetteerEntry{
			Kind:       EntityKind(f[0]),
			ID:         f[1],
			Country:    f[2],
			Name:       f[3],
			Names:      splitBar(f[4]),
			Acronyms:   splitBar(f[5]),
			Ambiguous:  hasFlag(f[6], "ambiguous"),
			newsAgency: hasFlag(f[6], "news-agency"),
			kingdom:    hasFlag(f[6], "kingdom"),
		})
	}
	return out
}

// builtinEntries returns the parsed rows of the embedded data/gazetteer.tsv.
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

//go:embed data/institutions.tsv
var institutionsTSV string

// institution is a national institution recognised by pattern: a row
// "head" of data/institutions.tsv.
type institution struct {
	head       string // surface form of the head (وزارة, الحكومة, مجلس النواب)
	slug       string // ID slug; for ministries the portfolio's slug is added
	ministry   bool   // takes a complement naming the portfolio
	bareOK     bool   // an entity even with no state named
	newsAgency bool   // a news agency
	named      bool   // a proper name may stand before its demonym
	proper     bool   // an institution only with such a name
	state      bool   // the body is its state: its mentions are the country's
	dual       bool   // the head names two bodies, one demonym each (وزارتا)
}

// institutionTable is data/institutions.tsv: the heads, and the slugs of
// ministries' portfolios keyed by their words without the article.
type institutionTable struct {
	heads      []institution
	portfolios map[string]string
	// alone are the portfolios that name their ministry without وزارة
	// before a demonym (الخارجية الصومالية), keyed as portfolios are.
	alone map[string]bool
	// ministry is the index in heads of the singular ministry head (وزارة).
	ministry int
}

// institutions returns the parsed data/institutions.tsv, read on first use.
var institutions = sync.OnceValue(func() *institutionTable { return parseInstitutions(institutionsTSV) })

func parseInstitutions(src string) *institutionTable {
	tb := &institutionTable{portfolios: map[string]string{}, alone: map[string]bool{}, ministry: -1}
	for _, f := range tsvRows(src, 3, 5) {
		switch f[0] {
		case "head":
			tb.heads = append(tb.heads, institution{head: f[1], slug: f[2], ministry: hasFlag(f[3], "ministry"),
				bareOK: hasFlag(f[3], "bare"), newsAgency: hasFlag(f[3], "news-agency"), named: hasFlag(f[3], "named"),
				proper: hasFlag(f[3], "proper"), state: hasFlag(f[3], "state"), dual: hasFlag(f[3], "dual")})
			if in := &tb.heads[len(tb.heads)-1]; in.ministry && !in.dual && tb.ministry < 0 {
				tb.ministry = len(tb.heads) - 1
			}
		case "portfolio":
			key := portfolioKey(splitText(f[1]).toks)
			tb.portfolios[key] = f[2]
			if hasFlag(f[3], "alone") {
				tb.alone[key] = true
			}
		}
	}
	return tb
}

// portfolioKey returns the words of a portfolio without their articles,
// joined by spaces: الشؤون الخارجية → شؤون خارجيه.
func portfolioKey(toks []token) string {
	words := make([]string, len(toks))
	for i := range toks {
		words[i] = toks[i].definiteStem()
	}
	return strings.Join(words, " ")
}

// phraseKind says what a phrase of the matcher names.
type phraseKind uint8

const (
	pEntity  phraseKind = iota // a name of a country, city or organisation
	pAcronym                   // an acronym of an entity, matched as a whole word
	pDemonym                   // a demonym: gives a country, names nothing
	pInst                      // the head of a national institution
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

// gazEntity is a compiled gazetteer entry.
type gazEntity struct {
	id, name, country string
	kind              EntityKind
	ambiguous         bool
	newsAgency        bool // a news agency: الوكالة may refer back to it
	kingdom           bool // a kingdom: المملكة may name it
}

// gazetteer is the compiled lexicon of names: entities, and a map from a
// word (without its article) to the phrases starting with it. It is
// immutable once built.
type gazetteer struct {
	ents []gazEntity
	// lex holds the phrases by their first word, read through phrases:
	// most words start none through any of their stems.
	lex wordMap[[]phrase]
	// codes are the countries of the demonyms, indexed by phrase.cidx-1.
	codes []string
	// insts are the national institutions, indexed by phrase.ref.
	insts *institutionTable
	// counts by kind, for tests and documentation.
	countries, cities, orgs, demonyms int
}

// checkEntry checks the i-th gazetteer entry a user gives and fills in its
// ID when it has none: city:<CC>:<slug> (city:<slug> without a country),
// region:<slug>, org:<slug>, the slug being the normalized name with
// spaces as dashes. A country needs its ISO code as ID; a demonym needs
// its country.
func checkEntry(i int, e *GazetteerEntry) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("arnews: gazetteer entry %d (ID %q, name %q): %s", i, e.ID, e.Name, fmt.Sprintf(format, args...))
	}
	switch {
	case !entityKinds[e.Kind]:
		return fail("Kind %q is not one of %s, %s, %s, %s or %s", e.Kind, KindCountry, KindCity, KindRegion, KindOrganization, KindDemonym)
	case e.Name == "" && len(e.Names) == 0 && len(e.Acronyms) == 0:
		return fail("no Name, Names or Acronyms to match")
	case e.Country != "" && !isCountryCode(e.Country):
		return fail("Country %q is not an ISO 3166-1 alpha-2 code such as QA", e.Country)
	case e.Kind == KindCountry && !isCountryCode(e.ID):
		return fail("a country's ID must be its ISO 3166-1 alpha-2 code, not %q", e.ID)
	case e.Kind == KindDemonym && !isCountryCode(e.Country) && !isCountryCode(e.ID):
		return fail("a demonym needs the ISO code of its country in Country")
	}
	if e.ID != "" {
		return nil
	}
	name := e.Name
	if name == "" {
		name = firstNonEmpty(e.Names, e.Acronyms)
	}
	slug := strings.ReplaceAll(Normalize(name), " ", "-")
	switch e.Kind {
	case KindCity:
		e.ID = "city:" + slug
		if e.Country != "" {
			e.ID = "city:" + e.Country + ":" + slug
		}
	case KindRegion:
		e.ID = "region:" + slug
	case KindOrganization:
		e.ID = "org:" + slug
	case KindDemonym:
		e.ID = e.Country
	}
	return nil
}

// isCountryCode reports whether s has the form of an ISO 3166-1 alpha-2
// code: two capital letters.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// entityKinds are the kinds a GazetteerEntry may have.
var entityKinds = map[EntityKind]bool{KindCountry: true, KindCity: true, KindRegion: true, KindOrganization: true, KindDemonym: true}

func compileGazetteer(builtin, extra []GazetteerEntry) *gazetteer {
	g := &gazetteer{lex: wordMap[[]phrase]{m: make(map[string][]phrase, 8192)}, insts: institutions()}
	for _, e := range mergeEntries(builtin, extra) {
		if e.Kind == KindDemonym {
			g.addDemonym(e)
		} else {
			g.addEntity(e)
		}
	}
	g.addInstitutions()
	for _, ps := range g.lex.m {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].rest) > len(ps[j].rest) })
	}
	return g
}

// mergeEntries returns the extra entries with new IDs followed by the
// built-in entries; an extra entry with the ID of an earlier one (and, for
// demonyms, its kind) adds its names to it. Entries without any name or of an unknown kind are
// dropped (NewExtractor checks the extra ones first, see checkEntry).
func mergeEntries(builtin, extra []GazetteerEntry) []GazetteerEntry {
	type key struct {
		kind EntityKind
		id   string
	}
	idx := map[key]int{}
	var entries []GazetteerEntry
	add := func(e GazetteerEntry) {
		if e.Name == "" && len(e.Names) == 0 && len(e.Acronyms) == 0 || !entityKinds[e.Kind] {
			return
		}
		k := key{e.Kind, e.ID}
		if e.Kind != KindDemonym {
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
		idx[k] = len(entries)
		entries = append(entries, e)
	}
	for _, e := range builtin {
		add(e)
	}
	nb := len(entries)
	for _, e := range extra {
		add(e)
	}
	// The new entries go first: where a name is both theirs and a built-in
	// entry's, the matcher takes the first.
	return slices.Concat(entries[nb:], entries[:nb])
}

// addDemonym adds the inflected forms of a demonym entry.
func (g *gazetteer) addDemonym(e GazetteerEntry) {
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
}

// addEntity adds a country, city or organisation with its names and
// acronyms.
func (g *gazetteer) addEntity(e GazetteerEntry) {
	switch e.Kind {
	case KindCountry:
		g.countries++
	case KindCity:
		g.cities++
	case KindOrganization:
		g.orgs++
	}
	ref := int32(len(g.ents))
	g.ents = append(g.ents, gazEntity{id: e.ID, kind: e.Kind, name: e.Name, country: e.Country, ambiguous: e.Ambiguous,
		newsAgency: e.Kind == KindOrganization && e.newsAgency, kingdom: e.Kind == KindCountry && e.kingdom})
	for _, n := range append([]string{e.Name}, e.Names...) {
		g.addPhrase(n, phrase{kind: pEntity, ref: ref, ambig: e.Ambiguous})
	}
	for _, a := range e.Acronyms {
		g.addPhrase(a, phrase{kind: pAcronym, ref: ref, ambig: e.Ambiguous || isCommonWord(a)})
	}
}

// addInstitutions adds the heads of national institutions, with and without
// the article; a one-word head written with the article (الكونغرس) only
// with it.
func (g *gazetteer) addInstitutions() {
	for i, in := range g.insts.heads {
		key, def, rest := phraseTokens(in.head)
		for _, d := range []bool{false, true} {
			if def && !d && len(rest) == 0 {
				continue
			}
			g.addKey(key, phrase{kind: pInst, ref: int32(i), def: d, rest: rest})
		}
	}
}

// isCommonWord reports whether an acronym is also a common word, alone or
// after one of و ف ب ل (ومع is "and with"), so that it is only taken with
// context.
func isCommonWord(a string) bool {
	toks := prepare(a).toks
	if len(toks) != 1 {
		return false
	}
	tk := &toks[0]
	for _, c := range tk.stems() {
		if c.at <= 2 && !c.def && builtinLexicon().lookup(tk.stem(c)) != nil &&
			builtinLexicon().lookup(tk.stem(c)).lit.has(cFunc) {
			return true
		}
	}
	return false
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
	t := splitText(s)
	if len(t.toks) == 0 {
		return "", false, nil
	}
	for i := range t.toks[1:] {
		rest = append(rest, t.toks[i+1].norm)
	}
	first := &t.toks[0]
	if first.kind == tokWord {
		if w := first.withoutArticle(); w != first.norm {
			return w, true, rest
		}
	}
	return first.norm, false, rest
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
	for _, q := range g.lex.m[key] {
		if q.kind == p.kind && q.ref == p.ref && q.country == p.country && q.def == p.def && slices.Equal(q.rest, p.rest) {
			return
		}
	}
	g.addKey(key, p)
}

// addKey adds the phrase p under its first word key.
func (g *gazetteer) addKey(key string, p phrase) {
	g.lex.set(key, append(g.lex.m[key], p))
}

// phrases returns the phrases whose first word is key.
func (g *gazetteer) phrases(key string) []phrase {
	return g.lex.get(key)
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

// demonym returns the country of the demonym token tk (الأردني،
// القطرية), or "".
func (g *gazetteer) demonym(tk *token) string {
	for _, c := range tk.stems() {
		for _, p := range g.phrases(tk.stem(c)) {
			if p.kind == pDemonym && len(p.rest) == 0 {
				return p.country
			}
		}
	}
	return ""
}

// country returns the gazetteer entity of the country code, or nil.
func (g *gazetteer) country(code string) *gazEntity {
	for i := range g.ents {
		if g.ents[i].kind == KindCountry && g.ents[i].id == code {
			return &g.ents[i]
		}
	}
	return nil
}

// countryName returns the canonical name of the country code, or "".
func (g *gazetteer) countryName(code string) string {
	for _, e := range g.ents {
		if e.kind == KindCountry && e.id == code {
			return e.name
		}
	}
	return ""
}
