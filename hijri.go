package arnews

//go:generate go run gen_hijri.go

import (
	"errors"
	"fmt"
	"math/bits"
	"time"
)

// errInvalidHijri is wrapped by every error hijriToGregorian returns, so
// callers can recognise a bad Hijri date with errors.Is.
var errInvalidHijri = errors.New("arnews: invalid Hijri date")

const (
	// hijriMinYear is the smallest Hijri year hijriToGregorian accepts.
	hijriMinYear = 1
	// hijriMaxYear is the largest Hijri year hijriToGregorian accepts.
	hijriMaxYear = 9999

	// tabularEpochJDN is the Julian Day Number of 1 Muharram 1 AH in the
	// arithmetic Islamic calendar with the civil ("Friday") epoch: Friday
	// 16 July 622 Julian, 19 July 622 proleptic Gregorian.
	tabularEpochJDN = 1948440

	// tabularCycleDays is the length of the tabular calendar's 30-year
	// cycle: 19 common years of 354 days and 11 leap years of 355.
	tabularCycleDays = 10631

	// jdnUnixEpoch is the Julian Day Number of 1970-01-01.
	jdnUnixEpoch = 2440588

	// jdnDaySeconds is the number of seconds in a UTC calendar day.
	jdnDaySeconds = 86400
)

// hijriToGregorian returns midnight UTC of the Gregorian day that is day d
// of month m of Hijri year y.
//
// Years 1343–1500 AH (1 August 1924 – 16 November 2077) use the Umm
// al-Qura calendar, the Saudi civil calendar that Arabic news datelines
// follow, from the table in hijri_table.go. Other years, from 1 to 9999 AH,
// use the arithmetic (tabular) Islamic calendar: a 30-year cycle whose
// years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 have 355 days, months
// alternating 30 and 29 days (Dhu al-Hijjah has 30 in leap years), and the
// civil epoch of 1 Muharram 1 AH = Julian Day 1948440. The two calendars
// meet at the table's edges: tabular 1 Muharram 1501 is the day after Umm
// al-Qura 1500 ends, but tabular 29 Dhu al-Hijjah 1342 is the same day as
// Umm al-Qura 1 Muharram 1343 (1924-08-01).
//
// The error wraps errInvalidHijri when y is outside 1–9999, m outside 1–12
// or d outside 1 to the month's length (see hijriMonthLength).
func hijriToGregorian(y, m, d int) (time.Time, error) {
	if y < hijriMinYear || y > hijriMaxYear {
		return time.Time{}, fmt.Errorf("%w: year %d not in %d-%d", errInvalidHijri, y, hijriMinYear, hijriMaxYear)
	}
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("%w: month %d not in 1-12", errInvalidHijri, m)
	}
	if n := hijriMonthLength(y, m); d < 1 || d > n {
		return time.Time{}, fmt.Errorf("%w: day %d not in 1-%d for month %d of %d AH", errInvalidHijri, d, n, m, y)
	}
	var first int
	if inUmmAlQura(y) {
		first = ummAlQuraMonthStart(y, m)
	} else {
		first = tabularMonthStart(y, m)
	}
	return jdnToTime(first + d - 1), nil
}

// hijriMonthLength returns the number of days in month m of Hijri year y:
// from the Umm al-Qura table for 1343–1500 AH (29 or 30, except for a few
// early months the source lists with 28 or 31 days), from the tabular
// calendar otherwise. It returns 0 when y is outside 1–9999 or m outside
// 1–12.
func hijriMonthLength(y, m int) int {
	if y < hijriMinYear || y > hijriMaxYear || m < 1 || m > 12 {
		return 0
	}
	if inUmmAlQura(y) {
		return ummAlQuraMonthLength(y, m)
	}
	return tabularMonthLength(y, m)
}

// gregorianToHijri returns the Hijri date of the calendar day of t, taken in
// t's own location. Days from 1924-08-01 to 2077-11-16 use the Umm al-Qura
// table; other days use the tabular calendar described at hijriToGregorian.
// Days before 1 Muharram 1 AH give a proleptic year of 0 or less; days after
// 9999 AH give years above 9999, which hijriToGregorian rejects.
func gregorianToHijri(t time.Time) (y, m, d int) {
	j := timeToJDN(t)
	if j >= ummAlQuraEpochJDN && j < ummAlQuraEpochJDN+int(ummAlQuraYearStart[len(ummAlQuraYearStart)-1]) {
		off := j - ummAlQuraEpochJDN
		// No year has more than 356 days, so this never overshoots and the
		// loop runs at most a couple of times.
		i := off / 356
		for int(ummAlQuraYearStart[i+1]) <= off {
			i++
		}
		y = ummAlQuraFirstYear + i
		m, d = hijriSplitDayOfYear(off-int(ummAlQuraYearStart[i]), y, ummAlQuraMonthLength)
		return y, m, d
	}

	n := j - tabularEpochJDN
	// Estimate from the mean year length, then correct by at most one year
	// either way.
	y = hijriFloorDiv(30*n, tabularCycleDays) + 1
	for tabularYearStart(y+1) <= j {
		y++
	}
	for tabularYearStart(y) > j {
		y--
	}
	m, d = hijriSplitDayOfYear(j-tabularYearStart(y), y, tabularMonthLength)
	return y, m, d
}

