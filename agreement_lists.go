package arnews

// This file holds the rules for instruments the text lists: a dual noun
// names two (مذكرتي تفاهم حول X، وY), a counted or plural noun followed by
// its list names one per item (ثلاث مذكرات تفاهم، وهي X، وY، وZ), and an
// ordinal names one instrument of a list announced before (مذكرة التفاهم
// الأولى، الاتفاقية الثانية بمثابة بروتوكول), which then replaces the
// group. A package the text never itemizes stays one agreement with its
// Count.

// appositions finds, after a listed instrument (الاتفاقية الأولى), the
// instrument noun that says what it is, and drops that noun from the list
// of nouns:
//
//	noun ordinal [،] [فهي|هي] [بمثابة] [ب]noun2     الاتفاقية الرابعة فهي بمثابة مذكرة تفاهم
//
// The first noun takes the kind of the second when it is specific, and
// its phrase ends after the second.
func (f *agreementFinder) appositions(nouns []nounMatch) []nounMatch {
	out := nouns[:0]
	for k := 0; k < len(nouns); k++ {
		n := nouns[k]
		if n.ordinal != 0 && k+1 < len(nouns) && f.apposed(n.j, nouns[k+1].i) {
			next := nouns[k+1]
			if specific(next.in.kind) || next.in.weak {
				n.in.kind = next.in.kind
			}
			n.after = next.j
			k++
		}
		out = append(out, n)
	}
	return out
}

// apposed reports whether only an apposition stands between the tokens j
// and i: a comma, هي, بمثابة, or nothing (the noun at i may carry ب).
func (f *agreementFinder) apposed(j, i int) bool {
	t := f.t
	if i-j > 4 {
		return false
	}
	for k := j + 1; k < i; k++ {
		tk := &t.toks[k]
		if !tk.is(cComma) && !tk.has(cNamely) && !tk.is(cApposition) {
			return false
		}
	}
	return true
}

// listItems reads the list of subjects from token i, within its clause:
// phrases separated by a comma and و (X، وY، وZ), each item without the و
// and the preposition that may open it (وفي مجال Y). It returns the
// items, or nil for fewer than two.
func (f *agreementFinder) listItems(i, last int) []Span {
	t := f.t
	var items []Span
	c := cut{}
	for len(items) < 12 && i < last {
		end := f.clauseEnd(i, last, nil, 0)
		if end <= i {
			break
		}
		items = append(items, t.spanOf(i, c, end-1))
		sep := f.nextComma(end, last)
		if sep < 0 || sep+1 >= last || !t.toks[sep+1].startsWithWa() {
			break
		}
		i, c = f.itemStart(sep + 1)
		if tk := &t.toks[i]; i >= last || tk.is(cFunc) || tk.has(cClauseEnd) || f.triggerAt(i) != trigNone {
			break // وذلك بحضور …: the list is over
		}
	}
	if len(items) < 2 {
		return nil
	}
	return items
}

// nextComma returns the comma at or after token k that still belongs to
// the list (within eight words, before any other clause break), or -1.
func (f *agreementFinder) nextComma(k, last int) int {
	for limit := k + 8; k < last && k < limit; k++ {
		tk := &f.t.toks[k]
		switch {
		case tk.is(cComma):
			return k
		case isClausePunct(tk), f.triggerAt(k) != trigNone:
			return -1
		}
	}
	return -1
}

// itemStart returns where the item that starts at token i (a word with و)
// begins, and the cut of its first word: after a subject opener (وفي
// مجال، وحول، وبشأن), or at the word itself without its و.
func (f *agreementFinder) itemStart(i int) (int, cut) {
	t := f.t
	tk := &t.toks[i]
	switch {
	case tk.has(cSubjectPrep) && tk.ncut > 1:
		return i + 1, cut{}
	case tk.has(cIn) && i+1 < len(t.toks) && t.toks[i+1].has(cField):
		return i + 2, cut{}
	}
	for _, c := range tk.stems() {
		if conjOnly(tk, c) {
			return i, c
		}
	}
	return i, cut{}
}

