package arnews

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file holds the lexicon: the closed word classes that every stage
// shares (function words, titles, speech verbs, instrument nouns, signing
// words, …), read from the embedded data/lexicon.tsv, one row per word and
// class. The token layer looks every token up once (tokens.go, classify)
// and records its classes, so a rule asks a token for a class and never
// compares strings; adding a word is one row of the file.

//go:embed data/lexicon.tsv
var lexiconTSV string

// class is a word class of the lexicon.
type class uint8

// wclass is a set of word classes.
type wclass [2]uint64

// classes returns the set of cs.
func classes(cs ...class) wclass {
	var s wclass
	for _, c := range cs {
		s[c>>6] |= 1 << (c & 63)
	}
	return s
}

// has reports whether s holds one of cs.
func (s wclass) has(cs ...class) bool {
	for _, c := range cs {
		if s[c>>6]&(1<<(c&63)) != 0 {
			return true
		}
	}
	return false
}

// with returns the union of s and o.
func (s wclass) with(o wclass) wclass { return wclass{s[0] | o[0], s[1] | o[1]} }

// without returns s without cs.
func (s wclass) without(cs ...class) wclass {
	for _, c := range cs {
		s[c>>6] &^= 1 << (c & 63)
	}
	return s
}

// connect reports whether s holds a link of a name chain: بن, آل, عبد,
// أبو, or a particle of a European name.
func (s wclass) connect() bool { return s.has(connectClasses...) }

// connectClasses are the links of a name chain.
var connectClasses = []class{cNameLink, cFamily, cServant, cKunya, cParticle}

// The word classes. Their rows are in data/lexicon.tsv under the names of
// lexClasses.
const (
	// People and organisations.
	cFunc        class = iota // function word: preposition, pronoun, particle
	cStop                     // common word that is never part of a name
	cOffice                   // head of an office: وزير, رئيس, ولي, أمير
	cHonor                    // honorific or rank: الشيخ, السيد, العميد
	cRankTail                 // second word of a rank: الركن, أول
	cCounter                  // counterpart: نظيره
	cNotFirst                 // a common word that may continue a name but not start it
	cNameLink                 // بن, ابن, بنت, أبي
	cFamily                   // آل
	cServant                  // عبد
	cKunya                    // أبو, أم
	cParticle                 // particle of a European name: فون, دير
	cWaName                   // a given name starting with و: وليد
	cConstruct                // noun inside an office or institution: مجلس, وزراء
	cCue                      // word that makes an ambiguous name certain: مدينة
	cAgencyRef                // الوكالة, an anaphor for a news agency
	cKingdomRef               // المملكة, the kingdom of the article
	cSpeech                   // verb of saying: قال, أكدت
	cAttribution              // بحسب, نقلا: introduces a source

	// Agreements.
	cInstrument     // an instrument noun (see lexicon.nouns)
	cSign           // signing: وقع, أبرم, التوقيع
	cApprove        // approval: صادق, وافق
	cInForce        // entry into force: سريان, يسري
	cScope          // حيز of حيز التنفيذ
	cNegotiate      // talks: مفاوضات, محادثات
	cEffective      // introduces the date it takes effect: اعتبارا
	cExecution      // التنفيذ of حيز التنفيذ
	cEnter          // a form of دخل
	cSignedAdj      // الموقع, الموقعة after an instrument
	cSignOrExpect   // توقع, يوقع: signs or expects
	cSignCue        // after it توقع is the verb sign: لم, لن, سوف
	cSigningNoun    // توقيع, إبرام: a verbal noun of signing
	cAttendance     // بحضور, برعاية: who follows attends
	cPassive        // تم, جرى
	cConsensus      // ضرورة, أهمية: اتفاق على ضرورة is a consensus
	cNegation       // لم, لن, رفض
	cFuture         // سوف, المقرر: the verb after it is in the future
	cWas            // كان, كانت
	cPerfect        // قد
	cSubjectPrep    // بشأن, حول
	cRelational     // الخاصة, المتعلقة
	cByVirtue       // بموجب, بموجبه
	cField          // مجال
	cNotSubject     // لأنه, لذلك: starts with ل but opens no subject
	cClauseEnd      // ends a subject phrase: الذي, حيث, بحضور
	cDual           // البلدين, الطرفان: the two parties
	cSide           // جانب, طرف, وفد
	cComplementizer // أن, إن, بأن
	cDateGap        // يوم, خلال, منذ between an instrument and its date
	cYearNoun       // عام, سنة
	cIn             // في
	cBetween        // بين
	cWith           // مع
	cFrom           // من
	cOn             // على
	cOr             // أو
	cDemonstrative  // هذا, ذلك, نفس before اليوم
	cOtherClause    // أن, الذي, حيث: a verb after it is in another clause
	cMeeting        // اجتماع, محادثات: عقد before it is "holding"
	cHypothetical   // مستقبلية, محتملة, أي: no instrument yet
	cItemOrdinal    // الأولى, الثاني: one instrument of a list
	cNamely         // هي, هما: the list follows
	cApposition     // بمثابة
	cPurpose        // أجل of من أجل
	cAnother        // جديد, أخرى: another instrument
	cDraft          // مشروع, مسودة
	cImperfect      // يوقع, توقعان: a signing not yet told as done
	cAgent          // قبل, طرف of من قبل
	cConcerns       // تتعلق, ينص, يهدف: what it is about follows
	cTo             // إلى
	cQualifier      // تعاون, صداقة: qualifies instrument nouns
	cOrgHead        // قناة, صحيفة, حركة: a quoted name after it is an organisation
	cBodyAdj        // الوطني, العليا, الرئاسي: after a body's definite head, the start of its name
	cBodyTail       // العام: after a body adjective, part of the name
	cJoint          // المشتركة: a joint body of two parties, no organisation
	cMediaHead      // قناة, صحيفة, موقع: what it names reports the news
	cOrgHeadTail    // أنباء of وكالة أنباء: between an org head and its name
	cClubWord       // دينامو, ريال, اتحاد: before a city, a sports club's name
	cClubHead       // فريق, نادي: the city after it names a club
	cPlaceHead      // حي, منطقة, مخيم: the name after it is a place
	cCompass        // شمال, جنوبي: where a place lies

	// Punctuation.
	cClausePunct // ends a phrase: ، . : ( ) « » -
	cComma       // ، ,
	cParen       // ( )
	cDash        // - – —
	cQuote       // « » " “ ”
	cDatelineSep // - – — ( ) / : around the source of a dateline
)

