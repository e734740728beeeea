package arnews

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file holds the date matcher: the rules that read a date expression
// at a token, each named for the pattern it reads.

// The matcher.

// dateMatcher reads date expressions from the tokens of t.
type dateMatcher struct {
	t      *text
	lex    *dateLex
	ref    time.Time // midnight UTC
	strict bool      // ParseDate: report errors instead of falling back
	// refUses counts the reads of ref: a match read while it grew depends
	// on the publication date (see today).
	refUses int
}

// today returns the publication date and notes that the expression being
// read depends on it.
func (m *dateMatcher) today() time.Time {
	m.refUses++
	return m.ref
}

// dateMatch is one date expression: tokens start (after the cut sc) to end,
// inclusive, and the date they name, or the error that makes them no date.
type dateMatch struct {
	start int
	sc    cut
	end   int
	d     Date // without Text and Span
	err   error
	errAt int  // token the error points at
	rel   bool // resolved against the publication date
}

// dateHit is a lexicon entry found at a token: its first token read with the
// cut c, its last token end.
type dateHit struct {
	e   *dateEntry
	c   cut
	end int
}

// date returns the Date of r with its span and text.
func (m *dateMatcher) date(r dateMatch) Date {
	d := r.d
	d.Span = m.t.spanOf(r.start, r.sc, r.end)
	// A tatweel or marks that normalization deleted after the last word
	// belong to it: the ـ of هـ, the tanween of غداً.
	if m.t.toks[r.end].kind == tokWord {
		for d.End < len(m.t.src) {
			c, n := utf8.DecodeRuneInString(m.t.src[d.End:])
			if c != 0x640 && !unicode.Is(unicode.Mn, c) {
				break
			}
			d.End += n
		}
	}
	d.Text = m.t.src[d.Start:d.End]
	return d
}

// same reports whether token j exists and is in the sentence of token i.
func (m *dateMatcher) same(i, j int) bool {
	return j < len(m.t.toks) && m.t.toks[j].sent == m.t.toks[i].sent
}

// find returns the longest lexicon entry whose role is in mask starting at
// token i. Proclitics are allowed only when first is set (the first token
// of an expression); a word that is also an ordinary word (amb) may carry
// only و or ف.
func (m *dateMatcher) find(i int, first bool, mask uint32) (best dateHit, ok bool) {
	if i >= len(m.t.toks) {
		return best, false
	}
	tk := &m.t.toks[i]
	if tk.kind != tokWord {
		return best, false
	}
	cuts := tk.stems()
	if !first {
		cuts = cuts[:1]
	}
	for _, c := range cuts {
		entries := m.lex.get(tk.stem(c))
	next:
		for k := range entries {
			e := &entries[k]
			if mask&e.word.bit() == 0 {
				continue
			}
			if e.amb && c.at != 0 && (c.def || c.at != 2) {
				continue
			}
			end := i + len(e.rest)
			if ok && end <= best.end {
				continue
			}
			for r, s := range e.rest {
				if !m.same(i, i+1+r) || m.t.toks[i+1+r].norm != s {
					continue next
				}
			}
			best, ok = dateHit{e: e, c: c, end: end}, true
		}
	}
	return best, ok
}

// word reports whether token i is one of the words in mask, read whole.
func (m *dateMatcher) word(i int, mask uint32) (dateHit, bool) {
	return m.find(i, false, mask)
}

// punct reports whether token j is the punctuation mark s.
func (m *dateMatcher) punct(j int, s ...string) bool {
	if j >= len(m.t.toks) || m.t.toks[j].kind != tokPunct {
		return false
	}
	return slices.Contains(s, m.t.toks[j].norm)
}

// punctIn reports whether token j is a punctuation mark of a class in c.
func (m *dateMatcher) punctIn(j int, c class) bool {
	return j < len(m.t.toks) && m.t.toks[j].kind == tokPunct && m.t.toks[j].is(c)
}

