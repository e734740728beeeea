package arnews

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// dateRef is the publication date of the seed article, a Friday.
var dateRef = time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)

// checkDateSpans checks the invariants every Date returned for src must
// hold: spans in bounds, on rune boundaries, in order, not overlapping,
// Text == src[Start:End], Value well-formed and Time consistent with
// Year, Month and Day.
func checkDateSpans(tb testing.TB, src string, ds []Date) {
	tb.Helper()
	// Rune boundaries as a range loop decodes them: an ill-formed byte is
	// a rune of its own.
	boundary := make(map[int]bool, len(src)+1)
	for i := range src {
		boundary[i] = true
	}
	boundary[len(src)] = true
	prev := 0
	for i, d := range ds {
		if d.Start < prev || d.End <= d.Start || d.End > len(src) {
			tb.Fatalf("date %d %+v: span out of order or bounds (prev end %d, len %d)", i, d.Span, prev, len(src))
		}
		if !boundary[d.Start] || !boundary[d.End] {
			tb.Fatalf("date %d %+v: span not on rune boundaries", i, d.Span)
		}
		if src[d.Start:d.End] != d.Text {
			tb.Fatalf("date %d: text[%d:%d] = %q, Text = %q", i, d.Start, d.End, src[d.Start:d.End], d.Text)
		}
		checkDateValue(tb, d)
		prev = d.End
	}
}

// checkDateValue checks that Value is ISO 8601 at the grain and that Time
// agrees with Year, Month and Day; for a range, each end, in order.
func checkDateValue(tb testing.TB, d Date) {
	tb.Helper()
	if d.Until != nil {
		first, last := d, *d.Until
		first.Until = nil
		if last.Until != nil || last.Text != "" || last.Span != (Span{}) {
			tb.Fatalf("%q: the end of a range has a text, a span or an end: %+v", d.Text, last)
		}
		checkDateValue(tb, first)
		checkDateValue(tb, last)
		if last.Time().Before(first.Time()) || d.Value() != first.Value()+"/"+last.Value() {
			tb.Fatalf("%q: range %s ends before it starts", d.Text, d.Value())
		}
		return
	}
	if d.Grain == GrainWeek {
		// A week starts on a Monday and is written YYYY-Www.
		tm := d.Time()
		y, w := tm.ISOWeek()
		if tm.Weekday() != time.Monday || d.Value() != fmt.Sprintf("%04d-W%02d", y, w) || d.Calendar != Gregorian {
			tb.Fatalf("%q: week %q starting %v", d.Text, d.Value(), tm)
		}
		return
	}
	layout := map[Grain]string{GrainDay: "2006-01-02", GrainMonth: "2006-01", GrainYear: "2006"}[d.Grain]
	if layout == "" {
		tb.Fatalf("%q: bad grain %v", d.Text, d.Grain)
	}
	v, err := time.Parse(layout, d.Value())
	if err != nil {
		tb.Fatalf("%q: Value %q: %v", d.Text, d.Value(), err)
	}
	tm := d.Time()
	if tm.Year() != d.Year || d.Month != 0 && int(tm.Month()) != d.Month || d.Day != 0 && tm.Day() != d.Day {
		tb.Fatalf("%q: Time %v disagrees with %d-%d-%d", d.Text, tm, d.Year, d.Month, d.Day)
	}
	if d.Calendar == Gregorian && !v.Equal(tm) {
		tb.Fatalf("%q: Value %q is not Time %v", d.Text, d.Value(), tm)
	}
	if d.Calendar == Hijri {
		h, err := hijriToGregorian(d.HijriYear, max(d.HijriMonth, 1), max(d.HijriDay, 1))
		if err != nil || !h.Equal(tm) {
			tb.Fatalf("%q: Hijri %s is %v, Time is %v (%v)", d.Text, d.hijriValue(), h, tm, err)
		}
	}
}

// dateCase is one expression and what it must give.
type dateCase struct {
	in    string
	value string // Value()
	grain Grain
	hijri string // hijriValue() when written in the Hijri calendar
	ref   time.Time
}

