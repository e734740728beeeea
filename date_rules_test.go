package arnews

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// ruleCase is a sentence of our own with one date expression that a named
// rule reads: its text and value (ref is dateRef, a Friday, unless set).
// ctx says the expression is a date, or has its value, by its context in
// the sentence (a cue before it, the date told before it), so that
// ParseDate, which reads it alone, does not give it.
type ruleCase struct {
	rule        ruleID
	src         string
	text, value string
	ref         time.Time
	ctx         bool
}

// ruleCases are the table tests of the rules, by rule.
var ruleCases = []ruleCase{
	// rangeDate
	{rule: rRange, src: "تعقد الدورة من 5 إلى 10 مارس المقبل.", text: "من 5 إلى 10 مارس المقبل", value: "2022-03-05/2022-03-10"},
	{rule: rRange, src: "يزور الوفد القاهرة بين 5 و10 ديسمبر", text: "بين 5 و10 ديسمبر", value: "2021-12-05/2021-12-10"},
	{rule: rRange, src: "جرت المفاوضات من مارس حتى مايو 2020", text: "من مارس حتى مايو 2020", value: "2020-03/2020-05"},
	{rule: rRange, src: "تولى المنصب ما بين عامي 2001 و2021", text: "بين عامي 2001 و2021", value: "2001/2021"},
	{rule: rRange, src: "خلال الفترة من 3 يناير إلى 15 فبراير 2022 تجري الانتخابات", text: "من 3 يناير إلى 15 فبراير 2022", value: "2022-01-03/2022-02-15"},
	{rule: rRange, src: "يعقد المؤتمر 19-20 نوفمبر في الرياض", text: "19-20 نوفمبر", value: "2021-11-19/2021-11-20"},
	{rule: rRange, src: "تغطي الخطة الفترة 2014-2018.", text: "2014-2018", value: "2014/2018"},
	{rule: rRange, src: "يستمر المهرجان يوليو 13-15", text: "يوليو 13-15", value: "2021-07-13/2021-07-15"},
	{rule: rRange, src: "أغلق المعبر من 28 إلى 3 مارس 2022", text: "من 28 إلى 3 مارس 2022", value: "2022-02-28/2022-03-03"},
	{rule: rRange, src: "وتمتد الهدنة من الجمعة 12 حتى الأحد 14", text: "من الجمعة 12 حتى الأحد 14", value: "2021-11-12/2021-11-14"},
	// coordinatedDay
	{rule: rCoordinated, src: "تجري الجولة في الـ17 و18 من الشهر الجاري", text: "الـ17", value: "2021-11-17", ctx: true},
	{rule: rCoordinated, src: "توقفت الرحلات في 29 رمضان و1 شوال 1444", text: "29 رمضان", value: "2023-04-20", ctx: true},
	// holidayDate
	{rule: rHoliday, src: "صادف عيد الأضحى 2013 يوم الثلاثاء", text: "عيد الأضحى 2013", value: "2013-10-15"},
	{rule: rHoliday, src: "يعود الوفد بعد عيد الفطر المقبل", text: "عيد الفطر المقبل", value: "2022-05-02"},
	{rule: rHoliday, src: "تغلق الأسواق في عيد الميلاد", text: "عيد الميلاد", value: "2021-12-25"},
	{rule: rHoliday, src: "حل عيد الفصح 2024 مبكرا", text: "عيد الفصح 2024", value: "2024-03-31"},
	{rule: rHoliday, src: "واحتفل الأرمن بعيد الفصح الأرثوذكسي 2024", text: "عيد الفصح الأرثوذكسي 2024", value: "2024-05-05"},
	{rule: rHoliday, src: "تستعد المدن لاحتفالات اليوم الوطني السعودي", text: "اليوم الوطني السعودي", value: "2022-09-23"},
	{rule: rHoliday, src: "تحرى المصلون ليلة القدر 1443 هـ", text: "ليلة القدر 1443 هـ", value: "2022-04-28"},
	{rule: rHoliday, src: "سافر إلى أهله في عيد الشكر 2010", text: "عيد الشكر 2010", value: "2010-11-25"},
	{rule: rHoliday, src: "خرجت الأسر إلى الحدائق في شم النسيم 2023", text: "شم النسيم 2023", value: "2023-04-17"},
	{rule: rHoliday, src: "أقيمت الاحتفالات بالمولد النبوي", text: "المولد النبوي", value: "2021-10-18"},
	{rule: rHoliday, src: "أحيا الفلسطينيون يوم الأرض", text: "يوم الأرض", value: "2022-03-30"},
	{rule: rHoliday, src: "تعطل الدوائر يوم عيد الاستقلال الأردني", text: "يوم عيد الاستقلال الأردني", value: "2022-05-25"},
	// partOf
	{rule: rPart, src: "وصلت الشحنة أواخر مارس 2021", text: "أواخر مارس 2021", value: "2021-03-21/2021-03-31"},
	{rule: rPart, src: "تبدأ المحادثات منتصف يناير", text: "منتصف يناير", value: "2022-01-15"},
	{rule: rPart, src: "ينتهي العمل بالقرار نهاية العام", text: "نهاية العام", value: "2021-07/2021-12"},
	{rule: rPart, src: "تصدر النتائج أواسط الشهر المقبل", text: "أواسط الشهر المقبل", value: "2021-12-11/2021-12-20"},
	{rule: rPart, src: "يصل الوزير مطلع الأسبوع المقبل", text: "مطلع الأسبوع المقبل", value: "2021-11-15/2021-11-17"},
	{rule: rPart, src: "يعتكف المصلون في العشر الأواخر من رمضان", text: "العشر الأواخر من رمضان", value: "2022-04-22/2022-05-01"},
	{rule: rPart, src: "ترتفع الحرارة منتصف الصيف", text: "منتصف الصيف", value: "2021-07"},
	{rule: rPart, src: "تنتهي الأعمال قبل نهاية- يناير 2022", text: "نهاية- يناير 2022", value: "2022-01-21/2022-01-31"},
	{rule: rPart, src: "بدأت الأعمال في 3 مارس 2020 وتنتهي أواخر الشهر نفسه", text: "أواخر الشهر نفسه", value: "2020-03-21/2020-03-31", ctx: true},
	{rule: rRelative, src: "انتخب في مايو 2019 واستقال في الشهر ذاته", text: "الشهر ذاته", value: "2019-05", ctx: true},
	// halfOrQuarter
	{rule: rHalfQuarter, src: "نما الاقتصاد في النصف الأول من 2021", text: "النصف الأول من 2021", value: "2021-01/2021-06"},
	{rule: rHalfQuarter, src: "تراجعت الأرباح في الربع الثالث من العام الجاري", text: "الربع الثالث من العام الجاري", value: "2021-07/2021-09"},
	{rule: rHalfQuarter, src: "ويتوقع انتعاشا في الربع الأخير.", text: "الربع الأخير", value: "2021-10/2021-12"},
	{rule: rHalfQuarter, src: "تحسنت الصادرات 2016 الربع الثالث", text: "2016 الربع الثالث", value: "2016-07/2016-09"},
	{rule: rHalfQuarter, src: "هطلت الأمطار في النصف الثاني من فبراير 2024", text: "النصف الثاني من فبراير 2024", value: "2024-02-16/2024-02-29"},
	// weekOf
	{rule: rWeekOf, src: "تبدأ الحملة الأسبوع الأول من أكتوبر 2021", text: "الأسبوع الأول من أكتوبر 2021", value: "2021-W40"},
	{rule: rWeekOf, src: "أغلقت المدارس الأسبوع الأخير من يوليو 2016", text: "الأسبوع الأخير من يوليو 2016", value: "2016-W30"},
	{rule: rWeekOf, src: "سجلت الإصابات في الأسبوع الأول من عام 2015", text: "الأسبوع الأول من عام 2015", value: "2015-W01"},
	{rule: rWeekOf, src: "جرى التصويت أسبوع 16 سبتمبر 2021", text: "أسبوع 16 سبتمبر 2021", value: "2021-W37"},
	{rule: rWeekOf, src: "وقعت الحادثة آخر أسبوع في سبتمبر لعام 2014", text: "آخر أسبوع في سبتمبر لعام 2014", value: "2014-W39"},
	// nthWeekday
	{rule: rNthWeekday, src: "تجتمع اللجنة أول ثلاثاء من أكتوبر 2021", text: "أول ثلاثاء من أكتوبر 2021", value: "2021-10-05"},
	{rule: rNthWeekday, src: "ينعقد المجلس آخر اثنين من مارس 2022", text: "آخر اثنين من مارس 2022", value: "2022-03-28"},
	{rule: rNthWeekday, src: "تقام الصلاة الجمعة الثانية من ديسمبر", text: "الجمعة الثانية من ديسمبر", value: "2021-12-10"},
	// weekdayOfWeek
	{rule: rWeekdayOfWeek, src: "يصل الوفد الجمعة من الأسبوع المقبل", text: "الجمعة من الأسبوع المقبل", value: "2021-11-19"},
	{rule: rWeekdayOfWeek, src: "اندلع الحريق ثلاثاء الأسبوع الماضي", text: "ثلاثاء الأسبوع الماضي", value: "2021-11-02"},
	{rule: rWeekdayOfWeek, src: "تعقد الجلسة الأسبوع المقبل يوم الأحد", text: "الأسبوع المقبل يوم الأحد", value: "2021-11-21"},
	{rule: rWeekdayOfWeek, src: "تجري الزيارة الأسبوع المقبل بين الأربعاء والجمعة", text: "الأسبوع المقبل بين الأربعاء والجمعة", value: "2021-11-17/2021-11-19"},
	{rule: rWeekdayOfWeek, src: "وصل هذا الاثنين إلى عمان", text: "هذا الاثنين", value: "2021-11-08"},
	// weekday: a day without its month
	{rule: rWeekday, src: "تفتتح المعرض الخميس 18، بحضور الوزير", text: "الخميس 18", value: "2021-11-18"},
	{rule: rWeekday, src: "وقعت المعركة السبت السادس عشر", text: "السبت السادس عشر", value: "2021-10-16"},
	{rule: rWeekday, src: "تقام المباراة الأحد الثاني", text: "الأحد الثاني", value: "2021-11-14"},
	{rule: rWeekday, src: "أعلنت النتائج الثلاثاء في 9", text: "الثلاثاء في 9", value: "2021-11-09"},
	// dayOfMonth
	{rule: rDayOfMonth, src: "وصل الفريق في اليوم الثالث من أكتوبر", text: "اليوم الثالث من أكتوبر", value: "2021-10-03"},
	{rule: rDayOfMonth, src: "تنتهي المهلة آخر يوم من فبراير 2024", text: "آخر يوم من فبراير 2024", value: "2024-02-29"},
	{rule: rDayOfMonth, src: "أعلن الصيام ثالث يوم من شهر رمضان", text: "ثالث يوم من شهر رمضان", value: "2022-04-04"},
	// dayDate
	{rule: rDayDate, src: "تعقد القمة في الثالث عشر من يناير", text: "الثالث عشر من يناير", value: "2022-01-13"},
	{rule: rDayDate, src: "افتتح الجسر الثالثة عشرة من يناير", text: "الثالثة عشرة من يناير", value: "2022-01-13"},
	{rule: rDayDate, src: "جرت الانتخابات واحد وعشرين مايو", text: "واحد وعشرين مايو", value: "2021-05-21"},
	{rule: rDayDate, src: "يعود السفير 2. أكتوبر", text: "2. أكتوبر", value: "2021-10-02"},
	{rule: rDayDate, src: "ويغلق الباب 28-نوفمبر", text: "28-نوفمبر", value: "2021-11-28"},
	{rule: rDayDate, src: "صدر العدد 16. نوفمبر. 2016", text: "16. نوفمبر. 2016", value: "2016-11-16"},
	{rule: rDayDate, src: "تنطلق الدورة 23 من هذا الشهر", text: "23 من هذا الشهر", value: "2021-11-23"},
	{rule: rDayDate, src: "وقعت الهدنة في 27 من الشهر الثامن", text: "27 من الشهر الثامن", value: "2021-08-27"},
	{rule: rDayDate, src: "تنطلق القمة في 18 الجاري بالرياض", text: "18 الجاري", value: "2021-11-18"},
	// monthDate
	{rule: rMonthDate, src: "عاد المبعوث مايو الحادي عشر", text: "مايو الحادي عشر", value: "2022-05-11"},
	{rule: rMonthDate, src: "تسري الضريبة يناير-1", text: "يناير-1", value: "2022-01-01"},
	{rule: rMonthDate, src: "وصل الفوج أكتوبر/ 2", text: "أكتوبر/ 2", value: "2021-10-02"},
	{rule: rMonthDate, src: "ولد في سبتمبر الحادي والعشرين من ألف وتسعمائة وثمانية وسبعين", text: "سبتمبر الحادي والعشرين من ألف وتسعمائة وثمانية وسبعين", value: "1978-09-21"},
	{rule: rMonthDate, src: "تصرف المنحة في شهر 3", text: "شهر 3", value: "2022-03"},
	{rule: rMonthDate, src: "صام الناس رمضان 2019 في الحر", text: "رمضان 2019", value: "2019-05"},
	{rule: rMonthDate, src: "أغلق المصنع في أيار, 2001", text: "أيار, 2001", value: "2001-05"},
	{rule: rMonthDate, src: "يبدأ التطبيق في مارس.", text: "مارس", value: "2022-03", ctx: true},
	// numeric
	{rule: rNumeric, src: "انتهت المهلة في 22/4", text: "22/4", value: "2022-04-22"},
	{rule: rNumeric, src: "صدرت النسخة 3/2015", text: "3/2015", value: "2015-03"},
	{rule: rNumeric, src: "صدرت النسخة 2015.3", text: "2015.3", value: "2015-03"},
	{rule: rNumeric, src: "حرر المحضر 16/04/21", text: "16/04/21", value: "2021-04-16"},
	{rule: rNumeric, src: "وقع العقد 01/22/2016", text: "01/22/2016", value: "2016-01-22"},
	{rule: rNumeric, src: "تنتهي الإجازة في 3/4", text: "3/4", value: "2022-04-03", ctx: true},
	{rule: rNumeric, src: "آخر تحديث 11/12/2021", text: "11/12/2021", value: "2021-11-12"},
	{rule: rNumeric, src: "وأعلن الوزير الثلاثاء أن العقد وقع في 11/9/2021", text: "11/9/2021", value: "2021-11-09", ref: time.Date(2021, 11, 20, 0, 0, 0, 0, time.UTC), ctx: true},
	// yearDate
	{rule: rYearDate, src: "يحكم الحزب منذ 2007 دون انقطاع", text: "2007", value: "2007", ctx: true},
	{rule: rYearDate, src: "اللاعب من مواليد 1990", text: "1990", value: "1990", ctx: true},
	{rule: rYearDate, src: "أقر الدستور عام ألفين وعشرين", text: "عام ألفين وعشرين", value: "2020"},
	{rule: rYearDate, src: "اللاعب من مواليد ألفين", text: "ألفين", value: "2000", ctx: true},
	// decade
	{rule: rDecade, src: "هاجر أبوه في السبعينيات", text: "السبعينيات", value: "1970/1979"},
	{rule: rDecade, src: "بني السد في ثمانينيات القرن الماضي", text: "ثمانينيات القرن الماضي", value: "1980/1989"},
	// season
	{rule: rSeason, src: "اشتدت موجة الحر صيف 2016", text: "صيف 2016", value: "2016-06/2016-08"},
	{rule: rSeason, src: "يخشى المزارعون الشتاء المقبل", text: "الشتاء المقبل", value: "2021-12/2022-02"},
	{rule: rSeason, src: "تفتحت الأزهار هذا الربيع", text: "هذا الربيع", value: "2021-03/2021-05"},
	// countedDate
	{rule: rCounted, src: "وصل الوفد قبل يومين", text: "قبل يومين", value: "2021-11-10"},
	{rule: rCounted, src: "انقطعت الكهرباء منذ 3 أيام", text: "منذ 3 أيام", value: "2021-11-09"},
	{rule: rCounted, src: "أعلن الحزب ترشيحه قبل أسبوع", text: "قبل أسبوع", value: "2021-W44"},
	{rule: rCounted, src: "استقال الوزير قبل شهرين", text: "قبل شهرين", value: "2021-09"},
	{rule: rCounted, src: "أغلق المصنع منذ عامين", text: "منذ عامين", value: "2019"},
	{rule: rCounted, src: "اندلعت الأزمة قبل ثلاث سنوات", text: "قبل ثلاث سنوات", value: "2018"},
	{rule: rCounted, src: "سيعود الرئيس بعد أسبوعين", text: "بعد أسبوعين", value: "2021-W47"},
	{rule: rCounted, src: "يبدأ التنفيذ بعد 10 أيام من الآن", text: "بعد 10 أيام من الآن", value: "2021-11-22"},
	{rule: rCounted, src: "تنتهي الولاية 1 شهر و 21 يوما من الآن", text: "1 شهر و 21 يوما من الآن", value: "2022-01-02"},
	{rule: rCounted, src: "بدأت الحرب قبل عقدين", text: "قبل عقدين", value: "2000/2009"},
	// nextUnits
	{rule: rNextUnits, src: "تستمر الأمطار الأيام الثلاثة المقبلة", text: "الأيام الثلاثة المقبلة", value: "2021-11-13/2021-11-15"},
	{rule: rNextUnits, src: "تراجعت الأسعار في الأسابيع القليلة الماضية", text: "الأسابيع القليلة الماضية", value: "2021-W42/2021-W44"},
	{rule: rNextUnits, src: "يصل الوفد خلال اليومين المقبلين", text: "اليومين المقبلين", value: "2021-11-13/2021-11-14"},
	{rule: rNextUnits, src: "تضاعفت الأسعار آخر 3 سنوات", text: "آخر 3 سنوات", value: "2018/2020"},
	{rule: rNextUnits, src: "تغير المشهد في العقدين الماضيين", text: "العقدين الماضيين", value: "2000/2019"},
	{rule: rNextUnits, src: "تكتمل المرحلة خلال الأشهر الستة المقبلة", text: "الأشهر الستة المقبلة", value: "2021-12/2022-05"},
	// restOf
	{rule: rRest, src: "تعلق الدراسة بقية العام", text: "بقية العام", value: "2021-11-12/2021-12-31"},
	{rule: rRest, src: "تغلق الطرق باقي الأسبوع", text: "باقي الأسبوع", value: "2021-11-12/2021-11-14"},
	// relative
	{rule: rRelative, src: "نلتقي بكرة في المكتب", text: "بكرة", value: "2021-11-13"},
	{rule: rRelative, src: "يبدأ الإضراب يوم غد", text: "يوم غد", value: "2021-11-13"},
	{rule: rRelative, src: "وصل قبل أمس", text: "قبل أمس", value: "2021-11-10"},
	{rule: rRelative, src: "تؤجل الجلسة إلى الأسبوع بعد القادم", text: "الأسبوع بعد القادم", value: "2021-W47"},
	{rule: rRelative, src: "تبدأ الأعمال الشهر التالي", text: "الشهر التالي", value: "2021-12"},
	{rule: rRelative, src: "كان النمو أبطأ في السنة السابقة", text: "السنة السابقة", value: "2020"},
	{rule: rRelative, src: "نلتقي الأسبوع الجاي", text: "الأسبوع الجاي", value: "2021-W46"},
	{rule: rRelative, src: "وصل الوفد في 3 مارس 2020، وفي اليوم التالي وقع الاتفاق", text: "اليوم التالي", value: "2020-03-04", ctx: true},
	{rule: rRelative, src: "اجتمعوا في 5 مايو 2019 ووقعوا في نفس اليوم", text: "نفس اليوم", value: "2019-05-05", ctx: true},
	{rule: rRelative, src: "اجتمعوا في 5 مايو 2019 ووقعوا اليوم ذاته", text: "اليوم ذاته", value: "2019-05-05", ctx: true},
	{rule: rRelative, src: "لن ننسى ما حدث في هذا اليوم", text: "هذا اليوم", value: "2021-11-12"},
	{rule: rRelative, src: "انتخب عام 2019 واستقال في العام التالي", text: "العام التالي", value: "2020", ctx: true},
	{rule: rRelative, src: "وأكد أن العقد المقبل حاسم", text: "العقد المقبل", value: "2030/2039"},
	// dayAlone
	{rule: rDayAlone, src: "ويعقد الاجتماع يوم 27", text: "يوم 27", value: "2021-11-27"},
	{rule: rDayAlone, src: "وصل في 3 مارس 2020 وغادر يوم 9", text: "يوم 9", value: "2020-03-09", ctx: true},
	{rule: rDayAlone, src: "عاد الوفد في 22.", text: "22", value: "2021-11-22", ctx: true},
}

