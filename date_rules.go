package arnews

import (
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file holds the date matcher: its state, the helpers its rules
// share, and the list of rules tried at every token. The rules themselves
// are in the files named for their parts: date_days.go (days, months and
// years as written), date_numbers.go (numbers in words and numeric
// dates), date_weekdays.go, date_relative.go (dates counted from the
// publication date or from the date just told), date_parts.go (parts of a
// period, weeks of a month, seasons, decades), date_ranges.go and
// date_holidays.go. Each rule is a method named for what it reads, with
// the pattern it reads in its comment, in the notation
//
//	[optional] alternative|alternative  role …
//
// where a role is a class of data/lexicon.tsv (date/ROLE), a month or
// weekday of data/months.tsv, or a number of data/numbers.tsv.

// dateMatcher reads date expressions from the tokens of t.
type dateMatcher struct {
	t      *text
	lex    *dateLex
	ref    time.Time // midnight UTC
	strict bool      // ParseDate: report errors instead of falling back
	// refUses counts the reads of ref: a match read while it grew depends
	// on the publication date (see today).
	refUses int
	// prev is the last date read before the current token (FindDates
	// reads in order): the month of a day written without one (يوم 27)
	// and the day that نفس اليوم and اليوم التالي refer to.
	prev    Date
	hasPrev bool
	// memo keeps the last results of single (see memoSingle); its
	// entries hold token+1, so that the zero entry matches no token.
	memo     [2]memoSingle
	memoNext int
	// roles holds the roles of every token, read once (see rolesOf): the
	// rules ask each token for them many times, looking around.
	roles []tokRoles
	// entries caches the lexicon entries of the stems of the last tokens
	// looked at, by token index modulo its length: the rules ask the same
	// tokens for many roles.
	entries [4]tokenEntries
}

// tokenEntries are the lexicon entries of each stem of one token.
type tokenEntries struct {
	tok  int // token+1 (0: none)
	ents [maxCuts][]dateEntry
}

// entriesAt returns the lexicon entries of the stems of token i (a word).
func (m *dateMatcher) entriesAt(i int) *tokenEntries {
	c := &m.entries[i%len(m.entries)]
	if c.tok != i+1 {
		tk := &m.t.toks[i]
		c.tok = i + 1
		for k, ct := range tk.stems() {
			c.ents[k] = nil
			if tk.dateCuts&(1<<k) != 0 {
				c.ents[k] = m.lex.get(tk.stem(ct))
			}
		}
	}
	return c
}

// tokRoles are the roles of a token: of its entries for the whole word, of
// the entries of any of its stems, and those a rule may start with when
// the token is the first of an expression (see starts); wNumber for a
// number.
type tokRoles struct {
	whole, any, first roleMask
}

// rolesOf returns the roles of token i, which exists. The first call reads
// the roles of every token of the text, in one pass: a token without
// roles, most of them, is never looked at again.
func (m *dateMatcher) rolesOf(i int) *tokRoles {
	if m.roles == nil {
		m.readAllRoles()
	}
	return &m.roles[i]
}

// readAllRoles reads the roles of every token.
func (m *dateMatcher) readAllRoles() {
	if m.lex == nil {
		m.lex = dateLexicon()
	}
	m.roles = make([]tokRoles, len(m.t.toks))
	for j := range m.roles {
		m.roles[j] = m.readRoles(j)
	}
}

// readRoles reads the roles of token j from the lexicon.
func (m *dateMatcher) readRoles(j int) tokRoles {
	tk := &m.t.toks[j]
	switch tk.kind {
	case tokNumber:
		return tokRoles{wNumber.bit(), wNumber.bit(), wNumber.bit()}
	case tokPunct:
		return tokRoles{} // the date lexicon has words only
	}
	var r tokRoles
	if tk.dateCuts == 0 {
		return r // most words: no stem of theirs is a date word
	}
	for k, ct := range tk.stems() {
		if tk.dateCuts&(1<<k) == 0 {
			continue // classify found no date word here
		}
		for _, e := range m.lex.get(tk.stem(ct)) {
			b := e.word.bit()
			r.any |= b
			if k == 0 {
				r.whole |= b
			}
			if !ct.def || defRoles&b != 0 {
				r.first |= b
			}
		}
	}
	return r
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
	// noYear says the year was not written but chosen (the nearest-year
	// rule): the other end of a range may give it.
	noYear bool
}

// dateHit is a lexicon entry found at a token: its first token read with the
// cut c, its last token end.
type dateHit struct {
	e   *dateEntry
	c   cut
	end int
}

// The rules, in the order they are tried at a token: the longest match
// wins, the earlier rule on a tie.
type ruleID uint8

const (
	rRange ruleID = iota
	rCoordinated
	rHoliday
	rPart
	rHalfQuarter
	rWeekOf
	rNthWeekday
	rWeekdayOfWeek
	rWeekday
	rDayOfMonth
	rDayDate
	rMonthDate
	rNumeric
	rYearDate
	rDecade
	rSeason
	rCounted
	rNextUnits
	rRest
	rRelative
	rDayAlone
	numRules
)

// ruleNames name the rules, for tests and debugging.
var ruleNames = [numRules]string{
	rRange: "rangeDate", rCoordinated: "coordinatedDay", rHoliday: "holidayDate", rPart: "partOf",
	rHalfQuarter: "halfOrQuarter", rWeekOf: "weekOf", rNthWeekday: "nthWeekday",
	rWeekdayOfWeek: "weekdayOfWeek", rWeekday: "weekday", rDayOfMonth: "dayOfMonth", rDayDate: "dayDate",
	rMonthDate: "monthDate", rNumeric: "numeric", rYearDate: "yearDate", rDecade: "decade",
	rSeason: "season", rCounted: "countedDate", rNextUnits: "nextUnits", rRest: "restOf",
	rRelative: "relative", rDayAlone: "dayAlone",
}

// apply runs rule r at token i.
func (m *dateMatcher) apply(r ruleID, i int, first bool) (dateMatch, bool) {
	switch r {
	case rRange:
		return m.rangeDate(i, first)
	case rCoordinated:
		return m.coordinatedDay(i, first)
	case rHoliday:
		return m.holidayDate(i, first)
	case rPart:
		return m.partOf(i, first)
	case rHalfQuarter:
		return m.halfOrQuarter(i, first)
	case rWeekOf:
		return m.weekOf(i, first)
	case rNthWeekday:
		return m.nthWeekday(i, first)
	case rWeekdayOfWeek:
		return m.weekdayOfWeek(i, first)
	case rWeekday:
		return m.weekday(i, first)
	case rDayOfMonth:
		return m.dayOfMonth(i, first)
	case rDayDate:
		return m.dayDate(i, first)
	case rMonthDate:
		return m.monthDate(i, first)
	case rNumeric:
		return m.numeric(i)
	case rYearDate:
		return m.yearDate(i, first)
	case rDecade:
		return m.decade(i, first)
	case rSeason:
		return m.season(i, first)
	case rCounted:
		return m.countedDate(i, first)
	case rNextUnits:
		return m.nextUnits(i, first)
	case rRest:
		return m.restOf(i, first)
	case rRelative:
		return m.relative(i, first)
	case rDayAlone:
		return m.dayAlone(i, first)
	}
	return dateMatch{}, false
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

// at reads the date expression starting at token i, if there is one, and
// notes whether it depends on the publication date.
func (m *dateMatcher) at(i int) (dateMatch, bool) {
	if m.lex == nil {
		m.lex = dateLexicon()
	}
	if i >= len(m.t.toks) || m.startsAt(i, true) == 0 {
		return dateMatch{}, false
	}
	uses := m.refUses
	r, ok := m.single(i, true)
	// A range or a coordinated date wins a tie: it reads more of the text
	// than the single date it starts with.
	if o, found := m.read(i, true, rRange, rHoliday); found && (!ok || !better(r, o)) {
		r, ok = o, true
	}
	r.rel = m.refUses != uses
	return r, ok
}

// better reports whether match a wins over match b found at the same
// token by a later rule: a date over an error, then the longer one.
func better(a, b dateMatch) bool {
	return a.err == nil && (b.err != nil || a.end > b.end) || a.err != nil && b.err != nil && a.end > b.end
}

// wNumber is the pseudo-role of a number token in a start mask.
const wNumber dateRole = 63

// ruleStarts are the roles a token must have for each rule to start at it
// (wNumber for a number): the rules that cannot start there are not run.
var ruleStarts = [numRules]roleMask{
	rRange:         wOf.bit() | wBetween.bit(), // and what a single date starts with: see rangeStarts
	rCoordinated:   wNumber.bit() | wArticle.bit() | wOrdinal.bit() | wCardinal.bit() | wFirstDay.bit(),
	rHoliday:       wHoliday.bit() | wDayWord.bit(),
	rPart:          wPartStart.bit() | wPartMid.bit() | wPartMiddle.bit() | wPartEnd.bit(),
	rHalfQuarter:   wHalf.bit() | wQuarter.bit() | wNumber.bit(),
	rWeekOf:        wWeekDef.bit() | wOrdinalBare.bit() | wUnit.bit(),
	rNthWeekday:    wOrdinalBare.bit() | wWeekday.bit() | wDayWord.bit(),
	rWeekdayOfWeek: wWeekday.bit() | wDayWord.bit() | wThis.bit() | wThisWeek.bit() | wWeekDef.bit(),
	rWeekday:       wWeekday.bit() | wDayWord.bit(),
	rDayOfMonth:    wToday.bit() | wOrdinalBare.bit(),
	rDayDate:       wNumber.bit() | wArticle.bit() | wOrdinal.bit() | wCardinal.bit() | wFirstDay.bit(),
	rMonthDate:     wMonth.bit() | wMonthWord.bit(),
	rNumeric:       wNumber.bit(),
	rYearDate:      wNumber.bit() | wYearWord.bit() | wYearDef.bit() | wCardinal.bit(),
	rDecade:        wDecade.bit(),
	rSeason:        wThis.bit() | wSeason.bit(),
	rCounted: wAgo.bit() | wSince.bit() | wAfter.bit() | wWithin.bit() | wUnit.bit() | wCardinal.bit() |
		wAbout.bit() | wFew.bit() | wNumber.bit(),
	rNextUnits: wOrdinalBare.bit() | wUnit.bit() | wCardinal.bit() | wNumber.bit(),
	rRest:      wRest.bit(),
	rRelative: wToday.bit() | wYesterday.bit() | wDayBefore.bit() | wTomorrow.bit() | wDayAfter.bit() |
		wThisMonth.bit() | wThisYear.bit() | wMonthDef.bit() | wYearDef.bit() | wThisWeek.bit() | wWeekDef.bit() |
		wSame.bit() | wThis.bit() | wUnit.bit(),
	rDayAlone: wDayWord.bit() | wNumber.bit() | wOrdinal.bit(),
}

// rangeStarts are the roles a range starts with: من، بين, or the start of
// a single date.
var rangeStarts = func() roleMask {
	s := ruleStarts[rRange]
	for r := rHoliday; r < numRules; r++ {
		s |= ruleStarts[r]
	}
	return s
}()

// read returns the longest match of the rules from to before upto at
// token i: a date if one reads, or else the longest error.
func (m *dateMatcher) read(i int, first bool, from, upto ruleID) (best dateMatch, ok bool) {
	if i >= len(m.t.toks) {
		return best, false
	}
	starts := m.startsAt(i, first)
	if starts == 0 {
		return best, false
	}
	for r := from; r < upto; r++ {
		if ruleStarts[r]&starts == 0 && (r != rRange || rangeStarts&starts == 0) || !m.mayRead(r, i, starts) {
			continue
		}
		got, found := m.apply(r, i, first)
		if found && (!ok || better(got, best)) {
			best, ok = got, true
		}
	}
	return best, ok
}

// mayRead is the cheap test, before a rule is run at token i (whose roles
// are starts), of what must stand around it: a unit after a number for a
// length of time, a link ahead for a range, a و ahead for coordinated
// dates.
func (m *dateMatcher) mayRead(r ruleID, i int, starts roleMask) bool {
	number := starts == wNumber.bit()
	next := func() roleMask { return m.rolesAt(i+1) | m.rolesAt(i+2) }
	switch r {
	case rNthWeekday:
		return starts&wOrdinalBare.bit() != 0 || next()&wOrdinal.bit() != 0
	case rWeekdayOfWeek:
		const week = roleMask(1)<<wThisWeek | 1<<wWeekDef | 1<<wWeekday | 1<<wOf
		return starts&(wThis.bit()|wThisWeek.bit()|wWeekDef.bit()) != 0 || next()&week != 0
	case rDayOfMonth:
		return m.rolesAt(i+1)&(wOrdinal.bit()|wDayWord.bit()|wUnit.bit()) != 0
	case rHoliday:
		return starts&wHoliday.bit() != 0 || m.rolesAt(i+1)&wHoliday.bit() != 0
	case rWeekOf:
		return m.rolesAt(i+1)&(wOrdinal.bit()|wUnit.bit()|wNumber.bit()|wArticle.bit()) != 0
	case rHalfQuarter:
		return !number || m.rolesAt(i+1)&(wHalf.bit()|wQuarter.bit()) != 0
	case rCounted, rNextUnits:
		return !number || m.rolesAt(i+1)&wUnit.bit() != 0
	case rDayAlone:
		return !number || i > 0 && m.t.toks[i-1].is(cIn)
	case rYearDate:
		return !number || m.rolesAt(i+1)&(wAD.bit()|wAH.bit()|wUnit.bit()) != 0 ||
			i > 0 && m.rolesAt(i-1)&(wSince.bit()|wBirth.bit()|wCue.bit()|wOf.bit()) != 0
	case rCoordinated:
		return m.waAhead(i)
	case rRange:
		return starts&(wOf.bit()|wBetween.bit()) != 0 || m.linkAhead(i)
	}
	return true
}

// rolesAt returns the roles of token j, through any of its stems (and
// wNumber for a number), or none when there is no token j.
func (m *dateMatcher) rolesAt(j int) roleMask {
	if j < 0 || j >= len(m.t.toks) {
		return 0
	}
	return m.rolesOf(j).any
}

// waAhead reports whether a و (alone or as a proclitic) stands within a
// few tokens after token i in its sentence.
func (m *dateMatcher) waAhead(i int) bool {
	for j := i + 1; j <= i+8 && m.same(i, j); j++ {
		if m.t.toks[j].kind == tokWord && m.t.toks[j].startsWithWa() {
			return true
		}
	}
	return false
}

// linkAhead reports whether a word or mark that can join the ends of a
// range (إلى، حتى، بين، a dash, /) stands within a few tokens after token i
// in its sentence.
func (m *dateMatcher) linkAhead(i int) bool {
	for j := i + 1; j <= i+10 && m.same(i, j); j++ {
		tk := &m.t.toks[j]
		switch {
		case tk.kind == tokPunct && (tk.norm == "/" || m.isDash(j)):
			return true
		case tk.kind == tokWord && m.rolesAt(j)&(wUntil.bit()|wBetween.bit()) != 0:
			return true // إلى، حتى، or بين before و (شهر نوفمبر بين 19 و 20)
		}
	}
	return false
}

// memoSingle is a result of single kept for the next call at its token:
// a range reads its ends with single, and the loop of findDates then
// reads the same tokens again.
type memoSingle struct {
	i     int
	first bool
	r     dateMatch
	ok    bool
	uses  int // reads of ref it made
}

// single reads one date at token i with the rules that read a single
// date (no range, no coordination): an end of a range.
func (m *dateMatcher) single(i int, first bool) (dateMatch, bool) {
	if i >= len(m.t.toks) || m.startsAt(i, first) == 0 {
		return dateMatch{}, false
	}
	for k := range m.memo {
		if c := &m.memo[k]; c.i == i+1 && c.first == first {
			m.refUses += c.uses
			return c.r, c.ok
		}
	}
	uses := m.refUses
	r, ok := m.read(i, first, rHoliday, numRules)
	m.memo[m.memoNext] = memoSingle{i: i + 1, first: first, r: r, ok: ok, uses: m.refUses - uses}
	m.memoNext = (m.memoNext + 1) % len(m.memo)
	return r, ok
}

// defRoles are the roles a rule may find through the article of a word
// that the lexicon lists without it (الثلاثة، بالأمس، المحرم، للعام): a rule never
// starts at يوم inside اليوم or at عام inside العام.
const defRoles = roleMask(1)<<wCardinal | 1<<wFew | 1<<wMonth | 1<<wWeekday | 1<<wYesterday | 1<<wToday |
	1<<wDecade | 1<<wSeason | 1<<wHoliday | 1<<wOrdinal | 1<<wYearWord | 1<<wMonthWord

// startsAt returns the roles of token i, read whole or (first) through
// its proclitics, and wNumber for a number: what rules may start at it.
func (m *dateMatcher) startsAt(i int, first bool) roleMask {
	r := m.rolesOf(i)
	if first {
		return r.first
	}
	return r.whole // none for a mark: readRoles gives it none
}

// candidate reports whether a rule may start at token i: a number, or a
// word with a stem in the lexicon.
func (m *dateMatcher) candidate(i int) bool {
	return m.startsAt(i, true) != 0
}

// same reports whether token j exists and is in the sentence of token i.
func (m *dateMatcher) same(i, j int) bool {
	return j >= 0 && j < len(m.t.toks) && m.t.toks[j].sent == m.t.toks[i].sent
}

// find returns the longest lexicon entry whose role is in mask starting at
// token i. Proclitics are allowed only when first is set (the first token
// of an expression); a word that is also an ordinary word (amb) may carry
// only و or ف.
func (m *dateMatcher) find(i int, first bool, mask roleMask) (best dateHit, ok bool) {
	if i < 0 || i >= len(m.t.toks) {
		return best, false
	}
	tk := &m.t.toks[i]
	if tk.kind != tokWord {
		return best, false
	}
	roles := m.rolesOf(i)
	n := int(tk.ncut)
	if !first {
		n = 1
		if roles.whole&mask == 0 {
			return best, false
		}
	} else if roles.any&mask == 0 {
		return best, false
	}
	for k := range n {
		best, ok = m.findCut(i, k, mask, best, ok)
	}
	return best, ok
}

// findCut is find for the k-th cut of token i, given the best hit so far.
func (m *dateMatcher) findCut(i, k int, mask roleMask, best dateHit, ok bool) (dateHit, bool) {
	tk := &m.t.toks[i]
	c := tk.cuts[k]
	entries := m.entriesAt(i).ents[k]
next:
	for n := range entries {
		e := &entries[n]
		if mask&e.word.bit() == 0 {
			continue
		}
		if e.amb && c.at != 0 && !conjOnly(tk, c) {
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
	return best, ok
}

// word reports whether token i is one of the words in mask, read whole.
func (m *dateMatcher) word(i int, mask roleMask) (dateHit, bool) {
	return m.find(i, false, mask)
}

// wordIn reports whether token j, in the sentence of token i, is one of
// the words in mask, read whole.
func (m *dateMatcher) wordIn(i, j int, mask roleMask) (dateHit, bool) {
	if !m.same(i, j) {
		return dateHit{}, false
	}
	return m.find(j, false, mask)
}

// waWord reports whether token j, in the sentence of token i, is one of
// the words in mask, read whole or after the conjunction و (والعشرين،
// وحتى), or after a و written apart (و العشرين). end is its last token.
func (m *dateMatcher) waWord(i, j int, mask roleMask) (h dateHit, wa bool, ok bool) {
	if !m.same(i, j) {
		return h, false, false
	}
	if h, ok := m.find(j, false, mask); ok {
		return h, false, true
	}
	tk := &m.t.toks[j]
	if tk.conjunctionAlone() && m.same(i, j+1) {
		h, ok := m.find(j+1, false, mask)
		return h, true, ok
	}
	if tk.kind == tokWord && tk.leadingWa() {
		h, ok := m.findCut(j, 1, mask, dateHit{}, false)
		return h, true, ok && tk.cuts[1].at == 2
	}
	return h, false, false
}

// punct reports whether token j is the punctuation mark s.
func (m *dateMatcher) punct(j int, s ...string) bool {
	if j < 0 || j >= len(m.t.toks) || m.t.toks[j].kind != tokPunct {
		return false
	}
	return slices.Contains(s, m.t.toks[j].norm)
}

// punctIn reports whether token j is a punctuation mark of a class in c.
func (m *dateMatcher) punctIn(j int, c class) bool {
	return j >= 0 && j < len(m.t.toks) && m.t.toks[j].kind == tokPunct && m.t.toks[j].is(c)
}

// isDash reports whether token j is a dash or a hyphen.
func (m *dateMatcher) isDash(j int) bool {
	return m.punctIn(j, cDash) || m.punct(j, "-", "–", "—")
}

// number returns the value and digit count of token j if it is a plain
// run of at most four digits.
func (m *dateMatcher) number(j int) (v, digits int, ok bool) {
	if j < 0 || j >= len(m.t.toks) || m.t.toks[j].kind != tokNumber {
		return 0, 0, false
	}
	s := m.t.toks[j].norm
	if len(s) > 4 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(s)
	return v, len(s), err == nil
}

// ends reports whether nothing that could continue a noun phrase follows
// token j in its sentence: the sentence ends, or a punctuation mark, a
// function word, a conjunction or a date word follows (not a number, not
// another noun: قبل عام 2020، قبل عقد الاجتماع).
func (m *dateMatcher) ends(j int) bool {
	k := j + 1
	if !m.same(j, k) {
		return true
	}
	tk := &m.t.toks[k]
	switch {
	case tk.kind == tokPunct:
		return true
	case tk.kind == tokNumber:
		return false
	case tk.is(cFunc) || tk.startsWithWa() || tk.norm == "و":
		return true
	}
	return m.candidate(k)
}

// nameless reports whether the word after token j cannot continue a name
// that token j starts (رجب طيب، رمضان قديروف): it ends the phrase, or it
// has the article (رمضان المبارك).
func (m *dateMatcher) nameless(j int) bool {
	return m.ends(j) || m.same(j, j+1) && m.definite(j+1)
}

// note records d as the last date read.
func (m *dateMatcher) note(d Date) {
	if d.Until != nil {
		d = *d.Until
	}
	m.prev, m.hasPrev = d, true
	for k := range m.memo {
		m.memo[k].i = 0 // results may depend on prev
	}
}

// dayAt returns the match of a Gregorian day t.
func (m *dateMatcher) dayAt(i int, sc cut, end int, t time.Time) dateMatch {
	return dateMatch{start: i, sc: sc, end: end, d: Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Grain: GrainDay}}
}

// weekAt returns the match of the ISO week that holds day t.
func (m *dateMatcher) weekAt(i int, sc cut, end int, t time.Time) dateMatch {
	monday := t.AddDate(0, 0, -(int(t.Weekday())+6)%7)
	return dateMatch{start: i, sc: sc, end: end,
		d: Date{Year: monday.Year(), Month: int(monday.Month()), Day: monday.Day(), Grain: GrainWeek}}
}

// week returns the ISO week that is off weeks after the week of ref, for
// the tokens i to end.
func (m *dateMatcher) week(i int, sc cut, end, off int) dateMatch {
	return m.weekAt(i, sc, end, m.today().AddDate(0, 0, 7*off))
}

// spanning returns the match of tokens i..end that runs from a to b,
// each a Date without text: a range, or a itself when b is the same date.
func spanning(i int, sc cut, end int, a, b Date) dateMatch {
	if a.Year == b.Year && a.Month == b.Month && a.Day == b.Day && a.Grain == b.Grain {
		return dateMatch{start: i, sc: sc, end: end, d: a}
	}
	b.Until = nil
	a.Until = &b
	return dateMatch{start: i, sc: sc, end: end, d: a}
}

// gregorianDays returns the range of Gregorian days from a to b.
func gregorianDays(a, b time.Time) (Date, Date) {
	da := Date{Year: a.Year(), Month: int(a.Month()), Day: a.Day(), Grain: GrainDay}
	db := Date{Year: b.Year(), Month: int(b.Month()), Day: b.Day(), Grain: GrainDay}
	return da, db
}

// monthOf returns the Date of Gregorian month mo of year y.
func monthOf(y, mo int) Date { return Date{Year: y, Month: mo, Grain: GrainMonth} }

// yearOf returns the Date of Gregorian year y.
func yearOf(y int) Date { return Date{Year: y, Grain: GrainYear} }

// resolved builds the match for tokens i..end of a date in calendar cal:
// year y (0: choose it by rel or by the nearest-year rule), month mo and
// day d (0 when absent). Errors point at token errAt.
func (m *dateMatcher) resolved(i int, sc cut, end, errAt int, cal Calendar, y, mo, d int, rel dateRole) dateMatch {
	r := dateMatch{start: i, sc: sc, end: end}
	if y == 0 {
		y = m.chooseYear(cal, mo, d, rel)
		r.noYear = rel == 0
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

// relMonth returns the Gregorian year and month that الشهر + w names.
func (m *dateMatcher) relMonth(w dateRole) (y, mo int) {
	t := m.today()
	switch w {
	case wNext, wFollowing:
		t = t.AddDate(0, 1, 1-t.Day())
	case wPast, wPreceding:
		t = t.AddDate(0, -1, 1-t.Day())
	case wAfterNext:
		t = t.AddDate(0, 2, 1-t.Day())
	}
	return t.Year(), int(t.Month())
}

// definite reports whether token j is a word with the article ال.
func (m *dateMatcher) definite(j int) bool {
	return m.t.toks[j].kind == tokWord && m.t.toks[j].definite()
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
