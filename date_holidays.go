package arnews

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file holds the holidays: the table of data/holidays.tsv, the
// computation of each holiday's day in a year, and the rule that reads
// them.

//go:embed data/holidays.tsv
var holidaysTSV string

// holidayKind says how a holiday's day is computed.
type holidayKind uint8

const (
	holidayHijri          holidayKind = iota + 1 // a day of a Hijri month
	holidayGregorian                             // a day of a Gregorian month
	holidayEaster                                // days after Western Easter
	holidayOrthodoxEaster                        // days after Orthodox Easter
	holidayWeekday                               // the nth weekday of a Gregorian month
)

// holiday is a row of data/holidays.tsv.
type holiday struct {
	spelling string
	kind     holidayKind
	month    int
	day      int // the day; for holidayWeekday the n of the nth weekday; for Easter the offset
	weekday  time.Weekday
	from, to int // the Gregorian years the day holds in (0: open)
}

// holidayTable returns the rows of data/holidays.tsv, built on first use.
var holidayTable = sync.OnceValue(func() []holiday { return parseHolidays(holidaysTSV) })

// parseHolidays returns the rows of src whose rule reads; TestHolidaysValid
// checks the embedded file row by row.
func parseHolidays(src string) []holiday {
	var out []holiday
	for _, f := range tsvRows(src, 2, 4) {
		if h, ok := parseHolidayRule(f[1]); ok {
			h.spelling = f[0]
			out = append(out, h)
		}
	}
	return out
}

// parseHolidayRule reads the rule column of data/holidays.tsv.
func parseHolidayRule(s string) (h holiday, ok bool) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return h, false
	}
	n := make([]int, 0, 3)
	for _, x := range f[1:] {
		if strings.Contains(x, "-") && len(x) > 2 && x != "-1" {
			break
		}
		v, err := strconv.Atoi(x)
		if err != nil {
			return h, false
		}
		n = append(n, v)
	}
	last := f[len(f)-1]
	switch {
	case f[0] == "hijri" && len(n) == 2:
		h = holiday{kind: holidayHijri, month: n[0], day: n[1]}
	case f[0] == "gregorian" && len(n) == 2:
		h = holiday{kind: holidayGregorian, month: n[0], day: n[1]}
		if len(f) == 4 {
			if h.from, h.to, ok = yearSpan(last); !ok {
				return h, false
			}
		}
	case f[0] == "easter" && len(n) == 1:
		h = holiday{kind: holidayEaster, day: n[0]}
	case f[0] == "orthodox-easter" && len(n) == 1:
		h = holiday{kind: holidayOrthodoxEaster, day: n[0]}
	case f[0] == "weekday" && len(n) == 3 && n[2] >= 0 && n[2] <= 6:
		h = holiday{kind: holidayWeekday, month: n[0], day: n[1], weekday: time.Weekday(n[2])}
	default:
		return h, false
	}
	return h, h.kind == holidayEaster || h.kind == holidayOrthodoxEaster || h.month >= 1 && h.month <= 12
}

// yearSpan reads a span of years: 2020-, -2019, 1999-2010.
func yearSpan(s string) (from, to int, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	var err error
	if a != "" {
		if from, err = strconv.Atoi(a); err != nil {
			return 0, 0, false
		}
	}
	if b != "" {
		if to, err = strconv.Atoi(b); err != nil {
			return 0, 0, false
		}
	}
	return from, to, true
}

// inYear returns the day of h in Gregorian year y, and whether it has one
// there; a Hijri holiday that falls twice in y gives the first.
func (h holiday) inYear(y int) (time.Time, bool) {
	if h.from != 0 && y < h.from || h.to != 0 && y > h.to || y < 1 || y > 9999 {
		return time.Time{}, false
	}
	switch h.kind {
	case holidayHijri:
		hy, _, _ := gregorianToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		for _, c := range []int{hy, hy + 1} {
			if t, err := hijriToGregorian(c, h.month, h.day); err == nil && t.Year() == y {
				return t, true
			}
		}
		return time.Time{}, false
	case holidayGregorian:
		return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC), true
	case holidayEaster:
		return westernEaster(y).AddDate(0, 0, h.day), true
	case holidayOrthodoxEaster:
		return orthodoxEaster(y).AddDate(0, 0, h.day), true
	}
	t, ok := nthWeekday(y, h.month, h.day, h.weekday)
	return t, ok
}

// inHijriYear returns the day of a Hijri holiday in Hijri year hy.
func (h holiday) inHijriYear(hy int) (time.Time, bool) {
	t, err := hijriToGregorian(hy, h.month, h.day)
	return t, err == nil
}

// westernEaster returns Easter Sunday of year y in the Gregorian calendar
// (the anonymous Gregorian computus, as Meeus gives it).
func westernEaster(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// orthodoxEaster returns Easter Sunday of year y in the Julian calendar
// (Meeus's Julian computus), as a Gregorian date.
func orthodoxEaster(y int) time.Time {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	// The Julian calendar runs behind the Gregorian by y/100 - y/400 - 2
	// days (13 days in 1900-2099).
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, y/100-y/400-2)
}

