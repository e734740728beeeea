package arnews

import (
	"sort"
)

// Entity is a party named in a text: a country, city, organisation or
// person, with every mention of it.
//
// IDs follow one scheme:
//
//   - country: the ISO 3166-1 alpha-2 code (QA, US; XK for Kosovo, EH for
//     Western Sahara, PS for Palestine).
//   - city: the gazetteer key city:<ISO>:<slug> (city:QA:doha).
//   - organisation in the gazetteer: its key org:<slug> (org:taliban,
//     org:qna).
//   - national institution recognised by pattern: org:<ISO>:<slug>
//     (org:US:ministry-of-foreign-affairs, org:IQ:government,
//     org:US:parliament), or org:<slug> when the state is not known.
//   - person: person:<normalized full name, spaces as ->
//     (person:انتوني-بلينكن).
//
// A person's mentions hold the name only: titles and honorifics (الشيخ,
// وزير الخارجية الأمريكي) are left out of the span and reported in Title;
// in الشيخ محمد بن عبد الرحمن آل ثاني the mention is محمد بن عبد الرحمن آل
// ثاني. Every mention leaves out the proclitics of its first word: in وقطر
// the mention is قطر.
type Entity struct {
	// ID identifies the entity: the ISO 3166-1 alpha-2 code for a country
	// (QA), and the gazetteer key for other entities (see above).
	ID string `json:"id"`
	// Kind is KindCountry, KindCity, KindRegion, KindOrganization or
	// KindPerson.
	Kind EntityKind `json:"kind"`
	// Name is the canonical Arabic name: the gazetteer's name, or for
	// institutions and people the text of their first full mention.
	Name string `json:"name"`
	// Country is the ISO code of the state the entity belongs to or speaks
	// for, when known. A country's Country is its own code.
	Country string `json:"country,omitempty"`
	// Title is a person's title or office (وزير الخارجية), or the honorific
	// that introduced the name (الشيخ) when no office is given.
	Title string `json:"title,omitempty"`
	// Mentions are the places the entity is named, in text order. It is
	// empty only for a country that the text implies without naming it
	// (through a demonym or one of its institutions: وزير الخارجية
	// الأردني، مجلس الشورى القطري) and that an agreement has as a party.
	Mentions []Mention `json:"mentions"`
}

// FindEntities returns the countries, cities, organisations and people
// named in text, in the order of their first mention, using the built-in
// gazetteer. It is safe for concurrent use; the gazetteer is built once,
// on first use. To add entries, use an [Extractor] with [WithEntries].
//
// What is found:
//
//   - Gazetteer names (longest match wins), through proclitics: وقطر,
//     بواشنطن, لطالبان, للولايات المتحدة. Acronyms (قنا, واس) only as
//     whole words, or after one of و ب ل ف ك when they are not ambiguous;
//     an acronym in parentheses right after an organisation's name,
//     وكالة الأنباء القطرية (قنا), is a mention of it, and so is the same
//     acronym later in the text. An acronym that is also a common word
//     (ومع "and with", بنا "with us") is only taken in parentheses.
//   - Demonyms (الأمريكي, القطرية, الأميركيين) are not mentions: they give
//     the Country of the noun they follow.
//   - National institutions: وزارة الخارجية الأمريكية, وزارة خارجية قطر,
//     الحكومة العراقية, حكومة قطر, البرلمان, مجلس النواب, الجيش الأمريكي.
//     Without a demonym or a country, the state is taken from an earlier
//     mention of the same institution with a known state, and is empty
//     otherwise. The dual حكومتي قطر والولايات المتحدة names no
//     institution: the two countries are mentioned.
//   - A news agency named in the text (a gazetteer entry flagged
//     news-agency, or وكالة الأنباء + a demonym) is mentioned again by
//     الوكالة: the agency named last before it.
//   - People: a name after a title, office or honorific (الرئيس, الشيخ,
//     وزير الخارجية الأمريكي, ولي العهد السعودي الأمير, نظيره القطري), or
//     a name of two or three words after a speech verb (قال, أكد, أعلن…).
//     Names are one to three words, or an Arabic chain with بن, ابن,
//     بنت, آل, أبو and عبد + a divine name. A later mention of the last
//     part of the name (بلينكن, آل ثاني) is linked to the person. A
//     demonym right after a name of two or more words, before punctuation
//     or a preposition, is read as a nisba surname: محمد شياع السوداني.
//     The particles فون، فان، دير، دي، ديل join the words of a European
//     name: أورسولا فون دير لاين.
//     نظيره gives the person his counterpart's title.
//
// Ambiguity rule: a one-word name of an entry marked ambiguous (عمان, مالي,
// جدة, the acronym ومع) is only taken when the word before it is a cue
// (مدينة, العاصمة, دولة, سلطنة, حركة, وكالة…) or when the entity was
// already mentioned unambiguously earlier in the text; "في" alone is not a
// cue. Common words are never names of people (أمل, سلام, عادل), and a word
// is not matched inside another (مصر in مصرف).
func FindEntities(text string) []Entity {
	return defaultExtractor().FindEntities(text)
}

