package arnews

import (
	"strings"
	"unicode/utf8"
)

// This file holds the rules for names from the gazetteer: matches through
// clitics, ambiguous names resolved by context, acronyms in parentheses
// and their later uses, news agencies and الوكالة, and national
// institutions recognised by pattern.

// institution reads a national institution whose head is at token i:
//
//	head [portfolio] [demonym | country] [(acronym)]
//	dual-head [portfolio] demonym و+demonym
//
// وزارة الخارجية الأمريكية, وزارة خارجية قطر, الحكومة العراقية, البرلمان;
// a dual head names two bodies (see secondBody).
func (f *finder) institution(i int) (int, bool) {
	in, c, end := f.institutionHead(i)
	if in == nil {
		return i + 1, false
	}
	sent := f.t.toks[i].sent
	slug, j := in.slug, end
	if in.ministry {
		port, next, ok := f.portfolio(j, sent)
		if !ok {
			return i + 1, false
		}
		slug, j = slug+port, next
	}
	country, proper := "", false
	if d, e, ok := f.demonymAt(j, sent); ok {
		country, j = d, e
	} else if m := f.matchAt(j); m != nil && (!c.def || in.ministry) && f.g.ents[m.p.ref].kind == KindCountry && m.start == j {
		country, j = f.g.ents[m.p.ref].country, m.end
	} else if d, e, ok := f.namedDemonym(j, sent); ok && in.named && (!in.proper || f.demonymStart(j, e) > j) {
		// The body's own name is part of its ID (المحكمة العليا
		// الإسرائيلية: org:IL:court-العليا), but for a state's own
		// bodies, which stand for it.
		if !in.state && e > j {
			slug += "-" + f.nameKey(j, cut{}, f.demonymStart(j, e))
		}
		country, j, proper = d, e, true
	}
	if in.proper && !proper && c.def && country == "" {
		// المجلس الرئاسي: a definite head and the body's name without a
		// demonym, which may still follow.
		if e, ok := f.bodyName(j, sent); ok {
			slug += "-" + f.nameKey(j, cut{}, e)
			j, proper = e, true
			if d, e, ok := f.demonymAt(j, sent); ok {
				country, j = d, e
			}
		}
	}
	if in.proper && !proper {
		return i + 1, false
	}
	// A gazetteer name covering as much wins: وكالة الأنباء القطرية.
	if m := f.matchAt(i); m != nil && m.end >= j {
		return i + 1, false
	}
	if country == "" {
		if !in.bareOK && !in.ministry && !proper {
			return i + 1, false
		}
		country = f.instState[slug]
	}
	k := f.nationalBody(in, slug, country, f.mention(i, c, j-1).Text)
	f.add(k, i, c, j-1)
	if in.dual {
		j = f.secondBody(in, slug, i, j)
	}
	return f.parenAcronym(j, k), true
}

// ministryAlone reads a ministry named by its portfolio alone, at token
// i, before a demonym:
//
//	portfolio-alone demonym
//
// (بيان الخارجية الصومالية، مع الداخلية العراقية), the same entity as
// وزارة الخارجية الصومالية. After a definite noun the portfolio is an
// adjective (السياسة الخارجية الأمريكية), after an office the complement of
// a title (وزيرة الخارجية الأسترالية): neither is a ministry.
func (f *finder) ministryAlone(i int) (int, bool) {
	tk := &f.t.toks[i]
	tb := f.g.insts
	if !f.info[i].def || tb.ministry < 0 {
		return i + 1, false
	}
	// The cheap tests first: this runs at every definite word.
	country, end, ok := f.demonymAt(i+1, tk.sent)
	if !ok || country == "" {
		return i + 1, false
	}
	port := tk.definiteStem()
	if !tb.alone[port] || i > 0 && (f.adjectivePosition(i) || f.info[i-1].cls.has(cOffice, cCounter) && f.t.toks[i-1].sent == tk.sent) {
		return i + 1, false
	}
	in := &tb.heads[tb.ministry]
	c := f.nameCut(i)
	k := f.nationalBody(in, in.slug+tb.portfolios[port], country, f.mention(i, c, end-1).Text)
	f.add(k, i, c, end-1)
	return end, true
}

