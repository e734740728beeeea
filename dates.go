package arnews

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Grain is the precision of a [Date]: the unit its value is known to.
type Grain uint8

// The grains, from the finest.
const (
	GrainDay Grain = iota
	GrainMonth
	GrainYear
	// GrainWeek is an ISO 8601 week, Monday to Sunday (هذا الأسبوع،
	// الأسبوع الماضي). Its Year, Month and Day are those of its Monday and
	// its value is written 2021-W45.
	GrainWeek
)

// String returns "day", "month" or "year".
func (g Grain) String() string {
	switch g {
	case GrainDay:
		return "day"
	case GrainMonth:
		return "month"
	case GrainYear:
		return "year"
	case GrainWeek:
		return "week"
	}
	return fmt.Sprintf("Grain(%d)", uint8(g))
}

// MarshalText implements encoding.TextMarshaler.
func (g Grain) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Grain) UnmarshalText(b []byte) error {
	switch string(b) {
	case "day":
		*g = GrainDay
	case "month":
		*g = GrainMonth
	case "year":
		*g = GrainYear
	case "week":
		*g = GrainWeek
	default:
		return fmt.Errorf("arnews: unknown grain %q", b)
	}
	return nil
}

// Calendar is the calendar a date was written in.
type Calendar uint8

// The calendars. Every month-name system of the Gregorian calendar
// (transliterated, Syriac, Maghreb, Moroccan, Libyan) is Gregorian.
const (
	Gregorian Calendar = iota
	Hijri
)

// String returns "gregorian" or "hijri".
func (c Calendar) String() string {
	switch c {
	case Gregorian:
		return "gregorian"
	case Hijri:
		return "hijri"
	}
	return fmt.Sprintf("Calendar(%d)", uint8(c))
}

// MarshalText implements encoding.TextMarshaler.
func (c Calendar) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Calendar) UnmarshalText(b []byte) error {
	switch string(b) {
	case "gregorian":
		*c = Gregorian
	case "hijri":
		*c = Hijri
	default:
		return fmt.Errorf("arnews: unknown calendar %q", b)
	}
	return nil
}

// Date is a date expression found in text, resolved to the Gregorian
// calendar at its grain.
type Date struct {
	// Text is the expression verbatim, text[Start:End].
	Text string
	Span
	// Year, Month and Day are the Gregorian date; Month and Day are 0 when
	// the grain does not reach them. A Hijri date is converted, and then
	// they hold the first Gregorian day it covers at every grain (the Hijri
	// month محرم 1443 starts on 2021-08-09), so that Time is exact.
	Year, Month, Day int
	// Grain is the precision the expression gives: day, week, month or
	// year.
	Grain Grain
	// Calendar is the calendar the expression was written in.
	Calendar Calendar
	// HijriYear, HijriMonth and HijriDay are the date as written, for
	// Calendar == Hijri (0 where the grain does not reach).
	HijriYear, HijriMonth, HijriDay int
}

