package arnews

import (
	_ "embed"
	"slices"
	"strconv"
	"sync"
)

// The lexicon: every word the date matcher knows, keyed on the normalized
// first token of its spelling, the rest of the spelling kept as following
// tokens.

// dateRole names a role a lexicon word plays. Months and weekdays have roles
// of their own.
type dateRole uint8

const (
	wMonth     dateRole = iota // a month name; dateEntry.n is the month
	wWeekday                   // a weekday; dateEntry.n is the time.Weekday
	wArticle                   // ال (written الـ before digits)
	wOf                        // من
	wMonthWord                 // شهر
	wDayWord                   // يوم
	wYearWord                  // عام، سنة
	wYearDef                   // العام، السنة
	wMonthDef                  // الشهر
	wNext                      // المقبل، القادم
	wPast                      // الماضي، المنصرم، الفائت
	wCurrent                   // الجاري، الحالي
	wToday                     // اليوم
	wYesterday                 // أمس، البارحة
	wDayBefore                 // أول أمس
	wTomorrow                  // غدا
	wDayAfter                  // بعد غد
	wThisMonth                 // هذا الشهر
	wThisYear                  // هذا العام، هذه السنة
	wThisWeek                  // هذا الأسبوع
	wWeekDef                   // الأسبوع
	wPeriod                    // مطلع، منتصف، أواخر …
	wAD                        // م، ميلادي
	wAH                        // هـ، هجري، للهجرة
	wAgreeing                  // الموافق
	wOrdinal                   // الأول … الحادي والثلاثين; dateEntry.n is the day
	wFirstDay                  // فاتح، غرة: the first day, with no من after it
)

// dateRoles maps the date classes of data/lexicon.tsv to their roles.
var dateRoles = map[string]dateRole{
	"date/article": wArticle, "date/of": wOf, "date/month-word": wMonthWord, "date/day-word": wDayWord,
	"date/year-word": wYearWord, "date/the-year": wYearDef, "date/the-month": wMonthDef, "date/next": wNext,
	"date/past": wPast, "date/current": wCurrent, "date/today": wToday, "date/yesterday": wYesterday,
	"date/day-before-yesterday": wDayBefore, "date/tomorrow": wTomorrow, "date/day-after-tomorrow": wDayAfter,
	"date/this-month": wThisMonth, "date/this-year": wThisYear, "date/this-week": wThisWeek,
	"date/the-week": wWeekDef, "date/part": wPeriod, "date/ad": wAD, "date/ah": wAH, "date/agreeing": wAgreeing,
}

// numberKinds maps the kind column of data/numbers.tsv to a date role.
var numberKinds = map[string]dateRole{"day-ordinal": wOrdinal, "first-day": wFirstDay}

// bit returns the mask bit of w.
func (w dateRole) bit() uint32 { return 1 << w }

// dateEntry is one spelling in the lexicon.
type dateEntry struct {
	rest  []string // normalized tokens after the first
	word  dateRole
	n     int      // month, weekday or ordinal value
	cal   Calendar // for months
	amb   bool     // also an ordinary word: needs context (see FindDates)
	libya bool     // a Libyan month name: needs a day and a year
}

// dateLex maps a normalized first token to its entries. filter has a bit
// set for the first and last two bytes of every key, so that most words
// are rejected without hashing.
type dateLex struct {
	m      map[string][]dateEntry
	filter [1 << 14 / 64]uint64
}

// filterBit returns the filter bit of s, which has at least two bytes: a
// hash of its length and of its second, middle and last bytes (for Arabic
// letters, the bytes that tell them apart).
func filterBit(s string) uint {
	h := uint(len(s))
	h = h*131 + uint(s[1])
	h = h*131 + uint(s[len(s)/2])
	h = h*131 + uint(s[len(s)-1])
	return h % (1 << 14)
}

// has reports whether s may be a key, cheaply.
func (x *dateLex) has(s string) bool {
	if len(s) < 2 {
		return false
	}
	b := filterBit(s)
	return x.filter[b/64]&(1<<(b%64)) != 0
}

// get returns the entries of key s.
func (x *dateLex) get(s string) []dateEntry {
	if !x.has(s) {
		return nil
	}
	return x.m[s]
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

// dateLexicon is built on first use from data/months.tsv, the date classes
// of data/lexicon.tsv and data/numbers.tsv.
var dateLexicon = sync.OnceValue(func() *dateLex {
	x := &dateLex{m: map[string][]dateEntry{}}
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
	for _, r := range builtinLexicon().dateRows {
		if role, ok := dateRoles[r.class]; ok {
			x.add(r.word, dateEntry{word: role})
		}
	}
	for _, nw := range numberWords(numbersTSV) {
		x.add(nw.word, dateEntry{word: nw.role, n: nw.value})
	}
	for k := range x.m {
		b := filterBit(k)
		x.filter[b/64] |= 1 << (b % 64)
	}
	return x
})

// add adds the spelling with the entry e. The same spelling in several
// systems is one entry, an ordinary word only if it is one in all. Keys
// shorter than two bytes are left out: the filter cannot hold them.
func (x *dateLex) add(spelling string, e dateEntry) {
	t := splitText(spelling)
	if len(t.toks) == 0 || len(t.toks[0].norm) < 2 {
		return
	}
	for _, tk := range t.toks[1:] {
		e.rest = append(e.rest, tk.norm)
	}
	key := t.toks[0].norm
	for k := range x.m[key] {
		p := &x.m[key][k]
		if p.word == e.word && p.n == e.n && p.cal == e.cal && slices.Equal(p.rest, e.rest) {
			p.amb = p.amb && e.amb
			p.libya = p.libya && e.libya
			return
		}
	}
	x.m[key] = append(x.m[key], e)
}
