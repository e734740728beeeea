package arnews_test

import (
	"bufio"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/arnews/arnews"
)

// These examples need no file and no network: each runs as is, on the
// pkg.go.dev playground too.

// ExampleExtract_publicationDate shows where relative dates such as أمس
// ("yesterday") are resolved from: the date given with WithRef, else a date
// the text states at its top, else nowhere: Extract never reads the clock.
func ExampleExtract_publicationDate() {
	const (
		dateline = "الرياض 12 نوفمبر 2021 (واس) - وقعت السعودية والإمارات أمس اتفاقية للتعاون الجمركي."
		bare     = "وقعت السعودية والإمارات أمس اتفاقية للتعاون الجمركي."
	)
	show := func(doc *arnews.Document) {
		ref := "none"
		if !doc.Ref.IsZero() {
			ref = doc.Ref.Format(time.DateOnly)
		}
		fmt.Printf("ref %s (%q):", ref, doc.RefFrom)
		for _, d := range doc.Dates {
			fmt.Printf(" %s=%s", d.Text, d.Value())
		}
		fmt.Println()
	}
	show(arnews.Extract(dateline))
	show(arnews.Extract(bare, arnews.WithRef(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))))
	show(arnews.Extract(bare))
	// Output:
	// ref 2021-11-12 ("text"): 12 نوفمبر 2021=2021-11-12 أمس=2021-11-11
	// ref 2024-03-01 ("given"): أمس=2024-02-29
	// ref none (""):
}

