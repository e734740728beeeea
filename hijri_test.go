package arnews

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hijriDay is a Hijri calendar date used by the tests.
type hijriDay struct{ y, m, d int }

// hijriTestDate parses a YYYY-MM-DD date as midnight UTC.
func hijriTestDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// TestHijriToGregorianKnown checks published Umm al-Qura dates and a few
// tabular ones.
func TestHijriToGregorianKnown(t *testing.T) {
	tests := []struct {
		h    hijriDay
		want string
	}{
		{hijriDay{1443, 1, 15}, "2021-08-23"}, // 15 محرم 1443
		{hijriDay{1446, 1, 1}, "2024-07-07"},
		{hijriDay{1443, 9, 1}, "2022-04-02"}, // 1 Ramadan 1443
		{hijriDay{1343, 1, 1}, "1924-08-01"}, // first day of the table
		{hijriDay{1500, 12, 1}, "2077-10-18"},
		// Tabular calendar outside the table (see TestHijriTabular).
		{hijriDay{1, 1, 1}, "0622-07-19"},
		{hijriDay{1342, 12, 29}, "1924-08-01"},
		{hijriDay{1501, 1, 1}, "2077-11-17"},
	}
	for _, tc := range tests {
		got, err := hijriToGregorian(tc.h.y, tc.h.m, tc.h.d)
		if err != nil {
			t.Errorf("hijriToGregorian(%v): %v", tc.h, err)
			continue
		}
		if want := hijriTestDate(t, tc.want); !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("hijriToGregorian(%v) = %v, want %v UTC", tc.h, got, want)
		}
	}
}

// TestHijriUmmAlQuraTSV checks every month start of the Umm al-Qura table
// data/umm-al-qura.tsv in both directions.
func TestHijriUmmAlQuraTSV(t *testing.T) {
	path := filepath.Join("data", "umm-al-qura.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "hijri_year") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Fatalf("bad row %q", line)
		}
		y, err1 := strconv.Atoi(fields[0])
		m, err2 := strconv.Atoi(fields[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("bad row %q", line)
		}
		want := hijriTestDate(t, fields[2])
		got, err := hijriToGregorian(y, m, 1)
		if err != nil {
			t.Errorf("hijriToGregorian(%d, %d, 1): %v", y, m, err)
		} else if !got.Equal(want) {
			t.Errorf("hijriToGregorian(%d, %d, 1) = %s, want %s", y, m, got.Format(time.DateOnly), fields[2])
		}
		if gy, gm, gd := gregorianToHijri(want); gy != y || gm != m || gd != 1 {
			t.Errorf("gregorianToHijri(%s) = %d-%d-%d, want %d-%d-1", fields[2], gy, gm, gd, y, m)
		}
		rows++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows != 1896 {
		t.Errorf("read %d rows, want 1896", rows)
	}
	// The table ends the day before 1 Muharram 1501 (2077-11-17).
	last, err := hijriToGregorian(1500, 12, hijriMonthLength(1500, 12))
	if err != nil {
		t.Fatal(err)
	}
	if want := hijriTestDate(t, "2077-11-16"); !last.Equal(want) {
		t.Errorf("last day of 1500 AH = %s, want 2077-11-16", last.Format(time.DateOnly))
	}
}

// checkHijriRoundTrip converts every day of Hijri years lo..hi (every step-th
// day) to Gregorian and back.
func checkHijriRoundTrip(t *testing.T, lo, hi, step int) {
	t.Helper()
	n := 0
	for y := lo; y <= hi; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= hijriMonthLength(y, m); d++ {
				n++
				if n%step != 0 {
					continue
				}
				g, err := hijriToGregorian(y, m, d)
				if err != nil {
					t.Fatalf("hijriToGregorian(%d, %d, %d): %v", y, m, d, err)
				}
				if gy, gm, gd := gregorianToHijri(g); gy != y || gm != m || gd != d {
					t.Fatalf("gregorianToHijri(hijriToGregorian(%d-%d-%d) = %s) = %d-%d-%d",
						y, m, d, g.Format(time.DateOnly), gy, gm, gd)
				}
			}
		}
	}
}