// number returns the value and digit count of token j if it is a plain
// run of at most four digits.
func (m *dateMatcher) number(j int) (v, digits int, ok bool) {
	if j >= len(m.t.toks) || m.t.toks[j].kind != tokNumber {
		return 0, 0, false
	}
	s := m.t.toks[j].norm
	if len(s) > 4 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(s)
	return v, len(s), err == nil
}

// at reads the date expression starting at token i, if there is one, and
// notes whether it depends on the publication date.
func (m *dateMatcher) at(i int) (dateMatch, bool) {
	uses := m.refUses
	r, ok := m.read(i)
	r.rel = m.refUses != uses
	return r, ok
}

// read reads the date expression starting at token i, if there is one.
func (m *dateMatcher) read(i int) (dateMatch, bool) {
	if m.lex == nil {
		m.lex = dateLexicon()
	}
	tk := &m.t.toks[i]
	switch tk.kind {
	case tokPunct:
		return dateMatch{}, false
	case tokWord:
		if !m.known(tk) {
			return dateMatch{}, false
		}
		// مطلع، منتصف، أواخر … before a month or a year.
		if h, ok := m.find(i, true, wPeriod.bit()); ok {
			if r, ok := m.core(h.end+1, false); ok && r.err == nil && r.d.Grain != GrainDay {
				r.start, r.sc = i, h.c
				return r, true
			}
			if y, n, ok := m.number(h.end + 1); ok && n == 4 && y > 0 && m.same(i, h.end+1) {
				return m.resolved(i, h.c, h.end+1, h.end+1, Gregorian, y, 0, 0, 0), true
			}
			return dateMatch{}, false
		}
	}
	return m.core(i, true)
}

// known reports whether some stem of tk is in the lexicon: the cheap test
// that lets most words through at one map lookup per stem.
func (m *dateMatcher) known(tk *token) bool {
	for _, c := range tk.stems() {
		if m.lex.get(tk.stem(c)) != nil {
			return true
		}
	}
	return false
}

// core reads a date expression at i other than a period (مطلع …).
func (m *dateMatcher) core(i int, first bool) (dateMatch, bool) {
	if i >= len(m.t.toks) {
		return dateMatch{}, false
	}
	if r, ok := m.weekday(i, first); ok {
		return r, true
	}
	if r, ok := m.dayDate(i, first); ok {
		return r, true
	}
	if r, ok := m.monthDate(i, first); ok {
		return r, true
	}
	if r, ok := m.numeric(i); ok {
		return r, true
	}
	if r, ok := m.yearDate(i, first); ok {
		return r, true
	}
	return m.relative(i, first)
}