// hijriSplitDayOfYear turns a zero-based day of Hijri year y into a month and a
// one-based day, using monthLen for the month lengths.
func hijriSplitDayOfYear(day, y int, monthLen func(y, m int) int) (m, d int) {
	for m = 1; m < 12; m++ {
		n := monthLen(y, m)
		if day < n {
			break
		}
		day -= n
	}
	return m, day + 1
}

// inUmmAlQura reports whether Hijri year y is covered by the Umm al-Qura
// table.
func inUmmAlQura(y int) bool {
	return y >= ummAlQuraFirstYear && y <= ummAlQuraLastYear
}

// ummAlQuraMonthLength returns the length of month m (1–12) of year y,
// which must be inside the Umm al-Qura table.
func ummAlQuraMonthLength(y, m int) int {
	for _, o := range ummAlQuraIrregular {
		if int(o.year) == y && int(o.month) == m {
			return int(o.days)
		}
	}
	return 29 + int(ummAlQuraMonthBits[y-ummAlQuraFirstYear]>>(m-1)&1)
}

// ummAlQuraMonthStart returns the Julian Day Number of the first day of
// month m (1–12) of year y, which must be inside the Umm al-Qura table.
func ummAlQuraMonthStart(y, m int) int {
	i := y - ummAlQuraFirstYear
	before := ummAlQuraMonthBits[i] & (1<<(m-1) - 1)
	days := int(ummAlQuraYearStart[i]) + 29*(m-1) + bits.OnesCount16(before)
	// Irregular months count 28 or 31 days instead of the 29 or 30 their
	// bit says.
	for _, o := range ummAlQuraIrregular {
		if int(o.year) == y && int(o.month) < m {
			if o.days == 28 {
				days--
			} else {
				days++
			}
		}
	}
	return ummAlQuraEpochJDN + days
}

// tabularIsLeap reports whether tabular Hijri year y has 355 days. The
// remainder test selects years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29
// of each 30-year cycle.
func tabularIsLeap(y int) bool {
	return hijriFloorMod(11*y+14, 30) < 11
}

// tabularYearStart returns the Julian Day Number of 1 Muharram of tabular
// Hijri year y: 354 days per elapsed year plus one per elapsed leap year.
func tabularYearStart(y int) int {
	return tabularEpochJDN + 354*(y-1) + hijriFloorDiv(11*y+3, 30)
}

// tabularMonthStart returns the Julian Day Number of the first day of month
// m (1–12) of tabular Hijri year y. Months before m alternate 30 and 29
// days, so they total ceil(29.5*(m-1)) days.
func tabularMonthStart(y, m int) int {
	return tabularYearStart(y) + (59*(m-1)+1)/2
}

// tabularMonthLength returns the length of month m (1–12) of tabular Hijri
// year y: 30 days for odd months and for Dhu al-Hijjah of a leap year, 29
// otherwise.
func tabularMonthLength(y, m int) int {
	if m%2 == 1 || (m == 12 && tabularIsLeap(y)) {
		return 30
	}
	return 29
}

// jdnToTime returns midnight UTC of the day with Julian Day Number j.
func jdnToTime(j int) time.Time {
	return time.Unix(int64(j-jdnUnixEpoch)*jdnDaySeconds, 0).UTC()
}

// timeToJDN returns the Julian Day Number of the calendar day of t in t's
// own location.
func timeToJDN(t time.Time) int {
	y, m, d := t.Date()
	// Midnight UTC is a whole number of days from the Unix epoch, so the
	// division is exact.
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/jdnDaySeconds) + jdnUnixEpoch
}

// hijriFloorDiv returns a/b rounded towards negative infinity, for b > 0.
func hijriFloorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// hijriFloorMod returns a modulo b in [0, b), for b > 0.
func hijriFloorMod(a, b int) int {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}
