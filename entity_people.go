package arnews

import (
	"strings"
	"unicode/utf8"
)

// This file holds the rules for people: a name after an office, an
// honorific or a counterpart, a name after a speech verb, the words a name
// is made of, and the linking of later mentions of a surname.

// complement extends an office from token j: the portfolio (الخارجية),
// nouns of a construct (مجلس الوزراء), and a country or organisation
// (أمير قطر, الأمين العام للأمم المتحدة). It returns the token after the
// complement and the country found, if any.
func (f *finder) complement(j, sent int) (int, string) {
	country := ""
	for k := 0; k < 4 && f.word(j, sent); k++ {
		if m := f.matchAt(j); m != nil {
			e := f.g.ents[m.p.ref]
			if e.kind == KindCountry || e.kind == KindCity {
				country = e.country
			}
			return m.end, country
		}
		inf := &f.info[j]
		if inf.dem != 0 || inf.cls.has(cHonor, cFunc, cCounter, cSpeech) || f.isSurname(j) {
			break
		}
		if inf.def && !inf.cls.connect() {
			j++
			continue
		}
		if inf.cls.has(cConstruct) && f.word(j+1, sent) && (f.info[j+1].def || f.matchAt(j+1) != nil) {
			j++
			continue
		}
		if f.matchKind(j+1) == KindCountry || f.isPortfolio(j) {
			j++ // خارجية قطر، وزيري خارجية البلدين
			continue
		}
		break
	}
	return j, country
}

// isPortfolio reports whether token j is a ministry's portfolio written
// without the article (خارجية، داخلية): the complement of an office.
func (f *finder) isPortfolio(j int) bool {
	_, ok := f.g.insts.portfolios[f.t.toks[j].norm]
	return ok
}

// personIntro reads a person introduced at token i by an office, a
// counterpart or an honorific:
//
//	office [complement] [demonym] [honorific [rank-tail]] name
//	counterpart [demonym] [honorific] name
//	honorific [rank-tail] [demonym] name
func (f *finder) personIntro(i int) (int, bool) {
	sent := f.t.toks[i].sent
	j := i
	title, country := "", ""
	switch inf := f.info[i]; {
	case inf.cls.has(cCounter):
		title = f.lastTitle
		j++
	case inf.cls.has(cOffice):
		c := f.cutFor(i, cOffice)
		end, ctry := f.complement(i+1, sent)
		title, country, j = f.mention(i, c, end-1).Text, ctry, end
	}
	j, honor, demonym := f.titleTail(i, j, sent)
	if country == "" {
		country = demonym
	}
	if title == "" {
		title = honor
	}
	if country == "" {
		country = f.sideState(i)
	}
	if title == "" {
		return i + 1, false
	}
	end, ok := f.parseName(j, sent, true)
	if !ok {
		return i + 1, false
	}
	end, ok = f.taggedNameEnd(j, end)
	if !ok {
		return i + 1, false
	}
	k := f.addPerson(j, end, title, country)
	if f.ents[k].Title != "" {
		f.lastTitle = f.ents[k].Title
	}
	return end, true
}

// titleTail reads the demonyms and honorifics that follow an office, from
// token j of a title that starts at i: وزير الخارجية [القطري] [الشيخ]. It
// returns the token after them, the first honorific and the first
// demonym's country.
func (f *finder) titleTail(i, j, sent int) (next int, honor, country string) {
	for k := 0; k < 4 && f.word(j, sent); k++ {
		if d, end, ok := f.demonymAt(j, sent); ok {
			if country == "" {
				country = d
			}
			j = end
			continue
		}
		if !f.info[j].cls.has(cHonor) {
			break
		}
		h := j
		c := f.cutFor(j, cHonor)
		if j > i && f.visible(j, c).at != 0 {
			break // a new phrase: والرئيس
		}
		j++
		for f.word(j, sent) && f.info[j].cls.has(cRankTail) {
			j++
		}
		if honor == "" {
			honor = f.mention(h, c, j-1).Text
		}
	}
	return j, honor, country
}

// sideState returns the state of a title at token i that follows side +
// demonym: عن الجانب السعودي وزير الاستثمار خالد الفالح speaks for SA.
func (f *finder) sideState(i int) string {
	if i >= 2 && f.info[i-1].dem != 0 && int(f.info[i-1].demEnd) == i && f.t.toks[i-2].has(cSide) {
		return f.g.codes[f.info[i-1].dem-1]
	}
	return ""
}

