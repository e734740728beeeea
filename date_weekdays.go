package arnews

import "time"

// This file holds the rules that read a weekday: alone, next to a date or a
// day of the month, in a week (الجمعة من الأسبوع المقبل), and as the nth
// such day of a month (أول ثلاثاء من أكتوبر).

// weekdayHead reads [يوم] weekday at i: the weekday, its last token and
// the cut of the expression's first token; yom says يوم came first.
func (m *dateMatcher) weekdayHead(i int, first bool) (h dateHit, sc cut, yom, ok bool) {
	j, jFirst := i, first
	if d, ok := m.find(i, first, wDayWord.bit()); ok && !d.c.def {
		yom, sc, j, jFirst = true, d.c, i+1, false
	}
	h, ok = m.find(j, jFirst, wWeekday.bit())
	if !ok || !m.same(i, j) {
		return h, sc, yom, false
	}
	if !yom {
		sc = h.c
	}
	return h, sc, yom, true
}

// weekday reads a weekday, and what makes it a date:
//
//	[يوم] weekday [،] [الموافق] date   الجمعة 12 نوفمبر 2021 (the date must fall on the weekday)
//	[يوم] weekday [في] day             الجمعة 15، الخميس في 21، السبت السادس عشر
//	[يوم] weekday ordinal              الأحد الثاني: the nth such day of the month (first to fifth)
//	[يوم] weekday [المقبل|الماضي]      الجمعة، الأحد المقبل
//	يوم date                           يوم 12 مايو
func (m *dateMatcher) weekday(i int, first bool) (dateMatch, bool) {
	h, sc, yom, ok := m.weekdayHead(i, first)
	if !ok {
		if d, ok := m.find(i, first, wDayWord.bit()); ok && !d.c.def {
			// يوم 12 مايو، يوم 22/04
			r, ok := m.dayDate(i+1, false)
			if !ok && m.same(i, i+1) {
				r, ok = m.numeric(i + 1)
			}
			if ok && m.same(i, i+1) && r.err == nil {
				r.start, r.sc = i, d.c
				return r, true
			}
		}
		return dateMatch{}, false
	}
	wd := time.Weekday(h.e.n)
	if r, ok := m.weekdayWithDate(i, sc, h.end+1, wd); ok {
		return r, true
	}
	if r, ok := m.weekdayWithDay(i, sc, h.end+1, wd); ok {
		return r, true
	}
	if h.e.amb && !yom {
		return dateMatch{}, false
	}
	return m.weekdayAlone(i, sc, h.end, wd), true
}

// weekdayWithDate reads [،] [الموافق] date at k after a weekday wd.
func (m *dateMatcher) weekdayWithDate(i int, sc cut, k int, wd time.Weekday) (dateMatch, bool) {
	if m.punctIn(k, cComma) {
		k++
	}
	if _, ok := m.word(k, wAgreeing.bit()); ok {
		k++
	}
	if !m.same(i, k) {
		return dateMatch{}, false
	}
	r, ok := m.dayDate(k, false)
	if !ok {
		r, ok = m.monthDate(k, false)
		ok = ok && r.err == nil && r.d.Grain == GrainDay
	}
	if !ok {
		r, ok = m.numeric(k)
	}
	if !ok || r.err != nil || r.d.Grain != GrainDay {
		return dateMatch{}, false
	}
	if r.d.Time().Weekday() == wd {
		r.start, r.sc = i, sc
		return r, true
	}
	if m.strict {
		return dateMatch{start: i, sc: sc, end: r.end, err: ErrWeekdayMismatch, errAt: i}, true
	}
	// The writer's date wins over a weekday that contradicts it.
	return r, true
}

