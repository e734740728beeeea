package arnews

// This file holds the steps that find the parties of an agreement. They
// run in order; the later ones only while fewer than two parties are
// known.

// partiesStep finds the parties of the instrument when fewer than two are
// known yet: a later mention may name the side an earlier one left out.
func partiesStep(f *agreementFinder, x *nounCtx) {
	if len(x.a.Parties) >= 2 {
		return
	}
	var ids []string
	for _, step := range partySteps {
		ids = step(f, x, ids)
	}
	for _, id := range ids {
		x.a.Parties = appendUnique(x.a.Parties, id)
	}
}

// partySteps are the ways parties are found, in order. Each takes the
// parties found so far and returns them with its own added.
var partySteps = []func(f *agreementFinder, x *nounCtx, ids []string) []string{
	partiesAnnouncer,
	partiesAnnouncedOwn,
	partiesApproverState,
	partiesTriggerClause,
	partiesRelativeClause,
	partiesPassiveAgents,
	partiesBetweenWith,
	partiesSides,
	partiesDualNouns,
}

// partiesAnnouncer: an organisation that announces its own signing with a
// verbal noun is a party (a news agency is not):
//
//	(source: organisation) signing-noun noun    أعلنت شركة أرامكو توقيع عقد
func partiesAnnouncer(f *agreementFinder, x *nounCtx, ids []string) []string {
	src := f.entity(x.source)
	if src == nil || src.Kind != KindOrganization || f.facts(x.source).newsAgency || x.trigAt < 0 || x.trigAt >= x.n.i {
		return ids
	}
	if f.t.toks[x.trigAt].is(cSigningNoun) {
		if id := f.partyOf(src, f.facts(x.source)); id != "" {
			ids = appendUnique(ids, id)
		}
	}
	return ids
}

// partiesAnnouncedOwn: a state, body or person that announces it will sign
// or has signed, the verb's subject being a pronoun after أن, is a party:
//
//	speech-verb X … (أنها | أنه) [future] sign noun   أعلنت الجزائر أنها ستوقع 14 اتفاقية
func partiesAnnouncedOwn(f *agreementFinder, x *nounCtx, ids []string) []string {
	t := f.t
	if x.trigAt < 1 || x.trigAt >= x.n.i {
		return ids
	}
	k := x.trigAt - 1
	if t.toks[k].has(cFuture) && k > 0 {
		k--
	}
	if !t.toks[k].is(cComplementizer) || !t.toks[k].pronounSuffixed(true) {
		return ids
	}
	for i := k - 1; i >= x.s.first && i >= k-6; i-- {
		if t.toks[i].has(cSpeech) {
			for j := i + 1; j < k; j++ {
				if e := f.ents.at(j); e >= 0 {
					if id := f.partyOf(&f.ents.ents[e], f.ents.facts[e]); id != "" {
						return appendUnique(ids, id)
					}
				}
			}
			break
		}
	}
	return ids
}

// partiesApproverState: the state of the body that approves is a party;
// the body itself is not:
//
//	approve … organisation … noun    صادق البرلمان المغربي على …
func partiesApproverState(f *agreementFinder, x *nounCtx, ids []string) []string {
	if x.trigAt < 0 || x.trigAt >= x.n.i || f.triggerAt(x.trigAt) != trigApprove {
		return ids
	}
	for i := max(x.s.first, x.trigAt-3); i < min(x.n.i, x.trigAt+4); i++ {
		if e, facts := f.entityAt(i); e != nil && e.Kind == KindOrganization {
			if c := f.state(f.countryOf(e, facts)); c != "" {
				ids = appendUnique(ids, c)
			}
		}
	}
	return ids
}

