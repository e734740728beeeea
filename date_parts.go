package arnews

import "time"

// This file holds the rules that read a part of a period (أواخر مارس،
// النصف الأول من 2021، الربع الثالث، الأسبوع الأول من أكتوبر), a season
// (صيف 2016) and a decade (السبعينيات). Most are ranges: a Date whose
// Until is the last date of the part.

// periodKind is the kind of period a part belongs to.
type periodKind uint8

const (
	pMonth periodKind = iota + 1
	pYear
	pWeek
	pSeason
)

// period is a month, a year, a week or a season, read at some tokens.
type period struct {
	kind   periodKind
	cal    Calendar
	y, mo  int       // the year and, for a month, the month, in cal
	monday time.Time // for a week
	season int       // for a season: 1 spring … 4 winter
	end    int       // its last token
}

// periodAt reads a period at j, in the sentence of token i:
//
//	month-phrase [year|mod]                     مارس، شهر رمضان 1443
//	[عام|العام|سنة] year | العام [mod] | هذا العام   2021، العام المقبل، العام
//	الشهر [mod|نفسه] | هذا الشهر                 الشهر الماضي، الشهر، الشهر نفسه (the month just told)
//	الأسبوع [mod] | هذا الأسبوع                  الأسبوع المقبل
//	season [year|mod]                           الصيف
//
// The year, month and week without a modifier are ref's.
func (m *dateMatcher) periodAt(i, j int) (period, bool) {
	if !m.same(i, j) {
		return period{}, false
	}
	if p, ok := m.monthPhrase(j, false); ok && p.err == nil {
		p.cued = true
		if r, ok := m.finishMonth(i, cut{}, 0, p); ok && r.err == nil {
			return period{kind: pMonth, cal: r.d.Calendar, y: yearOfMatch(r), mo: p.month, end: r.end}, true
		}
	}
	if y, end, cal, ok := m.yearSpec(i, j, true); ok {
		return period{kind: pYear, cal: cal, y: y, end: end}, true
	}
	if mo, y, end, ok := m.relativeMonth(i, j, false); ok {
		return period{kind: pMonth, cal: Gregorian, y: y, mo: mo, end: end}, true
	}
	if h, ok := m.wordIn(i, j, wMonthDef.bit()); ok {
		if s, ok := m.wordIn(i, h.end+1, wSame.bit()); ok {
			if !m.hasPrev || m.prev.Grain == GrainYear || m.prev.Grain == GrainWeek {
				return period{}, false
			}
			cal, y, mo, _ := dateParts(m.prev)
			return period{kind: pMonth, cal: cal, y: y, mo: mo, end: s.end}, true // الشهر نفسه
		}
		if _, era := m.find(h.end+1, true, wAD.bit()|wAH.bit()); era || !m.ends(h.end) {
			return period{}, false // بداية الشهر الهجري: any Hijri month
		}
		ref := m.today()
		return period{kind: pMonth, cal: Gregorian, y: ref.Year(), mo: int(ref.Month()), end: h.end}, true
	}
	if off, end, _, ok := m.weekExpr(i, j, false); ok {
		return period{kind: pWeek, monday: m.mondayOf(off), end: end}, true
	}
	if h, ok := m.wordIn(i, j, wWeekDef.bit()|wMyWeek.bit()); ok {
		return period{kind: pWeek, monday: m.mondayOf(0), end: h.end}, true
	}
	if s, y, end, ok := m.seasonAt(i, j, true); ok {
		return period{kind: pSeason, cal: Gregorian, y: y, season: s, end: end}, true
	}
	return period{}, false
}

// mondayOf returns the Monday of the ISO week off weeks from ref's.
func (m *dateMatcher) mondayOf(off int) time.Time {
	return m.dayOfWeek(off, time.Monday)
}

// yearSpec reads a year at j: [من] [عام|العام|سنة] year [era] (digits or
// words), العام|السنة + modifier, هذا العام, and, when bare is set,
// العام|السنة alone (ref's year).
func (m *dateMatcher) yearSpec(i, j int, bare bool) (y, end int, cal Calendar, ok bool) {
	if y, end, ok := m.relativeYear(i, j, Gregorian); ok {
		return y, end, Gregorian, true
	}
	k := j
	h, marked := m.find(j, false, wYearWord.bit()|wYearDef.bit())
	if !marked {
		h, marked = m.find(j, true, wYearWord.bit()|wYearDef.bit())
		marked = marked && m.t.toks[j].leadingLi()
	}
	if marked && m.same(i, j) {
		k = h.end + 1
	}
	if y, end, ok := m.yearWordsAt(i, k); ok {
		return y, end, Gregorian, true
	}
	if v, n, ok := m.number(k); ok && m.same(i, k) && v > 0 && (n == 4 || marked && n == 3) {
		if era, ok := m.wordIn(i, k+1, wAD.bit()|wAH.bit()); ok {
			if era.e.word == wAH {
				return v, era.end, Hijri, true
			}
			return v, era.end, Gregorian, true
		}
		return v, k, Gregorian, true
	}
	if bare && marked && h.e.word == wYearDef && !(j > 0 && m.definite(j-1)) {
		return m.today().Year(), h.end, Gregorian, true
	}
	return 0, 0, 0, false
}