// nationalBody returns the entity of the national institution in of
// country (maybe unknown) with the slug, creating it with the name.
func (f *finder) nationalBody(in *institution, slug, country, name string) int {
	id := "org:" + slug
	if country != "" {
		id = "org:" + country + ":" + slug
	}
	k := f.entity(id, KindOrganization, name, country)
	// A body of no known state that is no state's by kind (المؤتمر الوطني
	// العام, unlike البرلمان or a ministry) stands for no state.
	f.ents[k].facts.national = country != "" || in.bareOK || in.ministry
	f.ents[k].facts.hidden = in.state
	f.noteState(slug, country)
	if in.newsAgency {
		f.ents[k].facts.newsAgency = true
		f.noteAgency(k)
	}
	return k
}

// secondBody reads the second body of a dual head, whose first one ends
// before token j: a demonym after و,
//
//	dual-head [portfolio] demonym و+demonym
//
// (وزارتا الخارجية الصومالية والمصرية: the ministries of Somalia and of
// Egypt). Its mention is the second demonym, the words that are its own;
// its name is the words of the first one with that demonym. It returns the
// token after the second body, or j when there is none.
func (f *finder) secondBody(in *institution, slug string, i, j int) int {
	sent := f.t.toks[i].sent
	first := f.demonymStart(i+1, j)
	if f.info[first].dem == 0 || int(f.info[first].demEnd) != j || !f.word(j, sent) || !f.t.toks[j].leadingWa() {
		return j // the first body has no demonym, or no و-demonym follows
	}
	country, end, ok := f.demonymAt(j, sent)
	if !ok || country == "" {
		return j
	}
	own := f.mention(j, f.t.toks[j].cuts[1], end-1)
	name := f.mention(i, cut{}, first-1).Text + " " + own.Text
	k := f.nationalBody(in, slug, country, name)
	f.add(k, j, f.t.toks[j].cuts[1], end-1)
	return end
}

// namedDemonym reads the proper name of a body and its demonym from token
// j: up to three definite words, maybe in quotation marks, then a demonym
// (حكومة الوفاق الوطني الليبية، حكومة «الوفاق» الليبية). It returns the
// demonym's country and the token after it.
func (f *finder) namedDemonym(j, sent int) (string, int, bool) {
	for k, words := j, 0; k < len(f.t.toks) && words <= 3 && f.t.toks[k].sent == sent; k++ {
		if d, e, ok := f.demonymAt(k, sent); ok && k > j {
			return d, e, true
		}
		tk := &f.t.toks[k]
		switch {
		case tk.has(cJoint):
			return "", j, false // اللجنة المشتركة الكبرى الجزائرية: see cJoint
		case tk.kind == tokPunct && tk.is(cQuote):
		case f.word(k, sent) && f.info[k].def && f.info[k].match == 0 && !f.notName(k):
			words++
		default:
			return "", j, false
		}
	}
	return "", j, false
}

// bodyName reads the name of a body after its definite head, at token j:
// a body adjective, then up to three definite words that may be part of a
// name, or body tails (المؤتمر الوطني العام، المفوضية الوطنية العليا
// للانتخابات، المجلس الرئاسي); a joint body (cJoint) is none. It returns
// the token after the name; a demonym is not part of it.
func (f *finder) bodyName(j, sent int) (int, bool) {
	if !f.word(j, sent) || !f.info[j].def || !f.t.toks[j].has(cBodyAdj) {
		return j, false
	}
	e := j + 1
	for words := 0; words < 3 && f.word(e, sent) && f.info[e].def && f.info[e].dem == 0 && f.info[e].match == 0 &&
		(!f.notName(e) || f.t.toks[e].has(cBodyTail)); words++ {
		if f.t.toks[e].has(cJoint) {
			return j, false // اللجنة العليا المشتركة: see cJoint
		}
		e++
	}
	return e, true
}

// demonymStart returns where the demonym that ends at end begins, at
// token j or after it.
func (f *finder) demonymStart(j, end int) int {
	for k := j; k < end; k++ {
		if f.info[k].dem != 0 && int(f.info[k].demEnd) == end {
			return k
		}
	}
	return end - 1
}