// speaker reads a name of two or three words after the speech verb at i:
//
//	speech-verb name name [name] (punctuation | function word | end)
func (f *finder) speaker(i int) {
	sent := f.t.toks[i].sent
	j := i + 1
	if !f.word(j, sent) || f.info[j].def || f.info[j].claimed || f.isSurname(j) {
		return
	}
	end, ok := f.parseName(j, sent, false)
	if !ok || end-j < 2 {
		return
	}
	if f.tm != nil {
		// A verb of saying is weak evidence: with the tagger, the name
		// must start as the tagger's person, and ends as taggedNameEnd
		// ends it.
		if sp, ok := f.taggedAt(j); !ok || sp.typ != tagPER {
			return
		}
		end, _ = f.taggedNameEnd(j, end)
	}
	// The name must end at a boundary: punctuation, a function word or
	// the end of the sentence.
	if end < len(f.t.toks) && f.t.toks[end].sent == sent && f.t.toks[end].kind == tokWord &&
		!f.info[end].cls.has(cFunc) && !f.isAla(end) {
		return
	}
	f.addPerson(j, end, "", "")
}

// isAla reports whether token i is the preposition على, which the Search
// form folds to علي like the name Ali: the original spelling, with its
// final alef maqsura (U+0649), decides.
func (f *finder) isAla(i int) bool {
	tk := &f.t.toks[i]
	return tk.has(cOn) && strings.ContainsRune(f.t.src[tk.span.Start:tk.span.End], '\u0649')
}

// notName reports whether token j is a word that is never part of a name:
// a function word, a title, a speech verb, a common word, or a word of the
// agreement vocabulary (وقع، الاتفاقية، البلدين، الجانب).
func (f *finder) notName(j int) bool {
	cls := f.info[j].cls
	return cls.has(cFunc, cStop, cOffice, cHonor, cCounter, cSpeech, cAgencyRef, cCue, cRankTail) || cls.connect() ||
		f.info[j].inst || f.t.toks[j].has(cSign, cInstrument, cDual, cSide)
}

// nameWord reports whether token j may be a word of a person's name.
func (f *finder) nameWord(j, sent int, first bool) bool {
	if !f.word(j, sent) {
		return false
	}
	inf := &f.info[j]
	if inf.claimed || inf.match != 0 || inf.dem != 0 || f.isAla(j) || f.notName(j) {
		return false
	}
	tk := &f.t.toks[j]
	if utf8.RuneCountInString(tk.norm) < 2 || first && inf.cls.has(cNotFirst) {
		return false
	}
	if tk.pronounSuffixed(false) {
		return false // مهامها, قراراتهم: a noun with a possessive suffix
	}
	if !inf.cls.has(cWaName) && tk.leadingWa() {
		return false // وعقيلته, وفدا: و starts a new phrase
	}
	// Tanween marks an indefinite noun, never a name: وفدًا.
	return !strings.ContainsRune(f.t.src[tk.span.Start:tk.span.End], '\u064B')
}

// parseName reads a person's name from token j: one to three words, or a
// chain with links (بن, ابن, بنت, آل, أبو, عبد, and the particles of
// European names). It returns the token after it. After a title the first
// word may not carry the article (الجديد), unless it is a known surname.
func (f *finder) parseName(j, sent int, afterTitle bool) (int, bool) {
	k, run, total := j, 0, 0
	for total < 10 && f.word(k, sent) {
		if f.info[k].cls.connect() && !f.info[k].claimed {
			next, ok := f.nameLink(j, k, sent, &run, &total)
			if !ok {
				return f.nameEnd(j, k)
			}
			k = next
			continue
		}
		if k-j >= 2 && run < 3 && f.nisbaEnds(k, sent) {
			k++
			break
		}
		if run >= 3 || !f.nameWord(k, sent, k == j) {
			break
		}
		if k == j && f.info[k].def && !f.isSurname(k) {
			return j, false
		}
		def := f.info[k].def
		k++
		total++
		run++
		if def && k-1 > j {
			break // a surname with the article ends the name: مصطفى الكاظمي
		}
	}
	return f.nameEnd(j, k)
}

