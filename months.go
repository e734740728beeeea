package arnews

import (
	"strconv"
	"time"
)

// monthSystem identifies the naming tradition a month spelling belongs to.
// All systems except monthHijri name the months of the Gregorian calendar.
type monthSystem uint8

const (
	// monthGregorian is the transliterated Latin set (يناير، فبراير …) used in
	// Egypt, the Gulf and most pan-Arab media.
	monthGregorian monthSystem = iota + 1
	// monthSyriac is the Syriac set (كانون الثاني، شباط …) used in the Levant
	// and Iraq.
	monthSyriac
	// monthMaghreb is the French-derived set (جانفي، فيفري …) used in Algeria
	// and Tunisia.
	monthMaghreb
	// monthMorocco is the Moroccan set (يناير … يوليوز، غشت، شتنبر …).
	monthMorocco
	// monthLibya is the set of names Libya used officially from 1986 to 2011
	// (أي النار، النوار …).
	monthLibya
	// monthMauritania is the Mauritanian set (… أغشت، شتمبر، دجمبر).
	monthMauritania
	// monthHijri is the Islamic lunar calendar (محرم، صفر …).
	monthHijri
)

// String returns the lower-case name of the system, such as "syriac".
func (s monthSystem) String() string {
	switch s {
	case monthGregorian:
		return "gregorian"
	case monthSyriac:
		return "syriac"
	case monthMaghreb:
		return "maghreb"
	case monthMorocco:
		return "morocco"
	case monthLibya:
		return "libya"
	case monthMauritania:
		return "mauritania"
	case monthHijri:
		return "hijri"
	}
	return "monthSystem(" + strconv.Itoa(int(s)) + ")"
}

// calendar returns the calendar the system's month numbers belong to:
// "hijri" for monthHijri and "gregorian" for every other system.
func (s monthSystem) calendar() string {
	if s == monthHijri {
		return "hijri"
	}
	return "gregorian"
}

// monthWord is one spelling of a month name as it appears in Arabic news
// text. Spellings are raw: hamza forms, ة/ه, ى/ي, Persian letters and any
// diacritics are kept exactly as the source writes them, and the dates code
// normalises them when it builds its lookup structures.
type monthWord struct {
	// spelling is the month name as written, possibly several words
	// ("كانون الثاني", "ذو القعدة") or a word and a digit ("تشرين 1").
	spelling string
	// system is the naming tradition the spelling belongs to.
	system monthSystem
	// month is the month number, 1–12, in system's calendar.
	month int
	// source is a short tag naming one reference that lists the spelling:
	// dateparser, recognizers (Microsoft Recognizers-Text), duckling,
	// heideltime, arphp (ArPHP), naftah, cldr (Unicode CLDR), spec (required
	// by the arnews specification) or usage (a common press variant added
	// by us).
	source string
	// ambiguous marks spellings that are also ordinary words or names in
	// news text (صفر "zero", رجب and رمضان as given names, مارس "practised",
	// آب "father", نيسان the car maker, الربيع "spring" …). The dates code
	// accepts them only next to a day number or a year; for the Libyan names
	// it requires both.
	ambiguous bool
}

