package arnews

// This file holds the steps that find who signed an agreement.

// signatories takes the people between the signing word and the noun; or,
// when the noun follows the verb, the people after the noun up to a clause
// break that does not go on with و:
//
//	sign … person … noun                       وقع وزير الخارجية فؤاد حسين اتفاقية
//	sign noun عن الجانب X person [، وعن …]      ووقع الاتفاقيات عن الجانب السعودي وزير الاستثمار …
//	noun … sign … person                       (the noun before the verb)
//	[تم] sign … noun … (من قبل | من طرف) people   the agents of a passive
func signatories(f *agreementFinder, x *nounCtx) {
	if x.trig != trigSign || x.trigAt < 0 {
		return
	}
	if lo, hi := f.passiveAgents(x); lo >= 0 {
		f.people(lo, hi, x.a)
		return
	}
	n := x.n
	lo, hi := min(x.trigAt, n.i), max(x.trigAt, n.i)
	if x.trigAt > n.j {
		lo, hi = n.j, x.trigAt
	}
	if f.people(lo+1, hi, x.a) || x.trigAt >= n.i {
		return
	}
	end := x.nextNoun()
	for i := n.j + 1; i < end; i++ {
		if isClausePunct(&f.t.toks[i]) && (i+1 >= end || !f.t.toks[i+1].startsWithWa()) {
			end = i
			break
		}
	}
	f.people(n.j+1, end, x.a)
}

// attendance tracks, token by token, whether a clause has reached an
// attendance word (بحضور، برعاية، استقبل): the people after it attend, and
// are neither parties nor signatories, until the clause ends.
type attendance bool

// after reads tk and reports whether it stands after an attendance word of
// its clause (the word itself included).
func (a *attendance) after(tk *token) bool {
	switch {
	case isClausePunct(tk):
		*a = false
	case tk.is(cAttendance) || tk.leadingWa() && tk.has(cAttendance):
		*a = true
	}
	return bool(*a)
}

// people adds the persons named in tokens [lo, hi) to a's signatories and
// reports whether there were any. People after an attendance word (بحضور،
// برعاية، استقبل) attend: they are skipped until the clause ends.
func (f *agreementFinder) people(lo, hi int, a *Agreement) bool {
	found := false
	var att attendance
	for i := lo; i < hi; i++ {
		tk := &f.t.toks[i]
		if att.after(tk) {
			continue
		}
		if e, _ := f.entityAt(i); e != nil && e.Kind == KindPerson {
			a.Signatories = appendUnique(a.Signatories, e.ID)
			found = true
		}
	}
	return found
}

// passiveAgents returns the tokens [lo, hi) of the agents of a passive
// signing after the noun, from the word after من قبل or من طرف to the end
// of the clause (تم التوقيع على اتفاق … من قبل وزير الصحة … ووزيرة الصحة
// الروسية …), or -1.
func (f *agreementFinder) passiveAgents(x *nounCtx) (int, int) {
	t := f.t
	for k := x.n.after + 1; k+1 < x.s.last && k <= x.n.after+12; k++ {
		if t.toks[k].is(cFrom) && t.toks[k+1].is(cAgent) {
			return k + 2, f.listEnd(k+2, x.s.last)
		}
		if isClausePunct(&t.toks[k]) && !t.toks[k].is(cComma) {
			break
		}
	}
	return -1, -1
}