// entityLayer is what the entity stage hands on: the entities of the
// Document, the facts the stage knows about each beyond its public fields,
// and the entity that covers each token. The agreement stage reads it as
// it is; it never rebuilds it from spans or IDs.
type entityLayer struct {
	ents  []Entity
	facts []entityFacts // parallel to ents
	tok   []int32       // per token: index into ents, or -1
	// visible is how many of ents are entities of the Document: the hidden
	// ones follow them.
	visible int
}

// documentEntities returns the entities of the Document.
func (l *entityLayer) documentEntities() []Entity {
	if l.visible == 0 {
		return nil
	}
	return l.ents[:l.visible]
}

// entityFacts are what the entity stage knows about an entity.
type entityFacts struct {
	newsAgency bool // a news agency (وكالة الأنباء القطرية, رويترز)
	national   bool // a national institution found by pattern: it stands for its state
	// hidden marks a body that is its state (الحكومة اليمنية): no entity
	// of the Document, as the state is not an organisation, but the
	// agreement stage reads it as the state.
	hidden bool
}

// at returns the index of the entity that covers token i, or -1.
func (l *entityLayer) at(i int) int {
	if i < 0 || i >= len(l.tok) {
		return -1
	}
	return int(l.tok[i])
}

// gmatch is a phrase of the gazetteer found in the text: tokens
// [start, end), the first read through the clitic cut c.
type gmatch struct {
	p          *phrase
	start, end int
	c          cut
	cue        bool // an ambiguous name preceded by a cue word
}

// tokInfo is what the matcher found at one token.
type tokInfo struct {
	cls     wclass // the token's lexicon classes, read with the article understood
	match   int32  // 1 + index in finder.matches of the phrase starting here; 0 if none
	dem     uint16 // 1 + index in gazetteer.codes of a demonym's country; 0 if none
	demEnd  int32  // end token of a (possibly longer) demonym starting here
	claimed bool   // part of a person's name or a parenthesised acronym
	def     bool   // the token has a reading with the article
	inst    bool   // the head of a national institution may start here
}

// finder holds the state of one call of findEntities.
type finder struct {
	t       *text
	g       *gazetteer
	tm      *tagModel // nil: rules and gazetteer only
	tspans  []tagSpan // the tagger's spans, in text order
	tagAt   []int32   // per token: 1 + index in tspans of the span starting there; 0 if none
	info    []tokInfo
	matches []gmatch
	ents    []*foundEntity
	byID    map[string]int
	// persons: surname keys → entity index, with the token where the
	// person was introduced.
	surnames  wordMap[[]surname] // by key
	lastTitle string
	acr       wordMap[int] // acronyms defined in parentheses
	instState map[string]string
	agencies  []int
}

// foundEntity is an entity of the document being built: the Entity, the
// token range of each of its mentions, the facts known about it, and the
// start of its first mention so far.
type foundEntity struct {
	Entity
	ranges []tokRange
	facts  entityFacts
	first  int
}

// tokRange is the token range [first, last] of a mention.
type tokRange struct{ first, last int }

type surname struct {
	rest  []string // the words after the first, the map's key (its first word without its article)
	def   bool
	ent   int
	after int // token index after which the key may link
}

// findEntities finds the entities of t with the matcher g and the tagger
// tm (nil for none): the rules for people and institutions, the gazetteer
// names, then the tagger where they found nothing (entity_tagged.go).
func findEntities(t *text, g *gazetteer, tm *tagModel) *entityLayer {
	if g == nil {
		g = builtinGazetteer()
	}
	if len(t.toks) == 0 {
		return &entityLayer{}
	}
	f := &finder{t: t, g: g, tm: tm, info: make([]tokInfo, len(t.toks))}
	f.scan()
	f.tag()
	f.structures()
	f.names()
	f.datelineSources()
	f.quotedNames()
	f.namedAfterDemonym()
	f.tagged()
	f.linkTaggedSurnames()
	f.kingdoms()
	return f.result()
}

