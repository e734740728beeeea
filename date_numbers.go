package arnews

import (
	"strconv"
	"strings"
	"time"
)

// This file holds the numbers of dates: numbers in words (data/numbers.tsv)
// and numeric dates (31/12/2021, 22/4, 3/2015, 16/04/21).

// maxNumberTerms bounds the terms of a number in words.
const maxNumberTerms = 8

// cardinalAt reads a cardinal number in words at token j, in the sentence
// of token i: terms joined by و, each a unit, a teen (unit عشر|عشرة), a
// ten, a hundred or a thousand (count آلاف):
//
//	cardinal [عشر|عشرة] (و cardinal [عشر|عشرة])*   ألف وتسعمائة وثمانية وسبعين، خمسة عشر
//
// It returns the sum, the last token and the cut of the first token.
func (m *dateMatcher) cardinalAt(i, j int, first bool) (v, end int, c cut, ok bool) {
	h, found := m.find(j, first, wCardinal.bit())
	if !found || !m.same(i, j) {
		return 0, 0, c, false
	}
	c = h.c
	for n := 0; n < maxNumberTerms; n++ {
		t, e := m.cardinalTerm(i, h)
		v, end = v+t, e
		next, _, more := m.waWord(i, end+1, wCardinal.bit())
		if !more {
			break
		}
		h = next
	}
	return v, end, c, true
}

// cardinalTerm reads one term of a cardinal number that starts with the
// word h: the word, made a teen by عشر|عشرة after it, or multiplied by
// مائة or آلاف after it (ثلاث مائة، خمسة آلاف).
func (m *dateMatcher) cardinalTerm(i int, h dateHit) (v, end int) {
	v, end = h.e.n, h.end
	if v < 1 || v > 10 || len(h.e.rest) > 0 {
		return v, end
	}
	next, ok := m.wordIn(i, end+1, wCardinal.bit())
	if !ok {
		return v, end
	}
	switch n := next.e.n; {
	case n == 10 && v < 10:
		return v + 10, next.end
	case n == 100 && v > 2:
		return v * 100, next.end
	case n == 1000 && v > 2:
		return v * 1000, next.end
	}
	return v, end
}

// ordinalAt reads an ordinal number with the article at token j, in the
// sentence of token i: a listed ordinal (الأول، الحادي والعشرين، الأخير),
// made a teen by عشر|عشرة after it, or given its tens by و + a tens
// ordinal:
//
//	ordinal [عشر|عشرة | و ordinal]   الثالث عشر، الثالثة عشرة، الثاني والعشرين
func (m *dateMatcher) ordinalAt(i, j int, first bool) (v, end int, c cut, ok bool) {
	h, found := m.find(j, first, wOrdinal.bit())
	if !found || !m.same(i, j) {
		return 0, 0, c, false
	}
	v, end, c = h.e.n, h.end, h.c
	if v < 1 || v > 9 || len(h.e.rest) > 0 {
		return v, end, c, true
	}
	if ten, ok := m.wordIn(i, end+1, wCardinal.bit()); ok && ten.e.n == 10 {
		return v + 10, ten.end, c, true
	}
	if tens, wa, ok := m.waWord(i, end+1, wOrdinal.bit()); ok && wa && (tens.e.n == 20 || tens.e.n == 30) {
		return v + tens.e.n, tens.end, c, true
	}
	return v, end, c, true
}

// dayKind says how a day of the month is written.
type dayKind uint8

const (
	dayDigits   dayKind = iota + 1 // 12, الـ 12
	dayOrdinal                     // الثاني عشر
	dayCardinal                    // اثنا عشر
	dayFirst                       // فاتح، غرة، أول
)

// dayNumber is a day of the month as written at a token.
type dayNumber struct {
	day  int
	end  int
	c    cut
	kind dayKind
	// compound says the number is written in several words (الحادي
	// والعشرين، خمسة عشر), which makes it a number without من after it.
	compound bool
}

