package eval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Day is a calendar day counted from 1970-01-01 (day 0), negative before.
type Day int

// dayOf returns the Day of a Gregorian date; the date must be valid.
func dayOf(y int, m time.Month, d int) Day {
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns midnight UTC of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String returns d as YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format(time.DateOnly) }

// Value is a date value read as whole days: First and Last are its first
// and last day, both included. For an ISO interval A/B, Range is true and
// EndFirst is the first day of B.
type Value struct {
	First, Last Day
	Range       bool
	EndFirst    Day
}

// ParseValue reads an ISO 8601 value at a grain, as Date.Value writes it:
// 2020, 2021-08, 2021-12-31, 2021-W45, or an interval of two of them
// 2021-03-05/2021-03-10 whose ends are inclusive at their grain (2020/2021
// is 2020-01-01 to 2021-12-31).
func ParseValue(s string) (Value, error) {
	a, b, isRange := strings.Cut(s, "/")
	first, err := parseGrain(a)
	if err != nil {
		return Value{}, err
	}
	if !isRange {
		return Value{First: first.First, Last: first.Last}, nil
	}
	last, err := parseGrain(b)
	if err != nil {
		return Value{}, err
	}
	if last.Last < first.First {
		return Value{}, fmt.Errorf("arnews: value %q: interval ends before it starts", s)
	}
	return Value{First: first.First, Last: last.Last, Range: true, EndFirst: last.First}, nil
}

// Grain values: YYYY, YYYY-MM, YYYY-MM-DD and YYYY-Www.
var (
	yearRE  = regexp.MustCompile(`^(\d{4})$`)
	monthRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	dayRE   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	weekRE  = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)
)

// parseGrain reads one value at its grain as the days it covers.
func parseGrain(s string) (Value, error) {
	bad := fmt.Errorf("arnews: value %q: want YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www", s)
	if m := yearRE.FindStringSubmatch(s); m != nil {
		y := atoi(m[1])
		return Value{First: dayOf(y, 1, 1), Last: dayOf(y+1, 1, 1) - 1}, nil
	}
	if m := monthRE.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if mo < 1 || mo > 12 {
			return Value{}, bad
		}
		return monthOf(y, time.Month(mo)), nil
	}
	if m := dayRE.FindStringSubmatch(s); m != nil {
		d, ok := parseDay(s)
		if !ok {
			return Value{}, bad
		}
		return Value{First: d, Last: d}, nil
	}
	if m := weekRE.FindStringSubmatch(s); m != nil {
		mon, ok := isoWeekMonday(atoi(m[1]), atoi(m[2]))
		if !ok {
			return Value{}, bad
		}
		return Value{First: mon, Last: mon + 6}, nil
	}
	return Value{}, bad
}

// monthOf returns the days of a month.
func monthOf(y int, m time.Month) Value {
	first := dayOf(y, m, 1)
	return Value{First: first, Last: dayOf(y, m+1, 1) - 1}
}

// parseDay reads a valid YYYY-MM-DD.
func parseDay(s string) (Day, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	return dayOf(t.Year(), t.Month(), t.Day()), true
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) (Day, bool) {
	jan4 := dayOf(y, 1, 4)
	week1 := jan4 - Day((int(jan4.Time().Weekday())+6)%7)
	mon := week1 + Day(7*(w-1))
	if yy, ww := mon.Time().ISOWeek(); w < 1 || yy != y || ww != w {
		return 0, false
	}
	return mon, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s) // callers pass digits only
	return n
}

// Expected is one value a Recognizers result accepts, as days: Start is
// its first day; End is its last day or the day after it, or, for a
// "from A to B" range, the first day of B (see Accepts).
type Expected struct {
	Start, End Day
}

// Accepts reports whether the predicted value v is this value. The first
// days must be equal. Recognizers writes the end of a range in three ways,
// which its data does not tell apart: inclusive (2016-11-13 for the rest of
// a week ending on Sunday), exclusive (2016-12-01 for the month 2016-11)
// and, for a range "from A to B", the first day of B (2018-01-01 for من
// 2014 إلى 2018). So End may be v's last day or the day after it, or, when
// v is an interval A/B, the first day of B. A one-day expected value
// (Start == End) thus accepts exactly that day.
func (e Expected) Accepts(v Value) bool {
	if v.First != e.Start {
		return false
	}
	return e.End == v.Last || e.End == v.Last+1 || (v.Range && e.End == v.EndFirst)
}

// String returns the expected days as start..end.
func (e Expected) String() string {
	if e.Start == e.End {
		return e.Start.String()
	}
	return e.Start.String() + ".." + e.End.String()
}

// Timex periods that widen a part of them: a year, a month, an ISO week,
// with X for the unknown digits of a relative expression.
var (
	timexYearRE  = regexp.MustCompile(`^(\d{4}|XXXX)$`)
	timexMonthRE = regexp.MustCompile(`^(\d{4}|XXXX)-(\d{2})$`)
	timexWeekRE  = regexp.MustCompile(`^(\d{4}|XXXX)-W(\d{2}|XX)$`)
)

// widen returns the whole period that the Timex timex names when e lies
// within one such period (the year, month or ISO week of e.Start): the
// value of مطلع العام المقبل (Timex 2018, 2018-01-01..2018-07-01) widens to
// 2018. ok is false when timex is not such a period, when e spans more than
// one of them, or when e already is the whole period.
func widen(e Expected, timex string) (Expected, bool) {
	var unit Value
	t := e.Start.Time()
	switch {
	case timexYearRE.MatchString(timex):
		unit = Value{First: dayOf(t.Year(), 1, 1), Last: dayOf(t.Year()+1, 1, 1) - 1}
	case timexMonthRE.MatchString(timex):
		unit = monthOf(t.Year(), t.Month())
	case timexWeekRE.MatchString(timex):
		mon := e.Start - Day((int(t.Weekday())+6)%7)
		unit = Value{First: mon, Last: mon + 6}
	default:
		return Expected{}, false
	}
	if e.End > unit.Last+1 {
		return Expected{}, false // more than one period
	}
	if e.Start == unit.First && (e.End == unit.Last || e.End == unit.Last+1) {
		return Expected{}, false // already the whole period
	}
	return Expected{Start: unit.First, End: unit.Last}, true
}