// scan looks every token up once: its word classes, and the longest
// gazetteer phrase starting at it.
func (f *finder) scan() {
	toks := f.t.toks
	for i := range toks {
		tk := &toks[i]
		if tk.kind != tokWord {
			continue
		}
		inf := &f.info[i]
		inf.cls = tk.reads()
		inf.def = tk.definite()
		best, ok := f.longestPhrase(i)
		if !ok {
			continue
		}
		if best.p.kind == pDemonym {
			inf.dem = best.p.cidx
			inf.demEnd = int32(best.end)
			continue
		}
		if best.p.ambig {
			best.cue = i > 0 && f.info[i-1].cls.has(cCue) && toks[i-1].sent == tk.sent
		}
		// A country name that is also a demonym (السعودية) after a
		// definite noun is an adjective: السلطات السعودية.
		if best.end-best.start == 1 && inf.dem != 0 && best.c.at == 4 && i > 0 && f.adjectivePosition(i) {
			continue
		}
		f.matches = append(f.matches, best)
		inf.match = int32(len(f.matches))
	}
}

// longestPhrase returns the longest gazetteer phrase starting at token i
// through any of its clitic readings, noting on the way a one-word
// demonym and the head of an institution. Among phrases of one length, an
// unambiguous one beats an ambiguous one and a name beats a demonym.
func (f *finder) longestPhrase(i int) (best gmatch, ok bool) {
	tk := &f.t.toks[i]
	inf := &f.info[i]
	bestLen := 0
	for _, c := range tk.stems() {
		ps := f.g.phrases(tk.stem(c))
		for k := range ps {
			p := &ps[k]
			n := len(p.rest) + 1
			if p.kind == pInst {
				inf.inst = inf.inst || p.def == c.def
				continue
			}
			if p.kind == pDemonym {
				if n == 1 && inf.dem == 0 {
					inf.dem = p.cidx
					inf.demEnd = int32(i + 1)
				}
			} else if p.def != c.def {
				continue
			}
			if p.kind == pAcronym && !p.def && c.at != 0 && (c.at != 2 || p.ambig) {
				continue
			}
			if n < bestLen || (n == bestLen && !(best.p.ambig && !p.ambig) && !(best.p.kind == pDemonym && p.kind != pDemonym)) {
				continue
			}
			if !f.follows(i, p.rest) {
				continue
			}
			best, bestLen = gmatch{p: p, start: i, end: i + n, c: c}, n
		}
	}
	return best, bestLen > 0
}

// adjectivePosition reports whether token i follows a definite noun of the
// same sentence.
func (f *finder) adjectivePosition(i int) bool {
	p := &f.t.toks[i-1]
	pi := &f.info[i-1]
	return p.kind == tokWord && p.sent == f.t.toks[i].sent && pi.def && pi.match == 0 &&
		!pi.cls.has(cFunc, cSpeech)
}

// follows reports whether the tokens after i are rest, in the same
// sentence and on the same line.
func (f *finder) follows(i int, rest []string) bool {
	toks := f.t.toks
	if i+len(rest) >= len(toks) {
		return len(rest) == 0
	}
	for k, w := range rest {
		tk := &toks[i+1+k]
		if tk.norm != w || tk.brk || tk.sent != toks[i].sent {
			return false
		}
	}
	return true
}

func (f *finder) matchAt(i int) *gmatch {
	if i < 0 || i >= len(f.info) || f.info[i].match == 0 {
		return nil
	}
	return &f.matches[f.info[i].match-1]
}

// matchKind returns the kind of the gazetteer entity matched at token i,
// or "".
func (f *finder) matchKind(i int) EntityKind {
	if m := f.matchAt(i); m != nil {
		return f.g.ents[m.p.ref].kind
	}
	return ""
}

// demonymAt returns the country of a demonym starting at token i and the
// token after it.
func (f *finder) demonymAt(i, sent int) (string, int, bool) {
	if i >= len(f.info) || f.t.toks[i].sent != sent || f.info[i].dem == 0 {
		return "", i, false
	}
	return f.g.codes[f.info[i].dem-1], int(f.info[i].demEnd), true
}

func (f *finder) word(i, sent int) bool {
	return i < len(f.t.toks) && f.t.toks[i].kind == tokWord && f.t.toks[i].sent == sent && !f.t.toks[i].brk
}

// cutFor returns the first clitic cut of token i whose reading has a class
// in mask, or the whole word.
func (f *finder) cutFor(i int, c class) cut {
	tk := &f.t.toks[i]
	lx := builtinLexicon()
	for _, ct := range tk.stems() {
		if e := lx.lookup(tk.stem(ct)); e != nil {
			cls := e.bare
			if ct.def {
				cls = e.def
			}
			if cls.has(c) {
				return ct
			}
		}
	}
	return cut{}
}

// visible returns the cut c of token i moved back over the article: a
// mention keeps the article of its first word (والدوحة → الدوحة). In لل
// (ل + ال) the article's alef is not written and the whole لل stays out
// of the mention, like every other proclitic: للولايات المتحدة → ولايات
// المتحدة.
func (f *finder) visible(i int, c cut) cut {
	if f.t.toks[i].articleBefore(c) {
		c.at -= 4
		c.def = false
	}
	return c
}