// dayNumberAt reads a day of the month at token j, in the sentence of token i:
//
//	[الـ] digits | ordinal | cardinal | فاتح|غرة|أول
func (m *dateMatcher) dayNumberAt(i, j int, first bool) (dayNumber, bool) {
	var d dayNumber
	if !m.same(i, j) {
		return d, false
	}
	if h, ok := m.find(j, first, wArticle.bit()); ok && h.c.at == 0 {
		if v, n, ok := m.number(j + 1); ok && m.same(j, j+1) && n <= 2 && v >= 1 && v <= 31 {
			return dayNumber{day: v, end: j + 1, c: h.c, kind: dayDigits}, true
		}
		return d, false
	}
	if v, n, ok := m.number(j); ok {
		if n > 2 || v < 1 || v > 31 {
			return d, false
		}
		return dayNumber{day: v, end: j, kind: dayDigits}, true
	}
	if v, end, c, ok := m.ordinalAt(i, j, first); ok && v >= 1 && v <= 31 {
		return dayNumber{day: v, end: end, c: c, kind: dayOrdinal, compound: end > j}, true
	}
	if v, end, c, ok := m.cardinalAt(i, j, first); ok && v >= 1 && v <= 31 {
		return dayNumber{day: v, end: end, c: c, kind: dayCardinal, compound: end > j}, true
	}
	if h, ok := m.find(j, first, wFirstDay.bit()); ok {
		return dayNumber{day: 1, end: h.end, c: h.c, kind: dayFirst}, true
	}
	return d, false
}

// yearWordsAt reads a year written in words at token j (ألفين وعشرين،
// ألف وتسعمائة وثمانية وسبعين): a cardinal from 1000 to 2200.
func (m *dateMatcher) yearWordsAt(i, j int) (y, end int, ok bool) {
	v, end, _, ok := m.cardinalAt(i, j, false)
	if !ok || v < 1000 || v > 2200 {
		return 0, 0, false
	}
	return v, end, true
}

// numericDate is a date written in digits, read from its parts.
type numericDate struct {
	parts  [3]string
	n      int // parts used: 2 or 3
	sep    string
	end    int
	single bool // one token with dots: 31.12.2021, 2015.3
}

// numeric reads a date in digits, with an optional era marker (هـ makes
// it Hijri):
//
//	dd/mm/yyyy | yyyy/mm/dd | dd/mm/yy | dd/mm [،] [yyyy] | mm/yyyy | yyyy/mm   (/ - . as separators)
//
// A day before a month above 12 is read month first (01/22/2016). Two
// readings of dd/mm are told apart by the publication date: a reading
// equal to it wins (a page stamp), then one that falls on a weekday named
// in the sentence; else the day comes first. A two-digit year takes the
// reading nearest the publication date (16/04/21). Without a year the
// date needs a day above 12 or a cue before it (في، يوم), and nothing
// that continues a number after it; numbers after رقم, بنتيجة … are no
// dates.
func (m *dateMatcher) numeric(i int) (dateMatch, bool) {
	nd, ok := m.numericParts(i)
	if !ok || i > 0 && m.same(i, i-1) && m.isNotDate(i-1) {
		return dateMatch{}, false
	}
	if nd.n == 2 {
		return m.numericShort(i, nd)
	}
	var buf [6][3]int
	cands := m.numericReadings(nd, buf[:0])
	if len(cands) == 0 {
		// 31/4/2021: the day-first reading, to report its error.
		y, mo, d, ok := dayMonthYear(nd.parts)
		if !ok {
			return dateMatch{}, false
		}
		cands = append(cands, [3]int{y, mo, d})
	}
	best := m.pickReading(i, nd.end, cands)
	cal, end := Gregorian, nd.end
	if era, ok := m.wordIn(i, end+1, wAD.bit()|wAH.bit()); ok {
		if era.e.word == wAH {
			cal = Hijri
		}
		end = era.end
	}
	return m.resolved(i, cut{}, end, i, cal, best[0], best[1], best[2], 0), true
}

// isNotDate reports whether token j is a word after which numbers are no
// dates (رقم، بنتيجة، بنسبة).
func (m *dateMatcher) isNotDate(j int) bool {
	_, ok := m.find(j, true, wNotDate.bit())
	return ok
}

