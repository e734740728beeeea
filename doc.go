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
//		fmt.Println(a.Kind, a.Status, a.Parties, a.Signed.Value())
//	}
//
// Extract runs one pipeline: the text is normalized once (with a map back to
// the original offsets), cut once into tokens with their clitics split
// (وقطر → و + قطر), grouped into sentences, and then annotated in turn by
// the date finder, the gazetteer and the agreement rules, which all share
// those tokens. The stages are also available on their own: [Normalize] and
// [Normalizer], [ParseDate] and [FindDates], [FindEntities].
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
// month or year) and the [Calendar] it was written in.
//
// # Parties
//
// [FindEntities] finds countries (with ISO 3166-1 codes), cities,
// organisations and people, through the clitics attached to them (وقطر،
// بواشنطن، لطالبان، للولايات المتحدة), and links later mentions to earlier
// ones (أنتوني بلينكن … بلينكن). Demonyms (الأمريكي، القطرية) give a
// Country to the noun they follow. The built-in gazetteer is the file
// gazetteer.tsv, embedded in the package; its header says where its facts
// come from. Add entries with [WithEntries].
//
// # Agreements
//
// Extract reports each [Agreement]: its kind and status, its parties and
// signatories (IDs of entities in the same Document), its subject, its
// signing and effective dates, where it was signed and who reported it.
// Later definite mentions (الاتفاقية، الاتفاق، الترتيبات) attach to the
// agreement they refer to instead of making a new one.
//
// # Offsets
//
// Every [Span] is a half-open range [Start, End) of byte offsets into the
// text given to the function that returned it, never into a normalized
// copy. For every mention m, text[m.Start:m.End] == m.Text. Clitics stay
// out of mentions: in وقطر the mention of Qatar is قطر.
//
// # Concurrency
//
// Every exported function and method may be called from any number of
// goroutines at once. A [Normalizer], an [Extractor] and the built-in
// tables hold no mutable state; the tables are built once, on first use.
// A [Document] and the values in it belong to the caller.
//
// # JSON
//
// A [Document] marshals to this schema (the command arnews prints it):
//
//	{"ref": "2021-11-12",
//	 "sentences": [{"start": 0, "end": 350}],
//	 "dates": [{"text": "31 ديسمبر/كانون الأول", "start": 2744, "end": 2781,
//	            "value": "2021-12-31", "grain": "day", "calendar": "gregorian"}],
//	 "entities": [{"id": "QA", "kind": "country", "name": "قطر", "country": "QA",
//	               "mentions": [{"text": "قطر", "start": 45, "end": 51}]}],
//	 "agreements": [{"kind": "agreement", "status": "signed", "text": "اتفاقا",
//	                 "start": 52, "end": 64, "mentions": [...],
//	                 "parties": ["US", "QA"], "signatories": ["person:..."],
//	                 "subject": "...", "subject_start": 82, "subject_end": 190,
//	                 "signed": "2021-11-12", "effective": "2021-12-31",
//	                 "place": "city:US:washington", "venue": "...", "source": "...",
//	                 "cameo": "057"}]}
//
// Dates carry "hijri" ("1443-01-15") when written in the Hijri calendar.
// Lists are always arrays, never null; optional fields are left out when
// empty.
package arnews
