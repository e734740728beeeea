package arnews

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// monthTestSystems is every defined month system, in declaration order.
var monthTestSystems = []monthSystem{
	monthGregorian, monthSyriac, monthMaghreb, monthMorocco, monthLibya, monthMauritania, monthHijri,
}

// monthTSVSystems maps the system column of month-names.tsv to monthSystem.
var monthTSVSystems = map[string]monthSystem{
	"gregorian-translit": monthGregorian,
	"syriac":             monthSyriac,
	"maghreb-french":     monthMaghreb,
	"maghreb-morocco":    monthMorocco,
	"maghreb-mauritania": monthMauritania,
	"libya":              monthLibya,
	"hijri":              monthHijri,
}

// monthTSVRelabel lists TSV rows whose system column is wrong: the Persian-ی
// "تشرین الأول" is filed as gregorian-translit (it comes from dateparser's
// ar-IQ Gregorian slot) but is the Syriac name of October.
var monthTSVRelabel = map[string]monthSystem{
	"تشرین الأول": monthSyriac,
}

// monthTestFold is a rough stand-in for the dates code's normaliser, used to
// check that spellings that will collide agree: it drops Arabic diacritics
// and tatweel and folds alef, yeh, teh marbuta and Persian letter variants.
func monthTestFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x064B && r <= 0x0652, r == 0x0640:
			continue
		case r == 'أ' || r == 'إ' || r == 'آ':
			r = 'ا'
		case r == 'ى' || r == 'ی':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r == 'ک':
			r = 'ك'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// monthTestWeekday converts the TSV's weekday numbering (1 = Monday …
// 7 = Sunday) to time.Weekday.
func monthTestWeekday(n int) time.Weekday {
	return time.Weekday(n % 7)
}

// monthTestHas reports whether monthWords has spelling in system s with month m.
func monthTestHas(spelling string, s monthSystem, m int) bool {
	for _, w := range monthTable().months {
		if w.spelling == spelling && w.system == s && w.month == m {
			return true
		}
	}
	return false
}

// weekdayTestHas reports whether weekdayWords has spelling for day d.
func weekdayTestHas(spelling string, d time.Weekday) bool {
	for _, w := range monthTable().weekdays {
		if w.spelling == spelling && w.day == d {
			return true
		}
	}
	return false
}

