package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/arnews/arnews"
)

// CorpusReport is the score of a corpus: the sum over its articles and
// each article's own result.
type CorpusReport struct {
	Total    ArticleResult   `json:"total"`
	Articles []ArticleResult `json:"articles"`
}

// ScoreCorpus extracts each article's body with arnews.Extract and
// WithRef(article ref) and scores it.
func ScoreCorpus(arts []Article) CorpusReport {
	x, _ := arnews.NewExtractor() // no options: cannot fail
	var rep CorpusReport
	for _, a := range arts {
		doc := x.Extract(a.Body, arnews.WithRef(a.Ref))
		r := ScoreArticle(a, doc)
		rep.Total.add(r)
		rep.Articles = append(rep.Articles, r)
	}
	return rep
}

// Figures returns the corpus figures under "corpus/".
func (rep CorpusReport) Figures() Figures {
	t := rep.Total
	f := Figures{}
	f["corpus/spans/good"] = goodSpans(t.Spans)
	f.addScore("corpus/dates", t.Dates)
	f.addScore("corpus/countries", t.Countries)
	f.addScore("corpus/people", t.People)
	f.addScore("corpus/organizations", t.Organizations)
	f["corpus/agreements/found_with_parties"] = t.FoundWithParties.Value()
	f.addScore("corpus/agreements/one_to_one", t.OneToOne)
	f["corpus/agreements/matched/status"] = t.Status.Value()
	f["corpus/agreements/matched/signed"] = t.Signed.Value()
	f["corpus/agreements/matched/subject"] = t.Subject.Value()
	return f
}

// goodSpans is the fraction of good spans, 1 when there is none at all.
func goodSpans(r Ratio) float64 {
	if r.N == 0 {
		return 1
	}
	return r.Value()
}

// WriteTable writes the figures as a table: figure, P, R, F1, counts.
func (rep CorpusReport) WriteTable(w io.Writer) error {
	t := rep.Total
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "figure\tP\tR\tF1\tcounts\n")
	fmt.Fprintf(tw, "spans\t\t\t\t%d bad of %d\n", t.Spans.N-t.Spans.K, t.Spans.N)
	for _, row := range []struct {
		name string
		s    Score
	}{{"dates", t.Dates}, {"countries", t.Countries}, {"people", t.People}, {"organisations", t.Organizations}} {
		writeScoreRow(tw, row.name, row.s)
	}
	fmt.Fprintf(tw, "agreements found with parties\t\t%.2f\t\t%s gold\n", t.FoundWithParties.Value(), t.FoundWithParties)
	o := t.OneToOne
	fmt.Fprintf(tw, "agreements one-to-one\t%.2f\t%.2f\t%.2f\tmatched %d; gold %d, predicted %d\n",
		o.Precision(), o.Recall(), o.F1(), o.Found, o.Gold, o.Predicted)
	fmt.Fprintf(tw, "of the matched: status\t\t\t\t%s\n", t.Status)
	fmt.Fprintf(tw, "of the matched: signed date\t\t\t\t%s\n", t.Signed)
	fmt.Fprintf(tw, "of the matched: subject\t\t\t\t%s\n", t.Subject)
	return tw.Flush()
}

// writeScoreRow writes one P/R/F1 row with its counts.
func writeScoreRow(w io.Writer, name string, s Score) {
	fmt.Fprintf(w, "%s\t%.2f\t%.2f\t%.2f\tfound %d/%d gold, right %d/%d predicted\n",
		name, s.Precision(), s.Recall(), s.F1(), s.Found, s.Gold, s.Right, s.Predicted)
}

// WriteIssues writes every miss and false positive, article by article,
// one line each: "miss" or "false", the figure, the text, the detail and
// the context.
func (rep CorpusReport) WriteIssues(w io.Writer) error {
	for _, r := range rep.Articles {
		if len(r.Issues) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "\n%s\n", r.File); err != nil {
			return err
		}
		for _, is := range r.Issues {
			if err := writeIssue(w, is); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeIssue writes one issue line.
func writeIssue(w io.Writer, is Issue) error {
	what := "false"
	if is.Miss {
		what = "miss "
	}
	line := fmt.Sprintf("  %s %-12s %q", what, is.Figure, is.Text)
	if is.Detail != "" {
		line += " " + is.Detail
	}
	if is.Context != "" {
		line += "  | " + is.Context
	}
	_, err := fmt.Fprintln(w, line)
	return err
}