// partOf reads a part of a month, a year, a week or a season:
//
//	part [-] [من] period   أواخر مارس، مطلع 2021، نهاية العام الجاري، منتصف الشهر الماضي، نهاية- يناير
//
// The parts of a month are days 1-10 (مطلع، أوائل، بداية), 11-20 (أواسط)
// and 21 to the end (أواخر، نهاية), and منتصف is the 15th; of a year,
// January-June, May-August (أواسط), June-July (منتصف) and July-December;
// of a week, Monday-Wednesday, Tuesday-Friday and Thursday-Sunday; of a
// season, its first, second and third month.
func (m *dateMatcher) partOf(i int, first bool) (dateMatch, bool) {
	const parts = roleMask(1)<<wPartStart | 1<<wPartMid | 1<<wPartMiddle | 1<<wPartEnd
	h, ok := m.find(i, first, parts)
	if !ok {
		return dateMatch{}, false
	}
	j := h.end + 1
	if m.isDash(j) {
		j++
	}
	if _, ok := m.wordIn(i, j, wOf.bit()); ok {
		j++
	}
	p, ok := m.periodAt(i, j)
	if !ok {
		return dateMatch{}, false
	}
	a, b, ok := m.partDates(p, h.e.word)
	if !ok {
		return dateMatch{}, false
	}
	return spanning(i, h.c, p.end, a, b), true
}

// partDates returns the first and last date of part w of period p.
func (m *dateMatcher) partDates(p period, w dateRole) (a, b Date, ok bool) {
	switch p.kind {
	case pMonth:
		n := hijriOrGregorianLength(p.cal, p.y, p.mo)
		if n == 0 {
			return a, b, false
		}
		lo, hi := monthPart(w, n)
		return dayPair(p.cal, p.y, p.mo, lo, hi)
	case pYear:
		lo, hi := yearPart(w)
		return monthPair(p.cal, p.y, lo, p.y, hi)
	case pWeek:
		lo, hi := weekPart(w)
		a, b := gregorianDays(p.monday.AddDate(0, 0, lo), p.monday.AddDate(0, 0, hi))
		return a, b, true
	case pSeason:
		k, _ := weekPart(w) // 0, 1 or 3: the season's first, second or last month
		t := time.Date(p.y, time.Month(3*p.season+min(k, 2)), 1, 0, 0, 0, 0, time.UTC)
		return monthOf(t.Year(), int(t.Month())), monthOf(t.Year(), int(t.Month())), true
	}
	return a, b, false
}

// monthPart returns the first and last day of part w of a month of n
// days.
func monthPart(w dateRole, n int) (lo, hi int) {
	switch w {
	case wPartStart:
		return 1, 10
	case wPartMid:
		return 11, 20
	case wPartMiddle:
		return 15, 15
	}
	return 21, n
}

// yearPart returns the first and last month of part w of a year.
func yearPart(w dateRole) (lo, hi int) {
	switch w {
	case wPartStart:
		return 1, 6
	case wPartMid:
		return 5, 8
	case wPartMiddle:
		return 6, 7
	}
	return 7, 12
}

// weekPart returns the first and last day of part w of a week, counted
// from its Monday.
func weekPart(w dateRole) (lo, hi int) {
	switch w {
	case wPartStart:
		return 0, 2
	case wPartMid, wPartMiddle:
		return 1, 4
	}
	return 3, 6
}