// parseCases are read by ParseDate, and by FindDates inside a sentence.
var parseCases = []dateCase{
	// The article.
	{in: "الجمعة", value: "2021-11-12", grain: GrainDay},
	{in: "عام 2020", value: "2020", grain: GrainYear},
	{in: "هذا العام", value: "2021", grain: GrainYear},
	{in: "أغسطس/آب", value: "2021-08", grain: GrainMonth},
	{in: "31 ديسمبر/كانون الأول", value: "2021-12-31", grain: GrainDay},
	// Dual forms, either order, spaces, parentheses.
	{in: "آب/أغسطس", value: "2021-08", grain: GrainMonth},
	{in: "شباط / فبراير 2020", value: "2020-02", grain: GrainMonth},
	{in: "14كانون الثاني/ يناير", value: "2022-01-14", grain: GrainDay},
	{in: "يناير (كانون الثاني)", value: "2022-01", grain: GrainMonth},
	{in: "2 سبتمبر/أيلول", value: "2021-09-02", grain: GrainDay},
	{in: "31 ديسمبر/كانون الأول 2021", value: "2021-12-31", grain: GrainDay},
	{in: "12 نوفمبر/تشرين الثاني 2021", value: "2021-11-12", grain: GrainDay},
	{in: "كانون ثاني/يناير", value: "2022-01", grain: GrainMonth},
	{in: "تشرين أول/أكتوبر 2019", value: "2019-10", grain: GrainMonth},
	{in: "آذار/مارس 2020", value: "2020-03", grain: GrainMonth},
	{in: "نيسان/أبريل", value: "2022-04", grain: GrainMonth},
	{in: "أيار/مايو", value: "2021-05", grain: GrainMonth},
	{in: "تموز/يوليو 2014", value: "2014-07", grain: GrainMonth},
	{in: "مارس - آذار 2003", value: "2003-03", grain: GrainMonth},
	{in: "أغسطس آب 2021", value: "2021-08", grain: GrainMonth},
	// Day and year shapes.
	{in: "31 ديسمبر", value: "2021-12-31", grain: GrainDay},
	{in: "الـ 29 من شباط / فبراير 2020", value: "2020-02-29", grain: GrainDay},
	{in: "29 من شهر شباط", value: "2020-02-29", grain: GrainDay, ref: time.Date(2020, 1, 10, 0, 0, 0, 0, time.UTC)},
	{in: "الأول من أيار", value: "2022-05-01", grain: GrainDay},
	{in: "الحادي والثلاثين من ديسمبر", value: "2021-12-31", grain: GrainDay},
	{in: "العاشر من شهر رمضان", value: "2022-04-11", grain: GrainDay, hijri: "1443-09-10"},
	{in: "1 أيار", value: "2022-05-01", grain: GrainDay},
	{in: "٣١ ديسمبر ٢٠٢١", value: "2021-12-31", grain: GrainDay},
	{in: "۳۱ ديسمبر 2021", value: "2021-12-31", grain: GrainDay},
	{in: "3١ ديسمبر ٢0٢1", value: "2021-12-31", grain: GrainDay},
	{in: "31/12/2021", value: "2021-12-31", grain: GrainDay},
	{in: "11/10/2023", value: "2023-10-11", grain: GrainDay},
	{in: "٣١/١٢/٢٠٢١", value: "2021-12-31", grain: GrainDay},
	{in: "2021-12-31", value: "2021-12-31", grain: GrainDay},
	{in: "2021/1/5", value: "2021-01-05", grain: GrainDay},
	{in: "31-12-2021", value: "2021-12-31", grain: GrainDay},
	{in: "31.12.2021", value: "2021-12-31", grain: GrainDay},
	{in: "15/1/1443هـ", value: "2021-08-23", grain: GrainDay, hijri: "1443-01-15"},
	{in: "العام 2020", value: "2020", grain: GrainYear},
	{in: "سنة 2020", value: "2020", grain: GrainYear},
	{in: "السنة 2019", value: "2019", grain: GrainYear},
	{in: "2020م", value: "2020", grain: GrainYear},
	{in: "2020 ميلادية", value: "2020", grain: GrainYear},
	{in: "1443هـ", value: "2021", grain: GrainYear, hijri: "1443"},
	{in: "1443 للهجرة", value: "2021", grain: GrainYear, hijri: "1443"},
	{in: "عام 1442 هجرية", value: "2020", grain: GrainYear, hijri: "1442"},
	{in: "مايو 2021", value: "2021-05", grain: GrainMonth},
	{in: "ماي 2021", value: "2021-05", grain: GrainMonth},
	{in: "مارس من العام 2022", value: "2022-03", grain: GrainMonth},
	{in: "5 يونيو من عام 1967", value: "1967-06-05", grain: GrainDay},
	{in: "يوليو 2021م", value: "2021-07", grain: GrainMonth},
	{in: "شهر يناير", value: "2022-01", grain: GrainMonth},
	{in: "شهر رمضان", value: "2022-04", grain: GrainMonth, hijri: "1443-09"},
	{in: "يوم 12 مايو", value: "2022-05-12", grain: GrainDay},
	// Hijri.
	{in: "15 محرم 1443 هـ", value: "2021-08-23", grain: GrainDay, hijri: "1443-01-15"},
	{in: "1 محرم 1446 هـ", value: "2024-07-07", grain: GrainDay, hijri: "1446-01-01"},
	{in: "3 ربيع الأول 1443هـ", value: "2021-10-09", grain: GrainDay, hijri: "1443-03-03"},
	{in: "1 رمضان 1443", value: "2022-04-02", grain: GrainDay, hijri: "1443-09-01"},
	{in: "ذو الحجة 1442", value: "2021-07", grain: GrainMonth, hijri: "1442-12"},
	{in: "10 ذي الحجة", value: "2021-07-20", grain: GrainDay, hijri: "1442-12-10"},
	{in: "جمادى الآخرة 1443 هـ", value: "2022-01", grain: GrainMonth, hijri: "1443-06"},
	{in: "ربيع الثاني", value: "2021-11", grain: GrainMonth, hijri: "1443-04"},
	{in: "1 شوال 1442 للهجرة", value: "2021-05-13", grain: GrainDay, hijri: "1442-10-01"},
	// Weekdays: ref is a Friday.
	{in: "الخميس", value: "2021-11-11", grain: GrainDay},
	{in: "يوم الجمعة", value: "2021-11-12", grain: GrainDay},
	{in: "الجمعه", value: "2021-11-12", grain: GrainDay},
	{in: "الإثنين", value: "2021-11-08", grain: GrainDay},
	{in: "الاثنين", value: "2021-11-08", grain: GrainDay},
	{in: "السبت", value: "2021-11-06", grain: GrainDay},
	{in: "يوم جمعة", value: "2021-11-12", grain: GrainDay},
	{in: "الأحد المقبل", value: "2021-11-14", grain: GrainDay},
	{in: "الجمعة المقبلة", value: "2021-11-19", grain: GrainDay},
	{in: "الجمعة القادمة", value: "2021-11-19", grain: GrainDay},
	{in: "الجمعة الماضية", value: "2021-11-05", grain: GrainDay},
	{in: "الأربعاء الماضي", value: "2021-11-10", grain: GrainDay},
	{in: "الجمعة 12 نوفمبر 2021", value: "2021-11-12", grain: GrainDay},
	{in: "الجمعة، 12 نوفمبر 2021", value: "2021-11-12", grain: GrainDay},
	{in: "الجمعة 12/11/2021", value: "2021-11-12", grain: GrainDay},
	{in: "الحادي عشر من سبتمبر", value: "2021-09-11", grain: GrainDay},
	{in: "الأول من الشهر المقبل", value: "2021-12-01", grain: GrainDay},
	{in: "يوم الاثنين الموافق 23 أغسطس 2021", value: "2021-08-23", grain: GrainDay},
	{in: "الإثنين 15 محرم 1443 هـ", value: "2021-08-23", grain: GrainDay, hijri: "1443-01-15"},
	// Relative words.
	{in: "اليوم", value: "2021-11-12", grain: GrainDay},
	{in: "أمس", value: "2021-11-11", grain: GrainDay},
	{in: "امس", value: "2021-11-11", grain: GrainDay},
	{in: "الأمس", value: "2021-11-11", grain: GrainDay},
	{in: "البارحة", value: "2021-11-11", grain: GrainDay},
	{in: "أول أمس", value: "2021-11-10", grain: GrainDay},
	{in: "أول من أمس", value: "2021-11-10", grain: GrainDay},
	{in: "غدا", value: "2021-11-13", grain: GrainDay},
	{in: "غداً", value: "2021-11-13", grain: GrainDay},
	{in: "بعد غد", value: "2021-11-14", grain: GrainDay},
	{in: "هذا الشهر", value: "2021-11", grain: GrainMonth},
	{in: "الشهر الماضي", value: "2021-10", grain: GrainMonth},
	{in: "الشهر المقبل", value: "2021-12", grain: GrainMonth},
	{in: "الشهر الجاري", value: "2021-11", grain: GrainMonth},
	{in: "العام الماضي", value: "2020", grain: GrainYear},
	{in: "العام المقبل", value: "2022", grain: GrainYear},
	{in: "العام القادم", value: "2022", grain: GrainYear},
	{in: "العام الجاري", value: "2021", grain: GrainYear},
	{in: "السنة الماضية", value: "2020", grain: GrainYear},
	{in: "هذه السنة", value: "2021", grain: GrainYear},
	{in: "شباط المقبل", value: "2022-02", grain: GrainMonth},
	{in: "نوفمبر المقبل", value: "2022-11", grain: GrainMonth},
	{in: "أغسطس الماضي", value: "2021-08", grain: GrainMonth},
	{in: "26 فبراير الجاري", value: "2022-02-26", grain: GrainDay, ref: time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)},
	{in: "12 نوفمبر الماضي", value: "2020-11-12", grain: GrainDay, ref: time.Date(2021, 11, 10, 0, 0, 0, 0, time.UTC)},
	{in: "26 من الشهر الجاري", value: "2021-11-26", grain: GrainDay},
	// Parts of a period are ranges (issue 13), منتصف a day.
	{in: "مطلع العام المقبل", value: "2022-01/2022-06", grain: GrainMonth},
	{in: "مطلع 2020", value: "2020-01/2020-06", grain: GrainMonth},
	{in: "أواخر مارس الماضي", value: "2021-03-21/2021-03-31", grain: GrainDay},
	{in: "منتصف الشهر الماضي", value: "2021-10-15", grain: GrainDay},
	{in: "أوائل يناير 2020", value: "2020-01-01/2020-01-10", grain: GrainDay},
	// Nearest-year rule: ref 2021-11-12.
	{in: "يناير", value: "2022-01", grain: GrainMonth},
	{in: "مايو", value: "2021-05", grain: GrainMonth},
	{in: "يونيو", value: "2021-06", grain: GrainMonth},
	{in: "1 يونيو", value: "2021-06-01", grain: GrainDay},
	{in: "30 أبريل", value: "2022-04-30", grain: GrainDay},
	{in: "29 فبراير", value: "2020-02-29", grain: GrainDay},
	{in: "1 يناير", value: "2021-01-01", grain: GrainDay, ref: time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)},
	// Other systems.
	{in: "5 جانفي 2020", value: "2020-01-05", grain: GrainDay},
	{in: "جويلية 2019", value: "2019-07", grain: GrainMonth},
	{in: "20 غشت 2021", value: "2021-08-20", grain: GrainDay},
	{in: "دجنبر 2020", value: "2020-12", grain: GrainMonth},
	{in: "تشرین الثاني 2020", value: "2020-11", grain: GrainMonth},
	{in: "کانون 2 2020", value: "2020-01", grain: GrainMonth},
	{in: "1 الفاتح 1999", value: "1999-09-01", grain: GrainDay},
}

