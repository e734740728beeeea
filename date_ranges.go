package arnews

// This file holds the rules that read two dates together: a range (من 5
// إلى 10 مارس), one Date whose Until is its last date, and two coordinated
// days of one month (الـ17 و18 من فبراير).

// endKind says what an end of a range gives.
type endKind uint8

const (
	endDate  endKind = iota + 1 // a whole date
	endDay                      // a day of the month: من 5 (إلى 10 مارس)
	endMonth                    // a month without its year: من مارس (حتى مايو 2020)
	endYear                     // a year: 2014 (-2018)
)

// rangeEnd is one end of a range as written.
type rangeEnd struct {
	kind endKind
	r    dateMatch // endDate
	day  int       // endDay
	p    datePhrase
	year int // endYear
	c    cut
	end  int
}

// Range years are within these bounds, so that counts (من 1500 إلى 2000
// نسمة) are not read as years.
const minRangeYear, maxRangeYear = 1000, 2200

// rangeEndAt reads an end of a range at j, in the sentence of token i:
// a whole date, or a day, a month or a year that the other end completes.
// wantYear says the range is of years (عامي).
func (m *dateMatcher) rangeEndAt(i, j int, first, wantYear bool) (rangeEnd, bool) {
	if !m.same(i, j) {
		return rangeEnd{}, false
	}
	if !wantYear {
		if r, ok := m.single(j, first); ok && r.err == nil && r.start >= j {
			return rangeEnd{kind: endDate, r: r, c: r.sc, end: r.end}, true
		}
	}
	if y, n, ok := m.number(j); ok && n == 4 && y >= minRangeYear && y <= maxRangeYear {
		return rangeEnd{kind: endYear, year: y, end: j}, true
	}
	if y, end, ok := m.yearWordsAt(i, j); ok {
		return rangeEnd{kind: endYear, year: y, end: end}, true
	}
	if wantYear {
		return rangeEnd{}, false
	}
	k, c := j, cut{}
	if w, wc, _, ok := m.weekdayHead(j, first); ok {
		k, c = w.end+1, wc // الجمعة 11 (حتى الثلاثاء 15)
	}
	if dn, ok := m.dayNumberAt(i, k, first && k == j); ok && dn.kind != dayFirst {
		if k == j {
			c = dn.c
		}
		return rangeEnd{kind: endDay, day: dn.day, c: c, end: dn.end}, true
	}
	if k == j {
		if p, ok := m.monthPhrase(j, first); ok && p.err == nil {
			p.cued = true
			return rangeEnd{kind: endMonth, p: p, c: p.c, end: p.end}, true
		}
	}
	return rangeEnd{}, false
}

// rangeLink reads what joins the ends of a range at k: إلى، حتى، لغاية،
// a dash, and و after بين. It returns where the last end starts and
// whether its first token carries the و.
func (m *dateMatcher) rangeLink(i, k int, between, years bool) (next int, wa, ok bool) {
	if !m.same(i, k) {
		return 0, false, false
	}
	if h, _, ok := m.waWord(i, k, wUntil.bit()); ok {
		return h.end + 1, false, true
	}
	if m.isDash(k) || years && m.punct(k, "/") {
		return k + 1, false, true
	}
	if !between {
		return 0, false, false
	}
	tk := &m.t.toks[k]
	switch {
	case tk.conjunctionAlone():
		return k + 1, false, true
	case tk.kind == tokWord && tk.leadingWa():
		return k, true, true
	}
	return 0, false, false
}

