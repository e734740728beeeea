package arnews

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// checkEntitySpans checks the span invariants of every mention: in bounds,
// on rune boundaries, text[Start:End] == Text, mentions of an entity in
// order, entities in order of first mention.
func checkEntitySpans(tb testing.TB, src string, ents []Entity) {
	tb.Helper()
	// Rune boundaries as range decodes them: an invalid byte is a rune of
	// its own.
	bound := make(map[int]bool, len(src)+1)
	for i := range src {
		bound[i] = true
	}
	bound[len(src)] = true
	prev := -1
	for _, e := range ents {
		if len(e.Mentions) == 0 {
			tb.Errorf("%s: no mentions", e.ID)
			continue
		}
		if e.Mentions[0].Start < prev {
			tb.Errorf("%s: entities not in order of first mention", e.ID)
		}
		prev = e.Mentions[0].Start
		last := -1
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End {
				tb.Errorf("%s: span %v out of bounds (len %d)", e.ID, m.Span, len(src))
				continue
			}
			if !bound[m.Start] || !bound[m.End] {
				tb.Errorf("%s: span %v not on rune boundaries", e.ID, m.Span)
			}
			if src[m.Start:m.End] != m.Text {
				tb.Errorf("%s: text[%d:%d] = %q, mention text %q", e.ID, m.Start, m.End, src[m.Start:m.End], m.Text)
			}
			if m.Start < last {
				tb.Errorf("%s: mentions not in text order", e.ID)
			}
			last = m.Start
		}
	}
}

// wantEntity is an expected entity: its fields and its mention texts.
type wantEntity struct {
	id, kind, country, title string
	mentions                 []string
}

func entityByID(ents []Entity, id string) *Entity {
	for i := range ents {
		if ents[i].ID == id {
			return &ents[i]
		}
	}
	return nil
}

func checkWant(t *testing.T, src string, got []Entity, want []wantEntity) {
	t.Helper()
	checkEntitySpans(t, src, got)
	for _, w := range want {
		e := entityByID(got, w.id)
		if e == nil {
			t.Errorf("missing %s; got %s", w.id, entitySummary(got))
			continue
		}
		if w.kind != "" && string(e.Kind) != w.kind {
			t.Errorf("%s: kind %q, want %q", w.id, e.Kind, w.kind)
		}
		if e.Country != w.country {
			t.Errorf("%s: country %q, want %q", w.id, e.Country, w.country)
		}
		if e.Title != w.title {
			t.Errorf("%s: title %q, want %q", w.id, e.Title, w.title)
		}
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		if strings.Join(texts, "|") != strings.Join(w.mentions, "|") {
			t.Errorf("%s: mentions %q, want %q", w.id, texts, w.mentions)
		}
	}
}