// lexClass describes a class of data/lexicon.tsv.
type lexClass struct {
	bit class
	// withArticle: the class is read with the article understood, so a
	// row with ال is a class of definite readings only and a row without
	// of indefinite ones (الوزير is an honorific, وزير an office). Other
	// classes are read as written.
	withArticle bool
}

// lexClasses are the classes of data/lexicon.tsv, by name. The instrument
// classes (instrument/KIND[/plural][/weak]) and the date classes
// (date/ROLE, see dateRoles) are read by their own code.
var lexClasses = map[string]lexClass{
	"function":             {bit: cFunc},
	"not-name":             {bit: cStop, withArticle: true},
	"office":               {bit: cOffice, withArticle: true},
	"honorific":            {bit: cHonor, withArticle: true},
	"rank-tail":            {bit: cRankTail, withArticle: true},
	"counterpart":          {bit: cCounter, withArticle: true},
	"not-first":            {bit: cNotFirst, withArticle: true},
	"name-link":            {bit: cNameLink},
	"family-prefix":        {bit: cFamily},
	"servant":              {bit: cServant},
	"kunya":                {bit: cKunya},
	"name-particle":        {bit: cParticle},
	"wa-name":              {bit: cWaName},
	"construct":            {bit: cConstruct, withArticle: true},
	"cue":                  {bit: cCue, withArticle: true},
	"agency-anaphor":       {bit: cAgencyRef, withArticle: true},
	"kingdom-anaphor":      {bit: cKingdomRef, withArticle: true},
	"speech-verb":          {bit: cSpeech, withArticle: true},
	"attribution":          {bit: cAttribution},
	"sign":                 {bit: cSign},
	"approve":              {bit: cApprove},
	"in-force":             {bit: cInForce},
	"scope":                {bit: cScope},
	"negotiate":            {bit: cNegotiate},
	"effective":            {bit: cEffective},
	"execution":            {bit: cExecution},
	"enter":                {bit: cEnter},
	"signed-adjective":     {bit: cSignedAdj},
	"sign-or-expect":       {bit: cSignOrExpect},
	"sign-cue":             {bit: cSignCue},
	"signing-noun":         {bit: cSigningNoun},
	"attendance":           {bit: cAttendance},
	"passive":              {bit: cPassive},
	"consensus-object":     {bit: cConsensus},
	"negation":             {bit: cNegation},
	"future":               {bit: cFuture},
	"was":                  {bit: cWas},
	"perfect":              {bit: cPerfect},
	"subject-prep":         {bit: cSubjectPrep},
	"relational":           {bit: cRelational},
	"by-virtue":            {bit: cByVirtue},
	"field":                {bit: cField},
	"not-subject":          {bit: cNotSubject},
	"clause-end":           {bit: cClauseEnd},
	"dual-party":           {bit: cDual},
	"side":                 {bit: cSide},
	"complementizer":       {bit: cComplementizer},
	"date-gap":             {bit: cDateGap},
	"year-noun":            {bit: cYearNoun},
	"in":                   {bit: cIn},
	"between":              {bit: cBetween},
	"with":                 {bit: cWith},
	"from":                 {bit: cFrom},
	"on":                   {bit: cOn},
	"or":                   {bit: cOr},
	"demonstrative":        {bit: cDemonstrative},
	"other-clause":         {bit: cOtherClause},
	"meeting":              {bit: cMeeting},
	"hypothetical":         {bit: cHypothetical},
	"namely":               {bit: cNamely},
	"apposition":           {bit: cApposition},
	"purpose":              {bit: cPurpose},
	"another":              {bit: cAnother},
	"draft":                {bit: cDraft},
	"imperfect":            {bit: cImperfect},
	"agent":                {bit: cAgent},
	"concerns":             {bit: cConcerns},
	"to":                   {bit: cTo},
	"instrument-qualifier": {bit: cQualifier},
	"clause-punct":         {bit: cClausePunct},
	"comma":                {bit: cComma},
	"paren":                {bit: cParen},
	"dash":                 {bit: cDash},
	"quote":                {bit: cQuote},
	"dateline-sep":         {bit: cDatelineSep},
	"org-head":             {bit: cOrgHead},
	"body-adjective":       {bit: cBodyAdj},
	"body-tail":            {bit: cBodyTail},
	"joint":                {bit: cJoint},
	"media-head":           {bit: cMediaHead},
	"org-head-tail":        {bit: cOrgHeadTail},
	"club-word":            {bit: cClubWord},
	"club-head":            {bit: cClubHead},
	"place-head":           {bit: cPlaceHead},
	"compass":              {bit: cCompass},
}