func (f *finder) mention(i int, c cut, j int) Mention {
	sp := f.t.spanOf(i, f.visible(i, c), j)
	return Mention{Text: f.t.src[sp.Start:sp.End], Span: sp}
}

// entity returns the index of the document entity id, creating it.
func (f *finder) entity(id string, kind EntityKind, name, country string) int {
	if f.byID == nil {
		f.byID = make(map[string]int)
	}
	if k, ok := f.byID[id]; ok {
		return k
	}
	f.ents = append(f.ents, &foundEntity{Entity: Entity{ID: id, Kind: kind, Name: name, Country: country}, first: -1})
	f.byID[id] = len(f.ents) - 1
	return len(f.ents) - 1
}

// namedEntity returns the entity whose ID is prefix and the words of
// tokens [a, b), the first read through c (see nameKey), creating it with
// kind, country and those words as its name, and adds them as its mention.
func (f *finder) namedEntity(prefix string, kind EntityKind, a int, c cut, b int, country string) int {
	k := f.entity(prefix+f.nameKey(a, c, b), kind, f.mention(a, c, b-1).Text, country)
	f.add(k, a, c, b-1)
	return k
}

// claim marks tokens [a, b) as read by a rule: no later rule reads them.
func (f *finder) claim(a, b int) {
	for i := a; i < b; i++ {
		f.info[i].claimed = true
	}
}

// add adds the mention of tokens i (read through the cut c) to j to
// entity k, and returns it; duplicates are dropped by result.
func (f *finder) add(k, i int, c cut, j int) Mention {
	m := f.mention(i, c, j)
	e := f.ents[k]
	e.Mentions = append(e.Mentions, m)
	e.ranges = append(e.ranges, tokRange{i, j})
	if e.first < 0 || m.Start < e.first {
		e.first = m.Start
	}
	return m
}

// mentionedBefore reports whether entity id has a mention starting before
// the byte offset pos.
func (f *finder) mentionedBefore(id string, pos int) bool {
	k, ok := f.byID[id]
	return ok && f.ents[k].first >= 0 && f.ents[k].first < pos
}

// structures finds people introduced by titles and speech verbs, and
// national institutions.
func (f *finder) structures() {
	toks := f.t.toks
	for i := 0; i < len(toks); i++ {
		inf := &f.info[i]
		if toks[i].kind != tokWord || inf.claimed {
			continue
		}
		if inf.cls.has(cOffice, cHonor, cCounter) {
			if end, ok := f.personIntro(i); ok {
				i = end - 1
				continue
			}
		}
		if inf.inst {
			if end, ok := f.institution(i); ok {
				i = end - 1
				continue
			}
		}
		if end, ok := f.ministryAlone(i); ok {
			i = end - 1
			continue
		}
		if inf.cls.has(cSpeech) {
			f.speaker(i)
		}
	}
}

// result orders the entities by first mention and their mentions by
// position, and marks the entity of every token: where mentions of two
// entities overlap, the one mentioned first keeps the token.
func (f *finder) result() *entityLayer {
	l := &entityLayer{tok: make([]int32, len(f.t.toks))}
	for i := range l.tok {
		l.tok[i] = -1
	}
	found := make([]*foundEntity, 0, len(f.ents))
	for _, e := range f.ents {
		if len(e.Mentions) > 0 {
			e.sortMentions()
			found = append(found, e)
		}
	}
	sort.SliceStable(found, func(a, b int) bool {
		if found[a].facts.hidden != found[b].facts.hidden {
			return found[b].facts.hidden
		}
		return found[a].Mentions[0].Start < found[b].Mentions[0].Start
	})
	if len(found) > 0 {
		l.ents = make([]Entity, len(found))
		l.facts = make([]entityFacts, len(found))
	}
	for k, e := range found {
		l.ents[k], l.facts[k] = e.Entity, e.facts
		if !e.facts.hidden {
			l.visible = k + 1
		}
		for _, r := range e.ranges {
			for i := r.first; i <= r.last; i++ {
				if l.tok[i] < 0 {
					l.tok[i] = int32(k)
				}
			}
		}
	}
	return l
}

// sortMentions orders the mentions by position, drops the ones with the
// same span, and keeps the token ranges in step.
func (e *foundEntity) sortMentions() {
	idx := make([]int, len(e.Mentions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return e.Mentions[idx[a]].Start < e.Mentions[idx[b]].Start })
	ms := make([]Mention, 0, len(idx))
	rs := make([]tokRange, 0, len(idx))
	for _, i := range idx {
		if len(ms) > 0 && e.Mentions[i].Span == ms[len(ms)-1].Span {
			continue
		}
		ms = append(ms, e.Mentions[i])
		rs = append(rs, e.ranges[i])
	}
	e.Mentions, e.ranges = ms, rs
}
