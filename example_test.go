package arnews_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/transform"

	"github.com/arnews/arnews"
)

func ExampleNormalize() {
	fmt.Println(arnews.Normalize("أُقيمت المراسم في الدوحة يوم ٣١ ديسمبر"))
	fmt.Println(arnews.Normalize("إلى"))
	// Output:
	// اقيمت المراسم في الدوحه يوم 31 ديسمبر
	// الي
}

func ExampleNormalizer_String() {
	// Only fold digits and punctuation, keep letters as they are.
	n := arnews.NewNormalizer(arnews.FoldDigits | arnews.FoldPunctuation | arnews.StripInvisible)
	fmt.Printf("%+q\n", n.String("\u200fبلغ النمو ٢٫٥٪، أليس كذلك؟"))
	// Output:
	// "\u0628\u0644\u063a \u0627\u0644\u0646\u0645\u0648 2.5\u066a, \u0623\u0644\u064a\u0633 \u0643\u0630\u0644\u0643?"
}

func ExampleNormalizer_StringMap() {
	text := "ستؤسس قطر قسمًا لرعاية المصالح"
	norm, m := arnews.NewNormalizer(arnews.Search).StringMap(text)
	i := strings.Index(norm, "قسما")
	sp := m.Span(arnews.Span{Start: i, End: i + len("قسما")})
	fmt.Println(norm)
	fmt.Println(sp, text[sp.Start:sp.End])
	// Output:
	// ستؤسس قطر قسما لرعايه المصالح
	// {18 28} قسمًا
}

func ExampleNormalizer_Transform() {
	// A Normalizer streams: here through transform.NewReader.
	r := transform.NewReader(strings.NewReader("ﻷن الاتفاقيـــة وُقِّعت"), arnews.NewNormalizer(arnews.Search))
	b, _ := io.ReadAll(r)
	fmt.Println(string(b))
	// Output:
	// لان الاتفاقيه وقعت
}

func ExampleExtract() {
	article, err := os.ReadFile("testdata/qatar-us-protecting-power.txt")
	if err != nil {
		log.Fatal(err)
	}
	published := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	doc := arnews.Extract(string(article), arnews.WithRef(published))

	value := func(d *arnews.Date) string {
		if d == nil {
			return "-"
		}
		return d.Value()
	}
	for _, a := range doc.Agreements {
		fmt.Printf("%-11s %-9s %-7s %-10s %-10s %s\n", a.Kind, a.Status, strings.Join(a.Parties, ","),
			value(a.Signed), value(a.Effective), a.Subject.Text)
	}
	// Output:
	// agreement   signed    US,QA   2021-11-12 2021-12-31 تتولى بموجبه قطر رعاية المصالح الدبلوماسية الأمريكية في أفغانستان
	// agreement   mentioned         2020       -          لانسحاب القوات الأمريكية من أفغانستان
	// arrangement signed    QA,US   2021-11-12 -          لحماية المصالح الأمريكية في أفغانستان
	// memorandum  signed    QA,US   2021-11-12 -          التعاون في الاستضافة المؤقتة للأفراد المعرضين للخطر بسبب الوضع في أفغانستان
	// agreement   signed    QA,US   2021-11-12 -          تبادل المعلومات المتعلقة بتأشيرات السفر
}

// Example_pipeline shows a news pipeline: one Extractor shared by a pool of
// workers, each article resolved against its own publication date, and the
// agreements collected with the names of their parties.
func Example_pipeline() {
	type article struct {
		published string
		text      string
	}
	articles := []article{
		{"2024-01-14", "وقّع الأردن والعراق، الأحد، مذكرة تفاهم بشأن الربط الكهربائي."},
		{"2023-01-13", "وفي الرباط، وقعت المملكة المغربية والاتحاد الأوروبي يوم 3 غشت 2022 اتفاقا للشراكة في مجال الصيد المستدام."},
		{"2021-08-24", "وقعت السعودية والإمارات، أمس، اتفاقية لتجنب الازدواج الضريبي، في 15 محرم 1443 هـ."},
	}
	x, err := arnews.NewExtractor()
	if err != nil {
		panic(err)
	}
	results := make([]string, len(articles))
	var wg sync.WaitGroup
	for i, a := range articles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ref, _ := time.Parse(time.DateOnly, a.published)
			doc := x.Extract(a.text, arnews.WithRef(ref))
			names := map[string]string{}
			for _, e := range doc.Entities {
				names[e.ID] = e.Name
			}
			var lines []string
			for _, ag := range doc.Agreements {
				var parties []string
				for _, id := range ag.Parties {
					parties = append(parties, names[id])
				}
				signed := "?"
				if ag.Signed != nil {
					signed = ag.Signed.Value()
				}
				lines = append(lines, fmt.Sprintf("%s %s %s: %s", signed, ag.Kind, strings.Join(parties, " و"), ag.Subject.Text))
			}
			results[i] = strings.Join(lines, "\n")
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// 2024-01-14 memorandum الأردن والعراق: الربط الكهربائي
	// 2022-08-03 agreement المغرب والاتحاد الأوروبي: للشراكة في مجال الصيد المستدام
	// 2021-08-23 agreement السعودية والإمارات: لتجنب الازدواج الضريبي
}

func ExampleNormalizer_AppendString() {
	// Normalize a stream of tokens into one reused buffer: no allocation
	// per token.
	n := arnews.NewNormalizer(arnews.Search)
	var buf []byte
	for _, tok := range strings.Fields("وقّعت الإمارات اتفاقيةً") {
		buf = n.AppendString(buf[:0], tok)
		fmt.Printf("%s ", buf)
	}
	fmt.Println()
	// Output:
	// وقعت الامارات اتفاقيه
}
