package arnews

import (
	"strings"
	"testing"
)

// TestAgreementsOnNews covers the patterns of real news that the document
// pass and the named steps read, each in a short text of our own.
func TestAgreementsOnNews(t *testing.T) {
	type want struct {
		kind, status, parties, subject, signed string
		count, signatories                     int
	}
	tests := []struct {
		name, in string
		want     []want
	}{
		// One record per instrument.
		{"consolidation/headline and lead",
			"الأردن ومصر يوقعان اتفاقية للربط الكهربائي\n\nوقع الأردن ومصر، اليوم الأحد، اتفاقية للربط الكهربائي بين البلدين. وتهدف الاتفاقية إلى تبادل الطاقة.",
			[]want{{kind: "agreement", status: "signed", parties: "JO EG", subject: "للربط الكهربائي", signed: "2024-01-14"}}},
		{"consolidation/two instruments stay apart",
			"وقعت تونس والجزائر اتفاقية للتعاون في مجال الصحة. ووقع البلدان أيضا اتفاقية للتعاون في مجال الطاقة.",
			[]want{{kind: "agreement", status: "signed", parties: "TN DZ", subject: "للتعاون في مجال الصحة"},
				{kind: "agreement", status: "signed", parties: "TN DZ", subject: "للتعاون في مجال الطاقة"}}},
		// Listed instruments.
		{"lists/three with their list",
			"وقعت ليبيا وتونس ثلاث مذكرات تفاهم، وهي التعاون الأمني، وتنظيم العمالة، والربط البري.",
			[]want{{kind: "memorandum", status: "signed", parties: "LY TN", subject: "التعاون الأمني"},
				{kind: "memorandum", status: "signed", parties: "LY TN", subject: "تنظيم العمالة"},
				{kind: "memorandum", status: "signed", parties: "LY TN", subject: "الربط البري"}}},
		{"lists/dual",
			"وقعت قطر وتركيا مذكرتي تفاهم حول التعليم العالي، والإعلام.",
			[]want{{kind: "memorandum", status: "signed", parties: "QA TR", subject: "التعليم العالي"},
				{kind: "memorandum", status: "signed", parties: "QA TR", subject: "الإعلام"}}},
		{"lists/package never itemized",
			"وقعت مصر والسودان أكثر من 20 اتفاقية ومذكرة تفاهم في مجالات مختلفة.",
			[]want{{kind: "agreement", status: "signed", parties: "EG SD", count: 20}}},
		{"lists/ordinal items replace the group",
			"وقعت السعودية والهند أربع مذكرات تفاهم. وتتعلق مذكرة التفاهم الأولى بالطاقة. وتشمل مذكرة التفاهم الثانية الزراعة.",
			[]want{{kind: "memorandum", status: "signed", parties: "SA IN", subject: "الطاقة"},
				{kind: "memorandum", status: "signed", parties: "SA IN", subject: "الزراعة"}}},
		// Parties the text gives indirectly.
		{"parties/the kingdom of a Riyadh dateline",
			"الرياض - واس\nوقعت المملكة وباكستان اتفاقية للدفاع المشترك.",
			[]want{{kind: "agreement", status: "signed", parties: "SA PK", subject: "للدفاع المشترك"}}},
		{"parties/a ministry is its state",
			"وقعت وزارة الخارجية العراقية ووزارة الخارجية الأردنية مذكرة تفاهم للتشاور السياسي.",
			[]want{{kind: "memorandum", status: "signed", parties: "IQ JO", subject: "للتشاور السياسي"}}},
		{"parties/a company is a party",
			"وقعت شركة أرامكو مع الحكومة المصرية اتفاقية لتوريد النفط.",
			[]want{{kind: "agreement", status: "signed", parties: "org:aramco EG", subject: "لتوريد النفط"}}},
		{"parties/counterparts",
			"وقع وزير الخارجية الكويتي أحمد الناصر ونظيره العماني بدر البوسعيدي مذكرة تفاهم.",
			[]want{{kind: "memorandum", status: "signed", parties: "KW OM", signatories: 2}}},
		// Status.
		{"status/future", "من المقرر أن توقع الكويت والبحرين اتفاقية للربط البحري.",
			[]want{{kind: "agreement", status: "negotiating", parties: "KW BH", subject: "للربط البحري"}}},
		{"status/reached", "توصلت الحكومة السودانية والحركات المسلحة إلى اتفاق للسلام.",
			[]want{{kind: "agreement", status: "negotiating", parties: "SD", subject: "للسلام"}}},
		{"status/approved", "صادق مجلس النواب الأردني على اتفاقية التعاون الجمركي مع العراق.",
			[]want{{kind: "agreement", status: "approved", parties: "JO IQ", subject: "التعاون الجمركي"}}},
		{"status/in force with shadda", "ودخلت الاتفاقية بين الإمارات والهند حيّز التنفيذ إعتباراً من 1 مايو 2022.",
			[]want{{kind: "agreement", status: "in_force", parties: "AE IN"}}},
		{"status/refused", "رفضت الحكومة الصومالية مذكرة التفاهم بين إثيوبيا وأرض الصومال.",
			[]want{{kind: "memorandum", status: "mentioned", parties: "ET"}}},
		// Not instruments.
		{"not/joint statement", "وأصدر البلدان بيانا مشتركا في ختام الزيارة.", nil},
		{"not/hypothetical", "وقال محللون إن أي اتفاق بين الطرفين سيحتاج إلى وقت.", nil},
		{"not/holding talks", "ودعا الوزير إلى عقد محادثات مباشرة بين البلدين.", nil},
		{"not/web address", "المصدر: https://example.com/news/قطر-توقع-اتفاقية-جديدة.html", nil},
		// Signatories.
		{"signatories/passive agents",
			"وتم التوقيع على اتفاق للتعاون القضائي من قبل وزير العدل المغربي عبد اللطيف وهبي ووزير العدل الموريتاني محمد محمود.",
			[]want{{kind: "agreement", status: "signed", parties: "MA MR", subject: "للتعاون القضائي", signatories: 2}}},
	}
	ref := WithRef(mustDate(t, "2024-01-15"))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Extract(tc.in, ref)
			checkDocument(t, tc.in, doc)
			var got []want
			for _, a := range doc.Agreements {
				got = append(got, want{kind: string(a.Kind), status: string(a.Status), parties: strings.Join(a.Parties, " "),
					subject: a.Subject.Text, signed: dateValue(a.Signed), count: a.Count, signatories: len(a.Signatories)})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%s\ngot %d agreements %+v, want %d %+v", tc.in, len(got), got, len(tc.want), tc.want)
			}
			for i := range got {
				w := tc.want[i]
				g := got[i]
				if w.signed == "" {
					g.signed = ""
				}
				if g != w {
					t.Errorf("%s\nagreement %d = %+v\nwant %+v", tc.in, i, g, w)
				}
			}
		})
	}
}
