package arnews

// This file holds the steps that find where an agreement was signed and
// who reported it.

// placeAndVenue takes, for a signing, the place and the venue after the
// noun (or the signing word before it) and before the next instrument:
//
//	في city                   الموقعة في الجزائر العاصمة: the place
//	بـorganisation            في مراسم أقيمت بوزارة الخارجية: the venue (not a news agency)
func placeAndVenue(f *agreementFinder, x *nounCtx) {
	a := x.a
	if a.Place != "" || rank(a.Status) < rank(StatusSigned) || !f.signingIn(x.s) {
		return
	}
	t := f.t
	from := x.n.j
	if x.trig == trigSign && x.trigAt >= 0 {
		from = min(x.trigAt, x.n.j)
	}
	for i := from + 1; i < x.nextNoun(); i++ {
		ent, facts := f.entityAt(i)
		if ent == nil || x.inSubject(t, i) {
			continue
		}
		switch {
		case ent.Kind == KindCity && i > 0 && t.toks[i-1].is(cIn):
			if a.Place == "" {
				a.Place = ent.ID
			}
		case ent.Kind == KindOrganization && t.toks[i].leadingBi() && !facts.newsAgency && !facts.hidden:
			if a.Venue == "" {
				a.Venue = ent.ID
			}
		}
	}
}

// signingIn reports whether sentence s has a signing word.
func (f *agreementFinder) signingIn(s sentence) bool {
	for i := s.first; i < s.last; i++ {
		if f.triggerAt(i) == trigSign {
			return true
		}
	}
	return false
}

// sourceStep gives the agreement the reporter of its sentence.
func sourceStep(f *agreementFinder, x *nounCtx) {
	if x.a.Source == "" {
		x.a.Source = x.source
	}
}

// source finds who reports sentence si (see reporter; a speech verb
// followed at once by أن, وأضافت أن …, has the reporter of the sentence
// before), or else the agency of the dateline.
func (f *agreementFinder) source(si int) string {
	if src := f.reporter(si, true); src != "" {
		return src
	}
	return f.docSource
}

// reporter finds who reports sentence si, within its first twelve words:
//
//	(speech-verb | attribution) … organisation | person     ذكرت وكالة الأنباء القطرية
//	(speech-verb | attribution) … الوكالة                   the agency last named
//	speech-verb أن                                          the reporter of the sentence before
func (f *agreementFinder) reporter(si int, inherit bool) string {
	t := f.t
	s := t.sents[si]
	for i := s.first; i < s.last && i < s.first+12; i++ {
		tk := &t.toks[i]
		if tk.kind != tokWord || !tk.has(cSpeech, cAttribution) {
			continue
		}
		for j := i + 1; j < s.last && j <= i+8; j++ {
			w := &t.toks[j]
			if isClausePunct(w) && !w.is(cParen) {
				break
			}
			if w.is(cComplementizer) {
				if j == i+1 && si > 0 && inherit {
					return f.reporter(si-1, false)
				}
				break
			}
			if ent, facts := f.entityAt(j); ent != nil {
				switch {
				case facts.hidden:
					return f.state(ent.Country) // قالت الحكومة الصومالية: the state
				case ent.Kind == KindOrganization || ent.Kind == KindPerson:
					return ent.ID
				}
				break
			}
			if w.is(cAgencyRef) {
				if id := f.lastAgency(w.span.Start); id != "" {
					return id
				}
			}
		}
	}
	return ""
}

// dateline returns the news organisation named in a dateline at the head
// of the text: a first line of at most six tokens that names an agency
// (الرياض - واس), or an organisation in parentheses or after a dash within
// the first six tokens (القاهرة (رويترز) - …، الدوحة - قنا - …).
func (f *agreementFinder) dateline() string {
	t := f.t
	if len(t.toks) == 0 {
		return ""
	}
	if s := t.sents[0]; len(t.sents) > 1 && s.last-s.first <= 6 {
		for i := s.first; i < s.last; i++ {
			if ent, facts := f.entityAt(i); ent != nil && facts.newsAgency {
				return ent.ID
			}
		}
	}
	for i := 1; i < len(t.toks) && i < 6; i++ {
		ent, facts := f.entityAt(i)
		if ent == nil || ent.Kind != KindOrganization || facts.hidden {
			continue
		}
		if t.toks[i-1].is(cParen, cDash) {
			return ent.ID
		}
	}
	return ""
}

// lastAgency returns the ID of the news agency mentioned last before off.
func (f *agreementFinder) lastAgency(off int) string {
	best, bestAt := "", -1
	for k, e := range f.ents.ents {
		if !f.ents.facts[k].newsAgency {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < off && m.Start > bestAt {
				best, bestAt = e.ID, m.Start
			}
		}
	}
	return best
}