// weekdayWithDay reads [في] day at k after a weekday wd: the day in the
// nearest month, from the context month (see contextMonth), where it falls
// on wd; an ordinal of one to five is the nth wd of the context month.
func (m *dateMatcher) weekdayWithDay(i int, sc cut, k int, wd time.Weekday) (dateMatch, bool) {
	in := false
	if m.same(i, k) && m.t.toks[k].is(cIn) {
		k, in = k+1, true
	}
	dn, ok := m.dayNumberAt(i, k, false)
	if !ok || dn.kind == dayFirst || dn.kind == dayCardinal && !dn.compound && !in || !m.ends(dn.end) {
		return dateMatch{}, false
	}
	cal, y, mo := m.contextMonth()
	if cal == Hijri {
		y, mo = m.prev.Year, m.prev.Month
	}
	if dn.kind == dayOrdinal && dn.day <= 5 && !in {
		t, ok := nthWeekday(y, mo, dn.day, wd)
		if !ok {
			return dateMatch{}, false
		}
		return m.dayAt(i, sc, dn.end, t), true
	}
	for k := 0; k <= 24; k++ {
		off := (k + 1) / 2
		if k%2 == 1 {
			off = -off
		}
		t := time.Date(y, time.Month(mo)+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		d := t.AddDate(0, 0, dn.day-1)
		if d.Month() == t.Month() && d.Weekday() == wd {
			return m.dayAt(i, sc, dn.end, d), true
		}
	}
	return dateMatch{}, false
}

// weekdayAlone resolves a weekday by its modifier or by the tense of its
// clause: المقبل the next one after ref, الماضي the last one before,
// else the last one on or before ref, or the next one on or after it in
// a clause about the future.
func (m *dateMatcher) weekdayAlone(i int, sc cut, end int, wd time.Weekday) dateMatch {
	ref := m.today()
	var t time.Time
	switch mod, ok := m.wordIn(i, end+1, wNext.bit()|wPast.bit()|wPreceding.bit()); {
	case ok && mod.e.word == wNext:
		end = mod.end
		t = ref.AddDate(0, 0, 1+(int(wd)-int(ref.Weekday())+6)%7)
	case ok:
		end = mod.end
		t = ref.AddDate(0, 0, -1-(int(ref.Weekday())-int(wd)+6)%7)
	case m.future(i, end):
		t = ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
	default:
		t = ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
	}
	return m.dayAt(i, sc, end, t)
}

// weekExpr reads a week counted from ref's at j: هذا الأسبوع، الأسبوع
// المقبل|الماضي|الجاري|السابق|التالي|بعد القادم. off is its distance in
// weeks.
func (m *dateMatcher) weekExpr(i, j int, first bool) (off, end int, sc cut, ok bool) {
	if !m.same(i, j) {
		return 0, 0, sc, false
	}
	h, ok := m.find(j, first, wThisWeek.bit()|wWeekDef.bit())
	if !ok {
		return 0, 0, sc, false
	}
	if h.e.word == wThisWeek {
		return 0, h.end, h.c, true
	}
	const mods = roleMask(1)<<wNext | 1<<wPast | 1<<wCurrent | 1<<wFollowing | 1<<wPreceding | 1<<wAfterNext
	mod, ok := m.wordIn(i, h.end+1, mods)
	if !ok {
		return 0, 0, sc, false
	}
	switch mod.e.word {
	case wNext, wFollowing:
		off = 1
	case wPast, wPreceding:
		off = -1
	case wAfterNext:
		off = 2
	}
	return off, mod.end, h.c, true
}

// dayOfWeek returns weekday wd of the ISO week off weeks from ref's.
func (m *dateMatcher) dayOfWeek(off int, wd time.Weekday) time.Time {
	ref := m.today()
	monday := ref.AddDate(0, 0, -(int(ref.Weekday())+6)%7+7*off)
	return monday.AddDate(0, 0, (int(wd)+6)%7)
}

// weekdayOfWeek reads a weekday of a week counted from ref's:
//
//	[يوم] weekday [من] week                   الجمعة من الأسبوع المقبل، ثلاثاء الأسبوع الماضي
//	week [يوم] weekday                         الأسبوع المقبل يوم الجمعة، هذا الأسبوع الجمعة
//	week (بين|من) weekday (و|إلى|حتى) weekday  الأسبوع المقبل بين الأربعاء والجمعة: a range
//	هذا [يوم] weekday                          هذا الاثنين: this week's
func (m *dateMatcher) weekdayOfWeek(i int, first bool) (dateMatch, bool) {
	if h, sc, _, ok := m.weekdayHead(i, first); ok {
		k := h.end + 1
		if _, ok := m.wordIn(i, k, wOf.bit()); ok {
			k++
		}
		off, end, _, ok := m.weekExpr(i, k, false)
		if !ok {
			return dateMatch{}, false
		}
		return m.dayAt(i, sc, end, m.dayOfWeek(off, time.Weekday(h.e.n))), true
	}
	if h, ok := m.find(i, first, wThis.bit()); ok {
		if wh, _, _, ok := m.weekdayHead(i+1, false); ok && m.same(i, i+1) && !wh.e.amb { // not هذا الحد
			return m.dayAt(i, h.c, wh.end, m.dayOfWeek(0, time.Weekday(wh.e.n))), true
		}
	}
	off, end, sc, ok := m.weekExpr(i, i, first)
	if !ok {
		return dateMatch{}, false
	}
	if r, ok := m.weekdayRange(i, sc, end+1, off); ok {
		return r, true
	}
	wh, _, _, ok := m.weekdayHead(end+1, false)
	if !ok || !m.same(i, end+1) {
		return dateMatch{}, false
	}
	return m.dayAt(i, sc, wh.end, m.dayOfWeek(off, time.Weekday(wh.e.n))), true
}

// weekdayRange reads (بين|من) weekday (و|إلى|حتى) weekday at k, in the
// week off weeks from ref's.
func (m *dateMatcher) weekdayRange(i int, sc cut, k, off int) (dateMatch, bool) {
	lead, ok := m.wordIn(i, k, wBetween.bit()|wOf.bit())
	if !ok {
		return dateMatch{}, false
	}
	a, _, _, ok := m.weekdayHead(k+1, false)
	if !ok || !m.same(i, k+1) {
		return dateMatch{}, false
	}
	j := a.end + 1
	var b dateHit
	if conn, wa, ok := m.waWord(i, j, wUntil.bit()); ok && (!wa || lead.e.word == wOf) {
		b, _, _, ok = m.weekdayHead(conn.end+1, false)
		if !ok || !m.same(i, conn.end+1) {
			return dateMatch{}, false
		}
	} else if lead.e.word == wBetween {
		var found bool
		b, _, found = m.waWord(i, j, wWeekday.bit())
		if !found {
			return dateMatch{}, false
		}
	} else {
		return dateMatch{}, false
	}
	ta, tb := m.dayOfWeek(off, time.Weekday(a.e.n)), m.dayOfWeek(off, time.Weekday(b.e.n))
	if tb.Before(ta) {
		return dateMatch{}, false
	}
	da, db := gregorianDays(ta, tb)
	return spanning(i, sc, b.end, da, db), true
}

// nthWeekday returns the nth weekday wd of Gregorian month mo of year y
// (n = -1: the last one).
func nthWeekday(y, mo, n int, wd time.Weekday) (time.Time, bool) {
	first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	if n < 0 {
		last := first.AddDate(0, 1, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7)), true
	}
	t := first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
	return t, t.Month() == first.Month()
}