// numericReadings appends to out the valid (year, month, day) readings of
// three numeric parts.
func (m *dateMatcher) numericReadings(nd numericDate, out [][3]int) [][3]int {
	var v [3]int
	var l [3]int
	for k, s := range nd.parts {
		n, err := strconv.Atoi(s)
		if err != nil || len(s) > 4 {
			return nil
		}
		v[k], l[k] = n, len(s)
	}
	add := func(y, mo, d int) {
		if y >= 1 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= hijriOrGregorianLength(Gregorian, y, mo) {
			out = append(out, [3]int{y, mo, d})
		}
	}
	switch {
	case l[0] == 4 && l[1] <= 2 && l[2] <= 2:
		add(v[0], v[1], v[2])
	case l[2] == 4 && l[0] <= 2 && l[1] <= 2:
		add(v[2], v[1], v[0])
		if v[0] != v[1] {
			add(v[2], v[0], v[1])
		}
	case l[0] <= 2 && l[1] <= 2 && l[2] == 2:
		for _, c := range m.centuries(v[2]) {
			add(c, v[1], v[0])
			if v[0] != v[1] {
				add(c, v[0], v[1])
			}
		}
		if l[0] == 2 {
			for _, c := range m.centuries(v[0]) {
				add(c, v[1], v[2])
			}
		}
	}
	return out
}

// centuries returns the years a two-digit year yy may be: 19yy and 20yy.
func (m *dateMatcher) centuries(yy int) []int { return []int{1900 + yy, 2000 + yy} }