// TestRules finds each case's date in its sentence, checks that its rule
// reads it at its first token, and that ParseDate reads it alone.
func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(ruleNames[c.rule]+"/"+c.text, func(t *testing.T) {
			ref := c.ref
			if ref.IsZero() {
				ref = dateRef
			}
			ds := FindDates(c.src, ref)
			checkDateSpans(t, c.src, ds)
			var got []string
			found := false
			for _, d := range ds {
				got = append(got, fmt.Sprintf("%q=%s", d.Text, d.Value()))
				found = found || d.Text == c.text && d.Value() == c.value
			}
			if !found {
				t.Fatalf("FindDates: got %v, want %q=%s", got, c.text, c.value)
			}
			if v := ruleValue(t, c.src, ref, c.text, c.rule); v != c.value {
				t.Errorf("rule %s alone: got %q, want %s", ruleNames[c.rule], v, c.value)
			}
			if c.ctx {
				return
			}
			d, err := ParseDate(c.text, ref)
			if err != nil || d.Value() != c.value || d.Text != c.text {
				t.Errorf("ParseDate(%q): got %v %v, want %s", c.text, d, err, c.value)
			}
		})
	}
}

// ruleValue runs the matcher over src as FindDates does up to the token
// where text starts, then the rule alone there, and returns the value of
// what it reads (or "").
func ruleValue(tb testing.TB, src string, ref time.Time, text string, rule ruleID) string {
	tb.Helper()
	at := strings.Index(src, text)
	tx := prepare(src)
	m := dateMatcher{t: tx, ref: refDay(ref), lex: dateLexicon()}
	for i := 0; i < len(tx.toks); {
		if tx.toks[i].span.End > at {
			r, ok := m.apply(rule, i, true)
			if !ok || r.err != nil {
				return ""
			}
			return m.date(r).Value()
		}
		r, ok := m.at(i)
		if !ok || r.end >= len(tx.toks) || tx.toks[r.end].span.End > at {
			i++
			continue
		}
		if r.err == nil {
			m.note(m.date(r))
		}
		i = r.end + 1
	}
	return ""
}