func (c dateCase) refOr() time.Time {
	if c.ref.IsZero() {
		return dateRef
	}
	return c.ref
}

func checkCase(t *testing.T, c dateCase, d Date) {
	t.Helper()
	if d.Value() != c.value || d.Grain != c.grain {
		t.Errorf("%q: got %s (%v), want %s (%v)", c.in, d.Value(), d.Grain, c.value, c.grain)
	}
	wantCal := Gregorian
	if c.hijri != "" {
		wantCal = Hijri
	}
	if d.Calendar != wantCal || c.hijri != "" && d.hijriValue() != c.hijri {
		t.Errorf("%q: calendar %v hijri %q, want %v %q", c.in, d.Calendar, d.hijriValue(), wantCal, c.hijri)
	}
}

func TestParseDateTable(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.in, func(t *testing.T) {
			in := "  " + c.in + " "
			d, err := ParseDate(in, c.refOr())
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, c, d)
			if d.Text != strings.TrimSpace(in) {
				t.Errorf("Text = %q, want %q", d.Text, strings.TrimSpace(in))
			}
			checkDateSpans(t, in, []Date{d})
		})
	}
}

// TestFindDatesInSentence finds each case inside a sentence, after a
// clitic-free preposition and before a comma.
func TestFindDatesInSentence(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.in, func(t *testing.T) {
			src := "قال المتحدث إن الاجتماع عقد في " + c.in + "، وفق البيان."
			ds := FindDates(src, c.refOr())
			checkDateSpans(t, src, ds)
			if len(ds) != 1 {
				t.Fatalf("got %d dates %v, want 1", len(ds), ds)
			}
			checkCase(t, c, ds[0])
			if ds[0].Text != c.in {
				t.Errorf("Text = %q, want %q", ds[0].Text, c.in)
			}
		})
	}
}

