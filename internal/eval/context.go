package eval

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/arnews/arnews"
)

// contextRunes is how many runes of text excerpt shows on each side.
const contextRunes = 30

// excerpt returns the text around sp on one line, sp's text marked ⟦so⟧
// and line breaks and tabs shown as spaces. It returns "" for a span that
// does not fit in text (a gold text that was not found, a bad span).
func excerpt(text string, sp arnews.Span) string {
	if sp.Start < 0 || sp.Start > sp.End || sp.End > len(text) {
		return ""
	}
	from := sp.Start
	for n := 0; n < contextRunes && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	to := sp.End
	for n := 0; n < contextRunes && to < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	s := text[from:sp.Start] + "⟦" + text[sp.Start:sp.End] + "⟧" + text[sp.End:to]
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
	if from > 0 {
		s = "…" + s
	}
	if to < len(text) {
		s += "…"
	}
	return s
}

// spanString writes sp as [start,end).
func spanString(sp arnews.Span) string { return fmt.Sprintf("[%d,%d)", sp.Start, sp.End) }