// hijriOrGregorianLength returns the length of month mo of year y in
// calendar cal, or 0.
func hijriOrGregorianLength(cal Calendar, y, mo int) int {
	if cal == Hijri {
		return hijriMonthLength(y, mo)
	}
	if y < 1 || y > 9999 || mo < 1 || mo > 12 {
		return 0
	}
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dayPair returns days lo and hi of month mo of year y in calendar cal.
func dayPair(cal Calendar, y, mo, lo, hi int) (a, b Date, ok bool) {
	a, err1 := makeDate(cal, y, mo, lo)
	b, err2 := makeDate(cal, y, mo, hi)
	return a, b, err1 == nil && err2 == nil
}

// monthPair returns months m1 of y1 and m2 of y2 in calendar cal.
func monthPair(cal Calendar, y1, m1, y2, m2 int) (a, b Date, ok bool) {
	a, err1 := makeDate(cal, y1, m1, 0)
	b, err2 := makeDate(cal, y2, m2, 0)
	return a, b, err1 == nil && err2 == nil
}

// halfOrQuarter reads a half or a quarter of a year or a month:
//
//	النصف|الربع ordinal [من|في] period   النصف الأول من 2021، الربع الثالث من هذا العام، النصف الثاني من مارس
//	year النصف|الربع ordinal             2016 الربع الثالث
//	الربع ordinal                        الربع الثالث: of ref's year
func (m *dateMatcher) halfOrQuarter(i int, first bool) (dateMatch, bool) {
	j, sc := i, cut{}
	var p period
	lead := false
	if y, digits, ok := m.number(i); ok && digits == 4 {
		p, j, lead = period{kind: pYear, y: y, end: i}, i+1, true
	}
	h, ok := m.find(j, first && !lead, wHalf.bit()|wQuarter.bit())
	if !ok || !m.same(i, j) {
		return dateMatch{}, false
	}
	if !lead {
		sc = h.c
	}
	n, end, _, ok := m.ordinalAt(i, h.end+1, false)
	parts := 2
	if h.e.word == wQuarter {
		parts = 4
	}
	if !ok || n == 0 || n > parts {
		return dateMatch{}, false
	}
	if n < 0 {
		n = parts
	}
	if !lead {
		k := end + 1
		if w, ok := m.wordIn(i, k, wOf.bit()|wCue.bit()); ok && (w.e.word == wOf || m.t.toks[k].is(cIn)) {
			k++
		}
		if q, ok := m.periodAt(i, k); ok && (q.kind == pYear || q.kind == pMonth && parts == 2) {
			p, end = q, q.end
		} else if parts == 4 && m.ends(end) {
			p = period{kind: pYear, y: m.today().Year()}
		} else {
			return dateMatch{}, false
		}
	}
	var a, b Date
	if p.kind == pMonth {
		l := hijriOrGregorianLength(p.cal, p.y, p.mo)
		hi := 15
		if n == 2 {
			hi = l
		}
		a, b, ok = dayPair(p.cal, p.y, p.mo, (n-1)*15+1, hi)
	} else {
		w := 12 / parts
		a, b, ok = monthPair(p.cal, p.y, (n-1)*w+1, p.y, n*w)
	}
	if !ok {
		return dateMatch{}, false
	}
	return spanning(i, sc, end, a, b), true
}

// weekOf reads a week of a month or a year, or the week of a day:
//
//	الأسبوع ordinal [من|في|بـ] month        الأسبوع الأول من أكتوبر، الأسبوع الأخير من شهر يوليو
//	ordinal-before أسبوع (من|في|بـ) month   أول أسبوع من أكتوبر 2014، آخر أسبوع في سبتمبر لعام 2014
//	الأسبوع ordinal [من|في] year            الأسبوع الأول من عام 2015، الأسبوع الثالث العام المقبل
//	أسبوع day-date                          أسبوع 16 سبتمبر
//
// The nth week of a month starts on its nth Monday, and the last one is
// the last week that ends in it; the weeks of a year are ISO weeks.
func (m *dateMatcher) weekOf(i int, first bool) (dateMatch, bool) {
	n, j, sc := 0, 0, cut{}
	if h, ok := m.find(i, first, wWeekDef.bit()); ok {
		v, end, _, ok := m.ordinalAt(i, h.end+1, false)
		if !ok {
			return dateMatch{}, false
		}
		n, j, sc = v, end+1, h.c
	} else if h, ok := m.find(i, first, wOrdinalBare.bit()); ok {
		u, ok := m.wordIn(i, h.end+1, wUnit.bit())
		if !ok || u.e.n != unitWeek || u.e.count != 1 {
			return dateMatch{}, false
		}
		n, j, sc = h.e.n, u.end+1, h.c
	} else if h, ok := m.find(i, first, wUnit.bit()); ok && h.e.n == unitWeek && h.e.count == 1 && !h.c.def {
		r, ok := m.dayDate(h.end+1, false)
		if !ok || r.err != nil || !m.same(i, h.end+1) {
			return dateMatch{}, false
		}
		return m.weekAt(i, h.c, r.end, r.d.Time()), true
	} else {
		return dateMatch{}, false
	}
	if n == 0 {
		return dateMatch{}, false
	}
	if y, mo, end, ok := m.monthAfter(i, j); ok && n <= 5 {
		t, ok := nthMonday(y, mo, n)
		if !ok {
			return dateMatch{}, false
		}
		return m.weekAt(i, sc, end, t), true
	}
	if _, ok := m.wordIn(i, j, wOf.bit()|wCue.bit()); ok {
		j++
	}
	y, end, cal, ok := m.yearSpec(i, j, false)
	if !ok || cal != Gregorian || n > 53 {
		return dateMatch{}, false
	}
	return m.weekAt(i, sc, end, isoWeekOf(y, n)), true
}

// nthMonday returns the Monday that starts the nth week of Gregorian month
// mo of year y (n = -1: the last week that ends in the month).
func nthMonday(y, mo, n int) (time.Time, bool) {
	if n > 0 {
		return nthWeekday(y, mo, n, time.Monday)
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC)
	sunday := last.AddDate(0, 0, -(int(last.Weekday())+7)%7)
	return sunday.AddDate(0, 0, -6), true
}

// isoWeekOf returns the Monday of ISO week n of year y (n = -1: the last).
func isoWeekOf(y, n int) time.Time {
	if n < 0 {
		dec28 := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC)
		return dec28.AddDate(0, 0, -(int(dec28.Weekday())+6)%7)
	}
	return isoWeekMonday(y, n)
}

