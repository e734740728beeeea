package arnews

import (
	"sort"
	"strings"
	"unicode/utf8"
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
	// Kind is "country", "city", "organization" or "person".
	Kind string `json:"kind"`
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

// GazetteerEntry is an entry a user adds to the gazetteer with
// [WithEntries]. Names are matched after normalization (diacritics,
// hamza forms of alef, ة/ه and ى/ي do not matter) and through the
// proclitics و ف ب ل ك ال لل, so list each name once, with ال where the
// name has it.
type GazetteerEntry struct {
	ID       string   // the entity's ID; an existing ID adds names to it
	Kind     string   // "country", "city", "organization", or "demonym" (masculine singular, e.g. قطري; Country says whose)
	Name     string   // canonical Arabic name
	Country  string   // ISO code of its state, if any
	Names    []string // other surface forms
	Acronyms []string // acronyms (قنا), matched as whole words only
	// Ambiguous marks a name that is also a common word or another
	// entity's name: its one-word forms are only taken with context (see
	// [FindEntities]).
	Ambiguous bool
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
//   - A news agency named in the text is mentioned again by الوكالة when
//     it is the only agency named so far.
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
	return findEntities(prepare(text), builtinGazetteer())
}

// wclass is a set of word classes used by the rules for people and
// institutions.
type wclass uint32

const (
	wFunc      wclass = 1 << iota // function word: preposition, pronoun, particle
	wStop                         // common word that is never part of a name
	wOffice                       // head of an office: وزير, رئيس, ولي, أمير
	wHonor                        // honorific or rank: الشيخ, السيد, العميد
	wRankTail                     // second word of a rank: الركن, أول
	wCounter                      // counterpart: نظيره
	wSpeech                       // speech verb: قال, أكدت
	wConstruct                    // noun inside an office or institution: مجلس, وزراء
	wConnect                      // link of a name chain: بن, آل, أبو, عبد
	wInst                         // head of a national institution
	wCue                          // word that makes an ambiguous name certain: مدينة
	wAgency                       // الوكالة, an anaphor for a news agency
	wWaName                       // a given name starting with و: وليد
	wNotFirst                     // a common word that may continue a name but not start it
)

// The word tables. Facts from common Arabic press usage (QNA, WAM, SPA,
// KUNA, Al Jazeera and the Arabic services of AFP and Reuters), and for
// ranks the rank lists of Arab armies; the lists are not exhaustive.
var (
	// functionWords are taken literally, with no article removed.
	functionWords = []string{
		"في", "من", "إلى", "عن", "مع", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "بأن", "لأن",
		"لدى", "عند", "بين", "حول", "خلال", "بعد", "قبل", "منذ", "حتى", "ضد", "نحو", "عبر", "دون",
		"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "هذا", "هذه", "ذلك", "تلك",
		"هؤلاء", "هو", "هي", "هم", "هما", "نحن", "كما", "كان", "كانت", "قد", "لقد", "لم", "لن", "ما",
		"لا", "أو", "أم", "ثم", "بل", "لكن", "لكنه", "إذا", "إذ", "حيث", "أي", "كل", "بعض", "غير",
		"عدة", "وسط", "أمام", "فيه", "فيها", "عليه", "عليها", "منه", "منها", "إليه", "له", "لها",
		"إلا", "الآن", "أيضا", "جدا", "عن", "تجاه", "لدي", "بشأن", "إثر", "عقب", "ضمن", "مثل",
		"سوى", "أمس", "اليوم", "غدا", "هنا", "هناك", "يوم", "عام", "بينما", "كذلك", "وفق", "وفقا",
	}
	// stopWords are common words that look like names or follow a title or
	// a speech verb, and are never taken as names.
	// notFirst are common nouns and adjectives that are also given names
	// or surnames (أمل hope, سلام peace, عادل just): they may continue a
	// name (نواف سلام) but never start one.
	notFirst  = []string{"أمل", "سلام", "عادل", "سلامة", "نصر", "فرح", "أمان"}
	stopWords = []string{
		"مسؤول", "مسؤولون", "مسؤولين", "مصدر", "مصادر", "بيان", "البيان", "تقرير", "تقارير",
		"متحدث", "شهود", "الشهود", "مراسل", "الموقع", "الصحيفة", "صحيفة", "مكتب", "المكتب",
		"الأسبوع", "الشهر", "العام", "الماضي", "الماضية", "الجاري", "الجارية", "المقبل", "المقبلة",
		"السابق", "السابقة", "الجديد", "الجديدة", "الحالي", "الحالية",
		"صباح", "مساء", "ليلة", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
		"الجمعة", "السبت", "عدد", "بعض", "كثير", "الكثير", "المزيد", "مزيد", "نفسه", "نفسها",
		"رسميا", "رسميًا", "أيضًا", "إنها", "وإن", "أمس", "حكومة", "الحكومة", "حكومات",
		"الاتفاقية", "الاتفاق", "اتفاق", "اتفاقا", "الجانب", "الجانبين", "البلدين", "الطرفين",
		"الحركة", "الشتاء", "الصيف", "الربيع", "الخريف", "مرة", "المرة", "أول", "آخر", "أخرى",
		"خطاب", "كلمة", "مؤتمر", "لقاء", "اجتماع", "تصريح", "تصريحات", "رسالة", "بلاده", "بلادها",
		"إن", "يوم", "التقى", "زار", "يزور", "استقبل", "بحث", "اجتمع", "وصل", "غادر", "دعا",
		"يدعو", "وقع", "وقعا", "وقعت", "أبرم", "أبرمت", "قام", "يقوم", "توجه", "شارك", "يشارك",
		"سيزور", "يلتقي", "التقت", "ترأس", "يترأس", "رحب", "أشاد", "هنأ", "عبر", "أعرب",
		"ستؤسس", "قسما", "قسمًا", "إنه", "خلال", "وسائل", "إعلام", "أوساط", "دوائر", "جهات",
		"مراقبون", "محللون", "خبراء", "ناشطون", "سكان", "مسؤولو", "قناة", "موقع", "الشرطة",
		"الطرفان", "الجانبان", "البلدان", "مواطنون", "نشطاء", "مصدران", "بيانا", "تقريرا",
	}
	// offices are heads of a title; they may take a complement
	// (وزير الخارجية), a country (أمير قطر) and a demonym.
	offices = []string{
		"وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "مساعد", "أمين", "الأمين", "سفير", "سفيرة",
		"مبعوث", "مبعوثة", "قائد", "مدير", "مديرة", "محافظ", "زعيم", "ولي", "أمير", "ملك",
		"سلطان", "مستشار", "مستشارة", "المندوب", "مندوب", "وكيل",
	}
	// honorifics are words of address and ranks; they are never inside a
	// person's mention. Military ranks come from the rank lists of Arab
	// armies (العميد, اللواء, الفريق, الفريق أول, الفريق الركن).
	honorifics = []string{
		"الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة",
		"المهندس", "الحاج", "الأمير", "الأميرة", "الملك", "الملكة", "السلطان", "الرئيس",
		"الرئيسة", "العاهل", "المستشار", "السفير", "السفيرة", "المبعوث", "النائب", "السيناتور",
		"الجنرال", "المشير", "الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد",
		"النقيب", "الملازم", "الأدميرال", "الإمام", "البابا", "القاضي", "سمو", "معالي", "فخامة",
		"سعادة", "سماحة", "جلالة", "الوزير", "الوزيرة", "القائد", "الزعيم",
	}
	rankTails    = []string{"الركن", "أول", "ركن", "أول ركن"}
	counterparts = []string{"نظير", "نظيره", "نظيرها", "نظيرته", "نظيرتها", "نظيريه", "نظراؤه", "نظيرهم"}
	// speechVerbs introduce a speaker: past forms, masculine and feminine.
	speechVerbs = []string{
		"قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أوضح", "أوضحت", "ذكر", "ذكرت",
		"صرح", "صرحت", "أضاف", "أضافت", "تابع", "تابعت", "أشار", "أشارت", "شدد", "شددت",
		"اعتبر", "اعتبرت", "لفت", "لفتت", "كشف", "كشفت", "نقل", "أفاد", "أفادت",
	}
	constructs = []string{"مجلس", "وزراء", "هيئة", "لجنة", "أركان", "قوات", "شؤون", "رئيس", "جهاز", "دولة", "حكومة"}
	connectors = []string{"بن", "ابن", "بنت", "آل", "أبو", "أبي", "أم", "عبد",
		// particles of European names written in Arabic: أورسولا فون دير لاين
		"فون", "فان", "دير", "دي", "ديل"}
	cues = []string{
		"مدينة", "العاصمة", "عاصمة", "بلدة", "محافظة", "ولاية", "إمارة", "دولة", "سلطنة", "مملكة",
		"جمهورية", "حركة", "حزب", "جماعة", "منظمة", "شركة", "وكالة", "مطار", "ميناء", "إقليم",
	}
	waNames = []string{"وليد", "وائل", "وفاء", "وسام", "وجدي", "وحيد", "وديع", "وضاح", "وداد", "وهبي",
		"ويليام", "وليام", "وارن", "وانغ", "والتر", "ويندي", "ويل", "وين"}
)

// isCommonWord reports whether an acronym is also a common word (ومع is
// "and with"), so that it is only taken with context.
func isCommonWord(a string) bool {
	n := Normalize(a)
	for _, w := range functionWords {
		w = Normalize(w)
		if n == w || n == "و"+w || n == "ف"+w || n == "ب"+w || n == "ل"+w {
			return true
		}
	}
	return false
}

// addWordClasses adds the word tables to the lexicon.
func (g *gazetteer) addWordClasses() {
	lit := func(ws []string, c wclass) {
		for _, w := range ws {
			g.entry(Normalize(w)).bare |= c
		}
	}
	byArticle := func(ws []string, c wclass) {
		for _, w := range ws {
			key, def, rest := phraseTokens(w)
			if key == "" || len(rest) > 0 {
				continue
			}
			e := g.entry(key)
			if def {
				e.def |= c
			} else {
				e.bare |= c
			}
		}
	}
	lit(functionWords, wFunc)
	lit(connectors, wConnect)
	lit(waNames, wWaName)
	byArticle(stopWords, wStop)
	byArticle(notFirst, wNotFirst)
	byArticle(offices, wOffice)
	byArticle(honorifics, wHonor)
	byArticle(rankTails, wRankTail)
	byArticle(counterparts, wCounter)
	byArticle(speechVerbs, wSpeech)
	byArticle(constructs, wConstruct)
	byArticle(cues, wCue)
	byArticle([]string{"الوكالة"}, wAgency)
}

// institution is a national institution recognised by pattern.
type institution struct {
	head     string // surface form of the head (وزارة, الحكومة, مجلس النواب)
	slug     string // ID slug; for ministries the complement's slug is added
	ministry bool   // takes a complement naming the portfolio
	bareOK   bool   // an entity even with no state named
}

// institutions are the national bodies named by pattern.
var institutions = []institution{
	{head: "وزارة", slug: "ministry-of-", ministry: true},
	{head: "حكومة", slug: "government"},
	{head: "برلمان", slug: "parliament", bareOK: true},
	{head: "مجلس النواب", slug: "house-of-representatives", bareOK: true},
	{head: "مجلس الشيوخ", slug: "senate", bareOK: true},
	{head: "مجلس الشورى", slug: "shura-council", bareOK: true},
	{head: "مجلس الوزراء", slug: "cabinet", bareOK: true},
	{head: "مجلس الأمة", slug: "national-assembly", bareOK: true},
	{head: "مجلس الشعب", slug: "peoples-assembly", bareOK: true},
	{head: "الكونغرس", slug: "congress", bareOK: true},
	{head: "جيش", slug: "army"},
	{head: "وكالة الأنباء", slug: "news-agency"},
	{head: "سفارة", slug: "embassy"},
}

// ministries maps a portfolio (normalized, without ال) to its ID slug.
var ministries = map[string]string{
	"خارجيه": "foreign-affairs", "شؤون الخارجيه": "foreign-affairs", "دفاع": "defense",
	"داخليه": "interior", "ماليه": "finance", "اقتصاد": "economy", "تجاره": "commerce",
	"عدل": "justice", "صحه": "health", "تعليم": "education", "تربيه والتعليم": "education",
	"تربيه": "education", "طاقه": "energy", "نفط": "oil", "اعلام": "information",
	"ثقافه": "culture", "زراعه": "agriculture", "نقل": "transport", "عمل": "labor",
	"اتصالات": "communications", "سياحه": "tourism", "خزانه": "treasury", "بيئه": "environment",
	"اوقاف": "religious-endowments", "اسكان": "housing", "صناعه": "industry",
	"تخطيط": "planning", "رياضه": "sports", "شباب": "youth", "عدليه": "justice",
}

// addInstitutions adds the heads of national institutions, with and without
// the article.
func (g *gazetteer) addInstitutions() {
	for i, in := range institutions {
		key, def, rest := phraseTokens(in.head)
		for _, d := range []bool{false, true} {
			if def && !d && len(rest) == 0 {
				continue // الكونغرس: only with the article
			}
			e := g.entry(key)
			e.phrases = append(e.phrases, phrase{kind: pInst, ref: int32(i), def: d, rest: rest})
			if d {
				e.def |= wInst
			} else {
				e.bare |= wInst
			}
		}
	}
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
	cls     wclass
	match   int32  // 1 + index in finder.matches of the phrase starting here; 0 if none
	dem     uint16 // 1 + index in gazetteer.codes of a demonym's country; 0 if none
	demEnd  int32  // end token of a (possibly longer) demonym starting here
	claimed bool   // part of a person's name or a parenthesised acronym
	def     bool   // the token has a reading with the article
}

// finder holds the state of one call of findEntities.
type finder struct {
	t       *text
	g       *gazetteer
	info    []tokInfo
	matches []gmatch
	ents    []*Entity
	first   []int // start of each entity's first mention so far
	byID    map[string]int
	// persons: surname keys → entity index, with the token where the
	// person was introduced.
	surnames  []surname
	lastTitle string
	acr       map[string]int // acronyms defined in parentheses
	instState map[string]string
	agencies  []int
}

type surname struct {
	key   string // the first word, without its article
	rest  []string
	def   bool
	ent   int
	after int // token index after which the key may link
}

// findEntities finds the entities of t with the matcher g.
func findEntities(t *text, g *gazetteer) []Entity {
	if g == nil {
		g = builtinGazetteer()
	}
	if len(t.toks) == 0 {
		return nil
	}
	f := &finder{t: t, g: g, info: make([]tokInfo, len(t.toks))}
	f.scan()
	f.structures()
	f.names()
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
		var best gmatch
		bestLen := 0
		for _, c := range tk.stems() {
			if c.def {
				inf.def = true
			}
			e := f.g.lex[tk.stem(c)]
			if e == nil {
				continue
			}
			if c.def {
				inf.cls |= e.def
			} else {
				b := e.bare
				if c.at != 0 && !conjOnly(tk, c) {
					b &^= wFunc | wStop | wConnect | wWaName
				}
				if c.at != 0 {
					b &^= wWaName
				}
				inf.cls |= b
			}
			for k := range e.phrases {
				p := &e.phrases[k]
				n := len(p.rest) + 1
				if p.kind == pInst {
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
		if bestLen == 0 {
			continue
		}
		if best.p.kind == pDemonym {
			inf.dem = best.p.cidx
			inf.demEnd = int32(best.end)
			continue
		}
		if best.p.ambig {
			best.cue = i > 0 && f.info[i-1].cls&wCue != 0 && toks[i-1].sent == tk.sent
		}
		// A country name that is also a demonym (السعودية) after a
		// definite noun is an adjective: السلطات السعودية.
		if bestLen == 1 && inf.dem != 0 && best.c.at == 4 && i > 0 && f.adjectivePosition(i) {
			continue
		}
		f.matches = append(f.matches, best)
		inf.match = int32(len(f.matches))
	}
}

// adjectivePosition reports whether token i follows a definite noun of the
// same sentence.
func (f *finder) adjectivePosition(i int) bool {
	p := &f.t.toks[i-1]
	pi := &f.info[i-1]
	return p.kind == tokWord && p.sent == f.t.toks[i].sent && pi.def && pi.match == 0 &&
		pi.cls&(wFunc|wSpeech) == 0
}

// conjOnly reports whether the proclitics cut by c are only و or ف.
func conjOnly(tk *token, c cut) bool {
	return c.at == 2 && !c.def && (strings.HasPrefix(tk.norm, "و") || strings.HasPrefix(tk.norm, "ف"))
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

// cutFor returns the first clitic cut of token i whose stem has a class in
// mask, or the whole word.
func (f *finder) cutFor(i int, mask wclass) cut {
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		if e := f.g.lex[tk.stem(c)]; e != nil {
			cls := e.bare
			if c.def {
				cls = e.def
			}
			if cls&mask != 0 {
				return c
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
	if !c.def {
		return c
	}
	tk := &f.t.toks[i]
	if c.at >= 4 && tk.norm[c.at-4:c.at] == "ال" {
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
func (f *finder) entity(id, kind, name, country string) int {
	if f.byID == nil {
		f.byID = make(map[string]int)
	}
	if k, ok := f.byID[id]; ok {
		return k
	}
	f.ents = append(f.ents, &Entity{ID: id, Kind: kind, Name: name, Country: country})
	f.first = append(f.first, -1)
	f.byID[id] = len(f.ents) - 1
	return len(f.ents) - 1
}

// add adds the mention m to entity k; duplicates are dropped by result.
func (f *finder) add(k int, m Mention) {
	f.ents[k].Mentions = append(f.ents[k].Mentions, m)
	if f.first[k] < 0 || m.Start < f.first[k] {
		f.first[k] = m.Start
	}
}

// mentionedBefore reports whether entity id has a mention starting before
// the byte offset pos.
func (f *finder) mentionedBefore(id string, pos int) bool {
	k, ok := f.byID[id]
	return ok && f.first[k] >= 0 && f.first[k] < pos
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
		if inf.cls&(wOffice|wHonor|wCounter) != 0 {
			if end, ok := f.personIntro(i); ok {
				i = end - 1
				continue
			}
		}
		if inf.cls&wInst != 0 {
			if end, ok := f.institution(i); ok {
				i = end - 1
				continue
			}
		}
		if inf.cls&wSpeech != 0 {
			f.speaker(i)
		}
	}
}

// complement extends an office from token j: the portfolio (الخارجية),
// nouns of a construct (مجلس الوزراء), and a country or organisation
// (أمير قطر, الأمين العام للأمم المتحدة). It returns the token after the
// complement and the country found, if any.
func (f *finder) complement(j, sent int) (int, string) {
	country := ""
	for k := 0; k < 4 && f.word(j, sent); k++ {
		if m := f.matchAt(j); m != nil {
			e := f.g.ents[m.p.ref]
			if e.kind == "country" || e.kind == "city" {
				country = e.country
			}
			return m.end, country
		}
		inf := &f.info[j]
		if inf.dem != 0 || inf.cls&(wHonor|wFunc|wCounter|wSpeech) != 0 || f.isSurname(j) {
			break
		}
		if inf.def && inf.cls&wConnect == 0 {
			j++
			continue
		}
		next := f.matchAt(j + 1)
		if inf.cls&wConstruct != 0 && f.word(j+1, sent) && (f.info[j+1].def || next != nil) {
			j++
			continue
		}
		if next != nil && f.g.ents[next.p.ref].kind == "country" {
			j++ // خارجية قطر
			continue
		}
		break
	}
	return j, country
}

// personIntro reads a person introduced at token i by an office, a
// counterpart or an honorific.
func (f *finder) personIntro(i int) (int, bool) {
	toks := f.t.toks
	sent := toks[i].sent
	j := i
	title, country := "", ""
	inf := f.info[i]
	switch {
	case inf.cls&wCounter != 0:
		title = f.lastTitle
		j++
	case inf.cls&wOffice != 0:
		c := f.cutFor(i, wOffice)
		end, ctry := f.complement(i+1, sent)
		m := f.mention(i, c, end-1)
		title, country, j = m.Text, ctry, end
	}
	honor := ""
	for k := 0; k < 4 && f.word(j, sent); k++ {
		if d, end, ok := f.demonymAt(j, sent); ok {
			if country == "" {
				country = d
			}
			j = end
			continue
		}
		if f.info[j].cls&wHonor != 0 {
			h := j
			c := f.cutFor(j, wHonor)
			if j > i && f.visible(j, c).at != 0 {
				break // a new phrase: والرئيس
			}
			j++
			for f.word(j, sent) && f.info[j].cls&wRankTail != 0 {
				j++
			}
			if honor == "" {
				honor = f.mention(h, c, j-1).Text
			}
			continue
		}
		break
	}
	if title == "" {
		title = honor
	}
	// عن الجانب السعودي وزير الاستثمار خالد الفالح: the side speaks for SA.
	if country == "" && i >= 2 && f.info[i-1].dem != 0 && int(f.info[i-1].demEnd) == i &&
		stripArticle(&f.t.toks[i-2]) == "جانب" {
		country = f.g.codes[f.info[i-1].dem-1]
	}
	if title == "" {
		return i + 1, false
	}
	end, ok := f.parseName(j, sent, true)
	if !ok {
		return i + 1, false
	}
	k := f.addPerson(j, end, title, country)
	if f.ents[k].Title != "" {
		f.lastTitle = f.ents[k].Title
	}
	return end, true
}

// speaker reads a name of two or three words after the speech verb at i.
func (f *finder) speaker(i int) {
	sent := f.t.toks[i].sent
	j := i + 1
	if !f.word(j, sent) || f.info[j].def || f.info[j].claimed || f.isSurname(j) {
		return
	}
	end, ok := f.parseName(j, sent, false)
	if !ok || end-j < 2 {
		return
	}
	// The name must end at a boundary: punctuation, a function word or
	// the end of the sentence.
	if end < len(f.t.toks) && f.t.toks[end].sent == sent && f.t.toks[end].kind == tokWord &&
		f.info[end].cls&wFunc == 0 && !f.isAla(end) {
		return
	}
	f.addPerson(j, end, "", "")
}

// isAla reports whether token i is the preposition على, which the Search
// form folds to علي like the name Ali: the original spelling decides.
func (f *finder) isAla(i int) bool {
	tk := &f.t.toks[i]
	if !strings.HasSuffix(tk.norm, "علي") {
		return false
	}
	return strings.ContainsRune(f.t.src[tk.span.Start:tk.span.End], 'ى')
}

// nameWord reports whether token j may be a word of a person's name.
func (f *finder) nameWord(j, sent int, first bool) bool {
	if !f.word(j, sent) {
		return false
	}
	inf := &f.info[j]
	if inf.claimed || inf.match != 0 || inf.dem != 0 || f.isAla(j) {
		return false
	}
	if inf.cls&(wFunc|wStop|wOffice|wHonor|wCounter|wSpeech|wInst|wConnect|wAgency|wCue|wRankTail) != 0 {
		return false
	}
	tk := &f.t.toks[j]
	if utf8.RuneCountInString(tk.norm) < 2 || first && inf.cls&wNotFirst != 0 {
		return false
	}
	if inf.cls&wWaName == 0 && strings.HasPrefix(tk.norm, "و") && tk.ncut > 1 {
		return false // وعقيلته, وفدا: و starts a new phrase
	}
	// Tanween marks an indefinite noun, never a name: وفدًا.
	return !strings.ContainsRune(f.t.src[tk.span.Start:tk.span.End], '\u064B')
}

// parseName reads a person's name from token j: one to three words, or a
// chain with بن, ابن, بنت, آل, أبو, عبد. It returns the token after it.
// After a title the first word may not carry the article (الجديد), unless
// it is a known surname.
func (f *finder) parseName(j, sent int, afterTitle bool) (int, bool) {
	toks := f.t.toks
	k, run, total := j, 0, 0
	for total < 10 && f.word(k, sent) {
		w := toks[k].norm
		if f.info[k].cls&wConnect != 0 && !f.info[k].claimed {
			switch w {
			case "بن", "ابن", "بنت", "ابي":
				if k == j || !(f.nameWord(k+1, sent, false) || f.word(k+1, sent) && toks[k+1].norm == "عبد") {
					return f.nameEnd(j, k)
				}
				k++
				run = 0
				continue
			case "ال":
				if !f.nameWord(k+1, sent, false) {
					return f.nameEnd(j, k)
				}
				k += 2
				total += 2
				run = 0
				continue
			case "عبد":
				if !f.word(k+1, sent) || !f.info[k+1].def {
					return f.nameEnd(j, k)
				}
				k += 2
				total += 2
				run++
				continue
			case "ابو", "ام":
				if !f.nameWord(k+1, sent, false) {
					return f.nameEnd(j, k)
				}
				k += 2
				total += 2
				run++
				continue
			case "فون", "فان", "دير", "دي", "ديل":
				// Inside a foreign name only: after a first name, before
				// another name word.
				if k == j || !f.nameWord(k+1, sent, false) && !(f.word(k+1, sent) && f.info[k+1].cls&wConnect != 0) {
					return f.nameEnd(j, k)
				}
				k++
				total++
				continue
			}
			break
		}
		if k-j >= 2 && run < 3 && f.info[k].def {
			// A nisba that is also a demonym ends a name of two or more
			// words when no name word follows: محمد شياع السوداني.
			if _, end, ok := f.demonymAt(k, sent); ok && end == k+1 && (!f.word(k+1, sent) || f.info[k+1].cls&wFunc != 0) {
				k++
				break
			}
		}
		if run >= 3 || !f.nameWord(k, sent, k == j) {
			break
		}
		if k == j && f.info[k].def && !f.isSurname(k) {
			return j, false
		}
		def := f.info[k].def
		k++
		total++
		run++
		if def && k-1 > j {
			break // a surname with the article ends the name: مصطفى الكاظمي
		}
	}
	return f.nameEnd(j, k)
}

func (f *finder) nameEnd(j, k int) (int, bool) {
	// A name does not end on a link word.
	for k > j && f.info[k-1].cls&wConnect != 0 {
		k--
	}
	return k, k > j
}

// personKey returns the normalized words of tokens [a, b).
func (f *finder) personKey(a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a {
			sb.WriteByte('-')
		}
		sb.WriteString(f.t.toks[k].norm)
	}
	return sb.String()
}

// isSurname reports whether a known person's surname key starts at token i.
func (f *finder) isSurname(i int) bool {
	_, end := f.surnameAt(i)
	return end > i
}

// surnameAt returns the person whose surname key starts at token i, and
// the token after the key.
func (f *finder) surnameAt(i int) (int, int) {
	if len(f.surnames) == 0 || f.t.toks[i].kind != tokWord {
		return -1, i
	}
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		stem := tk.stem(c)
		for _, s := range f.surnames {
			if s.key == stem && s.def == c.def && i > s.after && f.follows(i, s.rest) {
				return s.ent, i + 1 + len(s.rest)
			}
		}
	}
	return -1, i
}

// addPerson records the person named by tokens [a, b).
func (f *finder) addPerson(a, b int, title, country string) int {
	for k := a; k < b; k++ {
		f.info[k].claimed = true
	}
	m := f.mention(a, cut{}, b-1)
	k := -1
	if s, end := f.surnameAt(a); s >= 0 && end == b {
		k = s // الوزير بلينكن: a known person
	}
	known := k >= 0
	if k < 0 {
		n := len(f.ents)
		k = f.entity("person:"+f.personKey(a, b), "person", m.Text, "")
		known = k < n
	}
	e := f.ents[k]
	if e.Title == "" {
		e.Title = title
	}
	if e.Country == "" {
		e.Country = country
	}
	f.add(k, m)
	if known {
		return k
	}
	// The surname key: the last word, or آل + the last word.
	if b-a >= 2 {
		s := b - 1
		if s-1 > a && f.t.toks[s-1].norm == "ال" {
			s--
		}
		f.addSurname(s, b, k, b-1)
	}
	f.addSurname(a, b, k, b-1)
	return k
}

func (f *finder) addSurname(a, b, ent, after int) {
	tk := &f.t.toks[a]
	key, def := tk.norm, false
	if f.info[a].def {
		for _, c := range tk.stems() {
			if c.def && c.at == 4 {
				key, def = tk.stem(c), true
			}
		}
	}
	if f.info[a].cls&(wFunc|wStop) != 0 && b-a == 1 {
		return
	}
	rest := make([]string, 0, b-a-1)
	for k := a + 1; k < b; k++ {
		rest = append(rest, f.t.toks[k].norm)
	}
	f.surnames = append(f.surnames, surname{key: key, rest: rest, def: def, ent: ent, after: after})
}

// institution reads a national institution whose head is at token i.
func (f *finder) institution(i int) (int, bool) {
	toks := f.t.toks
	tk := &toks[i]
	sent := tk.sent
	var in *institution
	var c cut
	end := 0
	for _, cc := range tk.stems() {
		e := f.g.lex[tk.stem(cc)]
		if e == nil {
			continue
		}
		for k := range e.phrases {
			p := &e.phrases[k]
			if p.kind == pInst && p.def == cc.def && f.follows(i, p.rest) && i+1+len(p.rest) > end {
				in, c, end = &institutions[p.ref], cc, i+1+len(p.rest)
			}
		}
	}
	if in == nil {
		return i + 1, false
	}
	slug := in.slug
	j := end
	if in.ministry {
		var port []string
		for k := 0; k < 3 && f.word(j, sent) && f.info[j].def && f.info[j].dem == 0 && f.info[j].match == 0; k++ {
			port = append(port, stripArticle(&toks[j]))
			j++
		}
		if len(port) == 0 && f.word(j, sent) && f.matchAt(j+1) != nil && f.g.ents[f.matchAt(j+1).p.ref].kind == "country" {
			port = append(port, toks[j].norm) // وزارة خارجية قطر
			j++
		}
		if len(port) == 0 {
			return i + 1, false
		}
		p := strings.Join(port, " ")
		if s, ok := ministries[p]; ok {
			slug += s
		} else {
			slug += strings.ReplaceAll(p, " ", "-")
		}
	}
	country := ""
	if d, e, ok := f.demonymAt(j, sent); ok {
		country, j = d, e
	} else if m := f.matchAt(j); m != nil && (!c.def || in.ministry) && f.g.ents[m.p.ref].kind == "country" && m.start == j {
		country, j = f.g.ents[m.p.ref].country, m.end
	}
	// A gazetteer name covering as much wins: وكالة الأنباء القطرية.
	if m := f.matchAt(i); m != nil && m.end >= j {
		return i + 1, false
	}
	if country == "" {
		if !in.bareOK && !in.ministry {
			return i + 1, false
		}
		country = f.instState[slug]
	}
	id := "org:" + slug
	if country != "" {
		id = "org:" + country + ":" + slug
	}
	m := f.mention(i, c, j-1)
	k := f.entity(id, "organization", m.Text, country)
	f.add(k, m)
	if country != "" {
		if f.instState == nil {
			f.instState = make(map[string]string)
		}
		if old, ok := f.instState[slug]; ok && old != country {
			f.instState[slug] = "" // two states: no longer obvious
		} else if !ok {
			f.instState[slug] = country
		}
	}
	if in.slug == "news-agency" {
		f.noteAgency(k)
	}
	return f.parenAcronym(j, k), true
}

func stripArticle(tk *token) string {
	for _, c := range tk.stems() {
		if c.def {
			return tk.stem(c)
		}
	}
	return tk.norm
}

// parenAcronym takes "(acronym)" right after an organisation ending at
// token j as a mention of entity k, and returns the token after it.
func (f *finder) parenAcronym(j, k int) int {
	toks := f.t.toks
	if j+2 >= len(toks) || toks[j].norm != "(" || toks[j+1].kind != tokWord {
		return j
	}
	close := j + 2
	for close < len(toks) && close < j+5 && toks[close].kind == tokWord {
		close++
	}
	if close >= len(toks) || toks[close].norm != ")" || toks[close].sent != toks[j].sent {
		return j
	}
	for x := j + 1; x < close; x++ {
		if utf8.RuneCountInString(toks[x].norm) > 8 {
			return j
		}
		f.info[x].claimed = true
	}
	f.add(k, f.mention(j+1, cut{}, close-1))
	if close == j+2 && !f.ambiguousAcronym(j+1) {
		if f.acr == nil {
			f.acr = make(map[string]int)
		}
		f.acr[toks[j+1].norm] = k
	}
	return close + 1
}

// ambiguousAcronym reports whether the one-word acronym at token i is also
// a common word (ومع "and with", بنا "with us"), so that it is not linked
// outside parentheses.
func (f *finder) ambiguousAcronym(i int) bool {
	if f.info[i].cls&(wFunc|wStop) != 0 {
		return true
	}
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		e := f.g.lex[tk.stem(c)]
		if e == nil {
			continue
		}
		if c.at == 2 && e.bare&wFunc != 0 {
			return true // و + مع
		}
		for _, p := range e.phrases {
			if p.kind == pAcronym && p.ambig {
				return true
			}
		}
	}
	return false
}

func (f *finder) noteAgency(k int) {
	for _, a := range f.agencies {
		if a == k {
			return
		}
	}
	f.agencies = append(f.agencies, k)
}

// names emits the gazetteer matches, acronyms, surnames and agency
// anaphors, in one pass.
func (f *finder) names() {
	toks := f.t.toks
	for i := 0; i < len(toks); i++ {
		inf := &f.info[i]
		if toks[i].kind != tokWord || inf.claimed {
			continue
		}
		if m := f.matchAt(i); m != nil {
			ge := &f.g.ents[m.p.ref]
			mn := f.mention(i, m.c, m.end-1)
			if m.p.ambig && m.p.kind == pAcronym {
				// ومع, بنا: only in parentheses after the agency's name.
				continue
			}
			if m.p.ambig {
				// A demonym after the name settles it: عمان الأردنية is
				// Amman, not Oman.
				if d, _, ok := f.demonymAt(m.end, toks[i].sent); ok && d != ge.country {
					alt := f.alternative(m, d)
					if alt == nil {
						continue
					}
					ge = alt
				} else if !m.cue {
					if ge = f.byContext(m, mn.Start); ge == nil {
						continue
					}
				}
			}
			k := f.entity(ge.id, ge.kind, ge.name, ge.country)
			f.add(k, mn)
			end := m.end
			if ge.kind == "organization" {
				if ge.agency {
					f.noteAgency(k)
				}
				end = f.parenAcronym(m.end, k)
			}
			i = end - 1
			continue
		}
		if p, end := f.surnameAt(i); p >= 0 {
			f.add(p, f.mention(i, f.surnameCut(i), end-1))
			i = end - 1
			continue
		}
		if len(f.acr) > 0 {
			if k, c, ok := f.docAcronym(i); ok {
				f.add(k, f.mention(i, c, i))
				continue
			}
		}
		if inf.cls&wAgency != 0 && len(f.agencies) == 1 && f.mentionedBefore(f.ents[f.agencies[0]].ID, toks[i].span.Start) {
			// Not الوكالة الدولية للطاقة الذرية and the like: those are
			// gazetteer names, matched above.
			f.add(f.agencies[0], f.mention(i, f.cutFor(i, wAgency), i))
		}
	}
}

// alternative returns another entity with the same one-word name as the
// match m, belonging to country.
func (f *finder) alternative(m *gmatch, country string) *gazEntity {
	tk := &f.t.toks[m.start]
	e := f.g.lex[tk.stem(m.c)]
	if e == nil {
		return nil
	}
	for k := range e.phrases {
		p := &e.phrases[k]
		if p.kind == pEntity && len(p.rest) == 0 && p.def == m.c.def && f.g.ents[p.ref].country == country {
			return &f.g.ents[p.ref]
		}
	}
	return nil
}

// byContext resolves an ambiguous one-word name with no cue by the
// document: it is taken when exactly one of the entities bearing it was
// mentioned before pos or belongs to a country mentioned before pos (عمّان
// after الأردن is Amman).
func (f *finder) byContext(m *gmatch, pos int) *gazEntity {
	tk := &f.t.toks[m.start]
	e := f.g.lex[tk.stem(m.c)]
	if e == nil {
		return nil
	}
	var found *gazEntity
	for k := range e.phrases {
		p := &e.phrases[k]
		if p.kind != pEntity || len(p.rest) != 0 || p.def != m.c.def {
			continue
		}
		ge := &f.g.ents[p.ref]
		if !f.mentionedBefore(ge.id, pos) &&
			(ge.kind == "country" || ge.country == "" || !f.mentionedBefore(ge.country, pos)) {
			continue
		}
		if found != nil && found != ge {
			return nil
		}
		found = ge
	}
	return found
}

// surnameCut returns the cut of token i through which a surname matched.
func (f *finder) surnameCut(i int) cut {
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		for _, s := range f.surnames {
			if s.key == tk.stem(c) && s.def == c.def && f.follows(i, s.rest) {
				return c
			}
		}
	}
	return cut{}
}

// docAcronym finds at token i an acronym defined in parentheses earlier.
func (f *finder) docAcronym(i int) (int, cut, bool) {
	tk := &f.t.toks[i]
	for _, c := range tk.stems() {
		if c.at > 2 || c.def {
			continue
		}
		if k, ok := f.acr[tk.stem(c)]; ok {
			return k, c, true
		}
	}
	return 0, cut{}, false
}

// result orders the entities by first mention and their mentions by
// position.
func (f *finder) result() []Entity {
	out := make([]Entity, 0, len(f.ents))
	for _, e := range f.ents {
		if len(e.Mentions) == 0 {
			continue
		}
		sort.SliceStable(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		ms := e.Mentions[:1]
		for _, m := range e.Mentions[1:] {
			if m.Span != ms[len(ms)-1].Span {
				ms = append(ms, m)
			}
		}
		e.Mentions = ms
		out = append(out, *e)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Mentions[0].Start < out[b].Mentions[0].Start })
	return out
}
