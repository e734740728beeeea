package arnews_test

import (
	"fmt"
	"time"

	"github.com/arnews/arnews"
)

func ExampleParseDate() {
	ref := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"31 ديسمبر/كانون الأول 2021", "15 محرم 1443 هـ", "أغسطس/أيلول"} {
		d, err := arnews.ParseDate(s, ref)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Value(), d.Grain, d.Calendar, d.HijriYear, d.HijriMonth, d.HijriDay)
	}
	// Output:
	// 2021-12-31 day gregorian 0 0 0
	// 2021-08-23 day hijri 1443 1 15
	// arnews: date "أغسطس/أيلول": at byte 11: halves of a dual month form disagree: month 8 and month 9
}

func ExampleFindDates() {
	ref := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	text := "أبرمت قطر اتفاقا، الجمعة، يبدأ تطبيقه في 31 ديسمبر/كانون الأول، بعد تقدم في أغسطس/آب."
	for _, d := range arnews.FindDates(text, ref) {
		fmt.Printf("%d:%d %q %s %s\n", d.Start, d.End, d.Text, d.Value(), d.Grain)
	}
	// Output:
	// 33:45 "الجمعة" 2021-11-12 day
	// 75:112 "31 ديسمبر/كانون الأول" 2021-12-31 day
	// 136:151 "أغسطس/آب" 2021-08 month
}

// A range is one Date: its own fields are the first date, Until the last.
func ExampleFindDates_range() {
	ref := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	text := "تعقد الدورة من 5 إلى 10 مارس 2022، وتصدر نتائجها أواخر الشهر نفسه، قبل عيد الفطر المقبل."
	for _, d := range arnews.FindDates(text, ref) {
		fmt.Printf("%q %s %s", d.Text, d.Value(), d.Grain)
		if d.Until != nil {
			fmt.Printf(" until %s", d.Until.Value())
		}
		fmt.Println()
	}
	// Output:
	// "من 5 إلى 10 مارس 2022" 2022-03-05/2022-03-10 day until 2022-03-10
	// "أواخر الشهر نفسه" 2022-03-21/2022-03-31 day until 2022-03-31
	// "عيد الفطر المقبل" 2022-05-02 day
}