// seasonAt reads [هذا|هذه] season [[عام|العام] year | المقبل|الماضي|الحالي] at j; with
// alone set, a season alone too (the nearest one). The season's year is
// that of its first month.
func (m *dateMatcher) seasonAt(i, j int, alone bool) (s, y, end int, ok bool) {
	k, this := j, false
	if _, ok := m.wordIn(i, k, wThis.bit()); ok {
		k, this = k+1, true
	}
	h, ok := m.wordIn(i, k, wSeason.bit())
	if !ok {
		return 0, 0, 0, false
	}
	s, end = h.e.n, h.end
	ref := m.today()
	cur := ref.Year()
	if s == 4 && ref.Month() <= 2 {
		cur-- // the winter that began last December
	}
	if v, e, cal, ok := m.yearSpec(i, end+1, false); ok && cal == Gregorian {
		return s, v, e, true // صيف 2016، صيف العام 2000
	}
	if mod, ok := m.wordIn(i, end+1, wNext.bit()|wPast.bit()|wCurrent.bit()); ok {
		y = cur
		first := time.Date(y, time.Month(3*s), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case mod.e.word == wNext && !first.After(ref):
			y++
		case mod.e.word == wPast && !first.AddDate(0, 3, 0).Before(ref):
			y--
		}
		return s, y, mod.end, true
	}
	if this || alone && m.ends(end) {
		return s, cur, end, true
	}
	return 0, 0, 0, false
}

// season reads a season, as its three months:
//
//	[هذا|هذه] season [year | المقبل|الماضي|الحالي]   صيف 2016، الربيع القادم، هذا الصيف
//	في|خلال season                                  في الخريف
func (m *dateMatcher) season(i int, first bool) (dateMatch, bool) {
	sc := cut{}
	if h, ok := m.find(i, first, wThis.bit()|wSeason.bit()); ok {
		sc = h.c
	} else {
		return dateMatch{}, false
	}
	alone := i > 0 && m.same(i, i-1) && m.t.toks[i-1].is(cIn, cFunc) && sc.at == 0
	s, y, end, ok := m.seasonAt(i, i, alone)
	if !ok {
		return dateMatch{}, false
	}
	a, b, _ := monthPair(Gregorian, y, 3*s, y+(3*s+2)/13, (3*s+1)%12+1)
	return spanning(i, sc, end, a, b), true
}

// decade reads a decade of a century:
//
//	decade [القرن الماضي|الحالي|ordinal]   السبعينيات، سبعينيات القرن الماضي، التسعينيات
//
// Without a century it is the twentieth (التسعينيات are 1990-1999).
func (m *dateMatcher) decade(i int, first bool) (dateMatch, bool) {
	h, ok := m.find(i, first, wDecade.bit())
	if !ok {
		return dateMatch{}, false
	}
	base, end := 1900, h.end
	if c, ok := m.wordIn(i, end+1, wCentury.bit()); ok {
		switch mod, ok := m.wordIn(i, c.end+1, wPast.bit()|wCurrent.bit()); {
		case ok:
			base, end = m.today().Year()/100*100, mod.end
			if mod.e.word == wPast {
				base -= 100
			}
		default:
			n, e, _, ok := m.ordinalAt(i, c.end+1, false)
			if !ok || n < 1 {
				return dateMatch{}, false
			}
			base, end = (n-1)*100, e
		}
	} else if m.countsFrom(end) {
		return dateMatch{}, false // الستينيات من عمره
	}
	d := base + h.e.n
	return spanning(i, h.c, end, yearOf(d), yearOf(d+9)), true
}