// partiesTriggerClause: the parties named in the clause of the trigger,
// from the last complementizer or clause break before it up to the first
// instrument it governs (the parties of coordinated instruments are the
// same, and what stands between them is the first one's subject):
//
//	[أن] X و Y sign noun      وقعت الجزائر وتونس اتفاقية
func partiesTriggerClause(f *agreementFinder, x *nounCtx, ids []string) []string {
	if x.trigAt < 0 || x.trigAt >= x.n.i || f.triggerAt(x.trigAt) == trigApprove {
		return ids
	}
	t := f.t
	start := x.s.first
	for i := x.trigAt - 1; i >= x.s.first; i-- {
		if tk := &t.toks[i]; tk.is(cComplementizer) || isClausePunct(tk) && !tk.is(cParen) {
			start = i + 1
			break
		}
	}
	end := x.n.i
	for _, m := range x.nouns {
		if m.i > x.trigAt {
			end = min(end, m.i)
			break
		}
	}
	return f.collectParties(x, start, end, ids)
}

// partiesRelativeClause: the subject of a signing verb in a relative
// clause after the noun is a party:
//
//	noun [”] (التي | الذي) sign X     مذكرة التفاهم التي أبرمتها إثيوبيا
//	noun sign-adjective بين X و Y     handled by partiesBetweenWith
func partiesRelativeClause(f *agreementFinder, x *nounCtx, ids []string) []string {
	if len(ids) >= 2 || x.trigAt <= x.n.j || f.triggerAt(x.trigAt) != trigSign {
		return ids
	}
	return f.collectParties(x, x.trigAt+1, min(x.trigAt+3, x.s.last), ids)
}

// partiesPassiveAgents: the states of the agents of a passive signing (see
// passiveAgents):
//
//	[تم] sign … noun … (من قبل | من طرف) X و Y
func partiesPassiveAgents(f *agreementFinder, x *nounCtx, ids []string) []string {
	if len(ids) >= 2 || x.trig != trigSign {
		return ids
	}
	if lo, hi := f.passiveAgents(x); lo >= 0 {
		return f.collectParties(x, lo, hi, ids)
	}
	return ids
}

// partiesBetweenWith: the parties after بين or مع near the noun or the
// trigger, or the two parties of the discourse for a dual noun there:
//
//	noun … بين X و Y | مع X        اتفاقية بين قطر وتركيا
//	sign … مع البلدين
func partiesBetweenWith(f *agreementFinder, x *nounCtx, ids []string) []string {
	if len(ids) >= 2 {
		return ids
	}
	t := f.t
	for _, anchor := range []int{x.n.j, x.trigAt} {
		if anchor < 0 {
			continue
		}
		for i := anchor + 1; i < x.s.last && i <= anchor+10; i++ {
			tk := &t.toks[i]
			if isClausePunct(tk) {
				break
			}
			if tk.is(cBetween) && (i == 0 || !t.toks[i-1].is(cFrom)) || tk.is(cWith) {
				end := f.listEnd(i+1, x.s.last)
				before := len(ids)
				ids = f.collectParties(x, i+1, end, ids)
				if len(ids) == before {
					ids = f.duals(i+1, end, ids)
				}
				if tk.is(cWith) && i+1 < len(t.toks) && t.toks[i+1].readsCounterpart() {
					ids = f.sentenceSubject(x, ids) // X … مع نظيره Y: X's state too
				}
				break
			}
		}
	}
	return ids
}

// sentenceSubject adds the state of the first person of the sentence,
// before the trigger: the one whose counterpart (نظيره) the sentence names.
func (f *agreementFinder) sentenceSubject(x *nounCtx, ids []string) []string {
	end := x.n.i
	if x.trigAt >= 0 {
		end = min(end, x.trigAt)
	}
	for i := x.s.first; i < end; i++ {
		if e, _ := f.entityAt(i); e != nil && e.Kind == KindPerson {
			if c := f.state(e.Country); c != "" {
				return appendUnique(ids, c)
			}
			return ids
		}
	}
	return ids
}

