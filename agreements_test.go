package arnews

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// agreementSummary is the part of an Agreement the table tests compare.
type agreementSummary struct {
	Kind, Status string
	Text         string
	Parties      []string
	Subject      string
	Signed       string
	Effective    string
	Mentions     []string
	Signatories  int
	Place        string
	Source       string
}

func summarize(doc *Document) []agreementSummary {
	var out []agreementSummary
	for _, a := range doc.Agreements {
		s := agreementSummary{Kind: string(a.Kind), Status: string(a.Status), Text: a.Text, Parties: a.Parties,
			Subject: a.Subject.Text, Signatories: len(a.Signatories), Place: a.Place, Source: a.Source}
		if a.Signed != nil {
			s.Signed = a.Signed.Value()
		}
		if a.Effective != nil {
			s.Effective = a.Effective.Value()
		}
		for _, m := range a.Mentions {
			s.Mentions = append(s.Mentions, m.Text)
		}
		out = append(out, s)
	}
	return out
}

func TestAgreementTable(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []agreementSummary
	}{
		// Triggers.
		{"trigger/abrama", "أبرمت مصر والسودان اتفاقا لتقاسم مياه النيل.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"EG", "SD"}, Subject: "لتقاسم مياه النيل", Signed: ""}}},
		{"trigger/waqqaat-dual", "وقعتا الأردن ومصر مذكرة تفاهم في مجال الطاقة.",
			[]agreementSummary{{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Parties: []string{"JO", "EG"}, Subject: "الطاقة"}}},
		{"trigger/tawqi-noun", "شهد الحفل توقيع اتفاقية بين تركيا وأذربيجان بشأن النقل.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"TR", "AZ"}, Subject: "النقل"}}},
		{"trigger/future", "ستوقع الكويت والعراق اتفاقية لترسيم الحدود البحرية.",
			[]agreementSummary{{Kind: "agreement", Status: "negotiating", Text: "اتفاقية", Parties: []string{"KW", "IQ"}, Subject: "لترسيم الحدود البحرية"}}},
		{"trigger/negated", "لم توقع إيران على الاتفاق النووي.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "الاتفاق", Parties: []string{"IR"}}}},
		{"trigger/approved", "صادق البرلمان المغربي على معاهدة تسليم المطلوبين مع فرنسا.",
			[]agreementSummary{{Kind: "treaty", Status: "approved", Text: "معاهدة", Parties: []string{"MA", "FR"}, Subject: "تسليم المطلوبين"}}},
		{"trigger/in-force", "دخلت اتفاقية التجارة الحرة بين الإمارات والهند حيز التنفيذ في 1 مايو 2022.",
			[]agreementSummary{{Kind: "agreement", Status: "in_force", Text: "اتفاقية", Parties: []string{"AE", "IN"}, Subject: "التجارة الحرة", Effective: "2022-05-01"}}},
		{"trigger/negotiating", "تجري مفاوضات بين لبنان وقبرص حول اتفاقية لترسيم الحدود.",
			[]agreementSummary{{Kind: "agreement", Status: "negotiating", Text: "اتفاقية", Parties: []string{"LB", "CY"}, Subject: "لترسيم الحدود"}}},
		{"trigger/reached", "توصلت إسرائيل وحماس إلى اتفاق لوقف إطلاق النار.",
			[]agreementSummary{{Kind: "agreement", Status: "negotiating", Text: "اتفاق", Parties: []string{"IL", "org:hamas"}, Subject: "لوقف إطلاق النار"}}},
		{"trigger/protocol-count", "وقعت الجزائر وتونس 25 اتفاقية وبروتوكولا للتعاون.",
			// One package of 25 instruments (Count 25), the protocols with it.
			[]agreementSummary{
				{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"DZ", "TN"}, Subject: "للتعاون"},
			}},
		// Parties.
		{"party/bayna", "وقعت اتفاقية بين قطر وتركيا في الدوحة.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"QA", "TR"}, Place: "city:QA:doha"}}},
		{"party/government-dual", "قالت الوكالة إن حكومتي العراق والأردن وقعتا اتفاقا للربط الكهربائي.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"IQ", "JO"}, Subject: "للربط الكهربائي"}}},
		{"party/sides", "ووقع عن الجانب المصري وزير الري هاني سويلم وعن الجانب السوداني وزير الري ياسر عباس مذكرة تفاهم بحضور وزيري خارجية مصر والسودان.",
			[]agreementSummary{{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Parties: []string{"EG", "SD"}, Signatories: 2}}},
		{"party/dual-anaphor", "وقعت السعودية والصين اتفاقا للطاقة. ووقع البلدان أيضا مذكرة تفاهم بشأن الاستثمار.",
			[]agreementSummary{
				{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"SA", "CN"}, Subject: "للطاقة"},
				{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Parties: []string{"SA", "CN"}, Subject: "الاستثمار"},
			}},
		{"party/implied-by-signatories", "وقّع وزير الخارجية العراقي فؤاد حسين ونظيره الأردني أيمن الصفدي اتفاقية للتعاون الأمني في بغداد.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"IQ", "JO"}, Subject: "للتعاون الأمني",
				Signatories: 2, Place: "city:IQ:baghdad"}}},
		{"party/announcing-company", "أعلنت شركة أرامكو السعودية توقيع عقد مع شركة توتال الفرنسية.",
			[]agreementSummary{{Kind: "contract", Status: "signed", Text: "عقد", Parties: []string{"org:aramco", "org:totalenergies"}, Source: "org:aramco"}}},
		{"party/organisation", "أبرمت المغرب والاتحاد الأوروبي اتفاقا للصيد البحري.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"MA", "org:eu"}, Subject: "للصيد البحري"}}},
		// Subjects.
		{"subject/hawla", "وقعت فرنسا ومصر اتفاقية حول التعليم العالي، وفق بيان.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"FR", "EG"}, Subject: "التعليم العالي"}}},
		{"subject/khassa", "وقعت سلطنة عمان والهند الاتفاقية الخاصة بالنقل الجوي.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "الاتفاقية", Parties: []string{"OM", "IN"}, Subject: "بالنقل الجوي"}}},
		{"subject/bimujibih", "أبرمت تونس وليبيا اتفاقا، تفتح بموجبه المعابر الحدودية، في طرابلس.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"TN", "LY"}, Subject: "تفتح بموجبه المعابر الحدودية", Place: "city:LY:tripoli"}}},
		// Dates.
		{"date/signed-in-sentence", "وقعت الكويت والسعودية يوم 24 ديسمبر 2023 اتفاقية بشأن المنطقة المقسومة.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"KW", "SA"}, Subject: "المنطقة المقسومة", Signed: "2023-12-24"}}},
		{"date/stale-signing-is-background", "وكانت الكويت والسعودية قد وقعتا يوم 24 ديسمبر 2019 اتفاقية بشأن المنطقة المقسومة.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "اتفاقية", Parties: []string{"KW", "SA"}, Subject: "المنطقة المقسومة", Signed: "2019-12-24"}}},
		{"date/framework-signed-earlier", "وقال الوزير إن المذكرات تنفذ اتفاق الإطار الموقع بين مصر والإمارات في 15 نوفمبر 2022.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "اتفاق", Parties: []string{"EG", "AE"}, Subject: "الإطار", Signed: "2022-11-15"}}},
		{"date/own-year", "أشار الوزير إلى اتفاق عام 2015 بشأن البرنامج النووي.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "اتفاق", Subject: "البرنامج النووي", Signed: "2015"}}},
		{"date/effective", "وقعت الأردن وسوريا اتفاقية للنقل يبدأ تطبيقها اعتبارا من 1 آذار 2024.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"JO", "SY"}, Subject: "للنقل", Effective: "2024-03-01"}}},
		// Place and source.
		{"place-and-source", "وذكرت وكالة الأنباء الكويتية (كونا) أن الكويت وقطر وقعتا مذكرة تفاهم في الدوحة.",
			[]agreementSummary{{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Parties: []string{"KW", "QA"}, Place: "city:QA:doha", Source: "org:kuna"}}},
		{"source/dateline", "القاهرة (رويترز) - وقعت مصر والاتحاد الأوروبي يوم الأحد اتفاق شراكة استراتيجية بقيمة 7.4 مليار يورو.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاق", Parties: []string{"EG", "org:eu"},
				Subject: "شراكة استراتيجية", Signed: "2024-01-14", Source: "org:reuters"}}},
		{"subject/construct-with-name", "صادق البرلمان التركي على بروتوكول انضمام السويد إلى حلف شمال الأطلسي (الناتو).",
			[]agreementSummary{{Kind: "protocol", Status: "approved", Text: "بروتوكول", Parties: []string{"TR"},
				Subject: "انضمام السويد إلى حلف شمال الأطلسي"}}},
		{"trigger/in-force-subject", "ودخلت اتفاقية منطقة التجارة الحرة القارية الأفريقية حيز التنفيذ في 30 مايو 2019.",
			[]agreementSummary{{Kind: "agreement", Status: "in_force", Text: "اتفاقية", Subject: "منطقة التجارة الحرة القارية الأفريقية",
				Effective: "2019-05-30"}}},
		// Coreference.
		{"coref/definite", "وقعت مصر واليونان اتفاقية لترسيم الحدود البحرية. وتحدد الاتفاقية المنطقة الاقتصادية. ورحبت القاهرة بالاتفاق.",
			[]agreementSummary{{Kind: "agreement", Status: "signed", Text: "اتفاقية", Parties: []string{"EG", "GR"}, Subject: "لترسيم الحدود البحرية",
				Mentions: []string{"الاتفاقية", "الاتفاق"}}}},
		{"coref/distinct-in-one-sentence", "وقع البلدان اتفاقية للتجارة ومذكرة تفاهم للثقافة وبروتوكولا للصحة.",
			[]agreementSummary{
				{Kind: "agreement", Status: "signed", Text: "اتفاقية", Subject: "للتجارة"},
				{Kind: "memorandum", Status: "signed", Text: "مذكرة تفاهم", Subject: "للثقافة"},
				{Kind: "protocol", Status: "signed", Text: "بروتوكولا", Subject: "للصحة"},
			}},
		{"coref/specific-kind-only", "وقعت تركيا وأوكرانيا اتفاقا للحبوب. وقال الوزير إن المعاهدة القديمة لا تزال سارية.",
			[]agreementSummary{
				{Kind: "agreement", Status: "signed", Text: "اتفاقا", Parties: []string{"TR", "UA"}, Subject: "للحبوب"},
				{Kind: "treaty", Status: "mentioned", Text: "المعاهدة"},
			}},
		{"subject/construct-chain", "وانهار اتفاق وقف إطلاق النار في غزة أمس.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "اتفاق", Subject: "وقف إطلاق النار"}}},
		{"trigger/refused", "رفضت إثيوبيا التوقيع على اتفاق ملء سد النهضة.",
			[]agreementSummary{{Kind: "agreement", Status: "mentioned", Text: "اتفاق", Parties: []string{"ET"}, Subject: "ملء سد النهضة"}}},
		// Not agreements.
		{"not/in-agreement-with", "وقالت الوزارة إن القرار اتخذ بالاتفاق مع الجانب الأردني.", nil},
		{"not/it-was-agreed", "وتم الاتفاق على عقد الاجتماع المقبل في عمان.", nil},
		{"not/consensus", "وأكد الطرفان وجود اتفاق على ضرورة التهدئة.", nil},
		{"not/pledges", "لم تف الحركة بتعهداتها بشأن حقوق المرأة.", nil},
		{"not/opinion", "اتفق المحللون على أن الاقتصاد يتعافى.", nil},
		{"not/partnership-topic", "تضمن الحوار جلسات حول شراكة إنفاذ القانون ومكافحة الإرهاب.", nil},
		{"not/holding", "اتفق الطرفان على عقد اجتماع في الرياض.", nil},
		{"not/arrangement-order", "أعاد الفريق ترتيب أولوياته.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Extract(tc.in, WithRef(mustDate(t, "2024-01-15")))
			checkDocument(t, tc.in, doc)
			if diff := cmp.Diff(tc.want, summarize(doc)); diff != "" {
				t.Errorf("%s\nagreements (-want +got):\n%s\nentities: %s", tc.in, diff, entityIDs(doc))
			}
		})
	}
}

func entityIDs(doc *Document) string {
	var ids []string
	for _, e := range doc.Entities {
		ids = append(ids, fmt.Sprintf("%s(%s)", e.ID, e.Kind))
	}
	return strings.Join(ids, " ")
}

func FuzzExtract(f *testing.F) {
	for _, s := range articleSentences(f) {
		f.Add(s)
	}
	f.Add("وقعت الكويت والسعودية يوم 24 ديسمبر 2019 اتفاقية بشأن المنطقة المقسومة.")
	f.Add("ووقع عن الجانب المصري وزير الري هاني سويلم مذكرة تفاهم")
	f.Add("الرياض - واس\n\nوقعت المملكة اتفاقية")
	f.Fuzz(func(t *testing.T, s string) {
		doc := Extract(s, WithRef(mustDate(t, "2021-11-12")))
		checkDocument(t, s, doc)
		checkJSON(t, nil, doc)
	})
}

// TestMediaNoParty checks that an organisation named after a media head
// (cMediaHead) reports an agreement and is no party to it.
func TestMediaNoParty(t *testing.T) {
	doc := Extract("وقالت الأمانة العامة في بيان ورد لموقع IQ NEWS، إن الجولة أسفرت عن توقيع مذكرة تفاهم بين العراق ومصر.", WithRef(time.Date(2020, 12, 12, 0, 0, 0, 0, time.UTC)))
	if len(doc.Agreements) == 0 {
		t.Fatal("no agreement")
	}
	for _, a := range doc.Agreements {
		if slices.Contains(a.Parties, "org:IQ-NEWS") {
			t.Errorf("%q: the website is a party: %v", a.Text, a.Parties)
		}
	}
}