// listedItems notes, for a dual or a group, the subjects of the
// instruments it lists: after هي (ثلاث مذكرات تفاهم، وهي X، وY، وZ), or
// from its subject (مذكرتي تفاهم حول X، وY).
func listedItems(f *agreementFinder, x *nounCtx) {
	if !x.n.in.plural {
		return
	}
	rec := &f.recs[f.index(x.a)]
	if len(rec.items) > 0 {
		return
	}
	t := f.t
	for k := x.n.after + 1; k < x.s.last && k <= x.n.after+3; k++ {
		if t.toks[k].has(cNamely) {
			rec.items = f.listItems(k+1, x.s.last)
			return
		}
		if !t.toks[k].is(cComma) && !t.toks[k].is(cClausePunct) {
			break
		}
	}
	if rec.dual && x.a.Subject.Text != "" {
		if st := f.subjectStart(x.n); st >= 0 {
			rec.items = f.listItems(st, x.s.last)
		}
	}
}

// expandLists turns a dual into two agreements and a group that lists its
// instruments into one per item, and drops a group whose instruments the
// text then names one by one (مذكرة التفاهم الأولى …), passing to them
// what they do not say themselves.
func (f *agreementFinder) expandLists() {
	var out []Agreement
	var recs []record
	for i := range f.out {
		a, r := f.out[i], f.recs[i]
		if r.plural && len(r.items) < 2 && f.itemized(i) {
			continue
		}
		n := len(r.items)
		if r.dual {
			n = 2
		}
		if n < 2 || !r.dual && len(r.items) < 2 {
			out, recs = append(out, a), append(recs, r)
			continue
		}
		for k := range n {
			b := a
			b.Count = 0
			if k < len(r.items) {
				sp := r.items[k]
				b.Subject = Mention{Text: f.t.src[sp.Start:sp.End], Span: sp}
			}
			if k > 0 {
				b.Mentions = nil
			}
			f.foldOrdinal(i, k+1, &b)
			out, recs = append(out, b), append(recs, record{first: r.first, sent: r.sent})
		}
	}
	f.out, f.recs = nil, nil
	for i := range out {
		if !recs[i].merged {
			f.out, f.recs = append(f.out, out[i]), append(f.recs, recs[i])
		}
	}
}

// foldOrdinal folds into item, the place-th instrument that the group i
// lists, the later agreement that names it by its ordinal (ثلاث مذكرات
// تفاهم، وهي … then مذكرة التفاهم الأولى): its mentions, signatories and
// what the item lacks.
func (f *agreementFinder) foldOrdinal(i, place int, item *Agreement) {
	for j := i + 1; j < len(f.out); j++ {
		if f.recs[j].ordinal != place || f.recs[j].merged || f.out[j].Kind != item.Kind {
			continue
		}
		o := &f.out[j]
		f.recs[j].merged = true
		item.Mentions = append(item.Mentions, Mention{Text: o.Text, Span: o.Span})
		item.Mentions = append(item.Mentions, o.Mentions...)
		for _, p := range o.Signatories {
			item.Signatories = appendUnique(item.Signatories, p)
		}
		if item.Signed == nil {
			item.Signed = o.Signed
		}
		return
	}
}

// itemized reports whether the group i is followed by instruments named by
// their ordinals, each of which then takes from the group what it lacks.
func (f *agreementFinder) itemized(i int) bool {
	g := &f.out[i]
	found := false
	var last *Agreement // the last item with two parties
	for j := i + 1; j < len(f.out); j++ {
		if f.recs[j].ordinal == 0 || g.Kind != InstrumentAgreement && f.out[j].Kind != g.Kind {
			continue
		}
		found = true
		inherit(&f.out[j], g)
		if item := &f.out[j]; len(item.Parties) < 2 && last != nil && subset(item.Parties, last.Parties) {
			item.Parties = last.Parties // the same two sides, one of them named
		} else if len(item.Parties) >= 2 {
			last = item
		}
	}
	return found
}

// inherit gives an instrument of a list what its group says and it does
// not: parties (when its own are among the group's), status, dates, place
// and source.
func inherit(item, group *Agreement) {
	if len(item.Parties) < len(group.Parties) && subset(item.Parties, group.Parties) {
		item.Parties = group.Parties
	}
	if rank(group.Status) > rank(item.Status) {
		item.Status = group.Status
	}
	if item.Signed == nil {
		item.Signed = group.Signed
	}
	if item.Place == "" {
		item.Place = group.Place
	}
	if item.Source == "" {
		item.Source = group.Source
	}
}