// lexWord holds the classes of one normalized word.
type lexWord struct {
	// lit are the classes of rows spelled exactly as this word.
	lit wclass
	// bare and def are the classes read with the article understood:
	// bare of rows without the article, def of rows spelled ال + this word.
	bare, def wclass
	// date says the word is a key of the date lexicon.
	date bool
}

// instrument describes an instrument noun.
type instrument struct {
	kind   AgreementKind
	plural bool
	dual   bool   // two instruments: مذكرتي تفاهم
	weak   bool   // counts only when a trigger governs it
	next   string // a second word it needs (مذكره تفاهم), normalized
}

// lexicon is the compiled data/lexicon.tsv. It is immutable once built.
type lexicon struct {
	// words are the words of the classes; most stems of a text are in
	// none, and the map's key filter turns them away.
	words wordMap[*lexWord]
	// nouns are the instrument nouns by their normalized first word.
	nouns map[string]instrument
	// future and notFuture are the normalized prefixes of the classes
	// future-prefix and not-future-prefix.
	future, notFuture []string
	// dateRows are the rows of the date classes, in file order.
	dateRows []lexRow
	// dates is the date lexicon (date_lexicon.go), built from the date
	// rows; its keys are words of this lexicon too (lexWord.date), so that
	// classify finds them in the same lookup.
	dates *dateLex
	// ordinals are the values of the ordinals of lists (the rows of kind
	// ordinal of data/numbers.tsv), by normalized word: الأولى → 1.
	ordinals map[string]int
}