// TestHijriRoundTrip converts Hijri days to Gregorian and back, inside the
// table and in the tabular calendar on either side.
func TestHijriRoundTrip(t *testing.T) {
	// Every day of the Umm al-Qura table, checking that consecutive Hijri
	// days are consecutive Gregorian days.
	prev := hijriTestDate(t, "1924-07-31")
	for y := ummAlQuraFirstYear; y <= ummAlQuraLastYear; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= hijriMonthLength(y, m); d++ {
				g, err := hijriToGregorian(y, m, d)
				if err != nil {
					t.Fatalf("hijriToGregorian(%d, %d, %d): %v", y, m, d, err)
				}
				if want := prev.Add(24 * time.Hour); !g.Equal(want) {
					t.Fatalf("hijriToGregorian(%d, %d, %d) = %s, want %s", y, m, d, g.Format(time.DateOnly), want.Format(time.DateOnly))
				}
				prev = g
				if gy, gm, gd := gregorianToHijri(g); gy != y || gm != m || gd != d {
					t.Fatalf("gregorianToHijri(%s) = %d-%d-%d, want %d-%d-%d", g.Format(time.DateOnly), gy, gm, gd, y, m, d)
				}
			}
		}
	}

	// Tabular years. 1342 is left out: its last day coincides with 1
	// Muharram 1343 of the table (checked in TestHijriTableEdges).
	checkHijriRoundTrip(t, 1, 1341, 97)
	checkHijriRoundTrip(t, 1501, 2000, 1)
	checkHijriRoundTrip(t, 9900, 9999, 7)
}

// TestHijriTableEdges checks gregorianToHijri where the table meets the
// tabular calendar, and before the epoch.
func TestHijriTableEdges(t *testing.T) {
	tests := []struct {
		day  string
		want hijriDay
	}{
		{"1924-07-31", hijriDay{1342, 12, 28}}, // tabular
		{"1924-08-01", hijriDay{1343, 1, 1}},   // table; also tabular 1342-12-29
		{"2077-11-16", hijriDay{1500, 12, 30}}, // last day of the table
		{"2077-11-17", hijriDay{1501, 1, 1}},   // tabular
		{"0622-07-19", hijriDay{1, 1, 1}},
		{"0622-07-18", hijriDay{0, 12, 29}}, // proleptic year 0
	}
	for _, tc := range tests {
		if y, m, d := gregorianToHijri(hijriTestDate(t, tc.day)); (hijriDay{y, m, d}) != tc.want {
			t.Errorf("gregorianToHijri(%s) = %d-%d-%d, want %v", tc.day, y, m, d, tc.want)
		}
	}
	if n := hijriMonthLength(1342, 12); n != 29 {
		t.Errorf("hijriMonthLength(1342, 12) = %d, want 29 (tabular common year)", n)
	}
}

// TestGregorianToHijriLocation checks that the calendar day is taken in the
// time's own location.
func TestGregorianToHijriLocation(t *testing.T) {
	// 00:30 on 2024-07-07 in Riyadh is still 2024-07-06 in UTC; the local
	// calendar day counts.
	riyadh := time.FixedZone("AST", 3*60*60)
	local := time.Date(2024, 7, 7, 0, 30, 0, 0, riyadh)
	if y, m, d := gregorianToHijri(local); y != 1446 || m != 1 || d != 1 {
		t.Errorf("gregorianToHijri(%v) = %d-%d-%d, want 1446-1-1", local, y, m, d)
	}
	if y, m, d := gregorianToHijri(local.UTC()); y != 1445 || m != 12 || d != 30 {
		t.Errorf("gregorianToHijri(%v) = %d-%d-%d, want 1445-12-30", local.UTC(), y, m, d)
	}
}

