package arnews

import "time"

// This file holds the rules that count a date from the publication date
// (أمس، الشهر المقبل، قبل يومين، الأيام الثلاثة المقبلة، بقية العام) or
// from the date just told (اليوم التالي، نفس اليوم).

// relMods are the modifiers of a relative period: المقبل، الماضي، الجاري،
// التالي، السابق، بعد القادم.
const relMods = roleMask(1)<<wNext | 1<<wPast | 1<<wCurrent | 1<<wFollowing | 1<<wPreceding | 1<<wAfterNext

// modOffset returns the distance in periods that a modifier says.
func modOffset(w dateRole) int {
	switch w {
	case wNext, wFollowing:
		return 1
	case wPast, wPreceding:
		return -1
	case wAfterNext:
		return 2
	}
	return 0
}

// relative reads a day, week, month or year named from ref:
//
//	اليوم|أمس|أول أمس|غدا|بعد غد [weekday]      أمس الخميس (a weekday that agrees)
//	اليوم الماضي|المقبل                          yesterday, tomorrow
//	اليوم التالي|السابق، نفس اليوم، اليوم ذاته   from the day just told
//	هذا اليوم                                   the day just told, or today
//	هذا الشهر|العام|الأسبوع
//	الأسبوع|الشهر|العام|السنة|العقد + modifier    الشهر الماضي، الأسبوع بعد القادم، العقد المقبل
//	الشهر|العام نفسه|ذاته                        the month or year just told
func (m *dateMatcher) relative(i int, first bool) (dateMatch, bool) {
	const mask = roleMask(1)<<wToday | 1<<wYesterday | 1<<wDayBefore | 1<<wTomorrow | 1<<wDayAfter |
		1<<wThisMonth | 1<<wThisYear | 1<<wMonthDef | 1<<wYearDef | 1<<wThisWeek | 1<<wWeekDef | 1<<wSame | 1<<wThis | 1<<wUnit
	h, ok := m.find(i, first, mask)
	if !ok {
		return dateMatch{}, false
	}
	switch h.e.word {
	case wToday:
		return m.today0(i, h)
	case wSame, wThis:
		return m.sameDay(i, h)
	case wYesterday:
		return m.dayWithWeekday(i, h, m.today().AddDate(0, 0, -1)), true
	case wDayBefore:
		return m.dayWithWeekday(i, h, m.today().AddDate(0, 0, -2)), true
	case wTomorrow:
		return m.dayWithWeekday(i, h, m.today().AddDate(0, 0, 1)), true
	case wDayAfter:
		return m.dayWithWeekday(i, h, m.today().AddDate(0, 0, 2)), true
	case wThisMonth:
		ref := m.today()
		return m.resolved(i, h.c, h.end, i, Gregorian, ref.Year(), int(ref.Month()), 0, 0), true
	case wThisYear:
		return m.resolved(i, h.c, h.end, i, Gregorian, m.today().Year(), 0, 0, 0), true
	case wThisWeek:
		return m.week(i, h.c, h.end, 0), true
	case wUnit:
		if h.e.n != unitDecade || h.e.count != 1 || !h.c.def && !m.t.toks[i].leadingArticle() {
			return dateMatch{}, false
		}
	}
	return m.periodWithMod(i, h)
}

