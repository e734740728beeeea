package arnews

import (
	"encoding/json"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

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
	// Kind is the instrument: "agreement", "treaty", "memorandum",
	// "arrangement", "protocol", "charter", "declaration", "deal",
	// "contract" or "partnership".
	Kind string
	// Status is what the text reports: "signed", "approved" (ratified or
	// approved by a parliament or cabinet), "in_force", "negotiating"
	// (talks, or a signing announced for the future) or "mentioned" (named
	// without such an event, a signing dated more than 90 days before the
	// publication date, or a signing that is negated or refused).
	Status string
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
	// CAMEO is the CAMEO event code for event databases: "057" (sign
	// formal agreement) for a signing, "046" (engage in negotiation) for
	// talks; empty otherwise.
	CAMEO string
}

type agreementJSON struct {
	Kind         string    `json:"kind"`
	Status       string    `json:"status"`
	Text         string    `json:"text"`
	Start        int       `json:"start"`
	End          int       `json:"end"`
	Mentions     []Mention `json:"mentions"`
	Parties      []string  `json:"parties"`
	Signatories  []string  `json:"signatories"`
	Subject      string    `json:"subject,omitempty"`
	SubjectStart int       `json:"subject_start,omitempty"`
	SubjectEnd   int       `json:"subject_end,omitempty"`
	Signed       string    `json:"signed,omitempty"`
	Effective    string    `json:"effective,omitempty"`
	Place        string    `json:"place,omitempty"`
	Venue        string    `json:"venue,omitempty"`
	Source       string    `json:"source,omitempty"`
	CAMEO        string    `json:"cameo,omitempty"`
}

// MarshalJSON writes the agreement in the schema of the package overview:
// dates as their ISO values, the subject as its text with its span.
func (a Agreement) MarshalJSON() ([]byte, error) {
	j := agreementJSON{
		Kind: a.Kind, Status: a.Status, Text: a.Text, Start: a.Start, End: a.End,
		Mentions: orEmpty(a.Mentions), Parties: orEmpty(a.Parties), Signatories: orEmpty(a.Signatories),
		Subject: a.Subject.Text, Place: a.Place, Venue: a.Venue, Source: a.Source, CAMEO: a.CAMEO,
	}
	if a.Subject.Text != "" {
		j.SubjectStart, j.SubjectEnd = a.Subject.Start, a.Subject.End
	}
	if a.Signed != nil {
		j.Signed = a.Signed.Value()
	}
	if a.Effective != nil {
		j.Effective = a.Effective.Value()
	}
	return json.Marshal(j)
}

// The agreement lexicon. Words are in the Search form (أ→ا، ة→ه، ى→ي) and
// are matched on token stems, after the proclitics. Sources: Arabic press
// usage and the instrument vocabulary of UN Arabic treaty texts.

// instrument describes an instrument noun.
type instrument struct {
	kind   string
	plural bool
	weak   bool   // counts only when a trigger governs it
	next   string // a second word it needs (مذكره تفاهم)
}

// triggerClass is what a trigger word reports.
type triggerClass uint8

const (
	trigNone triggerClass = iota
	trigSign
	trigApprove
	trigInForce
	trigNegotiate
	trigEffective // introduces the date it takes effect
)

type agreementLexicon struct {
	nouns    map[string]instrument
	triggers map[string]triggerClass
	sources  map[string]bool // speech verbs that introduce a source
	subjects map[string]bool // prepositions that introduce a subject
	clause   map[string]bool // words that end a subject phrase
	duals    map[string]bool // البلدين، الجانبين: the two parties in context
	negators map[string]bool
	future   map[string]bool
}