// TestHijriErrors checks that impossible dates are rejected with an error
// wrapping errInvalidHijri.
func TestHijriErrors(t *testing.T) {
	if n := hijriMonthLength(1446, 1); n != 29 {
		t.Fatalf("hijriMonthLength(1446, 1) = %d, want 29", n)
	}
	tests := []hijriDay{
		{1446, 1, 30},  // Muharram 1446 has 29 days
		{1364, 8, 29},  // a 28-day month in the source table
		{1441, 13, 1},  // month 13
		{1441, 0, 1},   // month 0
		{1441, 1, 0},   // day 0
		{1441, 1, -1},  // negative day
		{1441, 1, 31},  // no month has 31 days here
		{1000, 2, 30},  // tabular even months have 29 days
		{1001, 12, 30}, // tabular 1001 is not a leap year
		{0, 1, 1},      // year 0
		{10000, 1, 1},  // beyond 9999
	}
	for _, h := range tests {
		got, err := hijriToGregorian(h.y, h.m, h.d)
		if err == nil {
			t.Errorf("hijriToGregorian(%v) = %v, want error", h, got)
			continue
		}
		if !errors.Is(err, errInvalidHijri) {
			t.Errorf("hijriToGregorian(%v) error %v does not wrap errInvalidHijri", h, err)
		}
		if !strings.HasPrefix(err.Error(), "arnews: ") {
			t.Errorf("hijriToGregorian(%v) error %q lacks the arnews: prefix", h, err)
		}
	}
	for _, h := range []hijriDay{{1345, 5, 31}, {1003, 12, 30}, {9999, 12, 29}} {
		if _, err := hijriToGregorian(h.y, h.m, h.d); err != nil {
			t.Errorf("hijriToGregorian(%v): %v", h, err)
		}
	}
	for _, ym := range [][2]int{{0, 1}, {10000, 1}, {1441, 0}, {1441, 13}} {
		if n := hijriMonthLength(ym[0], ym[1]); n != 0 {
			t.Errorf("hijriMonthLength(%d, %d) = %d, want 0", ym[0], ym[1], n)
		}
	}
}

// TestHijriTabular checks the arithmetic calendar against an independent
// day-by-day count from the epoch that uses the leap-year list directly.
func TestHijriTabular(t *testing.T) {
	leap := map[int]bool{2: true, 5: true, 7: true, 10: true, 13: true, 16: true, 18: true, 21: true, 24: true, 26: true, 29: true}
	day := hijriTestDate(t, "0622-07-19") // 1 Muharram 1 AH, civil epoch
	if day.Weekday() != time.Friday {
		t.Fatalf("civil epoch %s is a %s, want Friday", day.Format(time.DateOnly), day.Weekday())
	}
	for y := 1; y <= 2000; y++ {
		for m := 1; m <= 12; m++ {
			n := 29
			if m%2 == 1 || (m == 12 && leap[(y-1)%30+1]) {
				n = 30
			}
			if !inUmmAlQura(y) {
				if got := hijriMonthLength(y, m); got != n {
					t.Fatalf("hijriMonthLength(%d, %d) = %d, want %d", y, m, got, n)
				}
				got, err := hijriToGregorian(y, m, 1)
				if err != nil {
					t.Fatalf("hijriToGregorian(%d, %d, 1): %v", y, m, err)
				}
				if !got.Equal(day) {
					t.Fatalf("hijriToGregorian(%d, %d, 1) = %s, want %s", y, m, got.Format(time.DateOnly), day.Format(time.DateOnly))
				}
			}
			day = day.AddDate(0, 0, n)
		}
	}

	// Dates that follow from the definition: year 1 is common (354 days)
	// and a 30-year cycle has 10631 days; 1 Muharram 1000 AH is the
	// commonly cited 19 October 1591.
	known := []struct {
		h    hijriDay
		want string
	}{
		{hijriDay{2, 1, 1}, "0623-07-08"},
		{hijriDay{31, 1, 1}, "0651-08-27"},
		{hijriDay{1000, 1, 1}, "1591-10-19"},
		{hijriDay{2000, 1, 1}, "2562-01-08"},
	}
	for _, tc := range known {
		got, err := hijriToGregorian(tc.h.y, tc.h.m, tc.h.d)
		if err != nil {
			t.Errorf("hijriToGregorian(%v): %v", tc.h, err)
		} else if got.Format(time.DateOnly) != tc.want {
			t.Errorf("hijriToGregorian(%v) = %s, want %s", tc.h, got.Format(time.DateOnly), tc.want)
		}
	}
	epoch := hijriTestDate(t, "0622-07-19")
	if got := epoch.AddDate(0, 0, 10631).Format(time.DateOnly); got != "0651-08-27" {
		t.Errorf("epoch + 10631 days = %s, want 0651-08-27", got)
	}
}
