package eval

import (
	"slices"
	"strings"

	"github.com/arnews/arnews"
)

// scoreAgreements fills the agreement figures of r and returns their
// issues: found with parties, one-to-one, and of the matched.
func scoreAgreements(a Article, doc *arnews.Document, r *ArticleResult) []Issue {
	var issues []Issue
	for _, g := range a.Agreements {
		ok := foundWithParties(g, doc.Agreements)
		r.FoundWithParties.tally(ok)
		if !ok {
			issues = append(issues, goldAgreementIssue(a, g, "parties", "no agreement has parties "+
				strings.Join(stateParties(g.Parties), ",")))
		}
	}
	pairs, claimed := matchAgreements(a.Agreements, doc.Agreements)
	r.OneToOne = Score{Gold: len(a.Agreements), Predicted: len(doc.Agreements), Found: len(pairs), Right: len(pairs)}
	for gi, g := range a.Agreements {
		pi, ok := pairs[gi]
		if !ok {
			issues = append(issues, goldAgreementIssue(a, g, "agreement", "unmatched"))
			continue
		}
		issues = append(issues, scoreMatched(a, g, doc.Agreements[pi], r)...)
	}
	for pi, p := range doc.Agreements {
		if !claimed[pi] {
			issues = append(issues, Issue{Figure: "agreement", Text: p.Text,
				Detail:  describe(string(p.Kind), string(p.Status), stateParties(p.Parties)) + " unclaimed",
				Context: excerpt(a.Body, p.Span)})
		}
	}
	return issues
}

// foundWithParties reports whether some predicted agreement's parties
// include every state party of g.
func foundWithParties(g GoldAgreement, pred []arnews.Agreement) bool {
	want := stateParties(g.Parties)
	return anyOf(pred, func(p arnews.Agreement) bool {
		for _, w := range want {
			if !slices.Contains(p.Parties, w) {
				return false
			}
		}
		return true
	})
}

// matchAgreements pairs gold agreements with predictions one to one: each
// gold agreement, in order, claims the first unclaimed prediction of the
// same kind with the same set of state parties. pairs maps a gold index to
// a predicted one; claimed marks the claimed predictions.
func matchAgreements(gold []GoldAgreement, pred []arnews.Agreement) (pairs map[int]int, claimed []bool) {
	pairs = map[int]int{}
	claimed = make([]bool, len(pred))
	for gi, g := range gold {
		want := stateParties(g.Parties)
		for pi, p := range pred {
			if !claimed[pi] && string(p.Kind) == g.Kind && slices.Equal(stateParties(p.Parties), want) {
				claimed[pi] = true
				pairs[gi] = pi
				break
			}
		}
	}
	return pairs, claimed
}

// scoreMatched counts status, signing date and subject of a matched pair.
func scoreMatched(a Article, g GoldAgreement, p arnews.Agreement, r *ArticleResult) []Issue {
	var issues []Issue
	wrong := func(figure, detail string) {
		issues = append(issues, Issue{Figure: figure, Miss: true, Text: p.Text, Detail: detail,
			Context: excerpt(a.Body, p.Span)})
	}
	r.Status.tally(string(p.Status) == g.Status)
	if string(p.Status) != g.Status {
		wrong("status", "want "+g.Status+", got "+string(p.Status))
	}
	if g.Signed != "" {
		got := ""
		if p.Signed != nil {
			got = p.Signed.Value()
		}
		r.Signed.tally(got == g.Signed)
		if got != g.Signed {
			wrong("signed", "want "+g.Signed+", got "+orNone(got))
		}
	}
	if g.Subject != "" {
		ok := subjectMatches(p.Subject.Text, g.Subject)
		r.Subject.tally(ok)
		if !ok {
			wrong("subject", "want «"+g.Subject+"», got «"+p.Subject.Text+"»")
		}
	}
	return issues
}

// subjectMatches reports whether the predicted subject contains, or is
// contained in, the gold one, or shares at least half of its words. Like
// containment, the word rule is symmetric: the distinct words
// (strings.Fields) the two subjects share are at least half of the distinct
// words of one of them (so of the one with fewer). An empty prediction
// never matches.
func subjectMatches(pred, gold string) bool {
	if pred == "" || gold == "" {
		return false
	}
	if strings.Contains(pred, gold) || strings.Contains(gold, pred) {
		return true
	}
	p, g := wordSet(pred), wordSet(gold)
	shared := 0
	for w := range p {
		if g[w] {
			shared++
		}
	}
	fewer := min(len(p), len(g))
	return fewer > 0 && 2*shared >= fewer
}

// wordSet returns the distinct words of s.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

// stateParties returns the sorted, distinct two-letter codes (A–Z) among
// parties: the state parties.
func stateParties(parties []string) []string {
	var out []string
	for _, p := range parties {
		if len(p) == 2 && isUpper(p[0]) && isUpper(p[1]) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// goldAgreementIssue is a miss for gold agreement g.
func goldAgreementIssue(a Article, g GoldAgreement, figure, detail string) Issue {
	return Issue{Figure: figure, Miss: true, Text: g.Trigger,
		Detail:  describe(g.Kind, g.Status, stateParties(g.Parties)) + " " + detail,
		Context: excerpt(a.Body, find(a.Body, g.Trigger))}
}

// describe writes an agreement as kind/status [parties].
func describe(kind, status string, parties []string) string {
	return kind + "/" + status + " [" + strings.Join(parties, ",") + "]"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
