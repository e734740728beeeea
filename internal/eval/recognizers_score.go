package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf16"

	"github.com/arnews/arnews"
)

// Outcome is what became of one in-scope expected result that was not
// simply found: a miss, an unscored result, or a declined one.
type Outcome struct {
	File   string
	Line   int // line of the case in its file
	Input  string
	Result Result
	// Status is "miss", "unscored" or "declined".
	Status string
	// Reason says why a result is unscored or declined.
	Reason string
	// Found tells, for a declined result, whether it would be found.
	Found bool
	// Got are the predicted dates that overlap the result.
	Got []arnews.Date
	// Context is the input with the expected text marked.
	Context string
}

// FileScore counts the results of one spec file, or of all of them.
type FileScore struct {
	Name       string `json:"name"`
	Cases      int    `json:"cases"`
	Results    int    `json:"results"`     // every expected result
	OtherTypes int    `json:"other_types"` // results of a type out of scope (time, duration…)
	Scored     Ratio  `json:"scored"`      // found out of the scored results: the figure
	Declined   Ratio  `json:"declined"`    // found out of the declined results
	Unscored   int    `json:"unscored"`    // in scope, but no usable value or text not in input
	// Extra counts predicted dates that overlap no expected result of any
	// type in their case.
	Extra int `json:"extra"`
}

// add adds the counts of o to s.
func (s *FileScore) add(o FileScore) {
	s.Cases += o.Cases
	s.Results += o.Results
	s.OtherTypes += o.OtherTypes
	s.Scored = s.Scored.Add(o.Scored)
	s.Declined = s.Declined.Add(o.Declined)
	s.Unscored += o.Unscored
	s.Extra += o.Extra
}

// RecognizersReport is the score of a set of spec files.
type RecognizersReport struct {
	Files    []FileScore `json:"files"`
	Total    FileScore   `json:"total"`
	Outcomes []Outcome   `json:"-"`
}

// ScoreRecognizers runs arnews.FindDates on every case and scores the
// date and date-range results (see the package documentation).
func ScoreRecognizers(files []SpecFile) RecognizersReport {
	rep := RecognizersReport{Total: FileScore{Name: "all"}}
	for _, f := range files {
		fs := FileScore{Name: f.Name, Cases: len(f.Cases)}
		for _, c := range f.Cases {
			cs, outs := scoreCase(f.Name, c)
			fs.add(cs)
			rep.Outcomes = append(rep.Outcomes, outs...)
		}
		rep.Files = append(rep.Files, fs)
		rep.Total.add(fs)
	}
	return rep
}

// scoreCase scores the results of one case.
func scoreCase(file string, c Case) (FileScore, []Outcome) {
	var fs FileScore
	var outs []Outcome
	dates := arnews.FindDates(c.Input, c.Ref)
	var located []arnews.Span
	for _, r := range c.Results {
		fs.Results++
		sp, ok := locate(c.Input, r)
		if ok {
			located = append(located, sp)
		}
		if !r.InScope() {
			fs.OtherTypes++
			continue
		}
		got := overlapping(dates, sp, ok)
		found := ok && resultFound(r, got)
		o := Outcome{File: file, Line: c.Line, Input: c.Input, Result: r, Got: got, Found: found}
		if ok {
			o.Context = excerpt(c.Input, sp)
		}
		switch {
		case c.Declined != "":
			fs.Declined.tally(found)
			o.Status, o.Reason = "declined", c.Declined
		case !ok:
			fs.Unscored++
			o.Status, o.Reason = "unscored", "text not in input"
		case r.HasValue && len(r.Values) == 0:
			fs.Unscored++
			o.Status, o.Reason = "unscored", r.Unusable
		default:
			fs.Scored.tally(found)
			o.Status = "miss"
		}
		if o.Status != "miss" || !found {
			outs = append(outs, o)
		}
	}
	if c.Declined == "" {
		for _, d := range dates {
			if !overlapsAny(d.Span, located) {
				fs.Extra++
			}
		}
	}
	return fs, outs
}

// resultFound reports whether one of the predicted dates got (which
// overlap r) finds r: any of them for an extractor result, one with an
// accepted value otherwise.
func resultFound(r Result, got []arnews.Date) bool {
	if !r.HasValue {
		return len(got) > 0
	}
	for _, d := range got {
		v, err := ParseValue(d.Value())
		if err != nil {
			continue
		}
		for _, e := range r.Values {
			if e.Accepts(v) {
				return true
			}
		}
	}
	return false
}