// TestRulesNoDate lists phrases of the new families that are no dates:
// durations, lengths counted from something else, ordinary words.
func TestRulesNoDate(t *testing.T) {
	for _, src := range []string{
		"سجن لمدة 5 سنوات",
		"بعد 20 عاما من الحرب",
		"سيسحبون قواتهم خلال 14 شهرا",
		"استقال قبل يومين من الانتخابات",
		"وبعد ثلاثة أيام، وقع الطرفان",
		"قبل عقد الاجتماع",
		"في مثل هذا اليوم",
		"في اليوم التالي",
		"فاز الفريق بنتيجة 2-1",
		"القرار رقم 3/2015",
		"ارتفع بنسبة 4.22%",
		"بلغ 2015.3 مليون",
		"في رجب طيب أردوغان",
		"ثقة في رمضان قديروف",
		"الربيع العربي",
		"انتقل من 1500 إلى 2000 نسمة",
		"وصور أمينه العام السابق",
		"قتل يوم الجمعة 15 شخصا",
		"في الستينيات من عمره",
		"بعد شهر رمضان",
		"فازت 6 - 3 و6 - صفر",
		"تقدم صفر - 1",
		"شاهد الفيلم من باب الفضول",
		"لم يتوقف عند هذا الحد",
		"منذ 1000 سنة قبل الميلاد",
		"منقرضة منذ آلاف السنين",
		"بعد شهر واحد من مقتله",
		"تحديد بداية الشهر الهجري",
		"في الأشهر الثلاثة من أبريل",
	} {
		t.Run(src, func(t *testing.T) {
			for _, d := range FindDates(src, dateRef) {
				switch d.Text {
				case "يوم الجمعة", "شهر رمضان", "أبريل":
					continue // the weekday, the month: read on their own
				}
				t.Errorf("got %q=%s", d.Text, d.Value())
			}
		})
	}
}