// TestMonthWordsTSVCoverage checks that every spelling of the reference
// list testdata/month-names.tsv is in the tables with the same system and
// number.
func TestMonthWordsTSVCoverage(t *testing.T) {
	path := filepath.Join("testdata", "month-names.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	checked := 0
	sc := bufio.NewScanner(f)
	header := true
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if header {
			header = false
			if len(fields) < 4 || fields[0] != "system" || fields[2] != "month_number" || fields[3] != "spelling" {
				t.Fatalf("%s: unexpected header %q", path, sc.Text())
			}
			continue
		}
		if len(fields) != 5 {
			t.Errorf("%s:%d: %d fields, want 5", path, line, len(fields))
			continue
		}
		sys, spelling := fields[0], fields[3]
		n, err := strconv.Atoi(fields[2])
		if err != nil {
			t.Errorf("%s:%d: bad number %q", path, line, fields[2])
			continue
		}
		switch {
		case strings.HasPrefix(sys, "noise"):
			continue
		case sys == "weekday":
			// "يوم الخميس": the dates code handles the يوم prefix.
			if first, rest, ok := strings.Cut(spelling, " "); ok && monthTestFold(first) == "يوم" {
				spelling = rest
			}
			if d := monthTestWeekday(n); !weekdayTestHas(spelling, d) {
				t.Errorf("%s:%d: weekday %q (%s) missing", path, line, spelling, d)
			}
		case sys == "dual-syriac/gregorian":
			syr, greg, ok := strings.Cut(spelling, "/")
			if !ok {
				t.Errorf("%s:%d: dual form %q without /", path, line, spelling)
				continue
			}
			if !monthTestHas(syr, monthSyriac, n) {
				t.Errorf("%s:%d: Syriac half %q (%d) missing", path, line, syr, n)
			}
			if !monthTestHas(greg, monthGregorian, n) {
				t.Errorf("%s:%d: Gregorian half %q (%d) missing", path, line, greg, n)
			}
		default:
			s, ok := monthTSVSystems[sys]
			if !ok {
				t.Errorf("%s:%d: unknown system %q", path, line, sys)
				continue
			}
			if r, ok := monthTSVRelabel[spelling]; ok {
				s = r
			}
			if !monthTestHas(spelling, s, n) {
				t.Errorf("%s:%d: %q (%s %d) missing", path, line, spelling, s, n)
			}
		}
		checked++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checked < 400 {
		t.Errorf("checked only %d rows", checked)
	}
}

// TestMonthSystemsComplete checks that every system names all 12 months.
func TestMonthSystemsComplete(t *testing.T) {
	for _, s := range monthTestSystems {
		var have [13]bool
		for _, w := range monthTable().months {
			if w.system == s {
				have[w.month] = true
			}
		}
		for m := 1; m <= 12; m++ {
			if !have[m] {
				t.Errorf("system %s has no spelling for month %d", s, m)
			}
		}
	}
}

// TestMonthWordsConsistent checks field ranges and that no spelling, raw
// or folded, maps to two different months of one calendar.
func TestMonthWordsConsistent(t *testing.T) {
	type key struct {
		calendar string
		month    int
	}
	raw := map[string]key{}
	folded := map[string]monthWord{}
	perSystem := map[monthSystem]map[string]bool{}
	for _, w := range monthTable().months {
		if w.system < monthGregorian || w.system > monthHijri {
			t.Errorf("%q: invalid system %d", w.spelling, w.system)
		}
		if w.month < 1 || w.month > 12 {
			t.Errorf("%q: month %d out of range", w.spelling, w.month)
		}
		if w.spelling == "" || w.spelling != strings.TrimSpace(w.spelling) || strings.ContainsAny(w.spelling, "/\t\n") || strings.Contains(w.spelling, "  ") {
			t.Errorf("%q: malformed spelling", w.spelling)
		}
		if w.source == "" {
			t.Errorf("%q: empty source", w.spelling)
		}
		if perSystem[w.system] == nil {
			perSystem[w.system] = map[string]bool{}
		}
		if perSystem[w.system][w.spelling] {
			t.Errorf("%q listed twice in system %s", w.spelling, w.system)
		}
		perSystem[w.system][w.spelling] = true

		k := key{w.system.calendar(), w.month}
		if prev, ok := raw[w.spelling]; ok && prev != k {
			t.Errorf("%q is %v and %v", w.spelling, prev, k)
		}
		raw[w.spelling] = k

		f := monthTestFold(w.spelling)
		if prev, ok := folded[f]; ok {
			if prev.system.calendar() != w.system.calendar() || prev.month != w.month {
				t.Errorf("%q and %q fold together but are %s %d and %s %d",
					prev.spelling, w.spelling, prev.system, prev.month, w.system, w.month)
			}
			if prev.ambiguous != w.ambiguous {
				t.Errorf("%q and %q fold together but disagree on ambiguity", prev.spelling, w.spelling)
			}
		}
		folded[f] = w
	}
	for _, w := range monthTable().weekdays {
		if _, ok := folded[monthTestFold(w.spelling)]; ok {
			t.Errorf("weekday %q is also a month spelling", w.spelling)
		}
	}
}

// TestMonthWordsSpec checks the spellings the arnews specification requires
// by name, and the ambiguity marks it asks for.
func TestMonthWordsSpec(t *testing.T) {
	want := map[monthSystem][]string{
		monthGregorian: {"يناير", "فبراير", "مارس", "أبريل|إبريل|ابريل", "مايو", "يونيو|يونيه",
			"يوليو|يوليه", "أغسطس|اغسطس|آغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
		monthSyriac: {"كانون الثاني|كانون 2|کانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
			"تموز", "آب", "أيلول", "تشرين الأول|تشرين 1|تشرین الأول", "تشرين الثاني|تشرين 2|تشرین الثاني",
			"كانون الأول|كانون 1|کانون الأول"},
		monthMaghreb: {"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
			"أكتوبر", "نوفمبر", "ديسمبر"},
		monthMorocco: {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
			"أكتوبر", "نونبر|نوفنبر", "دجنبر"},
		monthLibya: {"أي النار", "النوار", "الربيع", "الطير", "الماء", "الصيف", "ناصر", "هانيبال",
			"الفاتح", "التمور", "الحرث", "الكانون"},
		monthHijri: {"محرم|محرّم|المحرم", "صفر", "ربيع الأول", "ربيع الآخر|ربيع الثاني",
			"جمادى الأولى|جمادى الأولي|جمادي الأولى", "جمادى الآخرة|جمادى الثانية|جمادى الأخرى",
			"رجب", "شعبان", "رمضان", "شوال|شوّال", "ذو القعدة|ذي القعدة|ذو القعده", "ذو الحجة|ذي الحجة"},
	}
	for s, months := range want {
		for i, alts := range months {
			for _, sp := range strings.Split(alts, "|") {
				if !monthTestHas(sp, s, i+1) {
					t.Errorf("%s month %d: %q missing", s, i+1, sp)
				}
			}
		}
	}
	for _, days := range [][]string{
		{"الأحد"}, {"الاثنين", "الإثنين"}, {"الثلاثاء"}, {"الأربعاء"}, {"الخميس"}, {"الجمعة", "الجمعه"}, {"السبت"},
	} {
		for _, sp := range days {
			found := false
			for _, w := range monthTable().weekdays {
				found = found || w.spelling == sp
			}
			if !found {
				t.Errorf("weekday %q missing", sp)
			}
		}
	}

	ambiguous := map[string]bool{}
	for _, w := range monthTable().months {
		if w.ambiguous {
			ambiguous[w.spelling] = true
		}
	}
	for _, w := range monthTable().weekdays {
		if w.ambiguous {
			ambiguous[w.spelling] = true
		}
	}
	for _, sp := range []string{"صفر", "رجب", "رمضان", "مارس", "ماي", "آب", "شباط", "أحد", "سبت", "جمعة", "خميس",
		"الربيع", "الصيف", "الماء", "الطير", "ناصر", "الحرث", "الفاتح"} {
		if !ambiguous[sp] {
			t.Errorf("%q should be marked ambiguous", sp)
		}
	}
	for _, sp := range []string{"يناير", "كانون الثاني", "ذو الحجة", "الأحد", "الجمعة", "تموز", "أيار"} {
		if ambiguous[sp] {
			t.Errorf("%q should not be marked ambiguous", sp)
		}
	}
}

// TestWeekdayWordsComplete checks that all seven days are named, with valid
// fields and no spelling given two days.
func TestWeekdayWordsComplete(t *testing.T) {
	var have [7]bool
	seen := map[string]time.Weekday{}
	for _, w := range monthTable().weekdays {
		if w.day < time.Sunday || w.day > time.Saturday {
			t.Errorf("%q: invalid day %d", w.spelling, w.day)
			continue
		}
		have[w.day] = true
		if w.spelling == "" || w.spelling != strings.TrimSpace(w.spelling) || w.source == "" {
			t.Errorf("%q: malformed entry", w.spelling)
		}
		if strings.HasPrefix(monthTestFold(w.spelling), "يوم") {
			t.Errorf("%q: يوم forms belong to the dates code", w.spelling)
		}
		f := monthTestFold(w.spelling)
		if d, ok := seen[f]; ok && d != w.day {
			t.Errorf("%q is both %s and %s", w.spelling, d, w.day)
		}
		seen[f] = w.day
	}
	for d, ok := range have {
		if !ok {
			t.Errorf("no spelling for %s", time.Weekday(d))
		}
	}
	if !weekdayTestHas("الأحد", time.Sunday) || !weekdayTestHas("الاثنين", time.Monday) || !weekdayTestHas("السبت", time.Saturday) {
		t.Error("weekday numbering is off: الأحد must be Sunday, الاثنين Monday, السبت Saturday")
	}
}

// TestMonthSystemString checks the names and calendars of the systems.
func TestMonthSystemString(t *testing.T) {
	names := []string{"gregorian", "syriac", "maghreb", "morocco", "libya", "mauritania", "hijri"}
	for i, s := range monthTestSystems {
		if s.String() != names[i] {
			t.Errorf("system %d String() = %q, want %q", s, s.String(), names[i])
		}
		want := "gregorian"
		if s == monthHijri {
			want = "hijri"
		}
		if s.calendar() != want {
			t.Errorf("%s.calendar() = %q, want %q", s, s.calendar(), want)
		}
	}
	if got := monthSystem(0).String(); got != "monthSystem(0)" {
		t.Errorf("monthSystem(0).String() = %q", got)
	}
}

// TestMonthNamesReferenceCopy checks that testdata/month-names.tsv holds
// exactly the rows of the shared reference list that are not noise.
func TestMonthNamesReferenceCopy(t *testing.T) {
	shared := openShared(t, filepath.Join("..", "shared", "data", "month-names.tsv"))
	defer shared.Close()
	var want []string
	sc := bufio.NewScanner(shared)
	for sc.Scan() {
		if l := sc.Text(); !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "noise") {
			want = append(want, l)
		}
	}
	b, err := os.ReadFile(filepath.Join("testdata", "month-names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for l := range strings.SplitSeq(strings.TrimSuffix(string(b), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			got = append(got, l)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("testdata/month-names.tsv differs from the shared list (-want +got):\n%s", diff)
	}
}

// TestMonthsTSVValid checks every row of data/months.tsv: five columns, a
// known system, a number in range, a known flag, and no row dropped by the
// parser.
func TestMonthsTSVValid(t *testing.T) {
	rows := 0
	for _, l := range tableLines(monthsTSV, "system") {
		i, f := l.no-1, l.fields
		rows++
		if len(f) != 5 {
			t.Errorf("data/months.tsv:%d: %d columns, want 5", i+1, len(f))
			continue
		}
		n, err := strconv.Atoi(f[1])
		_, known := monthSystems[f[0]]
		switch {
		case err != nil:
			t.Errorf("data/months.tsv:%d: bad number %q", i+1, f[1])
		case f[0] == "weekday" && (n < 0 || n > 6), known && (n < 1 || n > 12):
			t.Errorf("data/months.tsv:%d: number %d out of range", i+1, n)
		case f[0] != "weekday" && !known:
			t.Errorf("data/months.tsv:%d: unknown system %q", i+1, f[0])
		case f[4] != "" && f[4] != "ambiguous":
			t.Errorf("data/months.tsv:%d: unknown flag %q", i+1, f[4])
		}
	}
	w := monthTable()
	if got := len(w.months) + len(w.weekdays); got != rows {
		t.Errorf("parsed %d rows of %d", got, rows)
	}
}