// rangeDate reads a range, one Date whose Until is its last date:
//
//	من|بين [يومي|شهري|عامي] end (إلى|حتى|-|و) end   من 5 إلى 10 مارس، بين 5 و10 مارس، من مارس حتى مايو 2020، بين عامي 2001 و2021
//	end (إلى|حتى|-) end                             2 أكتوبر إلى 22 أكتوبر، 19-20 نوفمبر، 2014-2018
//	month [من|بين] day (إلى|حتى|-|و) day [year]     يوليو 13-15، شهر نوفمبر بين 19 و 20
//
// و joins the ends only after بين. The first end takes from the last what
// it lacks: the month and the year of a day (من 5 إلى 10 مارس), the year
// of a month or of a date written without one. The last end must not
// come before the first.
func (m *dateMatcher) rangeDate(i int, first bool) (dateMatch, bool) {
	if r, ok := m.monthFirstRange(i, first); ok {
		return r, true
	}
	j, sc, between, lead, years := i, cut{}, false, false, false
	if h, ok := m.find(i, first, wOf.bit()|wBetween.bit()); ok {
		j, sc, between, lead = h.end+1, h.c, h.e.word == wBetween, true
		if p, ok := m.wordIn(i, j, wPair.bit()); ok {
			j, years = p.end+1, p.e.n == unitYear
		}
	}
	a, ok := m.rangeEndAt(i, j, first || lead, years) // after من, as FindDates reads the next token: the memo serves both
	if !ok {
		return dateMatch{}, false
	}
	if !lead {
		sc = a.c
	}
	k, wa, ok := m.rangeLink(i, a.end+1, between, a.kind == endYear)
	if !ok {
		return dateMatch{}, false
	}
	b, ok := m.rangeEndAt(i, k, wa, years || a.kind == endYear)
	if !ok || wa && b.c.at != 2 {
		return dateMatch{}, false
	}
	da, db, ok := m.completeRange(a, b)
	if !ok {
		return dateMatch{}, false
	}
	return spanning(i, sc, b.end, da, db), true
}

// completeRange resolves the ends a and b of a range, the first from the
// last where it lacks a part, and checks their order.
func (m *dateMatcher) completeRange(a, b rangeEnd) (da, db Date, ok bool) {
	switch {
	case a.kind == endYear || a.kind == endDate && a.r.d.Grain == GrainYear && a.r.d.Calendar == Gregorian:
		if b.kind != endYear && !(b.kind == endDate && b.r.d.Grain == GrainYear) {
			return da, db, false
		}
		if b.kind == endYear && !m.ends(b.end) {
			return da, db, false
		}
		ya, yb := a.year, b.year
		if a.kind == endDate {
			ya = a.r.d.Year
		}
		if b.kind == endDate {
			yb = b.r.d.Year
		}
		da, db, ok = yearOf(ya), yearOf(yb), true
	case b.kind != endDate:
		return da, db, false
	case a.kind == endDay:
		if b.r.d.Grain != GrainDay {
			return da, db, false
		}
		da, ok = m.dayBefore(a.day, b)
		db = b.r.d
	case a.kind == endMonth:
		cal, y, mo, _ := dateParts(b.r.d)
		if b.r.d.Grain != GrainDay && b.r.d.Grain != GrainMonth || cal != a.p.cal {
			return da, db, false
		}
		if a.p.month > mo {
			y--
		}
		var err error
		da, err = makeDate(a.p.cal, y, a.p.month, 0)
		db, ok = b.r.d, err == nil
	default:
		da, db, ok = a.r.d, b.r.d, true
		calA, _, moA, _ := dateParts(a.r.d)
		calB, y, moB, _ := dateParts(b.r.d)
		if a.r.noYear && !b.r.noYear && calA == calB && moA != 0 && moB != 0 {
			if moA > moB {
				y--
			}
			da, ok = m.reYear(a.r, y)
		}
	}
	return da, db, ok && da.Calendar == db.Calendar && !db.Time().Before(da.Time())
}

// dayBefore returns day d of the month of the range end b, or of the
// month before it when d comes after b's day (من 28 إلى 3 مارس).
func (m *dateMatcher) dayBefore(d int, b rangeEnd) (Date, bool) {
	cal, y, mo, day := dateParts(b.r.d)
	if d > day {
		if mo--; mo == 0 {
			mo, y = 12, y-1
		}
	}
	dd, err := makeDate(cal, y, mo, d)
	return dd, err == nil
}

