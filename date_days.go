package arnews

import (
	"fmt"
	"time"
)

// This file holds the rules that read a day, a month and a year as
// written: 12 مايو 2020، الأول من أيار، مايو الحادي عشر، عام 2020، يوم 27.

// datePhrase is a month name, maybe after شهر, maybe doubled in a dual
// form.
type datePhrase struct {
	c         cut // cut of the first token
	end       int
	month     int
	cal       Calendar
	amb       bool // every half is also an ordinary word
	libya     bool
	shahr     bool // after شهر
	cued      bool // in a context that makes an ordinary word a month (أواخر مارس)
	err       error
	errAt     int
	firstHalf int // end of the first half
}

// monthPhrase reads [شهر] month [sep month] at j, and شهر + the month's
// number (شهر 3، شهر عشرة).
func (m *dateMatcher) monthPhrase(j int, first bool) (p datePhrase, ok bool) {
	k, kFirst := j, first
	if h, ok := m.find(j, first, wMonthWord.bit()); ok {
		p.shahr, p.c, k, kFirst = true, h.c, j+1, false
	}
	h, ok := m.find(k, kFirst, wMonth.bit())
	if !ok || !m.same(j, k) {
		if p.shahr {
			return m.monthNumber(j, k, p)
		}
		return p, false
	}
	if !p.shahr {
		p.c = h.c
	}
	p.end, p.month, p.cal, p.amb, p.libya = h.end, h.e.n, h.e.cal, h.e.amb, h.e.libya
	p.firstHalf = h.end
	return m.dualHalf(j, h.end+1, p), true
}

// monthNumber reads the number of a month after شهر at k: شهر 3، شهر عشرة.
func (m *dateMatcher) monthNumber(j, k int, p datePhrase) (datePhrase, bool) {
	v, end := 0, k
	if n, digits, ok := m.number(k); ok && digits <= 2 {
		v = n
	} else if n, e, _, ok := m.cardinalAt(j, k, false); ok && n > 1 {
		v, end = n, e // شهر واحد is a length
	}
	if v < 1 || v > 12 || !m.same(j, end) {
		return p, false
	}
	p.end, p.month, p.cal, p.firstHalf = end, v, Gregorian, end
	return p, true
}

// dualHalf reads the other half of a dual form at e: أغسطس/آب، شباط /
// فبراير، يناير (كانون الثاني).
func (m *dateMatcher) dualHalf(j, e int, p datePhrase) datePhrase {
	sep := ""
	if m.punct(e, "/", "(", "-", "\\") {
		sep = m.t.toks[e].norm
		e++
	}
	h2, ok := m.find(e, false, wMonth.bit())
	if !ok || !m.same(j, e) {
		return p
	}
	end := h2.end
	if sep == "(" {
		if !m.punct(end+1, ")") {
			return p
		}
		end++
	}
	if h2.e.n != p.month || h2.e.cal != p.cal {
		if sep == "/" || sep == "(" || sep == "\\" {
			p.err, p.errAt, p.end = fmt.Errorf("%w: month %d and month %d", ErrMonthMismatch, p.month, h2.e.n), e, end
		}
		return p
	}
	p.end = end
	p.amb = p.amb && h2.e.amb
	p.libya = p.libya && h2.e.libya
	return p
}