// periodWithMod reads the modifier after الأسبوع، الشهر، العام، العقد (h).
func (m *dateMatcher) periodWithMod(i int, h dateHit) (dateMatch, bool) {
	mod, ok := m.wordIn(i, h.end+1, relMods|wSame.bit())
	if !ok {
		return dateMatch{}, false
	}
	if mod.e.word == wSame {
		return m.samePeriod(i, h, mod.end)
	}
	off := modOffset(mod.e.word)
	told := (mod.e.word == wFollowing || mod.e.word == wPreceding) && m.hasPrev && m.prev.Calendar == Gregorian
	switch {
	case h.e.word == wWeekDef && told:
		return m.weekAt(i, h.c, mod.end, m.prev.Time().AddDate(0, 0, 7*off)), true
	case h.e.word == wWeekDef:
		return m.week(i, h.c, mod.end, off), true
	case h.e.word == wMonthDef && told && m.prev.Month != 0:
		t := time.Date(m.prev.Year, time.Month(m.prev.Month+off), 1, 0, 0, 0, 0, time.UTC)
		return m.resolved(i, h.c, mod.end, i, Gregorian, t.Year(), int(t.Month()), 0, 0), true
	case h.e.word == wMonthDef:
		y, mo := m.relMonth(mod.e.word)
		return m.resolved(i, h.c, mod.end, i, Gregorian, y, mo, 0, 0), true
	case h.e.word == wUnit:
		d := m.today().Year()/10*10 + 10*off
		a, b := yearOf(d), yearOf(d+9)
		return spanning(i, h.c, mod.end, a, b), true
	}
	// After a definite noun العام is the adjective "general, public":
	// الأمين العام الحالي is the current secretary-general.
	if i > 0 && m.same(i, i-1) && h.c.at == 0 && m.definite(i-1) {
		return dateMatch{}, false
	}
	if mod.e.word == wFollowing || mod.e.word == wPreceding {
		// أمينه العام السابق is his former secretary-general: the previous
		// year is written after a preposition or a clause break.
		if h.c.at == 0 && i > 0 && m.same(i, i-1) && !m.t.toks[i-1].has(cFunc) && m.t.toks[i-1].kind != tokPunct {
			return dateMatch{}, false
		}
		if m.hasPrev {
			return m.resolved(i, h.c, mod.end, i, Gregorian, m.prev.Year+off, 0, 0, 0), true
		}
	}
	return m.resolved(i, h.c, mod.end, i, Gregorian, m.today().Year()+off, 0, 0, 0), true
}

// samePeriod reads الشهر نفسه، العام ذاته (h, to token end): the month or
// the year of the date just told.
func (m *dateMatcher) samePeriod(i int, h dateHit, end int) (dateMatch, bool) {
	if !m.hasPrev {
		return dateMatch{}, false
	}
	cal, y, mo, _ := dateParts(m.prev)
	switch {
	case h.e.word == wMonthDef && mo != 0:
		return m.resolved(i, h.c, end, i, cal, y, mo, 0, 0), true
	case h.e.word == wYearDef:
		return m.resolved(i, h.c, end, i, cal, y, 0, 0, 0), true
	}
	return dateMatch{}, false
}

// today0 reads اليوم: today, with a weekday that agrees (اليوم الجمعة);
// اليوم الماضي|المقبل (yesterday, tomorrow); اليوم التالي|السابق, the day
// after or before the day just told; اليوم ذاته|نفسه, the day just told.
// اليوم before another definite word (اليوم الوطني، اليوم الثالث) or after
// a demonstrative (في هذا اليوم) is not today.
func (m *dateMatcher) today0(i int, h dateHit) (dateMatch, bool) {
	nx := h.end + 1
	if mod, ok := m.wordIn(i, nx, relMods|wSame.bit()); ok {
		switch mod.e.word {
		case wNext, wPast:
			return m.dayAt(i, h.c, mod.end, m.today().AddDate(0, 0, modOffset(mod.e.word))), true
		case wFollowing, wPreceding, wSame:
			if !m.hasPrev || m.prev.Grain != GrainDay {
				return dateMatch{}, false
			}
			return m.dayAt(i, h.c, mod.end, m.prev.Time().AddDate(0, 0, modOffset(mod.e.word))), true
		}
		return dateMatch{}, false
	}
	if m.same(i, nx) && m.t.toks[nx].kind == tokWord && m.t.toks[nx].leadingArticle() {
		if _, ok := m.word(nx, wWeekday.bit()); !ok {
			return dateMatch{}, false
		}
	}
	if i > 0 && m.same(i, i-1) && m.t.toks[i-1].is(cDemonstrative) {
		return dateMatch{}, false
	}
	return m.dayWithWeekday(i, h, m.today()), true
}

// sameDay reads نفس اليوم، ذات اليوم (the day just told) and هذا اليوم
// (the day just told, or else today); في مثل هذا اليوم is no date.
func (m *dateMatcher) sameDay(i int, h dateHit) (dateMatch, bool) {
	d, ok := m.wordIn(i, h.end+1, wToday.bit())
	if !ok || i > 0 && m.same(i, i-1) && m.isNotDate(i-1) {
		return dateMatch{}, false
	}
	switch {
	case m.hasPrev && m.prev.Grain == GrainDay:
		return m.dayAt(i, h.c, d.end, m.prev.Time()), true
	case h.e.word == wThis:
		return m.dayAt(i, h.c, d.end, m.today()), true
	}
	return dateMatch{}, false
}