// lexRow is one row of data/lexicon.tsv.
type lexRow struct {
	class, word string
}

// lexiconRows returns the rows of data/lexicon.tsv.
func lexiconRows(src string) []lexRow {
	var rows []lexRow
	for _, f := range tsvRows(src, 2, 3) {
		rows = append(rows, lexRow{class: f[0], word: f[1]})
	}
	return rows
}

// builtinLexicon returns the lexicon, built on first use; it is safe for
// concurrent use.
var builtinLexicon = sync.OnceValue(func() *lexicon {
	lx := compileLexicon(lexiconRows(lexiconTSV))
	lx.addOrdinals(numbersTSV)
	lx.dates = buildDateLexicon(lx)
	for k := range lx.dates.m {
		lx.entry(k).date = true
	}
	return lx
})

// addOrdinals adds the ordinals of lists of data/numbers.tsv: each word
// is of the class item-ordinal and has its value.
func (lx *lexicon) addOrdinals(src string) {
	lx.ordinals = map[string]int{}
	for _, f := range tsvRows(src, 3, 4) {
		v, err := strconv.Atoi(f[1])
		if f[2] != "ordinal" || err != nil || v <= 0 {
			continue
		}
		if toks := splitText(f[0]).toks; len(toks) == 1 {
			lx.ordinals[toks[0].norm] = v
			lx.addWord(f[0], lexClass{bit: cItemOrdinal})
		}
	}
}

// compileLexicon builds the lexicon from its rows. Rows of unknown classes
// are skipped; TestLexiconValid checks the embedded file row by row.
func compileLexicon(rows []lexRow) *lexicon {
	lx := &lexicon{words: wordMap[*lexWord]{m: make(map[string]*lexWord, 2*len(rows))}, nouns: map[string]instrument{}}
	for _, r := range rows {
		switch {
		case strings.HasPrefix(r.class, "date/"):
			lx.dateRows = append(lx.dateRows, r)
		case strings.HasPrefix(r.class, "instrument/"):
			lx.addInstrument(r)
		case r.class == "future-prefix":
			lx.future = append(lx.future, Normalize(r.word))
		case r.class == "not-future-prefix":
			lx.notFuture = append(lx.notFuture, Normalize(r.word))
		default:
			if c, ok := lexClasses[r.class]; ok {
				lx.addWord(r.word, c)
			}
		}
	}
	return lx
}

func (lx *lexicon) entry(key string) *lexWord {
	e := lx.words.m[key]
	if e == nil {
		e = &lexWord{}
		lx.words.set(key, e)
	}
	return e
}

// addWord adds a one-word row of class c.
func (lx *lexicon) addWord(w string, c lexClass) {
	toks := splitText(w).toks
	if len(toks) != 1 {
		return
	}
	tk := &toks[0]
	add := func(s *wclass) { *s = s.with(classes(c.bit)) }
	add(&lx.entry(tk.norm).lit)
	if !c.withArticle {
		add(&lx.entry(tk.norm).bare)
		return
	}
	key, def := tk.norm, false
	if tk.kind == tokWord {
		for _, ct := range tk.stems() {
			if ct.def && ct.at == 4 {
				key, def = tk.stem(ct), true
			}
		}
	}
	if def {
		add(&lx.entry(key).def)
	} else {
		add(&lx.entry(key).bare)
	}
}

// addInstrument adds a row of a class instrument/KIND[/plural][/weak].
func (lx *lexicon) addInstrument(r lexRow) {
	parts := strings.Split(r.class, "/")
	if len(parts) < 2 || parts[1] == "" {
		return
	}
	in := instrument{kind: AgreementKind(parts[1])}
	for _, p := range parts[2:] {
		switch p {
		case "plural":
			in.plural = true
		case "dual":
			in.plural, in.dual = true, true
		case "weak":
			in.weak = true
		default:
			return
		}
	}
	toks := splitText(r.word).toks
	if len(toks) == 0 || len(toks) > 2 {
		return
	}
	if len(toks) == 2 {
		in.next = toks[1].norm
	}
	lx.nouns[toks[0].norm] = in
	e := lx.entry(toks[0].norm)
	e.lit = e.lit.with(classes(cInstrument))
	e.bare = e.bare.with(classes(cInstrument))
}