// institutionHead returns the longest institution head starting at token
// i, the cut it was read through and the token after it.
func (f *finder) institutionHead(i int) (*institution, cut, int) {
	tk := &f.t.toks[i]
	var in *institution
	var c cut
	end := 0
	for _, cc := range tk.stems() {
		ps := f.g.phrases(tk.stem(cc))
		for k := range ps {
			p := &ps[k]
			if p.kind == pInst && p.def == cc.def && f.follows(i, p.rest) && i+1+len(p.rest) > end {
				in, c, end = &f.g.insts.heads[p.ref], cc, i+1+len(p.rest)
			}
		}
	}
	return in, c, end
}

// portfolio reads a ministry's portfolio at token j: up to three definite
// words (الخارجية, الشؤون الخارجية), or one bare word before a country
// (خارجية قطر). It returns the portfolio's slug and the token after it.
func (f *finder) portfolio(j, sent int) (string, int, bool) {
	toks := f.t.toks
	start := j
	for k := 0; k < 3 && f.word(j, sent) && f.info[j].def && f.info[j].dem == 0 && f.info[j].match == 0; k++ {
		j++
	}
	if j == start && f.word(j, sent) && f.matchKind(j+1) == KindCountry {
		j++ // وزارة خارجية قطر
	}
	if j == start {
		return "", j, false
	}
	key := portfolioKey(toks[start:j])
	if s, ok := f.g.insts.portfolios[key]; ok {
		return s, j, true
	}
	return strings.ReplaceAll(key, " ", "-"), j, true
}

// noteState records the state of an institution, so that a later mention
// without one takes it; two states make it unknown again.
func (f *finder) noteState(slug, country string) {
	if country == "" {
		return
	}
	if f.instState == nil {
		f.instState = make(map[string]string)
	}
	if old, ok := f.instState[slug]; ok && old != country {
		f.instState[slug] = "" // two states: no longer obvious
	} else if !ok {
		f.instState[slug] = country
	}
}

// parenAcronym takes "(acronym)" right after an organisation ending at
// token j as a mention of entity k, and returns the token after it. A
// place's name or a demonym is no acronym: the country of a club in a
// results table (سلتيك ( اسكتلندا )) is a place.
func (f *finder) parenAcronym(j, k int) int {
	toks := f.t.toks
	if j+2 >= len(toks) || toks[j].norm != "(" || toks[j+1].kind != tokWord {
		return j
	}
	close := j + 2
	for close < len(toks) && close < j+5 && toks[close].kind == tokWord {
		close++
	}
	if close >= len(toks) || toks[close].norm != ")" || toks[close].sent != toks[j].sent {
		return j
	}
	for x := j + 1; x < close; x++ {
		switch f.matchKind(x) {
		case KindCountry, KindCity, KindRegion:
			return j // a place, no acronym: سلتيك ( اسكتلندا )
		}
		if utf8.RuneCountInString(toks[x].norm) > 8 || f.info[x].dem != 0 {
			return j
		}
	}
	f.claim(j+1, close)
	f.add(k, j+1, cut{}, close-1)
	if close == j+2 && !f.ambiguousAcronym(j+1) {
		f.acr.set(toks[j+1].norm, k)
	}
	return close + 1
}

// ambiguousAcronym reports whether the one-word acronym at token i is also
// a common word (ومع "and with", بنا "with us"), so that it is not linked
// outside parentheses.
func (f *finder) ambiguousAcronym(i int) bool {
	if f.info[i].cls.has(cFunc, cStop) {
		return true
	}
	tk := &f.t.toks[i]
	lx := builtinLexicon()
	for _, c := range tk.stems() {
		if e := lx.lookup(tk.stem(c)); c.at == 2 && e != nil && e.bare.has(cFunc) {
			return true // و + مع
		}
		for _, p := range f.g.phrases(tk.stem(c)) {
			if p.kind == pAcronym && p.ambig {
				return true
			}
		}
	}
	return false
}

// lastAgency returns the news agency mentioned last before the byte
// offset pos, or -1.
func (f *finder) lastAgency(pos int) int {
	best, bestAt := -1, -1
	for _, k := range f.agencies {
		for _, m := range f.ents[k].Mentions {
			if m.Start < pos && m.Start > bestAt {
				best, bestAt = k, m.Start
			}
		}
	}
	return best
}

