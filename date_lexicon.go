package arnews

import (
	_ "embed"
	"slices"
	"strconv"
)

// The lexicon: every word the date matcher knows, keyed on the normalized
// first token of its spelling, the rest of the spelling kept as following
// tokens.

// dateRole names a role a lexicon word plays. Months and weekdays have roles
// of their own.
type dateRole uint8

const (
	wMonth       dateRole = iota // a month name; dateEntry.n is the month
	wWeekday                     // a weekday; dateEntry.n is the time.Weekday
	wArticle                     // ال (written الـ before digits)
	wOf                          // من
	wMonthWord                   // شهر
	wDayWord                     // يوم
	wYearWord                    // عام، سنة
	wYearDef                     // العام، السنة
	wMonthDef                    // الشهر
	wNext                        // المقبل، القادم
	wPast                        // الماضي، المنصرم، الفائت
	wCurrent                     // الجاري، الحالي
	wToday                       // اليوم
	wYesterday                   // أمس، البارحة
	wDayBefore                   // أول أمس
	wTomorrow                    // غدا
	wDayAfter                    // بعد غد
	wThisMonth                   // هذا الشهر
	wThisYear                    // هذا العام، هذه السنة
	wThisWeek                    // هذا الأسبوع
	wWeekDef                     // الأسبوع
	wPartStart                   // مطلع، أوائل، بداية: the first part of a period
	wPartMid                     // أواسط: the middle part of a period
	wPartMiddle                  // منتصف: the middle point of a period (the 15th of a month)
	wPartEnd                     // أواخر، نهاية: the last part of a period
	wAD                          // م، ميلادي
	wAH                          // هـ، هجري، للهجرة
	wAgreeing                    // الموافق
	wOrdinal                     // الأول، الثالثة، العشرين, الأخير (-1); dateEntry.n is the number
	wOrdinalBare                 // أول، ثالث، آخر (-1): an ordinal before its noun
	wFirstDay                    // فاتح، غرة، أول: the first day, with no من after it
	wCardinal                    // واحد، ثلاثة، عشرين، ألفين; dateEntry.n is the number
	wFew                         // بضعة، القليلة: a few, read as three
	wDecade                      // السبعينيات; dateEntry.n is the decade's year in its century (70)
	wUnit                        // يوم، أسابيع، شهرين: a unit of time; n is the unit, count the number it says
	wPair                        // عامي، يومي: "the two years of", before a pair of dates
	wBetween                     // بين
	wUntil                       // إلى، حتى، لغاية
	wAgo                         // قبل
	wSince                       // منذ
	wAfter                       // بعد
	wWithin                      // خلال
	wNow                         // الآن (من الآن)
	wAbout                       // نحو، حوالي: an approximate count
	wAfterNext                   // بعد القادم: the period after the next one
	wFollowing                   // التالي: the period after the one just told
	wPreceding                   // السابق: the period before the one just told
	wSame                        // نفس، ذات، ذاته: the day just told
	wRest                        // بقية، باقي: the rest of a period
	wHalf                        // النصف
	wQuarter                     // الربع
	wSeason                      // الصيف، شتاء; n is the season (1 spring … 4 winter)
	wHoliday                     // عيد الفطر; n indexes the holiday table
	wThis                        // هذا، هذه
	wCue                         // في، خلال، منذ: a preposition that makes an ambiguous month a date
	wBirth                       // مواليد: a year follows
	wNotDate                     // رقم، بنتيجة، مثل: the numbers or the day after it are no date
	wCentury                     // القرن
	wMyWeek                      // أسبوعي: my week, after بقية or نهاية
)

// Units of time (dateEntry.n of wUnit), from the finest.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
	unitDecade
)

// dateSpec is what a date class of data/lexicon.tsv gives its words: a
// role, and for some roles a value n and a count.
type dateSpec struct {
	role  dateRole
	n     int
	count int8
}

// dateRoles maps the date classes of data/lexicon.tsv to their roles.
var dateRoles = map[string]dateSpec{
	"date/article": {role: wArticle}, "date/of": {role: wOf}, "date/month-word": {role: wMonthWord},
	"date/day-word": {role: wDayWord}, "date/year-word": {role: wYearWord}, "date/the-year": {role: wYearDef},
	"date/the-month": {role: wMonthDef}, "date/next": {role: wNext}, "date/past": {role: wPast},
	"date/current": {role: wCurrent}, "date/today": {role: wToday}, "date/yesterday": {role: wYesterday},
	"date/day-before-yesterday": {role: wDayBefore}, "date/tomorrow": {role: wTomorrow},
	"date/day-after-tomorrow": {role: wDayAfter}, "date/this-month": {role: wThisMonth},
	"date/this-year": {role: wThisYear}, "date/this-week": {role: wThisWeek}, "date/the-week": {role: wWeekDef},
	"date/part-start": {role: wPartStart}, "date/part-mid": {role: wPartMid},
	"date/part-middle": {role: wPartMiddle}, "date/part-end": {role: wPartEnd},
	"date/ad": {role: wAD}, "date/ah": {role: wAH}, "date/agreeing": {role: wAgreeing},
	"date/unit-day": {wUnit, unitDay, 1}, "date/unit-day-2": {wUnit, unitDay, 2}, "date/unit-days": {wUnit, unitDay, 0},
	"date/unit-week": {wUnit, unitWeek, 1}, "date/unit-week-2": {wUnit, unitWeek, 2}, "date/unit-weeks": {wUnit, unitWeek, 0},
	"date/unit-month": {wUnit, unitMonth, 1}, "date/unit-month-2": {wUnit, unitMonth, 2}, "date/unit-months": {wUnit, unitMonth, 0},
	"date/unit-year": {wUnit, unitYear, 1}, "date/unit-year-2": {wUnit, unitYear, 2}, "date/unit-years": {wUnit, unitYear, 0},
	"date/unit-decade": {wUnit, unitDecade, 1}, "date/unit-decade-2": {wUnit, unitDecade, 2},
	"date/unit-decades": {wUnit, unitDecade, 0},
	"date/pair-of-days": {role: wPair, n: unitDay}, "date/pair-of-months": {role: wPair, n: unitMonth},
	"date/pair-of-years": {role: wPair, n: unitYear},
	"date/between":       {role: wBetween}, "date/until": {role: wUntil}, "date/ago": {role: wAgo},
	"date/since": {role: wSince}, "date/after": {role: wAfter}, "date/within": {role: wWithin},
	"date/now": {role: wNow}, "date/about": {role: wAbout}, "date/after-next": {role: wAfterNext},
	"date/following": {role: wFollowing}, "date/preceding": {role: wPreceding}, "date/same": {role: wSame},
	"date/rest": {role: wRest}, "date/half": {role: wHalf}, "date/quarter": {role: wQuarter},
	"date/spring": {role: wSeason, n: 1}, "date/summer": {role: wSeason, n: 2},
	"date/autumn": {role: wSeason, n: 3}, "date/winter": {role: wSeason, n: 4},
	"date/this": {role: wThis}, "date/month-cue": {role: wCue}, "date/birth": {role: wBirth},
	"date/not-date": {role: wNotDate}, "date/century": {role: wCentury},
	"date/my-week": {role: wMyWeek},
}