// TestRangeInJSON checks that a range survives JSON both ways.
func TestRangeInJSON(t *testing.T) {
	for _, in := range []string{"من 5 إلى 10 مارس 2021", "العشر الأواخر من رمضان 1443", "الأسابيع الثلاثة الماضية", "بين عامي 2001 و2021"} {
		d, err := ParseDate(in, dateRef)
		if err != nil || d.Until == nil {
			t.Fatalf("%q: %v %v", in, d, err)
		}
		var back Date
		b, _ := d.MarshalJSON()
		if err := back.UnmarshalJSON(b); err != nil || back.Value() != d.Value() || back.Grain != d.Grain ||
			back.Calendar != d.Calendar || back.Until.Grain != d.Until.Grain || back.hijriValue() != d.hijriValue() {
			t.Errorf("%q: %s → %s %v", in, b, back.Value(), err)
		}
	}
}

// TestHolidaysValid checks every row of data/holidays.tsv: four columns, a
// rule that reads, a day in every year from 2000 to 2030 where the row holds.
func TestHolidaysValid(t *testing.T) {
	rows := 0
	for _, l := range tableLines(holidaysTSV, "spelling") {
		rows++
		f := l.fields
		if len(f) != 4 || f[0] == "" || f[2] == "" {
			t.Errorf("data/holidays.tsv:%d: want 4 columns with a spelling and a country", l.no)
			continue
		}
		h, ok := parseHolidayRule(f[1])
		if !ok {
			t.Errorf("data/holidays.tsv:%d: bad rule %q", l.no, f[1])
			continue
		}
		for y := 2000; y <= 2030; y++ {
			if h.from != 0 && y < h.from || h.to != 0 && y > h.to {
				continue
			}
			if _, ok := h.inYear(y); !ok && h.kind != holidayHijri {
				t.Errorf("data/holidays.tsv:%d: %q has no day in %d", l.no, f[0], y)
			}
		}
	}
	if got := len(holidayTable()); got != rows {
		t.Errorf("parsed %d rows of %d", got, rows)
	}
}