func (f *finder) noteAgency(k int) {
	for _, a := range f.agencies {
		if a == k {
			return
		}
	}
	f.agencies = append(f.agencies, k)
}

// names emits the gazetteer matches, acronyms, surnames and agency
// anaphors, in one pass.
func (f *finder) names() {
	toks := f.t.toks
	for i := 0; i < len(toks); i++ {
		inf := &f.info[i]
		if toks[i].kind != tokWord || inf.claimed {
			continue
		}
		if end, ok := f.club(i); ok {
			i = end - 1
			continue
		}
		if end, ok := f.placeAfterHead(i); ok {
			i = end - 1
			continue
		}
		if m := f.matchAt(i); m != nil {
			if f.cityAsOrganization(m) {
				continue // left to the tagger
			}
			if end, ok := f.gazetteerName(m); ok {
				i = end - 1
			}
			continue
		}
		if p, end := f.surnameAt(i); p >= 0 {
			f.add(p, i, f.surnameCut(i), end-1)
			i = end - 1
			continue
		}
		if k, c, ok := f.docAcronym(i); ok {
			f.add(k, i, c, i)
			continue
		}
		if inf.cls.has(cAgencyRef) {
			// Not الوكالة الدولية للطاقة الذرية and the like: those are
			// gazetteer names, matched above.
			if k := f.lastAgency(toks[i].span.Start); k >= 0 {
				f.add(k, i, f.cutFor(i, cAgencyRef), i)
			}
		}
	}
}

// club reads a sports club named after a city at token i:
//
//	club-word city
//	club-head city
//
// (دينامو كييف، اتحاد طنجة، ريال مدريد; فريق ليون, whose name is ليون): an
// organisation of the city's country, and the city no place. It returns
// the token after the name.
func (f *finder) club(i int) (int, bool) {
	tk := &f.t.toks[i]
	word := tk.is(cClubWord) || tk.leadingWa() && tk.has(cClubWord)
	if !word && !tk.has(cClubHead) {
		return i + 1, false
	}
	m := f.matchAt(i + 1)
	if m == nil || m.start != i+1 || f.g.ents[m.p.ref].kind != KindCity || f.t.toks[i+1].sent != tk.sent || f.t.toks[i+1].brk {
		return i + 1, false
	}
	first, c := i, f.nameCut(i)
	if !word {
		first, c = i+1, m.c
	}
	f.namedEntity("org:", KindOrganization, first, c, m.end, f.g.ents[m.p.ref].country)
	return m.end, true
}

// placeAfterHead reads a place named after a word for a kind of place at
// token i:
//
//	place-head(indefinite) word (compass | [في] gazetteer-place)
//	place-head(indefinite) rare-word rare-definite-word
//
// (حي الدورة جنوبي العاصمة، منطقة التاجي شمال بغداد، مخيم بلاطة شرق
// المدينة، ساحة كهرمانة وسط بغداد): a region. The name is a word no
// gazetteer holds and of no class, followed by where it lies (a compass
// word, or ب or في before a gazetteer place: حي الخضراء ببغداد), or two
// rare words, the second definite (منطقة جرف الصخر). An adjective is no
// name (منطقة منزوعة السلاح في إدلب: nothing tells where السلاح lies); a
// definite head is the place just told (المنطقة الغنية بالنفط) and reads
// none. The head is no part of the mention. It returns the token after the
// place.
func (f *finder) placeAfterHead(i int) (int, bool) {
	toks := f.t.toks
	if !toks[i].has(cPlaceHead) || f.info[i].def {
		return i + 1, false // المنطقة is the area just told (المنطقة الغنية بالنفط)
	}
	j, sent := i+1, toks[i].sent
	if !f.word(j, sent) || f.info[j].claimed || f.info[j].match != 0 || f.info[j].dem != 0 || f.notName(j) {
		return i + 1, false
	}
	e := j + 1
	if f.tm != nil && f.rareWord(j) && f.word(e, sent) && f.info[e].def && f.rareWord(e) {
		e++ // جرف الصخر: two rare words are a name
	} else if !f.placeLies(e, sent) {
		return i + 1, false // منطقة منزوعة السلاح في إدلب: an adjective
	}
	f.namedEntity("region:", KindRegion, j, f.nameCut(j), e, "")
	return e, true
}

