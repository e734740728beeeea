package arnews

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The table tests of this file exercise each named step of the agreement
// stage on its own: the text is prepared as findAgreements prepares it,
// the steps before the one under test run, and the decision of the step is
// compared. TestEveryStepTested checks that every step has a case.

var stepRef = mustDateValue("2024-01-15")

// stepContext prepares text as findAgreements does and returns the finder
// and the context of the first instrument noun, before any step has run.
func stepContext(tb testing.TB, text string) (*agreementFinder, *nounCtx) {
	tb.Helper()
	t := prepare(text)
	f := newAgreementFinder(t, findDates(t, stepRef), findEntities(t, builtinGazetteer(), nil), builtinGazetteer(), stepRef)
	for si := range t.sents {
		nouns := f.nouns(si)
		if len(nouns) == 0 {
			continue
		}
		n := nouns[0]
		trig, at := f.trigger(si, n)
		a := f.agreementFor(n, si, true)
		return f, &nounCtx{a: a, si: si, n: n, trig: trig, trigAt: at, source: f.source(si), nouns: nouns, s: f.around(si, n)}
	}
	tb.Fatalf("no instrument noun in %q", text)
	return nil, nil
}

// runStepsUntil runs the agreement steps on x, in order, up to but not
// including the step named stop.
func runStepsUntil(f *agreementFinder, x *nounCtx, stop string) {
	for _, st := range agreementSteps {
		if st.name == stop {
			return
		}
		st.run(f, x)
	}
}

// stepFunc returns the step named name.
func stepFunc(tb testing.TB, name string) func(*agreementFinder, *nounCtx) {
	for _, st := range agreementSteps {
		if st.name == name {
			return st.run
		}
	}
	tb.Fatalf("no step %q", name)
	return nil
}

