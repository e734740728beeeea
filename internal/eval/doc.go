// Package eval measures arnews on annotated text: the project's gold corpus,
// the ANERcorp named-entity corpus and Microsoft Recognizers-Text's Arabic
// date specs. It holds every scoring rule; the command "arnews eval" only
// reads flags and prints what this package computes, and the floors test
// compares the same figures with testdata/accuracy-floors.json.
//
// # Corpus
//
// A corpus folder holds gold.jsonl (one JSON object per article, see
// [Gold]) and the articles NN.txt. The body of an article is everything
// after the first newline of its file; [ScoreCorpus] runs arnews.Extract on it
// with WithRef(ref), ref being the gold "ref". Summed over all articles
// (micro averages):
//
//   - spans: every text the Document reports (dates, entity mentions,
//     agreement texts and mentions, subjects, signing and effective dates)
//     equals body[start:end]; a span out of range is bad too.
//   - dates: a gold date is found when a predicted date whose text contains,
//     or is contained in, the gold text has the gold value; a predicted date
//     is right when it does that for some gold date. The gold writes the two
//     ends of a range as two dates and the part of a period as the period,
//     so a predicted range has the value of either end, and of a period
//     that holds it whole.
//   - countries: per article, the set of gold country ids that have mentions
//     against the set of predicted country entity IDs.
//   - people: a gold person is found when some predicted person mention
//     contains, or is contained in, one of its mentions or its name; a
//     predicted person with mentions is right when one of its mentions does
//     that for some gold person. Only strings of more than 2 bytes (more than
//     one Arabic letter) take part, on either side.
//   - organisations: the same, for organisations.
//   - agreements found with parties: a gold agreement is found when some
//     predicted agreement's parties include all of its state parties (the
//     two-letter codes among its parties; with none, any predicted agreement
//     of the article will do).
//   - agreements one-to-one: each gold agreement, in gold order, claims the
//     first unclaimed predicted agreement (in Document order) of the same
//     kind whose set of state parties equals its own; every prediction left
//     unclaimed counts against precision.
//   - of the matched: status equal; signed equal (gold agreements with a
//     signing date); subject (gold agreements with a subject): the
//     predicted subject contains, or is contained in, the gold one, or
//     shares at least half of its words: the distinct words the two share
//     are at least half of the distinct words of either (so of the one with
//     fewer words), symmetric like containment. An empty predicted subject is
//     never right.
//
// Containment is plain substring containment of the texts as written, with
// no normalization. Precision, recall and F1 are 0 when their denominator is.
//
// # CoNLL
//
// [ReadCoNLL] reads a file of "token TAG" lines (ANERcorp: BIO tags over
// PERS, LOC, ORG and MISC), sentences separated by blank lines. Each sentence
// becomes one document, its tokens joined by single spaces, extracted with
// the fixed reference date [CoNLLRef]. A predicted mention covers the
// whitespace tokens it overlaps, from the first to the last; entity kinds
// country, city and region count as LOC, organization as ORG and person as
// PERS. Scoring is exact-span entity precision, recall and F1 per type and
// over the three together; MISC is ignored on both sides. An I- tag that
// does not continue an entity of its type starts a new one, as in the
// CoNLL-2000 conlleval script. [SplitCoNLL] defines the development split.
//
// # Recognizers-Text
//
// [ReadRecognizers] reads the JSON specs of Microsoft Recognizers-Text
// (Specs/DateTime/Arabic); [ScoreRecognizers] runs arnews.FindDates on each
// input with the case's reference date (2016-11-07, the suite's usual one,
// when a case has none). A result is in scope when its type is date or
// daterange (datetimeV2.date and datetimeV2.daterange in the model files);
// times, durations and sets are counted but not scored.
//
// A result without any value (the extractor files) is found when a
// predicted date's span overlaps the expected text. A result with values is
// found when a predicted date that overlaps it has one of its values (the
// past or the future resolution, or any of the model's values), compared as
// intervals of whole days (see [Expected.Accepts]):
//
//   - the predicted value is read as the days it covers: 2020 is
//     2020-01-01..2020-12-31, 2021-W45 Monday to Sunday, and an ISO interval
//     2021-03-05/2021-03-10 runs from the first day of its first part to the
//     last day of its second (inclusive ends at their grain).
//   - a date resolution is one day; a daterange has startDate and endDate.
//     Recognizers writes the end of a single period exclusively (the month
//     2016-11 is 2016-11-01..2016-12-01) but the end of a "from A to B"
//     range as the start of B (من 4 إلى 22 is 2016-11-04..2016-11-22, من 2014
//     إلى 2018 is 2014-01-01..2018-01-01). So the starts must be equal and the
//     expected end may be the predicted last day, the day after it, or, for
//     a predicted interval A/B, the first day of B.
//   - a part of a period (بداية الأسبوع المقبل, مطلع العام المقبل, أواخر
//     الشهر الماضي) resolves to part of the week, month or year its Timex
//     names; the whole period is accepted too, because arnews, like the gold
//     corpus (مطلع هذا العام is 2019), keeps such expressions at the period's
//     grain and ISO 8601 has no form for "early 2018".
//
// A result whose values cannot be read as days (a Timex only, "not
// resolved", the placeholder 0001-01-01, a half-open range with Mod before,
// after or since) is unscored, and so is one whose text is not in its input:
// both are listed with -v and counted, out of the figure. IgnoreResolution
// is not honoured: Recognizers uses it to skip its own value checks, while
// here every usable value is checked and the few that keep an English
// meaning are declined by name (see [ReadDeclined]).
package eval