// TestParseDateMonthWords reads every month spelling with a day and a
// year, and alone when it is not an ordinary word.
func TestParseDateMonthWords(t *testing.T) {
	// A spelling shared by systems is an ordinary word only if every
	// system says so.
	amb := map[string]bool{}
	for _, mw := range monthTable().months {
		k := Normalize(mw.spelling)
		a := mw.ambiguous || mw.system == monthLibya
		if old, ok := amb[k]; ok {
			a = a && old
		}
		amb[k] = a
	}
	for _, mw := range monthTable().months {
		name := fmt.Sprintf("%s/%d/%s", mw.system, mw.month, mw.spelling)
		t.Run(name, func(t *testing.T) {
			year, wantCal := 2020, Gregorian
			if mw.system == monthHijri {
				year, wantCal = 1441, Hijri
			}
			in := fmt.Sprintf("12 %s %d", mw.spelling, year)
			d, err := ParseDate(in, dateRef)
			if err != nil {
				t.Fatalf("%q: %v", in, err)
			}
			if d.Calendar != wantCal || d.Grain != GrainDay {
				t.Fatalf("%q: %v %v", in, d.Calendar, d.Grain)
			}
			if wantCal == Hijri && (d.HijriYear != year || d.HijriMonth != mw.month || d.HijriDay != 12) ||
				wantCal == Gregorian && (d.Year != year || d.Month != mw.month || d.Day != 12) {
				t.Fatalf("%q: got %+v", in, d)
			}
			// Through a clitic, in a sentence.
			src := "وصل الوفد و" + in + " إلى بيروت"
			ds := FindDates(src, dateRef)
			checkDateSpans(t, src, ds)
			if len(ds) != 1 || ds[0].Text != in {
				t.Fatalf("%q: got %v", src, ds)
			}
			alone, err := ParseDate(mw.spelling, dateRef)
			if amb[Normalize(mw.spelling)] {
				if !errors.Is(err, ErrNoDate) {
					t.Fatalf("%q alone: got %v, %v; want ErrNoDate", mw.spelling, alone, err)
				}
				return
			}
			if err != nil || alone.Grain != GrainMonth {
				t.Fatalf("%q alone: %v %v", mw.spelling, alone, err)
			}
			if wantCal == Hijri && alone.HijriMonth != mw.month || wantCal == Gregorian && alone.Month != mw.month {
				t.Fatalf("%q alone: got %+v", mw.spelling, alone)
			}
		})
	}
}