// weekday reads [يوم] weekday [،] [الموافق] date, a weekday alone, and
// يوم + date.
func (m *dateMatcher) weekday(i int, first bool) (dateMatch, bool) {
	j, jFirst := i, first
	var sc cut
	yom := false
	if h, ok := m.find(i, first, wDayWord.bit()); ok && !h.c.def {
		yom, sc, j, jFirst = true, h.c, i+1, false
	}
	h, ok := m.find(j, jFirst, wWeekday.bit())
	if !ok || !m.same(i, j) {
		if yom {
			// يوم 12 مايو
			if r, ok := m.dayDate(j, false); ok && m.same(i, j) {
				r.start, r.sc = i, sc
				return r, true
			}
		}
		return dateMatch{}, false
	}
	if !yom {
		sc = h.c
	}
	wd := time.Weekday(h.e.n)
	// A full date after the weekday.
	k := h.end + 1
	if m.punctIn(k, cComma) {
		k++
	}
	if _, ok := m.word(k, wAgreeing.bit()); ok {
		k++
	}
	if m.same(i, k) {
		r, ok := m.dayDate(k, false)
		if !ok {
			r, ok = m.numeric(k)
		}
		if ok && r.err == nil && r.d.Grain == GrainDay {
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
	}
	if h.e.amb && !yom {
		return dateMatch{}, false
	}
	end := h.end
	ref := m.today()
	var t time.Time
	switch mod, ok := m.word(end+1, wNext.bit()|wPast.bit()); {
	case ok && m.same(i, end+1) && mod.e.word == wNext:
		end = mod.end
		t = ref.AddDate(0, 0, 1+(int(wd)-int(ref.Weekday())+6)%7)
	case ok && m.same(i, end+1):
		end = mod.end
		t = ref.AddDate(0, 0, -1-(int(ref.Weekday())-int(wd)+6)%7)
	case m.future(i, end):
		t = ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
	default:
		t = ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
	}
	return m.dayAt(i, sc, end, t), true
}

// definite reports whether token j is a word with the article ال.
func (m *dateMatcher) definite(j int) bool {
	return m.t.toks[j].kind == tokWord && m.t.toks[j].definite()
}

// dayWithWeekday returns the match of the relative day word h at token i
// (اليوم، أمس …) naming day t, extended over a weekday that follows it and
// agrees with t (أمس الخميس). A weekday that disagrees is left to be read
// on its own.
func (m *dateMatcher) dayWithWeekday(i int, h dateHit, t time.Time) dateMatch {
	end := h.end
	if wd, ok := m.word(end+1, wWeekday.bit()); ok && m.same(i, end+1) && time.Weekday(wd.e.n) == t.Weekday() {
		end = wd.end
	}
	return m.dayAt(i, h.c, end, t)
}

// dayAt returns the match of a Gregorian day t.
func (m *dateMatcher) dayAt(i int, sc cut, end int, t time.Time) dateMatch {
	return dateMatch{start: i, sc: sc, end: end, d: Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Grain: GrainDay}}
}

// clauseStop reports whether token j ends a clause for the tense search.
func (m *dateMatcher) clauseStop(j int) bool {
	return m.punctIn(j, cClausePunct)
}

// future reports whether the clause around tokens i..end is in the future
// tense: it holds a future marker (سوف، من المقرر) or a verb with the
// future prefix س within a few words of the weekday (see
// lexicon.futureVerb). A verb after أن، الذي، حيث، بعد … belongs to
// another clause.
func (m *dateMatcher) future(i, end int) bool {
	const reach = 6
	lx := builtinLexicon()
	for j, n := i-1, 0; j >= 0 && n < reach && m.same(i, j) && !m.clauseStop(j); j, n = j-1, n+1 {
		if lx.futureVerb(&m.t.toks[j]) {
			return true
		}
	}
	for j, n := end+1, 0; n < reach && m.same(i, j) && !m.clauseStop(j); j, n = j+1, n+1 {
		if m.t.toks[j].is(cOtherClause) {
			return false
		}
		if lx.futureVerb(&m.t.toks[j]) {
			return true
		}
	}
	return false
}

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
	err       error
	errAt     int
	firstHalf int // end of the first half
}

// monthPhrase reads [شهر] month [sep month] at j.
func (m *dateMatcher) monthPhrase(j int, first bool) (p datePhrase, ok bool) {
	k, kFirst := j, first
	if h, ok := m.find(j, first, wMonthWord.bit()); ok {
		p.shahr, p.c, k, kFirst = true, h.c, j+1, false
	}
	h, ok := m.find(k, kFirst, wMonth.bit())
	if !ok || !m.same(j, k) {
		return p, false
	}
	if !p.shahr {
		p.c = h.c
	}
	p.end, p.month, p.cal, p.amb, p.libya = h.end, h.e.n, h.e.cal, h.e.amb, h.e.libya
	p.firstHalf = h.end
	// The other half of a dual form.
	e := h.end + 1
	sep := ""
	if m.punct(e, "/", "(", "-", "\\") {
		sep = m.t.toks[e].norm
		e++
	}
	h2, ok := m.find(e, false, wMonth.bit())
	if !ok || !m.same(j, e) {
		return p, true
	}
	end := h2.end
	if sep == "(" {
		if !m.punct(end+1, ")") {
			return p, true
		}
		end++
	}
	if h2.e.n != p.month || h2.e.cal != p.cal {
		if sep == "/" || sep == "(" || sep == "\\" {
			p.err, p.errAt, p.end = fmt.Errorf("%w: month %d and month %d", ErrMonthMismatch, p.month, h2.e.n), e, end
		}
		return p, true
	}
	p.end = end
	p.amb = p.amb && h2.e.amb
	p.libya = p.libya && h2.e.libya
	return p, true
}