// partiesSides: states named by a side and a demonym; with مع الجانب X
// said by a person or a state body, the speaker's state is the other
// party:
//
//	(الجانب | الطرف | الوفد) demonym     عن الجانب الأردني … وعن الجانب العراقي
//	speaker … مع الجانب demonym          وأكد وزير الخارجية الجزائري أن المفاوضات مع الجانب المغربي
func partiesSides(f *agreementFinder, x *nounCtx, ids []string) []string {
	if len(ids) >= 2 {
		return ids
	}
	t := f.t
	with := false
	for i := x.s.first; i+1 < x.s.last; i++ {
		if tk := &t.toks[i]; tk.leadingArticle() && tk.has(cSide) {
			if c := f.state(f.g.demonym(&t.toks[i+1])); c != "" {
				ids = appendUnique(ids, c)
				with = with || i > 0 && t.toks[i-1].is(cWith)
			}
		}
	}
	if !with || len(ids) != 1 {
		return ids
	}
	if src := f.entity(x.source); src != nil && (src.Kind == KindPerson || f.facts(x.source).national) {
		if c := f.state(src.Country); c != "" && c != ids[0] {
			ids = append([]string{c}, ids...)
		}
	}
	return ids
}

// partiesDualNouns: the two parties of the discourse for a dual noun of
// the sentence (البلدين، الجانبان، الطرفين).
func partiesDualNouns(f *agreementFinder, x *nounCtx, ids []string) []string {
	if len(ids) >= 2 {
		return ids
	}
	return f.duals(x.s.first, x.s.last, ids)
}

// listEnd returns where the list of names that starts at token i ends: at
// the end of its clause (see clauseEnd), except that a comma followed by
// و goes on with the list (بين حكومتي السعودية، وماليزيا).
func (f *agreementFinder) listEnd(i, last int) int {
	for {
		end := f.clauseEnd(i, last, nil, 0)
		if end+1 >= last || !f.t.toks[end].is(cComma) || !f.t.toks[end+1].startsWithWa() {
			return end
		}
		i = end + 1
	}
}

// collectParties adds the parties named in tokens [lo, hi), outside the
// subject and other than the source: states, organisations, and the
// states of people named with their state (وزير الدفاع التركي خلوصي أكار).
func (f *agreementFinder) collectParties(x *nounCtx, lo, hi int, ids []string) []string {
	var att attendance
	for i := lo; i < hi; i++ {
		tk := &f.t.toks[i]
		if att.after(tk) || x.inSubject(f.t, i) {
			continue
		}
		if e := f.ents.at(i); e >= 0 {
			if f.ents.ents[e].Kind == KindCity && i > 0 && f.t.toks[i-1].is(cIn) {
				continue // في القاهرة: where, not who
			}
			if id := f.partyID(e); id != "" && id != x.source {
				ids = appendUnique(ids, id)
			}
			continue
		}
		if id := f.officeState(i); id != "" {
			ids = appendUnique(ids, id)
		}
	}
	return ids
}

// officeState returns the state of an office named by its title alone at
// token i (وزير الخارجية العراقي، وزير الخارجية in a Saudi story): the
// country of a demonym within the title, else the article's home state.
func (f *agreementFinder) officeState(i int) string {
	t := f.t
	if !t.toks[i].readsOffice() {
		return ""
	}
	for k := i + 1; k < len(t.toks) && k <= i+4 && t.toks[k].sent == t.toks[i].sent; k++ {
		if f.ents.at(k) >= 0 {
			return "" // a named person or body: its own state counts
		}
		if c := f.g.demonym(&t.toks[k]); c != "" {
			return f.state(c)
		}
		if !t.toks[k].leadingArticle() {
			break
		}
	}
	return f.state(f.homeState())
}

// homeState returns the state an article is from: the country of the city
// of its dateline (بغداد - …), else of the agency that reports it, else
// the state it names most; "" when none. It is computed once.
func (f *agreementFinder) homeState() string {
	if f.home != nil {
		return *f.home
	}
	home := f.datelineState()
	if home == "" && f.docSource != "" {
		if e := f.entity(f.docSource); e != nil {
			home = e.Country
		}
	}
	if home == "" {
		home = f.mostNamedState()
	}
	f.home = &home
	return home
}

