package eval

import (
	"strings"

	"github.com/arnews/arnews"
)

// Issue is one miss (a gold item not found) or false positive (a predicted
// item that is wrong) of an article: what -v lists.
type Issue struct {
	// Figure names the figure it counts against: span, date, country,
	// person, organization, parties, agreement, status, signed or subject.
	Figure string
	// Miss is true for a gold item not found, false for a wrong prediction.
	Miss bool
	// Text is the item's text (for a country, its ID).
	Text string
	// Detail says what was wanted or given: a value, a kind and parties.
	Detail string
	// Context is the text around the item on one line, the item marked
	// ⟦so⟧; empty when the item has no place in the body.
	Context string
}

// ArticleResult is the score of one article, or of a whole corpus.
type ArticleResult struct {
	File string `json:"file,omitempty"`
	// Spans counts the spans of the Document that are good.
	Spans Ratio `json:"spans"`
	// Dates, Countries, People and Organizations are the entity figures.
	Dates         Score `json:"dates"`
	Countries     Score `json:"countries"`
	People        Score `json:"people"`
	Organizations Score `json:"organizations"`
	// FoundWithParties counts the gold agreements found with their state
	// parties.
	FoundWithParties Ratio `json:"found_with_parties"`
	// OneToOne is the one-to-one agreement matching.
	OneToOne Score `json:"one_to_one"`
	// Status, Signed and Subject count, among the matched agreements, those
	// with the right status, signing date and subject.
	Status  Ratio `json:"status"`
	Signed  Ratio `json:"signed"`
	Subject Ratio `json:"subject"`
	// Issues are the misses and false positives, gold items first.
	Issues []Issue `json:"-"`
}

// add adds the counts of o to r (not its issues).
func (r *ArticleResult) add(o ArticleResult) {
	r.Spans = r.Spans.Add(o.Spans)
	r.Dates = r.Dates.Add(o.Dates)
	r.Countries = r.Countries.Add(o.Countries)
	r.People = r.People.Add(o.People)
	r.Organizations = r.Organizations.Add(o.Organizations)
	r.FoundWithParties = r.FoundWithParties.Add(o.FoundWithParties)
	r.OneToOne = r.OneToOne.Add(o.OneToOne)
	r.Status = r.Status.Add(o.Status)
	r.Signed = r.Signed.Add(o.Signed)
	r.Subject = r.Subject.Add(o.Subject)
}

// ScoreArticle scores doc, the Document extracted from a.Body, against the
// gold of a, with the definitions of the package documentation.
func ScoreArticle(a Article, doc *arnews.Document) ArticleResult {
	r := ArticleResult{File: a.File}
	var issues []Issue
	r.Spans, issues = checkSpans(a.Body, doc)
	r.Issues = append(r.Issues, issues...)
	r.Dates, issues = scoreDates(a, doc)
	r.Issues = append(r.Issues, issues...)
	r.Countries, issues = scoreCountries(a, doc)
	r.Issues = append(r.Issues, issues...)
	r.People, issues = scoreNames(a, doc, "person")
	r.Issues = append(r.Issues, issues...)
	r.Organizations, issues = scoreNames(a, doc, "organization")
	r.Issues = append(r.Issues, issues...)
	r.Issues = append(r.Issues, scoreAgreements(a, doc, &r)...)
	return r
}

// checkSpans counts the spans of doc whose text is body[start:end].
func checkSpans(body string, doc *arnews.Document) (Ratio, []Issue) {
	var r Ratio
	var issues []Issue
	check := func(what, text string, sp arnews.Span) {
		ok := sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(body) && body[sp.Start:sp.End] == text
		r.tally(ok)
		if !ok {
			issues = append(issues, Issue{Figure: "span", Text: text, Detail: what + " " + spanString(sp),
				Context: excerpt(body, sp)})
		}
	}
	for _, d := range doc.Dates {
		check("date", d.Text, d.Span)
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			check(string(e.Kind)+" mention", m.Text, m.Span)
		}
	}
	for _, a := range doc.Agreements {
		check("agreement", a.Text, a.Span)
		for _, m := range a.Mentions {
			check("agreement mention", m.Text, m.Span)
		}
		if a.Subject != (arnews.Mention{}) {
			check("subject", a.Subject.Text, a.Subject.Span)
		}
		for _, d := range []*arnews.Date{a.Signed, a.Effective} {
			if d != nil && (d.Text != "" || d.Span != arnews.Span{}) {
				check("agreement date", d.Text, d.Span)
			}
		}
	}
	return r, issues
}

// hasValue reports whether the predicted date p has the gold value v: its
// value, or for a range (the gold writes the ends of a range as two dates,
// and the part of a period as the period) the value of one of its ends or
// a period v that holds the whole range.
func hasValue(p arnews.Date, v string) bool {
	if p.Value() == v {
		return true
	}
	if p.Until == nil {
		return false
	}
	first := p
	first.Until = nil
	if first.Value() == v || p.Until.Value() == v {
		return true
	}
	gv, err1 := ParseValue(v)
	pv, err2 := ParseValue(p.Value())
	return err1 == nil && err2 == nil && gv.First <= pv.First && pv.Last <= gv.Last
}