func entitySummary(ents []Entity) string {
	var sb strings.Builder
	for _, e := range ents {
		sb.WriteString(e.ID)
		sb.WriteString("[")
		for i, m := range e.Mentions {
			if i > 0 {
				sb.WriteString("|")
			}
			sb.WriteString(m.Text)
		}
		sb.WriteString("] ")
	}
	return sb.String()
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestFindEntitiesArticle(t *testing.T) {
	src := readArticle(t)
	got := FindEntities(src)
	want := []wantEntity{
		{id: "US", kind: "country", country: "US", mentions: repeat("الولايات المتحدة", 6)},
		{id: "QA", kind: "country", country: "QA", mentions: repeat("قطر", 6)},
		{id: "AF", kind: "country", country: "AF", mentions: repeat("أفغانستان", 9)},
		{id: "city:US:washington", kind: "city", country: "US", mentions: []string{"واشنطن", "واشنطن", "واشنطن"}},
		{id: "city:QA:doha", kind: "city", country: "QA", mentions: []string{"الدوحة", "الدوحة"}},
		{id: "org:taliban", kind: "organization", country: "AF", mentions: repeat("طالبان", 4)},
		{id: "org:US:ministry-of-foreign-affairs", kind: "organization", country: "US",
			mentions: []string{"وزارة الخارجية الأمريكية", "وزارة الخارجية الأمريكية"}},
		// الوكالة twice refers back to the only agency named (see FindEntities).
		{id: "org:qna", kind: "organization", country: "QA", mentions: []string{"وكالة الأنباء القطرية", "قنا", "الوكالة", "الوكالة"}},
		{id: "person:انتوني-بلينكن", kind: "person", country: "US", title: "وزير الخارجية", mentions: []string{"أنتوني بلينكن", "بلينكن"}},
		{id: "person:محمد-بن-عبد-الرحمن-ال-ثاني", kind: "person", country: "QA", title: "وزير الخارجية",
			mentions: []string{"محمد بن عبد الرحمن آل ثاني"}},
	}
	checkWant(t, src, got, want)
	if len(got) != len(want) {
		t.Errorf("got %d entities, want %d: %s", len(got), len(want), entitySummary(got))
	}
	// The counts, checked against the raw text: every occurrence
	// of these names is a mention, and nothing else is.
	for _, c := range []struct {
		id, re string
	}{
		{"US", "الولايات المتحدة"}, {"QA", `(^|[\s،و])قطر($|[\s،.“”])`}, {"AF", "أفغانستان"},
		{"org:taliban", "طالبان"}, {"city:US:washington", "واشنطن"},
	} {
		n := len(regexp.MustCompile(c.re).FindAllStringIndex(src, -1))
		if e := entityByID(got, c.id); e == nil || len(e.Mentions) != n {
			t.Errorf("%s: the text has %d occurrences", c.id, n)
		}
	}
	for _, e := range got {
		for _, m := range e.Mentions {
			for _, bad := range []string{"قسم", "الحركة", "الشتاء"} {
				if strings.Contains(m.Text, bad) {
					t.Errorf("%s: mention %q from a false friend", e.ID, m.Text)
				}
			}
		}
	}
}

func TestFindEntities(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantEntity
	}{
		{
			name: "clitics",
			text: "التقى وزير بوفد من واشنطن، ووصل بواشنطن وقطر، وقال إن لطالبان دورا وإن للولايات المتحدة وبالولايات المتحدة والولايات المتحدة مصالح.",
			want: []wantEntity{
				{id: "city:US:washington", kind: "city", country: "US", mentions: []string{"واشنطن", "واشنطن"}},
				{id: "QA", kind: "country", country: "QA", mentions: []string{"قطر"}},
				{id: "org:taliban", kind: "organization", country: "AF", mentions: []string{"طالبان"}},
				{id: "US", kind: "country", country: "US", mentions: []string{"ولايات المتحدة", "الولايات المتحدة", "الولايات المتحدة"}},
			},
		},
		{
			name: "country variants",
			text: "وقعت المملكة العربية السعودية والإمارات العربية المتحدة ومصر وسورية اتفاقا مع أمريكا وأميركا.",
			want: []wantEntity{
				{id: "SA", kind: "country", country: "SA", mentions: []string{"المملكة العربية السعودية"}},
				{id: "AE", kind: "country", country: "AE", mentions: []string{"الإمارات العربية المتحدة"}},
				{id: "EG", kind: "country", country: "EG", mentions: []string{"مصر"}},
				{id: "SY", kind: "country", country: "SY", mentions: []string{"سورية"}},
				{id: "US", kind: "country", country: "US", mentions: []string{"أمريكا", "أميركا"}},
			},
		},
		{
			name: "demonyms give country, are no mentions",
			text: "وقال مسؤول مصري إن الجانب العراقي والسلطات السعودية وافقت، بينما زار وفد السعودية.",
			want: []wantEntity{
				{id: "SA", kind: "country", country: "SA", mentions: []string{"السعودية"}},
			},
		},
		{
			name: "institutions",
			text: "أعلنت الحكومة العراقية أن حكومة قطر ووزارة خارجية قطر ووزارة الدفاع الأميركية والبرلمان العراقي وافقت. ثم أعلنت وزارة الدفاع موافقتها.",
			want: []wantEntity{
				// A government is its state, no organisation: not an entity.
				{id: "QA", kind: "country", country: "QA", mentions: []string{"قطر", "قطر"}},
				{id: "org:QA:ministry-of-foreign-affairs", kind: "organization", country: "QA", mentions: []string{"وزارة خارجية قطر"}},
				{id: "org:US:ministry-of-defense", kind: "organization", country: "US", mentions: []string{"وزارة الدفاع الأميركية", "وزارة الدفاع"}},
				{id: "org:IQ:parliament", kind: "organization", country: "IQ", mentions: []string{"البرلمان العراقي"}},
			},
		},
		{
			name: "bare institutions",
			text: "صوت مجلس النواب على القانون، وقالت وزارة الخارجية إنها ترحب.",
			want: []wantEntity{
				{id: "org:house-of-representatives", kind: "organization", mentions: []string{"مجلس النواب"}},
				{id: "org:ministry-of-foreign-affairs", kind: "organization", mentions: []string{"وزارة الخارجية"}},
			},
		},
		{
			// secondBody: a dual head names one body per demonym; the
			// second one's mention is its own demonym.
			name: "dual institutions",
			text: "وقعت وزارتا الخارجية الصومالية والمصرية مذكرة، للتعاون بين معهدي الدراسات الدبلوماسية الصومالية والمصرية. وأكدت وزارة الخارجية المصرية ذلك، ثم زار وفد وزارتي الصحة الأردنية والعراقية.",
			want: []wantEntity{
				{id: "org:SO:ministry-of-foreign-affairs", kind: "organization", country: "SO", mentions: []string{"وزارتا الخارجية الصومالية"}},
				{id: "org:EG:ministry-of-foreign-affairs", kind: "organization", country: "EG", mentions: []string{"المصرية", "وزارة الخارجية المصرية"}},
				{id: "org:SO:institute-الدراسات-الدبلوماسيه", kind: "organization", country: "SO", mentions: []string{"معهدي الدراسات الدبلوماسية الصومالية"}},
				{id: "org:EG:institute-الدراسات-الدبلوماسيه", kind: "organization", country: "EG", mentions: []string{"المصرية"}},
				{id: "org:JO:ministry-of-health", kind: "organization", country: "JO", mentions: []string{"وزارتي الصحة الأردنية"}},
				{id: "org:IQ:ministry-of-health", kind: "organization", country: "IQ", mentions: []string{"العراقية"}},
			},
		},
		{
			// bodyName: a definite head and a body adjective name a body
			// without a demonym; a head alone, or before a plain word,
			// names none.
			name: "bodies named by an adjective",
			text: "وقع المؤتمر الوطني العام في المدينة، والقرض المسند للديوان الوطني للتطهير، ثم قال المجلس إن المجلس الجديد سيجتمع مع المفوضية الوطنية العليا للانتخابات الليبية.",
			want: []wantEntity{
				{id: "org:congress-الوطني-العام", kind: "organization", mentions: []string{"المؤتمر الوطني العام"}},
				// للديوان: the article's ل merged with the preposition's is left out.
				{id: "org:office-الوطني-للتطهير", kind: "organization", mentions: []string{"ديوان الوطني للتطهير"}},
				{id: "org:LY:commission-الوطنيه-العليا-للانتخابات", kind: "organization", country: "LY", mentions: []string{"المفوضية الوطنية العليا للانتخابات الليبية"}},
			},
		},
		{
			// ministryAlone: a portfolio before a demonym names the
			// ministry, but not as an adjective or a title's complement.
			name: "ministries named by their portfolio",
			text: "وقال بيان الخارجية الصومالية إن وزارة الخارجية الصومالية ترحب، ونقل عن الداخلية العراقية قولها إن السياسة الخارجية الأمريكية ووزيرة الخارجية الأسترالية لم تتغيرا.",
			want: []wantEntity{
				{id: "org:SO:ministry-of-foreign-affairs", kind: "organization", country: "SO", mentions: []string{"الخارجية الصومالية", "وزارة الخارجية الصومالية"}},
				{id: "org:IQ:ministry-of-interior", kind: "organization", country: "IQ", mentions: []string{"الداخلية العراقية"}},
			},
		},
		{
			// No و-demonym after the first body: one body, as for a
			// singular head.
			name: "dual head with one demonym",
			text: "وقعت وزارتا الخارجية الصومالية مذكرة مع وزارة الدفاع الأمريكية والإماراتية.",
			want: []wantEntity{
				{id: "org:SO:ministry-of-foreign-affairs", kind: "organization", country: "SO", mentions: []string{"وزارتا الخارجية الصومالية"}},
				{id: "org:US:ministry-of-defense", kind: "organization", country: "US", mentions: []string{"وزارة الدفاع الأمريكية"}},
			},
		},
		{
			name: "legislatures by name",
			text: "وعقد مجلس نواب الشعب جلسة عامة، وناقش مجلس العموم البريطاني الاتفاق.",
			want: []wantEntity{
				{id: "org:assembly-of-peoples-representatives", kind: "organization", mentions: []string{"مجلس نواب الشعب"}},
				{id: "org:GB:house-of-commons", kind: "organization", country: "GB", mentions: []string{"مجلس العموم البريطاني"}},
			},
		},
		{
			name: "dual governments",
			text: "وقعت حكومتي قطر والولايات المتحدة مذكرة.",
			want: []wantEntity{
				{id: "QA", kind: "country", country: "QA", mentions: []string{"قطر"}},
				{id: "US", kind: "country", country: "US", mentions: []string{"الولايات المتحدة"}},
			},
		},
		{
			name: "acronyms",
			text: "وذكرت وكالة الأنباء السعودية (واس) أن الوزير وصل. ونقلت واس عن مصادر، كما نقلت قنا وكونا الخبر.",
			want: []wantEntity{
				{id: "org:spa", kind: "organization", country: "SA", mentions: []string{"وكالة الأنباء السعودية", "واس", "واس"}},
				{id: "org:qna", kind: "organization", country: "QA", mentions: []string{"قنا"}},
				{id: "org:kuna", kind: "organization", country: "KW", mentions: []string{"كونا"}},
			},
		},
		{
			name: "ambiguous acronym only in parentheses",
			text: "وذكرت وكالة المغرب العربي للأنباء (ومع) أن الوزير وصل، ومع ذلك لم يصدر بيان. وقالت بنا إن الملك استقبل الوفد.",
			want: []wantEntity{
				{id: "org:map", kind: "organization", country: "MA", mentions: []string{"وكالة المغرب العربي للأنباء", "ومع"}},
			},
		},
		{
			name: "acronym defined in parentheses",
			text: "قالت وكالة الأنباء القطرية (قنا) إن الاجتماع انتهى، وأضافت لقنا مصادر.",
			want: []wantEntity{
				{id: "org:qna", kind: "organization", country: "QA", mentions: []string{"وكالة الأنباء القطرية", "قنا", "قنا"}},
			},
		},
		{
			name: "name chains and surname linking",
			text: "واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني رئيس الوزراء العراقي مصطفى الكاظمي. وأكد الكاظمي أن آل ثاني رحب.",
			want: []wantEntity{
				{id: "QA", kind: "country", country: "QA", mentions: []string{"قطر"}},
				{id: "person:تميم-بن-حمد-ال-ثاني", kind: "person", country: "QA", title: "أمير قطر", mentions: []string{"تميم بن حمد آل ثاني", "آل ثاني"}},
				{id: "person:مصطفي-الكاظمي", kind: "person", country: "IQ", title: "رئيس الوزراء", mentions: []string{"مصطفى الكاظمي", "الكاظمي"}},
			},
		},
		{
			name: "nisba surname that is also a demonym",
			text: "وقال رئيس الوزراء العراقي محمد شياع السوداني في بغداد إن الاتفاق مهم. وأكد السوداني ذلك.",
			want: []wantEntity{
				{id: "person:محمد-شياع-السوداني", kind: "person", country: "IQ", title: "رئيس الوزراء", mentions: []string{"محمد شياع السوداني", "السوداني"}},
				{id: "city:IQ:baghdad", kind: "city", country: "IQ", mentions: []string{"بغداد"}},
			},
		},
		{
			name: "particles of European names",
			text: "واستقبل الرئيس رئيسة المفوضية الأوروبية أورسولا فون دير لاين.",
			want: []wantEntity{
				{id: "org:european-commission", kind: "organization", mentions: []string{"المفوضية الأوروبية"}},
				{id: "person:اورسولا-فون-دير-لاين", kind: "person", title: "رئيسة المفوضية الأوروبية", mentions: []string{"أورسولا فون دير لاين"}},
			},
		},
		{
			name: "role with demonym and counterpart",
			text: "التقى وزير الخارجية الأمريكي أنتوني بلينكن ونظيره القطري الشيخ محمد بن عبد الرحمن آل ثاني، وقال بلينكن إن المحادثات مثمرة.",
			want: []wantEntity{
				{id: "person:انتوني-بلينكن", kind: "person", country: "US", title: "وزير الخارجية", mentions: []string{"أنتوني بلينكن", "بلينكن"}},
				{id: "person:محمد-بن-عبد-الرحمن-ال-ثاني", kind: "person", country: "QA", title: "وزير الخارجية", mentions: []string{"محمد بن عبد الرحمن آل ثاني"}},
			},
		},
		{
			name: "ranks and honorifics",
			text: "وقال العميد يحيى سريع إن القوات تقدمت. وأعلن الفريق الركن عبد الفتاح البرهان الخطة. والتقى الرئيس الأمريكي جو بايدن الملك عبد الله الثاني.",
			want: []wantEntity{
				{id: "person:يحيي-سريع", kind: "person", title: "العميد", mentions: []string{"يحيى سريع"}},
				{id: "person:عبد-الفتاح-البرهان", kind: "person", title: "الفريق الركن", mentions: []string{"عبد الفتاح البرهان"}},
				{id: "person:جو-بايدن", kind: "person", country: "US", title: "الرئيس", mentions: []string{"جو بايدن"}},
				{id: "person:عبد-الله-الثاني", kind: "person", title: "الملك", mentions: []string{"عبد الله الثاني"}},
			},
		},
		{
			name: "speech verb",
			text: "وقال أحمد حسن الزيات في بيان إن الاتفاق مهم.",
			want: []wantEntity{
				{id: "person:احمد-حسن-الزيات", kind: "person", mentions: []string{"أحمد حسن الزيات"}},
			},
		},
		{
			name: "ambiguous names need context",
			text: "وصل الوفد إلى سلطنة عمان ثم زار عمان الأردنية ومدينة جدة، وقال إن مالي بلد.",
			want: []wantEntity{
				{id: "OM", kind: "country", country: "OM", mentions: []string{"سلطنة عمان"}},
				{id: "city:JO:amman", kind: "city", country: "JO", mentions: []string{"عمان"}},
				{id: "city:SA:jeddah", kind: "city", country: "SA", mentions: []string{"جدة"}},
			},
		},
		{
			name: "organisations",
			text: "دعا الأمين العام للأمم المتحدة وحلف الناتو والاتحاد الأوروبي ومجلس التعاون الخليجي إلى التهدئة، ورحبت حماس وحزب الله.",
			want: []wantEntity{
				{id: "org:un", kind: "organization", mentions: []string{"أمم المتحدة"}},
				{id: "org:nato", kind: "organization", mentions: []string{"حلف الناتو"}},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FindEntities(c.text)
			checkWant(t, c.text, got, c.want)
			if c.name != "organisations" && c.name != "clitics" && len(got) != len(c.want) {
				t.Errorf("got %d entities, want %d: %s", len(got), len(c.want), entitySummary(got))
			}
		})
	}
}

