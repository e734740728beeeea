package arnews

import "time"

// Agreement is an agreement, treaty, memorandum of understanding or other
// instrument that a text reports, with who made it, about what, when and
// where.
//
// An agreement is anchored on an instrument noun (اتفاق، اتفاقية، معاهدة،
// مذكرة تفاهم، ترتيب، بروتوكول، ميثاق، إعلان، صفقة، عقد، شراكة). The
// nouns إعلان، صفقة، عقد، شراكة and a singular ترتيب count only when a
// signing, approval or entry-into-force word governs them in the sentence;
// a verb alone (اتفق المحللون على أن) makes no agreement.
type Agreement struct {
	// Kind is the instrument (see the constants of AgreementKind).
	Kind AgreementKind
	// Status is what the text reports (see the constants of Status).
	Status Status
	// Text and Span are the first mention of the instrument.
	Text string
	Span
	// Mentions are the later mentions that refer back to it (الاتفاقية،
	// الاتفاق، الترتيبات).
	Mentions []Mention
	// Parties and Signatories are IDs of entities in the Document's
	// Entities. A party may be a country the text only implies (the state
	// of a signatory, of an approving parliament, of عن الجانب الأردني): it
	// is then among the entities with no mentions.
	Parties     []string
	Signatories []string
	// Subject is what the agreement is about, a phrase of the text
	// (Subject.Text is empty when none was found).
	Subject Mention
	// Signed and Effective are the signing date and the date it takes
	// effect, or nil.
	Signed, Effective *Date
	// Place is the ID of the city or country where it was signed; Venue
	// the ID of the organisation whose premises hosted the signing; Source
	// the ID of the agency or person who reported it.
	Place, Venue, Source string
	// Count is how many instruments the agreement stands for when the text
	// reports a package it never itemizes (أكثر من 25 اتفاقية ومذكرة تفاهم:
	// 25); 0 when it is one instrument or the number is not given.
	Count int
	// CAMEO is the CAMEO event code for event databases: "057" (sign
	// formal agreement) for a signing, "046" (engage in negotiation) for
	// talks; empty otherwise.
	CAMEO string
}

// This file holds the Agreement type and the driver of the agreement
// stage: it finds the instrument nouns of each sentence and runs the named
// steps of the other files on each (agreement_status.go, _subject.go,
// _dates.go, _parties.go, _signatories.go, _place.go, _coref.go). The stage
// reads the tokens with the dates and entities already marked; it never
// writes into the Document: it returns the agreements and the states they
// imply, and the driver assembles the Document.

// nounMatch is an instrument noun found at tokens [i, j].
type nounMatch struct {
	i, j int
	c    cut
	in   instrument
	// ordinal is the place of one instrument in a list (مذكرة التفاهم
	// الأولى: 1), its ordinal included in [i, j]; 0 for none.
	ordinal int
	// after is the last token of the noun's phrase: j, or the end of an
	// apposition that names its kind (الاتفاقية الأولى بمثابة مذكرة تفاهم).
	after int
}

// agreementFinder holds the state of one findAgreements call.
type agreementFinder struct {
	t     *text
	g     *gazetteer
	lx    *lexicon
	dates *dateLayer
	ents  *entityLayer
	ref   time.Time
	out   []Agreement
	// recs holds what the stage knows of each agreement beyond its public
	// fields, parallel to out.
	recs []record
	// eventDate is the signing date of the first signed agreement, used
	// for signed agreements whose sentence gives no date.
	eventDate *Date
	// eventFrom is the offset of the first mention of the agreement
	// eventDate comes from: only the agreements first mentioned after it
	// take the date.
	eventFrom int
	// docSource is the agency of the dateline (الرياض - واس), if any.
	docSource string
	// byID indexes the entities by ID; implied lists the states that the
	// agreements imply without the text naming them, in order.
	byID    map[string]int
	implied []string
	// trig holds what triggerAt found at each token, plus one; 0 where
	// it has not been asked.
	trig []uint8
	// home is the article's state (see homeState), once known.
	home *string
	// subjectWords holds contentStems of each subject span consolidate
	// has compared: it compares every pair of agreements.
	subjectWords map[Span]map[string]bool
}

