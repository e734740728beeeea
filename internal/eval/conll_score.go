package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/arnews/arnews"
)

// CoNLLRef is the reference date every CoNLL sentence is extracted with.
// Entities do not depend on it; it only fixes the run.
const CoNLLRef = "2007-01-01"

// conllTypes returns the entity types scored, in table order.
func conllTypes() []string { return []string{"LOC", "ORG", "PERS"} }

// conllType maps an arnews entity kind to its CoNLL type, or "".
func conllType(kind string) string {
	switch kind {
	case "country", "city", "region":
		return "LOC"
	case "organization":
		return "ORG"
	case "person":
		return "PERS"
	}
	return ""
}

// CoNLLIssue is a missed gold entity or a wrong predicted one.
type CoNLLIssue struct {
	Line    int  // line of the sentence's first token
	Miss    bool // true: gold not found; false: predicted, not gold
	Entity  TokenSpan
	Text    string // the entity's tokens
	Context string // the sentence around it
}

// CoNLLReport is the exact-span entity score of a set of sentences.
type CoNLLReport struct {
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
	// Scores holds LOC, ORG and PERS, and "all" for the three together.
	Scores map[string]Score `json:"scores"`
	Issues []CoNLLIssue     `json:"-"`
}

// ScoreCoNLL extracts each sentence with arnews and scores the predicted
// entities against the gold ones (see the package documentation).
func ScoreCoNLL(sentences []Sentence) CoNLLReport {
	x, _ := arnews.NewExtractor() // no options: cannot fail
	ref, _ := time.Parse(time.DateOnly, CoNLLRef)
	rep := CoNLLReport{Sentences: len(sentences), Scores: map[string]Score{}}
	for _, s := range sentences {
		rep.Tokens += len(s.Tokens)
		doc := x.Extract(s.Text(), arnews.WithRef(ref))
		rep.add(s, scoredSpans(s.Entities()), PredictedSpans(s, doc))
	}
	return rep
}

// add scores one sentence's gold and predicted spans.
func (rep *CoNLLReport) add(s Sentence, gold, pred []TokenSpan) {
	text, offsets := s.Text(), tokenOffsets(s)
	issue := func(e TokenSpan, miss bool) {
		sp := arnews.Span{Start: offsets[e.Start].Start, End: offsets[e.End-1].End}
		rep.Issues = append(rep.Issues, CoNLLIssue{Line: s.Line, Miss: miss, Entity: e,
			Text: text[sp.Start:sp.End], Context: excerpt(text, sp)})
	}
	for _, typ := range conllTypes() {
		sc := Score{}
		for _, g := range gold {
			if g.Type == typ {
				sc.Gold++
				if slices.Contains(pred, g) {
					sc.Found++
				} else {
					issue(g, true)
				}
			}
		}
		for _, p := range pred {
			if p.Type == typ {
				sc.Predicted++
				if slices.Contains(gold, p) {
					sc.Right++
				} else {
					issue(p, false)
				}
			}
		}
		rep.Scores[typ] = rep.Scores[typ].Add(sc)
		rep.Scores["all"] = rep.Scores["all"].Add(sc)
	}
}

// scoredSpans keeps the spans of the scored types (not MISC).
func scoredSpans(spans []TokenSpan) []TokenSpan {
	return slices.DeleteFunc(spans, func(e TokenSpan) bool { return !slices.Contains(conllTypes(), e.Type) })
}

// tokenOffsets returns the byte span of each token in s.Text().
func tokenOffsets(s Sentence) []arnews.Span {
	out := make([]arnews.Span, len(s.Tokens))
	at := 0
	for i, t := range s.Tokens {
		out[i] = arnews.Span{Start: at, End: at + len(t.Text)}
		at += len(t.Text) + 1
	}
	return out
}

// PredictedSpans maps the mentions of doc, extracted from s.Text(), to
// the tokens they overlap, from the first to the last, typed by
// entity kind (LOC, ORG, PERS). Duplicates are dropped; the result is
// sorted by start, end and type.
func PredictedSpans(s Sentence, doc *arnews.Document) []TokenSpan {
	offsets := tokenOffsets(s)
	var out []TokenSpan
	for _, e := range doc.Entities {
		typ := conllType(string(e.Kind))
		if typ == "" {
			continue
		}
		for _, m := range e.Mentions {
			first := slices.IndexFunc(offsets, func(t arnews.Span) bool { return t.End > m.Start })
			if first < 0 || offsets[first].Start >= m.End {
				continue // the mention overlaps no token
			}
			last := first
			for last+1 < len(offsets) && offsets[last+1].Start < m.End {
				last++
			}
			sp := TokenSpan{Type: typ, Start: first, End: last + 1}
			if !slices.Contains(out, sp) {
				out = append(out, sp)
			}
		}
	}
	slices.SortFunc(out, func(a, b TokenSpan) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return strings.Compare(a.Type, b.Type)
	})
	return out
}

// Figures returns the P, R and F1 of each type and of all three under
// prefix (e.g. "anercorp_dev/LOC/f1").
func (rep CoNLLReport) Figures(prefix string) Figures {
	f := Figures{}
	for _, typ := range append(conllTypes(), "all") {
		f.addScore(prefix+"/"+typ, rep.Scores[typ])
	}
	return f
}

// WriteTable writes the scores as a table: type, P, R, F1, counts.
func (rep CoNLLReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "type\tP\tR\tF1\tcounts\n")
	for _, typ := range append(conllTypes(), "all") {
		s := rep.Scores[typ]
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\tcorrect %d; gold %d, predicted %d\n",
			typ, s.Precision(), s.Recall(), s.F1(), s.Found, s.Gold, s.Predicted)
	}
	return tw.Flush()
}

// WriteIssues writes each missed and wrong entity on one line.
func (rep CoNLLReport) WriteIssues(w io.Writer) error {
	for _, is := range rep.Issues {
		what := "false"
		if is.Miss {
			what = "miss "
		}
		_, err := fmt.Fprintf(w, "line %d: %s %-4s %q  | %s\n", is.Line, what, is.Entity.Type, is.Text, is.Context)
		if err != nil {
			return err
		}
	}
	return nil
}