func TestFindEntitiesFalseFriends(t *testing.T) {
	for _, s := range []string{
		"يأمل الشعب في سلام عادل ودائم.",
		"قال أمل الشعب كبير في السلام.",
		"افتتح المصرف فرعا جديدا وقال مسؤول مصري إن المصريين سعداء.",
		"ستؤسس الدولة قسمًا جديدا قبل الشتاء، وتواصل الحركة عملها.",
		"ومع بداية العام قال إن الوضع مستقر.",
		"وقال مسؤول أمريكي إن بنين يعملون في مالي الشركة.",
		"قال الرئيس إن الاتفاق مهم.",
		"أول مرة يزور فيها الوفد المدينة.",
	} {
		if got := FindEntities(s); len(got) != 0 {
			t.Errorf("%s: got %s", s, entitySummary(got))
		}
	}
}

func TestFindEntitiesMarksInsideNames(t *testing.T) {
	// Diacritics, tatweel and ZWNJ inside the names: the spans cover them.
	for _, c := range []struct {
		text, id, mention string
	}{
		{"وصل الوفد إلى الدَّوْحَة أمس.", "city:QA:doha", "الدَّوْحَة"},
		{"وصل الوفد إلى قـــطر أمس.", "QA", "قـــطر"},
		{"وصل الوفد إلى أفغا\u200cنستان أمس.", "AF", "أفغا\u200cنستان"},
		{"وقَطَرُ دولة.", "QA", "قَطَرُ"},
		{"في الوِلاياتِ المُتَّحِدَةِ.", "US", "الوِلاياتِ المُتَّحِدَةِ"},
		{"وقال وزير الخارجية الأمريكي أنتوني بلـيـنكن إن.", "person:انتوني-بلينكن", "أنتوني بلـيـنكن"},
	} {
		got := FindEntities(c.text)
		checkEntitySpans(t, c.text, got)
		e := entityByID(got, c.id)
		if e == nil || len(e.Mentions) != 1 || e.Mentions[0].Text != c.mention {
			t.Errorf("%q: got %s, want %s [%s]", c.text, entitySummary(got), c.id, c.mention)
		}
	}
}