// placeLies reports whether token j tells where a place before it lies: a
// compass word (شمال، جنوبي), or a gazetteer place read through ب or في
// (ببغداد، في بغداد).
func (f *finder) placeLies(j, sent int) bool {
	if !f.word(j, sent) {
		return false
	}
	if f.t.toks[j].has(cCompass) {
		return true
	}
	if f.t.toks[j].is(cIn) && f.word(j+1, sent) {
		j++
	}
	switch f.matchKind(j) {
	case KindCity, KindCountry, KindRegion:
		return f.matchAt(j).start == j
	}
	return false
}

// cityAsOrganization reports whether the city matched by m is, as the
// tagger reads its context, part or all of an organisation's name: a club
// (برشلونة الإسباني، مانشستر يونايتد) or a newspaper (نيويورك تايمز).
// Countries and organisations of the gazetteer always stand.
func (f *finder) cityAsOrganization(m *gmatch) bool {
	if f.tagAt == nil || f.g.ents[m.p.ref].kind != KindCity {
		return false
	}
	for _, sp := range f.tspans {
		if sp.first > m.start {
			break
		}
		if sp.typ == tagORG && sp.last >= m.end {
			return true
		}
	}
	return false
}

// datelineSources finds the news source that a dateline names at the start
// of a line:
//
//	(city | country) [في …] sep name{1,3} (sep | line end)
//
// بغداد -عراق برس-، إسلام أباد (AP) –، مقديشو في 11 فبراير /بوابة الصومال /.
// The name, which no gazetteer or rule has claimed and the tagger does not
// read as a person (القاهرة - علي فراج -: a reporter), is an organisation
// that reports the news.
func (f *finder) datelineSources() {
	toks := f.t.toks
	for i := range toks {
		if i > 0 && !toks[i].brk {
			continue
		}
		m := f.matchAt(i)
		if m == nil || m.start != i || f.g.ents[m.p.ref].kind != KindCity && f.g.ents[m.p.ref].kind != KindCountry {
			continue
		}
		j := m.end
		if j < len(toks) && toks[j].has(cIn) {
			for k := j + 1; k < len(toks) && k <= j+5 && !toks[k].brk; k++ {
				if toks[k].is(cDatelineSep) {
					j = k
					break
				}
			}
		}
		if start, end, ok := f.datelineName(j); ok {
			k := f.namedEntity("org:", KindOrganization, start, cut{}, end, "")
			f.ents[k].facts.newsAgency = true
			f.noteAgency(k)
		}
	}
}

// datelineName reads the source's name after the separator at token j: one
// to three unclaimed words, then a separator or the end of the line. The
// first word is no gazetteer name; a later one may be a country's (بوابة
// الصومال), not a city's (لندن: معد فياض بغداد: a reporter and where he
// writes from).
func (f *finder) datelineName(j int) (int, int, bool) {
	toks := f.t.toks
	if j >= len(toks) || !toks[j].is(cDatelineSep) || j+1 >= len(toks) || toks[j+1].brk {
		return 0, 0, false
	}
	start := j + 1
	if sp, ok := f.taggedAt(start); ok && sp.typ == tagPER || f.tm != nil && f.listed(start, 1<<listGiven) {
		return 0, 0, false // a reporter: القاهرة - علي فراج -
	}
	k := start
	for k < len(toks) && k-start < 3 && toks[k].kind == tokWord && !f.info[k].claimed && (f.info[k].match == 0 || k > start && f.matchKind(k) == KindCountry) &&
		(k == start || !toks[k].brk) {
		k++
	}
	if k == start || k < len(toks) && !toks[k].brk && !toks[k].is(cDatelineSep) {
		return 0, 0, false
	}
	return start, k, true
}

// namedAfterDemonym finds an organisation named after a definite word for
// its kind and a demonym:
//
//	org-head(definite) demonym rare-word
//
// (والشركة الروسية ترونسنافت). The name's word is rare (no frequent word,
// no word of a class, no gazetteer name), as the tagger's lists know it:
// without the tagger there is no such reading.
func (f *finder) namedAfterDemonym() {
	if f.tm == nil {
		return
	}
	toks := f.t.toks
	for i := range toks {
		if toks[i].kind != tokWord || !f.info[i].def || !toks[i].has(cOrgHead) || f.info[i].claimed {
			continue
		}
		country, start, ok := f.demonymAt(i+1, toks[i].sent)
		if !ok {
			continue
		}
		// One word: a rare word after it is more often a verb (ترونسنافت تخص).
		if !f.word(start, toks[i].sent) || f.tagAt[start] != 0 || !f.rareWord(start) {
			continue
		}
		f.namedEntity("org:", KindOrganization, start, cut{}, start+1, country)
		f.claim(start, start+1)
	}
}