// yearAfter reads [،|,|.|/] [من|في] [ل|بـ]عام|العام|سنة year [era], or a
// relative year (من العام الماضي، من هذا العام), at k for a month of
// calendar cal: the year, the last token read, and whether an era marker
// said the year is Hijri.
func (m *dateMatcher) yearAfter(i, k int, cal Calendar) (y, end int, ah, ok bool) {
	j := k
	if m.punctIn(j, cComma) || m.punct(j, ".", "/", "-") {
		if y, n, ok := m.number(j + 1); ok && n == 4 && m.same(i, j+1) {
			return y, j + 1, false, y > 0
		}
		if y, end, ok := m.yearWordsAt(i, j+1); ok {
			return y, end, false, true
		}
		return 0, 0, false, false
	}
	if _, ok := m.word(j, wOf.bit()); ok || m.same(i, j) && m.t.toks[j].is(cIn) {
		j++
	}
	if y, end, ok := m.relativeYear(i, j, cal); ok {
		return y, end, false, true
	}
	if h, ok := m.find(j, true, wYearWord.bit()|wYearDef.bit()); ok && m.same(i, j) &&
		(h.c.at == 0 || m.t.toks[j].leadingLi() || m.t.toks[j].leadingBi()) {
		j = h.end + 1
	}
	if y, end, ok := m.yearWordsAt(i, j); ok {
		return y, end, false, true
	}
	y, n, ok := m.number(j)
	if !ok || y == 0 || !m.same(i, j) {
		return 0, 0, false, false
	}
	era, eraOK := m.wordIn(i, j+1, wAD.bit()|wAH.bit())
	eraOK = eraOK && (era.e.word == wAH) == (cal == Hijri)
	if n < 4 && !eraOK {
		return 0, 0, false, false
	}
	if eraOK {
		return y, era.end, era.e.word == wAH, true
	}
	return y, j, false, true
}

// relativeYear reads العام|السنة + المقبل|الماضي|الجاري, or هذا العام, at
// j: a year counted from ref's year in calendar cal.
func (m *dateMatcher) relativeYear(i, j int, cal Calendar) (y, end int, ok bool) {
	h, ok := m.wordIn(i, j, wThisYear.bit()|wYearDef.bit())
	if !ok {
		return 0, 0, false
	}
	if h.e.word == wThisYear {
		ry, _, _ := m.refIn(cal)
		return ry, h.end, true
	}
	mod, ok := m.wordIn(i, h.end+1, wNext.bit()|wPast.bit()|wCurrent.bit())
	if !ok {
		return 0, 0, false
	}
	ry, _, _ := m.refIn(cal)
	switch mod.e.word {
	case wNext:
		ry++
	case wPast:
		ry--
	}
	return ry, mod.end, true
}

// dayDate reads a day before its month:
//
//	day [.|-|/] [من|في] [شهر] month [year | المقبل|الماضي|الجاري]   12 مايو 2020، الأول من أيار، 2. أكتوبر
//	day [من|في] الشهر المقبل|الماضي|الجاري | هذا الشهر              26 من الشهر الجاري
//	digits الجاري|الحالي                                            18 الجاري: of the current month
//	day من الشهر ordinal                                            27 من الشهر الثامن
//
// A one-word ordinal or cardinal day needs من before the month.
func (m *dateMatcher) dayDate(i int, first bool) (dateMatch, bool) {
	dn, ok := m.dayNumberAt(i, i, first)
	if !ok {
		return dateMatch{}, false
	}
	j := dn.end + 1
	if dn.kind == dayDigits && m.punct(j, ".", "-", "/") {
		j++
	}
	if dn.kind == dayCardinal && !dn.compound {
		return dateMatch{}, false // ثلاثة من أبريل: a count
	}
	needOf := dn.kind == dayOrdinal && !dn.compound
	of := false
	if h, ok := m.wordIn(i, j, wOf.bit()|wCue.bit()); ok && (h.e.word == wOf || m.t.toks[j].is(cIn)) {
		j, of = j+1, true
	}
	if needOf && !of {
		return dateMatch{}, false
	}
	if !m.same(i, j) {
		return m.dottedDate(i, dn)
	}
	if p, ok := m.monthPhrase(j, false); ok {
		if p.amb && j > dn.end+1 && !of {
			return dateMatch{}, false // 6 - صفر: a score
		}
		return m.finishMonth(i, dn.c, dn.day, p)
	}
	if mo, y, end, ok := m.relativeMonth(i, j, of); ok {
		return m.resolved(i, dn.c, end, i, Gregorian, y, mo, dn.day, 0), true
	}
	if h, ok := m.wordIn(i, j, wCurrent.bit()); ok && !of && dn.kind == dayDigits {
		ry, rm, _ := m.refIn(Gregorian)
		return m.resolved(i, dn.c, h.end, i, Gregorian, ry, rm, dn.day, 0), true
	}
	return dateMatch{}, false
}