// datelineState returns the country of a city among the first words of
// the text, before a dash or a line break: the dateline.
func (f *agreementFinder) datelineState() string {
	t := f.t
	for i := 0; i < len(t.toks) && i < 12; i++ {
		if i > 0 && (t.toks[i].brk || t.toks[i].is(cDash)) && f.isCity(i-1) {
			e, _ := f.entityAt(i - 1)
			return e.Country
		}
	}
	return ""
}

// mostNamedState returns the country with the most mentions, the first
// named on a tie, or "".
func (f *agreementFinder) mostNamedState() string {
	best, most := "", 0
	for _, e := range f.ents.ents {
		if e.Kind == KindCountry && len(e.Mentions) > most {
			best, most = e.ID, len(e.Mentions)
		}
	}
	return best
}

// countryOf returns the state of an entity: its Country, or for a national
// institution whose state the text does not give (امانة مجلس الوزراء),
// the article's home state.
func (f *agreementFinder) countryOf(e *Entity, facts entityFacts) string {
	if e.Country == "" && facts.national {
		return f.homeState()
	}
	return e.Country
}

// partyOf returns the ID under which an entity can be a party: see
// partyID.
func (f *agreementFinder) partyOf(e *Entity, facts entityFacts) string {
	switch e.Kind {
	case KindCountry:
		return e.ID
	case KindCity, KindPerson:
		return f.state(e.Country)
	case KindOrganization:
		if facts.national {
			if id := f.state(f.countryOf(e, facts)); id != "" || facts.hidden {
				return id
			}
		}
		return e.ID
	}
	return ""
}

// partiesFromSignatories gives an agreement with no parties the states of
// its signatories.
func partiesFromSignatories(f *agreementFinder, x *nounCtx) {
	if len(x.a.Parties) > 0 {
		return
	}
	for _, id := range x.a.Signatories {
		if e := f.entity(id); e != nil {
			if c := f.state(e.Country); c != "" {
				x.a.Parties = appendUnique(x.a.Parties, c)
			}
		}
	}
}

// duals resolves البلدين، الجانبين… in tokens [lo, hi) to the two parties in
// context: those of the latest agreement with two parties, else the two
// countries named most recently.
func (f *agreementFinder) duals(lo, hi int, ids []string) []string {
	t := f.t
	for i := lo; i < hi; i++ {
		if !t.toks[i].has(cDual) {
			continue
		}
		for k := len(f.out) - 1; k >= max(0, len(f.out)-recent); k-- {
			if len(f.out[k].Parties) == 2 {
				for _, id := range f.out[k].Parties {
					ids = appendUnique(ids, id)
				}
				return ids
			}
		}
		var recent []string
		for j := i - 1; j >= max(0, i-10*window) && len(recent) < 2; j-- {
			if e, _ := f.entityAt(j); e != nil && e.Kind == KindCountry {
				recent = appendUnique(recent, e.ID)
			}
		}
		if len(recent) == 2 {
			for _, id := range recent {
				ids = appendUnique(ids, id)
			}
		}
		return ids
	}
	return ids
}

// partyID returns the ID under which entity e can be a party: countries
// and organisations as they are; a city, a person or a national
// institution as its state, when known.
func (f *agreementFinder) partyID(e int) string {
	return f.partyOf(&f.ents.ents[e], f.ents.facts[e])
}

// state returns the country code as a party, noting it as implied when the
// Document has no entity for it (القطري، مجلس الشورى القطري، عن الجانب
// الأردني), so that the driver can add it: every party is an entity of the
// Document. It returns "" for an unknown code.
func (f *agreementFinder) state(code string) string {
	if code == "" {
		return ""
	}
	if _, ok := f.byID[code]; ok {
		return code
	}
	if f.g.countryName(code) == "" {
		return ""
	}
	f.byID[code] = len(f.ents.ents) + len(f.implied)
	f.implied = append(f.implied, code)
	return code
}