// holidayIn returns the day of the holiday spelled like entry e in
// Gregorian year y: the first row of that spelling that holds in y.
func holidayIn(e *dateEntry, y int) (time.Time, bool) {
	tb := holidayTable()
	for k := e.n; k < len(tb) && tb[k].spelling == tb[e.n].spelling; k++ {
		if t, ok := tb[k].inYear(y); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// holidayDate reads a holiday, with or without a year:
//
//	[يوم] holiday [year [هـ] | عام year | المقبل|الماضي|الحالي | من العام الماضي]   عيد الأضحى 2013، عيد الفطر المقبل
//
// Without a year it is the last one on or before ref if that was at most a
// month ago, else the next one (the next one in a clause about the
// future).
func (m *dateMatcher) holidayDate(i int, first bool) (dateMatch, bool) {
	h, ok := m.find(i, first, wHoliday.bit())
	sc := h.c
	if !ok {
		d, ok := m.find(i, first, wDayWord.bit())
		if !ok || d.c.def {
			return dateMatch{}, false
		}
		if h, ok = m.wordIn(i, i+1, wHoliday.bit()); !ok {
			return dateMatch{}, false
		}
		sc = d.c
	}
	tb := holidayTable()
	hol := tb[h.e.n]
	end := h.end
	if y, e, ok := m.holidayAfter(i, end+1); ok {
		t, ok := holidayIn(h.e, y)
		if !ok {
			return dateMatch{}, false
		}
		return m.dayAt(i, sc, e, t), true
	}
	if y, e, ah, ok := m.yearAfter(i, end+1, Hijri); ok {
		var t time.Time
		switch {
		case hol.kind == holidayHijri && (ah || y < 1600):
			t, ok = hol.inHijriYear(y)
		case ah:
			ok = false
		default:
			t, ok = holidayIn(h.e, y)
		}
		if !ok {
			return dateMatch{}, false
		}
		return m.dayAt(i, sc, e, t), true
	}
	mod, hasMod := m.wordIn(i, end+1, wNext.bit()|wPast.bit()|wCurrent.bit())
	if hasMod {
		end = mod.end
	}
	t, ok := m.nearestHoliday(h.e, mod.e, hasMod, m.future(i, end))
	if !ok {
		return dateMatch{}, false
	}
	return m.dayAt(i, sc, end, t), true
}

// holidayAfter reads a relative year after a holiday (العام المقبل، من
// العام الماضي، هذا العام) at k: the Gregorian year.
func (m *dateMatcher) holidayAfter(i, k int) (y, end int, ok bool) {
	if _, ok := m.wordIn(i, k, wOf.bit()); ok {
		k++
	}
	return m.relativeYear(i, k, Gregorian)
}

// nearestHoliday returns the day of the holiday e relative to ref: after
// المقبل the first one after ref, after الماضي the last one before, after
// الحالي the one of ref's year; otherwise the next one on or after ref,
// unless it is not in a clause about the future and the last one was at
// most a month ago.
func (m *dateMatcher) nearestHoliday(e, mod *dateEntry, hasMod, future bool) (time.Time, bool) {
	ref := m.today()
	var prev, next time.Time
	for y := ref.Year() - 2; y <= ref.Year()+2; y++ {
		for _, t := range m.holidaysIn(e, y) {
			if !t.After(ref) {
				prev = t
			}
			if !t.Before(ref) && next.IsZero() {
				next = t
			}
		}
	}
	switch {
	case hasMod && mod.word == wCurrent:
		return holidayIn(e, ref.Year())
	case hasMod && mod.word == wPast:
		if prev.Equal(ref) {
			return m.lastBefore(e, ref)
		}
		return prev, !prev.IsZero()
	case hasMod:
		if next.Equal(ref) {
			return m.firstAfter(e, ref)
		}
		return next, !next.IsZero()
	case !future && !prev.IsZero() && ref.Sub(prev) <= 30*24*time.Hour:
		return prev, true
	}
	return next, !next.IsZero()
}

// holidaysIn returns the days of holiday e in Gregorian year y: a Hijri
// holiday may fall twice in one.
func (m *dateMatcher) holidaysIn(e *dateEntry, y int) []time.Time {
	t, ok := holidayIn(e, y)
	if !ok {
		return nil
	}
	out := []time.Time{t}
	hol := holidayTable()[e.n]
	if hol.kind == holidayHijri {
		hy, _, _ := gregorianToHijri(t)
		if t2, ok := hol.inHijriYear(hy + 1); ok && t2.Year() == y {
			out = append(out, t2)
		}
	}
	return out
}

// lastBefore and firstAfter return the holiday e strictly before or after
// day t.
func (m *dateMatcher) lastBefore(e *dateEntry, t time.Time) (time.Time, bool) {
	var last time.Time
	for y := t.Year() - 2; y <= t.Year(); y++ {
		for _, d := range m.holidaysIn(e, y) {
			if d.Before(t) {
				last = d
			}
		}
	}
	return last, !last.IsZero()
}

func (m *dateMatcher) firstAfter(e *dateEntry, t time.Time) (time.Time, bool) {
	for y := t.Year(); y <= t.Year()+2; y++ {
		for _, d := range m.holidaysIn(e, y) {
			if d.After(t) {
				return d, true
			}
		}
	}
	return time.Time{}, false
}
