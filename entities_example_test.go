package arnews_test

import (
	"fmt"

	"github.com/arnews/arnews"
)

func ExampleFindEntities() {
	text := "ووقع وزير الخارجية الأمريكي أنتوني بلينكن ونظيره القطري الشيخ محمد بن عبد الرحمن آل ثاني الاتفاق بوزارة الخارجية الأمريكية في واشنطن، وقال بلينكن إن قطر ستمثل الولايات المتحدة في أفغانستان."
	for _, e := range arnews.FindEntities(text) {
		fmt.Printf("%s (%s, country %q, title %q):", e.ID, e.Kind, e.Country, e.Title)
		for _, m := range e.Mentions {
			fmt.Printf(" %q@%d", m.Text, m.Start)
		}
		fmt.Println()
	}
	// Output:
	// person:انتوني-بلينكن (person, country "US", title "وزير الخارجية"): "أنتوني بلينكن"@52 "بلينكن"@256
	// person:محمد-بن-عبد-الرحمن-ال-ثاني (person, country "QA", title "وزير الخارجية"): "محمد بن عبد الرحمن آل ثاني"@115
	// org:US:ministry-of-foreign-affairs (organization, country "US", title ""): "وزارة الخارجية الأمريكية"@180
	// city:US:washington (city, country "US", title ""): "واشنطن"@232
	// QA (country, country "QA", title ""): "قطر"@274
	// US (country, country "US", title ""): "الولايات المتحدة"@292
	// AF (country, country "AF", title ""): "أفغانستان"@329
}