// TestParseDateWeekdayWords reads every weekday spelling after يوم.
func TestParseDateWeekdayWords(t *testing.T) {
	for _, ww := range monthTable().weekdays {
		t.Run(ww.spelling, func(t *testing.T) {
			d, err := ParseDate("يوم "+ww.spelling, dateRef)
			if err != nil {
				t.Fatal(err)
			}
			tm := d.Time()
			if tm.Weekday() != ww.day || tm.After(dateRef) || dateRef.Sub(tm) >= 7*24*time.Hour {
				t.Fatalf("got %v (%v)", tm, tm.Weekday())
			}
			_, err = ParseDate(ww.spelling, dateRef)
			if ww.ambiguous != (err != nil) {
				t.Fatalf("alone: err %v, ambiguous %v", err, ww.ambiguous)
			}
		})
	}
}

// TestWeekdayTense resolves a lone weekday by the tense of its clause.
func TestWeekdayTense(t *testing.T) {
	tests := []struct {
		src, text, want string
	}{
		{"التقى الوزير نظيره الأحد في الرياض.", "الأحد", "2021-11-07"},
		{"سيزور الوزير الرياض الأحد.", "الأحد", "2021-11-14"},
		{"وسوف يلتقي الرئيسان يوم الأربعاء.", "يوم الأربعاء", "2021-11-17"},
		{"ستعقد القمة الجمعة في الدوحة.", "الجمعة", "2021-11-12"},
		{"قال الوزير الثلاثاء إن المحادثات ستستمر.", "الثلاثاء", "2021-11-09"},
		{"وقال الأحد، إن الوفد سيصل.", "الأحد", "2021-11-07"},
		{"أعلنت السياسة الجديدة الخميس.", "الخميس", "2021-11-11"},
		{"تبدأ المحادثات الاثنين المقبل.", "الاثنين المقبل", "2021-11-15"},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			ds := FindDates(tc.src, dateRef)
			checkDateSpans(t, tc.src, ds)
			if len(ds) != 1 || ds[0].Text != tc.text || ds[0].Value() != tc.want {
				t.Fatalf("got %v, want %q %s", ds, tc.text, tc.want)
			}
		})
	}
}