// dottedDate reads a day, a full stop and a month, and a full stop and a
// year after it, which the sentence splitter took for sentence ends:
//
//	digits . month [. year | year]   2. أكتوبر، 16. نوفمبر. 2016
func (m *dateMatcher) dottedDate(i int, dn dayNumber) (dateMatch, bool) {
	j := dn.end + 2
	if dn.kind != dayDigits || !m.punct(dn.end+1, ".") || j >= len(m.t.toks) || m.t.toks[j].brk {
		return dateMatch{}, false
	}
	p, ok := m.monthPhrase(j, false)
	if !ok || p.err != nil {
		return dateMatch{}, false
	}
	y, end := 0, p.end
	if v, _, ok := m.number(end + 2); ok && m.punct(end+1, ".") && !m.t.toks[end+2].brk {
		y, end = v, end+2
	} else if v, e, _, ok := m.yearAfter(j, end+1, p.cal); ok {
		y, end = v, e
	}
	if y != 0 && y < 1000 {
		return dateMatch{}, false
	}
	return m.resolved(i, dn.c, end, i, p.cal, y, p.month, dn.day, 0), true
}

// relativeMonth reads الشهر + المقبل|الماضي|الجاري|التالي, هذا الشهر, and
// (after من) الشهر + the month's ordinal, at j: the Gregorian month.
func (m *dateMatcher) relativeMonth(i, j int, of bool) (mo, y, end int, ok bool) {
	h, ok := m.wordIn(i, j, wMonthDef.bit()|wThisMonth.bit())
	if !ok {
		return 0, 0, 0, false
	}
	if h.e.word == wThisMonth {
		ref := m.today()
		return int(ref.Month()), ref.Year(), h.end, true
	}
	const mods = roleMask(1)<<wNext | 1<<wPast | 1<<wCurrent | 1<<wFollowing | 1<<wPreceding | 1<<wAfterNext
	if mod, ok := m.wordIn(i, h.end+1, mods); ok {
		y, mo := m.relMonth(mod.e.word)
		return mo, y, mod.end, true
	}
	if v, end, _, ok := m.ordinalAt(i, h.end+1, false); ok && of && v >= 1 && v <= 12 {
		if y, e, _, ok := m.yearAfter(i, end+1, Gregorian); ok {
			return v, y, e, true
		}
		ry, _, _ := m.refIn(Gregorian)
		return v, ry, end, true
	}
	return 0, 0, 0, false
}

// monthDate reads a month, and a day or a year after it:
//
//	[شهر] month [year | المقبل|الماضي|الجاري]   مايو 2021، شهر رمضان
//	month [/|-] day [،] [year]                 مايو الحادي عشر، يناير-1، سبتمبر10، ألف وتسعمائة وواحد
func (m *dateMatcher) monthDate(i int, first bool) (dateMatch, bool) {
	p, ok := m.monthPhrase(i, first)
	if !ok {
		return dateMatch{}, false
	}
	if p.err == nil {
		if r, ok := m.monthThenDay(i, p); ok {
			return r, true
		}
	}
	return m.finishMonth(i, p.c, 0, p)
}

