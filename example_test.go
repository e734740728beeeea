package arnews_test

import (
	"fmt"
	"io"
	"strings"

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