func TestFindEntitiesUserEntries(t *testing.T) {
	x, err := NewExtractor(WithEntries(
		GazetteerEntry{ID: "org:arnews-test", Kind: KindOrganization, Name: "مؤسسة النجوم", Country: "QA", Acronyms: []string{"منج"}},
		GazetteerEntry{ID: "QA", Kind: KindCountry, Name: "قطرستان"},
		GazetteerEntry{ID: "org:amal", Kind: KindOrganization, Name: "أمل", Ambiguous: true},
	))
	if err != nil {
		t.Fatal(err)
	}
	src := "أعلنت مؤسسة النجوم وبمنج ومنج أن قطرستان وقطر شريكان."
	doc := x.Extract(src)
	checkWant(t, src, doc.Entities, []wantEntity{
		{id: "org:arnews-test", kind: "organization", country: "QA", mentions: []string{"مؤسسة النجوم", "منج"}},
		{id: "QA", kind: "country", country: "QA", mentions: []string{"قطرستان", "قطر"}},
	})
	if e := entityByID(doc.Entities, "org:amal"); e != nil {
		t.Errorf("ambiguous user entry matched without context: %v", e)
	}
	// The built-in gazetteer is unchanged.
	if got := FindEntities(src); entityByID(got, "org:arnews-test") != nil {
		t.Error("user entry leaked into the built-in gazetteer")
	}
}