// dayWithWeekday returns the match of the relative day word h at token i
// (اليوم، أمس …) naming day t, extended over a weekday that follows it and
// agrees with t (أمس الخميس). A weekday that disagrees is left to be read
// on its own (اليوم الخميس on a Friday).
//
// A weekday one day off after أمس or غدا says the day: غداً الإثنين
// written on Sunday for a Monday paper is that Monday.
func (m *dateMatcher) dayWithWeekday(i int, h dateHit, t time.Time) dateMatch {
	end := h.end
	if wd, ok := m.wordIn(i, end+1, wWeekday.bit()); ok {
		switch w := time.Weekday(wd.e.n); {
		case w == t.Weekday():
			end = wd.end
		case h.e.word != wToday && w == (t.Weekday()+1)%7:
			t, end = t.AddDate(0, 0, 1), wd.end
		case h.e.word != wToday && (w+1)%7 == t.Weekday():
			t, end = t.AddDate(0, 0, -1), wd.end
		}
	}
	return m.dayAt(i, h.c, end, t)
}

// amount is a length of time: a count of each unit.
type amount struct {
	n      [unitDecade + 1]int
	finest int // the finest unit given
	end    int
	c      cut  // the cut of the first token
	bare   bool // a singular or dual unit without a number: قبل شهر
}

// amountAt reads a length of time at j, in the sentence of token i
// (first: j may carry proclitics):
//
//	[نحو] count unit [(و|،) count unit]*   3 أيام، شهر و 21 يوما، عامين
//
// where count is digits, a cardinal in words or بضعة, and a singular or
// dual unit needs none.
func (m *dateMatcher) amountAt(i, j int, first bool) (a amount, ok bool) {
	if h, ok := m.find(j, first, wAbout.bit()); ok && m.same(i, j) {
		a.c, j, first = h.c, j+1, false
	}
	for n := 0; n < 4; n++ {
		count, k, c := 0, j, cut{}
		if v, digits, ok := m.number(k); ok && digits <= 3 && m.same(i, k) {
			count, k = v, k+1
		} else if v, end, cc, ok := m.cardinalAt(i, k, first); ok && v < 1000 {
			count, k, c = v, end+1, cc
		} else if h, ok := m.find(k, first, wFew.bit()); ok && m.same(i, k) {
			count, k, c = h.e.n, h.end+1, h.c
		}
		var u dateHit
		if count > 0 {
			u, ok = m.wordIn(i, k, wUnit.bit())
		} else {
			u, ok = m.find(k, first, wUnit.bit())
			ok, c = ok && m.same(i, k), u.c
		}
		if !ok || count > 0 && u.e.count == 2 || count == 0 && u.e.count == 0 {
			break
		}
		if count == 0 {
			count, a.bare = int(u.e.count), true
		}
		if n == 0 && a.c == (cut{}) {
			a.c = c
		}
		a.n[u.e.n] += count
		if a.finest == 0 || u.e.n < a.finest {
			a.finest = u.e.n
		}
		a.end, first = u.end, false
		// و، or a comma, then another amount.
		j = u.end + 1
		switch {
		case m.punctIn(j, cComma), m.same(i, j) && m.t.toks[j].conjunctionAlone():
			j++
		case m.same(i, j) && m.t.toks[j].leadingWa():
			// و21 يوما: the number is a token of its own after و.
			if m.t.toks[j].ncut > 1 {
				break
			}
			j++
		default:
			return a, true
		}
	}
	return a, a.end > 0
}

// fromNow reads من الآن|من اليوم at j: its last token.
func (m *dateMatcher) fromNow(i, j int) (int, bool) {
	if _, ok := m.wordIn(i, j, wOf.bit()); !ok {
		return 0, false
	}
	h, ok := m.wordIn(i, j+1, wNow.bit()|wToday.bit())
	return h.end, ok
}

