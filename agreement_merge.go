package arnews

import (
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"
)

// This file holds the document pass of the agreement stage: the headline,
// the lead and the body of a story report the same signing, each naming
// the instrument again (اتفاقية … الاتفاقية … اتفاقا); the pass folds the
// records of one instrument into one agreement, the others becoming its
// mentions, while two instruments that differ in kind, parties, date or
// subject stay apart.

// record is what the stage knows of an agreement beyond its public
// fields.
type record struct {
	first   int    // byte offset of its first mention
	sent    int    // the sentence of its first mention
	plural  bool   // named by a plural or dual noun or counted: a group of instruments
	dual    bool   // named by a dual noun: two instruments
	ordinal int    // the place of one instrument of a list: مذكرة التفاهم الأولى, 1
	items   []Span // the subjects of the instruments a group lists
	another bool   // named as another one (اتفاقا جديدا، مذكرة أخرى)
	name    string // the name it is known by: the place of اتفاق ستوكهولم, the adjective of اتفاق شامل
	weak    bool   // signed only by an imperfect verb (يوقعان): today or to come
	merged  bool   // folded into an earlier record
}

// consolidate folds every agreement into the earliest earlier one it is
// compatible with (see sameInstrument), and drops the folded ones.
func (f *agreementFinder) consolidate() {
	for j := range f.out {
		for i := 0; i < j; i++ {
			if f.recs[i].merged || !f.sameInstrument(i, j) {
				continue
			}
			f.merge(i, j)
			break
		}
	}
	out, recs := f.out[:0], f.recs[:0]
	for i := range f.out {
		if !f.recs[i].merged {
			out, recs = append(out, f.out[i]), append(recs, f.recs[i])
		}
	}
	f.out, f.recs = out, recs
}

// sameInstrument reports whether agreements i and j (i before j) can be
// one instrument:
//
//	sentence    not the same: instruments named in one sentence differ;
//	            one named as another (اتفاقا جديدا) differs from those before
//	name        the same, when both have one (اتفاق الحديدة, اتفاق ستوكهولم)
//	kind        equal, or the headline's generic agreement (اتفاقا) for the
//	            body's specific instrument (مذكرة تفاهم); a generic noun after
//	            a specific one that does not refer back to it (الاتفاقية العامة
//	            للتعاون after مذكرة تفاهم) is another instrument
//	number      both single, both duals or both groups; the same ordinal
//	parties     one set within the other (or one empty)
//	dates       the same signing date, or one unknown
//	subjects    one empty, or the words of one among those of the other, or
//	            the headline's and the lead's, or both of one name
func (f *agreementFinder) sameInstrument(i, j int) bool {
	a, b := &f.out[i], &f.out[j]
	if f.inPackage(i, j) {
		return true
	}
	return f.recs[i].sent != f.recs[j].sent && !f.recs[j].another && f.recs[i].plural == f.recs[j].plural &&
		(f.recs[i].name == "" || f.recs[j].name == "" || f.recs[i].name == f.recs[j].name) &&
		f.recs[i].dual == f.recs[j].dual && f.recs[i].ordinal == f.recs[j].ordinal &&
		(a.Kind == b.Kind || f.headline(f.recs[i].sent) && a.Kind == InstrumentAgreement && specific(b.Kind)) &&
		(subset(a.Parties, b.Parties) || subset(b.Parties, a.Parties)) &&
		compatibleDates(a.Signed, b.Signed) &&
		(f.compatibleSubjects(a.Subject, b.Subject) || f.headlineLead(i, j) || f.recs[i].name != "" && f.recs[i].name == f.recs[j].name)
}

// inPackage reports whether agreement j is a plural that speaks again of
// the package i counts (أكثر من 25 اتفاقية … إضافة إلى اتفاقيات تعاون في
// مجالات الصحة): the same kind or the generic one, parties one within the
// other.
func (f *agreementFinder) inPackage(i, j int) bool {
	a, b := &f.out[i], &f.out[j]
	return a.Count > 0 && f.recs[j].plural && !f.recs[j].dual && b.Count == 0 && f.recs[j].ordinal == 0 &&
		(a.Kind == b.Kind || b.Kind == InstrumentAgreement) &&
		(subset(a.Parties, b.Parties) || subset(b.Parties, a.Parties))
}

// headlineLead reports whether agreement i is the headline's and j the
// first one the body names after it: the headline and the lead report
// the same event, whatever words each uses for its subject.
func (f *agreementFinder) headlineLead(i, j int) bool {
	if !f.headline(f.recs[i].sent) {
		return false
	}
	for k := i + 1; k < j; k++ {
		if f.recs[k].sent != f.recs[i].sent && !f.recs[k].merged {
			return false
		}
	}
	return true
}

// specific reports whether kind names an instrument more precisely than
// the generic agreement: a memorandum, treaty, protocol or charter (not a
// deal, contract or partnership, which the text may call an agreement too).
func specific(kind AgreementKind) bool {
	switch kind {
	case InstrumentMemorandum, InstrumentTreaty, InstrumentProtocol, InstrumentCharter:
		return true
	}
	return false
}

// compatibleDates reports whether two signing dates can be one: equal, or
// one of them unknown.
func compatibleDates(a, b *Date) bool {
	return a == nil || b == nil || a.Value() == b.Value()
}