// TestFindDatesTexts checks spans and values in running text, clitics
// included.
func TestFindDatesTexts(t *testing.T) {
	type want struct{ text, value string }
	tests := []struct {
		src  string
		want []want
	}{
		{"وفي 12 مايو 2020 أعلن الاتفاق.", []want{{"12 مايو 2020", "2020-05-12"}}},
		{"وصل بالأمس إلى عمان، وغادر وأمس الأول.", []want{{"الأمس", "2021-11-11"}, {"أمس الأول", "2021-11-10"}}},
		{"وأمس وقع الطرفان.", []want{{"أمس", "2021-11-11"}}},
		{"وقعت الاتفاقية في ١٥ محرم ١٤٤٣ هـ الموافق 23 أغسطس 2021.", []want{{"١٥ محرم ١٤٤٣ هـ", "2021-08-23"}, {"23 أغسطس 2021", "2021-08-23"}}},
		{"بين يوليو/تموز وأغسطس/آب", []want{{"بين يوليو/تموز وأغسطس/آب", "2021-07/2021-08"}}},
		{"في 12 نوفمبر/تشرين الثاني 2021 وقع", []want{{"12 نوفمبر/تشرين الثاني 2021", "2021-11-12"}}},
		{"منذ عام 2020 و2021", []want{{"عام 2020", "2020"}}},
		{"للعام 2020", []want{{"عام 2020", "2020"}}},
		{"اليوم الجمعة", []want{{"اليوم الجمعة", "2021-11-12"}}},
		{"اليوم الخميس", []want{{"اليوم", "2021-11-12"}, {"الخميس", "2021-11-11"}}},
		{"وقعت أمس الخميس مذكرة", []want{{"أمس الخميس", "2021-11-11"}}},
		{"خلال تموز وآب وفي مايو أو ماي", []want{{"تموز", "2021-07"}, {"آب", "2021-08"}, {"مايو", "2021-05"}, {"ماي", "2021-05"}}},
		{"أقرت في نيسان/أبريل من العام الماضي", []want{{"نيسان/أبريل من العام الماضي", "2020-04"}}},
		{"في نونبر أو دجنبر من السنة الجارية", []want{{"نونبر", "2021-11"}, {"دجنبر من السنة الجارية", "2021-12"}}},
		{"ودخل حيز التنفيذ في فاتح يوليوز 2021", []want{{"فاتح يوليوز 2021", "2021-07-01"}}},
		{"اجتمعوا هذا الأسبوع ثم الأسبوع الماضي والأسبوع المقبل", []want{{"هذا الأسبوع", "2021-W45"}, {"الأسبوع الماضي", "2021-W44"}, {"الأسبوع المقبل", "2021-W46"}}},
		{"خلال الاسبوع الجاري", []want{{"الاسبوع الجاري", "2021-W45"}}},
		{"على أن يبدأ تطبيقها في غرة رمضان 1443 هـ.", []want{{"غرة رمضان 1443 هـ", "2022-04-02"}}},
		{"أشار إلى رمضان من هذا العام", []want{{"رمضان من هذا العام", "2022-04"}}},
		{"اجتمعوا اليوم في الدوحة", []want{{"اليوم", "2021-11-12"}}},
		{"في اليوم التالي", nil},
		{"أغسطس/أيلول", nil},
		{"31 فبراير 2021", nil},
		{"الخميس 12 نوفمبر 2021", []want{{"12 نوفمبر 2021", "2021-11-12"}}},
		{"وذلك في مطلع العام المقبل", []want{{"مطلع العام المقبل", "2022-01/2022-06"}}},
		{"حتى 31 ديسمبر\n2021 سنة", []want{{"31 ديسمبر", "2021-12-31"}}},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			ds := FindDates(tc.src, dateRef)
			checkDateSpans(t, tc.src, ds)
			var got []want
			for _, d := range ds {
				got = append(got, want{d.Text, d.Value()})
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFindDatesFalseFriends lists words and phrases that are no dates.
func TestFindDatesFalseFriends(t *testing.T) {
	for _, src := range []string{
		"20 عاماً",
		"خلال 20 عاما من الحكم",
		"الساعة 10",
		"في الساعة 10:30 صباحا",
		"تواصل مع الحركة",
		"لعب في مارسيليا",
		"جزيرة مايوركا",
		"الشعر التموزي والأدب تموزي",
		"الآباء والأبناء",
		"مارس الضغط على الحكومة",
		"آب إلى بيته",
		"مات الأب",
		"فاز بنتيجة صفر",
		"قال رجب طيب أردوغان",
		"رمضان قديروف",
		"الربيع العربي",
		"نيسان وتويوتا",
		"زار شباط المدينة",
		"في 2020",
		"قتل 15 شخصا",
		"الأمين العام للأمم المتحدة",
		"قال الأمين العام الحالي للأمم المتحدة",
		"والمدير العام السابق",
		"في اليوم العالمي للمرأة",
		"الأسبوع الأول من الشهر",
		"جمعة مبارك",
		"اشترى 3/4 الأسهم",
		"الرقم 1/2/2020/5",
		"المسافة 100 م",
		"السيارة الجديدة الأحد",
	} {
		t.Run(src, func(t *testing.T) {
			ds := FindDates(src, dateRef)
			checkDateSpans(t, src, ds)
			if strings.Contains(src, "الأحد") {
				// السيارة is not a future verb: the weekday is read, alone.
				if len(ds) != 1 || ds[0].Text != "الأحد" || ds[0].Value() != "2021-11-07" {
					t.Fatalf("got %v", ds)
				}
				return
			}
			if len(ds) != 0 {
				t.Fatalf("got %v, want none", ds)
			}
		})
	}
}

// TestFindDatesArticle checks that the seed article gives exactly its five
// dates.
func TestFindDatesArticle(t *testing.T) {
	src := readArticle(t)
	ds := FindDates(src, dateRef)
	checkDateSpans(t, src, ds)
	want := []struct {
		text, value string
		grain       Grain
	}{
		{"الجمعة", "2021-11-12", GrainDay},
		{"عام 2020", "2020", GrainYear},
		{"هذا العام", "2021", GrainYear},
		{"أغسطس/آب", "2021-08", GrainMonth},
		{"31 ديسمبر/كانون الأول", "2021-12-31", GrainDay},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d dates %v, want %d", len(ds), ds, len(want))
	}
	for i, w := range want {
		if d := ds[i]; d.Text != w.text || d.Value() != w.value || d.Grain != w.grain || d.Calendar != Gregorian {
			t.Errorf("date %d: got %q %s %v, want %q %s %v", i, d.Text, d.Value(), d.Grain, w.text, w.value, w.grain)
		}
	}
	// Extract fills Document.Dates with the same dates.
	doc := Extract(src, WithRef(dateRef))
	if fmt.Sprint(doc.Dates) != fmt.Sprint(ds) {
		t.Errorf("Extract dates %v, FindDates %v", doc.Dates, ds)
	}
}

// TestParseDateErrors checks each sentinel and the offset.
func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in     string
		err    error
		offset int
	}{
		{"", ErrNoDate, 0},
		{"   ", ErrNoDate, 3},
		{"مرحبا", ErrNoDate, 0},
		{" آب", ErrNoDate, 1},
		{"20 عاماً", ErrNoDate, 0},
		{"31 فبراير 2021", ErrInvalidDate, 0},
		{"29 فبراير 2021", ErrInvalidDate, 0},
		{"30 صفر 1443 هـ", ErrInvalidDate, 0},
		{"31/4/2021", ErrInvalidDate, 0},
		{"أغسطس/أيلول", ErrMonthMismatch, len("أغسطس/")},
		{"12 يناير (شباط) 2020", ErrMonthMismatch, len("12 يناير (")},
		{"الخميس 12 نوفمبر 2021", ErrWeekdayMismatch, 0},
		{"12 مايو 2021 صباحا", ErrExtraText, len("12 مايو 2021 ")},
		{"وأمس", ErrExtraText, 0},
		{"في 12 مايو", ErrNoDate, 0},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseDate(tc.in, dateRef)
			var de *DateError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *DateError", err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("got %v, want %v", err, tc.err)
			}
			if de.Offset != tc.offset || de.Input != tc.in {
				t.Errorf("offset %d input %q, want %d %q", de.Offset, de.Input, tc.offset, tc.in)
			}
			if !strings.HasPrefix(err.Error(), "arnews: ") || !strings.Contains(err.Error(), fmt.Sprintf("at byte %d", tc.offset)) {
				t.Errorf("message %q", err.Error())
			}
		})
	}
}