// countedDate reads a date a length of time before or after ref, at the
// grain of the finest unit:
//
//	قبل|منذ [نحو] amount [من الآن]   قبل يومين، منذ 3 أيام
//	بعد [نحو] amount [من الآن]       بعد أسبوعين من الآن, in a clause about the future or ending one
//	خلال amount من الآن              a range from ref: خلال أسبوعين من الآن
//	amount من الآن                   شهر و 21 يوما من الآن
//
// A length before من + another noun counts from something else (قبل يومين
// من الانتخابات) and is no date; so are a duration (لمدة 5 سنوات، خلال 14
// شهرا) and بعد in a story told in the past (وبعد ثلاثة أيام).
func (m *dateMatcher) countedDate(i int, first bool) (dateMatch, bool) {
	dir, j, sc, lead := 1, i, cut{}, false
	if h, ok := m.find(i, first, wAgo.bit()|wSince.bit()|wAfter.bit()|wWithin.bit()); ok {
		sc, j, lead = h.c, h.end+1, true
		switch h.e.word {
		case wAgo, wSince:
			dir = -1
		case wWithin:
			dir = 0
		}
	}
	a, ok := m.amountAt(i, j, !lead && first)
	if !ok {
		return dateMatch{}, false
	}
	if !lead {
		sc = a.c
	}
	end, now := a.end, false
	if e, ok := m.fromNow(i, end+1); ok {
		end, now = e, true
	}
	switch {
	case !lead && !now, dir == 0 && !now:
		return dateMatch{}, false // 14 شهرا، خلال 14 شهرا: durations
	case dir > 0 && lead && !now && !m.future(i, end) && !m.sentenceEnds(a.end):
		return dateMatch{}, false // وبعد ثلاثة أيام، وقع: counted from the story
	case !now && (!m.ends(a.end) || m.countsFrom(a.end) || a.bare && m.dateWordAfter(a.end)):
		return dateMatch{}, false // قبل عقد الاجتماع، قبل يومين من الانتخابات، منذ يوم الأربعاء
	}
	ref := m.today()
	if dir == 0 {
		last := a.shift(ref, 1).AddDate(0, 0, -1)
		da, db := gregorianDays(ref, last)
		return spanning(i, sc, end, da, db), true
	}
	return m.atGrain(i, sc, end, a.shift(ref, dir), a.finest), true
}

// dateWordAfter reports whether a date word follows token j: منذ يوم
// الأربعاء is since Wednesday, not a day ago.
func (m *dateMatcher) dateWordAfter(j int) bool {
	return m.same(j, j+1) && m.t.toks[j+1].kind == tokWord && m.candidate(j+1)
}

// countsFrom reports whether the word after token j says what a length of
// time counts from: من or على (بعد يومين من وصوله، بعد مرور عام على).
func (m *dateMatcher) countsFrom(j int) bool {
	if !m.same(j, j+1) {
		return false
	}
	tk := &m.t.toks[j+1]
	_, of := m.word(j+1, wOf.bit())
	return of || tk.is(cOn)
}

// shift returns t moved dir times by the amount.
func (a amount) shift(t time.Time, dir int) time.Time {
	y := a.n[unitYear] + 10*a.n[unitDecade]
	return t.AddDate(dir*y, dir*a.n[unitMonth], dir*(a.n[unitDay]+7*a.n[unitWeek]))
}

// atGrain returns the match of the period of unit u that holds day t.
func (m *dateMatcher) atGrain(i int, sc cut, end int, t time.Time, u int) dateMatch {
	switch u {
	case unitWeek:
		return m.weekAt(i, sc, end, t)
	case unitMonth:
		return dateMatch{start: i, sc: sc, end: end, d: monthOf(t.Year(), int(t.Month()))}
	case unitYear:
		return dateMatch{start: i, sc: sc, end: end, d: yearOf(t.Year())}
	case unitDecade:
		d := t.Year() / 10 * 10
		return spanning(i, sc, end, yearOf(d), yearOf(d+9))
	}
	return m.dayAt(i, sc, end, t)
}