var agreementWords = sync.OnceValue(func() *agreementLexicon {
	lx := &agreementLexicon{
		nouns:    map[string]instrument{},
		triggers: map[string]triggerClass{},
		sources:  map[string]bool{},
		subjects: map[string]bool{},
		clause:   map[string]bool{},
		duals:    map[string]bool{},
		negators: map[string]bool{},
		future:   map[string]bool{},
	}
	addNouns := func(in instrument, words ...string) {
		for _, w := range words {
			lx.nouns[Normalize(w)] = in
		}
	}
	addNouns(instrument{kind: "agreement"}, "اتفاق", "اتفاقا", "اتفاقية", "اتفاقيه")
	addNouns(instrument{kind: "agreement", plural: true}, "اتفاقات", "اتفاقيات", "اتفاقيتين", "اتفاقيتان", "اتفاقين", "اتفاقان")
	addNouns(instrument{kind: "treaty"}, "معاهدة")
	addNouns(instrument{kind: "treaty", plural: true}, "معاهدات", "معاهدتين")
	addNouns(instrument{kind: "memorandum", next: "تفاهم"}, "مذكرة")
	addNouns(instrument{kind: "memorandum", next: "تفاهم", plural: true}, "مذكرات", "مذكرتي", "مذكرتا", "مذكرتين")
	addNouns(instrument{kind: "memorandum", weak: true}, "تفاهم", "تفاهما")
	addNouns(instrument{kind: "arrangement", weak: true}, "ترتيب", "ترتيبا")
	addNouns(instrument{kind: "arrangement", plural: true, weak: true}, "ترتيبات")
	addNouns(instrument{kind: "protocol"}, "بروتوكول", "برتوكول", "بروتوكولا", "برتوكولا")
	addNouns(instrument{kind: "protocol", plural: true}, "بروتوكولات", "برتوكولات")
	addNouns(instrument{kind: "charter"}, "ميثاق", "ميثاقا")
	addNouns(instrument{kind: "declaration", weak: true}, "إعلان", "إعلانا")
	addNouns(instrument{kind: "deal", weak: true}, "صفقة")
	addNouns(instrument{kind: "deal", weak: true, plural: true}, "صفقات")
	addNouns(instrument{kind: "contract", weak: true}, "عقد", "عقدا")
	addNouns(instrument{kind: "contract", weak: true, plural: true}, "عقود")
	addNouns(instrument{kind: "partnership", weak: true}, "شراكة")

	set := func(c triggerClass, words ...string) {
		for _, w := range words {
			lx.triggers[Normalize(w)] = c
		}
	}
	set(trigSign,
		"وقع", "وقعت", "وقعا", "وقعتا", "وقعوا", "يوقع", "يوقعان", "توقعان", "يوقعون", "وقعنا", "وقعها", "وقعه",
		"سيوقع", "ستوقع", "سيوقعان", "ستوقعان", "التوقيع", "توقيع", "الموقعة",
		"أبرم", "أبرمت", "أبرما", "أبرمتا", "أبرموا", "يبرم", "تبرم", "يبرمان", "إبرام", "سيبرم", "ستبرم", "المبرم", "المبرمة",
		"توصل", "توصلت", "توصلا", "توصلتا", "توصلوا", "التوصل", "وقّع")
	set(trigApprove, "صادق", "صادقت", "يصادق", "تصادق", "المصادقة", "مصادقة", "التصديق", "تصديق",
		"وافق", "وافقت", "يوافق", "الموافقة", "أقر", "أقرت", "إقرار")
	set(trigInForce, "سريان", "يسري", "تسري", "حيز")
	set(trigNegotiate, "مفاوضات", "المفاوضات", "تفاوض", "التفاوض", "يتفاوض", "تتفاوض", "يتفاوضان", "تتفاوضان",
		"يتفاوضون", "محادثات", "مباحثات", "يناقش", "تناقش", "يناقشان", "تناقشان", "مناقشة", "مسودة")
	set(trigEffective, "تطبيقها", "تطبيقه", "تنفيذها", "تنفيذه", "اعتبارا", "ابتداء", "بدءا")

	for _, w := range []string{"ذكر", "ذكرت", "قال", "قالت", "أفاد", "أفادت", "أعلن", "أعلنت", "أضاف", "أضافت",
		"أوضح", "أوضحت", "نقل", "نقلت", "أكد", "أكدت", "بحسب", "حسب", "وفقا", "نقلا", "أوردت", "أورد"} {
		lx.sources[Normalize(w)] = true
	}
	for _, w := range []string{"بشأن", "حول", "بخصوص", "حيال"} {
		lx.subjects[Normalize(w)] = true
	}
	for _, w := range []string{"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "حيث", "بينما", "فيما", "كما", "إذ", "لكن",
		"يبدأ", "تبدأ", "بدأ", "بدأت", "يدخل", "تدخل", "دخل", "دخلت", "يسري", "تسري",
		"برعاية", "بحضور", "بمشاركة", "بوساطة", "بقيمة", "خلال"} {
		lx.clause[Normalize(w)] = true
	}
	for _, w := range []string{"البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان", "الدولتين", "الدولتان", "الحكومتين"} {
		lx.duals[Normalize(w)] = true
	}
	for _, w := range []string{"لم", "لن", "رفض", "رفضت", "يرفض", "ترفض", "دون", "عدم", "امتنع", "امتنعت"} {
		lx.negators[Normalize(w)] = true
	}
	for _, w := range []string{"المقرر", "المنتظر", "المتوقع", "سوف", "تعتزم", "يعتزم"} {
		lx.future[Normalize(w)] = true
	}
	return lx
})

// tokenIndex marks, for each token, the entity and date that cover it.
type tokenIndex struct {
	ent  []int // index into doc.Entities, or -1
	date []int // index into doc.Dates, or -1
}

// coverTokens calls mark(i) for every token that overlaps sp.
func coverTokens(t *text, sp Span, mark func(i int)) {
	lo, hi := 0, len(t.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if t.toks[m].span.End <= sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(t.toks) && t.toks[i].span.Start < sp.End; i++ {
		mark(i)
	}
}

func newTokenIndex(t *text, doc *Document) *tokenIndex {
	x := &tokenIndex{ent: make([]int, len(t.toks)), date: make([]int, len(t.toks))}
	for i := range x.ent {
		x.ent[i], x.date[i] = -1, -1
	}
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			coverTokens(t, m.Span, func(i int) {
				if x.ent[i] < 0 {
					x.ent[i] = ei
				}
			})
		}
	}
	for di, d := range doc.Dates {
		coverTokens(t, d.Span, func(i int) { x.date[i] = di })
	}
	return x
}

// agreementFinder holds the state of one findAgreements call.
type agreementFinder struct {
	t   *text
	g   *gazetteer
	doc *Document
	lx  *agreementLexicon
	idx *tokenIndex
	out []Agreement
	// eventDate is the signing date of the first signed agreement, used
	// for signed agreements whose sentence gives no date.
	eventDate *Date
	// eventFrom is the index of the agreement eventDate comes from: only
	// the agreements after it take the date.
	eventFrom int
	// docSource is the agency of the dateline (الرياض - واس), if any.
	docSource string
	byID      map[string]int // entity index by ID
}

// findAgreements finds the agreements of t among the dates and entities
// already in doc.
func findAgreements(t *text, doc *Document, g *gazetteer) []Agreement {
	f := &agreementFinder{t: t, doc: doc, g: g, lx: agreementWords(), idx: newTokenIndex(t, doc)}
	f.byID = make(map[string]int, len(doc.Entities))
	for i, e := range doc.Entities {
		f.byID[e.ID] = i
	}
	f.docSource = f.dateline()
	for si := range t.sents {
		f.sentence(si)
	}
	for i := range f.out {
		a := &f.out[i]
		if a.Signed == nil && a.Status == "signed" && f.eventDate != nil && i > f.eventFrom {
			d := *f.eventDate
			a.Signed = &d
		}
		switch a.Status {
		case "signed":
			a.CAMEO = "057"
		case "negotiating":
			a.CAMEO = "046"
		}
	}
	return f.out
}

// stemIn returns the stem of the token after its proclitics that is a key
// of m, preferring the longest split, and the cut used.
func stemIn[V any](tk *token, m map[string]V) (string, cut, bool) {
	cuts := tk.stems()
	for k := len(cuts) - 1; k >= 0; k-- {
		s := tk.stem(cuts[k])
		if _, ok := m[s]; ok {
			return s, cuts[k], true
		}
	}
	return "", cut{}, false
}

// hasStem reports whether some reading of token i is in m.
func hasStem(tk *token, m map[string]bool) bool {
	_, _, ok := stemIn(tk, m)
	return ok
}

// nounMatch is an instrument noun found at tokens [i, j].
type nounMatch struct {
	i, j int
	c    cut
	in   instrument
}