// ExampleNewExtractor teaches an Extractor a name its gazetteer lacks. Build
// it once and share it: an Extractor is safe for concurrent use.
func ExampleNewExtractor() {
	x, err := arnews.NewExtractor(arnews.WithEntries(arnews.GazetteerEntry{
		ID:       "org:qia",
		Kind:     arnews.KindOrganization,
		Name:     "جهاز قطر للاستثمار",
		Country:  "QA",
		Names:    []string{"جهاز الاستثمار القطري"},
		Acronyms: []string{"QIA"},
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "وقع جهاز الاستثمار القطري اتفاقية في الدوحة، وقال مسؤول في QIA إن الاستثمار طويل الأجل."
	for _, e := range x.FindEntities(text) {
		fmt.Printf("%s %s:", e.ID, e.Kind)
		for _, m := range e.Mentions {
			fmt.Printf(" %q", m.Text)
		}
		fmt.Println()
	}

	// NewExtractor checks every entry.
	_, err = arnews.NewExtractor(arnews.WithEntries(arnews.GazetteerEntry{Kind: arnews.KindCity, Name: "لوسيل", Country: "Qatar"}))
	fmt.Println(err)
	// Output:
	// org:qia organization: "جهاز الاستثمار القطري" "QIA"
	// city:QA:doha city: "الدوحة"
	// arnews: gazetteer entry 0 (ID "", name "لوسيل"): Country "Qatar" is not an ISO 3166-1 alpha-2 code such as QA
}

// ExampleWithoutTagger compares the default Extractor, whose trained
// tagger finds people no title introduces, with one that runs the
// gazetteer and the rules only: faster, and it still finds the city.
func ExampleWithoutTagger() {
	text := "وصل فيكتور أوربان إلى بودابست أمس."
	rulesOnly, err := arnews.NewExtractor(arnews.WithoutTagger())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range []*arnews.Extractor{must(arnews.NewExtractor()), rulesOnly} {
		var found []string
		for _, e := range x.FindEntities(text) {
			found = append(found, fmt.Sprintf("%s %s %q", e.Kind, e.ID, e.Mentions[0].Text))
		}
		fmt.Println(strings.Join(found, "; "))
	}
	// Output:
	// person person:فيكتور-اوربان "فيكتور أوربان"; city city:HU:budapest "بودابست"
	// city city:HU:budapest "بودابست"
}

// ExampleWithHelpers reads a long text (about 200 KiB, four pieces) on
// the calling goroutine only and with up to four helpers: the
// Documents are the same, only the time differs. The text repeats one
// signing; coreference stays within a piece, so each piece reports it
// once.
func ExampleWithHelpers() {
	line := "وقعت قطر وتركيا اتفاقية للتعاون في الدوحة يوم 12 نوفمبر 2021.\n\n"
	text := strings.Repeat(line, 200<<10/len(line))
	ref := arnews.WithRef(time.Date(2021, 11, 13, 0, 0, 0, 0, time.UTC))
	var docs []*arnews.Document
	for _, n := range []int{0, 4} {
		x, err := arnews.NewExtractor(arnews.WithoutTagger(), arnews.WithHelpers(n))
		if err != nil {
			fmt.Println(err)
			return
		}
		doc := x.Extract(text, ref)
		fmt.Printf("WithHelpers(%d): %d dates, %d entities, %d agreements\n", n, len(doc.Dates), len(doc.Entities), len(doc.Agreements))
		docs = append(docs, doc)
	}
	fmt.Println("same:", reflect.DeepEqual(docs[0], docs[1]))
	// Output:
	// WithHelpers(0): 1914 dates, 3 entities, 4 agreements
	// WithHelpers(4): 1914 dates, 3 entities, 4 agreements
	// same: true
}

// must returns x, or panics on an error that the example cannot have.
func must(x *arnews.Extractor, err error) *arnews.Extractor {
	if err != nil {
		panic(err)
	}
	return x
}

// ExampleOffsetMap maps what is found in normalized text back to the text
// the caller has: here a word found with its diacritics and tatweel gone.
func ExampleOffsetMap() {
	text := "وقّعت الدولتان اتفاقيـــةً للتعاون"
	norm, m := arnews.NewNormalizer(arnews.Search).StringMap(text)
	fmt.Println(norm)

	i := strings.Index(norm, "اتفاقيه")
	sp := m.Span(arnews.Span{Start: i, End: i + len("اتفاقيه")})
	fmt.Printf("normalized [%d,%d) → original [%d,%d) %q\n", i, i+len("اتفاقيه"), sp.Start, sp.End, text[sp.Start:sp.End])

	// Start and End map single offsets; an offset past the end is clamped.
	fmt.Println(m.Start(0), m.End(len(norm)), m.End(len(norm)+10) == len(text))
	// Output:
	// وقعت الدولتان اتفاقيه للتعاون
	// normalized [26,40) → original [28,50) "اتفاقيـــةً"
	// 0 65 true
}

// ExampleDateError tells the ways ParseDate fails apart with errors.Is,
// and finds where parsing stopped with errors.As.
func ExampleDateError() {
	ref := time.Date(2021, 11, 12, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s   string
		ref time.Time
	}{
		{"31 فبراير 2021", ref},
		{"الخميس 12 نوفمبر 2021", ref},
		{"أغسطس/أيلول 2021", ref},
		{"أمس", time.Time{}}, // no publication date known
		{"12 نوفمبر 2021 في الدوحة", ref},
		{"قطر", ref},
	} {
		_, err := arnews.ParseDate(tc.s, tc.ref)
		var de *arnews.DateError
		if !errors.As(err, &de) {
			continue
		}
		var why string
		switch {
		case errors.Is(err, arnews.ErrInvalidDate):
			why = "no such day"
		case errors.Is(err, arnews.ErrWeekdayMismatch):
			why = "wrong weekday"
		case errors.Is(err, arnews.ErrMonthMismatch):
			why = "halves disagree"
		case errors.Is(err, arnews.ErrNoRef):
			why = "needs a publication date"
		case errors.Is(err, arnews.ErrExtraText):
			why = "more than a date"
		case errors.Is(err, arnews.ErrNoDate):
			why = "not a date"
		}
		fmt.Printf("%-24s at byte %2d: %s\n", why, de.Offset, de.Input[de.Offset:])
	}
	// Output:
	// no such day              at byte  0: 31 فبراير 2021
	// wrong weekday            at byte  0: الخميس 12 نوفمبر 2021
	// halves disagree          at byte 11: أيلول 2021
	// needs a publication date at byte  0: أمس
	// more than a date         at byte 21: في الدوحة
	// not a date               at byte  0: قطر
}

// ExampleNormalizer_stream normalizes a stream without reading it whole: a
// Normalizer is a transform.Transformer, so it chains with a decoder, here
// from Windows-1256, the Arabic code page of older news archives.
func ExampleNormalizer_stream() {
	// "أُعلن الاتفاق\nوُقّع في الدوحة" in Windows-1256.
	archive := strings.NewReader("\xc3\xf5\xda\xe1\xe4 \xc7\xe1\xc7\xca\xdd\xc7\xde\n\xe6\xf5\xde\xf8\xda \xdd\xed \xc7\xe1\xcf\xe6\xcd\xc9\n")
	r := transform.NewReader(archive, transform.Chain(charmap.Windows1256.NewDecoder(), arnews.NewNormalizer(arnews.Search)))
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		fmt.Println(n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1 اعلن الاتفاق
	// 2 وقع في الدوحه
}
