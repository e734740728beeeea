package arnews

import (
	_ "embed"
	"strconv"
	"sync"
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
// text: a row of data/months.tsv, whose header says where the spellings come
// from. Spellings are raw: hamza forms, ة/ه, ى/ي, Persian letters and any
// diacritics are kept exactly as the source writes them, and the dates code
// normalizes them when it builds its lookup structures.
type monthWord struct {
	// spelling is the month name as written, possibly several words.
	spelling string
	// system is the naming tradition the spelling belongs to.
	system monthSystem
	// month is the month number, 1–12, in system's calendar.
	month int
	// source is a short tag naming one reference that lists the spelling
	// (see the header of data/months.tsv).
	source string
	// ambiguous marks spellings that are also ordinary words or names in
	// news text. The dates code accepts them only next to a day number or
	// a year; for the Libyan names it requires both.
	ambiguous bool
}

// weekdayWord is one spelling of a day of the week, raw as in monthWord.
type weekdayWord struct {
	// spelling is the weekday name as written, with or without the article.
	spelling string
	// day is the weekday in Go's numbering (Sunday = 0 … Saturday = 6).
	day time.Weekday
	// source is a short tag naming one reference that lists the spelling.
	source string
	// ambiguous marks spellings that are also ordinary words: the dates
	// code accepts them only after يوم or next to a date.
	ambiguous bool
}

//go:embed data/months.tsv
var monthsTSV string

// calendarWords are the rows of data/months.tsv.
type calendarWords struct {
	months   []monthWord
	weekdays []weekdayWord
}

// monthSystems maps the system column of data/months.tsv to monthSystem.
var monthSystems = map[string]monthSystem{
	"gregorian": monthGregorian, "syriac": monthSyriac, "maghreb": monthMaghreb, "morocco": monthMorocco,
	"libya": monthLibya, "mauritania": monthMauritania, "hijri": monthHijri,
}

// monthTable returns the parsed rows of data/months.tsv, read on first use.
var monthTable = sync.OnceValue(func() calendarWords { return parseMonths(monthsTSV) })

// parseMonths reads the rows of data/months.tsv. Comment lines, the column
// header and malformed rows are skipped; TestMonthsTSVValid checks the
// embedded file row by row.
func parseMonths(src string) calendarWords {
	var w calendarWords
	for _, f := range tsvRows(src, 5, 5) {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		amb := hasFlag(f[4], "ambiguous")
		if f[0] == "weekday" {
			if n >= 0 && n <= 6 {
				w.weekdays = append(w.weekdays, weekdayWord{spelling: f[2], day: time.Weekday(n), source: f[3], ambiguous: amb})
			}
			continue
		}
		if s, ok := monthSystems[f[0]]; ok && n >= 1 && n <= 12 {
			w.months = append(w.months, monthWord{spelling: f[2], system: s, month: n, source: f[3], ambiguous: amb})
		}
	}
	return w
}