// monthWords lists every month spelling the dates code recognises, grouped
// by system and month. A spelling shared by several systems (مارس, ماي,
// أكتوبر …) has one entry per system, always with the same month number.
// The "يوم"/"شهر" prefixes and dual forms such as "كانون الثاني/يناير" are
// handled by the dates code, which combines single entries.
//
// Provenance: spellings are facts collected in month-names.tsv (see
// ../shared/data/README.md) from the data files of dateparser (BSD-3),
// Duckling (BSD-3), HeidelTime (GPL-3, facts only), Microsoft
// Recognizers-Text (MIT), ArPHP (LGPL, facts only) and Naftah; the
// Mauritanian months missing there follow Unicode CLDR (ar-MR); "spec" and
// "usage" entries are common newspaper spellings. Judgement calls on
// ambiguity: رمضان and شعبان are marked because both are frequent given
// names (رمضان قديروف، أحمد شعبان), although the bare month is common too;
// محرم also means "forbidden"; the Libyan names are marked when they are
// everyday words or names, leaving أي النار, النوار and الكانون unmarked.
var monthWords = []monthWord{
	// Gregorian months, transliterated (Egypt, Gulf, pan-Arab press).
	{spelling: "يناير", system: monthGregorian, month: 1, source: "dateparser"},
	{spelling: "يَنَايِر", system: monthGregorian, month: 1, source: "heideltime"},
	{spelling: "فبراير", system: monthGregorian, month: 2, source: "dateparser"},
	{spelling: "فِبْرَايِر", system: monthGregorian, month: 2, source: "heideltime"},
	{spelling: "مارس", system: monthGregorian, month: 3, source: "dateparser", ambiguous: true},
	{spelling: "مَارِس", system: monthGregorian, month: 3, source: "heideltime", ambiguous: true},
	{spelling: "أبريل", system: monthGregorian, month: 4, source: "dateparser"},
	{spelling: "إبريل", system: monthGregorian, month: 4, source: "spec"},
	{spelling: "ابريل", system: monthGregorian, month: 4, source: "duckling"},
	{spelling: "أبْرِيل", system: monthGregorian, month: 4, source: "heideltime"},
	{spelling: "مايو", system: monthGregorian, month: 5, source: "dateparser"},
	{spelling: "مَايُو", system: monthGregorian, month: 5, source: "heideltime"},
	{spelling: "يونيو", system: monthGregorian, month: 6, source: "dateparser"},
	{spelling: "يونيه", system: monthGregorian, month: 6, source: "heideltime"},
	{spelling: "يُونْيُو", system: monthGregorian, month: 6, source: "heideltime"},
	{spelling: "يوليو", system: monthGregorian, month: 7, source: "dateparser"},
	{spelling: "يوليه", system: monthGregorian, month: 7, source: "heideltime"},
	{spelling: "يُولْيُو", system: monthGregorian, month: 7, source: "heideltime"},
	{spelling: "أغسطس", system: monthGregorian, month: 8, source: "dateparser"},
	{spelling: "اغسطس", system: monthGregorian, month: 8, source: "duckling"},
	{spelling: "آغسطس", system: monthGregorian, month: 8, source: "spec"},
	{spelling: "أغُسْطُسْ", system: monthGregorian, month: 8, source: "heideltime"},
	{spelling: "سبتمبر", system: monthGregorian, month: 9, source: "dateparser"},
	{spelling: "سيبتمبر", system: monthGregorian, month: 9, source: "duckling"},
	{spelling: "سبْتمْبر", system: monthGregorian, month: 9, source: "heideltime"},
	{spelling: "أكتوبر", system: monthGregorian, month: 10, source: "dateparser"},
	{spelling: "اكتوبر", system: monthGregorian, month: 10, source: "duckling"},
	{spelling: "أكْتُوبَر", system: monthGregorian, month: 10, source: "heideltime"},
	{spelling: "نوفمبر", system: monthGregorian, month: 11, source: "dateparser"},
	{spelling: "نُوفمْبر", system: monthGregorian, month: 11, source: "heideltime"},
	{spelling: "ديسمبر", system: monthGregorian, month: 12, source: "dateparser"},
	{spelling: "دِيسمْبِر", system: monthGregorian, month: 12, source: "heideltime"},
	// Syriac months (Levant and Iraq).
	{spelling: "كانون الثاني", system: monthSyriac, month: 1, source: "dateparser"},
	{spelling: "كانون ثاني", system: monthSyriac, month: 1, source: "heideltime"},
	{spelling: "كانون الثان", system: monthSyriac, month: 1, source: "duckling"},
	{spelling: "كانون 2", system: monthSyriac, month: 1, source: "spec"},
	{spelling: "کانون الثاني", system: monthSyriac, month: 1, source: "usage"},
	{spelling: "کانون الثانی", system: monthSyriac, month: 1, source: "usage"},
	{spelling: "شباط", system: monthSyriac, month: 2, source: "dateparser", ambiguous: true},
	{spelling: "شُبَاطٌ", system: monthSyriac, month: 2, source: "heideltime", ambiguous: true},
	{spelling: "آذار", system: monthSyriac, month: 3, source: "dateparser"},
	{spelling: "اذار", system: monthSyriac, month: 3, source: "duckling"},
	{spelling: "آذَارٌ", system: monthSyriac, month: 3, source: "heideltime"},
	{spelling: "نيسان", system: monthSyriac, month: 4, source: "dateparser", ambiguous: true},
	{spelling: "نِيسَانٌ", system: monthSyriac, month: 4, source: "heideltime", ambiguous: true},
	{spelling: "أيار", system: monthSyriac, month: 5, source: "dateparser"},
	{spelling: "ايار", system: monthSyriac, month: 5, source: "duckling"},
	{spelling: "أيآر", system: monthSyriac, month: 5, source: "duckling"},
	{spelling: "ايآر", system: monthSyriac, month: 5, source: "duckling"},
	{spelling: "أيّارٌ", system: monthSyriac, month: 5, source: "heideltime"},
	{spelling: "حزيران", system: monthSyriac, month: 6, source: "dateparser"},
	{spelling: "حَزيرانٌ", system: monthSyriac, month: 6, source: "heideltime"},
	{spelling: "تموز", system: monthSyriac, month: 7, source: "dateparser"},
	{spelling: "تَمّوزٌ", system: monthSyriac, month: 7, source: "heideltime"},
	{spelling: "آب", system: monthSyriac, month: 8, source: "dateparser", ambiguous: true},
	{spelling: "اب", system: monthSyriac, month: 8, source: "duckling", ambiguous: true},
	{spelling: "آبُ", system: monthSyriac, month: 8, source: "heideltime", ambiguous: true},
	{spelling: "أيلول", system: monthSyriac, month: 9, source: "dateparser"},
	{spelling: "ايلول", system: monthSyriac, month: 9, source: "duckling"},
	{spelling: "أيْلولٌ", system: monthSyriac, month: 9, source: "heideltime"},
	{spelling: "تشرين الأول", system: monthSyriac, month: 10, source: "dateparser"},
	{spelling: "تشرين الاول", system: monthSyriac, month: 10, source: "duckling"},
	{spelling: "تشرين أول", system: monthSyriac, month: 10, source: "duckling"},
	{spelling: "تشرين اول", system: monthSyriac, month: 10, source: "duckling"},
	{spelling: "تشرين 1", system: monthSyriac, month: 10, source: "spec"},
	{spelling: "تِشرينُ الأوّلُ", system: monthSyriac, month: 10, source: "heideltime"},
	{spelling: "تشرین الأول", system: monthSyriac, month: 10, source: "dateparser"},
	{spelling: "تشرين الثاني", system: monthSyriac, month: 11, source: "dateparser"},
	{spelling: "تشرين ثاني", system: monthSyriac, month: 11, source: "duckling"},
	{spelling: "تشرين 2", system: monthSyriac, month: 11, source: "spec"},
	{spelling: "تِشرينُ الثّانِي", system: monthSyriac, month: 11, source: "heideltime"},
	{spelling: "تشرین الثاني", system: monthSyriac, month: 11, source: "spec"},
	{spelling: "تشرین الثانی", system: monthSyriac, month: 11, source: "usage"},
	{spelling: "كانون الأول", system: monthSyriac, month: 12, source: "dateparser"},
	{spelling: "كانون الاول", system: monthSyriac, month: 12, source: "duckling"},
	{spelling: "كانون أول", system: monthSyriac, month: 12, source: "duckling"},
	{spelling: "كانون اول", system: monthSyriac, month: 12, source: "duckling"},
	{spelling: "كانون 1", system: monthSyriac, month: 12, source: "spec"},
	{spelling: "کانونُ الأوّلُ", system: monthSyriac, month: 12, source: "heideltime"},
	{spelling: "کانون الأول", system: monthSyriac, month: 12, source: "usage"},
	// French-derived months (Algeria, Tunisia).
	{spelling: "جانفي", system: monthMaghreb, month: 1, source: "dateparser"},
	{spelling: "فيفري", system: monthMaghreb, month: 2, source: "dateparser"},
	{spelling: "مارس", system: monthMaghreb, month: 3, source: "arphp", ambiguous: true},
	{spelling: "أفريل", system: monthMaghreb, month: 4, source: "dateparser"},
	{spelling: "ماي", system: monthMaghreb, month: 5, source: "dateparser", ambiguous: true},
	{spelling: "جوان", system: monthMaghreb, month: 6, source: "dateparser"},
	{spelling: "جويلية", system: monthMaghreb, month: 7, source: "dateparser"},
	{spelling: "أوت", system: monthMaghreb, month: 8, source: "dateparser"},
	{spelling: "سبتمبر", system: monthMaghreb, month: 9, source: "arphp"},
	{spelling: "أكتوبر", system: monthMaghreb, month: 10, source: "arphp"},
	{spelling: "نوفمبر", system: monthMaghreb, month: 11, source: "arphp"},
	{spelling: "ديسمبر", system: monthMaghreb, month: 12, source: "arphp"},
	// Moroccan months.
	{spelling: "يناير", system: monthMorocco, month: 1, source: "arphp"},
	{spelling: "فبراير", system: monthMorocco, month: 2, source: "arphp"},
	{spelling: "مارس", system: monthMorocco, month: 3, source: "arphp", ambiguous: true},
	{spelling: "أبريل", system: monthMorocco, month: 4, source: "arphp"},
	{spelling: "ماي", system: monthMorocco, month: 5, source: "dateparser", ambiguous: true},
	{spelling: "يونيو", system: monthMorocco, month: 6, source: "arphp"},
	{spelling: "يوليوز", system: monthMorocco, month: 7, source: "dateparser"},
	{spelling: "غشت", system: monthMorocco, month: 8, source: "dateparser"},
	{spelling: "شتنبر", system: monthMorocco, month: 9, source: "dateparser"},
	{spelling: "أكتوبر", system: monthMorocco, month: 10, source: "arphp"},
	{spelling: "نونبر", system: monthMorocco, month: 11, source: "dateparser"},
	{spelling: "نوفنبر", system: monthMorocco, month: 11, source: "arphp"},
	{spelling: "دجنبر", system: monthMorocco, month: 12, source: "dateparser"},
	// Mauritanian months.
	{spelling: "يناير", system: monthMauritania, month: 1, source: "cldr"},
	{spelling: "فبراير", system: monthMauritania, month: 2, source: "cldr"},
	{spelling: "مارس", system: monthMauritania, month: 3, source: "cldr", ambiguous: true},
	{spelling: "إبريل", system: monthMauritania, month: 4, source: "dateparser"},
	{spelling: "مايو", system: monthMauritania, month: 5, source: "cldr"},
	{spelling: "يونيو", system: monthMauritania, month: 6, source: "cldr"},
	{spelling: "يوليو", system: monthMauritania, month: 7, source: "cldr"},
	{spelling: "أغشت", system: monthMauritania, month: 8, source: "dateparser"},
	{spelling: "شتمبر", system: monthMauritania, month: 9, source: "dateparser"},
	{spelling: "أكتوبر", system: monthMauritania, month: 10, source: "cldr"},
	{spelling: "نوفمبر", system: monthMauritania, month: 11, source: "cldr"},
	{spelling: "دجمبر", system: monthMauritania, month: 12, source: "dateparser"},
	// Libyan months (1986-2011 official names).
	{spelling: "أي النار", system: monthLibya, month: 1, source: "arphp"},
	{spelling: "النوار", system: monthLibya, month: 2, source: "arphp"},
	{spelling: "الربيع", system: monthLibya, month: 3, source: "arphp", ambiguous: true},
	{spelling: "الطير", system: monthLibya, month: 4, source: "arphp", ambiguous: true},
	{spelling: "الماء", system: monthLibya, month: 5, source: "arphp", ambiguous: true},
	{spelling: "الصيف", system: monthLibya, month: 6, source: "arphp", ambiguous: true},
	{spelling: "ناصر", system: monthLibya, month: 7, source: "arphp", ambiguous: true},
	{spelling: "هانيبال", system: monthLibya, month: 8, source: "arphp", ambiguous: true},
	{spelling: "الفاتح", system: monthLibya, month: 9, source: "arphp", ambiguous: true},
	{spelling: "التمور", system: monthLibya, month: 10, source: "arphp", ambiguous: true},
	{spelling: "الحرث", system: monthLibya, month: 11, source: "arphp", ambiguous: true},
	{spelling: "الكانون", system: monthLibya, month: 12, source: "arphp"},
	// Hijri months.
	{spelling: "محرم", system: monthHijri, month: 1, source: "recognizers", ambiguous: true},
	{spelling: "محرّم", system: monthHijri, month: 1, source: "spec", ambiguous: true},
	{spelling: "المحرم", system: monthHijri, month: 1, source: "spec", ambiguous: true},
	{spelling: "مُحَرَّم", system: monthHijri, month: 1, source: "usage", ambiguous: true},
	{spelling: "صفر", system: monthHijri, month: 2, source: "recognizers", ambiguous: true},
	{spelling: "ربيع الأول", system: monthHijri, month: 3, source: "recognizers"},
	{spelling: "ربيع الاول", system: monthHijri, month: 3, source: "usage"},
	{spelling: "ربيع أول", system: monthHijri, month: 3, source: "usage"},
	{spelling: "ربيع الآخر", system: monthHijri, month: 4, source: "naftah"},
	{spelling: "ربيع الثاني", system: monthHijri, month: 4, source: "recognizers"},
	{spelling: "ربيع الاخر", system: monthHijri, month: 4, source: "usage"},
	{spelling: "ربيع ثاني", system: monthHijri, month: 4, source: "usage"},
	{spelling: "جمادى الأولى", system: monthHijri, month: 5, source: "arphp"},
	{spelling: "جمادى الاولى", system: monthHijri, month: 5, source: "usage"},
	{spelling: "جمادى الأولي", system: monthHijri, month: 5, source: "spec"},
	{spelling: "جمادى الأول", system: monthHijri, month: 5, source: "recognizers"},
	{spelling: "جمادي الأولى", system: monthHijri, month: 5, source: "spec"},
	{spelling: "جمادي الاولى", system: monthHijri, month: 5, source: "usage"},
	{spelling: "جمادى الآخرة", system: monthHijri, month: 6, source: "naftah"},
	{spelling: "جمادى الاخرة", system: monthHijri, month: 6, source: "usage"},
	{spelling: "جمادى الثانية", system: monthHijri, month: 6, source: "arphp"},
	{spelling: "جمادى الأخرى", system: monthHijri, month: 6, source: "spec"},
	{spelling: "جمادى الثاني", system: monthHijri, month: 6, source: "recognizers"},
	{spelling: "جمادى الآخر", system: monthHijri, month: 6, source: "usage"},
	{spelling: "جمادي الآخرة", system: monthHijri, month: 6, source: "usage"},
	{spelling: "جمادي الثانية", system: monthHijri, month: 6, source: "usage"},
	{spelling: "رجب", system: monthHijri, month: 7, source: "recognizers", ambiguous: true},
	{spelling: "شعبان", system: monthHijri, month: 8, source: "recognizers", ambiguous: true},
	{spelling: "رمضان", system: monthHijri, month: 9, source: "recognizers", ambiguous: true},
	{spelling: "شوال", system: monthHijri, month: 10, source: "recognizers"},
	{spelling: "شوّال", system: monthHijri, month: 10, source: "spec"},
	{spelling: "ذو القعدة", system: monthHijri, month: 11, source: "recognizers"},
	{spelling: "ذي القعدة", system: monthHijri, month: 11, source: "spec"},
	{spelling: "ذو القعده", system: monthHijri, month: 11, source: "spec"},
	{spelling: "ذي القعده", system: monthHijri, month: 11, source: "usage"},
	{spelling: "ذوالقعدة", system: monthHijri, month: 11, source: "usage"},
	{spelling: "ذو الحجة", system: monthHijri, month: 12, source: "recognizers"},
	{spelling: "ذي الحجة", system: monthHijri, month: 12, source: "spec"},
	{spelling: "ذو الحجه", system: monthHijri, month: 12, source: "usage"},
	{spelling: "ذي الحجه", system: monthHijri, month: 12, source: "usage"},
	{spelling: "ذوالحجة", system: monthHijri, month: 12, source: "usage"},
}