// monthThenDay reads a day after the month phrase p: a number of at most
// two digits, an ordinal or a compound cardinal, and the year after it.
// A bare number needs the phrase to end after it or a year to follow.
func (m *dateMatcher) monthThenDay(i int, p datePhrase) (dateMatch, bool) {
	j := p.end + 1
	sep := m.punct(j, "/", "-")
	if sep {
		j++
	}
	dn, ok := m.dayNumberAt(i, j, false)
	if !ok || dn.kind == dayFirst || dn.kind == dayCardinal && !dn.compound && !sep || sep && p.amb {
		return dateMatch{}, false // صفر - 6: a score
	}
	if p.shahr && dn.kind == dayDigits && !sep {
		return dateMatch{}, false // شهر 3 is a month
	}
	q := p
	q.end = dn.end
	r, ok := m.finishMonth(i, p.c, dn.day, q)
	if !ok || r.err != nil {
		return r, ok
	}
	if r.end == dn.end && dn.kind == dayDigits && !m.ends(dn.end) {
		return dateMatch{}, false // مايو 15 قتيلا
	}
	return r, true
}

// finishMonth reads what follows a month phrase (a year or المقبل,
// الماضي, الجاري) and resolves the date.
func (m *dateMatcher) finishMonth(i int, sc cut, day int, p datePhrase) (dateMatch, bool) {
	if p.err != nil {
		if p.amb && day == 0 {
			// An ordinary word, then something like a month.
			p.end, p.err = p.firstHalf, nil
		} else {
			return dateMatch{start: i, sc: sc, end: p.end, err: p.err, errAt: p.errAt}, true
		}
	}
	end, rel := p.end, dateRole(0)
	y, yend, ah, ok := m.yearAfter(i, p.end+1, p.cal)
	if ok {
		end = yend
	} else if mod, ok := m.wordIn(i, p.end+1, wNext.bit()|wPast.bit()|wCurrent.bit()); ok {
		end, rel = mod.end, mod.e.word
	}
	switch {
	case p.libya && (day == 0 || y == 0):
		return dateMatch{}, false
	case p.amb && day == 0 && y == 0 && rel == 0 && !p.shahr && !p.cued && !m.afterMonth(i, sc) && !m.monthCue(i, sc, end):
		return dateMatch{}, false
	}
	cal := p.cal
	if cal == Hijri && y > 0 && !ah {
		y = m.hijriYearIn(y, p.month, day)
	}
	return m.resolved(i, sc, end, i, cal, y, p.month, day, rel), true
}

// hijriYearIn returns the Hijri year to read a Hijri month written with
// year y: y itself when it can be a Hijri year, or else the Hijri year in
// which the month falls within Gregorian year y (رمضان 2019).
func (m *dateMatcher) hijriYearIn(y, mo, d int) int {
	if y < 1600 {
		return y
	}
	hy, _, _ := gregorianToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range []int{hy, hy + 1} {
		if t, err := calendarDay(Hijri, c, mo, max(d, 1)); err == nil && t.Year() == y {
			return c
		}
	}
	return hy
}

// monthCue reports whether a month that is also an ordinary word (مارس،
// رمضان) at token i, read with the cut sc and ending at end, is a date by
// its context: after في، خلال، منذ، حتى، قبل، بعد or هذا, with no name
// going on after it (في رجب طيب is no date).
func (m *dateMatcher) monthCue(i int, sc cut, end int) bool {
	if !m.nameless(end) {
		return false
	}
	if i == 0 || !m.same(i, i-1) || sc.at != 0 {
		return false
	}
	_, ok := m.find(i-1, true, wCue.bit()|wThis.bit())
	return ok
}

// afterMonth reports whether token i, read with the cut sc, is a month
// coordinated with the month just before it: تموز وآب، مايو أو ماي.
func (m *dateMatcher) afterMonth(i int, sc cut) bool {
	j := i - 1
	if sc.at == 0 && i > 1 && m.t.toks[j].is(cOr) {
		j--
	} else if sc.at != 2 || !m.t.toks[i].leadingWa() {
		return false
	}
	if j < 0 || !m.same(i, j) {
		return false
	}
	h, ok := m.find(j, false, wMonth.bit())
	return ok && !h.e.amb
}