// findAgreements finds the agreements of t among the dates and entities
// already found. It returns them and the states they have as parties or
// through signatories that are not among the entities (implied states).
func findAgreements(t *text, dates *dateLayer, ents *entityLayer, g *gazetteer, ref time.Time) ([]Agreement, []string) {
	f := newAgreementFinder(t, dates, ents, g, ref)
	for si := range t.sents {
		f.sentence(si)
	}
	f.consolidate()
	f.expandLists()
	lead := f.leadDate()
	for i := range f.out {
		a := &f.out[i]
		switch {
		case a.Signed != nil || a.Status != StatusSigned:
		case f.eventDate != nil && f.recs[i].first > f.eventFrom:
			d := *f.eventDate
			a.Signed = &d
		case f.eventDate == nil && lead != nil:
			d := *lead
			a.Signed = &d
		}
		switch a.Status {
		case StatusSigned:
			a.CAMEO = "057"
		case StatusNegotiating:
			a.CAMEO = "046"
		}
	}
	return f.out, f.implied
}

// newAgreementFinder returns a finder over the layers of t.
func newAgreementFinder(t *text, dates *dateLayer, ents *entityLayer, g *gazetteer, ref time.Time) *agreementFinder {
	f := &agreementFinder{t: t, g: g, lx: builtinLexicon(), dates: dates, ents: ents, ref: ref, trig: make([]uint8, len(t.toks))}
	f.byID = make(map[string]int, len(ents.ents))
	for i, e := range ents.ents {
		f.byID[e.ID] = i
	}
	f.docSource = f.dateline()
	return f
}

// window is how far, in tokens, the rules look from an instrument noun
// within its sentence. It keeps the work per noun constant, so that time
// stays linear even for a text that is one huge sentence.
const window = 40

// recent is how many earlier agreements a later mention may refer to.
const recent = 16

// around returns sentence si cut to the window around the noun n.
func (f *agreementFinder) around(si int, n nounMatch) sentence {
	s := f.t.sents[si]
	s.first = max(s.first, n.i-window)
	s.last = min(s.last, n.j+window)
	return s
}

// nouns returns the instrument nouns of sentence si: a noun of the
// lexicon, with the second word it needs (مذكرة تفاهم, مذكرة التفاهم); a
// noun that needs one and lacks it counts only when it refers back
// (المذكرة).
func (f *agreementFinder) nouns(si int) []nounMatch {
	t := f.t
	s := t.sents[si]
	var nouns []nounMatch
	for i := s.first; i < s.last; i++ {
		tk := &t.toks[i]
		if tk.kind != tokWord || !tk.has(cInstrument) || t.inURL(i) {
			continue
		}
		stem, c, ok := f.instrumentStem(tk)
		if !ok {
			continue
		}
		in := f.lx.nouns[stem]
		j := i
		if in.next != "" {
			switch {
			case i+1 < s.last && t.toks[i+1].norm == in.next:
				j = i + 1
			case i+1 < s.last && t.toks[i+1].withoutArticle() == in.next && t.toks[i+1].norm != in.next:
				j = i + 1
				c.def = true // مذكرة التفاهم: definite through its second word
			case !c.def:
				continue
			}
		}
		n := nounMatch{i: i, j: j, c: c, in: in}
		if k := j + 1; k < s.last && t.toks[k].is(cItemOrdinal) && c.def && !in.plural {
			n.j, n.ordinal = k, f.lx.ordinals[t.toks[k].norm]
		}
		n.after = n.j
		nouns = append(nouns, n)
		i = n.j
	}
	return f.appositions(nouns)
}

// instrumentStem returns the stem of tk that is an instrument noun,
// preferring the longest proclitic split, and the cut used.
func (f *agreementFinder) instrumentStem(tk *token) (string, cut, bool) {
	cuts := tk.stems()
	for k := len(cuts) - 1; k >= 0; k-- {
		s := tk.stem(cuts[k])
		if _, ok := f.lx.nouns[s]; ok {
			return s, cuts[k], true
		}
	}
	return "", cut{}, false
}