// pickReading chooses among the readings of a numeric date at tokens
// i..end: the only one; the day-first one of a full year unless a reading
// is the publication date or falls on a weekday of the sentence; for a
// two-digit year, the one nearest the publication date.
func (m *dateMatcher) pickReading(i, end int, cands [][3]int) [3]int {
	if len(cands) == 1 {
		return cands[0]
	}
	if !m.ref.IsZero() {
		for _, c := range cands {
			if t, _ := calendarDay(Gregorian, c[0], c[1], c[2]); t.Equal(m.ref) {
				m.today()
				return c
			}
		}
	}
	if wd, ok := m.sentenceWeekday(i, end); ok {
		var fits [][3]int
		for _, c := range cands {
			if t, _ := calendarDay(Gregorian, c[0], c[1], c[2]); t.Weekday() == wd {
				fits = append(fits, c)
			}
		}
		if len(fits) == 1 {
			return fits[0]
		}
	}
	if cands[0][0] == cands[1][0] {
		return cands[0] // a written year: the day first
	}
	ref := m.today()
	best, bestDist := cands[0], time.Duration(-1)
	for _, c := range cands {
		t, _ := calendarDay(Gregorian, c[0], c[1], c[2])
		dist := t.Sub(ref)
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

// sentenceWeekday returns the weekday named in the sentence of tokens
// i..end, outside them, if there is exactly one.
func (m *dateMatcher) sentenceWeekday(i, end int) (time.Weekday, bool) {
	s := m.t.sents[m.t.toks[i].sent]
	found, wd := false, time.Weekday(0)
	for k := s.first; k < s.last; k++ {
		if k >= i && k <= end {
			continue
		}
		if h, ok := m.find(k, true, wWeekday.bit()); ok && !h.e.amb {
			if found && time.Weekday(h.e.n) != wd {
				return 0, false
			}
			found, wd = true, time.Weekday(h.e.n)
		}
	}
	return wd, found
}

// numericShort reads a numeric date of two parts: a month and a year
// (3/2015، 2015-3، 2015.3) or a day and a month (22/4، 4/22، 22-4) in the
// year nearest the publication date.
func (m *dateMatcher) numericShort(i int, nd numericDate) (dateMatch, bool) {
	a, _ := strconv.Atoi(nd.parts[0])
	b, _ := strconv.Atoi(nd.parts[1])
	la, lb := len(nd.parts[0]), len(nd.parts[1])
	if !m.ends(nd.end) || m.punct(nd.end+1, "%", "٪") || m.monthNext(nd.end) || m.rangeLead(i) {
		return dateMatch{}, false // 4-22 يناير، من 4-23 …: a range of days
	}
	switch {
	case la == 4 && lb <= 2 && b >= 1 && b <= 12 && a >= 1900 && a <= 2100:
		return m.resolved(i, cut{}, nd.end, i, Gregorian, a, b, 0, 0), true
	case lb == 4 && la <= 2 && a >= 1 && a <= 12 && b >= 1900 && b <= 2100 && !nd.single:
		return m.resolved(i, cut{}, nd.end, i, Gregorian, b, a, 0, 0), true
	case la > 2 || lb > 2 || nd.single:
		return dateMatch{}, false
	}
	d, mo := a, b
	switch {
	case mo > 12 && d <= 12:
		d, mo = mo, d
	case mo > 12 || d < 1 || mo < 1 || d > 31:
		return dateMatch{}, false
	case d <= 12 && !m.dayCue(i):
		return dateMatch{}, false // 3/4: a fraction, a score
	}
	return m.resolved(i, cut{}, nd.end, i, Gregorian, 0, mo, d, 0), true
}

// monthNext reports whether a month name follows token j.
func (m *dateMatcher) monthNext(j int) bool {
	_, ok := m.wordIn(j, j+1, wMonth.bit()|wMonthWord.bit())
	return ok
}

// rangeLead reports whether من or بين stands before token i.
func (m *dateMatcher) rangeLead(i int) bool {
	_, ok := m.wordIn(i, i-1, wOf.bit()|wBetween.bit())
	return ok
}

// dayCue reports whether the word before token i makes the number at i a
// day: في، يوم، حتى، منذ, or a weekday.
func (m *dateMatcher) dayCue(i int) bool {
	if i == 0 || !m.same(i, i-1) {
		return false
	}
	_, ok := m.find(i-1, true, wCue.bit()|wDayWord.bit()|wWeekday.bit())
	return ok
}

// numericParts returns the numbers of a numeric date at token i: one
// token with dots (31.12.2021, 2015.3) or numbers joined by / or -, two or
// three of them, with a year after a comma (11/12، 2016). A longer chain
// (1/2/3/4) is no date.
func (m *dateMatcher) numericParts(i int) (nd numericDate, ok bool) {
	tk := &m.t.toks[i]
	if tk.kind != tokNumber {
		return nd, false
	}
	if strings.Contains(tk.norm, ".") && !strings.Contains(tk.norm, ",") {
		f := strings.Split(tk.norm, ".")
		if len(f) > 3 {
			return nd, false
		}
		nd.n, nd.end, nd.single, nd.sep = len(f), i, true, "."
		copy(nd.parts[:], f)
		return nd, true
	}
	if !m.punct(i+1, "/", "-") || !m.same(i, i+2) || m.t.toks[i+2].kind != tokNumber {
		return nd, false
	}
	sep := m.t.toks[i+1].norm
	if i > 1 && m.punct(i-1, sep) && m.t.toks[i-2].kind == tokNumber {
		return nd, false
	}
	nd.sep, nd.parts[0], nd.parts[1], nd.n, nd.end = sep, tk.norm, m.t.toks[i+2].norm, 2, i+2
	if m.punct(i+3, sep) && m.same(i, i+4) && m.t.toks[i+4].kind == tokNumber {
		if m.punct(i+5, sep) && m.same(i, i+6) && m.t.toks[i+6].kind == tokNumber {
			return nd, false
		}
		nd.parts[2], nd.n, nd.end = m.t.toks[i+4].norm, 3, i+4
		return nd, true
	}
	if m.punct(i+3, "/", "-") && m.t.toks[min(i+4, len(m.t.toks)-1)].kind == tokNumber {
		return nd, false // 2015-1-32: a chain of mixed separators
	}
	if m.punctIn(i+3, cComma) && m.same(i, i+4) {
		if _, n, ok := m.number(i + 4); ok && (n == 4 || n == 2) && len(nd.parts[0]) <= 2 && len(nd.parts[1]) <= 2 {
			nd.parts[2], nd.n, nd.end = m.t.toks[i+4].norm, 3, i+4
		}
	}
	return nd, true
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