func TestDemonymForms(t *testing.T) {
	got := strings.Join(demonymForms("أمريكي"), " ")
	want := "أمريكي أمريكية أمريكيون أمريكيين أمريكيان أمريكيتان أمريكيتين"
	if got != want {
		t.Errorf("demonymForms = %q, want %q", got, want)
	}
	for _, s := range []string{"الأمريكي", "الأمريكية", "الأميركيين", "الأمريكيتين", "القطريون", "والقطريان"} {
		tk := prepare("x " + s)
		f := &finder{t: tk, g: builtinGazetteer(), info: make([]tokInfo, len(tk.toks))}
		f.scan()
		if f.info[1].dem == 0 {
			t.Errorf("%s: no demonym reading", s)
		}
	}
}

// gazetteerRowErrors returns what is wrong with a row of the gazetteer,
// whose countries are known.
func gazetteerRowErrors(r GazetteerEntry, countries map[string]bool) []string {
	var errs []string
	if !entityKinds[r.Kind] {
		errs = append(errs, fmt.Sprintf("unknown kind %q", r.Kind))
	}
	if r.Name == "" {
		errs = append(errs, "no name")
	}
	if r.Country != "" && (!isCountryCode(r.Country) || !countries[r.Country]) {
		errs = append(errs, fmt.Sprintf("invalid country %q", r.Country))
	}
	prefix := map[EntityKind]string{KindCity: "city:" + r.Country + ":", KindRegion: "region:", KindOrganization: "org:"}[r.Kind]
	switch {
	case r.Kind == KindCountry || r.Kind == KindDemonym:
		if !isCountryCode(r.ID) || r.Country != r.ID {
			errs = append(errs, fmt.Sprintf("%s id must be the ISO code", r.Kind))
		}
	case !strings.HasPrefix(r.ID, prefix):
		errs = append(errs, fmt.Sprintf("%s id must start with %s", r.Kind, prefix))
	}
	return errs
}