// sentence finds the agreements of sentence si.
func (f *agreementFinder) sentence(si int) {
	nouns := f.nouns(si)
	if len(nouns) == 0 {
		return
	}
	source := f.source(si)
	var subjects []Span // subjects found in this sentence
	for k, n := range nouns {
		if f.skipNoun(nouns, k, subjects) {
			continue
		}
		trig, trigAt := f.trigger(si, n)
		if n.in.weak && trig == trigNone && !(n.c.def && n.in.plural) {
			continue
		}
		if n.c.def && n.in.plural && k+1 < len(nouns) && !nouns[k+1].c.def {
			// من بين الاتفاقيات التي ...، اتفاقية بشأن ...: a collective
			// that introduces the instrument after it.
			continue
		}
		// A weak noun with no trigger (الترتيبات) only refers back: العقود
		// القادمة are decades.
		a := f.agreementFor(n, si, !n.in.weak || trig != trigNone)
		if a == nil {
			continue
		}
		x := &nounCtx{a: a, si: si, n: n, trig: trig, trigAt: trigAt, source: source, nouns: nouns, k: k, s: f.around(si, n)}
		for _, step := range agreementSteps {
			step.run(f, x)
		}
		if a.Subject.Text != "" {
			subjects = append(subjects, a.Subject.Span)
			if len(subjects) > 4 {
				subjects = subjects[1:]
			}
		}
	}
}

// skipNoun reports whether the k-th noun of a sentence is no instrument of
// its own: part of another instrument's subject (اتفاقا للشراكة في …), a
// noun that qualifies the one before (اتفاق شراكة، اتفاقية تعاون), part of
// a package with the one before (see coordinatedInPackage), or the act of
// agreeing (see notInstrument).
func (f *agreementFinder) skipNoun(nouns []nounMatch, k int, subjects []Span) bool {
	n := nouns[k]
	if inSpans(f.t.toks[n.i].span, subjects) {
		return true
	}
	if k > 0 && n.i == nouns[k-1].j+1 && n.c.at == 0 {
		return true
	}
	for p := k - 1; p >= 0 && n.i-nouns[p].j <= 6; p-- {
		if f.coordinatedInPackage(nouns[p], n) {
			return true
		}
	}
	return f.notInstrument(n)
}

// instrumentName returns the ID of the place or body an instrument is
// named after, right after its noun (اتفاق ستوكهولم، إعلان الجزائر), or "".
func (f *agreementFinder) instrumentName(n nounMatch) string {
	t := f.t
	k := n.j + 1
	if n.c.def || k >= len(t.toks) || t.toks[k].sent != t.toks[n.i].sent {
		return ""
	}
	if e, _ := f.entityAt(k); e != nil && !t.toks[k].leadingBi() && !t.toks[k].leadingLi() {
		return e.ID
	}
	// A descriptive adjective names it too (اتفاق شامل … اتفاق شامل).
	if tk := &t.toks[k]; tk.kind == tokWord && !tk.leadingArticle() && !tk.is(cFunc, cAnother, cQualifier) && !tk.has(cInstrument, cSubjectPrep) &&
		f.triggerAt(k) == trigNone && f.dates.at(k) < 0 && !tk.startsWithWa() && !tk.leadingLi() && !tk.leadingBi() {
		return tk.norm
	}
	return ""
}

// coordinatedInPackage reports whether the noun n is coordinated with the
// plural or counted noun p before it, in one package: 25 اتفاقية ومذكرة
// تفاهم وبرنامج تعاون، خمس اتفاقات شراكة وتعاون ومذكرات تفاهم. Only و and
// words qualifying the instruments stand between.
func (f *agreementFinder) coordinatedInPackage(p, n nounMatch) bool {
	t := f.t
	if !p.in.plural && f.count(p) == 0 || n.i-p.j > 6 {
		return false
	}
	if !t.toks[n.i].leadingWa() && !t.toks[n.i-1].conjunctionAlone() {
		return false
	}
	for k := p.j + 1; k < n.i; k++ {
		tk := &t.toks[k]
		if !tk.conjunctionAlone() && !tk.has(cInstrument, cQualifier) {
			return false
		}
	}
	return true
}