// scoreDates matches dates by text containment and equal value.
func scoreDates(a Article, doc *arnews.Document) (Score, []Issue) {
	s := Score{Gold: len(a.Dates), Predicted: len(doc.Dates)}
	var issues []Issue
	match := func(p arnews.Date, g GoldDate) bool {
		return overlapsText(p.Text, g.Text, 0) && hasValue(p, g.Value)
	}
	for _, g := range a.Dates {
		if anyOf(doc.Dates, func(p arnews.Date) bool { return match(p, g) }) {
			s.Found++
			continue
		}
		issues = append(issues, Issue{Figure: "date", Miss: true, Text: g.Text, Detail: "want " + g.Value,
			Context: excerpt(a.Body, find(a.Body, g.Text))})
	}
	for _, p := range doc.Dates {
		if anyOf(a.Dates, func(g GoldDate) bool { return match(p, g) }) {
			s.Right++
			continue
		}
		issues = append(issues, Issue{Figure: "date", Text: p.Text, Detail: "got " + p.Value(),
			Context: excerpt(a.Body, p.Span)})
	}
	return s, issues
}

// scoreCountries compares the set of gold country ids that have mentions
// with the set of predicted country IDs.
func scoreCountries(a Article, doc *arnews.Document) (Score, []Issue) {
	gold := map[string]GoldEntity{}
	for _, e := range a.Entities {
		if e.Kind == "country" && len(e.Mentions) > 0 {
			gold[e.ID] = e
		}
	}
	pred := map[string]arnews.Entity{}
	for _, e := range doc.Entities {
		if e.Kind == "country" {
			pred[e.ID] = e
		}
	}
	s := Score{Gold: len(gold), Predicted: len(pred)}
	var issues []Issue
	for _, e := range a.Entities {
		if _, ok := gold[e.ID]; !ok || e.Kind != "country" {
			continue
		}
		if _, ok := pred[e.ID]; ok {
			s.Found++
			continue
		}
		issues = append(issues, Issue{Figure: "country", Miss: true, Text: e.ID, Detail: e.Name,
			Context: excerpt(a.Body, find(a.Body, e.Mentions[0]))})
	}
	for _, e := range doc.Entities {
		if e.Kind != "country" {
			continue
		}
		if _, ok := gold[e.ID]; ok {
			s.Right++
			continue
		}
		iss := Issue{Figure: "country", Text: e.ID, Detail: e.Name, Context: "(implied, no mention)"}
		if len(e.Mentions) > 0 {
			iss.Context = excerpt(a.Body, e.Mentions[0].Span)
		}
		issues = append(issues, iss)
	}
	return s, issues
}

// minNameLen is the length a name string must exceed, in bytes, to take
// part in containment: one Arabic letter is 2 bytes.
const minNameLen = 2

// scoreNames matches the people (kind "person") or organisations (kind
// "organization") by containment of their strings.
func scoreNames(a Article, doc *arnews.Document, kind string) (Score, []Issue) {
	var gold []GoldEntity
	for _, e := range a.Entities {
		if string(e.Kind) == kind {
			gold = append(gold, e)
		}
	}
	var pred []arnews.Entity
	for _, e := range doc.Entities {
		if string(e.Kind) == kind && len(e.Mentions) > 0 {
			pred = append(pred, e)
		}
	}
	s := Score{Gold: len(gold), Predicted: len(pred)}
	var issues []Issue
	for _, g := range gold {
		if anyOf(pred, func(p arnews.Entity) bool { return namesMatch(p, g) }) {
			s.Found++
			continue
		}
		issues = append(issues, Issue{Figure: kind, Miss: true, Text: g.Name,
			Context: excerpt(a.Body, find(a.Body, firstOr(g.Mentions, g.Name)))})
	}
	for _, p := range pred {
		if anyOf(gold, func(g GoldEntity) bool { return namesMatch(p, g) }) {
			s.Right++
			continue
		}
		issues = append(issues, Issue{Figure: kind, Text: p.Mentions[0].Text, Detail: p.ID,
			Context: excerpt(a.Body, p.Mentions[0].Span)})
	}
	return s, issues
}

// namesMatch reports whether a mention of p contains, or is contained in, a
// mention or the name of g.
func namesMatch(p arnews.Entity, g GoldEntity) bool {
	for _, m := range p.Mentions {
		if overlapsText(m.Text, g.Name, minNameLen) {
			return true
		}
		for _, gm := range g.Mentions {
			if overlapsText(m.Text, gm, minNameLen) {
				return true
			}
		}
	}
	return false
}

// anyOf reports whether f holds for some element of s.
func anyOf[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

// firstOr returns s[0], or def when s is empty.
func firstOr(s []string, def string) string {
	if len(s) == 0 {
		return def
	}
	return s[0]
}

// find returns the span of the first occurrence of sub in body, or
// {-1, -1}.
func find(body, sub string) arnews.Span {
	i := strings.Index(body, sub)
	if i < 0 || sub == "" {
		return arnews.Span{Start: -1, End: -1}
	}
	return arnews.Span{Start: i, End: i + len(sub)}
}