// dayOfMonth reads a day of a month named by its place:
//
//	اليوم ordinal (من|في|بـ) month-phrase [year]   اليوم الثالث من أكتوبر، اليوم الأخير من شهر عشرة
//	ordinal-before يوم (من|في|بـ) month-phrase      ثالث يوم من شهر عشرة، آخر يوم بشهر عشرة
func (m *dateMatcher) dayOfMonth(i int, first bool) (dateMatch, bool) {
	n, j, sc := 0, 0, cut{}
	if h, ok := m.find(i, first, wToday.bit()); ok {
		v, end, _, ok := m.ordinalAt(i, h.end+1, false)
		if !ok {
			return dateMatch{}, false
		}
		n, j, sc = v, end+1, h.c
	} else if h, ok := m.find(i, first, wOrdinalBare.bit()); ok {
		if _, ok := m.wordIn(i, h.end+1, wDayWord.bit()); !ok {
			return dateMatch{}, false
		}
		n, j, sc = h.e.n, h.end+2, h.c
	} else {
		return dateMatch{}, false
	}
	p, ok := m.monthOfPhrase(i, j)
	if !ok || p.err != nil || n == 0 || n > 31 {
		return dateMatch{}, false
	}
	r, ok := m.finishMonth(i, sc, 1, p)
	if !ok || r.err != nil {
		return r, ok
	}
	day := n
	if n < 0 {
		day = monthLength(r.d.Calendar, r.d)
	}
	return m.resolved(i, sc, r.end, i, r.d.Calendar, yearOfMatch(r), p.month, day, 0), true
}

// monthOfPhrase reads (من|في) month-phrase, or بـ + month-phrase, at j.
func (m *dateMatcher) monthOfPhrase(i, j int) (datePhrase, bool) {
	if _, ok := m.wordIn(i, j, wOf.bit()|wCue.bit()); ok {
		return m.monthPhrase(j+1, false)
	}
	if m.same(i, j) && m.t.toks[j].kind == tokWord && m.t.toks[j].leadingBi() {
		return m.monthPhrase(j, true)
	}
	return datePhrase{}, false
}

// yearOfMatch returns the year a match was resolved in, in its calendar.
func yearOfMatch(r dateMatch) int {
	_, y, _, _ := dateParts(r.d)
	return y
}