// agreementFor returns the agreement the noun n (of sentence si) names: an
// earlier one it refers back to, with n added to its mentions, or a new
// one when newOK.
func (f *agreementFinder) agreementFor(n nounMatch, si int, newOK bool) *Agreement {
	t := f.t
	mc := n.c
	if t.toks[n.i].articleBefore(mc) {
		mc.at -= 4 // keep the article: الاتفاقية, not اتفاقية
	}
	mention := Mention{Span: t.spanOf(n.i, mc, n.j)}
	mention.Text = t.src[mention.Start:mention.End]
	if a := f.resolve(n); a != nil {
		a.Mentions = append(a.Mentions, mention)
		return a
	}
	if !newOK {
		return nil
	}
	count := f.count(n)
	f.out = append(f.out, Agreement{Kind: n.in.kind, Status: StatusMentioned, Text: mention.Text, Span: mention.Span, Count: count})
	f.recs = append(f.recs, record{first: mention.Start, sent: si, plural: n.in.plural || count > 1, dual: n.in.dual,
		ordinal: n.ordinal, another: f.another(n), name: f.instrumentName(n)})
	return &f.out[len(f.out)-1]
}

// nounCtx is what the steps know of the instrument noun they work on.
type nounCtx struct {
	a      *Agreement
	si     int       // the sentence
	n      nounMatch // the noun
	trig   triggerClass
	trigAt int // the token of the trigger, or -1
	source string
	nouns  []nounMatch // the instrument nouns of the sentence
	k      int         // n is nouns[k]
	s      sentence    // the sentence cut to the window around n
	status Status      // the status this mention reports, "" for none
	weak   bool        // the signing is told in the imperfect (يوقعان)
}

// inSubject reports whether token i lies in the agreement's subject.
func (x *nounCtx) inSubject(t *text, i int) bool {
	a := x.a
	return a.Subject.Text != "" && t.toks[i].span.Start >= a.Subject.Start && t.toks[i].span.End <= a.Subject.End
}

// nextNoun returns the first token of the instrument after n in the
// sentence, or the end of the window.
func (x *nounCtx) nextNoun() int {
	if x.k+1 < len(x.nouns) {
		return x.nouns[x.k+1].i
	}
	return x.s.last
}

// agreementStep is one named step of the agreement stage: it decides one
// thing about the agreement of a noun.
type agreementStep struct {
	name string
	run  func(f *agreementFinder, x *nounCtx)
}

// agreementSteps are run, in order, on every instrument noun; each step's
// function says what it reads.
var agreementSteps = []agreementStep{
	{"status from the trigger", statusFromTrigger},
	{"subject after the noun", subjectAfterNoun},
	{"listed instruments", listedItems},
	{"effective date", effectiveDate},
	{"signing date attached to the noun", signedNearNoun},
	{"signing date after a signing word", signedAfterTrigger},
	{"signing date of the sentence", signedInSentence},
	{"stale signing", staleSigning},
	{"event date", noteEventDate},
	{"status", applyStatus},
	{"signatories", signatories},
	{"parties", partiesStep},
	{"parties from signatories", partiesFromSignatories},
	{"place and venue", placeAndVenue},
	{"source", sourceStep},
}

// inSpans reports whether sp lies inside one of spans.
func inSpans(sp Span, spans []Span) bool {
	for _, x := range spans {
		if sp.Start >= x.Start && sp.End <= x.End {
			return true
		}
	}
	return false
}

// entity returns the entity with the given ID, or nil (also for an
// implied state, which has no entry in the layer).
func (f *agreementFinder) entity(id string) *Entity {
	if i, ok := f.byID[id]; ok && i < len(f.ents.ents) {
		return &f.ents.ents[i]
	}
	return nil
}

// facts returns what the entity stage knows about entity id.
func (f *agreementFinder) facts(id string) entityFacts {
	if i, ok := f.byID[id]; ok && i < len(f.ents.facts) {
		return f.ents.facts[i]
	}
	return entityFacts{}
}

// entityAt returns the entity covering token i, or nil.
func (f *agreementFinder) entityAt(i int) (*Entity, entityFacts) {
	if e := f.ents.at(i); e >= 0 {
		return &f.ents.ents[e], f.ents.facts[e]
	}
	return nil, entityFacts{}
}

// dateAt returns the date covering token i, or nil.
func (f *agreementFinder) dateAt(i int) *Date {
	if d := f.dates.at(i); d >= 0 {
		return &f.dates.dates[d]
	}
	return nil
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}