func TestGazetteerValid(t *testing.T) {
	rows := parseGazetteer(gazetteerTSV)
	lines := 0
	for l := range strings.SplitSeq(gazetteerTSV, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "kind\t") {
			lines++
			if n := strings.Count(l, "\t"); n != 7 {
				t.Errorf("row with %d columns: %q", n+1, l)
			}
		}
	}
	if len(rows) != lines {
		t.Errorf("parsed %d rows of %d", len(rows), lines)
	}
	countries := map[string]bool{}
	for _, r := range rows {
		if r.Kind == "country" {
			countries[r.ID] = true
		}
	}
	ids := map[string]bool{}
	for _, r := range rows {
		key := string(r.Kind) + "\t" + r.ID
		if r.Kind != "demonym" {
			key = r.ID
		}
		if ids[key] {
			t.Errorf("duplicate id %q", r.ID)
		}
		ids[key] = true
		for _, msg := range gazetteerRowErrors(r, countries) {
			t.Errorf("%s: %s", r.ID, msg)
		}
	}
	g := builtinGazetteer()
	t.Logf("gazetteer: %d countries, %d cities, %d organisations, %d demonyms, %d keys",
		g.countries, g.cities, g.orgs, g.demonyms, len(g.lex.m))
	if g.countries < 197 || g.cities < 300 || g.orgs < 100 {
		t.Errorf("gazetteer too small: %d countries, %d cities, %d organisations", g.countries, g.cities, g.orgs)
	}
	for _, id := range []string{"TW", "XK", "EH", "PS", "VA", "US", "QA"} {
		if !countries[id] {
			t.Errorf("country %s missing", id)
		}
	}
	// Every country's canonical name finds the country.
	for _, r := range rows {
		if r.Kind != "country" || r.Ambiguous {
			continue
		}
		got := FindEntities("وصل الوفد إلى " + r.Name + " أمس.")
		if len(got) == 0 || got[0].ID != r.ID {
			t.Errorf("%s: %q finds %s", r.ID, r.Name, entitySummary(got))
		}
	}
}

// FuzzFindEntities checks the span invariants on any input.
func FuzzFindEntities(f *testing.F) {
	for _, s := range articleSentences(f) {
		f.Add(s)
	}
	f.Add("وزير الخارجية الأمريكي أنتوني بلـيـنكن (قنا) بن آل عبد")
	f.Add("للولايات المتحدة\u200c والدَّوْحَة ﻷ")
	f.Fuzz(func(t *testing.T, s string) {
		got := FindEntities(s)
		checkEntitySpans(t, s, got)
	})
}

func BenchmarkFindEntities(b *testing.B) {
	builtinGazetteer()
	for _, c := range []struct {
		name string
		text string
	}{
		{"article", readArticle(b)},
		{"1MB", scalingCorpus(b, 1<<20)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				FindEntities(c.text)
			}
		})
	}
	// The entity stage alone, on text already prepared.
	for _, c := range []struct {
		name string
		t    *text
	}{
		{"article-prepared", prepare(readArticle(b))},
		{"1MB-prepared", prepare(scalingCorpus(b, 1<<20))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.t.src)))
			b.ReportAllocs()
			for b.Loop() {
				findEntities(c.t, builtinGazetteer(), nil)
			}
		})
	}
}

func BenchmarkGazetteerBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		compileGazetteer(parseGazetteer(gazetteerTSV), nil)
	}
}

func TestFindEntitiesConcurrent(t *testing.T) {
	src := readArticle(t)
	want := entitySummary(FindEntities(src))
	x, err := NewExtractor(WithEntries(GazetteerEntry{ID: "org:test", Kind: KindOrganization, Name: "مؤسسة الاختبار"}))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 4 {
		go func() {
			got := entitySummary(FindEntities(src))
			x.Extract(src)
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent call: %s, want %s", got, want)
		}
	}
}

// TestEntityRulesNews has a case for each rule of the entity stage added
// with the tagger: the source a dateline names, quoted names after a kind
// of organisation, national bodies named between head and demonym, a city
// read as an organisation, a title's name bounded by the tagger, a generic
// head left out of a mention.
func TestEntityRulesNews(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		want []wantEntity
		not  []string // IDs that must not be found
	}{
		{
			name: "dateline source",
			text: "بغداد -عراق برس- أعلن وزير الخارجية عن اتفاق جديد.",
			want: []wantEntity{{id: "org:عراق-برس", kind: "organization", mentions: []string{"عراق برس"}}},
		},
		{
			name: "dateline source with a country's name",
			text: "مقديشو في 11 فبراير /بوابة الصومال / قالت الحكومة الصومالية إنها ترفض الاتفاق.",
			want: []wantEntity{{id: "org:بوابه-الصومال", kind: "organization", mentions: []string{"بوابة الصومال"}}},
		},
		{
			name: "a reporter and his city are no source",
			text: "لندن : معد فياض بغداد : هددت الحكومة بالانسحاب.",
			not:  []string{"org:معد-فياض-بغداد"},
		},
		{
			name: "dateline source in parentheses",
			text: "إسلام أباد (رويترز) – وقعت باكستان اتفاقية.",
			want: []wantEntity{{id: "PK", kind: "country", country: "PK", mentions: []string{"باكستان"}}},
		},
		{
			name: "quoted name after a kind of organisation",
			text: "وذكرت قناة «المنار» أن الاجتماع انتهى.",
			want: []wantEntity{{id: "org:المنار", kind: "organization", mentions: []string{"المنار"}}},
		},
		{
			name: "a quoted name after a kind of organisation and أنباء",
			text: "ونقلت وكالة أنباء «تسنيم» عن الوزير قوله إن الاتفاق وقع.",
			want: []wantEntity{{id: "org:تسنيم", kind: "organization", mentions: []string{"تسنيم"}}},
		},
		{
			name: "a name in Latin script after a kind of organisation",
			text: "وقالت الأمانة في بيان ورد لموقع IQ NEWS، إن الجولة انتهت.",
			want: []wantEntity{{id: "org:IQ-NEWS", kind: "organization", mentions: []string{"IQ NEWS"}}},
		},
		{
			name: "a rare name after a kind of organisation and a demonym",
			text: "ووقعت مجموعة سوناطراك والشركة الروسية ترونسنافت اتفاقية تخص التعاون.",
			want: []wantEntity{{id: "org:ترونسنافت", kind: "organization", country: "RU", mentions: []string{"ترونسنافت"}}},
		},
		{
			name: "a frequent word after a kind of organisation and a demonym is no name",
			text: "وقالت الشركة الروسية إن الشركة الروسية أعلنت موافقتها.",
			not:  []string{"org:اعلنت"},
		},
		{
			name: "national body with its name",
			text: "ونظرت المحكمة العليا الإسرائيلية في الطعون.",
			want: []wantEntity{{id: "org:IL:court-العليا", kind: "organization", country: "IL", mentions: []string{"المحكمة العليا الإسرائيلية"}}},
		},
		{
			name: "a generic head with a demonym alone is no body",
			text: "وانسحبت القوات الأمريكية من القاعدة.",
			not:  []string{"org:US:forces"},
		},
		{
			name: "a club named by a club word and a city",
			text: "وكاد دينامو كييف يفاجئ أصحاب الأرض، وفاز فريق ليون على اتحاد طنجة، ودفع مئة ريال في الرياض.",
			want: []wantEntity{
				{id: "org:دينامو-كييف", kind: "organization", country: "UA", mentions: []string{"دينامو كييف"}},
				{id: "org:ليون", kind: "organization", country: "FR", mentions: []string{"ليون"}},
				{id: "org:اتحاد-طنجه", kind: "organization", country: "MA", mentions: []string{"اتحاد طنجة"}},
				{id: "city:SA:riyadh", kind: "city", country: "SA", mentions: []string{"الرياض"}},
			},
			not: []string{"city:UA:kyiv", "city:FR:lyon", "city:MA:tangier"},
		},
		{
			name: "a place named after a word for a kind of place",
			text: "انفجرت سيارة في حي الدورة جنوبي العاصمة، وفي ساحة كهرمانة وسط بغداد، وفي حي الخضراء ببغداد.",
			want: []wantEntity{
				{id: "region:الدوره", kind: "region", mentions: []string{"الدورة"}},
				{id: "region:كهرمانه", kind: "region", mentions: []string{"كهرمانة"}},
				{id: "region:الخضراء", kind: "region", mentions: []string{"الخضراء"}},
			},
		},
		{
			name: "an adjective or the area just told is no place",
			text: "اتفقا على إقامة منطقة منزوعة السلاح في إدلب، وستساعد المنطقة الغنية بالنفط على النمو، ثم دخل المنطقة وسدد.",
			not:  []string{"region:منزوعه", "region:الغنيه-بالنفط", "region:سدد"},
		},
		{
			name: "a name ends before على, which normalization makes علي",
			text: "وقال الصفدي خلال مؤتمر صحفي مع نظيره العراقي محمد الحكيم على هامش الزيارة إن الاتفاق سيطبق، واتفقا على ذلك.",
			want: []wantEntity{{id: "person:محمد-الحكيم", kind: "person", mentions: []string{"محمد الحكيم"}}},
			not:  []string{"person:محمد-الحكيم-علي"},
		},
		{
			name: "a reporter in a dateline is no source",
			text: "القاهرة - علي فراج - وقعت مصر والسودان اتفاقية للتعاون.",
			not:  []string{"org:علي-فراج"},
		},
		{
			name: "a place in parentheses is no acronym",
			text: "المجموعة السادسة بنفيكا ( البرتغال ) - مانشستر يونايتد ( إنجلترا ) صفر - 1 .",
			want: []wantEntity{
				{id: "org:benfica", kind: "organization", country: "PT", mentions: []string{"بنفيكا"}},
				{id: "PT", kind: "country", country: "PT", mentions: []string{"البرتغال"}},
				{id: "org:manchester-united", kind: "organization", country: "GB", mentions: []string{"مانشستر يونايتد"}},
			},
		},
		{
			name: "a city read as a club",
			text: "وفاز برشلونة الإسباني على ضيفه بثلاثة أهداف.",
			not:  []string{"city:ES:barcelona"},
		},
		{
			name: "a title's name ends where the tagger ends it",
			text: "وقال الرئيس اليمني علي عبد الله صالح تعهد بمحاربة الفساد.",
			want: []wantEntity{{id: "person:علي-عبد-الله-صالح", kind: "person", country: "YE", title: "الرئيس", mentions: []string{"علي عبد الله صالح"}}},
		},
		{
			name: "a title followed by no name",
			text: "وقال رئيس بعثة الاتحاد إن المحادثات مستمرة.",
			not:  []string{"person:بعثه"},
		},
		{
			name: "a generic head is no part of a name",
			text: "وأعلنت دولة قطر ترحيبها.",
			want: []wantEntity{{id: "QA", kind: "country", country: "QA", mentions: []string{"قطر"}}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := FindEntities(c.text)
			checkWant(t, c.text, got, c.want)
			for _, e := range got {
				if slices.Contains(c.not, e.ID) {
					t.Errorf("%s: found %s %v", c.text, e.ID, e.Mentions)
				}
			}
		})
	}
}