// monthLength returns the number of days of the month of d, in calendar
// cal.
func monthLength(cal Calendar, d Date) int {
	if cal == Hijri {
		return hijriMonthLength(d.HijriYear, d.HijriMonth)
	}
	return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// yearDate reads a year with a marker:
//
//	عام|العام|سنة|السنة year [era]   عام 2020، عام ألفين وعشرين، العام 1442 هـ
//	year era                         2020م، 1443هـ
//	منذ|مواليد year                  منذ 2007، من مواليد 1990 (four digits)
//	مواليد|في year-in-words          من مواليد ألفين، في ألف وسبعمائة وتسعة وثمانين (several words)
func (m *dateMatcher) yearDate(i int, first bool) (dateMatch, bool) {
	j := i
	var sc cut
	marked := false
	if h, ok := m.find(i, first, wYearWord.bit()|wYearDef.bit()); ok {
		sc, j, marked = h.c, i+1, true
		if v, end, _, ok := m.cardinalAt(i, j, false); ok && v >= 100 && v <= 2200 {
			return m.resolved(i, sc, end, j, Gregorian, v, 0, 0, 0), true
		}
	} else if r, ok := m.yearInWords(i); ok {
		return r, true
	}
	y, n, ok := m.number(j)
	if !ok || y == 0 || !m.same(i, j) {
		return dateMatch{}, false
	}
	cal, end := Gregorian, j
	era, eraOK := m.wordIn(i, j+1, wAD.bit()|wAH.bit())
	switch {
	case eraOK && era.e.word == wAH:
		cal, end = Hijri, era.end
	case eraOK && n < 4:
		eraOK = false // 20 م is twenty metres
	case eraOK:
		end = era.end
	}
	switch {
	case eraOK && n < 3:
		return dateMatch{}, false
	case !eraOK && !marked && !(n == 4 && m.yearCue(i)):
		return dateMatch{}, false
	case !eraOK && marked && n < 4 && !(n == 3 && m.ends(j)):
		return dateMatch{}, false
	}
	return m.resolved(i, sc, end, j, cal, y, 0, 0, 0), true
}

// yearInWords reads a year in words without عام before it: after مواليد
// or منذ (ألفين, or several words, not منذ آلاف السنين), or after في in
// several words (في ألف وسبعمائة وتسعة وثمانين).
func (m *dateMatcher) yearInWords(i int) (dateMatch, bool) {
	y, end, ok := m.yearWordsAt(i, i)
	if !ok || !m.ends(end) {
		return dateMatch{}, false
	}
	if m.yearCue(i) && (end > i || y >= 1900) || end > i && m.dayCue(i) {
		return m.resolved(i, cut{}, end, i, Gregorian, y, 0, 0, 0), true
	}
	return dateMatch{}, false
}

// yearCue reports whether the word before token i makes the number at i a
// year: منذ, مواليد.
func (m *dateMatcher) yearCue(i int) bool {
	if i == 0 || !m.same(i, i-1) {
		return false
	}
	if _, ok := m.wordIn(i, i+1, wUnit.bit()); ok {
		return false // منذ 1000 سنة: a length
	}
	_, ok := m.find(i-1, true, wSince.bit()|wBirth.bit())
	return ok
}

// dayAlone reads a day of the month written without its month, which
// then is the month of the date just told, or else the current one:
//
//	يوم digits            يوم 27
//	في digits|ordinal .   عاد في 27.
func (m *dateMatcher) dayAlone(i int, first bool) (dateMatch, bool) {
	if h, ok := m.find(i, first, wDayWord.bit()); ok && !h.c.def {
		v, n, ok := m.number(i + 1)
		if !ok || n > 2 || v < 1 || v > 31 || !m.same(i, i+1) || !m.ends(i+1) || m.punct(i+2, "/", "-", ".") {
			return dateMatch{}, false
		}
		return m.contextDay(i, h.c, i+1, v), true
	}
	if i == 0 || !m.same(i, i-1) || !m.t.toks[i-1].is(cIn) {
		return dateMatch{}, false
	}
	dn, ok := m.dayNumberAt(i, i, false)
	if !ok || dn.kind == dayFirst || dn.kind == dayCardinal || !m.sentenceEnds(dn.end) {
		return dateMatch{}, false
	}
	return m.contextDay(i, dn.c, dn.end, dn.day), true
}

// sentenceEnds reports whether token j ends its sentence, before a full
// stop, an exclamation or question mark, or nothing.
func (m *dateMatcher) sentenceEnds(j int) bool {
	return !m.same(j, j+1) || m.punct(j+1, ".", "!", "?", "؟")
}

// contextMonth returns the month a day written without one belongs to:
// that of the date just told (at day or month grain), or else ref's.
func (m *dateMatcher) contextMonth() (cal Calendar, y, mo int) {
	if m.hasPrev && m.prev.Grain != GrainYear && m.prev.Grain != GrainWeek {
		if m.prev.Calendar == Hijri && m.prev.HijriMonth != 0 {
			return Hijri, m.prev.HijriYear, m.prev.HijriMonth
		}
		return Gregorian, m.prev.Year, m.prev.Month
	}
	ry, rm, _ := m.refIn(Gregorian)
	return Gregorian, ry, rm
}

// contextDay returns the match of day d of the context month, for tokens
// i..end.
func (m *dateMatcher) contextDay(i int, sc cut, end, d int) dateMatch {
	cal, y, mo := m.contextMonth()
	return m.resolved(i, sc, end, i, cal, y, mo, d, 0)
}
