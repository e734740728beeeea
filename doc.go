// Package arnews turns Arabic news text into structured facts: normalized
// text, dates in every month-name system Arabic editors use, the parties
// named (countries, cities, organisations, people) and the agreements
// reported between them. Every fact points back into the text the caller
// passed, with byte offsets.
//
// The one call most programs need is [Extract]:
//
//	doc := arnews.Extract(article, arnews.WithRef(published))
//	for _, a := range doc.Agreements {
//		fmt.Println(a.Kind, a.Status, a.Parties, a.Subject.Text)
//	}
//
// Extract runs one pipeline: the text is normalized once (with a map back to
// the original offsets), cut once into tokens with their clitics split
// (وقطر → و + قطر), each word looked up once in the lexicon of closed word
// classes, grouped into sentences, and then annotated in turn by the date
// finder, the entity finder and the agreement rules, each reading the
// layers before it. The stages are also available on their own:
// [Normalize] and [Normalizer], [ParseDate] and [FindDates],
// [FindEntities].
//
// The word lists are data, embedded from the package's data directory,
// each file with a header that says where its facts come from:
// data/lexicon.tsv (function words, titles, speech verbs, instrument
// nouns, signing and approval words, … one row per word and class),
// data/months.tsv (month and weekday names), data/numbers.tsv (ordinal
// days in words), data/gazetteer.tsv (countries, demonyms, cities,
// organisations), data/institutions.tsv (state bodies found by pattern)
// and data/umm-al-qura.tsv (the Umm al-Qura calendar, compiled into
// hijri_table.go by go generate).
//
// # Normalization
//
// [Normalize] applies the [Search] form, the one arnews matches on.
// A [Normalizer] applies any [Form], a set of independent steps:
//
//	step              what it does
//	StripDiacritics   deletes U+064B–U+065F, U+0670, U+0610–U+061A, U+06D6–U+06ED;
//	                  a combining hamza or madda first composes (ا+ٔ → أ, ي+ٔ → ئ)
//	StripTatweel      deletes U+0640
//	FoldAlef          أ إ آ ٱ ٲ ٳ ٵ → ا
//	FoldYa            ى → ي (never ى → ا); ی U+06CC and ے U+06D2 → ي
//	FoldTehMarbuta    ة → ه
//	FoldHamza         ؤ → و, ئ → ي                                    (not in Search)
//	FoldPersian       ک → ك; ە ہ ھ ۀ → ه
//	FoldDigits        ٠–٩ and ۰–۹ → 0–9; ٫ → "." and ٬ → "," between digits
//	FoldPresentation  U+FB50–U+FDFF, U+FE70–U+FEFE to letters; ﻷ → لأ
//	StripInvisible    deletes ZWNJ, ZWJ, LRM, RLM, ALM, U+202A–U+202E,
//	                  U+2066–U+2069, U+FEFF, U+00AD
//	FoldPunctuation   ، → ","  ؛ → ";"  ؟ → "?"  « » “ ” „ → '"'          (not in Search)
//	FoldSpaces        no-break and typographic spaces → " ", runs → one  (not in Search)
//
// Ill-formed UTF-8 becomes U+FFFD, one per invalid byte, under every form.
// Normalization is idempotent: n.String(n.String(s)) == n.String(s). Text
// already in normal form is returned as is, without allocating. A
// Normalizer is a transform.SpanningTransformer: streaming it through
// transform.NewReader gives the same bytes as String, whatever the buffer
// sizes. [Normalizer.StringMap] also returns an [OffsetMap] from normalized
// offsets back to the original ones; a normalized span maps to the smallest
// original span that produced it, widened over combining marks deleted
// right after its last letter.
//
// The normalizer looks through at most 64 deleted runes when it needs the
// rune that follows (for hamza composition, digit separators and space
// runs), so that streaming needs bounded memory.
//
// # Dates
//
// [ParseDate] reads one date expression and [FindDates] finds every date in
// running text, resolving relative expressions against the publication
// date. Both read the Gregorian months as Egypt and the Gulf write them
// (يناير), the Syriac months of the Levant and Iraq (كانون الثاني), the
// Maghreb names of Algeria and Tunisia (جانفي) and of Morocco (يوليوز،
// غشت), the Libyan and Mauritanian names, and the Hijri months, converted to
// Gregorian with the Umm al-Qura calendar for 1343–1500 AH and the
// arithmetic (tabular) Islamic calendar outside it. Above all they read the
// dual forms editors write, as one date: أغسطس/آب, 31 ديسمبر/كانون الأول,
// شباط / فبراير 2020, يناير (كانون الثاني). Each [Date] has a [Grain] (day,
// ISO week, month or year) and the [Calendar] it was written in; a range
// is one Date whose [Date.Until] is its last date, and its value is an
// ISO 8601 interval (2021-03-05/2021-03-10).
//
// What is read, by family (values for a text published on Friday
// 2021-11-12):
//
//	family                  examples                                          value
//	day, month, year        12 مايو 2020، الأول من أيار، أغسطس/آب، عام 2020     2020-05-12, 2022-05-01, 2021-08, 2020
//	numbers in words        الثالث عشر من يناير، واحد وعشرين مايو، عام ألفين وعشرين  2022-01-13, 2021-05-21, 2020
//	month first             مايو الحادي عشر، يناير-1، سبتمبر10، ألف وتسعمائة وواحد  2022-05-11, 2022-01-01, 1901-09-10
//	numeric                 31/12/2021، 22/4، 3/2015، 2015.3، 16/04/21، 2. أكتوبر  2021-12-31, 2022-04-22, 2015-03, 2021-04-16
//	a day without a month   يوم 27، في 22.، 18 الجاري، الخميس 18، السبت السادس عشر   that day of the month just told, or of ref's
//	weekdays                الجمعة، الأحد المقبل، الجمعة من الأسبوع المقبل، هذا الاثنين  2021-11-12, 2021-11-14, 2021-11-19, 2021-11-08
//	nth weekday             أول ثلاثاء من أكتوبر، آخر اثنين من مارس، الأحد الثاني  the nth such day of the month
//	relative words          اليوم، أمس، أول أمس، غدا، بكرة، يوم غد، قبل أمس      2021-11-12, -11, -10, -13, -13, -13, -10
//	relative periods        الشهر الماضي، العام المقبل، الأسبوع بعد القادم، العقد المقبل  2021-10, 2022, 2021-W47, 2030/2039
//	from the day just told  اليوم التالي، اليوم السابق، نفس اليوم، العام التالي    the day after, before, the same day, the year after
//	counted from ref        قبل يومين، منذ 3 أيام، قبل أسبوع، قبل شهرين، بعد 10 أيام من الآن  2021-11-10, 2021-11-09, 2021-W44, 2021-09, 2021-11-22
//	the few periods around  الأيام الثلاثة المقبلة، الأسابيع القليلة الماضية، آخر 3 سنوات  2021-11-13/2021-11-15, 2021-W42/2021-W44, 2018/2020
//	parts of a period       أواخر مارس، مطلع 2021، منتصف يناير، نهاية العام      2022-03-21/2022-03-31, 2021-01/2021-06, 2022-01-15, 2021-07/2021-12
//	halves, quarters        النصف الأول من 2021، الربع الثالث، الربع الأخير من العام  2021-01/2021-06, 2021-07/2021-09, 2021-10/2021-12
//	weeks of a period       الأسبوع الأول من أكتوبر، الأسبوع الأخير من عام 2015، أسبوع 16 سبتمبر  2021-W40, 2015-W53, 2021-W37
//	the rest of a period    بقية العام، باقي الأسبوع                            2021-11-12/2021-12-31, 2021-11-12/2021-11-14
//	ranges                  من 5 إلى 10 مارس، بين 5 و10 مارس، من مارس حتى مايو 2020، بين عامي 2001 و2021، 19-20 نوفمبر  2022-03-05/2022-03-10, …, 2001/2021
//	seasons, decades        صيف 2016، الشتاء المقبل، السبعينيات، ثمانينيات القرن الماضي  2016-06/2016-08, 2021-12/2022-02, 1970/1979
//	holidays                عيد الفطر المقبل، عيد الأضحى 2013، عيد الميلاد، عيد الفصح، اليوم الوطني السعودي  2022-05-02, 2013-10-15, 2021-12-25, 2022-04-17, 2022-09-23
//
// The parts of a month are its days 1-10 (مطلع، أوائل، بداية), 11-20
// (أواسط) and 21 to the end (أواخر، نهاية، آخر), منتصف being the 15th; of a
// year, January-June and July-December; of a week, Monday-Wednesday,
// Tuesday-Friday and Thursday-Sunday. The date counted from ref has the
// grain of its finest unit. Holidays come from data/holidays.tsv: Islamic
// days converted through the Umm al-Qura table, Western and Orthodox Easter
// computed, civil days, and Arab national days named with their country.
// The ends of a range complete each other: in من 5 إلى 10 مارس the first
// end takes its month and year from the last.
//
// What is deliberately not read: durations (لمدة 5 سنوات، 20 عاماً من
// الحرب، خلال 14 شهرا), lengths counted from an event (قبل يومين من
// الانتخابات), times of day and clock times, an ordinary word that looks
// like a month or a weekday without a context that makes it one (مارس
// الضغط، رجب طيب أردوغان، جمعة مبارك), numbers that are scores, fractions
// or references (بنتيجة 2-1، 3/4 الأسهم، القرار رقم 3/2015), and a
// national day whose country is not named (عيد الاستقلال).
//
// # Parties
//
// [FindEntities] finds countries (with ISO 3166-1 codes), cities, regions,
// organisations and people, through the clitics attached to them (وقطر،
// بواشنطن، لطالبان، للولايات المتحدة), and links later mentions to earlier
// ones (أنتوني بلينكن … بلينكن). Three sources work in turn, each on what
// the ones before left:
//
//   - The gazetteer (data/gazetteer.tsv, and the entries of [WithEntries])
//     names countries, cities, regions and organisations. A one-word name
//     that is also a common word or another place's name (مالي، عمان، جدة)
//     is taken only with a cue (مدينة، العاصمة، سلطنة), a demonym that
//     settles it, or after an unambiguous mention.
//   - Rules read the structures of news text: a person after an office,
//     rank, honorific or counterpart (وزير الخارجية الأمريكي أنتوني
//     بلينكن، العميد يحيى سريع، نظيره العماني بدر البوسعيدي), national
//     institutions (وزارة الخارجية الأمريكية، الحكومة العراقية، المحكمة
//     العليا الإسرائيلية), the source a dateline names (بغداد -عراق برس-),
//     a quoted name after a kind of organisation (قناة «المنار»), an acronym
//     in parentheses after a name (وكالة الأنباء القطرية (قنا)), and الوكالة
//     for the news agency named last before it; two bodies named by a dual
//     (وزارتا الخارجية الصومالية والمصرية), a ministry named by its
//     portfolio alone (الخارجية الصومالية), a body named by an adjective
//     (المؤتمر الوطني العام), a sports club named after its city (دينامو
//     كييف، فريق ليون), and a place after a word for a kind of place when
//     the text says where it lies (حي الدورة جنوبي العاصمة).
//   - A trained tagger finds the people, organisations and places that no
//     list holds and no title introduces: a first-order averaged perceptron
//     over the package's own tokens, decoded with Viterbi in two stages (the
//     second reads what the first found elsewhere in the text), trained on
//     ANERcorp with name lists as features (data/tagger.model, CC BY-SA 4.0,
//     see data/TAGGER-LICENSE). It also bounds the names the rules read (a
//     title followed by no name, رئيس بعثة، is no person), and a city it
//     reads as part of an organisation is that organisation (برشلونة
//     الإسباني, a club; نيويورك تايمز). What it finds once is found again
//     wherever it recurs. [WithoutTagger] leaves it out: about two and a
//     half times faster on a long text and five on one article, for people
//     found only through titles.
//
// Demonyms (الأمريكي، القطرية) are not mentions: they give a Country to the
// noun they follow (وزير الخارجية الأمريكي، الجانب العراقي). A mention never
// includes its proclitics, a person's title or honorific (الشيخ), or a
// generic head (دولة قطر is a mention of قطر); it keeps the article of a
// name that has one (الدوحة).
//
// Entity IDs are stable keys:
//
//	QA                                   a country: ISO 3166-1 alpha-2
//	city:QA:doha, region:darfur          a gazetteer city or region
//	org:taliban                          a gazetteer organisation
//	org:US:ministry-of-foreign-affairs   a national institution of a state
//	org:IL:court-العليا                   a named institution: its name in Search form
//	person:انتوني-بلينكن                  a person: the name's words in Search form
//	org:عراق-برس, region:بني-زيد          found by rule or tagger: the words in Search form
//
// The built-in gazetteer is the file data/gazetteer.tsv, embedded in the
// package: 198 countries (every UN member and observer state, Taiwan,
// Kosovo, Western Sahara) with their demonyms, 660 cities, 8 regions and
// 324 organisations (UN bodies, regional organisations, news agencies with
// their acronyms, movements and armed groups, large companies, social
// networks, football clubs). Its header
// says where the facts come from. Add entries with [WithEntries]; an entry
// of the caller wins over a built-in one of the same name.
//
// # Agreements
//
// Extract reports each [Agreement]: its kind and status, its parties and
// signatories (IDs of entities in the same Document), its subject, its
// signing and effective dates, where it was signed and who reported it.
// The rules work on a sentence at a time, with the dates and entities
// already marked: an instrument noun (اتفاق، اتفاقية، مذكرة تفاهم،
// معاهدة، بروتوكول، ميثاق، ترتيب، إعلان، صفقة، عقد، شراكة) anchors an
// agreement; the nearest trigger in its clause gives the status (أبرم،
// وقع، توقيع → signed; صادق، وافق، أقر → approved; دخل حيز التنفيذ →
// in_force; مفاوضات، توصل إلى, or a signing in the future → negotiating);
// the parties come from the clause of the trigger (أبرمت الولايات المتحدة
// وقطر اتفاقا، حكومتي قطر والولايات المتحدة وقعتا), from بين X وY and مع X,
// from عن الجانب + demonym, from the agents of a passive signing (من قبل،
// من طرف), from the state of a ministry or of a signatory's office, from
// a relative clause (الاتفاقية التي وقعتها X), from البلدين or الجانبين
// resolved to the two parties in context, and from المملكة in a story from
// a kingdom. Later definite mentions (الاتفاقية، الاتفاق، الترتيبات) attach
// to the agreement they refer to instead of making a new one: a specific
// noun (المعاهدة، البروتوكول) only to one of its kind, and not when it
// names its own date or parties (البروتوكول الموقع مع …).
//
// One record per instrument: the headline and the lead that tell the same
// signing are one agreement, and so are later mentions of it with the same
// parties; a named instrument (اتفاق الحديدة) stays apart from others, and
// another (اتفاقا جديدا) never folds back. A list is one record per item:
// a dual (مذكرتي تفاهم حول التعليم والإعلام) gives two, a list after هي
// one each, and ordinal items (مذكرة التفاهم الأولى … الثانية) replace
// their group and take from it what they lack. A package that is never
// itemized (أكثر من 20 اتفاقية ومذكرة تفاهم) is one record whose Count
// says how many. The subject follows the instrument (بشأن، حول، لـ، في
// مجال، من أجل) or a verb of concern (تتعلق بـ، ينص على، يهدف إلى); the
// signing date is the date of the signing's clause, or the story's lead
// date for a signing that gives none (never the dateline's own date).
//
// Not agreements: a verb without an instrument (اتفق المحللون على أن),
// the act of agreeing (بالاتفاق مع، تم الاتفاق على، اتفاق على ضرورة),
// pledges (تعهدات), hypothetical instruments (أي اتفاق، اتفاقية محتملة),
// meetings (اجتماع اللجنة), drafts that are approved (مشروع اتفاقية is a
// draft; its approval is no approval of an instrument), instruments in web
// addresses, and the weak nouns (شراكة، ترتيب، عقد، صفقة، إعلان) without a
// trigger (شراكة إنفاذ القانون as a session topic). An instrument that no
// signing, approval, entry into force or talks govern (انسحبت من الاتفاق،
// علقت العمل بالاتفاقية) and a negated or refused one (لم توقع، رفضت) are
// kept with status "mentioned"; so is a signing dated more than 90 days
// before the publication date (اتفاق عام 2020 in an article of 2021),
// which the text recalls as background: event databases then count each
// signing once, in the article that reports it as news.
//
// # Offsets
//
// Every [Span] is a half-open range [Start, End) of byte offsets into the
// text given to the function that returned it, never into a normalized
// copy. For every mention m, text[m.Start:m.End] == m.Text, and spans fall
// on rune boundaries (an invalid byte counts as a rune of its own). Clitics
// stay out of mentions: in وقطر the mention of Qatar is قطر.
//
// # Time and memory
//
// Every entry point runs in time linear in its input, whatever the bytes:
// invalid UTF-8, NUL bytes, runs of marks or controls, text without spaces.
//
// [Extract], [FindDates] and [FindEntities] read a text in pieces of at
// most 64 KiB and 8,192 tokens, cut at a paragraph break, line break,
// sentence end or space in the second half of the piece. A news article,
// even a long one (64 KiB of Arabic, some 6,000 words), is one piece; a
// longer text is several, whose entities are merged by ID, while name
// linking and agreement coreference stay within a piece. Bytes that cannot
// start a token (controls, bidi marks, invalid UTF-8) cost no token. So
// their peak heap is bounded by one piece's working memory plus the
// results: for an input of 1 MB or more, at most 10× the input plus twice
// the size of the result (which is itself below 1× on news and about 6× on
// the densest inputs, a date every 16 bytes); on a single article of a few
// KB, a few hundred KB in all, freed when the call returns.
//
// The pieces of a text longer than one piece are read by helper
// goroutines, which an [Extractor] lends to all its calls: at most
// GOMAXPROCS of them at once, or what [WithHelpers] sets. Each helper a
// call has holds one piece more. The result does not depend on who read
// which piece.
//
// [Normalizer.StringMap] keeps the normalized text and an [OffsetMap] of
// 24 bytes per change: up to 10× the input on any text, and 20× on random
// bytes, where every other byte is a change.
//
// # Concurrency
//
// Every exported function and method may be called from any number of
// goroutines at once. A [Normalizer] and the built-in tables hold no
// mutable state, and an [Extractor] none but the count of its busy
// helpers (below), which changes no result; the tables are built once, on
// first use.
// A [Document] and the values in it belong to the caller. A call on a text
// of more than one piece (64 KiB) may start helper goroutines, which have
// ended when it returns; an Extractor runs at most GOMAXPROCS of them at
// once for all its calls ([WithHelpers] sets another number).
//
// # JSON
//
// A [Document] marshals to this schema (document.schema.json; the command
// arnews prints it). From the seed article, shortened:
//
//	{"ref": "2021-11-12", "ref_from": "given",
//	 "sentences": [{"start": 0, "end": 350}],
//	 "dates": [{"text": "31 ديسمبر/كانون الأول", "start": 2736, "end": 2773,
//	            "value": "2021-12-31", "grain": "day", "calendar": "gregorian"}],
//	 "entities": [{"id": "QA", "kind": "country", "name": "قطر", "country": "QA",
//	               "mentions": [{"text": "قطر", "start": 45, "end": 51}]}],
//	 "agreements": [{"kind": "agreement", "status": "signed", "text": "اتفاقا",
//	                 "start": 52, "end": 64,
//	                 "mentions": [{"text": "الاتفاقية", "start": 522, "end": 540}],
//	                 "parties": ["US", "QA"],
//	                 "signatories": ["person:انتوني-بلينكن", "person:محمد-بن-عبد-الرحمن-ال-ثاني"],
//	                 "subject": "تتولى بموجبه قطر رعاية المصالح الدبلوماسية الأمريكية في أفغانستان",
//	                 "subject_start": 82, "subject_end": 204,
//	                 "signed": {"text": "الجمعة", "start": 67, "end": 79, "value": "2021-11-12",
//	                            "grain": "day", "calendar": "gregorian"},
//	                 "effective": {"text": "31 ديسمبر/كانون الأول", "start": 2736, "end": 2773,
//	                               "value": "2021-12-31", "grain": "day", "calendar": "gregorian"},
//	                 "place": "city:US:washington",
//	                 "venue": "org:US:ministry-of-foreign-affairs",
//	                 "cameo": "057"}]}
//
// Dates carry "hijri" ("1443-01-15") when written in the Hijri calendar; a
// range's value is an ISO 8601 interval ("2024-02-01/2024-02-10"). An
// agreement carries "count" for a package never itemized, and "source"
// when a news source reports it (وذكرت وكالة الأنباء القطرية (قنا) أن …).
// Lists are always arrays, never null; optional fields are left out when
// empty. Text fields are UTF-8: an ill-formed byte of the original becomes
// U+FFFD there, while the offsets stay exact.
package arnews