// nextUnits reads the few periods just before or after ref's:
//
//	unit [count] المقبلة|الماضية|الأخيرة   الأيام الثلاثة المقبلة، الأسابيع القليلة الماضية، اليومين المقبلين
//	count unit المقبلة|الماضية            3 أيام القادمة، الثلاثة عقود القادمة
//	آخر count unit                        آخر 3 سنوات
//
// The range runs from the period after ref's to the nth one, or from the
// nth one before to the one before ref's, at the unit's grain.
func (m *dateMatcher) nextUnits(i int, first bool) (dateMatch, bool) {
	count, u, end, sc, dir := 0, dateHit{}, 0, cut{}, 0
	if h, ok := m.find(i, first, wOrdinalBare.bit()); ok && h.e.n == -1 {
		a, ok := m.amountAt(i, h.end+1, false)
		if !ok || a.bare || a.finest == 0 || a.n[a.finest] == 0 {
			return dateMatch{}, false
		}
		count, end, sc, dir = a.n[a.finest], a.end, h.c, -1
		u.e = &dateEntry{n: a.finest}
	} else {
		var ok bool
		count, u, end, sc, ok = m.unitsAndCount(i, first)
		if !ok {
			return dateMatch{}, false
		}
		mod, ok := m.wordIn(i, end+1, wNext.bit()|wPast.bit()|wOrdinal.bit())
		if !ok || mod.e.word == wOrdinal && mod.e.n != -1 {
			return dateMatch{}, false
		}
		end, dir = mod.end, 1
		if mod.e.word != wNext {
			dir = -1
		}
	}
	if count < 1 || count > 100 {
		return dateMatch{}, false
	}
	ref := m.today()
	step := amount{}
	step.n[u.e.n] = 1
	lo, hi := 1, count
	if dir < 0 {
		lo, hi = -count, -1
	}
	a := m.atGrain(i, sc, end, step.shiftBy(ref, lo), u.e.n).d
	b := m.atGrain(i, sc, end, step.shiftBy(ref, hi), u.e.n).d
	if b.Until != nil {
		b = *b.Until
	}
	a.Until = nil
	return spanning(i, sc, end, a, b), true
}

// shiftBy returns t moved k times by the amount.
func (a amount) shiftBy(t time.Time, k int) time.Time {
	if k < 0 {
		return a.shiftN(t, -k, -1)
	}
	return a.shiftN(t, k, 1)
}

// shiftN returns t moved n times by the amount in direction dir.
func (a amount) shiftN(t time.Time, n, dir int) time.Time {
	var b amount
	for u := range a.n {
		b.n[u] = a.n[u] * n
	}
	return b.shift(t, dir)
}

// unitsAndCount reads a plural or dual unit and its count, in either
// order, at i: الأيام الثلاثة، 3 أيام، اليومين، الثلاثة عقود.
func (m *dateMatcher) unitsAndCount(i int, first bool) (count int, u dateHit, end int, sc cut, ok bool) {
	if h, ok := m.find(i, first, wUnit.bit()); ok && h.e.count != 1 {
		if h.e.count == 2 {
			return 2, h, h.end, h.c, h.c.def || m.t.toks[i].leadingArticle()
		}
		if v, _, ok := m.number(h.end + 1); ok && m.same(i, h.end+1) {
			return v, h, h.end + 1, h.c, true
		}
		if v, e, _, ok := m.cardinalAt(i, h.end+1, true); ok {
			return v, h, e, h.c, true
		}
		if f, ok := m.find(h.end+1, true, wFew.bit()); ok && m.same(i, h.end+1) {
			return f.e.n, h, f.end, h.c, true
		}
		return 0, h, 0, sc, false
	}
	v, e := 0, 0
	if n, digits, ok := m.number(i); ok && digits <= 2 {
		v, e = n, i
	} else if n, ce, c, ok := m.cardinalAt(i, i, first); ok {
		v, e, sc = n, ce, c
	} else {
		return 0, u, 0, sc, false
	}
	u, ok = m.wordIn(i, e+1, wUnit.bit())
	if !ok || u.e.count != 0 {
		return 0, u, 0, sc, false
	}
	return v, u, u.end, sc, true
}

// restOf reads the rest of ref's week, month or year, from ref to its end:
//
//	بقية|باقي|ما تبقى من [هذا] الأسبوع|الشهر|العام|السنة [الجاري|الحالي]   بقية العام، بقية أسبوعي
func (m *dateMatcher) restOf(i int, first bool) (dateMatch, bool) {
	h, ok := m.find(i, first, wRest.bit())
	if !ok {
		return dateMatch{}, false
	}
	j := h.end + 1
	p, ok := m.wordIn(i, j, wWeekDef.bit()|wMonthDef.bit()|wYearDef.bit()|wThisWeek.bit()|wThisMonth.bit()|wThisYear.bit()|wMyWeek.bit())
	if !ok {
		return dateMatch{}, false
	}
	end := p.end
	if mod, ok := m.wordIn(i, end+1, wCurrent.bit()); ok {
		end = mod.end
	}
	ref := m.today()
	var last time.Time
	switch p.e.word {
	case wWeekDef, wThisWeek, wMyWeek:
		last = ref.AddDate(0, 0, 6-(int(ref.Weekday())+6)%7)
	case wMonthDef, wThisMonth:
		last = time.Date(ref.Year(), ref.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		last = time.Date(ref.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	a, b := gregorianDays(ref, last)
	return spanning(i, h.c, end, a, b), true
}