// TestDateJSON checks the JSON shape of a Gregorian and a Hijri date.
func TestDateJSON(t *testing.T) {
	for in, want := range map[string]string{
		"31 ديسمبر 2021":  `{"text":"31 ديسمبر 2021","start":0,"end":%d,"value":"2021-12-31","grain":"day","calendar":"gregorian"}`,
		"15 محرم 1443 هـ": `{"text":"15 محرم 1443 هـ","start":0,"end":%d,"value":"2021-08-23","grain":"day","calendar":"hijri","hijri":"1443-01-15"}`,
	} {
		d, err := ParseDate(in, dateRef)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(d)
		want = fmt.Sprintf(want, len(in))
		if err != nil || string(b) != want {
			t.Errorf("%q: got %s %v, want %s", in, b, err, want)
		}
	}
}

// TestParseDateRefLocation checks that only ref's calendar day counts.
func TestParseDateRefLocation(t *testing.T) {
	loc := time.FixedZone("UTC+3", 3*3600)
	ref := time.Date(2021, 11, 12, 1, 30, 0, 0, loc) // 2021-11-11 22:30 UTC
	d, err := ParseDate("اليوم", ref)
	if err != nil || d.Value() != "2021-11-12" {
		t.Fatalf("got %v %v", d.Value(), err)
	}
}

// fuzzSeeds are the article's sentences and the table inputs.
func fuzzSeeds(tb testing.TB) []string {
	seeds := articleSentences(tb)
	for _, c := range parseCases {
		seeds = append(seeds, c.in)
	}
	for _, c := range ruleCases {
		seeds = append(seeds, c.src)
	}
	return append(seeds, "أغسطس/أيلول", "31 فبراير 2021", "الخميس 12 نوفمبر 2021", "1/2/2020/5", "ـ", "12 ربيع")
}