// reYear returns the date of match r in year y of its calendar.
func (m *dateMatcher) reYear(r dateMatch, y int) (Date, bool) {
	cal, _, mo, day := dateParts(r.d)
	d, err := makeDate(cal, y, mo, day)
	return d, err == nil
}

// dateParts returns the calendar of d and its year, month and day in that
// calendar (0 where its grain does not reach).
func dateParts(d Date) (cal Calendar, y, mo, day int) {
	if d.Calendar == Hijri {
		return Hijri, d.HijriYear, d.HijriMonth, d.HijriDay
	}
	return Gregorian, d.Year, d.Month, d.Day
}

// monthFirstRange reads a month, then a range of its days:
//
//	[شهر] month [من|بين] day (إلى|حتى|-|و) day [year]   يوليو 13-15، تموز 13 إلى 15، شهر نوفمبر بين 19 و 20
func (m *dateMatcher) monthFirstRange(i int, first bool) (dateMatch, bool) {
	p, ok := m.monthPhrase(i, first)
	if !ok || p.err != nil {
		return dateMatch{}, false
	}
	j, between := p.end+1, false
	if h, ok := m.wordIn(i, j, wOf.bit()|wBetween.bit()); ok {
		j, between = h.end+1, h.e.word == wBetween
	}
	a, ok := m.dayNumberAt(i, j, false)
	if !ok || a.kind == dayFirst {
		return dateMatch{}, false
	}
	k, wa, ok := m.rangeLink(i, a.end+1, between, false)
	if !ok || wa {
		return dateMatch{}, false
	}
	b, ok := m.dayNumberAt(i, k, false)
	if !ok || b.kind == dayFirst || b.day <= a.day {
		return dateMatch{}, false
	}
	q := p
	q.end, q.cued = b.end, true
	r, ok := m.finishMonth(i, p.c, b.day, q)
	if !ok || r.err != nil {
		return dateMatch{}, false
	}
	cal, y, _, _ := dateParts(r.d)
	da, err := makeDate(cal, y, p.month, a.day)
	if err != nil {
		return dateMatch{}, false
	}
	return spanning(i, p.c, r.end, da, r.d), true
}

// coordinatedDay reads the first of two coordinated dates, with what it
// takes from the second:
//
//	day و day-date          الـ17 و18 من فبراير الجاري: the month and year of the second
//	day-date و day-date     29 رمضان و1 شوال 1444: the year written after the second
//
// The second is read on its own after it.
func (m *dateMatcher) coordinatedDay(i int, first bool) (dateMatch, bool) {
	a, whole := m.dayDate(i, first)
	var dn dayNumber
	if !whole {
		var ok bool
		if dn, ok = m.dayNumberAt(i, i, first); !ok || dn.kind == dayFirst || dn.kind == dayCardinal {
			return dateMatch{}, false
		}
	} else if a.err != nil || !a.noYear {
		return dateMatch{}, false
	}
	end := dn.end
	if whole {
		end = a.end
	}
	k, wa := end+1, false
	if m.same(i, k) && m.t.toks[k].conjunctionAlone() {
		k++
	} else if m.same(i, k) && m.t.toks[k].kind == tokWord && m.t.toks[k].leadingWa() {
		wa = true
	} else {
		return dateMatch{}, false
	}
	b, ok := m.dayDate(k, wa)
	if !ok || b.err != nil || wa && b.sc.at != 2 || b.noYear && whole {
		return dateMatch{}, false
	}
	calB, y, moB, _ := dateParts(b.d)
	if whole {
		calA, _, moA, _ := dateParts(a.d)
		if calA != calB {
			return dateMatch{}, false
		}
		if moA > moB {
			y--
		}
		d, ok := m.reYear(a, y)
		a.d = d
		return a, ok
	}
	d, err := makeDate(calB, y, moB, dn.day)
	if err != nil || !d.Time().Before(b.d.Time()) {
		return dateMatch{}, false
	}
	return dateMatch{start: i, sc: dn.c, end: dn.end, d: d}, true
}