// isClausePunct reports whether a punctuation token ends a phrase.
func isClausePunct(s string) bool {
	switch s {
	case "،", ",", "؛", ";", ".", ":", "!", "?", "؟", "(", ")", "“", "”", "«", "»", "\"", "…", "-", "–", "—":
		return true
	}
	return false
}

func (f *agreementFinder) sentence(si int) {
	t := f.t
	s := t.sents[si]
	var nouns []nounMatch
	for i := s.first; i < s.last; i++ {
		tk := &t.toks[i]
		if tk.kind != tokWord {
			continue
		}
		stem, c, ok := stemIn(tk, f.lx.nouns)
		if !ok {
			continue
		}
		in := f.lx.nouns[stem]
		j := i
		if in.next != "" {
			switch {
			case i+1 < s.last && (t.toks[i+1].norm == in.next || t.toks[i+1].norm == "ال"+in.next):
				j = i + 1
				if t.toks[j].norm != in.next {
					c.def = true // مذكرة التفاهم: definite through its second word
				}
			case !c.def:
				continue // مذكرة alone is a note, unless it refers back: المذكرة
			}
		}
		nouns = append(nouns, nounMatch{i: i, j: j, c: c, in: in})
		i = j
	}
	if len(nouns) == 0 {
		return
	}
	source := f.source(si)
	if source == "" {
		source = f.docSource
	}
	var subjects []Span // subjects found in this sentence
	for k, n := range nouns {
		if inSpans(t.toks[n.i].span, subjects) {
			continue // part of another instrument's subject: اتفاقا للشراكة في …
		}
		if k > 0 && n.i == nouns[k-1].j+1 && n.c.at == 0 {
			continue // اتفاق شراكة، اتفاقية تعاون: a noun that qualifies the one before
		}
		if f.notInstrument(n) {
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
		a := f.resolve(n)
		mc := n.c
		if mc.def && mc.at >= 4 && t.toks[n.i].norm[mc.at-4:mc.at] == "ال" {
			mc.at -= 4 // keep the article: الاتفاقية, not اتفاقية
		}
		mention := Mention{Span: t.spanOf(n.i, mc, n.j)}
		mention.Text = t.src[mention.Start:mention.End]
		if a == nil {
			f.out = append(f.out, Agreement{Kind: n.in.kind, Status: "mentioned", Text: mention.Text, Span: mention.Span})
			a = &f.out[len(f.out)-1]
		} else {
			a.Mentions = append(a.Mentions, mention)
		}
		f.fill(a, si, n, trig, trigAt, source, nouns, k)
		if a.Subject.Text != "" {
			subjects = append(subjects, a.Subject.Span)
			if len(subjects) > 4 {
				subjects = subjects[1:]
			}
		}
	}
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

// notInstrument reports whether the noun n is the act of agreeing rather
// than an instrument: بالاتفاق مع ("in agreement with"), تم الاتفاق على
// ("it was agreed to"), اتفاق على ضرورة ("a consensus that").
func (f *agreementFinder) notInstrument(n nounMatch) bool {
	t := f.t
	tk := &t.toks[n.i]
	if n.in.kind != "agreement" || n.in.plural {
		return false
	}
	next := ""
	if n.j+1 < len(t.toks) && t.toks[n.j+1].sent == tk.sent {
		next = t.toks[n.j+1].norm
	}
	switch {
	case strings.HasPrefix(tk.norm, "بال") && next == "مع":
		return true
	case n.i > 0 && (t.toks[n.i-1].norm == "تم" || t.toks[n.i-1].norm == "وتم" || t.toks[n.i-1].norm == "جري") && next == "علي":
		return true
	case next == "علي" && n.j+2 < len(t.toks):
		switch t.toks[n.j+2].norm {
		case "ضروره", "اهميه", "ان", "انه", "ذلك":
			return true
		}
	}
	return false
}

// isInstrument reports whether w, as written, is an instrument noun.
func isInstrument(lx *agreementLexicon, w string) bool {
	_, ok := lx.nouns[w]
	return ok
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

// resolve returns the earlier agreement a definite mention refers to, or
// nil for a new instrument.
func (f *agreementFinder) resolve(n nounMatch) *Agreement {
	if !n.c.def || len(f.out) == 0 {
		return nil
	}
	// A definite noun followed by its own date (الاتفاق عام 2015)
	// introduces an instrument of its own; so does one followed by its own
	// subject (الاتفاقية الخاصة بالأمن الغذائي), unless an earlier
	// instrument of its kind has no subject or shares a word of it.
	if k := n.j + 1; k < len(f.t.toks) && f.idx.date[k] >= 0 && f.t.toks[k].sent == f.t.toks[n.i].sent {
		return nil
	}
	if st := f.subjectStart(n); st >= 0 && st <= n.j+2 && !n.in.plural {
		end := f.clauseEnd(st, f.t.sents[f.t.toks[n.i].sent].last, nil, 0)
		for i := len(f.out) - 1; i >= max(0, len(f.out)-recent); i-- {
			a := &f.out[i]
			if a.Kind == n.in.kind && (a.Subject.Text == "" || f.sharesWord(a.Subject.Span, st, end)) {
				return a
			}
		}
		return nil
	}
	// A definite noun that names its own parties (البروتوكول الموقع مع
	// الجانب السوداني، الاتفاقية الأمنية مع ليبيا) is a new instrument.
	t := f.t
	for k := n.j + 1; k <= n.j+2 && k < len(t.toks) && t.toks[k].sent == t.toks[n.i].sent; k++ {
		w := t.toks[k].norm
		if w == "مع" || w == "بين" {
			return nil
		}
		if !strings.HasPrefix(w, "ال") {
			break
		}
	}
	// Prefer the most recent agreement of the same kind that the text
	// reports as an event; then, for the generic nouns (الاتفاق،
	// الاتفاقية، الترتيبات), any reported one, then the most recent. A
	// specific noun (البروتوكول، المعاهدة، المذكرة) refers only to its own
	// kind.
	generic := n.in.kind == "agreement" || n.in.kind == "arrangement"
	best := -1
	for pass := 0; pass < 3 && best < 0; pass++ {
		for i := len(f.out) - 1; i >= max(0, len(f.out)-recent); i-- {
			a := &f.out[i]
			switch {
			case pass == 0:
				if a.Kind != n.in.kind || a.Status == "mentioned" {
					continue
				}
			case !generic:
				if a.Kind != n.in.kind {
					continue
				}
			case pass == 1:
				if a.Status == "mentioned" {
					continue
				}
			}
			best = i
			break
		}
	}
	if best < 0 {
		return nil
	}
	return &f.out[best]
}

// sharesWord reports whether a content word of tokens [lo, hi) (a stem of
// at least three letters) also stands in the span sp.
func (f *agreementFinder) sharesWord(sp Span, lo, hi int) bool {
	words := map[string]bool{}
	coverTokens(f.t, sp, func(i int) {
		tk := &f.t.toks[i]
		if tk.kind == tokWord {
			c := tk.stems()
			words[tk.stem(c[len(c)-1])] = true
		}
	})
	for i := lo; i < hi; i++ {
		tk := &f.t.toks[i]
		if tk.kind != tokWord {
			continue
		}
		c := tk.stems()
		if w := tk.stem(c[len(c)-1]); utf8.RuneCountInString(w) >= 3 && words[w] && !f.lx.subjects[w] {
			return true
		}
	}
	return false
}

// trigger finds the word that reports what happened to the instrument: the
// nearest trigger before it in the sentence, or one right after it (التي
// جرى التوقيع عليها، الموقعة).
func (f *agreementFinder) trigger(si int, n nounMatch) (triggerClass, int) {
	t := f.t
	s := f.around(si, n)
	before := func() (triggerClass, int) {
		for i := n.i - 1; i >= s.first; i-- {
			if isComplementizer(t.toks[i].norm) {
				break // the trigger must be in the same reported clause
			}
			if c := f.triggerAt(i); c != trigNone && c != trigEffective {
				return c, i
			}
		}
		return trigNone, -1
	}
	after := func() (triggerClass, int) {
		for i := n.j + 1; i < s.last && i <= n.j+6; i++ {
			if t.toks[i].kind == tokPunct && isClausePunct(t.toks[i].norm) {
				break
			}
			if c := f.triggerAt(i); c != trigNone && c != trigEffective {
				return c, i
			}
		}
		return trigNone, -1
	}
	// A definite noun is often the subject of the verb after it
	// (الاتفاقية الأمنية مع ليبيا ستوقع); an indefinite one the object of
	// the verb before it.
	first, second := before, after
	if n.c.def {
		first, second = after, before
	}
	if c, i := first(); c != trigNone {
		return c, i
	}
	return second()
}

// isComplementizer reports whether w opens a reported clause (أن، إن).
func isComplementizer(w string) bool {
	return w == "ان" || w == "انه" || w == "انها" || w == "بان"
}

func (f *agreementFinder) triggerAt(i int) triggerClass {
	tk := &f.t.toks[i]
	if tk.kind != tokWord {
		return trigNone
	}
	if st, _, ok := stemIn(tk, f.lx.triggers); ok {
		c := f.lx.triggers[st]
		if c == trigInForce && st == "حيز" {
			// حيز التنفيذ: only with a form of دخل shortly before.
			for k := i - 1; k >= 0 && k >= i-8; k-- {
				if strings.Contains(f.t.toks[k].norm, "دخل") {
					return c
				}
			}
			return trigNone
		}
		return c
	}
	// توقع is "expects" as often as "signs": it signs after لم، لن، أن،
	// سوف، قد.
	if tk.norm == "توقع" || tk.norm == "يوقع" && i > 0 {
		if i > 0 {
			switch f.t.toks[i-1].norm {
			case "لم", "لن", "ان", "سوف", "قد", "ولم", "ولن":
				return trigSign
			}
		}
	}
	if tk.norm == "التنفيذ" && i > 0 && f.t.toks[i-1].norm == "حيز" {
		return trigEffective
	}
	// الموقع / الموقعة ("the signed") right after an instrument noun or its
	// adjective: البروتوكول الموقع، اتفاق الإطار الموقع.
	if tk.norm == "الموقع" || tk.norm == "الموقعه" {
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if _, _, ok := stemIn(&f.t.toks[k], f.lx.nouns); ok {
				return trigSign
			}
			if !strings.HasPrefix(f.t.toks[k].norm, "ال") {
				break
			}
		}
	}
	return trigNone
}

// fill sets the agreement's status, parties, signatories, subject, dates,
// place and source from sentence si, where the mention n stands.
func (f *agreementFinder) fill(a *Agreement, si int, n nounMatch, trig triggerClass, trigAt int, source string, nouns []nounMatch, k int) {
	t := f.t
	s := f.around(si, n)
	status := ""
	switch trig {
	case trigSign:
		status = "signed"
		switch future, negated := f.mood(trigAt, s.first); {
		case negated:
			status = "mentioned"
		case future:
			status = "negotiating"
		}
	case trigApprove:
		status = "approved"
	case trigInForce:
		status = "in_force"
		if future, negated := f.mood(trigAt, s.first); future || negated {
			status = "" // it will (or will not) enter into force: nothing new yet
		}
	case trigNegotiate:
		status = "negotiating"
	}

	subject := f.subjectStart(n)
	if subject >= 0 && a.Subject.Text == "" {
		if end := f.clauseEnd(subject, s.last, nouns, k); end > subject {
			sp := t.spanOf(subject, t.toks[subject].cuts[0], end-1)
			a.Subject = Mention{Text: t.src[sp.Start:sp.End], Span: sp}
		}
	}
	inSubject := func(i int) bool {
		return a.Subject.Text != "" && t.toks[i].span.Start >= a.Subject.Start && t.toks[i].span.End <= a.Subject.End
	}

	// The effective date: the first date within four tokens after a word
	// that introduces it (يبدأ تطبيقها في، حيز التنفيذ اعتبارا من، بدء
	// سريان).
	if a.Effective == nil {
		for i := s.first; i < s.last && a.Effective == nil; i++ {
			if c := f.triggerAt(i); c != trigEffective && c != trigInForce {
				continue
			}
			for j := i + 1; j < s.last && j <= i+4; j++ {
				if d := f.idx.date[j]; d >= 0 {
					dd := f.doc.Dates[d]
					a.Effective = &dd
					break
				}
			}
		}
	}
	isEffective := func(d int) bool { return a.Effective != nil && f.doc.Dates[d].Span == a.Effective.Span }

	// The signing date: one attached to the noun or to the end of its
	// subject (اتفاق عام 2020، اتفاقية للربط الكهربائي عام 2020); one after
	// a signing word (الموقعة في أوت الماضي); for a signing, the most
	// explicit date of the sentence.
	if a.Signed == nil && status != "negotiating" {
		after := []int{n.j + 1}
		if a.Subject.Text != "" {
			for i := n.j + 1; i < s.last; i++ {
				if t.toks[i].span.Start >= a.Subject.End {
					after = append(after, i)
					break
				}
			}
		}
		for _, at := range after {
			if d := f.dateNear(at, s.last, 2); d >= 0 && !isEffective(d) {
				dd := f.doc.Dates[d]
				a.Signed = &dd
				break
			}
		}
	}
	if a.Signed == nil && status != "negotiating" {
		for i := n.j + 1; i < s.last && i <= n.j+16; i++ {
			if f.triggerAt(i) != trigSign {
				continue
			}
			for j := i + 1; j < s.last && j <= i+6; j++ {
				if t.toks[j].kind == tokPunct && isClausePunct(t.toks[j].norm) {
					break
				}
				if d := f.idx.date[j]; d >= 0 && !isEffective(d) {
					dd := f.doc.Dates[d]
					a.Signed = &dd
					break
				}
			}
			break
		}
	}
	if a.Signed == nil && status == "signed" {
		best := -1
		for i := s.first; i < s.last; i++ {
			d := f.idx.date[i]
			if d < 0 || inSubject(i) || isEffective(d) || d == best {
				continue
			}
			if best < 0 || explicit(&f.doc.Dates[d]) && !explicit(&f.doc.Dates[best]) {
				best = d
			}
		}
		if best >= 0 {
			dd := f.doc.Dates[best]
			a.Signed = &dd
		}
	}
	// A signing dated well before the article (اتفاق عام 2020، الموقع في 15
	// نوفمبر 2022 in an article of June 2023) is background, not news.
	if a.Signed != nil && (status == "signed" || status == "") && f.stale(a.Signed) {
		status = "mentioned"
	}
	if a.Signed != nil && f.eventDate == nil && status == "signed" && !f.background(s, trigAt) {
		f.eventDate = a.Signed
		f.eventFrom = f.index(a)
	}
	if status != "" && rank(status) > rank(a.Status) {
		a.Status = status
	}

	// Signatories: people between the signing word and the noun; or, when
	// the noun follows the verb at once, after the noun (ووقع الاتفاقيات عن
	// الجانب السعودي وزير الاستثمار …).
	if trig == trigSign && trigAt >= 0 {
		lo, hi := min(trigAt, n.i), max(trigAt, n.i)
		if trigAt > n.j {
			lo, hi = n.j, trigAt
		}
		found := f.people(lo+1, hi, a)
		if !found && trigAt < n.i {
			end := s.last
			if k+1 < len(nouns) {
				end = nouns[k+1].i
			}
			// Up to a comma that does not go on with و (، وعن الجانب …).
			for i := n.j + 1; i < end; i++ {
				if tk := &t.toks[i]; tk.kind == tokPunct && isClausePunct(tk.norm) &&
					(i+1 >= end || !strings.HasPrefix(t.toks[i+1].norm, "و")) {
					end = i
					break
				}
			}
			f.people(n.j+1, end, a)
		}
	}

	// Parties.
	if len(a.Parties) == 0 {
		a.Parties = f.parties(si, n, trigAt, inSubject, source, nouns)
	}
	if len(a.Parties) == 0 {
		for _, id := range a.Signatories {
			if e := f.entity(id); e != nil {
				if c := f.state(e.Country); c != "" {
					a.Parties = appendUnique(a.Parties, c)
				}
			}
		}
	}

	// Place and venue of a signing: في + a city, ب + an organisation (في
	// مراسم أقيمت بوزارة الخارجية في واشنطن، الموقعة في الجزائر العاصمة),
	// after the noun and before the next instrument.
	if a.Place == "" && rank(a.Status) >= rank("signed") && f.signingIn(s) {
		end := s.last
		if k+1 < len(nouns) {
			end = nouns[k+1].i
		}
		from := n.j
		if trig == trigSign && trigAt >= 0 {
			from = min(trigAt, n.j)
		}
		for i := from + 1; i < end; i++ {
			e := f.idx.ent[i]
			if e < 0 || inSubject(i) {
				continue
			}
			ent := &f.doc.Entities[e]
			tk := &t.toks[i]
			switch {
			case ent.Kind == "city" && i > 0 && t.toks[i-1].norm == "في":
				if a.Place == "" {
					a.Place = ent.ID
				}
			case ent.Kind == "organization" && strings.HasPrefix(tk.norm, "ب") && tk.ncut > 1 && !isAgency(ent):
				if a.Venue == "" {
					a.Venue = ent.ID
				}
			}
		}
	}
	if a.Source == "" {
		a.Source = source
	}
}

// dateNear returns the date that starts at token i or after at most gap
// tokens of في، عام، يوم, or -1.
func (f *agreementFinder) dateNear(i, last, gap int) int {
	for k := i; k < last && k <= i+gap; k++ {
		if d := f.idx.date[k]; d >= 0 {
			return d
		}
		switch f.t.toks[k].norm {
		case "في", "عام", "يوم", "خلال", "منذ":
		default:
			if k > i {
				return -1
			}
			if f.t.toks[k].kind != tokWord || f.triggerAt(k) == trigNone && !strings.HasPrefix(f.t.toks[k].norm, "ال") {
				return -1
			}
		}
	}
	return -1
}

// explicit reports whether a date is written with digits (31 ديسمبر 2021)
// rather than relative to the publication date (أمس، الأربعاء).
func explicit(d *Date) bool {
	return strings.ContainsAny(d.Text, "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
}

// people adds the persons named in tokens [lo, hi) to a's signatories and
// reports whether there were any.
func (f *agreementFinder) people(lo, hi int, a *Agreement) bool {
	found := false
	attending := false // after بحضور, برعاية …, until the clause ends
	for i := lo; i < hi; i++ {
		tk := &f.t.toks[i]
		switch {
		case tk.kind == tokPunct && isClausePunct(tk.norm):
			attending = false
		case tk.norm == "بحضور" || tk.norm == "حضور" || tk.norm == "بمشاركه" || tk.norm == "برعايه" ||
			tk.norm == "رعايه" || tk.norm == "استقبل" || tk.norm == "واستقبل":
			attending = true
		}
		if attending {
			continue
		}
		if e := f.idx.ent[i]; e >= 0 && f.doc.Entities[e].Kind == "person" {
			a.Signatories = appendUnique(a.Signatories, f.doc.Entities[e].ID)
			found = true
		}
	}
	return found
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

// staleAfter is how long before the publication date a signing stops
// being news.
const staleAfter = 90 * 24 * time.Hour

// stale reports whether the date d (at its grain: the last day it covers)
// ends more than staleAfter before the publication date.
func (f *agreementFinder) stale(d *Date) bool {
	end := d.Time()
	switch d.Grain {
	case GrainYear:
		end = end.AddDate(1, 0, -1)
	case GrainMonth:
		end = end.AddDate(0, 1, -1)
	case GrainWeek:
		end = end.AddDate(0, 0, 6)
	}
	return f.doc.Ref.Sub(end) > staleAfter
}

// index returns the position of a in f.out.
func (f *agreementFinder) index(a *Agreement) int {
	for i := range f.out {
		if &f.out[i] == a {
			return i
		}
	}
	return -1
}

// background reports whether the trigger at i is told as background, in
// the pluperfect (وكانت قطر والسعودية قد وقعتا): such a signing does not
// give the article's event date.
func (f *agreementFinder) background(s sentence, i int) bool {
	if i < 0 {
		return false
	}
	for k := max(s.first, i-8); k < i; k++ {
		if f.t.toks[k].norm == "قد" {
			for j := s.first; j < k && j < s.first+3; j++ {
				if w := f.t.toks[j].norm; strings.HasPrefix(w, "كان") || strings.HasPrefix(w, "وكان") {
					return true
				}
			}
		}
	}
	return false
}

// rank orders statuses: a stronger report replaces a weaker one.
func rank(status string) int {
	switch status {
	case "mentioned":
		return 1
	case "negotiating":
		return 2
	case "signed":
		return 3
	case "approved":
		return 4
	case "in_force":
		return 5
	}
	return 0
}

// mood reports whether the trigger at i is in the future (a س prefix,
// سوف، من المقرر أن) or negated (لم، لن، رفض) by one of the three words
// before it, within the sentence that starts at first.
func (f *agreementFinder) mood(i, first int) (future, negated bool) {
	tk := &f.t.toks[i]
	future = strings.HasPrefix(tk.norm, "سي") || strings.HasPrefix(tk.norm, "ست")
	for k := i - 1; k >= first && k >= i-3; k-- {
		w := f.t.toks[k].norm
		future = future || f.lx.future[w]
		negated = negated || f.lx.negators[w]
	}
	return future, negated
}

// subjectStart returns the first token of the subject phrase after the
// noun n, or -1: بشأن/حول X (without the preposition), في مجال X, الخاصة
// ب X, المتعلقة ب X, ل + verbal noun (with the ل), or a clause with
// بموجبه/بموجبها. Punctuation and a date may stand between.
func (f *agreementFinder) subjectStart(n nounMatch) int {
	t := f.t
	sent := t.toks[n.i].sent
	for i := n.j + 1; i < len(t.toks) && i <= n.j+6 && t.toks[i].sent == sent; i++ {
		tk := &t.toks[i]
		switch {
		case tk.kind == tokPunct && (tk.norm == "،" || tk.norm == ","):
			continue
		case f.idx.date[i] >= 0 || tk.norm == "عام":
			continue
		case tk.kind != tokWord:
			return -1
		case f.lx.subjects[tk.norm]:
			return i + 1
		case i == n.j+1 && tk.ncut > 0 && tk.cuts[0].at == 0 && isInstrument(f.lx, tk.norm):
			return i // اتفاق شراكة استراتيجية
		case tk.norm == "بين" || tk.norm == "مع":
			// اتفاقية بين تركيا وأذربيجان بشأن النقل: look past the
			// parties for the subject.
			for k := i + 1; k < len(t.toks) && k <= i+8 && t.toks[k].sent == sent; k++ {
				tk := &t.toks[k]
				if f.lx.subjects[tk.norm] {
					return k + 1
				}
				if k > i+1 && !n.c.def && strings.HasPrefix(tk.norm, "ل") && tk.ncut > 1 && f.idx.ent[k] < 0 &&
					!notSubject(tk.norm) && utf8.RuneCountInString(tk.norm) >= 4 {
					return k // مذكرات تفاهم بين الحكومة وشركات … لإقامة مشروعات
				}
				if t.toks[k].kind != tokWord && t.toks[k].norm != "(" && t.toks[k].norm != ")" {
					break
				}
			}
			return -1
		case tk.norm == "في" && i+1 < len(t.toks) && strings.HasPrefix(t.toks[i+1].norm, "مجال"):
			return i + 2
		case (tk.norm == "الخاصه" || tk.norm == "المتعلقه") && i+1 < len(t.toks):
			return i + 1
		case i+1 < len(t.toks) && strings.HasPrefix(t.toks[i+1].norm, "بموجب"):
			return i
		case strings.HasPrefix(tk.norm, "بموجب"):
			return i
		case !n.c.def && strings.HasPrefix(tk.norm, "ل") && !notSubject(tk.norm) && tk.ncut > 1 && f.idx.ent[i] < 0 &&
			utf8.RuneCountInString(tk.norm) >= 4 && i == f.firstWordAfter(n.j):
			return i
		case i == n.j+1 && i+2 < len(t.toks) && f.idx.ent[i] < 0 && f.triggerAt(i) == trigNone &&
			(t.toks[i+1].norm == "في" && strings.HasPrefix(t.toks[i+2].norm, "مجال") || f.lx.subjects[t.toks[i+1].norm]):
			// اتفاقيات تعاون في مجالات الطاقة
			return i
		case i == n.j+1 && !n.c.def && f.constructChain(i, sent):
			// معاهدة تسليم المطلوبين، اتفاق وقف إطلاق النار: a construct
			// chain.
			return i
		case i == n.j+1 && !n.c.def && strings.HasPrefix(tk.norm, "ال") && f.idx.ent[i] < 0 &&
			f.triggerAt(i) == trigNone && !hasStem(tk, f.lx.clause) && !hasStem(tk, f.lx.duals):
			// اتفاقية التعاون في مجال الطاقة: a construct whose second
			// noun names the subject.
			return i
		default:
			return -1
		}
	}
	return -1
}

// notSubject reports whether w, a word starting with ل, is a function word
// that does not open a subject phrase.
func notSubject(w string) bool {
	switch w {
	case "لانه", "لانها", "لانهم", "لدي", "لذلك", "لهذا", "لكن", "لكنه", "لكنها", "لمده", "ليس", "ليست", "لقد", "لعل":
		return true
	}
	return false
}

// constructChain reports whether tokens from i read as the second member of
// a construct chain after an indefinite instrument: one to three indefinite
// content words ending in a definite word or a name (تسليم المطلوبين، وقف
// إطلاق النار، انضمام السويد).
func (f *agreementFinder) constructChain(i int, sent int) bool {
	t := f.t
	for k := i; k < len(t.toks) && k <= i+2 && t.toks[k].sent == sent; k++ {
		tk := &t.toks[k]
		if tk.kind != tokWord || strings.HasPrefix(tk.norm, "ال") || f.idx.ent[k] >= 0 ||
			f.triggerAt(k) != trigNone || hasStem(tk, f.lx.clause) || f.lx.subjects[tk.norm] ||
			utf8.RuneCountInString(tk.norm) < 2 || k == i && utf8.RuneCountInString(tk.norm) < 3 ||
			f.g.isFunctionWord(tk.norm) || tk.norm == "علي" {
			return false // علي is على as well as the name Ali
		}
		if k+1 < len(t.toks) && t.toks[k+1].sent == sent && t.toks[k+1].kind == tokWord &&
			(strings.HasPrefix(t.toks[k+1].norm, "ال") || f.idx.ent[k+1] >= 0) && !hasStem(&t.toks[k+1], f.lx.clause) {
			return true
		}
	}
	return false
}

// firstWordAfter returns the first word token after i, skipping
// punctuation and dates.
func (f *agreementFinder) firstWordAfter(i int) int {
	for k := i + 1; k < len(f.t.toks); k++ {
		if f.t.toks[k].kind == tokWord && f.idx.date[k] < 0 && f.t.toks[k].norm != "عام" {
			return k
		}
	}
	return -1
}

// clauseEnd returns the token index where the phrase starting at i ends:
// at clause punctuation, a relative pronoun, a trigger, or the next
// instrument noun, within 30 tokens.
func (f *agreementFinder) clauseEnd(i, last int, nouns []nounMatch, k int) int {
	t := f.t
	end := min(last, i+30)
	p := min(k+1, len(nouns)) // the next instrument noun to watch for
	for j := i; j < end; j++ {
		tk := &t.toks[j]
		switch {
		case tk.kind == tokPunct && isClausePunct(tk.norm):
			return j
		case f.idx.date[j] >= 0 && j > i:
			// A date ends the phrase; so does في or عام before it.
			if w := t.toks[j-1].norm; (w == "في" || w == "عام" || w == "منذ") && j-1 > i {
				return j - 1
			}
			return j
		case j > i && tk.kind == tokWord && (hasStem(tk, f.lx.clause) || f.lx.negators[tk.norm] || tk.norm == "بين" || tk.norm == "مع"):
			return j
		case j > i && tk.norm == "في" && j+1 < end && f.idx.ent[j+1] >= 0 && f.doc.Entities[f.idx.ent[j+1]].Kind == "city":
			return j // في بغداد: where it was signed, not what about
		case j > i && (f.triggerAt(j) == trigSign || f.triggerAt(j) == trigEffective || f.triggerAt(j) == trigInForce):
			return j
		}
		// The next instrument, when coordinated (، ومذكرة تفاهم).
		for p < len(nouns) && nouns[p].i < j {
			p++
		}
		if p < len(nouns) && nouns[p].i == j && (strings.HasPrefix(tk.norm, "و") && tk.ncut > 1 || j > 0 && t.toks[j-1].norm == "و") {
			return j
		}
	}
	return end
}

// source finds who reports sentence si: a speech verb followed by an
// organisation or person (ذكرت وكالة الأنباء القطرية، قالت الوكالة); a
// speech verb followed at once by أن (وأضافت أن …) has the speaker of the
// sentence before.
func (f *agreementFinder) source(si int) string {
	return f.reporter(si, true)
}

func (f *agreementFinder) reporter(si int, inherit bool) string {
	t := f.t
	s := t.sents[si]
	for i := s.first; i < s.last && i < s.first+12; i++ {
		tk := &t.toks[i]
		if tk.kind != tokWord || !hasStem(tk, f.lx.sources) {
			continue
		}
		for j := i + 1; j < s.last && j <= i+8; j++ {
			w := t.toks[j].norm
			if t.toks[j].kind == tokPunct && isClausePunct(w) && w != "(" && w != ")" {
				break
			}
			if isComplementizer(w) {
				if j == i+1 && si > 0 && inherit {
					return f.reporter(si-1, false)
				}
				break
			}
			if e := f.idx.ent[j]; e >= 0 {
				ent := &f.doc.Entities[e]
				if ent.Kind == "organization" || ent.Kind == "person" {
					return ent.ID
				}
				break
			}
			// الوكالة: the agency last named.
			if w == "الوكاله" {
				if id := f.lastAgency(t.toks[j].span.Start); id != "" {
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
			if e := f.idx.ent[i]; e >= 0 && isAgency(&f.doc.Entities[e]) {
				return f.doc.Entities[e].ID
			}
		}
	}
	for i := 1; i < len(t.toks) && i < 6; i++ {
		e := f.idx.ent[i]
		if e < 0 || f.doc.Entities[e].Kind != "organization" {
			continue
		}
		if p := t.toks[i-1].norm; p == "(" || p == "-" || p == "–" {
			return f.doc.Entities[e].ID
		}
	}
	return ""
}

// isAgency reports whether e is a news agency.
func isAgency(e *Entity) bool {
	if e.Kind != "organization" {
		return false
	}
	n := Normalize(e.Name)
	return strings.Contains(n, "وكاله") || strings.Contains(n, "انباء") || strings.Contains(n, "للانباء")
}

// lastAgency returns the ID of the news agency mentioned last before off.
func (f *agreementFinder) lastAgency(off int) string {
	best, bestAt := "", -1
	for _, e := range f.doc.Entities {
		if !isAgency(&e) {
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

// parties finds the parties of the instrument n in sentence si.
func (f *agreementFinder) parties(si int, n nounMatch, trigAt int, inSubject func(int) bool, source string, nouns []nounMatch) []string {
	t := f.t
	s := f.around(si, n)
	var ids []string
	// أعلنت شركة أرامكو توقيع عقد …: an organisation that announces its
	// own signing, with a verbal noun, is a party (a news agency is not).
	if src := f.entity(source); src != nil && src.Kind == "organization" && !isAgency(src) && trigAt >= 0 && trigAt < n.i {
		if st := t.toks[trigAt].norm; st == "توقيع" || st == "التوقيع" || st == "ابرام" {
			ids = appendUnique(ids, source)
		}
	}
	collect := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if inSubject(i) {
				continue
			}
			if e := f.idx.ent[i]; e >= 0 {
				if id := f.partyID(e); id != "" && id != source {
					ids = appendUnique(ids, id)
				}
			}
		}
	}
	// The clause that holds the trigger: from the last complementizer
	// (أن، إن) or the sentence start, to the noun.
	if trigAt >= 0 && trigAt < n.i && f.triggerAt(trigAt) == trigApprove {
		// صادق البرلمان المغربي على …: the approver's state is a party;
		// the approving body itself is not.
		for i := max(s.first, trigAt-3); i < min(n.i, trigAt+4); i++ {
			if e := f.idx.ent[i]; e >= 0 {
				if ent := &f.doc.Entities[e]; ent.Kind == "organization" {
					if c := f.state(ent.Country); c != "" {
						ids = appendUnique(ids, c)
					}
				}
			}
		}
	}
	if trigAt >= 0 && trigAt < n.i && f.triggerAt(trigAt) != trigApprove {
		start := s.first
		for i := trigAt - 1; i >= s.first; i-- {
			w := t.toks[i].norm
			if isComplementizer(w) || (t.toks[i].kind == tokPunct && isClausePunct(w) && w != "(" && w != ")") {
				start = i + 1
				break
			}
		}
		// Up to the first instrument the trigger governs: the parties of
		// coordinated instruments (وقعتا ترتيبا …، ومذكرة تفاهم …) are the
		// same, and what stands between them is the first one's subject.
		end := n.i
		for _, m := range nouns {
			if m.i > trigAt {
				end = min(end, m.i)
				break
			}
		}
		collect(start, end)
	}
	if len(ids) >= 2 {
		return ids
	}
	// بين X و Y, مع X near the noun or the trigger.
	for _, anchor := range []int{n.j, trigAt} {
		if anchor < 0 {
			continue
		}
		for i := anchor + 1; i < s.last && i <= anchor+10; i++ {
			w := t.toks[i].norm
			if t.toks[i].kind == tokPunct && isClausePunct(w) {
				break
			}
			if w == "بين" && (i == 0 || t.toks[i-1].norm != "من") || w == "مع" {
				end := f.clauseEnd(i+1, s.last, nil, 0)
				before := len(ids)
				collect(i+1, end)
				if len(ids) == before {
					ids = f.duals(i+1, end, ids)
				}
				break
			}
		}
	}
	if len(ids) >= 2 {
		return ids
	}
	// عن الجانب الأردني … وعن الجانب العراقي، مع الطرف المغربي.
	with := false
	for i := s.first; i+1 < s.last; i++ {
		switch t.toks[i].norm {
		case "الجانب", "الطرف", "الوفد":
			if c := f.state(f.g.demonym(&t.toks[i+1])); c != "" {
				ids = appendUnique(ids, c)
				with = with || i > 0 && t.toks[i-1].norm == "مع"
			}
		}
	}
	// وأكد وزير الخارجية الجزائري أن المفاوضات مع الجانب المغربي …: the
	// speaker's state is the other party.
	if with && len(ids) == 1 {
		if src := f.entity(source); src != nil && (src.Kind == "person" || isNationalInstitution(src.ID)) {
			if c := f.state(src.Country); c != "" && c != ids[0] {
				ids = append([]string{c}, ids...)
			}
		}
	}
	if len(ids) >= 2 {
		return ids
	}
	return f.duals(s.first, s.last, ids)
}

// duals resolves البلدين، الجانبين… in tokens [lo, hi) to the two parties in
// context: those of the latest agreement with two parties, else the two
// countries named most recently.
func (f *agreementFinder) duals(lo, hi int, ids []string) []string {
	t := f.t
	for i := lo; i < hi; i++ {
		if !hasStem(&t.toks[i], f.lx.duals) {
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
			if e := f.idx.ent[j]; e >= 0 && f.doc.Entities[e].Kind == "country" {
				recent = appendUnique(recent, f.doc.Entities[e].ID)
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
// and organisations as they are, a capital or a national institution as
// its state when the Document names that state, persons not at all.
func (f *agreementFinder) partyID(e int) string {
	ent := &f.doc.Entities[e]
	switch ent.Kind {
	case "country":
		return ent.ID
	case "city", "organization":
		if ent.Kind == "city" || isNationalInstitution(ent.ID) {
			if id := f.state(ent.Country); id != "" {
				return id
			}
		}
		if ent.Kind == "organization" {
			return ent.ID
		}
	}
	return ""
}

// state returns the ID of the country code as an entity of the Document,
// adding the country with no mentions when the text implies it without
// naming it (القطري، مجلس الشورى القطري، عن الجانب الأردني), so that every
// party is an entity of the Document. It returns "" for an unknown code.
func (f *agreementFinder) state(code string) string {
	if code == "" {
		return ""
	}
	if f.entity(code) != nil {
		return code
	}
	name := f.g.countryName(code)
	if name == "" {
		return ""
	}
	f.byID[code] = len(f.doc.Entities)
	f.doc.Entities = append(f.doc.Entities, Entity{ID: code, Kind: "country", Name: name, Country: code, Mentions: []Mention{}})
	return code
}

// isNationalInstitution reports whether id is that of a government body
// built by pattern (org:QA:…).
func isNationalInstitution(id string) bool {
	return len(id) > 7 && strings.HasPrefix(id, "org:") && id[6] == ':' && id[4] >= 'A' && id[4] <= 'Z'
}

func (f *agreementFinder) entity(id string) *Entity {
	if i, ok := f.byID[id]; ok {
		return &f.doc.Entities[i]
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