func TestAgreementSteps(t *testing.T) {
	type check func(a *Agreement, x *nounCtx) any
	status := func(_ *Agreement, x *nounCtx) any { return string(x.status) }
	subject := func(a *Agreement, _ *nounCtx) any { return a.Subject.Text }
	effective := func(a *Agreement, _ *nounCtx) any { return dateValue(a.Effective) }
	signed := func(a *Agreement, _ *nounCtx) any { return dateValue(a.Signed) }
	parties := func(a *Agreement, _ *nounCtx) any { return a.Parties }
	nSignatories := func(a *Agreement, _ *nounCtx) any { return len(a.Signatories) }
	place := func(a *Agreement, _ *nounCtx) any { return a.Place + " " + a.Venue }
	source := func(a *Agreement, _ *nounCtx) any { return a.Source }
	var f0 *agreementFinder
	items := func(a *Agreement, _ *nounCtx) any {
		var out []string
		for _, sp := range f0.recs[f0.index(a)].items {
			out = append(out, f0.t.src[sp.Start:sp.End])
		}
		return strings.Join(out, "|")
	}
	tests := []struct {
		step, name, in string
		got            check
		want           any
	}{
		{"status from the trigger", "signed", "وقعت مصر والأردن اتفاقية للتجارة.", status, "signed"},
		{"status from the trigger", "negated", "لم توقع إيران الاتفاقية مع الوكالة.", status, "mentioned"},
		{"status from the trigger", "future verb", "ستوقع الكويت والعراق اتفاقية للحدود.", status, "negotiating"},
		{"status from the trigger", "future marker", "من المقرر أن توقع تونس وليبيا اتفاقية للنقل.", status, "negotiating"},
		{"status from the trigger", "approved", "صادق البرلمان على الاتفاقية.", status, "approved"},
		{"status from the trigger", "in force", "ودخلت الاتفاقية حيز التنفيذ.", status, "in_force"},
		{"status from the trigger", "talks", "بدأت مفاوضات حول اتفاقية للتجارة.", status, "negotiating"},
		{"subject after the noun", "about", "وقعت مصر والسودان اتفاقية بشأن مياه النيل، أمس.", subject, "مياه النيل"},
		{"subject after the noun", "stops at a date", "أبرم البلدان اتفاقا لتبادل الخبرات في 3 مايو 2023.", subject, "لتبادل الخبرات"},
		{"listed instruments", "a dual and its two subjects", "وقعت مصر والأردن مذكرتي تفاهم حول الطاقة المتجددة، والنقل البحري.", items, "الطاقة المتجددة|النقل البحري"},
		{"listed instruments", "a group and its list", "وقعت مصر والأردن ثلاث مذكرات تفاهم، وهي تبادل الخبرات، وإنشاء لجنة مشتركة، والتعاون الثقافي.", items, "تبادل الخبرات|إنشاء لجنة مشتركة|التعاون الثقافي"},
		{"effective date", "from a date", "وقعت الأردن وسوريا اتفاقية للنقل يبدأ تطبيقها اعتبارا من 1 آذار 2024.", effective, "2024-03-01"},
		{"signing date attached to the noun", "year after the noun", "أشار الوزير إلى اتفاق عام 2015 بشأن الطاقة.", signed, "2015"},
		{"signing date after a signing word", "signed on", "ناقش الوزيران الاتفاقية التي وقعت في 3 مايو 2023.", signed, "2023-05-03"},
		{"signing date of the sentence", "yesterday", "وقعت قطر وتركيا أمس اتفاقية للتعاون.", signed, "2024-01-14"},
		{"stale signing", "years before", "وقعت الكويت والسعودية يوم 24 ديسمبر 2019 اتفاقية.", status, "mentioned"},
		{"signatories", "two ministers", "وقع وزير الخارجية العراقي فؤاد حسين ونظيره الأردني أيمن الصفدي اتفاقية.", nSignatories, 2},
		{"signatories", "attending is not signing", "وقعت مصر والسودان بحضور الرئيس عبد الفتاح السيسي اتفاقية.", nSignatories, 0},
		{"signatories", "after the noun", "ووقع الاتفاقية عن الجانب السعودي وزير الاستثمار خالد الفالح.", nSignatories, 1},
		{"parties from signatories", "the state of the signatory", "وقع وزير الخارجية العراقي فؤاد حسين اتفاقية.", parties, []string{"IQ"}},
		{"place and venue", "city and ministry", "وقعت قطر والولايات المتحدة اتفاقية في مراسم أقيمت بوزارة الخارجية في واشنطن.",
			place, "city:US:washington org:ministry-of-foreign-affairs"},
		{"source", "agency", "وذكرت وكالة الأنباء الكويتية (كونا) أن الكويت وقطر وقعتا مذكرة تفاهم.", source, "org:kuna"},
		{"source", "dateline", "الرياض - واس\n\nوقعت السعودية والهند اتفاقية.", source, "org:spa"},
	}
	for _, tc := range tests {
		t.Run(tc.step+"/"+tc.name, func(t *testing.T) {
			f, x := stepContext(t, tc.in)
			f0 = f
			runStepsUntil(f, x, tc.step)
			stepFunc(t, tc.step)(f, x)
			if diff := cmp.Diff(tc.want, tc.got(x.a, x)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestPartySteps(t *testing.T) {
	tests := []struct {
		step func(*agreementFinder, *nounCtx, []string) []string
		in   string
		want []string
	}{
		{partiesAnnouncer, "أعلنت شركة أرامكو توقيع عقد مع شركة توتال.", []string{"org:aramco"}},
		{partiesAnnouncer, "أعلنت وزارة الخارجية القطرية توقيع اتفاقية مع تركيا.", []string{"QA"}},
		{partiesAnnouncedOwn, "أعلنت الجزائر أمس أنها ستوقع 14 اتفاقية مع موريتانيا.", []string{"DZ"}},
		{partiesPassiveAgents, "وتم التوقيع على اتفاق للتعاون الصحي من قبل وزير الصحة الجزائري ووزيرة الصحة الروسية.", []string{"DZ", "RU"}},
		{partiesRelativeClause, "رفضت الحكومة الصومالية مذكرة التفاهم التي أبرمتها إثيوبيا مع إقليم أرض الصومال.", []string{"ET"}},
		{partiesApproverState, "صادق البرلمان المغربي على معاهدة تسليم المطلوبين.", []string{"MA"}},
		{partiesTriggerClause, "قال الوزير إن الجزائر وتونس وقعتا اتفاقية للطاقة.", []string{"DZ", "TN"}},
		{partiesTriggerClause, "وقع وزير الدفاع التركي خلوصي أكار ووزير الدفاع الروسي سيرغي شويغو مذكرة تفاهم.", []string{"TR", "RU"}},
		{partiesTriggerClause, "وقعت حكومة الوفاق الوطني الليبية وتركيا مذكرتي تفاهم.", []string{"LY", "TR"}},
		{partiesTriggerClause, "وقع وزير الخارجية العراقي مذكرة تفاهم في بغداد.", []string{"IQ"}},
		{partiesBetweenWith, "شهدت الدوحة توقيع اتفاقية بين قطر وتركيا.", []string{"QA", "TR"}},
		{partiesBetweenWith, "شهدت الدوحة توقيع اتفاقية بين حكومتي قطر، وماليزيا.", []string{"QA", "MY"}},
		{partiesSides, "ووقع الاتفاقية عن الجانب الأردني وزير الطاقة وعن الجانب العراقي وزير النفط.", []string{"JO", "IQ"}},
		{partiesDualNouns, "زار رئيس وزراء العراق الأردن، ووقع البلدان اتفاقية.", []string{"JO", "IQ"}},
	}
	for _, tc := range tests {
		t.Run(funcName(tc.step), func(t *testing.T) {
			f, x := stepContext(t, tc.in)
			runStepsUntil(f, x, "parties")
			if diff := cmp.Diff(tc.want, tc.step(f, x, nil)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSubjectOpeners(t *testing.T) {
	tests := []struct {
		open func(*agreementFinder, nounMatch, int) (int, bool)
		in   string
		want string // the first word of the subject
	}{
		{subjectAfterPreposition, "وقعا اتفاقية بشأن النقل البحري.", "النقل"},
		{subjectPurpose, "وقعا مذكرة تفاهم من أجل إقامة منطقة حرة.", "إقامة"},
		{subjectQualifyingNoun, "وقعا اتفاق شراكة استراتيجية.", "شراكة"},
		{subjectAfterParties, "وقعت اتفاقية بين تركيا وأذربيجان بشأن النقل.", "النقل"},
		{subjectInField, "وقعا مذكرة تفاهم في مجال الطاقة.", "الطاقة"},
		{subjectAfterRelational, "وقعا الاتفاقية الخاصة بالنقل الجوي.", "بالنقل"},
		{subjectByVirtue, "أبرما اتفاقا تتولى بموجبه قطر رعاية المصالح.", "تتولى"},
		{subjectVerbalNoun, "أبرما اتفاقا لتقاسم مياه النيل.", "لتقاسم"},
		{subjectNounInField, "وقعا اتفاقيات تعاون في مجالات الطاقة.", "الطاقة"},
		{subjectNounInField, "توصلا إلى اتفاق شامل حول إدارة القطاع.", "إدارة"},
		{subjectConstructChain, "صادق على معاهدة تسليم المطلوبين.", "تسليم"},
		{subjectAfterQualifiers, "أبرمت الحركتان اتفاقا جديدا لإنهاء الخلاف.", "لإنهاء"},
		{subjectFieldsAfterComma, "وقع البلدان عدة اتفاقيات، مجالات الصناعة والنقل.", "مجالات"},
		{subjectDefiniteConstruct, "وقعا اتفاقية التعاون الأمني.", "التعاون"},
	}
	for _, tc := range tests {
		t.Run(funcName(tc.open), func(t *testing.T) {
			f, x := stepContext(t, tc.in)
			i := x.n.after + 1
			for f.t.toks[i].is(cComma) {
				i++ // as subjectStart does
			}
			st, ok := tc.open(f, x.n, i)
			if !ok || st < 0 || st >= len(f.t.toks) {
				t.Fatalf("%s: no subject (%d, %v)", tc.in, st, ok)
			}
			tk := f.t.toks[st]
			if got := f.t.src[tk.span.Start:tk.span.End]; got != tc.want {
				t.Errorf("%s: subject starts at %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTriggerAt(t *testing.T) {
	tests := []struct {
		in, word string
		want     triggerClass
	}{
		{"وقعت مصر اتفاقية.", "وقعت", trigSign},
		{"والتوقيع على الاتفاقية.", "والتوقيع", trigSign},
		{"صادقت الحكومة على الاتفاقية.", "صادقت", trigApprove},
		{"بدء سريان الاتفاقية.", "سريان", trigInForce},
		{"ودخلت الاتفاقية حيز التنفيذ.", "حيز", trigInForce},
		{"هذا الحيز من الاتفاقية.", "الحيز", trigNone},
		{"لم توقع إيران الاتفاقية.", "توقع", trigSign},
		{"توقع الخبراء الاتفاقية.", "توقع", trigNone},
		{"ودخلت الاتفاقية حيز التنفيذ.", "التنفيذ", trigEffective},
		{"البروتوكول الإضافي الموقع مع فرنسا.", "الموقع", trigSign},
		{"نشر الموقع الاتفاقية.", "الموقع", trigNone},
		{"تجري مفاوضات حول الاتفاقية.", "مفاوضات", trigNegotiate},
	}
	for _, tc := range tests {
		t.Run(tc.in+"/"+tc.word, func(t *testing.T) {
			f, _ := stepContext(t, tc.in)
			i := tokenIndex(t, f.t, tc.word)
			if got := f.triggerAt(i); got != tc.want {
				t.Errorf("triggerAt(%s) = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}

func TestNotInstrument(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"اتخذ القرار بالاتفاق مع الأردن.", true},
		{"وتم الاتفاق على عقد الاجتماع.", true},
		{"وجرى الاتفاق على التهدئة.", true},
		{"هناك اتفاق على ضرورة التهدئة.", true},
		{"وقعت مصر اتفاقا على تبادل الخبرات.", false},
		{"وقعت مصر والأردن اتفاقا.", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			f, x := stepContext(t, tc.in)
			if got := f.notInstrument(x.n); got != tc.want {
				t.Errorf("notInstrument = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestEveryStepTested checks that every named step, party step and
// subject opener has a case in the tables above.
func TestEveryStepTested(t *testing.T) {
	src := readTestFile(t, "agreement_steps_test.go")
	for _, st := range agreementSteps {
		if st.name == "status" || st.name == "event date" || st.name == "parties" {
			continue // applyStatus, noteEventDate and partiesStep: TestStatusRank, TestEventDate, TestPartySteps
		}
		if !strings.Contains(src, `{"`+st.name+`", "`) {
			t.Errorf("step %q has no case in TestAgreementSteps", st.name)
		}
	}
	for _, fn := range partySteps {
		if name := funcName(fn); !strings.Contains(src, "{"+name+", ") {
			t.Errorf("party step %s has no case in TestPartySteps", name)
		}
	}
	for _, fn := range subjectOpeners {
		if name := funcName(fn); !strings.Contains(src, "{"+name+", ") {
			t.Errorf("subject opener %s has no case in TestSubjectOpeners", name)
		}
	}
}

func TestStatusRank(t *testing.T) {
	order := []Status{"", StatusMentioned, StatusNegotiating, StatusSigned, StatusApproved, StatusInForce}
	for i := 1; i < len(order); i++ {
		if rank(order[i]) <= rank(order[i-1]) {
			t.Errorf("rank(%q) = %d, not above rank(%q) = %d", order[i], rank(order[i]), order[i-1], rank(order[i-1]))
		}
	}
}

func TestEventDate(t *testing.T) {
	in := "وقعت مصر والإمارات أمس اتفاقية للطاقة. كما وقع البلدان مذكرة تفاهم للنقل."
	doc := Extract(in, WithRef(stepRef))
	if len(doc.Agreements) != 2 {
		t.Fatalf("got %d agreements, want 2", len(doc.Agreements))
	}
	for _, a := range doc.Agreements {
		if got := dateValue(a.Signed); got != "2024-01-14" {
			t.Errorf("%s: signed %q, want the event date 2024-01-14", a.Text, got)
		}
	}
}

// funcName returns the name of a function value, without its package.
func funcName(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	return name[strings.LastIndex(name, ".")+1:]
}

// tokenIndex returns the index of the first token whose original text is
// word.
func tokenIndex(tb testing.TB, t *text, word string) int {
	tb.Helper()
	for i, tk := range t.toks {
		if t.src[tk.span.Start:tk.span.End] == word {
			return i
		}
	}
	tb.Fatalf("no token %q", word)
	return -1
}

func dateValue(d *Date) string {
	if d == nil {
		return ""
	}
	return d.Value()
}