// TestPrepositionEndsName checks that على, which normalization folds into
// the name علي, ends a person's name: a tagger span over محمد الحكيم على
// (as the tagger reads it in some documents) gives the name محمد الحكيم,
// while علي written with ي stays a name (محمد علي).
func TestPrepositionEndsName(t *testing.T) {
	tm, err := builtinTagger()
	if tm == nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		text string
		last int // the end of the tagger's span, from token 2
		want string
	}{
		{"مع نظيره محمد الحكيم على هامش الزيارة", 5, "محمد الحكيم"},
		{"مع نظيره محمد علي في الزيارة", 4, "محمد علي"},
	} {
		tx := prepare(c.text)
		f := &finder{t: tx, g: builtinGazetteer(), tm: tm, info: make([]tokInfo, len(tx.toks))}
		f.scan()
		f.tspans = []tagSpan{{first: 2, last: c.last, typ: tagPER}}
		f.endNamesBeforeOn()
		f.tagAt = make([]int32, len(tx.toks))
		f.tagAt[2] = 1
		end, ok := f.taggedNameEnd(2, 5)
		got := f.mention(2, cut{}, end-1).Text
		if !ok || got != c.want {
			t.Errorf("%s: name %q (%v), want %q", c.text, got, ok, c.want)
		}
	}
	tx := prepare("على علي")
	if !tx.preposition(0) || tx.preposition(1) {
		t.Errorf("preposition(على, علي) = %v, %v; want true, false", tx.preposition(0), tx.preposition(1))
	}
}