// rareWord reports whether token j is a word that may be part of a name no
// list holds, whatever the tagger read there: unclaimed, in no class and
// no gazetteer name, and rare in the tagger's training text.
func (f *finder) rareWord(j int) bool {
	inf := &f.info[j]
	return !inf.claimed && inf.match == 0 && inf.dem == 0 && !f.notName(j) &&
		!f.listed(j, 1<<listFrequent|1<<listGiven|1<<listFamily) && utf8.RuneCountInString(f.t.toks[j].norm) >= 3
}

// latinWord reports whether tk is a word in Latin script.
func latinWord(tk *token) bool {
	c := tk.norm[0] | 0x20
	return tk.kind == tokWord && c >= 'a' && c <= 'z'
}

// quotedNames finds the organisations named in quotation marks, or in
// Latin script, after a word for a kind of organisation:
//
//	org-head [org-head-tail] quote word{1,4} quote
//	org-head [org-head-tail] latin-word{1,4}
//
// قناة “المنار”، وكالة أنباء «تسنيم»، حركة "النهضة"، لموقع IQ NEWS. The
// mention is the name; what a media head names reports the news.
func (f *finder) quotedNames() {
	toks := f.t.toks
	for i := range toks {
		if toks[i].kind != tokWord || !f.info[i].cls.has(cOrgHead) {
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].kind == tokWord && toks[j].is(cOrgHeadTail) {
			j++ // وكالة أنباء
		}
		if j >= len(toks) || toks[j].sent != toks[i].sent || toks[j].brk {
			continue
		}
		var start, k int
		switch {
		case toks[j].is(cQuote):
			start, k = j+1, j+1
			for k < len(toks) && k-start < 4 && toks[k].kind == tokWord && !f.info[k].claimed && f.info[k].match == 0 && !toks[k].brk {
				k++
			}
			if k == start || k >= len(toks) || !toks[k].is(cQuote) {
				continue
			}
		case latinWord(&toks[j]) && !f.info[j].claimed:
			// A name in Latin script needs no quotation marks: لموقع IQ NEWS.
			start, k = j, j
			for k < len(toks) && k-start < 4 && latinWord(&toks[k]) && !f.info[k].claimed && !toks[k].brk {
				k++
			}
		default:
			continue
		}
		e := f.namedEntity("org:", KindOrganization, start, cut{}, k, "")
		if f.info[i].cls.has(cMediaHead) {
			f.ents[e].facts.newsAgency = true // a source, no party (see cMediaHead)
		}
		f.claim(start, k)
	}
}

// gazetteerName adds the entity of the gazetteer match m, if it is one:
// an ambiguous acronym only counts in parentheses after its name, and an
// ambiguous name needs a cue, a demonym that settles it, or context. It
// returns the token after the mention (and an acronym in parentheses).
func (f *finder) gazetteerName(m *gmatch) (int, bool) {
	ge := &f.g.ents[m.p.ref]
	if m.p.ambig && m.p.kind == pAcronym {
		return 0, false // ومع, بنا: only in parentheses after the agency's name.
	}
	if m.p.ambig {
		// A demonym after the name settles it: عمان الأردنية is Amman,
		// not Oman.
		if d, _, ok := f.demonymAt(m.end, f.t.toks[m.start].sent); ok && d != ge.country {
			if ge = f.alternative(m, d); ge == nil {
				return 0, false
			}
		} else if !m.cue {
			start := f.mention(m.start, m.c, m.end-1).Start
			if ge = f.byContext(m, start); ge == nil {
				return 0, false
			}
		}
	}
	k := f.entity(ge.id, ge.kind, ge.name, ge.country)
	f.add(k, m.start, m.c, m.end-1)
	end := m.end
	if ge.kind == KindOrganization {
		if ge.newsAgency {
			f.ents[k].facts.newsAgency = true
			f.noteAgency(k)
		}
		end = f.parenAcronym(m.end, k)
	}
	return end, true
}