// nthWeekday reads the nth weekday of a month:
//
//	ordinal-before [يوم] weekday (من|في|بـ) month        أول ثلاثاء من أكتوبر، آخر اثنين من مارس، ثالث يوم ثلاثاء بأيلول
//	[يوم] weekday ordinal (من|في|بـ) month               الثلاثاء الأول من أكتوبر، الاثنين الأخير من شهر ثلاثة
//
// where month is a month phrase with its year, or الشهر المقبل، هذا الشهر.
func (m *dateMatcher) nthWeekday(i int, first bool) (dateMatch, bool) {
	var n, j int
	var wd time.Weekday
	var sc cut
	if h, ok := m.find(i, first, wOrdinalBare.bit()); ok {
		k := h.end + 1
		if _, ok := m.wordIn(i, k, wDayWord.bit()); ok {
			k++
		}
		w, ok := m.wordIn(i, k, wWeekday.bit())
		if !ok {
			return dateMatch{}, false
		}
		n, wd, j, sc = h.e.n, time.Weekday(w.e.n), w.end+1, h.c
	} else {
		w, c, _, ok := m.weekdayHead(i, first)
		if !ok {
			return dateMatch{}, false
		}
		v, end, _, ok := m.ordinalAt(i, w.end+1, false)
		if !ok || v > 5 {
			return dateMatch{}, false
		}
		n, wd, j, sc = v, time.Weekday(w.e.n), end+1, c
	}
	if n == 0 || n > 5 {
		return dateMatch{}, false
	}
	y, mo, end, ok := m.monthAfter(i, j)
	if !ok {
		return dateMatch{}, false
	}
	t, ok := nthWeekday(y, mo, n, wd)
	if !ok {
		return dateMatch{}, false
	}
	return m.dayAt(i, sc, end, t), true
}

// monthAfter reads (من|في) month-phrase [year], بـ + month-phrase, or
// (من|في) الشهر المقبل|هذا الشهر, at j: the Gregorian year and month.
func (m *dateMatcher) monthAfter(i, j int) (y, mo, end int, ok bool) {
	if p, ok := m.monthOfPhrase(i, j); ok && p.err == nil && p.cal == Gregorian {
		r, ok := m.finishMonth(i, cut{}, 1, p)
		if !ok || r.err != nil {
			return 0, 0, 0, false
		}
		return r.d.Year, r.d.Month, r.end, true
	}
	if _, ok := m.wordIn(i, j, wOf.bit()|wCue.bit()); ok {
		if mo, y, end, ok := m.relativeMonth(i, j+1, true); ok {
			return y, mo, end, true
		}
	}
	return 0, 0, 0, false
}
