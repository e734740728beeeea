package arnews

import (
	"cmp"
	"fmt"
	"time"
)

// This file holds the calendar arithmetic of the dates stage: the
// Gregorian day of a date in either calendar, and the Date of a year,
// month and day. The Hijri conversion itself is in hijri.go.

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