// alternative returns another entity with the same one-word name as the
// match m, belonging to country.
func (f *finder) alternative(m *gmatch, country string) *gazEntity {
	tk := &f.t.toks[m.start]
	ps := f.g.phrases(tk.stem(m.c))
	for k := range ps {
		p := &ps[k]
		if p.kind == pEntity && len(p.rest) == 0 && p.def == m.c.def && f.g.ents[p.ref].country == country {
			return &f.g.ents[p.ref]
		}
	}
	return nil
}

// byContext resolves an ambiguous one-word name with no cue by the
// document: it is taken when exactly one of the entities bearing it was
// mentioned before pos or belongs to a country mentioned before pos (عمّان
// after الأردن is Amman).
func (f *finder) byContext(m *gmatch, pos int) *gazEntity {
	tk := &f.t.toks[m.start]
	ps := f.g.phrases(tk.stem(m.c))
	var found *gazEntity
	for k := range ps {
		p := &ps[k]
		if p.kind != pEntity || len(p.rest) != 0 || p.def != m.c.def {
			continue
		}
		ge := &f.g.ents[p.ref]
		if !f.mentionedBefore(ge.id, pos) &&
			(ge.kind == KindCountry || ge.country == "" || !f.mentionedBefore(ge.country, pos)) {
			continue
		}
		if found != nil && found != ge {
			return nil
		}
		found = ge
	}
	return found
}

// docAcronym finds at token i an acronym defined in parentheses earlier.
func (f *finder) docAcronym(i int) (int, cut, bool) {
	if f.acr.empty() {
		return 0, cut{}, false
	}
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		if c.at > 2 || c.def {
			continue
		}
		if k, ok := f.acr.lookup(tk.stem(c)); ok {
			return k, c, true
		}
	}
	return 0, cut{}, false
}

// kingdoms takes المملكة, standing alone (not المملكة العربية السعودية,
// not المملكة المغربية), as a mention of the kingdom of the article: the
// country of the dateline's city, else of a news agency named, else the
// kingdom named most (itself or through its cities), when that country is
// a kingdom.
func (f *finder) kingdoms() {
	var kingdom *gazEntity
	for i := range f.t.toks {
		inf := &f.info[i]
		if !inf.cls.has(cKingdomRef) || inf.claimed || inf.match != 0 || inf.dem != 0 {
			continue
		}
		if _, _, ok := f.demonymAt(i+1, f.t.toks[i].sent); ok {
			continue
		}
		if kingdom == nil {
			if kingdom = f.articleKingdom(); kingdom == nil {
				return
			}
		}
		k := f.entity(kingdom.id, kingdom.kind, kingdom.name, kingdom.country)
		f.add(k, i, f.cutFor(i, cKingdomRef), i)
	}
}

// mostNamedKingdom returns the kingdom the article names most, itself or
// through its cities (الرياض), or "".
func (f *finder) mostNamedKingdom() string {
	count := map[string]int{}
	best := ""
	for _, e := range f.ents {
		code := e.ID
		if e.Kind == KindCity {
			code = e.Country
		} else if e.Kind != KindCountry {
			continue
		}
		if c := f.g.country(code); c != nil && c.kingdom {
			count[code] += len(e.Mentions)
			if best == "" || count[code] > count[best] {
				best = code
			}
		}
	}
	return best
}

// articleKingdom returns the kingdom an article is from (see kingdoms), or
// nil.
func (f *finder) articleKingdom() *gazEntity {
	var candidates []string
	for i := 0; i < len(f.t.toks) && i < 12; i++ {
		if m := f.matchAt(i); m != nil && f.g.ents[m.p.ref].kind == KindCity {
			candidates = append(candidates, f.g.ents[m.p.ref].country)
			break
		}
	}
	for _, k := range f.agencies {
		candidates = append(candidates, f.ents[k].Country)
	}
	candidates = append(candidates, f.mostNamedKingdom())
	for _, code := range candidates {
		if c := f.g.country(code); c != nil && c.kingdom {
			return c
		}
	}
	return nil
}