// yearAfter reads [من] [عام|العام|سنة] year [era] at k for a month of
// calendar cal: the year and the last token read.
func (m *dateMatcher) yearAfter(i, k int, cal Calendar) (y, end int, ok bool) {
	j := k
	if _, ok := m.word(j, wOf.bit()); ok {
		j++
	}
	if h, ok := m.word(j, wThisYear.bit()|wYearDef.bit()); ok && m.same(i, h.end) {
		// من العام الماضي، من هذا العام: a year relative to ref.
		ry, _, _ := m.refIn(cal)
		if h.e.word == wThisYear {
			return ry, h.end, true
		}
		if mod, ok := m.word(h.end+1, wNext.bit()|wPast.bit()|wCurrent.bit()); ok && m.same(i, h.end+1) {
			switch mod.e.word {
			case wNext:
				ry++
			case wPast:
				ry--
			}
			return ry, mod.end, true
		}
	}
	if _, ok := m.word(j, wYearWord.bit()|wYearDef.bit()); ok {
		j++
	}
	y, n, ok := m.number(j)
	if !ok || y == 0 || !m.same(i, j) {
		return 0, 0, false
	}
	era, eraOK := m.word(j+1, wAD.bit()|wAH.bit())
	eraOK = eraOK && m.same(i, j+1) && (era.e.word == wAH) == (cal == Hijri)
	if n < 4 && !eraOK {
		return 0, 0, false
	}
	if eraOK {
		return y, era.end, true
	}
	return y, j, true
}

// dayDate reads [الـ] day [من] [شهر] month [year | المقبل …] at i, with
// the day in digits or as an ordinal word (which needs من).
func (m *dateMatcher) dayDate(i int, first bool) (dateMatch, bool) {
	j := i
	var sc cut
	if h, ok := m.find(i, first, wArticle.bit()); ok && h.c.at == 0 {
		if _, _, ok := m.number(i + 1); !ok || !m.same(i, i+1) {
			return dateMatch{}, false
		}
		sc, j = h.c, i+1
	}
	day, needOf := 0, false
	if v, n, ok := m.number(j); ok {
		if n > 2 || v < 1 || v > 31 {
			return dateMatch{}, false
		}
		day, j = v, j+1
	} else if h, ok := m.find(j, first && j == i, wOrdinal.bit()|wFirstDay.bit()); ok {
		// A one-word ordinal needs من; فاتح (Morocco) and غرة (the first
		// of a month, mostly Hijri) do not.
		sc, day, j, needOf = h.c, h.e.n, h.end+1, h.e.word == wOrdinal && h.e.rest == nil
	} else {
		return dateMatch{}, false
	}
	if _, ok := m.word(j, wOf.bit()); ok && m.same(i, j) {
		j++
		needOf = false
	}
	if needOf {
		return dateMatch{}, false
	}
	if !m.same(i, j) {
		return dateMatch{}, false
	}
	p, ok := m.monthPhrase(j, false)
	if !ok {
		// 26 من الشهر الجاري
		if h, ok := m.word(j, wMonthDef.bit()); ok {
			if mod, ok := m.word(h.end+1, wNext.bit()|wPast.bit()|wCurrent.bit()); ok && m.same(i, h.end+1) {
				y, mo := m.relMonth(mod.e.word)
				return m.resolved(i, sc, mod.end, i, Gregorian, y, mo, day, 0), true
			}
		}
		return dateMatch{}, false
	}
	return m.finishMonth(i, sc, day, p)
}