// TestEaster checks the computus against known dates.
func TestEaster(t *testing.T) {
	for _, c := range []struct {
		y                 int
		western, orthodox string
	}{
		{2013, "2013-03-31", "2013-05-05"},
		{2021, "2021-04-04", "2021-05-02"},
		{2024, "2024-03-31", "2024-05-05"},
		{2025, "2025-04-20", "2025-04-20"},
	} {
		if w, o := westernEaster(c.y).Format(time.DateOnly), orthodoxEaster(c.y).Format(time.DateOnly); w != c.western || o != c.orthodox {
			t.Errorf("%d: western %s orthodox %s, want %s %s", c.y, w, o, c.western, c.orthodox)
		}
	}
}

// TestParseDateNewErrors checks the typed errors on the new forms.
func TestParseDateNewErrors(t *testing.T) {
	for _, c := range []struct {
		in  string
		err error
	}{
		{"قبل يومين من الانتخابات", ErrNoDate},
		{"من 2025 إلى 2020", ErrNoDate},
		{"12 مايو 2021 إلى", ErrExtraText},
		{"لمدة 5 سنوات", ErrNoDate},
		{"يوم 27", ErrNoRef},
		{"بقية العام", ErrNoRef},
	} {
		var ref time.Time
		if !errors.Is(c.err, ErrNoRef) {
			ref = dateRef
		}
		if _, err := ParseDate(c.in, ref); !errors.Is(err, c.err) {
			t.Errorf("%q: got %v, want %v", c.in, err, c.err)
		}
	}
}
