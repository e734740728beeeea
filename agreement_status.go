package arnews

import "time"

// This file holds the steps that decide an agreement's status: the trigger
// word that reports what happened to the instrument, its mood (future,
// negated, background), and the staleness of a dated signing.

// triggerClass is what a trigger word reports.
type triggerClass uint8

const (
	trigNone triggerClass = iota
	trigSign
	trigApprove
	trigInForce
	trigNegotiate
	trigEffective // introduces the date it takes effect
)

// trigger finds the word that reports what happened to the instrument: the
// nearest trigger before it in its clause, or one right after it (التي
// جرى التوقيع عليها، الموقعة). An approval that a draft asks for (مشروع
// قانون يتعلق بالموافقة على) has not happened: it is passed over. A definite noun is often the subject of
// the verb after it (الاتفاقية الأمنية مع ليبيا ستوقع), an indefinite one
// the object of the verb before it, so each looks first on its own side.
func (f *agreementFinder) trigger(si int, n nounMatch) (triggerClass, int) {
	t := f.t
	s := f.around(si, n)
	before := func() (triggerClass, int) {
		for i := n.i - 1; i >= s.first; i-- {
			if t.toks[i].is(cComplementizer) {
				break // the trigger must be in the same reported clause
			}
			if c := f.triggerAt(i); c != trigNone && c != trigEffective && !(c == trigApprove && f.drafted(i)) {
				return c, i
			}
		}
		return trigNone, -1
	}
	after := func() (triggerClass, int) {
		start := n.j + 1
		for start < s.last && t.toks[start].is(cQuote) {
			start++ // مذكرة التفاهم” التي أبرمتها: the end of a quoted name
		}
		for i := start; i < s.last && i <= n.j+6; i++ {
			if isClausePunct(&t.toks[i]) {
				break
			}
			if c := f.triggerAt(i); c != trigNone && c != trigEffective {
				return c, i
			}
		}
		return trigNone, -1
	}
	first, second := before, after
	if n.c.def {
		first, second = after, before
	}
	if c, i := first(); c != trigNone {
		return c, i
	}
	return second()
}

// triggerAt returns what the word at token i reports:
//
//	sign | approve | in-force | negotiate | effective   by its class
//	enter … حيز                                         in force, دخل up to 8 words before
//	sign-cue توقع                                       sign (لم توقع); توقع alone is "expects"
//	scope execution                                     حيز التنفيذ: effective
//	instrument [adjectives] signed-adjective            البروتوكول الموقع: sign
func (f *agreementFinder) triggerAt(i int) triggerClass {
	if c := f.trig[i]; c != 0 {
		return triggerClass(c - 1)
	}
	c := f.readTrigger(i)
	f.trig[i] = uint8(c) + 1
	return c
}

// readTrigger is triggerAt without its memory.
func (f *agreementFinder) readTrigger(i int) triggerClass {
	tk := &f.t.toks[i]
	if tk.kind != tokWord {
		return trigNone
	}
	switch {
	case tk.has(cSign):
		return trigSign
	case tk.has(cApprove):
		return trigApprove
	case tk.has(cInForce):
		return trigInForce
	case tk.has(cNegotiate):
		return trigNegotiate
	case tk.has(cEffective):
		return trigEffective
	case tk.has(cScope):
		for k := i - 1; k >= 0 && k >= i-8; k-- {
			if f.t.toks[k].has(cEnter) {
				return trigInForce
			}
		}
		return trigNone
	case tk.is(cSignOrExpect) && i > 0 && f.t.toks[i-1].has(cSignCue):
		return trigSign
	case tk.is(cExecution) && i > 0 && f.t.toks[i-1].is(cScope):
		return trigEffective
	case tk.is(cSignedAdj):
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if f.t.toks[k].has(cInstrument) {
				return trigSign
			}
			if !f.t.toks[k].leadingArticle() {
				break
			}
		}
	}
	return trigNone
}