// weekdayWord is one spelling of a day of the week, raw as in monthWord.
type weekdayWord struct {
	// spelling is the weekday name as written, with or without the article.
	spelling string
	// day is the weekday in Go's numbering (Sunday = 0 … Saturday = 6).
	day time.Weekday
	// source is a short tag naming one reference that lists the spelling;
	// the tags are those of monthWord.source.
	source string
	// ambiguous marks spellings that are also ordinary words: the bare
	// stems أحد ("one", "anyone"), اثنين ("two"), خميس and جمعة (given
	// names), سبت, the accusative numerals ثلاثا and أربعا, and colloquial
	// forms such as الحد ("the limit") and الأربع ("the four"). The dates
	// code accepts them only after "يوم" or next to a date.
	ambiguous bool
}

// weekdayWords lists every weekday spelling the dates code recognises.
// "يوم" before the name is handled by the dates code, not listed here.
//
// Provenance: month-names.tsv (see monthWords), whose weekday rows number
// the days 1 = Monday … 7 = Sunday in every source; they are converted here
// to time.Weekday. Bare stems are listed only where a source lists them.
// الاثنين ("the two") and الأحد ("the One") are left unmarked: in news they
// are almost always the weekday.
var weekdayWords = []weekdayWord{
	{spelling: "الأحد", day: time.Sunday, source: "dateparser"},
	{spelling: "الاحد", day: time.Sunday, source: "duckling"},
	{spelling: "أحد", day: time.Sunday, source: "recognizers", ambiguous: true},
	{spelling: "احد", day: time.Sunday, source: "duckling", ambiguous: true},
	{spelling: "الحد", day: time.Sunday, source: "heideltime", ambiguous: true},
	{spelling: "الاثنين", day: time.Monday, source: "dateparser"},
	{spelling: "الإثنين", day: time.Monday, source: "dateparser"},
	{spelling: "الإثنَين", day: time.Monday, source: "heideltime"},
	{spelling: "اثنين", day: time.Monday, source: "duckling", ambiguous: true},
	{spelling: "إثنين", day: time.Monday, source: "recognizers", ambiguous: true},
	{spelling: "الإتنين", day: time.Monday, source: "heideltime", ambiguous: true},
	{spelling: "الثلاثاء", day: time.Tuesday, source: "dateparser"},
	{spelling: "الثلاثا", day: time.Tuesday, source: "duckling"},
	{spelling: "ثلاثاء", day: time.Tuesday, source: "recognizers"},
	{spelling: "ثلاثا", day: time.Tuesday, source: "duckling", ambiguous: true},
	{spelling: "التلات", day: time.Tuesday, source: "heideltime", ambiguous: true},
	{spelling: "الأربعاء", day: time.Wednesday, source: "dateparser"},
	{spelling: "الاربعاء", day: time.Wednesday, source: "duckling"},
	{spelling: "الأربعا", day: time.Wednesday, source: "duckling"},
	{spelling: "الاربعا", day: time.Wednesday, source: "duckling"},
	{spelling: "أربعاء", day: time.Wednesday, source: "recognizers"},
	{spelling: "اربعاء", day: time.Wednesday, source: "duckling"},
	{spelling: "أربعا", day: time.Wednesday, source: "duckling", ambiguous: true},
	{spelling: "اربعا", day: time.Wednesday, source: "duckling", ambiguous: true},
	{spelling: "الأربع", day: time.Wednesday, source: "heideltime", ambiguous: true},
	{spelling: "الخميس", day: time.Thursday, source: "dateparser"},
	{spelling: "خميس", day: time.Thursday, source: "recognizers", ambiguous: true},
	{spelling: "الجمعة", day: time.Friday, source: "dateparser"},
	{spelling: "الجمعه", day: time.Friday, source: "duckling"},
	{spelling: "جمعة", day: time.Friday, source: "recognizers", ambiguous: true},
	{spelling: "جمعه", day: time.Friday, source: "duckling", ambiguous: true},
	{spelling: "السبت", day: time.Saturday, source: "dateparser"},
	{spelling: "سبت", day: time.Saturday, source: "recognizers", ambiguous: true},
}