// compatibleSubjects reports whether two subjects can be one: either is
// empty, or the content words of one are all among those of the other
// (التعاون الدفاعي, التعاون الدفاعي بين البلدين), names left aside. Two
// programmes للتعاون في مجال الصحة and في مجال التكوين المهني differ.
func (f *agreementFinder) compatibleSubjects(a, b Mention) bool {
	if a.Text == "" || b.Text == "" {
		return true
	}
	wa, wb := f.subjectStems(a.Span), f.subjectStems(b.Span)
	return within(wa, wb) || within(wb, wa)
}

// subjectStems returns contentStems of subject span sp, read once.
func (f *agreementFinder) subjectStems(sp Span) map[string]bool {
	if w, ok := f.subjectWords[sp]; ok {
		return w
	}
	if f.subjectWords == nil {
		f.subjectWords = map[Span]map[string]bool{}
	}
	w := f.contentStems(sp)
	f.subjectWords[sp] = w
	return w
}

// within reports whether every word of a is in b.
func within(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// contentStems returns the stems (the longest proclitic split) of the
// words of three letters or more in span sp that name no entity.
func (f *agreementFinder) contentStems(sp Span) map[string]bool {
	words := map[string]bool{}
	coverTokens(f.t, sp, func(i int) {
		tk := &f.t.toks[i]
		if tk.kind != tokWord || tk.is(cFunc) || f.ents.at(i) >= 0 {
			return
		}
		c := tk.stems()
		if w := tk.stem(c[len(c)-1]); utf8.RuneCountInString(w) >= 3 {
			words[w] = true
		}
	})
	return words
}

// headline reports whether sentence si is the headline: among the first
// lines of the text (a masthead or a byline may come first), alone on its
// line and with no full stop, and before the first agreement told in a
// sentence.
func (f *agreementFinder) headline(si int) bool {
	t := f.t
	if si+1 >= len(t.sents) || t.toks[t.sents[si].first].span.Start > 400 {
		return false
	}
	s := t.sents[si]
	last := &t.toks[s.last-1]
	if !t.toks[s.last].brk || last.kind == tokPunct && t.endsSentence(s.last-1) {
		return false
	}
	for k := range f.recs {
		if f.recs[k].sent < si {
			return false
		}
	}
	return true
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// merge folds agreement j into agreement i: j's mentions become i's, and
// what i lacks comes from j. The stronger status wins; the specific kind
// wins over the generic one.
func (f *agreementFinder) merge(i, j int) {
	a, b := &f.out[i], &f.out[j]
	f.recs[j].merged = true
	a.Mentions = append(a.Mentions, Mention{Text: b.Text, Span: b.Span})
	a.Mentions = append(a.Mentions, b.Mentions...)
	slices.SortFunc(a.Mentions, func(x, y Mention) int { return x.Start - y.Start })
	if a.Kind == InstrumentAgreement && specific(b.Kind) {
		a.Kind = b.Kind
	}
	f.mergeStatus(i, j)
	for _, p := range b.Parties {
		a.Parties = appendUnique(a.Parties, p)
	}
	for _, p := range b.Signatories {
		a.Signatories = appendUnique(a.Signatories, p)
	}
	if a.Subject.Text == "" {
		a.Subject = b.Subject
	}
	if a.Signed == nil || b.Signed != nil && explicit(b.Signed) && !explicit(a.Signed) {
		if b.Signed != nil {
			a.Signed = b.Signed
		}
	}
	if a.Effective == nil {
		a.Effective = b.Effective
	}
	a.Count = max(a.Count, b.Count)
	if len(f.recs[i].items) == 0 {
		f.recs[i].items = f.recs[j].items
	}
	a.Place = cmp.Or(a.Place, b.Place)
	a.Venue = cmp.Or(a.Venue, b.Venue)
	a.Source = cmp.Or(a.Source, b.Source)
}

// count returns the number written right before the noun n (25 اتفاقية،
// أكثر من 25 اتفاقية), or 0.
func (f *agreementFinder) count(n nounMatch) int {
	if n.i == 0 || f.t.toks[n.i].ncut > 1 && n.c.at != 0 {
		return 0
	}
	tk := &f.t.toks[n.i-1]
	if tk.kind != tokNumber || tk.sent != f.t.toks[n.i].sent {
		return 0
	}
	v, err := strconv.Atoi(tk.norm)
	if err != nil || v < 2 || v > 1000 {
		return 0
	}
	return v
}

// mergeStatus gives agreement i the stronger status of i and j; but a
// signing told only in the imperfect (a headline's توقعان اليوم) gives way
// to a signing told in the future (ستوقع غدا): it has not happened yet.
func (f *agreementFinder) mergeStatus(i, j int) {
	a, b := &f.out[i], &f.out[j]
	ri, rj := &f.recs[i], &f.recs[j]
	switch {
	case ri.weak && b.Status == StatusNegotiating && !rj.weak:
		a.Status, ri.weak = StatusNegotiating, false
	case rj.weak && a.Status == StatusNegotiating:
	case rank(b.Status) > rank(a.Status):
		a.Status, ri.weak = b.Status, rj.weak
	case b.Status == a.Status:
		ri.weak = ri.weak && rj.weak
	}
}

// another reports whether the noun n is named as another instrument than
// those before: an adjective جديد، أخرى right after it.
func (f *agreementFinder) another(n nounMatch) bool {
	k := n.j + 1
	return k < len(f.t.toks) && f.t.toks[k].sent == f.t.toks[n.i].sent && f.t.toks[k].is(cAnother)
}