func FuzzParseDate(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s, dateRef)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(s) || !strings.HasPrefix(err.Error(), "arnews:") {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		checkDateSpans(t, s, []Date{d})
		// Only spaces, or what normalization deletes (tatweel, marks,
		// invisible characters), may stand around the date.
		if strings.TrimSpace(Normalize(s[:d.Start])) != "" || strings.TrimSpace(Normalize(s[d.End:])) != "" {
			t.Fatalf("text around the date: %q … %q", s[:d.Start], s[d.End:])
		}
	})
}

func FuzzFindDates(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDateSpans(t, s, FindDates(s, dateRef))
	})
}

// benchText returns about n bytes of varied news sentences: the article,
// the test inputs in sentences, and sentences without dates.
func benchText(tb testing.TB, n int) string {
	var parts []string
	parts = append(parts, readArticle(tb))
	for _, c := range parseCases {
		parts = append(parts, "قال المتحدث إن الاجتماع عقد في "+c.in+"، وفق البيان الرسمي.")
	}
	parts = append(parts,
		"وتعزز الخطوة الجديدة أواصر العلاقات بين البلدين في مجالات الطاقة والاستثمار والتعليم.",
		"وأشار الوزير إلى أن الحكومة ستواصل العمل مع الشركاء الدوليين لضمان الاستقرار في المنطقة.",
		"يوم الخميس 15 محرم 1443 هـ الموافق 23 أغسطس 2021 أعلنت المحكمة العليا بدء العام الهجري.",
		"ويتردد الكثير من البلدان في مسألة الاعتراف رسميًا بالحكومة الجديدة.",
	)
	return joinTo(parts, n)
}

func BenchmarkFindDates(b *testing.B) {
	for _, bc := range []struct {
		name string
		src  string
	}{
		{"article", readArticle(b)},
		{"1MB", benchText(b, 1<<20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			for b.Loop() {
				FindDates(bc.src, dateRef)
			}
		})
		// The matcher alone, on text prepared once.
		b.Run(bc.name+"/prepared", func(b *testing.B) {
			t := prepare(bc.src)
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			for b.Loop() {
				findDates(t, dateRef)
			}
		})
	}
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{
		"31 ديسمبر/كانون الأول 2021", "15 محرم 1443 هـ", "الجمعة", "عام 2020", "هذا العام",
		"أغسطس/آب", "الـ 29 من شباط / فبراير 2020", "31/12/2021", "أول أمس", "مطلع العام المقبل",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			if _, err := ParseDate(s, dateRef); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// hostileDateUnits are repeated to build inputs that keep the date rules
// busy: chains of numbers, of ranges, of number words, of lengths of time.
var hostileDateUnits = []string{
	"1 2 3 4 5 6 7 8 9 10 11 12 ",
	"12/11/2021-12/11/2021 ",
	"من 1 إلى 2 من 3 إلى ",
	"بين 5 و6 و7 و8 مارس و",
	"من مارس حتى من مايو حتى ",
	"ألف وتسعمائة وثمانية وسبعين و",
	"قبل 3 أيام و4 أسابيع و5 أشهر و",
	"الأسبوع الأول من الأسبوع الأول من ",
	"أواخر أواخر مطلع منتصف ",
	"الجمعة 15 الجمعة الأسبوع المقبل ",
	"عيد الفطر عيد الأضحى 2013 ",
	"الأيام الثلاثة الأيام الثلاثة المقبلة ",
}

// TestFindDatesHostileLinear checks that FindDates takes linear time on
// the hostile date inputs: 8× the input may take at most 3 × 8× as long
// (the best of three runs, at least a millisecond), measured again up to
// three times before failing, as the machine may be shared.
func TestFindDatesHostileLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing test")
	}
	const n, factor, margin = 16 << 10, 8, 3
	best := func(s string) time.Duration {
		d := time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			ds := FindDates(s, dateRef)
			d = min(d, time.Since(start))
			checkDateSpans(t, s, ds)
		}
		return max(d, time.Millisecond)
	}
	for _, unit := range hostileDateUnits {
		t.Run(unit, func(t *testing.T) {
			small, large := repeatTo(unit, n), repeatTo(unit, factor*n)
			var t1, t8 time.Duration
			for range 3 {
				if t1, t8 = best(small), best(large); t8 <= factor*margin*t1 {
					return
				}
			}
			t.Errorf("super-linear: %v for %d bytes, %v for %d", t1, len(small), t8, len(large))
		})
	}
}
