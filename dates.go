package arnews

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Grain is the precision of a [Date]: the unit its value is known to.
type Grain uint8

// The grains, from the finest: day < week < month < year.
const (
	GrainDay Grain = iota
	// GrainWeek is an ISO 8601 week, Monday to Sunday (هذا الأسبوع،
	// الأسبوع الماضي). Its Year, Month and Day are those of its Monday and
	// its value is written 2021-W45.
	GrainWeek
	GrainMonth
	GrainYear
)

// grainNames are the names of the grains, indexed by Grain.
var grainNames = [...]string{GrainDay: "day", GrainWeek: "week", GrainMonth: "month", GrainYear: "year"}

// String returns "day", "week", "month" or "year".
func (g Grain) String() string {
	if int(g) < len(grainNames) {
		return grainNames[g]
	}
	return fmt.Sprintf("Grain(%d)", uint8(g))
}

// MarshalText implements encoding.TextMarshaler.
func (g Grain) MarshalText() ([]byte, error) {
	if int(g) >= len(grainNames) {
		return nil, fmt.Errorf("arnews: invalid grain %d", uint8(g))
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads the names
// String returns.
func (g *Grain) UnmarshalText(b []byte) error {
	for i, n := range grainNames {
		if string(b) == n {
			*g = Grain(i)
			return nil
		}
	}
	return fmt.Errorf("arnews: unknown grain %q (want day, week, month or year)", b)
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
func (c Calendar) MarshalText() ([]byte, error) {
	if c > Hijri {
		return nil, fmt.Errorf("arnews: invalid calendar %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Calendar) UnmarshalText(b []byte) error {
	switch string(b) {
	case "gregorian":
		*c = Gregorian
	case "hijri":
		*c = Hijri
	default:
		return fmt.Errorf("arnews: unknown calendar %q (want gregorian or hijri)", b)
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
	// year. For a range, it is the grain of its first date.
	Grain Grain
	// Calendar is the calendar the expression was written in.
	Calendar Calendar
	// HijriYear, HijriMonth and HijriDay are the date as written, for
	// Calendar == Hijri (0 where the grain does not reach).
	HijriYear, HijriMonth, HijriDay int
	// Until is the last date of a range (من 5 إلى 10 مارس 2021: 2021-03-10),
	// at its own grain, with no text or span of its own; nil for a single
	// date. The Date's own Year, Month and Day are then the range's first
	// date.
	Until *Date
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

// Value returns the date in ISO 8601 at its grain: "2020", "2021-08",
// "2021-12-31", or "2021-W45" for a week; for a range, the ISO 8601
// interval of its two ends, "2021-03-05/2021-03-10". The zero Date has the
// value "".
func (d Date) Value() string {
	if d.Year == 0 {
		return ""
	}
	v := isoValue(d.Year, d.Month, d.Day, d.Grain, d.Time())
	if d.Until != nil {
		v += "/" + d.Until.Value()
	}
	return v
}

// isoValue writes a date at its grain.
func isoValue(y, m, day int, g Grain, t time.Time) string {
	switch g {
	case GrainYear:
		return fmt.Sprintf("%04d", y)
	case GrainMonth:
		return fmt.Sprintf("%04d-%02d", y, m)
	case GrainWeek:
		wy, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", wy, w)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// String returns the value and the text of the date: 2021-12-31 (31
// ديسمبر/كانون الأول), or only the value when there is no text.
func (d Date) String() string {
	if d.Text == "" {
		return d.Value()
	}
	return d.Value() + " (" + d.Text + ")"
}

// hijriValue is Value for the Hijri date as written.
func (d Date) hijriValue() string {
	var v string
	switch {
	case d.HijriMonth == 0:
		v = fmt.Sprintf("%04d", d.HijriYear)
	case d.HijriDay == 0:
		v = fmt.Sprintf("%04d-%02d", d.HijriYear, d.HijriMonth)
	default:
		v = fmt.Sprintf("%04d-%02d-%02d", d.HijriYear, d.HijriMonth, d.HijriDay)
	}
	if d.Until != nil && d.Until.Calendar == Hijri {
		v += "/" + d.Until.hijriValue()
	}
	return v
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
// date written in the Hijri calendar, hijri: the date as written, at its
// grain ("1443-01-15").
func (d Date) MarshalJSON() ([]byte, error) {
	j := dateJSON{Text: d.Text, Start: d.Start, End: d.End, Value: d.Value(), Grain: d.Grain, Calendar: d.Calendar}
	if d.Calendar == Hijri {
		j.Hijri = d.hijriValue()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form MarshalJSON writes and rebuilds the Date
// from its value (and, for a Hijri date, from hijri), so that a Date
// survives the round trip unchanged.
func (d *Date) UnmarshalJSON(b []byte) error {
	var j dateJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v, err := parseDateValue(j.Value, j.Hijri, j.Calendar)
	if err != nil {
		return err
	}
	if v.Grain != j.Grain && v.Year != 0 {
		return fmt.Errorf("arnews: date value %q is not at grain %s", j.Value, j.Grain)
	}
	v.Text, v.Span, v.Grain = j.Text, Span{j.Start, j.End}, j.Grain
	*d = v
	return nil
}

// parseDateValue reads a value as Value writes it ("" for the zero Date),
// with the Hijri date as written when the calendar is Hijri.
func parseDateValue(value, hijri string, cal Calendar) (Date, error) {
	if value == "" {
		return Date{}, nil
	}
	first, last, isRange := strings.Cut(value, "/")
	hFirst, hLast, _ := strings.Cut(hijri, "/")
	d, err := parseISODate(first, hFirst, cal)
	if err != nil || !isRange {
		return d, err
	}
	until, err := parseISODate(last, hLast, cal)
	if err != nil {
		return d, err
	}
	d.Until = &until
	return d, nil
}

// parseISODate reads one date at its grain: YYYY, YYYY-MM, YYYY-MM-DD or
// YYYY-Www. A Hijri date is rebuilt from the Hijri date as written.
func parseISODate(value, hijri string, cal Calendar) (Date, error) {
	bad := fmt.Errorf("arnews: bad date value %q", value)
	if cal == Hijri && hijri != "" {
		var hy, hm, hd int
		n, _ := fmt.Sscanf(strings.ReplaceAll(hijri, "-", " "), "%d %d %d", &hy, &hm, &hd)
		if n == 0 {
			return Date{}, fmt.Errorf("arnews: bad Hijri value %q", hijri)
		}
		return makeDate(Hijri, hy, hm, hd)
	}
	if y, w, ok := strings.Cut(value, "-W"); ok {
		var year, week int
		if _, err := fmt.Sscanf(y+" "+w, "%d %d", &year, &week); err != nil || week < 1 || week > 53 {
			return Date{}, bad
		}
		monday := isoWeekMonday(year, week)
		return Date{Year: monday.Year(), Month: int(monday.Month()), Day: monday.Day(), Grain: GrainWeek, Calendar: cal}, nil
	}
	var y, m, day int
	n, _ := fmt.Sscanf(strings.ReplaceAll(value, "-", " "), "%d %d %d", &y, &m, &day)
	if n == 0 || len(value) != []int{0, 4, 7, 10}[n] {
		return Date{}, bad
	}
	d, err := makeDate(Gregorian, y, m, day)
	d.Calendar = cal
	return d, err
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1))
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
	// ErrNoRef means the expression is relative to the publication date
	// (أمس، الجمعة، الشهر الماضي، مارس without a year) and none was given.
	ErrNoRef = errors.New("relative date without a reference date")
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
// returned Date's span and Text refer to s. A zero ref means the
// publication date is unknown: an expression relative to it (أمس، الجمعة،
// مارس without a year) then fails with ErrNoRef, never resolving against
// the clock.
//
// The error is a *DateError wrapping ErrNoDate, ErrInvalidDate,
// ErrMonthMismatch, ErrWeekdayMismatch, ErrExtraText or ErrNoRef.
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
	case r.rel && ref.IsZero():
		return fail(t.toks[0].span.Start, ErrNoRef)
	}
	d := m.date(r)
	// Bytes that make no token (controls, ill-formed UTF-8) are text too:
	// only what normalization deletes or spaces may stand around the date.
	if extra(s[:d.Start]) {
		return fail(0, ErrExtraText)
	}
	if extra(s[d.End:]) {
		return fail(d.End, ErrExtraText)
	}
	return d, nil
}

// extra reports whether s holds more than spaces and what normalization
// deletes.
func extra(s string) bool { return strings.TrimSpace(Normalize(s)) != "" }

// FindDates returns the date expressions of text, in order and not
// overlapping, each resolved against ref (see [ParseDate]) and with its
// span in text. A proclitic such as و, ف or ب before the first word is
// left out of the span: in وفي 12 مايو the date is 12 مايو, in بالأمس it
// is الأمس. Expressions that name no real day (31 فبراير 2021) or whose
// dual halves disagree are skipped.
//
// # What is read
//
// Every family of the package documentation's table (see # Dates there):
// month names of every system in Arabic use, alone or in dual forms
// (أغسطس/آب، شباط / فبراير، يناير (كانون الثاني)); a day before the month
// as digits, as الـ 29, or as a number in words (الأول من أيار، الثالثة عشرة
// من يناير، واحد وعشرين مايو), or after it (مايو الحادي عشر، يناير-1); a
// year in digits or in words (ألف وتسعمائة وثمانية وسبعين), with عام/سنة
// and the era markers م, هـ; numeric dates (31/12/2021، 2021-12-31، 22/4،
// 3/2015، 16/04/21); weekdays, with يوم, next to a date or a day of the
// month, in a week (الجمعة من الأسبوع المقبل) and as the nth of a month
// (أول ثلاثاء من أكتوبر); relative words and periods (اليوم، أمس، بكرة،
// الشهر الماضي، الأسبوع بعد القادم); dates counted from ref (قبل يومين،
// بعد أسبوعين من الآن) and the few periods around it (الأيام الثلاثة
// المقبلة); the day just told (اليوم التالي، نفس اليوم); a day without its
// month (يوم 27); parts, halves, quarters and weeks of a period (أواخر
// مارس، النصف الأول من 2021، الربع الثالث، الأسبوع الأول من أكتوبر);
// the rest of a period (بقية العام); ranges (من 5 إلى 10 مارس، بين عامي
// 2001 و2021، 19-20 نوفمبر); seasons, decades and holidays.
//
// # Decisions
//
// A month with no year takes the year that puts it nearest to ref (for a
// Hijri month, the nearest Hijri year); on a tie the earlier one. With
// المقبل/القادم it is the first one after ref, with الماضي/المنصرم the last
// one before, with الجاري/الحالي the one of ref's year. A year written
// relatively after a month (نيسان من العام الماضي، رمضان من هذا العام)
// counts from ref's year in the month's own calendar; a Hijri month with a
// year that can only be Gregorian (رمضان 2019) is the one in that year.
//
// A weekday next to a full date must fall on it; if it does not, the date
// is kept and the weekday left out (ParseDate reports ErrWeekdayMismatch).
// A weekday alone is the most recent such day on or before ref (news
// report the past), unless its clause is in the future (سوف, or a verb
// with the future prefix س such as سيزور, found by a spelling heuristic)
// in which case it is the next such day on or after ref; المقبل/القادم
// after it mean the next one strictly after ref, الماضي the last one
// strictly before. A weekday with a day of the month (الجمعة 15) is that
// day in the nearest month where it falls on that weekday; with an ordinal
// of one to five (الأحد الثاني), the nth such weekday of the month.
//
// Two coordinated dates share what the second writes: in الـ17 و18 من
// فبراير the first takes the month, in 29 رمضان و1 شوال 1444 the year.
// A day written without its month (يوم 27، في 22.) is in the month of the
// date told before it in the text, or else in ref's month; اليوم التالي,
// اليوم السابق and نفس اليوم need a day told before them. A date counted
// from ref (قبل شهرين) has the grain of its finest unit (2021-09); بعد is
// read in a clause about the future, before من الآن, or at the end of a
// sentence. An ambiguous numeric date is read day first, unless the other
// reading is the publication date (a page stamp) or falls on the weekday the
// sentence names; a day above 12 decides alone (01/22/2016); a two-digit
// year takes the reading nearest ref. A holiday without a year is the last
// one on or before ref if it was at most a month ago, else the next one.
//
// Month spellings that are also common words (مارس "practised", صفر
// "zero", آب "father", رجب and رمضان as names …) are dates only with a day
// or a year next to them, after شهر, with المقبل/الماضي/الجاري, as one
// half of a dual form, after و/أو and another month (تموز وآب), after في،
// خلال، منذ، حتى، قبل، بعد or هذا when no name goes on after them, in a
// range or after a part word (أواخر مارس); the Libyan month names need
// both a day and a year. Weekday spellings that are ordinary words (جمعة،
// خميس، أحد) need يوم before them, a date after them, or a week (أحد
// الأسبوع الماضي). A bare number is a year only after عام/سنة, منذ or
// مواليد, before an era marker, next to a month, or as an end of a range.
//
// Hijri dates are converted with the Umm al-Qura calendar (tabular outside
// 1343–1500 AH); Year, Month and Day then hold the Gregorian first day the
// date covers, whatever its grain, and HijriYear, HijriMonth and HijriDay
// the date as written.
//
// # What is left out
//
// Weeks (هذا الأسبوع، الأسبوع الماضي، الأسبوع المقبل) are ISO 8601 weeks at
// GrainWeek (2021-W45), Monday to Sunday. Not reported: clock times and
// times of day, durations (لمدة 5 سنوات، 20 عاماً، خلال 14 شهرا), lengths
// counted from an event (قبل يومين من الانتخابات), numbers that are scores,
// fractions or references (بنتيجة 2-1، 3/4، رقم 3/2015), and a national day
// whose country is not named. غدا is read as "tomorrow" even where it is
// the verb "became".
//
// With a zero ref (the publication date unknown), the expressions that
// need it are left out; FindDates never reads the clock.
func FindDates(text string, ref time.Time) []Date {
	return defaultExtractor().FindDates(text, ref)
}

// dateLayer is what the dates stage hands on: the dates of the Document
// and the date that covers each token.
type dateLayer struct {
	dates []Date
	tok   []int32 // per token: index into dates, or -1
}

// at returns the index of the date that covers token i, or -1.
func (l *dateLayer) at(i int) int {
	if i < 0 || i >= len(l.tok) {
		return -1
	}
	return int(l.tok[i])
}

// findDates finds the date expressions of t, resolved against ref, in one
// pass over the tokens.
func findDates(t *text, ref time.Time) *dateLayer {
	m := dateMatcher{t: t, ref: refDay(ref)}
	noRef := ref.IsZero()
	l := &dateLayer{tok: make([]int32, len(t.toks))}
	for i := range l.tok {
		l.tok[i] = -1
	}
	for i := 0; i < len(t.toks); {
		if m.startsAt(i, true)&rangeStarts == 0 {
			i++ // no rule starts here: the common case, without a match to build
			continue
		}
		r, ok := m.at(i)
		if !ok {
			i++
			continue
		}
		if r.err == nil && !(r.rel && noRef) {
			for k := r.start; k <= r.end; k++ {
				l.tok[k] = int32(len(l.dates))
			}
			d := m.date(r)
			l.dates = append(l.dates, d)
			m.note(d)
		}
		i = r.end + 1
	}
	return l
}

// refDay returns midnight UTC of ref's calendar day in its own location.
func refDay(ref time.Time) time.Time {
	y, mo, d := ref.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// statedRef returns the publication date a text states at its top: the
// first full date (day, month and year written) on one of its first two
// lines, when that line is a date stamp of at most twelve words or the
// date stands in a dateline, followed within three words by a dash or a
// parenthesis (الرياض 12 نوفمبر 2021 (واس) -). A date in the running text
// of the lead (في 15 مارس 2019 وقعت …) is no publication date.
func statedRef(text string) (time.Time, bool) {
	const headBytes, stampWords, lines = 600, 12, 2
	head := text
	if len(head) > headBytes {
		head = head[:headBytes]
		if i := strings.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i]
		}
	}
	t := prepare(head)
	l := findDates(t, time.Time{})
	line, lineStart := 0, 0
	for i := 0; i < len(t.toks) && line < lines; i++ {
		if t.toks[i].brk {
			line, lineStart = line+1, i
			if line == lines {
				break
			}
		}
		d := l.at(i)
		if d < 0 || l.dates[d].Grain != GrainDay {
			continue
		}
		end := i
		for end+1 < len(t.toks) && l.at(end+1) == d {
			end++
		}
		lineEnd := end + 1
		for lineEnd < len(t.toks) && !t.toks[lineEnd].brk {
			lineEnd++
		}
		dateline := false
		for k := end + 1; k < len(t.toks) && k <= end+3 && !t.toks[k].brk; k++ {
			dateline = dateline || t.toks[k].is(cParen, cDash)
		}
		if lineEnd-lineStart <= stampWords || dateline {
			return l.dates[d].Time(), true
		}
		i = end
	}
	return time.Time{}, false
}