// mood reports whether the trigger at i is in the future (it or one of
// the three words before it is a future verb or marker: ستدخل حيز، سوف،
// من المقرر أن) or negated (لم، لن، رفض), within the sentence that starts
// at first.
func (f *agreementFinder) mood(i, first int) (future, negated bool) {
	future = f.lx.futureVerb(&f.t.toks[i])
	for k := i - 1; k >= first && k >= i-3; k-- {
		tk := &f.t.toks[k]
		future = future || tk.is(cFuture) || f.lx.futureVerb(tk)
		negated = negated || tk.is(cNegation)
	}
	return future, negated
}

// statusFromTrigger reads the status the trigger reports:
//
//	sign → signed; negated → mentioned; future → negotiating
//	approve → approved (an approval a draft asks for, مشروع قانون بالموافقة
//	على, is no trigger: see trigger)
//	in-force → in_force, unless future or negated (nothing new yet)
//	negotiate → negotiating
func statusFromTrigger(f *agreementFinder, x *nounCtx) {
	switch x.trig {
	case trigSign:
		x.status = StatusSigned
		x.weak = f.t.toks[x.trigAt].has(cImperfect)
		switch future, negated := f.mood(x.trigAt, x.s.first); {
		case negated:
			x.status = StatusMentioned
		case future:
			x.status = StatusNegotiating
		}
	case trigApprove:
		x.status = StatusApproved
	case trigInForce:
		x.status = StatusInForce
		if future, negated := f.mood(x.trigAt, x.s.first); future || negated {
			x.status = ""
		}
	case trigNegotiate:
		x.status = StatusNegotiating
	}
}

// drafted reports whether the approval word at i belongs to a draft: a
// draft noun among the four words before it (مشروع قانون يتعلق بالموافقة).
func (f *agreementFinder) drafted(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if f.t.toks[k].is(cDraft) {
			return true
		}
	}
	return false
}

// staleAfter is how long before the publication date a signing stops
// being news.
const staleAfter = 90 * 24 * time.Hour

// staleSigning makes a signing dated well before the article background:
// اتفاق عام 2020، الموقع في 15 نوفمبر 2022 in an article of June 2023 is
// mentioned, not signed.
func staleSigning(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil && (x.status == StatusSigned || x.status == "") && f.stale(x.a.Signed) {
		x.status = StatusMentioned
	}
}

// stale reports whether the date d (at its grain: the last day it covers)
// ends more than staleAfter before the publication date.
func (f *agreementFinder) stale(d *Date) bool {
	end := d.Time()
	switch d.Grain {
	case GrainYear:
		end = end.AddDate(1, 0, -1)
	case GrainMonth:
		end = end.AddDate(0, 1, -1)
	case GrainWeek:
		end = end.AddDate(0, 0, 6)
	}
	return f.ref.Sub(end) > staleAfter
}

// noteEventDate takes the date of the first signing reported as news (not
// in the pluperfect) as the article's event date, for later signings whose
// sentence gives none.
func noteEventDate(f *agreementFinder, x *nounCtx) {
	if x.a.Signed != nil && f.eventDate == nil && x.status == StatusSigned && !f.background(x.s, x.trigAt) {
		f.eventDate = x.a.Signed
		f.eventFrom = f.recs[f.index(x.a)].first
	}
}

// index returns the position of a in f.out.
func (f *agreementFinder) index(a *Agreement) int {
	for i := range f.out {
		if &f.out[i] == a {
			return i
		}
	}
	return -1
}

// background reports whether the trigger at i is told as background, in
// the pluperfect (وكانت قطر والسعودية قد وقعتا): such a signing does not
// give the article's event date.
//
//	كان … قد trigger    كان among the first three words of the sentence
func (f *agreementFinder) background(s sentence, i int) bool {
	if i < 0 {
		return false
	}
	for k := max(s.first, i-8); k < i; k++ {
		if f.t.toks[k].is(cPerfect) {
			for j := s.first; j < k && j < s.first+3; j++ {
				if f.t.toks[j].has(cWas) {
					return true
				}
			}
		}
	}
	return false
}

// applyStatus keeps the strongest status reported for the agreement.
func applyStatus(f *agreementFinder, x *nounCtx) {
	if x.status != "" && rank(x.status) > rank(x.a.Status) {
		x.a.Status = x.status
		f.recs[f.index(x.a)].weak = x.weak && x.status == StatusSigned
	}
}
