package arnews

import (
	"encoding/json"
	"fmt"
	"time"
)

// Grain is the precision of a [Date]: the unit its value is known to.
type Grain uint8

// The grains, from the finest.
const (
	GrainDay Grain = iota
	GrainMonth
	GrainYear
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
	// the grain does not reach them. A Hijri date is converted.
	Year, Month, Day int
	Grain            Grain
	Calendar         Calendar
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

// findDates finds the date expressions of t, resolved against ref.
// TODO(dates issue): not written yet; returns no dates.
func findDates(t *text, ref time.Time) []Date { return nil }