// lookup returns the classes of the normalized word w, or nil.
func (lx *lexicon) lookup(w string) *lexWord {
	return lx.words.get(w)
}

// futureVerb reports whether tk, alone or after و or ف, is a future
// marker (سوف، المقرر) or looks like an imperfect verb with the future
// prefix: four letters at least, starting with a future-prefix (سي، ست،
// سن) and with no not-future-prefix (سيارة، ستار).
func (lx *lexicon) futureVerb(tk *token) bool {
	if tk.kind != tokWord {
		return false
	}
	for _, c := range tk.stems() {
		if c.at != 0 && !conjOnly(tk, c) {
			continue
		}
		w := tk.stem(c)
		if e := lx.lookup(w); e != nil && e.lit.has(cFuture) {
			return true
		}
		if utf8.RuneCountInString(w) >= 4 && hasPrefix(w, lx.future) && !hasPrefix(w, lx.notFuture) {
			return true
		}
	}
	return false
}

// hasPrefix reports whether w starts with one of prefixes.
func hasPrefix(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// wordMap is a map of words read through a key filter: a lookup of a
// word that is no key, as most are, stops at the filter without hashing.
type wordMap[V any] struct {
	m      map[string]V // written through set
	filter keyFilter    // the keys of m
}

// get returns the value of the word w, the zero value if it has none.
func (wm *wordMap[V]) get(w string) V {
	if !wm.filter.has(w) {
		var none V
		return none
	}
	return wm.m[w]
}

// lookup returns the value of the word w, and whether it has one.
func (wm *wordMap[V]) lookup(w string) (V, bool) {
	if !wm.filter.has(w) {
		var none V
		return none, false
	}
	v, ok := wm.m[w]
	return v, ok
}

// empty reports whether the map has no word.
func (wm *wordMap[V]) empty() bool { return len(wm.m) == 0 }

// set gives the word w the value v.
func (wm *wordMap[V]) set(w string, v V) {
	if wm.m == nil {
		wm.m = make(map[string]V)
	}
	wm.m[w] = v
	wm.filter.add(w)
}

// keyFilter is a set of string keys with false positives and no false
// negatives, so that a lookup in a map of words rejects most strings
// without hashing them: each key sets two bits of one of its 256 words,
// drawn from its length and four of its bytes (the second, middle,
// third-last and last; for Arabic letters, whose first byte is D8 or D9,
// those that tell them apart). With the 1,164 keys of the lexicon (its
// words and the date lexicon's), 18 of the seed article's 236 words that
// are no key pass (TestKeyFilter bounds it at one in five). The
// gazetteer's phrase keys (about 2,400) and a document's surnames and
// acronyms have one too: each map of words is a wordMap.
type keyFilter [256]uint64

// filterBits returns the word of s, which has at least two bytes, and the
// mask of its two bits.
func filterBits(s string) (word uint8, mask uint64) {
	n := len(s)
	h := uint64(n) | uint64(s[1])<<8 | uint64(s[n/2|1])<<16 |
		uint64(s[max(n-3, 0)])<<24 | uint64(s[n-1])<<32
	h *= 0x9e3779b97f4a7c15 // Fibonacci hashing: the high bits mix all of h
	return uint8(h >> 56), 1<<(h>>50&63) | 1<<(h>>44&63)
}

// add adds key s.
func (f *keyFilter) add(s string) {
	if len(s) >= 2 {
		w, m := filterBits(s)
		f[w] |= m
	}
}

// has reports whether s may be a key: always for a string shorter than
// two bytes, which has no bits.
func (f *keyFilter) has(s string) bool {
	if len(s) < 2 {
		return true
	}
	w, m := filterBits(s)
	return f[w]&m == m
}
