package eval

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// d parses a YYYY-MM-DD test date.
func d(t *testing.T, s string) Day {
	t.Helper()
	v, ok := parseDay(s)
	if !ok {
		t.Fatalf("bad test date %q", s)
	}
	return v
}

func TestDay(t *testing.T) {
	if got := dayOf(1970, time.January, 1); got != 0 {
		t.Errorf("1970-01-01 is day %d, want 0", got)
	}
	for _, s := range []string{"0001-01-01", "1391-12-05", "1969-12-31", "2016-02-29", "2100-03-01"} {
		if got := d(t, s).String(); got != s {
			t.Errorf("%s round-trips as %s", s, got)
		}
	}
}

func TestParseValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Value
	}{
		{"2020", Value{First: d(t, "2020-01-01"), Last: d(t, "2020-12-31")}},
		{"2021-02", Value{First: d(t, "2021-02-01"), Last: d(t, "2021-02-28")}},
		{"2020-02", Value{First: d(t, "2020-02-01"), Last: d(t, "2020-02-29")}},
		{"2021-12-31", Value{First: d(t, "2021-12-31"), Last: d(t, "2021-12-31")}},
		{"2021-W45", Value{First: d(t, "2021-11-08"), Last: d(t, "2021-11-14")}},
		{"2015-W53", Value{First: d(t, "2015-12-28"), Last: d(t, "2016-01-03")}},
		{"2015-W01", Value{First: d(t, "2014-12-29"), Last: d(t, "2015-01-04")}},
		{"2021-03-05/2021-03-10", Value{First: d(t, "2021-03-05"), Last: d(t, "2021-03-10"), Range: true, EndFirst: d(t, "2021-03-10")}},
		{"2014/2018", Value{First: d(t, "2014-01-01"), Last: d(t, "2018-12-31"), Range: true, EndFirst: d(t, "2018-01-01")}},
		{"2021-11/2021-W50", Value{First: d(t, "2021-11-01"), Last: d(t, "2021-12-19"), Range: true, EndFirst: d(t, "2021-12-13")}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseValue(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseValueErrors(t *testing.T) {
	for _, in := range []string{"", "21", "2021-13", "2021-00", "2021-02-30", "2021-W53", "2021-W00",
		"2021-11-12T10:00", "2021/", "2021-03-10/2021-03-05", "XXXX-10", "2021-1-5"} {
		if v, err := ParseValue(in); err == nil {
			t.Errorf("ParseValue(%q) = %+v, want an error", in, v)
		}
	}
}

func TestAccepts(t *testing.T) {
	value := func(s string) Value {
		v, err := ParseValue(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name     string
		expected Expected
		value    string
		want     bool
	}{
		{"a day", Expected{d(t, "2016-11-15"), d(t, "2016-11-15")}, "2016-11-15", true},
		{"another day", Expected{d(t, "2016-11-15"), d(t, "2016-11-15")}, "2016-11-14", false},
		{"a day is not its month", Expected{d(t, "2016-11-01"), d(t, "2016-11-01")}, "2016-11", false},
		{"month, exclusive end", Expected{d(t, "2016-11-01"), d(t, "2016-12-01")}, "2016-11", true},
		{"month, inclusive end", Expected{d(t, "2016-11-01"), d(t, "2016-11-30")}, "2016-11", true},
		{"week, exclusive end", Expected{d(t, "2016-11-07"), d(t, "2016-11-14")}, "2016-W45", true},
		{"year, exclusive end", Expected{d(t, "2017-01-01"), d(t, "2018-01-01")}, "2017", true},
		{"day range, inclusive", Expected{d(t, "2016-11-04"), d(t, "2016-11-22")}, "2016-11-04/2016-11-22", true},
		{"day range, exclusive", Expected{d(t, "2016-11-08"), d(t, "2016-11-10")}, "2016-11-08/2016-11-09", true},
		{"from 2014 to 2018: the start of B", Expected{d(t, "2014-01-01"), d(t, "2018-01-01")}, "2014/2018", true},
		{"the start of B needs an interval", Expected{d(t, "2014-01-01"), d(t, "2014-01-01")}, "2014", false},
		{"other start", Expected{d(t, "2016-11-05"), d(t, "2016-11-22")}, "2016-11-04/2016-11-22", false},
		{"end two days off", Expected{d(t, "2016-11-04"), d(t, "2016-11-24")}, "2016-11-04/2016-11-22", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.expected.Accepts(value(tc.value)); got != tc.want {
				t.Errorf("%v accepts %s: %v, want %v", tc.expected, tc.value, got, tc.want)
			}
		})
	}
}

func TestWiden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		expected Expected
		timex    string
		want     Expected
		ok       bool
	}{
		{"early next year", Expected{d(t, "2018-01-01"), d(t, "2018-07-01")}, "2018",
			Expected{d(t, "2018-01-01"), d(t, "2018-12-31")}, true},
		{"late last month", Expected{d(t, "2017-10-16"), d(t, "2017-11-01")}, "2017-10",
			Expected{d(t, "2017-10-01"), d(t, "2017-10-31")}, true},
		{"end of March, unknown year", Expected{d(t, "2018-03-16"), d(t, "2018-04-01")}, "XXXX-03",
			Expected{d(t, "2018-03-01"), d(t, "2018-03-31")}, true},
		{"start of next week", Expected{d(t, "2017-11-13"), d(t, "2017-11-16")}, "2017-W46",
			Expected{d(t, "2017-11-13"), d(t, "2017-11-19")}, true},
		{"already the whole month", Expected{d(t, "2016-09-01"), d(t, "2016-10-01")}, "2016-09", Expected{}, false},
		{"more than one period", Expected{d(t, "2017-11-30"), d(t, "2017-12-05")}, "2017-11", Expected{}, false},
		{"a day Timex", Expected{d(t, "2016-09-12"), d(t, "2016-09-19")}, "XXXX-09-16", Expected{}, false},
		{"a range Timex", Expected{d(t, "2016-11-04"), d(t, "2016-11-22")}, "(2016-11-04,2016-11-22,P18D)", Expected{}, false},
		{"a weekend Timex", Expected{d(t, "2016-11-12"), d(t, "2016-11-14")}, "2016-W45-WE", Expected{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := widen(tc.expected, tc.timex)
			if got != tc.want || ok != tc.ok {
				t.Errorf("widen = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
