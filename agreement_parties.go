package arnews

// This file holds the steps that find the parties of an agreement. They
// run in order; the later ones only while fewer than two parties are
// known.

// partiesStep finds the parties of the instrument when it has none yet.
func partiesStep(f *agreementFinder, x *nounCtx) {
	if len(x.a.Parties) > 0 {
		return
	}
	var ids []string
	for _, step := range partySteps {
		ids = step(f, x, ids)
	}
	x.a.Parties = ids
}

// partySteps are the ways parties are found, in order. Each takes the
// parties found so far and returns them with its own added.
var partySteps = []func(f *agreementFinder, x *nounCtx, ids []string) []string{
	partiesAnnouncer,
	partiesApproverState,
	partiesTriggerClause,
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
		ids = appendUnique(ids, x.source)
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
		if e, _ := f.entityAt(i); e != nil && e.Kind == KindOrganization {
			if c := f.state(e.Country); c != "" {
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
				end := f.clauseEnd(i+1, x.s.last, nil, 0)
				before := len(ids)
				ids = f.collectParties(x, i+1, end, ids)
				if len(ids) == before {
					ids = f.duals(i+1, end, ids)
				}
				break
			}
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

// collectParties adds the parties named in tokens [lo, hi), outside the
// subject and other than the source.
func (f *agreementFinder) collectParties(x *nounCtx, lo, hi int, ids []string) []string {
	for i := lo; i < hi; i++ {
		if x.inSubject(f.t, i) {
			continue
		}
		if e := f.ents.at(i); e >= 0 {
			if id := f.partyID(e); id != "" && id != x.source {
				ids = appendUnique(ids, id)
			}
		}
	}
	return ids
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
// and organisations as they are, a city or a national institution as its
// state when known, persons not at all.
func (f *agreementFinder) partyID(e int) string {
	ent, facts := &f.ents.ents[e], f.ents.facts[e]
	switch ent.Kind {
	case KindCountry:
		return ent.ID
	case KindCity, KindOrganization:
		if ent.Kind == KindCity || facts.national {
			if id := f.state(ent.Country); id != "" {
				return id
			}
		}
		if ent.Kind == KindOrganization {
			return ent.ID
		}
	}
	return ""
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