// overlapping returns the dates whose span overlaps sp (none when !ok).
func overlapping(dates []arnews.Date, sp arnews.Span, ok bool) []arnews.Date {
	var out []arnews.Date
	for _, d := range dates {
		if ok && spansOverlap(d.Span, sp) {
			out = append(out, d)
		}
	}
	return out
}

// spansOverlap reports whether a and b share a byte.
func spansOverlap(a, b arnews.Span) bool { return a.Start < b.End && b.Start < a.End }

// overlapsAny reports whether sp overlaps one of spans.
func overlapsAny(sp arnews.Span, spans []arnews.Span) bool {
	return anyOf(spans, func(o arnews.Span) bool { return spansOverlap(sp, o) })
}

// locate finds a result's text, without surrounding spaces, in the input:
// the occurrence nearest to the result's Start (counted in UTF-16 code
// units, as Recognizers does). ok is false when the text is not there.
func locate(input string, r Result) (sp arnews.Span, ok bool) {
	text := strings.TrimSpace(r.Text)
	if text == "" {
		return arnews.Span{}, false
	}
	best, bestDist := -1, 0
	for from := 0; ; {
		i := strings.Index(input[from:], text)
		if i < 0 {
			break
		}
		at := from + i
		dist := utf16Len(input[:at]) - r.Start
		if dist < 0 {
			dist = -dist
		}
		if best < 0 || dist < bestDist {
			best, bestDist = at, dist
		}
		from = at + 1
	}
	if best < 0 {
		return arnews.Span{}, false
	}
	return arnews.Span{Start: best, End: best + len(text)}, true
}

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Figures returns the share of scored results found, per file and for all
// files, under "recognizers/" (e.g. "recognizers/DateParser/found").
func (rep RecognizersReport) Figures() Figures {
	f := Figures{}
	for _, fs := range rep.Files {
		f["recognizers/"+strings.TrimSuffix(fs.Name, ".json")+"/found"] = fs.Scored.Value()
	}
	f["recognizers/all/found"] = rep.Total.Scored.Value()
	return f
}

// WriteTable writes one row per file and a total, then the declined
// cases, which stay visible but out of the figure.
func (rep RecognizersReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "file\tcases\tresults\tother types\tunscored\tdeclined\tscored\tfound\tR\textra\t\n")
	for _, fs := range append(rep.Files, rep.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.2f\t%d\t\n", fs.Name, fs.Cases, fs.Results,
			fs.OtherTypes, fs.Unscored, fs.Declined.N, fs.Scored.N, fs.Scored.K, fs.Scored.Value(), fs.Extra)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if rep.Total.Declined.N > 0 {
		fmt.Fprintf(w, "\ndeclined, out of the figure (%d found of %d):\n", rep.Total.Declined.K, rep.Total.Declined.N)
	}
	return rep.writeOutcomes(w, "declined")
}

// WriteIssues writes every miss and every unscored result, one line each.
func (rep RecognizersReport) WriteIssues(w io.Writer) error {
	fmt.Fprintln(w)
	if err := rep.writeOutcomes(w, "miss"); err != nil {
		return err
	}
	return rep.writeOutcomes(w, "unscored")
}

// writeOutcomes writes the outcomes with the given status.
func (rep RecognizersReport) writeOutcomes(w io.Writer, status string) error {
	for _, o := range rep.Outcomes {
		if o.Status != status {
			continue
		}
		if _, err := fmt.Fprintln(w, outcomeLine(o)); err != nil {
			return err
		}
	}
	return nil
}

// outcomeLine writes an outcome on one line: where, what, the values
// wanted, the dates got, the reason, the input.
func outcomeLine(o Outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s:%d %s %s %q", o.File, o.Line, o.Status, o.Result.Type, strings.TrimSpace(o.Result.Text))
	if len(o.Result.Values) > 0 {
		want := make([]string, len(o.Result.Values))
		for i, e := range o.Result.Values {
			want[i] = e.String()
		}
		fmt.Fprintf(&b, " want %s", strings.Join(want, " | "))
	}
	got := make([]string, len(o.Got))
	for i, d := range o.Got {
		got[i] = fmt.Sprintf("%q=%s", d.Text, d.Value())
	}
	fmt.Fprintf(&b, "; got %s", orNone(strings.Join(got, ", ")))
	if o.Status == "declined" {
		fmt.Fprintf(&b, " (found: %v)", o.Found)
	}
	if o.Reason != "" {
		fmt.Fprintf(&b, "; %s", o.Reason)
	}
	ctx := o.Context
	if ctx == "" {
		ctx = o.Input
	}
	fmt.Fprintf(&b, "  | %s", ctx)
	return b.String()
}