// numberKinds maps the kind column of data/numbers.tsv to a date role.
var numberKinds = map[string]dateRole{
	"ordinal": wOrdinal, "ordinal-before": wOrdinalBare, "first-day": wFirstDay,
	"cardinal": wCardinal, "few": wFew, "decade": wDecade,
}

// roleMask is a set of roles.
type roleMask uint64

// bit returns the mask bit of w.
func (w dateRole) bit() roleMask { return 1 << w }

// dateEntry is one spelling in the lexicon.
type dateEntry struct {
	rest  []string // normalized tokens after the first
	word  dateRole
	n     int      // month, weekday, number, unit, season or holiday
	count int8     // for units: 1 singular, 2 dual, 0 plural (a number says how many)
	cal   Calendar // for months
	amb   bool     // also an ordinary word: needs context (see FindDates)
	libya bool     // a Libyan month name: needs a day and a year
}

// dateLex maps a normalized first token to its entries (get).
type dateLex struct {
	wordMap[[]dateEntry]
}

//go:embed data/numbers.tsv
var numbersTSV string

// numberWord is a row of data/numbers.tsv: a number written in words.
type numberWord struct {
	word  string
	value int
	role  dateRole
}

// numberWords returns the rows of data/numbers.tsv whose kind the dates
// stage reads.
func numberWords(src string) []numberWord {
	var out []numberWord
	for _, f := range tsvRows(src, 3, 4) {
		v, err := strconv.Atoi(f[1])
		role, ok := numberKinds[f[2]]
		if err == nil && ok {
			out = append(out, numberWord{word: f[0], value: v, role: role})
		}
	}
	return out
}

// dateLexicon returns the date lexicon, built with the lexicon (see
// builtinLexicon).
func dateLexicon() *dateLex { return builtinLexicon().dates }

// buildDateLexicon builds the date lexicon from data/months.tsv, the date
// classes of data/lexicon.tsv (the rows of lx) and data/numbers.tsv.
func buildDateLexicon(lx *lexicon) *dateLex {
	x := &dateLex{}
	for _, mw := range monthTable().months {
		cal := Gregorian
		if mw.system == monthHijri {
			cal = Hijri
		}
		x.add(mw.spelling, dateEntry{word: wMonth, n: mw.month, cal: cal, amb: mw.ambiguous || mw.system == monthLibya, libya: mw.system == monthLibya})
	}
	for _, ww := range monthTable().weekdays {
		x.add(ww.spelling, dateEntry{word: wWeekday, n: int(ww.day), amb: ww.ambiguous})
	}
	for _, r := range lx.dateRows {
		if sp, ok := dateRoles[r.class]; ok {
			x.add(r.word, dateEntry{word: sp.role, n: sp.n, count: sp.count})
		}
	}
	for k, h := range holidayTable() {
		x.add(h.spelling, dateEntry{word: wHoliday, n: k})
	}
	for _, nw := range numberWords(numbersTSV) {
		x.add(nw.word, dateEntry{word: nw.role, n: nw.value})
	}
	return x
}

// add adds the spelling with the entry e. The same spelling in several
// systems is one entry, an ordinary word only if it is one in all. Keys
// shorter than two bytes are left out: no date word is one letter.
func (x *dateLex) add(spelling string, e dateEntry) {
	t := splitText(spelling)
	if len(t.toks) == 0 || len(t.toks[0].norm) < 2 {
		return
	}
	for _, tk := range t.toks[1:] {
		e.rest = append(e.rest, tk.norm)
	}
	key := t.toks[0].norm
	es := x.m[key]
	for k := range es {
		p := &es[k]
		if p.word == e.word && p.n == e.n && p.count == e.count && p.cal == e.cal && slices.Equal(p.rest, e.rest) {
			p.amb = p.amb && e.amb
			p.libya = p.libya && e.libya
			return
		}
	}
	x.set(key, append(es, e))
}