// Time returns midnight UTC of the first Gregorian day the date covers.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Value returns the date in ISO 8601 at its grain: "2020", "2021-08" or
// "2021-12-31".
func (d Date) Value() string {
	switch d.Grain {
	case GrainYear:
		return fmt.Sprintf("%04d", d.Year)
	case GrainMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case GrainWeek:
		y, w := d.Time().ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// hijriValue is Value for the Hijri date as written.
func (d Date) hijriValue() string {
	switch {
	case d.HijriMonth == 0:
		return fmt.Sprintf("%04d", d.HijriYear)
	case d.HijriDay == 0:
		return fmt.Sprintf("%04d-%02d", d.HijriYear, d.HijriMonth)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.HijriYear, d.HijriMonth, d.HijriDay)
}

type dateJSON struct {
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Value    string   `json:"value"`
	Grain    Grain    `json:"grain"`
	Calendar Calendar `json:"calendar"`
	Hijri    string   `json:"hijri,omitempty"`
}

// MarshalJSON writes text, start, end, value, grain, calendar and, for a
// date written in the Hijri calendar, hijri.
func (d Date) MarshalJSON() ([]byte, error) {
	j := dateJSON{Text: d.Text, Start: d.Start, End: d.End, Value: d.Value(), Grain: d.Grain, Calendar: d.Calendar}
	if d.Calendar == Hijri {
		j.Hijri = d.hijriValue()
	}
	return json.Marshal(j)
}

// Errors that ParseDate wraps in a [*DateError]; test for them with
// errors.Is.
var (
	// ErrNoDate means the input does not start with a date expression.
	ErrNoDate = errors.New("no date expression")
	// ErrInvalidDate means the expression names a day that does not exist,
	// such as 31 فبراير 2021 or day 30 of a 29-day Hijri month.
	ErrInvalidDate = errors.New("invalid date")
	// ErrMonthMismatch means the two halves of a dual form name different
	// months, as in أغسطس/أيلول.
	ErrMonthMismatch = errors.New("halves of a dual month form disagree")
	// ErrWeekdayMismatch means a weekday stands next to a full date that
	// falls on another day of the week, as in الخميس 12 نوفمبر 2021.
	ErrWeekdayMismatch = errors.New("weekday does not match the date")
	// ErrExtraText means a date expression was read but more text follows
	// it (or a clitic such as و precedes it).
	ErrExtraText = errors.New("unexpected text around the date")
)

// DateError is the error ParseDate returns. It records the input and the
// byte offset in it where parsing stopped.
type DateError struct {
	// Input is the string given to ParseDate.
	Input string
	// Offset is the byte offset in Input where the problem starts.
	Offset int
	// Err is one of ErrNoDate, ErrInvalidDate, ErrMonthMismatch,
	// ErrWeekdayMismatch or ErrExtraText, possibly wrapped with details.
	Err error
}

// Error returns a message of the form
// `arnews: date "…": at byte N: reason`.
func (e *DateError) Error() string {
	return fmt.Sprintf("arnews: date %q: at byte %d: %v", e.Input, e.Offset, e.Err)
}

// Unwrap returns e.Err.
func (e *DateError) Unwrap() error { return e.Err }

// ParseDate parses s, which must hold exactly one date expression
// (surrounding spaces allowed), and resolves it against ref, the
// publication date: only ref's year, month and day in ref's location
// matter. It reads everything [FindDates] reads, with the same rules. The
// returned Date's span and Text refer to s.
//
// The error is a *DateError wrapping ErrNoDate, ErrInvalidDate,
// ErrMonthMismatch, ErrWeekdayMismatch or ErrExtraText.
func ParseDate(s string, ref time.Time) (Date, error) {
	t := prepare(s)
	fail := func(off int, err error) (Date, error) {
		return Date{}, &DateError{Input: s, Offset: off, Err: err}
	}
	if len(t.toks) == 0 {
		return fail(len(s), ErrNoDate)
	}
	m := dateMatcher{t: t, ref: refDay(ref), strict: true}
	r, ok := m.at(0)
	switch {
	case !ok:
		return fail(t.toks[0].span.Start, ErrNoDate)
	case r.err != nil:
		return fail(t.toks[r.errAt].span.Start, r.err)
	case r.sc.at != 0:
		return fail(t.toks[0].span.Start, ErrExtraText)
	case r.end != len(t.toks)-1:
		return fail(t.toks[r.end+1].span.Start, ErrExtraText)
	}
	return m.date(r), nil
}

// FindDates returns the date expressions of text, in order and not
// overlapping, each resolved against ref (see [ParseDate]) and with its
// span in text. A proclitic such as و, ف or ب before the first word is
// left out of the span: in وفي 12 مايو the date is 12 مايو, in بالأمس it
// is الأمس. Expressions that name no real day (31 فبراير 2021) or whose
// dual halves disagree are skipped.
//
// # What is read
//
// Month names of every system in Arabic use (transliterated, Syriac,
// Algerian and Tunisian, Moroccan, Mauritanian, Libyan, Hijri), alone or in
// dual forms (أغسطس/آب، شباط / فبراير، يناير (كانون الثاني)); a day
// before the month as digits (any digit system), as الـ 29, or as an
// ordinal word followed by من (الأول من أيار; فاتح يوليوز needs no من);
// من and شهر between day and month; a year after it, optionally with
// عام/سنة and the era markers م, ميلادي, هـ, هجري, للهجرة, or a relative
// year (من العام الماضي); numeric dates 31/12/2021 (day first), 2021-12-31
// and 31.12.2021; years with a marker (عام 2020، العام 2020، سنة 2020،
// 2020م، 1443هـ); weekdays, with يوم and next to a date (الجمعة 12 نوفمبر
// 2021); relative words (اليوم، أمس، البارحة، أول أمس، غدا، بعد غد، هذا
// الشهر، هذا العام، الشهر الماضي، العام المقبل …), with a weekday after
// them when it agrees (أمس الخميس); a month with المقبل, الماضي or
// الجاري; and مطلع, أوائل, منتصف, أواخر, نهاية … before a month or a year,
// which keep the month or year grain.
//
// # Decisions
//
// A month with no year takes the year that puts it nearest to ref (for a
// Hijri month, the nearest Hijri year); on a tie the earlier one. With
// المقبل/القادم it is the first one after ref, with الماضي/المنصرم the last
// one before, with الجاري/الحالي the one of ref's year. A year written
// relatively after a month (نيسان من العام الماضي، رمضان من هذا العام)
// counts from ref's year in the month's own calendar.
//
// A weekday next to a full date must fall on it; if it does not, the date
// is kept and the weekday left out (ParseDate reports ErrWeekdayMismatch).
// A weekday alone is the most recent such day on or before ref (news
// report the past), unless its clause is in the future (سوف, or a verb
// with the future prefix س such as سيزور, found by a spelling heuristic)
// in which case it is the next such day on or after ref; المقبل/القادم
// after it mean the next one strictly after ref, الماضي the last one
// strictly before.
//
// Month spellings that are also common words (مارس "practised", صفر
// "zero", آب "father", رجب and رمضان as names …) are dates only with a day
// or a year next to them, after شهر, with المقبل/الماضي/الجاري, as one
// half of a dual form, or after و/أو and another month (تموز وآب); the
// Libyan month names need both a day and a year.
// Weekday spellings that are ordinary words (جمعة، خميس، أحد) need يوم
// before them or a date after them. A bare number is a year only after
// عام/سنة, before an era marker, or next to a month.
//
// Hijri dates are converted with the Umm al-Qura calendar (tabular outside
// 1343–1500 AH); Year, Month and Day then hold the Gregorian first day the
// date covers, whatever its grain, and HijriYear, HijriMonth and HijriDay
// the date as written.
//
// # What is left out
//
// Weeks (هذا الأسبوع، الأسبوع الماضي، الأسبوع المقبل) are ISO 8601 weeks at
// GrainWeek (2021-W45), Monday to Sunday. Not reported: ranges (من 1 إلى 5
// مايو is read as 5 مايو), clock
// times, durations (20 عاماً), decades, numeric dates with a two-digit
// year, or days counted from ref (قبل ثلاثة أيام). Coordinated dates do
// not share a year: in 29 رمضان و1 شوال 1444, 29 رمضان takes the nearest
// year. غدا is read as "tomorrow" even where it is the verb "became".
func FindDates(text string, ref time.Time) []Date {
	return findDates(prepare(text), ref)
}

// findDates finds the date expressions of t, resolved against ref, in one
// pass over the tokens.
func findDates(t *text, ref time.Time) []Date {
	m := dateMatcher{t: t, ref: refDay(ref)}
	var out []Date
	for i := 0; i < len(t.toks); {
		r, ok := m.at(i)
		if !ok {
			i++
			continue
		}
		if r.err == nil {
			out = append(out, m.date(r))
		}
		i = r.end + 1
	}
	return out
}

// refDay returns midnight UTC of ref's calendar day in its own location.
func refDay(ref time.Time) time.Time {
	y, mo, d := ref.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// The lexicon: every word the date matcher knows, keyed on the normalized
// first token of its spelling, the rest of the spelling kept as following
// tokens.

// dateRole names a role a lexicon word plays. Months and weekdays have roles
// of their own.
type dateRole uint8

const (
	wMonth     dateRole = iota // a month name; dateEntry.n is the month
	wWeekday                   // a weekday; dateEntry.n is the time.Weekday
	wArticle                   // ال (written الـ before digits)
	wOf                        // من
	wMonthWord                 // شهر
	wDayWord                   // يوم
	wYearWord                  // عام، سنة
	wYearDef                   // العام، السنة
	wMonthDef                  // الشهر
	wNext                      // المقبل، القادم
	wPast                      // الماضي، المنصرم، الفائت
	wCurrent                   // الجاري، الحالي
	wToday                     // اليوم
	wYesterday                 // أمس، البارحة
	wDayBefore                 // أول أمس
	wTomorrow                  // غدا
	wDayAfter                  // بعد غد
	wThisMonth                 // هذا الشهر
	wThisYear                  // هذا العام، هذه السنة
	wThisWeek                  // هذا الأسبوع
	wWeekDef                   // الأسبوع
	wPeriod                    // مطلع، منتصف، أواخر …
	wAD                        // م، ميلادي
	wAH                        // هـ، هجري، للهجرة
	wAgreeing                  // الموافق
	wOrdinal                   // الأول … الحادي والثلاثين; dateEntry.n is the day
)

// bit returns the mask bit of w.
func (w dateRole) bit() uint32 { return 1 << w }

// dateEntry is one spelling in the lexicon.
type dateEntry struct {
	rest  []string // normalized tokens after the first
	word  dateRole
	n     int      // month, weekday or ordinal value
	cal   Calendar // for months
	amb   bool     // also an ordinary word: needs context (see FindDates)
	libya bool     // a Libyan month name: needs a day and a year
}

// dateLex maps a normalized first token to its entries. filter has a bit
// set for the first and last two bytes of every key, so that most words
// are rejected without hashing.
type dateLex struct {
	m      map[string][]dateEntry
	filter [1 << 14 / 64]uint64
}

// filterBit returns the filter bit of s, which has at least two bytes: a
// hash of its length and of its second, middle and last bytes (for Arabic
// letters, the bytes that tell them apart).
func filterBit(s string) uint {
	h := uint(len(s))
	h = h*131 + uint(s[1])
	h = h*131 + uint(s[len(s)/2])
	h = h*131 + uint(s[len(s)-1])
	return h % (1 << 14)
}

// has reports whether s may be a key, cheaply.
func (x *dateLex) has(s string) bool {
	if len(s) < 2 {
		return false
	}
	b := filterBit(s)
	return x.filter[b/64]&(1<<(b%64)) != 0
}

// get returns the entries of key s.
func (x *dateLex) get(s string) []dateEntry {
	if !x.has(s) {
		return nil
	}
	return x.m[s]
}

// dateWords lists the words other than month and weekday names, in their
// usual spelling; they are normalized when the lexicon is built.
var dateWords = []struct {
	w     dateRole
	n     int
	spell []string
}{
	{wArticle, 0, []string{"الـ"}},
	{wOf, 0, []string{"من"}},
	{wMonthWord, 0, []string{"شهر"}},
	{wDayWord, 0, []string{"يوم"}},
	{wYearWord, 0, []string{"عام", "سنة"}},
	{wYearDef, 0, []string{"العام", "السنة"}},
	{wMonthDef, 0, []string{"الشهر"}},
	{wNext, 0, []string{"المقبل", "المقبلة", "القادم", "القادمة"}},
	{wPast, 0, []string{"الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"}},
	{wCurrent, 0, []string{"الجاري", "الجارية", "الحالي", "الحالية"}},
	{wToday, 0, []string{"اليوم"}},
	{wYesterday, 0, []string{"أمس", "الأمس", "البارحة"}},
	{wDayBefore, 0, []string{"أول أمس", "أول من أمس", "أمس الأول"}},
	{wTomorrow, 0, []string{"غدا"}},
	{wDayAfter, 0, []string{"بعد غد", "بعد الغد"}},
	{wThisMonth, 0, []string{"هذا الشهر"}},
	{wThisYear, 0, []string{"هذا العام", "هذه السنة", "هذا السنة"}},
	{wThisWeek, 0, []string{"هذا الأسبوع"}},
	{wWeekDef, 0, []string{"الأسبوع"}},
	{wPeriod, 0, []string{"مطلع", "أوائل", "بداية", "مستهل", "منتصف", "أواسط", "أواخر", "نهاية"}},
	{wAD, 0, []string{"م", "ميلادي", "ميلادية", "للميلاد"}},
	{wAH, 0, []string{"هـ", "هجري", "هجرية", "للهجرة"}},
	{wAgreeing, 0, []string{"الموافق"}},
	{wOrdinal, 1, []string{"فاتح", "غرة"}},
}

// ordinalWords are the ordinal day numbers, 1 to 31, masculine (يوم is
// masculine), in their usual spelling.
var ordinalWords = []string{
	"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
	"الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر",
	"العشرين", "الحادي والعشرين", "الثاني والعشرين", "الثالث والعشرين", "الرابع والعشرين", "الخامس والعشرين",
	"السادس والعشرين", "السابع والعشرين", "الثامن والعشرين", "التاسع والعشرين",
	"الثلاثين", "الحادي والثلاثين",
}

// dateLexicon is built on first use from monthWords, weekdayWords,
// dateWords and ordinalWords.
var dateLexicon = sync.OnceValue(func() *dateLex {
	x := &dateLex{m: map[string][]dateEntry{}}
	lex := x.m
	add := func(spelling string, e dateEntry) {
		t := prepare(spelling)
		if len(t.toks) == 0 {
			return
		}
		for _, tk := range t.toks[1:] {
			e.rest = append(e.rest, tk.norm)
		}
		key := t.toks[0].norm
		for k := range lex[key] {
			p := &lex[key][k]
			if p.word == e.word && p.n == e.n && p.cal == e.cal && slices.Equal(p.rest, e.rest) {
				// The same spelling in several systems: a common word in
				// one reading only if it is one in all.
				p.amb = p.amb && e.amb
				p.libya = p.libya && e.libya
				return
			}
		}
		lex[key] = append(lex[key], e)
	}
	for _, mw := range monthTable().months {
		cal := Gregorian
		if mw.system == monthHijri {
			cal = Hijri
		}
		add(mw.spelling, dateEntry{word: wMonth, n: mw.month, cal: cal, amb: mw.ambiguous || mw.system == monthLibya, libya: mw.system == monthLibya})
	}
	for _, ww := range monthTable().weekdays {
		add(ww.spelling, dateEntry{word: wWeekday, n: int(ww.day), amb: ww.ambiguous})
	}
	for _, dw := range dateWords {
		for _, s := range dw.spell {
			add(s, dateEntry{word: dw.w, n: dw.n})
		}
	}
	for i, s := range ordinalWords {
		add(s, dateEntry{word: wOrdinal, n: i + 1})
	}
	for k := range lex {
		if len(k) < 2 {
			panic("arnews: date lexicon key shorter than two bytes: " + k)
		}
		b := filterBit(k)
		x.filter[b/64] |= 1 << (b % 64)
	}
	return x
})

// The matcher.

// dateMatcher reads date expressions from the tokens of t.
type dateMatcher struct {
	t      *text
	lex    *dateLex
	ref    time.Time // midnight UTC
	strict bool      // ParseDate: report errors instead of falling back
}

// dateMatch is one date expression: tokens start (after the cut sc) to end,
// inclusive, and the date they name, or the error that makes them no date.
type dateMatch struct {
	start int
	sc    cut
	end   int
	d     Date // without Text and Span
	err   error
	errAt int // token the error points at
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

// at reads the date expression starting at token i, if there is one.
func (m *dateMatcher) at(i int) (dateMatch, bool) {
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
	if m.punct(k, "،", ",") {
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
	ref := m.ref
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
	tk := &m.t.toks[j]
	if tk.kind != tokWord {
		return false
	}
	for _, c := range tk.stems() {
		if c.def {
			return true
		}
	}
	return false
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
	return m.punct(j, "،", ",", "؛", ";", ":", "\"", "“", "”", "«", "»", "(", ")", "-", "–")
}

// future reports whether the clause around tokens i..end is in the future
// tense: it holds سوف or a verb with the future prefix س within a few
// words of the weekday.
func (m *dateMatcher) future(i, end int) bool {
	const reach = 6
	for j, n := i-1, 0; j >= 0 && n < reach && m.same(i, j) && !m.clauseStop(j); j, n = j-1, n+1 {
		if isFutureVerb(m.t.toks[j].norm) {
			return true
		}
	}
	for j, n := end+1, 0; n < reach && m.same(i, j) && !m.clauseStop(j); j, n = j+1, n+1 {
		switch m.t.toks[j].norm {
		case "ان", "انه", "انها", "الذي", "التي", "حيث", "بعد", "قبل", "لكن":
			// A verb after these belongs to another clause.
			return false
		}
		if isFutureVerb(m.t.toks[j].norm) {
			return true
		}
	}
	return false
}

// notFutureVerb lists the beginnings of common words that start with سي، ست or
// سن without being verbs in the future.
var notFutureVerb = []string{"سيا", "سيد", "سيطر", "سينا", "سيول", "سير", "سيف", "سيج", "سيك", "سيم", "سين",
	"سنه", "سنو", "سنت", "سنغ", "سنا", "سند", "سنو", "ستين", "ستون", "سته", "ستار", "ستر", "ستا", "ستو"}

// isFutureVerb reports whether w (normalized, maybe after و or ف) is سوف or
// looks like an imperfect verb with the future prefix: س then ي, ت or ن,
// four letters at least.
func isFutureVerb(w string) bool {
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		if w[2:] == "سوف" || isFutureVerb(w[2:]) {
			return true
		}
	}
	if w == "سوف" {
		return true
	}
	if utf8.RuneCountInString(w) < 4 || !(strings.HasPrefix(w, "سي") || strings.HasPrefix(w, "ست") || strings.HasPrefix(w, "سن")) {
		return false
	}
	for _, p := range notFutureVerb {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return true
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
	if h, ok := m.find(i, first, wArticle.bit()); ok && m.t.toks[i].norm == "ال" {
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
	} else if h, ok := m.find(j, first && j == i, wOrdinal.bit()); ok {
		// فاتح (Morocco) and غرة (the first of a month, mostly Hijri)
		// need no من.
		st := m.t.toks[j].stem(h.c)
		sc, day, j, needOf = h.c, h.e.n, h.end+1, h.e.rest == nil && st != "فاتح" && st != Normalize("غرة")
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
	if sc.at == 0 && i > 1 && m.t.toks[j].norm == "او" {
		j--
	} else if sc.at != 2 || !strings.HasPrefix(m.t.toks[i].norm, "و") {
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
	t := m.ref
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
		return gregorianToHijri(m.ref)
	}
	return m.ref.Year(), int(m.ref.Month()), m.ref.Day()
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
		dist := t.Sub(m.ref)
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

// dateCompare compares two (year, month, day) triples.
func dateCompare(y1, m1, d1, y2, m2, d2 int) int {
	if c := cmp.Compare(y1, y2); c != 0 {
		return c
	}
	if c := cmp.Compare(m1, m2); c != 0 {
		return c
	}
	return cmp.Compare(d1, d2)
}

// calendarDay returns the Gregorian day of day d of month mo of year y in
// calendar cal, or an error wrapping ErrInvalidDate.
func calendarDay(cal Calendar, y, mo, d int) (time.Time, error) {
	if cal == Hijri {
		t, err := hijriToGregorian(y, mo, d)
		if err != nil {
			return t, fmt.Errorf("%w: %d-%02d-%02d AH", ErrInvalidDate, y, mo, d)
		}
		if t.Year() > 9999 {
			return t, fmt.Errorf("%w: year %d AH is after 9999 CE", ErrInvalidDate, y)
		}
		return t, nil
	}
	if y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, fmt.Errorf("%w: %d-%02d-%02d", ErrInvalidDate, y, mo, d)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return t, fmt.Errorf("%w: %s has no day %d", ErrInvalidDate, time.Month(mo), d)
	}
	return t, nil
}

// makeDate returns the Date of year y, month mo and day d (0 when unknown)
// of calendar cal, or an error wrapping ErrInvalidDate.
func makeDate(cal Calendar, y, mo, d int) (Date, error) {
	grain := GrainDay
	switch {
	case mo == 0:
		grain, d = GrainYear, 0
	case d == 0:
		grain = GrainMonth
	}
	t, err := calendarDay(cal, y, max(mo, 1), max(d, 1))
	if err != nil {
		return Date{}, err
	}
	if cal == Hijri {
		return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Grain: grain, Calendar: Hijri,
			HijriYear: y, HijriMonth: mo, HijriDay: d}, nil
	}
	return Date{Year: y, Month: mo, Day: d, Grain: grain}, nil
}

// numeric reads 31/12/2021, 31-12-2021, 2021-12-31, 2021/12/31 and
// 31.12.2021, day first, with an optional era marker (هـ makes it Hijri).
func (m *dateMatcher) numeric(i int) (dateMatch, bool) {
	tk := &m.t.toks[i]
	if tk.kind != tokNumber {
		return dateMatch{}, false
	}
	var parts [3]string
	end := i
	if strings.Count(tk.norm, ".") == 2 && !strings.Contains(tk.norm, ",") {
		a, rest, _ := strings.Cut(tk.norm, ".")
		b, c, _ := strings.Cut(rest, ".")
		parts = [3]string{a, b, c}
	} else {
		if !m.punct(i+1, "/", "-") || !m.same(i, i+4) {
			return dateMatch{}, false
		}
		sep := m.t.toks[i+1].norm
		if !m.punct(i+3, sep) || m.t.toks[i+2].kind != tokNumber || m.t.toks[i+4].kind != tokNumber {
			return dateMatch{}, false
		}
		// Not part of a longer chain such as 1/2/3/4.
		if m.punct(i+5, sep) && m.same(i, i+6) && m.t.toks[i+6].kind == tokNumber {
			return dateMatch{}, false
		}
		if i > 1 && m.punct(i-1, sep) && m.t.toks[i-2].kind == tokNumber {
			return dateMatch{}, false
		}
		parts = [3]string{tk.norm, m.t.toks[i+2].norm, m.t.toks[i+4].norm}
		end = i + 4
	}
	var v [3]int
	for k, s := range parts {
		n, err := strconv.Atoi(s)
		if err != nil || len(s) > 4 {
			return dateMatch{}, false
		}
		v[k] = n
	}
	var y, mo, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, mo, d = v[0], v[1], v[2]
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d, mo, y = v[0], v[1], v[2]
	default:
		return dateMatch{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
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
	monday := m.ref.AddDate(0, 0, -(int(m.ref.Weekday())+6)%7+7*off)
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
	ref := m.ref
	switch h.e.word {
	case wToday:
		// اليوم التالي، اليوم الوطني، في هذا اليوم … are not today.
		if nx := h.end + 1; m.same(i, nx) && m.t.toks[nx].kind == tokWord && strings.HasPrefix(m.t.toks[nx].norm, "ال") {
			if _, ok := m.word(nx, wWeekday.bit()); !ok {
				return dateMatch{}, false
			}
		}
		if i > 0 && m.same(i, i-1) {
			switch m.t.toks[i-1].norm {
			case "هذا", "ذلك", "نفس", "ذات", "ذاك":
				return dateMatch{}, false
			}
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