// nameLink reads the link of a name chain at token k of a name that
// started at j, and returns the token after the link and the name word it
// governs; run (plain words in a row) and total (words so far) are
// updated. It returns false when the name ends before the link.
//
//	name bin|ibn|bint name      بن, ابن, بنت, أبي: not at the start
//	al name                     آل ثاني
//	abd def-name                عبد الرحمن
//	abu|umm name                أبو بكر
//	name particle name          فون دير لاين: not at the start
func (f *finder) nameLink(j, k, sent int, run, total *int) (int, bool) {
	tk := &f.t.toks[k]
	switch {
	case tk.is(cNameLink):
		if k == j || !(f.nameWord(k+1, sent, false) || f.word(k+1, sent) && f.t.toks[k+1].is(cServant)) {
			return k, false
		}
		*run = 0
		return k + 1, true
	case tk.is(cFamily):
		if !f.nameWord(k+1, sent, false) {
			return k, false
		}
		*total += 2
		*run = 0
		return k + 2, true
	case tk.is(cServant):
		if !f.word(k+1, sent) || !f.info[k+1].def {
			return k, false
		}
		*total += 2
		*run++
		return k + 2, true
	case tk.is(cKunya):
		if !f.nameWord(k+1, sent, false) {
			return k, false
		}
		*total += 2
		*run++
		return k + 2, true
	case tk.is(cParticle):
		// Inside a foreign name only: after a first name, before another
		// name word.
		if k == j || !f.nameWord(k+1, sent, false) && !(f.word(k+1, sent) && f.info[k+1].cls.connect()) {
			return k, false
		}
		*total++
		return k + 1, true
	}
	return k, false
}

// nisbaEnds reports whether the definite token k is a nisba that is also a
// demonym and ends the name, no name word following: محمد شياع السوداني.
func (f *finder) nisbaEnds(k, sent int) bool {
	if !f.info[k].def {
		return false
	}
	_, end, ok := f.demonymAt(k, sent)
	return ok && end == k+1 && (!f.word(k+1, sent) || f.info[k+1].cls.has(cFunc))
}

func (f *finder) nameEnd(j, k int) (int, bool) {
	// A name does not end on a link word.
	for k > j && f.info[k-1].cls.connect() {
		k--
	}
	return k, k > j
}

// isSurname reports whether a known person's surname key starts at token i.
func (f *finder) isSurname(i int) bool {
	_, end := f.surnameAt(i)
	return end > i
}

// surnameAt returns the person whose surname key starts at token i, and
// the token after the key.
func (f *finder) surnameAt(i int) (int, int) {
	if f.surnames.empty() || f.t.toks[i].kind != tokWord {
		return -1, i
	}
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		for _, s := range f.surnames.get(tk.stem(c)) {
			if s.def == c.def && i > s.after && f.follows(i, s.rest) {
				return s.ent, i + 1 + len(s.rest)
			}
		}
	}
	return -1, i
}

// surnameCut returns the cut of token i through which a surname matched.
func (f *finder) surnameCut(i int) cut {
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		for _, s := range f.surnames.get(tk.stem(c)) {
			if s.def == c.def && f.follows(i, s.rest) {
				return c
			}
		}
	}
	return cut{}
}

// addPerson records the person named by tokens [a, b).
func (f *finder) addPerson(a, b int, title, country string) int {
	return f.addPersonCut(a, cut{}, b, title, country)
}

// addPersonCut records the person named by tokens [a, b), the first read
// through the cut c.
func (f *finder) addPersonCut(a int, c cut, b int, title, country string) int {
	for k := a; k < b; k++ {
		f.info[k].claimed = true
	}
	k := -1
	if s, end := f.surnameAt(a); s >= 0 && end == b {
		k = s // الوزير بلينكن: a known person
	}
	known := k >= 0
	if k < 0 {
		n := len(f.ents)
		k = f.entity("person:"+f.nameKey(a, c, b), KindPerson, f.mention(a, c, b-1).Text, "")
		known = k < n
	}
	e := f.ents[k]
	if e.Title == "" {
		e.Title = title
	}
	if e.Country == "" {
		e.Country = country
	}
	f.add(k, a, c, b-1)
	if known {
		return k
	}
	// The surname key: the last word, or آل + the last word.
	if b-a >= 2 {
		s := b - 1
		if s-1 > a && f.t.toks[s-1].is(cFamily) {
			s--
		}
		f.addSurname(s, b, k, b-1)
	}
	f.addSurname(a, b, k, b-1)
	return k
}

func (f *finder) addSurname(a, b, ent, after int) {
	tk := &f.t.toks[a]
	key, def := tk.norm, false
	if f.info[a].def {
		if w := tk.withoutArticle(); w != tk.norm {
			key, def = w, true
		}
	}
	if b-a == 1 && (f.info[a].cls.has(cFunc, cStop) || f.t.toks[a].is(cOn)) {
		return // علي alone is also على, everywhere in the text
	}
	rest := make([]string, 0, b-a-1)
	for k := a + 1; k < b; k++ {
		rest = append(rest, f.t.toks[k].norm)
	}
	f.surnames.set(key, append(f.surnames.m[key], surname{rest: rest, def: def, ent: ent, after: after}))
}