// monthDate reads [شهر] month [year | المقبل …] at i.
func (m *dateMatcher) monthDate(i int, first bool) (dateMatch, bool) {
	p, ok := m.monthPhrase(i, first)
	if !ok {
		return dateMatch{}, false
	}
	return m.finishMonth(i, p.c, 0, p)
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
	y, yend, ok := m.yearAfter(i, p.end+1, p.cal)
	if ok {
		end = yend
	} else if mod, ok := m.word(p.end+1, wNext.bit()|wPast.bit()|wCurrent.bit()); ok && m.same(i, p.end+1) {
		end, rel = mod.end, mod.e.word
	}
	switch {
	case p.libya && (day == 0 || y == 0):
		return dateMatch{}, false
	case p.amb && day == 0 && y == 0 && rel == 0 && !p.shahr && !m.afterMonth(i, sc):
		return dateMatch{}, false
	}
	return m.resolved(i, sc, end, i, p.cal, y, p.month, day, rel), true
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

// relMonth returns the Gregorian year and month that الشهر + w names.
func (m *dateMatcher) relMonth(w dateRole) (y, mo int) {
	t := m.today()
	switch w {
	case wNext:
		t = t.AddDate(0, 1, 1-t.Day())
	case wPast:
		t = t.AddDate(0, -1, 1-t.Day())
	}
	return t.Year(), int(t.Month())
}

// resolved builds the match for tokens i..end of a date in calendar cal:
// year y (0: choose it by rel or by the nearest-year rule), month mo and
// day d (0 when absent). Errors point at token errAt.
func (m *dateMatcher) resolved(i int, sc cut, end, errAt int, cal Calendar, y, mo, d int, rel dateRole) dateMatch {
	r := dateMatch{start: i, sc: sc, end: end}
	if y == 0 {
		y = m.chooseYear(cal, mo, d, rel)
	}
	date, err := makeDate(cal, y, mo, d)
	if err != nil {
		r.err, r.errAt = err, errAt
		return r
	}
	r.d = date
	return r
}

// refIn returns ref as a year, month and day of calendar cal.
func (m *dateMatcher) refIn(cal Calendar) (y, mo, d int) {
	if cal == Hijri {
		return gregorianToHijri(m.today())
	}
	ref := m.today()
	return ref.Year(), int(ref.Month()), ref.Day()
}

// chooseYear picks the year of month mo (day d, or 0) of calendar cal
// written without a year: the one of ref with الجاري, the first after ref
// with المقبل, the last before with الماضي, the nearest one otherwise.
// Years in which the day does not exist are passed over; if none is found
// the year of ref is returned and makeDate reports the error.
func (m *dateMatcher) chooseYear(cal Calendar, mo, d int, rel dateRole) int {
	ry, rm, rd := m.refIn(cal)
	if rel == wCurrent {
		return ry
	}
	best, bestDist := 0, int64(0)
	for y := ry - 4; y <= ry+4; y++ {
		t, err := calendarDay(cal, y, mo, max(d, 1))
		if err != nil {
			continue
		}
		cmp := 0
		if d == 0 {
			cmp = dateCompare(y, mo, 0, ry, rm, 0)
		} else {
			cmp = dateCompare(y, mo, d, ry, rm, rd)
		}
		switch rel {
		case wNext:
			if cmp > 0 && (best == 0 || y < best) {
				best = y
			}
			continue
		case wPast:
			if cmp < 0 && (best == 0 || y > best) {
				best = y
			}
			continue
		}
		if d == 0 {
			t = t.AddDate(0, 0, 14) // the middle of the month
		}
		dist := t.Sub(m.today())
		if dist < 0 {
			dist = -dist
		}
		if best == 0 || int64(dist) < bestDist {
			best, bestDist = y, int64(dist)
		}
	}
	if best == 0 {
		return ry
	}
	return best
}

// numeric reads 31/12/2021, 31-12-2021, 2021-12-31, 2021/12/31 and
// 31.12.2021, day first, with an optional era marker (هـ makes it Hijri).
func (m *dateMatcher) numeric(i int) (dateMatch, bool) {
	parts, end, ok := m.numericParts(i)
	if !ok {
		return dateMatch{}, false
	}
	y, mo, d, ok := dayMonthYear(parts)
	if !ok {
		return dateMatch{}, false
	}
	cal := Gregorian
	if era, ok := m.word(end+1, wAD.bit()|wAH.bit()); ok && m.same(i, end+1) {
		if era.e.word == wAH {
			cal = Hijri
		}
		end = era.end
	}
	return m.resolved(i, cut{}, end, i, cal, y, mo, d, 0), true
}

// numericParts returns the three numbers of a numeric date at token i,
// written as one token (31.12.2021) or as number sep number sep number
// with / or -, and its last token. A longer chain (1/2/3/4) is no date.
func (m *dateMatcher) numericParts(i int) (parts [3]string, end int, ok bool) {
	tk := &m.t.toks[i]
	if tk.kind != tokNumber {
		return parts, i, false
	}
	if strings.Count(tk.norm, ".") == 2 && !strings.Contains(tk.norm, ",") {
		a, rest, _ := strings.Cut(tk.norm, ".")
		b, c, _ := strings.Cut(rest, ".")
		return [3]string{a, b, c}, i, true
	}
	if !m.punct(i+1, "/", "-") || !m.same(i, i+4) {
		return parts, i, false
	}
	sep := m.t.toks[i+1].norm
	if !m.punct(i+3, sep) || m.t.toks[i+2].kind != tokNumber || m.t.toks[i+4].kind != tokNumber {
		return parts, i, false
	}
	if m.punct(i+5, sep) && m.same(i, i+6) && m.t.toks[i+6].kind == tokNumber ||
		i > 1 && m.punct(i-1, sep) && m.t.toks[i-2].kind == tokNumber {
		return parts, i, false
	}
	return [3]string{tk.norm, m.t.toks[i+2].norm, m.t.toks[i+4].norm}, i + 4, true
}

// dayMonthYear reads three numbers as year-month-day (a four-digit year
// first) or day-month-year (a four-digit year last).
func dayMonthYear(parts [3]string) (y, mo, d int, ok bool) {
	var v [3]int
	for k, s := range parts {
		n, err := strconv.Atoi(s)
		if err != nil || len(s) > 4 {
			return 0, 0, 0, false
		}
		v[k] = n
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, mo, d = v[0], v[1], v[2]
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, mo, y = v[0], v[1], v[2]
	default:
		return 0, 0, 0, false
	}
	return y, mo, d, mo >= 1 && mo <= 12 && d >= 1 && d <= 31
}

// yearDate reads عام|العام|سنة|السنة year [era], and year era (2020م،
// 1443هـ).
func (m *dateMatcher) yearDate(i int, first bool) (dateMatch, bool) {
	j := i
	var sc cut
	marked := false
	if h, ok := m.find(i, first, wYearWord.bit()|wYearDef.bit()); ok {
		sc, j, marked = h.c, i+1, true
	}
	y, n, ok := m.number(j)
	if !ok || y == 0 || !m.same(i, j) {
		return dateMatch{}, false
	}
	cal, end := Gregorian, j
	era, eraOK := m.word(j+1, wAD.bit()|wAH.bit())
	if eraOK && m.same(i, j+1) {
		if era.e.word == wAH {
			cal = Hijri
		} else if n < 4 {
			eraOK = false // 20 م is twenty metres
		}
	} else {
		eraOK = false
	}
	if eraOK {
		end = era.end
	}
	if !eraOK && (!marked || n < 4) || eraOK && n < 3 {
		return dateMatch{}, false
	}
	return m.resolved(i, sc, end, j, cal, y, 0, 0, 0), true
}

// week returns the ISO week that is off weeks after the week of ref, for
// the tokens i to end.
func (m *dateMatcher) week(i int, sc cut, end, off int) dateMatch {
	ref := m.today()
	monday := ref.AddDate(0, 0, -(int(ref.Weekday())+6)%7+7*off)
	return dateMatch{start: i, sc: sc, end: end,
		d: Date{Year: monday.Year(), Month: int(monday.Month()), Day: monday.Day(), Grain: GrainWeek}}
}

// relative reads اليوم, أمس, أول أمس, غدا, بعد غد, هذا الأسبوع, هذا الشهر,
// هذا العام, and الأسبوع/الشهر/العام/السنة + المقبل, الماضي or الجاري.
func (m *dateMatcher) relative(i int, first bool) (dateMatch, bool) {
	const mask = 1<<wToday | 1<<wYesterday | 1<<wDayBefore | 1<<wTomorrow | 1<<wDayAfter |
		1<<wThisMonth | 1<<wThisYear | 1<<wMonthDef | 1<<wYearDef | 1<<wThisWeek | 1<<wWeekDef
	h, ok := m.find(i, first, mask)
	if !ok {
		return dateMatch{}, false
	}
	ref := m.today()
	switch h.e.word {
	case wToday:
		// اليوم التالي، اليوم الوطني، في هذا اليوم … are not today.
		if nx := h.end + 1; m.same(i, nx) && m.t.toks[nx].kind == tokWord && m.t.toks[nx].leadingArticle() {
			if _, ok := m.word(nx, wWeekday.bit()); !ok {
				return dateMatch{}, false
			}
		}
		if i > 0 && m.same(i, i-1) && m.t.toks[i-1].is(cDemonstrative) {
			return dateMatch{}, false
		}
		return m.dayWithWeekday(i, h, ref), true
	case wYesterday:
		return m.dayWithWeekday(i, h, ref.AddDate(0, 0, -1)), true
	case wDayBefore:
		return m.dayWithWeekday(i, h, ref.AddDate(0, 0, -2)), true
	case wTomorrow:
		return m.dayWithWeekday(i, h, ref.AddDate(0, 0, 1)), true
	case wDayAfter:
		return m.dayWithWeekday(i, h, ref.AddDate(0, 0, 2)), true
	case wThisMonth:
		return m.resolved(i, h.c, h.end, i, Gregorian, ref.Year(), int(ref.Month()), 0, 0), true
	case wThisYear:
		return m.resolved(i, h.c, h.end, i, Gregorian, ref.Year(), 0, 0, 0), true
	case wThisWeek:
		return m.week(i, h.c, h.end, 0), true
	}
	mod, ok := m.word(h.end+1, wNext.bit()|wPast.bit()|wCurrent.bit())
	if !ok || !m.same(i, h.end+1) {
		return dateMatch{}, false
	}
	if h.e.word == wWeekDef {
		switch mod.e.word {
		case wNext:
			return m.week(i, h.c, mod.end, 1), true
		case wPast:
			return m.week(i, h.c, mod.end, -1), true
		}
		return m.week(i, h.c, mod.end, 0), true
	}
	if h.e.word == wMonthDef {
		y, mo := m.relMonth(mod.e.word)
		return m.resolved(i, h.c, mod.end, i, Gregorian, y, mo, 0, 0), true
	}
	// After a definite noun العام is the adjective "general, public":
	// الأمين العام الحالي is the current secretary-general.
	if i > 0 && m.same(i, i-1) && h.c.at == 0 && m.definite(i-1) {
		return dateMatch{}, false
	}
	y := ref.Year()
	switch mod.e.word {
	case wNext:
		y++
	case wPast:
		y--
	}
	return m.resolved(i, h.c, mod.end, i, Gregorian, y, 0, 0, 0), true
}
